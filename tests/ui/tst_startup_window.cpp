// Issue #14 "Honest start-up", SPEC §11.8: the real `fleetdeck` window (offscreen) started before
// its store and NATS exist. It opens at once and shows "Connecting to store <dsn>: <error>
// (attempt <n>)", never Live; once the store is up it shows "NATS <url> unreachable, retrying"
// (Disconnected); once NATS is up too it turns Live by itself. The window's state is read from
// the lines the app logs on every change of its indicator ("fleetdeck: connection: …"), and a
// screenshot of the connecting state is taken (build/<preset>/screenshots/connecting.png).
#include "nats_test_server.h"
#include "pg_later.h"
#include "worker_process.h"

#include <QDir>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

using namespace fleetdeck::test;

namespace {

QStringList guiEnv(const QTemporaryDir &home)
{
    QDir().mkpath(home.filePath(QStringLiteral("run")));
    QFile::setPermissions(home.filePath(QStringLiteral("run")), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return {QStringLiteral("HOME=") + home.path(), QStringLiteral("XDG_CONFIG_HOME=") + home.filePath(QStringLiteral("config")),
            QStringLiteral("XDG_DATA_HOME=") + home.filePath(QStringLiteral("data")),
            QStringLiteral("XDG_RUNTIME_DIR=") + home.filePath(QStringLiteral("run")), QStringLiteral("QT_QPA_PLATFORM=offscreen"),
            QStringLiteral("FLEETDECK_NO_KEYCHAIN=1"), QStringLiteral("LC_ALL=C.UTF-8")};
}

// The "fleetdeck: connection: …" lines so far.
QStringList connectionLines(WorkerProcess &p)
{
    QStringList out;
    for (const QString &line : p.log().split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("fleetdeck: connection: ")))
            out.append(line);
    return out;
}

bool anyLive(const QStringList &lines)
{
    for (const QString &l : lines)
        if (l.contains(QLatin1String("Live")))
            return true;
    return false;
}

} // namespace

class TstStartupWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void window_connects_by_itself_and_is_never_live_before()
    {
        PgLater pg(QStringLiteral("startup-window-pg"));
        NatsTestServer nats;
        QTemporaryDir home;
        WorkerProcess gui(QStringLiteral(FLEETDECK_BIN));
        QVERIFY(gui.start({QStringLiteral("--store"), pg.dsn(), QStringLiteral("--nats"), nats.url()}, guiEnv(home)));
        // The store does not exist: the connecting state with the attempt count, retried.
        const QString connecting = QStringLiteral("Connecting to store %1: ").arg(pg.dsn());
        QVERIFY2(gui.waitForLog(QStringLiteral("(attempt 2)"), 30000), qPrintable(gui.log()));
        QVERIFY2(gui.logContains(connecting), qPrintable(gui.log()));
        QVERIFY2(gui.logContains(QStringLiteral("Connecting… — store unreachable: ")), qPrintable(gui.log()));
        QVERIFY(gui.isRunning());
        QVERIFY2(!anyLive(connectionLines(gui)), qPrintable(gui.log()));

        // The store comes up: its data shows, NATS is missing: Disconnected, never Live.
        QString error;
        QVERIFY2(pg.start(&error), qPrintable(error));
        const QString natsDown = QStringLiteral("Disconnected — NATS %1 unreachable, retrying").arg(nats.url());
        QVERIFY2(gui.waitForLog(natsDown, 30000), qPrintable(gui.log()));
        QVERIFY2(!anyLive(connectionLines(gui)), qPrintable(gui.log()));

        // NATS comes up: Live by itself.
        QVERIFY2(nats.start(), qPrintable(nats.errorString()));
        QVERIFY2(gui.waitForLog(QStringLiteral("● Live"), 30000), qPrintable(gui.log()));
        const QStringList lines = connectionLines(gui);
        int firstLive = -1, lastNatsDown = -1, lastConnecting = -1;
        for (int i = 0; i < lines.size(); ++i) {
            if (firstLive < 0 && lines.at(i).contains(QLatin1String("Live")))
                firstLive = i;
            if (lines.at(i).contains(natsDown))
                lastNatsDown = i;
            if (lines.at(i).contains(connecting))
                lastConnecting = i;
        }
        QVERIFY2(lastConnecting >= 0 && lastConnecting < lastNatsDown && lastNatsDown < firstLive, qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY(gui.isRunning());
        gui.terminate();
        QVERIFY(gui.waitForExit(20000));
    }

    // A picture of the connecting state (the command line: nothing reachable).
    void connecting_state_screenshot()
    {
        QTemporaryDir home;
        QString dir = qEnvironmentVariable("FLEETDECK_SCREENSHOT_DIR");
        if (dir.isEmpty())
            dir = QStringLiteral(FLEETDECK_SOURCE_DIR "/build/ci/screenshots");
        QDir().mkpath(dir);
        const QString shot = dir + QStringLiteral("/connecting.png");
        QFile::remove(shot);
        WorkerProcess gui(QStringLiteral(FLEETDECK_BIN));
        QVERIFY(gui.start({QStringLiteral("--store"), QStringLiteral("postgresql://fleet@127.0.0.1:1/fleetdeck"), QStringLiteral("--nats"),
                           QStringLiteral("nats://127.0.0.1:2"), QStringLiteral("--screenshot"), shot, QStringLiteral("--quit-after"),
                           QStringLiteral("6")},
                          guiEnv(home)));
        QVERIFY2(gui.waitForExit(60000), qPrintable(gui.log()));
        QVERIFY2(!gui.crashed() && gui.exitCode() == 0, qPrintable(gui.log()));
        QVERIFY2(gui.logContains(QStringLiteral("(attempt 2)")), qPrintable(gui.log()));
        QVERIFY2(!anyLive(connectionLines(gui)), qPrintable(gui.log()));
        const QImage img(shot);
        QVERIFY2(!img.isNull() && img.width() > 400, qPrintable(shot));
    }
};

QTEST_GUILESS_MAIN(TstStartupWindow)
#include "tst_startup_window.moc"
