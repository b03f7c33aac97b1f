// A20 — The reaper corrects memory everywhere (D7), with three replicas on the real PostgreSQL
// store and a simulated clock: R1 owns an install running at 40 % (real fan-out, a worker that
// ticks 40 % and never answers) and is killed; R2 and R3 show the op. R2's reaper 31 min after
// the last update returns 1, and R2 and R3 show the op failed with Retry and Dismiss offered
// (failed, undismissed, in the operations list); History has one entry. With R3's reaper running
// at the same moment as R2's, the op is still reaped once: one History entry, counts summing to 1.
// fleetdeck-test-labels: postgres
#include "fake_worker.h"
#include "ops_fixture.h"

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstReaperReplicas : public QObject {
    Q_OBJECT
    OpsFixture f;

    static bool listed(TestReplica *r, const QString &opId, OpState state)
    {
        for (const Operation &op : r->ops().listOps())
            if (op.id == opId)
                return op.state == state;
        return false;
    }

    int historyEntries(TestReplica *r, const QString &opId)
    {
        const auto h = r->store().callSync([](Store &s) { return s.listHistory(200); });
        int n = 0;
        for (const HistoryEntry &e : h.value())
            n += e.opId == opId ? 1 : 0;
        return n;
    }

    // R1 (real fan-out) admits and runs `backend`; the worker ticks 40 % and stays silent.
    // Returns the op id once R1's store row and the given peers show it running at 40 %.
    QString runAt40(TestReplica *r1, const QString &backend, const QList<TestReplica *> &peers)
    {
        const auto admitted = r1->admit(OpKind::Install, backend);
        if (!admitted)
            return {};
        const QString opId = admitted->opId;
        const bool ok = f.advanceUntil([&] {
            const auto stored = r1->storedOp(opId);
            if (!stored || stored->progress != 40 || stored->state != OpState::Running)
                return false;
            for (TestReplica *p : peers) {
                const auto m = p->memoryOp(opId);
                if (!m || m->progress != 40 || m->state != OpState::Running)
                    return false;
            }
            return true;
        });
        return ok ? opId : QString();
    }

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void a20_reaper_corrects_memory_everywhere_data()
    {
        QTest::addColumn<fleetdeck::test::Backend>("backend");
        QTest::newRow("postgres") << Backend::Postgres;
    }
    void a20_reaper_corrects_memory_everywhere()
    {
        // Periodic reapers stay quiet in this test (the manual runs are the ones under test).
        const ClusterSettings quiet = OpsFixture::settingsWith({{"ops/reap_interval_s", 86400}});
        TestReplica *r1 = f.fanOutReplica(nullptr, quiet);
        QVERIFY(r1);
        const QString nodeId = addNode(r1->store(), QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia"), f.clock.nowMs());
        FakeWorker worker(f.bus.get(), &f.clock, nodeId, QStringLiteral("gpu-a100-1"));
        worker.reply = FakeWorker::Reply::Silent;
        wire::ProgressEvent tick;
        tick.phase = QStringLiteral("downloading");
        tick.percentage = 40;
        tick.currentBytes = 40;
        tick.totalBytes = 100;
        worker.ticks = {tick};

        // R1 is the only executor when the ops are admitted, so it owns both.
        const QString first = runAt40(r1, QStringLiteral("whisper"), {});
        QVERIFY(!first.isEmpty());
        const QString second = runAt40(r1, QStringLiteral("vllm"), {});
        QVERIFY(!second.isEmpty());
        TestReplica *r2 = f.replica(QStringLiteral("headless"), quiet);
        TestReplica *r3 = f.replica(QStringLiteral("headless"), quiet);
        QVERIFY(r2 && r3);
        QVERIFY(waitUntil([&] {
            for (TestReplica *p : {r2, r3})
                for (const QString &id : {first, second}) {
                    const auto m = p->memoryOp(id);
                    if (!m || m->progress != 40 || m->state != OpState::Running)
                        return false;
                }
            return true;
        }));
        QCOMPARE(r2->storedOp(first)->ownerReplicaId.value_or(QString()), r1->replicaId());
        QVERIFY(listed(r2, first, OpState::Running) && listed(r3, first, OpState::Running));

        // R1 dies without a graceful shutdown: its ops stay `running` in the store.
        const qint64 lastUpdate = std::max(r2->storedOp(first)->updatedAt, r2->storedOp(second)->updatedAt);
        r1->kill();
        QCOMPARE(toString(r2->storedOp(first)->state), toString(OpState::Running));

        // 31 min after the last update R2's reaper runs alone and returns 1: the second op is
        // touched first so that only the first one is stale.
        f.clock.setMs(lastUpdate + 31 * 60'000);
        r2->store().callSync([second](Store &s) {
            return s.updateProgress(OpProgressWrite{second, std::nullopt, true, 40, QStringLiteral("processing backend: vllm")});
        });
        QCOMPARE(await(r2->ops().reapStaleOperations()), 1);
        const auto reaped = r2->storedOp(first);
        QCOMPARE(toString(reaped->state), toString(OpState::Failed));
        QCOMPARE(reaped->error, std::optional<QString>(QStringLiteral("stale operation reaped (abandoned by a crashed or restarted replica)")));
        QCOMPARE(reaped->errorCode, Reason::make("reaped")); // docs/reason-codes.md
        for (const NodeProgress &n : reaped->nodes) {
            QCOMPARE(toString(n.status), toString(NodeRowStatus::Error));
            QCOMPARE(n.errorCode, Reason::make("reaped_node"));
        }
        // R2 and R3 show it failed, undismissed: Retry and Dismiss are offered (§3.6, §11.3).
        QVERIFY(waitUntil([&] { return listed(r2, first, OpState::Failed) && listed(r3, first, OpState::Failed); }));
        QVERIFY(!r3->memoryOp(first)->dismissedAt);
        QCOMPARE(r3->memoryOp(first)->errorCode, Reason::make("reaped")); // the broadcast carries it
        QCOMPARE(historyEntries(r2, first), 1);

        // The second op: R2's and R3's reapers at the same moment. One guarded write wins.
        f.clock.advanceMs(31 * 60'000);
        auto f2 = r2->ops().reapStaleOperations();
        auto f3 = r3->ops().reapStaleOperations();
        const int n2 = await(f2);
        const int n3 = await(f3);
        QCOMPARE(n2 + n3, 1);
        QCOMPARE(historyEntries(r2, second), 1);
        QCOMPARE(historyEntries(r3, first), 1);
        QVERIFY(waitUntil([&] { return listed(r2, second, OpState::Failed) && listed(r3, second, OpState::Failed); }));
        // Retry from R3 admits a new op and dismisses the failed one everywhere.
        auto retried = await(r3->ops().retry(first));
        QVERIFY2(retried, qPrintable(retried ? QString() : retried.error()));
        QVERIFY(waitUntil([&] { return !listed(r2, first, OpState::Failed); }));
    }
};

QTEST_GUILESS_MAIN(TstReaperReplicas)
#include "tst_reaper_replicas.moc"
