// Graceful replica shutdown (SPEC §3.3) on both stores: a running install on three healthy nodes
// with one request in flight at a time. At shutdown the in-flight node's pending row is recorded
// in flight (due after the install timeout), the nodes not yet contacted get their rows due at
// once (next_retry_at = now), every open node row becomes running_on_worker "replica shut down;
// reconciler will confirm" and the op running_on_worker, so the reconciler can finish it. A
// claimed but unstarted op is handed back (owner NULL, queued).
// fleetdeck-test-labels: postgres
#include "fake_worker.h"
#include "ops_fixture.h"

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstShutdown : public QObject {
    Q_OBJECT
    OpsFixture f;

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void graceful_shutdown_leaves_running_ops_to_the_reconciler_data() { addBackendColumns(); }
    void graceful_shutdown_leaves_running_ops_to_the_reconciler()
    {
        const ClusterSettings settings = OpsFixture::settingsWith({{"ops/fanout_parallel", 1}});
        TestReplica *r1 = f.fanOutReplica(nullptr, settings);
        QVERIFY(r1);
        TestReplica *ctl = f.replica(QStringLiteral("ctl"));
        QVERIFY(ctl);
        QStringList ids;
        std::vector<std::unique_ptr<FakeWorker>> workers;
        for (const char *name : {"gpu-a100-1", "gpu-a100-2", "gpu-a100-3"}) {
            const QString n = QString::fromLatin1(name);
            ids.append(addNode(r1->store(), n, NodeStatus::Healthy, QStringLiteral("nvidia"), f.clock.nowMs()));
            workers.push_back(std::make_unique<FakeWorker>(f.bus.get(), &f.clock, ids.last(), n));
            workers.back()->reply = FakeWorker::Reply::Silent; // the first node's request stays in flight
        }
        const auto admitted = r1->admit(OpKind::Install, QStringLiteral("whisper"));
        QVERIFY2(admitted, qPrintable(admitted ? QString() : admitted.error()));
        const QString opId = admitted->opId;
        QVERIFY(waitUntil([&] { return workers[0]->requestsOf(QStringLiteral("install")).size() == 1; }));
        f.settle();
        QCOMPARE(workers[1]->requestsOf(QStringLiteral("install")).size(), 0);
        f.clock.advanceMs(10'000); // "now" at shutdown differs from the enqueue time
        const qint64 shutdownAt = f.clock.nowMs();

        f.dropReplica(r1); // graceful: TestReplica::stop → OperationService::stop

        const auto op = ctl->storedOp(opId);
        QVERIFY(op);
        QCOMPARE(toString(op->state), toString(OpState::RunningOnWorker));
        QCOMPARE(op->message, QStringLiteral("replica shut down; reconciler will confirm"));
        QCOMPARE(op->nodes.size(), 3);
        for (const NodeProgress &n : op->nodes) {
            QCOMPARE(toString(n.status), toString(NodeRowStatus::RunningOnWorker));
            QCOMPARE(n.message, QStringLiteral("replica shut down; reconciler will confirm"));
        }
        const auto pending = ctl->store().callSync([](Store &s) { return s.listPending(); });
        QVERIFY(pending);
        QCOMPARE(pending->size(), 3);
        for (const PendingNodeOp &p : pending.value()) {
            QCOMPARE(p.opId, std::optional<QString>(opId));
            if (p.nodeId == ids[0]) { // in flight: left to the worker for the install timeout
                QVERIFY(p.inFlight);
                QCOMPARE(p.nextRetryAt, shutdownAt + settings.timeoutMs(OpKind::Install));
            } else { // not contacted: due at once
                QVERIFY(!p.inFlight);
                QCOMPARE(p.nextRetryAt, shutdownAt);
            }
        }
        const auto due = ctl->store().callSync([](Store &s) { return s.listDue(); });
        QVERIFY(due);
        QCOMPARE(due->size(), 2); // the reconciler's next pass contacts them
    }

    void claimed_but_unstarted_ops_are_handed_back_data() { addBackendColumns(); }
    void claimed_but_unstarted_ops_are_handed_back()
    {
        TestReplica *r1 = f.replica();
        QVERIFY(r1);
        // An op claimed by r1 but not started (as between claimOp and startOp).
        Operation op;
        op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        op.kind = OpKind::Delete;
        op.backend = QStringLiteral("bark");
        op.cacheKey = op.backend;
        op.message = QStringLiteral("Queued");
        op.createdAt = op.updatedAt = op.progressAt = f.clock.nowMs();
        QVERIFY(r1->store().callSync([op](Store &s) { return s.createOp(op); }));
        const QString me = r1->replicaId();
        QVERIFY(r1->store().callSync([me, id = op.id](Store &s) { return s.claimOp(me, id); }).value());
        TestReplica *ctl = f.replica(QStringLiteral("ctl"));
        QVERIFY(ctl);
        f.dropReplica(r1);
        const auto stored = ctl->storedOp(op.id);
        QVERIFY(stored);
        QCOMPARE(toString(stored->state), toString(OpState::Queued));
        QVERIFY(!stored->ownerReplicaId || stored->ownerReplicaId->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstShutdown)
#include "tst_shutdown.moc"
