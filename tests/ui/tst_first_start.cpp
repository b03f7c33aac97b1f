// A47's GUI half (SPEC §1.5 "First start", §11.10): `fleetdeck` started with no configured store
// and NATS (no flag, variable or INI key) shows the Demo / Connect… choice and creates no store.
// Runs the real binary with HOME and XDG_CONFIG_HOME in a scratch directory.
#include <QDirIterator>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TstFirstStart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void a47_first_start_offers_demo_or_connect()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("run")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        for (const QString &k : env.keys())
            if (k.startsWith(QLatin1String("FLEETDECK_")))
                env.remove(k);
        const QString shot = home.filePath(QStringLiteral("welcome.png"));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(FLEETDECK_BIN), {QStringLiteral("--screenshot"), shot, QStringLiteral("--quit-after"), QStringLiteral("1.5")});
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromLocal8Bit(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 0, qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("offering Demo or Connect")), qPrintable(err));
        // The picture of the choice exists; quitting it started nothing.
        const QImage img(shot);
        QVERIFY(!img.isNull());
        QVERIFY(img.width() > 200);
        QVERIFY2(!err.contains(QStringLiteral("started on")), qPrintable(err));
        // No store anywhere below HOME: no SQLite file, no INI written.
        QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString f = it.next();
            QVERIFY2(!f.endsWith(QLatin1String(".sqlite")) && !f.endsWith(QLatin1String(".conf")) && !f.contains(QLatin1String("sqlite")),
                     qPrintable(QStringLiteral("created %1").arg(f)));
        }
    }
};

QTEST_GUILESS_MAIN(TstFirstStart)
#include "tst_first_start.moc"
