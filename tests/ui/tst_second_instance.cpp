// Issue "installers": one GUI per user. A second `fleetdeck` launch hands its arguments to the
// first, which raises its window, and exits 0. Both are the real binary (offscreen), configured
// with a SQLite store and the in-process bus, HOME in a scratch directory.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TstSecondInstance : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void second_launch_raises_the_first_and_exits()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("run")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        QDir().mkpath(home.filePath(QStringLiteral("run")));
        QFile::setPermissions(home.filePath(QStringLiteral("run")), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        const QStringList args{QStringLiteral("--store"), QStringLiteral("sqlite:") + home.filePath(QStringLiteral("fleet.sqlite"))};
        QProcess first;
        first.setProcessEnvironment(env);
        first.setProcessChannelMode(QProcess::SeparateChannels);
        first.start(QStringLiteral(FLEETDECK_BIN), args);
        QVERIFY(first.waitForStarted());
        QByteArray firstErr;
        // The first instance is up once it has started its engine.
        QTRY_VERIFY_WITH_TIMEOUT((firstErr += first.readAllStandardError()).contains("started on"), 30000);

        QProcess second;
        second.setProcessEnvironment(env);
        second.start(QStringLiteral(FLEETDECK_BIN), args);
        QVERIFY(second.waitForFinished(30000));
        const QString secondErr = QString::fromLocal8Bit(second.readAllStandardError());
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QVERIFY2(second.exitCode() == 0, qPrintable(secondErr));
        QVERIFY2(secondErr.contains(QStringLiteral("already running")), qPrintable(secondErr));
        QTRY_VERIFY_WITH_TIMEOUT((firstErr += first.readAllStandardError()).contains("a second launch asked for this window"), 10000);
        QCOMPARE(first.state(), QProcess::Running);

        first.terminate();
        if (!first.waitForFinished(15000))
            first.kill();
    }
};

QTEST_GUILESS_MAIN(TstSecondInstance)
#include "tst_second_instance.moc"
