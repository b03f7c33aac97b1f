// Process-level scenarios of the replica binaries on a real nats-server: A47 (one cluster per
// bus), A40 (the reconcile report on the CLI), A37 (hand-off with no long-lived replica).
// Each test starts its own nats-server, so clusters of different tests never meet.
// fleetdeck-test-labels: nats
#include "nats_test_server.h"
#include "test_util.h"
#include "worker_process.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {

struct CtlRun {
    int exitCode = -1;
    QJsonObject json;
    QString stdErr;
    qint64 elapsedMs = 0;
};

CtlRun ctl(const QStringList &args, int timeoutMs = 60000)
{
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral(FLEETDECK_CTL_BIN), args);
    CtlRun r;
    if (!p.waitForStarted() || !p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.stdErr = QStringLiteral("fleetdeckctl did not finish");
        return r;
    }
    r.elapsedMs = t.elapsed();
    r.exitCode = p.exitCode();
    r.json = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    r.stdErr = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString sqlite(const QTemporaryDir &dir, const char *name)
{
    return QStringLiteral("sqlite:") + dir.filePath(QLatin1String(name));
}

} // namespace

class TstReplicaProcess : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void a47_one_cluster_per_bus()
    {
        NatsTestServer nats;
        QVERIFY2(nats.start(), qPrintable(nats.errorString()));
        QTemporaryDir dir;
        WorkerProcess r1(QStringLiteral(FLEETDECK_BIN));
        QVERIFY(r1.start({QStringLiteral("--headless"), QStringLiteral("--store"), sqlite(dir, "s1.sqlite"),
                          QStringLiteral("--nats"), nats.url()}));
        QVERIFY2(r1.waitForLog(QStringLiteral("started on"), 20000), qPrintable(r1.log()));
        WorkerProcess r2(QStringLiteral(FLEETDECK_BIN));
        QVERIFY(r2.start({QStringLiteral("--headless"), QStringLiteral("--store"), sqlite(dir, "s2.sqlite"),
                          QStringLiteral("--nats"), nats.url()}));
        QVERIFY2(r2.waitForExit(20000), qPrintable(r2.log()));
        QCOMPARE(r2.exitCode(), 3);
        QVERIFY2(r2.logContains(QStringLiteral("NATS %1 already carries Fleetdeck cluster").arg(nats.url())), qPrintable(r2.log()));
        QVERIFY(r1.isRunning());
        r1.terminate();
        QVERIFY(r1.waitForExit(20000));
        QCOMPARE(r1.exitCode(), 0);
    }

    void a40_reconcile_report_on_the_cli()
    {
        NatsTestServer nats;
        QVERIFY2(nats.start(), qPrintable(nats.errorString()));
        QTemporaryDir dir;
        WorkerProcess r1(QStringLiteral(FLEETDECK_BIN));
        QVERIFY(r1.start({QStringLiteral("--headless"), QStringLiteral("--store"), sqlite(dir, "s.sqlite"),
                          QStringLiteral("--nats"), nats.url()}));
        QVERIFY2(r1.waitForLog(QStringLiteral("started on"), 20000), qPrintable(r1.log()));
        const CtlRun r = ctl({QStringLiteral("--store"), sqlite(dir, "s.sqlite"), QStringLiteral("--nats"), nats.url(),
                              QStringLiteral("--json"), QStringLiteral("reconcile")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.stdErr));
        for (const char *key : {"lock_acquired", "stale_pending_deleted", "confirmed", "retried", "succeeded", "failed",
                                "in_flight", "dead_lettered", "ops_reaped", "duration_ms", "started_at", "replica_id"})
            QVERIFY2(r.json.contains(QLatin1String(key)), key);
        QVERIFY(r.json.value(QLatin1String("lock_acquired")).toBool());
        QVERIFY(!r.stdErr.contains(QLatin1String("no Fleetdeck replica is running"))); // R1 answered the hello
        r1.terminate();
        QVERIFY(r1.waitForExit(20000));
    }

    void a37_hand_off_without_a_replica()
    {
        NatsTestServer nats;
        QVERIFY2(nats.start(), qPrintable(nats.errorString()));
        QTemporaryDir dir;
        const QStringList base{QStringLiteral("--store"), sqlite(dir, "s.sqlite"), QStringLiteral("--nats"), nats.url(),
                               QStringLiteral("--json")};
        const CtlRun del = ctl(base + QStringList{QStringLiteral("delete"), QStringLiteral("bark")});
        QCOMPARE(del.exitCode, 0);
        QVERIFY2(del.stdErr.contains(QStringLiteral("no Fleetdeck replica is running on %1").arg(nats.url())), qPrintable(del.stdErr));
        QVERIFY2(del.stdErr.contains(QLatin1String("within 10 s; it stays queued until one runs")), qPrintable(del.stdErr));
        QVERIFY(del.elapsedMs >= 10000);
        const QString opId = del.json.value(QLatin1String("op_id")).toString();
        QVERIFY(!opId.isEmpty());
        QCOMPARE(del.json.value(QLatin1String("state")).toString(), QStringLiteral("queued"));
        const CtlRun waited = ctl(base + QStringList{QStringLiteral("delete"), QStringLiteral("vllm"), QStringLiteral("--wait")});
        QCOMPARE(waited.exitCode, 3);
        QVERIFY(waited.elapsedMs >= 10000);
        // Both ops stay queued with no owner.
        const CtlRun list = ctl({QStringLiteral("--store"), sqlite(dir, "s.sqlite"), QStringLiteral("--json"),
                                 QStringLiteral("ops"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray ops = list.json.value(QLatin1String("ops")).toArray();
        QCOMPARE(ops.size(), 2);
        for (const QJsonValue &v : ops) {
            QCOMPARE(v.toObject().value(QLatin1String("state")).toString(), QStringLiteral("queued"));
            QVERIFY(v.toObject().value(QLatin1String("owner_replica_id")).isNull());
        }
        // A replica that starts claims them; with no node registered both fail "no eligible nodes".
        WorkerProcess r1(QStringLiteral(FLEETDECK_BIN));
        QVERIFY(r1.start({QStringLiteral("--headless"), QStringLiteral("--store"), sqlite(dir, "s.sqlite"),
                          QStringLiteral("--nats"), nats.url()}));
        QVERIFY(waitUntil(
            [&] {
                const CtlRun h = ctl({QStringLiteral("--store"), sqlite(dir, "s.sqlite"), QStringLiteral("--json"),
                                      QStringLiteral("ops"), QStringLiteral("history")});
                return h.json.value(QLatin1String("history")).toArray().size() == 2;
            },
            30000));
        const CtlRun h = ctl({QStringLiteral("--store"), sqlite(dir, "s.sqlite"), QStringLiteral("--json"), QStringLiteral("ops"),
                              QStringLiteral("history")});
        for (const QJsonValue &v : h.json.value(QLatin1String("history")).toArray())
            QVERIFY2(v.toObject().value(QLatin1String("error")).toString().startsWith(QLatin1String("no eligible nodes for delete of ")),
                     qPrintable(v.toObject().value(QLatin1String("error")).toString()));
        r1.terminate();
        QVERIFY(r1.waitForExit(20000));
    }
};

QTEST_GUILESS_MAIN(TstReplicaProcess)
#include "tst_replica_process.moc"
