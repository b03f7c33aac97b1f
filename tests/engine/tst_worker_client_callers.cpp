// A17 — Interface: the worker client's upgrade call takes an op id and an optional progress
// callback; the executor passes the op id and a callback, the reconciler an empty id and no
// callback. Verified on the recording in-process bus (every sub / req is logged in order): the
// executor's upgrade subscribes to the op's progress subject before its request carrying
// "op_id", and the ticks reach the node row; the reconciler's upgrade retry sends no op id and
// subscribes to nothing.
// fleetdeck-test-labels: postgres
#include "bus/subjects.h"
#include "cluster/reconciler.h"
#include "fake_worker.h"
#include "ops_fixture.h"
#include "recording_node_events.h"

#include <QJsonDocument>

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstWorkerClientCallers : public QObject {
    Q_OBJECT
    OpsFixture f;

    static qsizetype indexOf(const QStringList &log, const QString &prefix)
    {
        for (qsizetype i = 0; i < log.size(); ++i)
            if (log[i].startsWith(prefix))
                return i;
        return -1;
    }

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void a17_executor_passes_op_id_and_callback_reconciler_neither_data() { addBackendColumns(); }
    void a17_executor_passes_op_id_and_callback_reconciler_neither()
    {
        TestReplica *r = f.fanOutReplica();
        QVERIFY(r);
        const QString node = addNode(r->store(), QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia"), f.clock.nowMs());
        FakeWorker worker(f.bus.get(), &f.clock, node, QStringLiteral("gpu-a100-1"));
        worker.version = QStringLiteral("0.6");
        wire::ListedBackend installed; // an upgrade targets the nodes reporting the backend
        installed.name = QStringLiteral("vllm");
        installed.version = QStringLiteral("0.5");
        worker.backends = {installed};
        wire::ProgressEvent tick;
        tick.phase = QStringLiteral("downloading");
        tick.percentage = 42;
        worker.ticks = {tick};

        // The executor's upgrade.
        f.bus->clearLog();
        const auto admitted = r->admit(OpKind::Upgrade, QStringLiteral("vllm"));
        QVERIFY2(admitted, qPrintable(admitted ? QString() : admitted.error()));
        const QString opId = admitted->opId;
        std::optional<int> tickSeen;
        QVERIFY(f.advanceUntil([&] {
            const auto m = r->memoryOp(opId);
            if (m && !m->nodes.isEmpty() && m->nodes.first().status == NodeRowStatus::Downloading && !tickSeen)
                tickSeen = m->nodes.first().percentage;
            return m && m->state == OpState::Success;
        }));
        QCOMPARE(tickSeen.value_or(-1), 42); // the progress callback delivered the worker's tick
        const QStringList log = f.bus->log();
        const QString progressSubject = subjects::nodeProgress(QStringLiteral("gpu-a100-1"), opId);
        const qsizetype subAt = log.indexOf(QStringLiteral("sub ") + progressSubject);
        const qsizetype reqAt = indexOf(log, QStringLiteral("req nodes.gpu-a100-1.backend.upgrade "));
        QVERIFY2(subAt >= 0, qPrintable(log.join(QLatin1Char('\n'))));
        QVERIFY(reqAt > subAt);
        QCOMPARE(worker.requestsOf(QStringLiteral("upgrade")).size(), 1);
        QCOMPARE(worker.requestsOf(QStringLiteral("upgrade")).first().payload.value(QLatin1String("op_id")).toString(), opId);

        // The reconciler's retry of a background upgrade row.
        PendingNodeOp row;
        row.nodeId = node;
        row.backend = QStringLiteral("bark");
        row.op = OpKind::Upgrade;
        row.galleries = r->catalog().galleries();
        row.entry = r->catalog().resolve(row.backend).value().entry.toWireEntry();
        row.createdAt = row.nextRetryAt = f.clock.nowMs();
        QVERIFY(r->store().callSync([row](Store &s) { return s.upsertPending(row); }));
        RecordingNodeEvents events;
        Reconciler reconciler(Reconciler::Deps{&r->ops(), r->fanOut()->client(), r->fanOut()->listing(), &events, true});
        f.bus->clearLog();
        auto pass = reconciler.runPass(false);
        QVERIFY(f.advanceUntil([&] { return pass.isFinished(); })); // the worker answers 1 s (simulated) later
        const ReconcileReport report = pass.result();
        QCOMPARE(report.retried, 1);
        QCOMPARE(report.succeeded, 1);
        const QList<FakeWorker::Request> upgrades = worker.requestsOf(QStringLiteral("upgrade"));
        QCOMPARE(upgrades.size(), 2);
        QCOMPARE(upgrades.last().payload.value(QLatin1String("backend")).toString(), QStringLiteral("bark"));
        QVERIFY(!upgrades.last().payload.contains(QLatin1String("op_id")));
        QVERIFY(indexOf(f.bus->log(), QStringLiteral("req nodes.gpu-a100-1.backend.upgrade ")) >= 0);
        for (const QString &line : f.bus->log())
            QVERIFY2(!(line.startsWith(QLatin1String("sub ")) && line.endsWith(QLatin1String(".progress"))), qPrintable(line));
        f.settle();
    }
};

QTEST_GUILESS_MAIN(TstWorkerClientCallers)
#include "tst_worker_client_callers.moc"
