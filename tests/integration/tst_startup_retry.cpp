// Issue #14 "Honest start-up", SPEC §10.4, §1.5: `fleetdeck --headless` and `fleetdeck-worker`
// started before their servers log each attempt, keep retrying (SIGTERM still ends them at
// once) and connect by themselves when the servers come up; exit 3 stays for what no retry
// cures: bad credentials (a PostgreSQL role the server refuses, a NATS authorization violation).
// The late PostgreSQL and nats-server are the test's own, started on ports chosen beforehand;
// the shared `postgres` fixture is only asked for an unknown role.
// fleetdeck-test-labels: postgres
#include "nats_test_server.h"
#include "pg_later.h"
#include "test_db.h"
#include "worker_process.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {

QString fixtureDsnAs(const QString &user)
{
    QFile f(qEnvironmentVariable("FLEETDECK_TEST_SERVERS_DIR") + QStringLiteral("/pg/dsn"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QString dsn = QString::fromUtf8(f.readAll()).trimmed(); // postgresql://app@127.0.0.1:<port>/postgres
    return dsn.replace(QStringLiteral("//app@"), QStringLiteral("//%1@").arg(user));
}

} // namespace

class TstStartupRetry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void headless_waits_for_the_store_then_nats()
    {
        PgLater pg(QStringLiteral("startup-retry-pg"));
        NatsTestServer nats;
        WorkerProcess r(QStringLiteral(FLEETDECK_BIN));
        QVERIFY(r.start({QStringLiteral("--headless"), QStringLiteral("--store"), pg.dsn(), QStringLiteral("--nats"), nats.url()}));
        // Nothing answers: each attempt is logged, 5 s apart, and the process stays.
        QVERIFY2(r.waitForLog(QStringLiteral("(attempt 2); retrying in 5 s"), 20000), qPrintable(r.log()));
        QVERIFY2(r.logContains(QStringLiteral("store %1: ").arg(pg.dsn())), qPrintable(r.log()));
        QVERIFY(r.isRunning());
        QVERIFY(!r.logContains(QStringLiteral("started on")));
        // The store comes up: migrations run, then start-up waits for NATS, logging its attempts.
        QString error;
        QVERIFY2(pg.start(&error), qPrintable(error));
        QVERIFY2(r.waitForLog(QStringLiteral("NATS %1: unreachable, retrying (attempt 2)").arg(nats.url()), 30000), qPrintable(r.log()));
        QVERIFY(r.logContains(QStringLiteral("applied migration")));
        QVERIFY(r.isRunning());
        QVERIFY(!r.logContains(QStringLiteral("started on")));
        // NATS comes up: the replica starts by itself.
        QVERIFY2(nats.start(), qPrintable(nats.errorString()));
        QVERIFY2(r.waitForLog(QStringLiteral("started on"), 30000), qPrintable(r.log()));
        r.terminate();
        QVERIFY(r.waitForExit(20000));
        QCOMPARE(r.exitCode(), 0);
    }

    // The issue's command line: nothing reachable. SIGTERM during the retries ends it at once.
    void headless_sigterm_while_retrying()
    {
        WorkerProcess r(QStringLiteral(FLEETDECK_BIN));
        QVERIFY(r.start({QStringLiteral("--headless"), QStringLiteral("--store"), QStringLiteral("postgresql://fleet@127.0.0.1:1/fleetdeck"),
                         QStringLiteral("--nats"), QStringLiteral("nats://127.0.0.1:2")}));
        QVERIFY2(r.waitForLog(QStringLiteral("(attempt 1); retrying in 5 s"), 20000), qPrintable(r.log()));
        QTest::qWait(500);
        QVERIFY(r.isRunning());
        QElapsedTimer t;
        t.start();
        r.terminate();
        QVERIFY(r.waitForExit(10000));
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(r.exitCode(), 0);
    }

    // Store up, NATS not: waiting at the cluster check, SIGTERM still ends it at once.
    void headless_sigterm_while_waiting_for_nats()
    {
        QTemporaryDir dir;
        const QString url = QStringLiteral("nats://127.0.0.1:%1").arg(NatsTestServer::freePort());
        WorkerProcess r(QStringLiteral(FLEETDECK_BIN));
        QVERIFY(r.start({QStringLiteral("--headless"), QStringLiteral("--store"), QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("s.sqlite")),
                         QStringLiteral("--nats"), url}));
        QVERIFY2(r.waitForLog(QStringLiteral("NATS %1: unreachable, retrying (attempt 1)").arg(url), 20000), qPrintable(r.log()));
        QElapsedTimer t;
        t.start();
        r.terminate();
        QVERIFY(r.waitForExit(10000));
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(r.exitCode(), 0);
        QVERIFY(!r.logContains(QStringLiteral("started on")));
    }

    void headless_bad_store_credentials_exit_3()
    {
        const QString dsn = fixtureDsnAs(QStringLiteral("nobody"));
        QVERIFY2(!dsn.isEmpty(), "PostgreSQL fixture not running");
        QTemporaryDir dir;
        NatsTestServer nats;
        WorkerProcess r(QStringLiteral(FLEETDECK_BIN));
        QVERIFY(r.start({QStringLiteral("--headless"), QStringLiteral("--store"), dsn, QStringLiteral("--nats"), nats.url()}));
        QVERIFY2(r.waitForExit(20000), qPrintable(r.log()));
        QCOMPARE(r.exitCode(), 3);
        QVERIFY2(r.logContains(QStringLiteral("role \"nobody\" does not exist")), qPrintable(r.log()));
        QVERIFY(!r.logContains(QStringLiteral("retrying")));
    }

    void headless_nats_authorization_violation_exit_3()
    {
        NatsTestServer nats(QStringLiteral("authorization { token: \"t0ken-abc\" }"));
        QVERIFY2(nats.start(), qPrintable(nats.errorString()));
        QTemporaryDir dir;
        WorkerProcess r(QStringLiteral(FLEETDECK_BIN));
        QVERIFY(r.start({QStringLiteral("--headless"), QStringLiteral("--store"), QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("s.sqlite")),
                         QStringLiteral("--nats"), nats.url()}));
        QVERIFY2(r.waitForExit(30000), qPrintable(r.log()));
        QCOMPARE(r.exitCode(), 3);
        QVERIFY2(r.logContains(QStringLiteral("NATS %1: ").arg(nats.url())), qPrintable(r.log()));
        QVERIFY2(r.log().contains(QStringLiteral("authorization"), Qt::CaseInsensitive), qPrintable(r.log()));
        QVERIFY(!r.logContains(QStringLiteral("started on")));
    }

    void worker_waits_for_nats()
    {
        NatsTestServer nats;
        QTemporaryDir dir;
        WorkerProcess w(QStringLiteral(FLEETDECK_WORKER_BIN));
        QVERIFY(w.start({QStringLiteral("--name"), QStringLiteral("late-node"), QStringLiteral("--nats"), nats.url(),
                         QStringLiteral("--backends-dir"), dir.filePath(QStringLiteral("backends"))}));
        QVERIFY2(w.waitForLog(QStringLiteral("NATS %1: unreachable, retrying (attempt 2)").arg(nats.url()), 20000), qPrintable(w.log()));
        QVERIFY(w.isRunning());
        QVERIFY2(nats.start(), qPrintable(nats.errorString()));
        QVERIFY2(w.waitForLog(QStringLiteral("NATS %1: connected").arg(nats.url()), 20000), qPrintable(w.log()));
        QVERIFY2(w.waitForLog(QStringLiteral("registering as late-node"), 20000), qPrintable(w.log()));
        w.terminate();
        QVERIFY(w.waitForExit(20000));
        QCOMPARE(w.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TstStartupRetry)
#include "tst_startup_retry.moc"
