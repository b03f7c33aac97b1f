// Executor, keepalive and reaper on both stores (SPEC §3.3, §9.3): A14, A43, A44, D18 and the
// success path (cache.invalidate.backends before the terminal write, eviction by the list read).
// fleetdeck-test-labels: postgres
#include "ops/executor.h"
#include "ops_fixture.h"

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstExecutor : public QObject {
    Q_OBJECT
    OpsFixture f;

    bool opIs(TestReplica *r, const QString &id, OpState state)
    {
        const auto m = r->memoryOp(id);
        return m && m->state == state;
    }

    // Creates a running op owned by a replica that no longer exists.
    QString orphan(TestReplica *r, const QString &backend)
    {
        Operation op;
        op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        op.kind = OpKind::Install;
        op.backend = backend;
        op.cacheKey = backend;
        op.state = OpState::Queued;
        op.message = QStringLiteral("Queued");
        op.createdAt = op.updatedAt = op.progressAt = f.clock.nowMs();
        auto created = r->store().callSync([op](Store &s) { return s.createOp(op); });
        if (!created || !created->created)
            return {};
        r->store().callSync([id = op.id](Store &s) {
            s.claimOp(QStringLiteral("dead-replica"), id);
            return s.startOp(id, QStringLiteral("dead-replica"), QStringLiteral("processing backend: x"), true);
        });
        return op.id;
    }

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

#define BOTH_STORES(name) \
    void name##_data() { addBackendColumns(); }

    BOTH_STORES(success_is_published_then_evicted)
    void success_is_published_then_evicted()
    {
        TestReplica *r1 = f.replica();
        QVERIFY(r1);
        const auto a = r1->admit(OpKind::Install, QStringLiteral("whisper"));
        QVERIFY(a);
        QVERIFY(f.advanceUntil([&] { return opIs(r1, a->opId, OpState::Success); }));
        const auto stored = r1->storedOp(a->opId);
        QCOMPARE(toString(stored->state), toString(OpState::Success));
        QCOMPARE(stored->progress, 100);
        QCOMPARE(stored->message, QStringLiteral("completed"));
        QCOMPARE(stored->nodes.size(), 1);
        QCOMPARE(toString(stored->nodes[0].status), toString(NodeRowStatus::Success));
        // cache.invalidate.backends goes out before the terminal status.
        const QStringList log = f.bus->log();
        qsizetype inval = -1, terminal = -1;
        for (qsizetype i = 0; i < log.size(); ++i) {
            if (log[i].startsWith(QLatin1String("pub cache.invalidate.backends")) && inval < 0)
                inval = i;
            if (log[i].startsWith(QLatin1String("pub gallery.")) && log[i].contains(QLatin1String("\"state\":\"success\"")))
                terminal = i;
        }
        QVERIFY(inval >= 0);
        QVERIFY(terminal > inval);
        QVERIFY(r1->ops().listOps().isEmpty()); // the list read evicts the clean success
        QVERIFY(!r1->ops().opCache().containsOp(a->opId));
    }

    BOTH_STORES(a43_executor_slots)
    void a43_executor_slots()
    {
        TestReplica *r1 = f.replica();
        QVERIFY(r1);
        const QStringList backends = {QStringLiteral("whisper"), QStringLiteral("piper"), QStringLiteral("vllm"),
                                      QStringLiteral("vllm-development"), QStringLiteral("bark"), QStringLiteral("llama-cpp-cpu")};
        QStringList ids;
        for (const QString &b : backends) {
            const auto a = r1->admit(OpKind::Install, b);
            QVERIFY(a);
            ids.append(a->opId);
        }
        f.settle(300);
        QCOMPARE(r1->runner().started().size(), 4); // at most 4 run at once
        int queued = 0;
        for (const QString &id : ids)
            queued += opIs(r1, id, OpState::Queued) ? 1 : 0;
        QCOMPARE(queued, 2);
        QVERIFY(f.advanceUntil([&] {
            for (const QString &id : ids)
                if (!opIs(r1, id, OpState::Success))
                    return false;
            return true;
        }));
        QCOMPARE(r1->ops().executor()->peakRunning(), 4);
        QCOMPARE(r1->runner().started().size(), 6);
    }

    BOTH_STORES(d18_exception_is_contained)
    void d18_exception_is_contained()
    {
        TestReplica *r1 = f.replica();
        QVERIFY(r1);
        r1->runner().setThrow(QStringLiteral("bark"), true);
        const auto bad = r1->admit(OpKind::Install, QStringLiteral("bark"));
        QVERIFY(f.advanceUntil([&] { return opIs(r1, bad->opId, OpState::Failed); }));
        QCOMPARE(r1->memoryOp(bad->opId)->error, std::optional<QString>(QStringLiteral("internal error: fake runner exploded")));
        const auto good = r1->admit(OpKind::Install, QStringLiteral("whisper"));
        QVERIFY(f.advanceUntil([&] { return opIs(r1, good->opId, OpState::Success); }));
    }

    BOTH_STORES(running_on_worker_is_soft_and_kept)
    void running_on_worker_is_soft_and_kept()
    {
        TestReplica *r1 = f.replica();
        QVERIFY(r1);
        r1->runner().setPlan(QStringLiteral("vllm-development"),
                             {{QStringLiteral("n1"), QStringLiteral("gpu-a100-1"), NodeRowStatus::Success, {}, 100},
                              {QStringLiteral("n2"), QStringLiteral("jetson-orin"), NodeRowStatus::RunningOnWorker, {}, 200}});
        const auto a = r1->admit(OpKind::Install, QStringLiteral("vllm-development"));
        QVERIFY(f.advanceUntil([&] { return opIs(r1, a->opId, OpState::RunningOnWorker); }));
        const auto m = r1->memoryOp(a->opId);
        QCOMPARE(m->message, QStringLiteral("backend vllm-development: worker still installing in background; reconciler "
                                            "will confirm completion (jetson-orin)"));
        QCOMPARE(toString(r1->storedOp(a->opId)->state), toString(OpState::RunningOnWorker));
        QCOMPARE(r1->ops().listOps().size(), 1);
        QVERIFY(waitUntil([&] { return r1->ops().executor()->runningCount() == 0; })); // the slot is free again
    }

    BOTH_STORES(a14_periodic_reap_of_orphans)
    void a14_periodic_reap_of_orphans()
    {
        TestReplica *r1 = f.replica(QStringLiteral("ctl"));
        QVERIFY(r1);
        const QString orphanId = orphan(r1, QStringLiteral("whisper"));
        QVERIFY(!orphanId.isEmpty());
        f.clock.advanceMs(3'600'000);
        const QString liveId = orphan(r1, QStringLiteral("vllm"));
        r1->store().callSync([liveId](Store &s) {
            return s.updateProgress(OpProgressWrite{liveId, std::nullopt, true, 50, QStringLiteral("halfway")});
        });
        QCOMPARE(await(r1->ops().reapStaleOperations(30 * 60'000)), 1);
        const auto reaped = r1->storedOp(orphanId);
        QCOMPARE(toString(reaped->state), toString(OpState::Failed));
        QCOMPARE(reaped->error, std::optional<QString>(QStringLiteral("stale operation reaped (abandoned by a crashed or restarted replica)")));
        const auto live = r1->storedOp(liveId);
        QCOMPARE(toString(live->state), toString(OpState::Running));
        QCOMPARE(live->progress, 50);
        QCOMPARE(await(r1->ops().reapStaleOperations(30 * 60'000)), 0); // counted once
        // The scheduler: a long-lived replica reaps at start, and again every 15 min.
        f.clock.advanceMs(3'600'000);
        TestReplica *r2 = f.replica(QStringLiteral("headless"));
        QVERIFY(r2);
        QCOMPARE(toString(r2->storedOp(liveId)->state), toString(OpState::Failed)); // reaped at start
        const QString later = orphan(r2, QStringLiteral("bark"));
        f.clock.advanceMs(31 * 60'000); // stale, but not yet seen by a reaper tick
        QVERIFY(f.advanceUntil([&] { return r2->storedOp(later)->state == OpState::Failed; }, 60'000, 20 * 60'000));
        QVERIFY(waitUntil([&] { return opIs(r2, later, OpState::Failed); })); // corrected in memory by the broadcast (D7)
    }

    BOTH_STORES(a44_queue_keepalive)
    void a44_queue_keepalive()
    {
        TestReplica *r1 = f.replica(QStringLiteral("headless"), OpsFixture::settingsWith({{"ops/max_concurrent", 1}}));
        QVERIFY(r1);
        r1->runner().setHold(QStringLiteral("vllm"), true);
        const auto busy = r1->admit(OpKind::Install, QStringLiteral("vllm"));
        QVERIFY(f.advanceUntil([&] { return r1->runner().started().size() == 1; }));
        const auto waiting = r1->admit(OpKind::Install, QStringLiteral("whisper"));
        QVERIFY(waiting);
        // 45 minutes with every slot busy: keepalives (60 s) protect both ops from the reaper.
        for (int minute = 0; minute < 45; ++minute) {
            f.clock.advanceMs(60'000);
            f.settle(20);
        }
        f.settle(200);
        QCOMPARE(toString(r1->storedOp(waiting->opId)->state), toString(OpState::Queued));
        QVERIFY(!r1->storedOp(waiting->opId)->ownerReplicaId);
        QCOMPARE(toString(r1->storedOp(busy->opId)->state), toString(OpState::Running));
        r1->runner().releaseHeld();
        QVERIFY(f.advanceUntil([&] { return opIs(r1, waiting->opId, OpState::Success); }));
        QCOMPARE(toString(r1->storedOp(busy->opId)->state), toString(OpState::Success));
    }

    BOTH_STORES(cancel_sets_the_owners_token)
    void cancel_sets_the_owners_token()
    {
        TestReplica *r1 = f.replica();
        QVERIFY(r1);
        TestReplica *r2 = f.replica(QStringLiteral("ctl"));
        QVERIFY(r2);
        r1->runner().setPlan(QStringLiteral("whisper"), {{QStringLiteral("n1"), QStringLiteral("gpu-a100-1"), NodeRowStatus::Success, {}, 5000}});
        const auto a = r1->admit(OpKind::Install, QStringLiteral("whisper"));
        QVERIFY(f.advanceUntil([&] { return opIs(r1, a->opId, OpState::Running); }));
        const auto c = r2->cancel(a->opId);
        QVERIFY2(c, qPrintable(c.error()));
        QVERIFY(waitUntil([&] { return opIs(r1, a->opId, OpState::Cancelled); }));
        // The owner's late outcome does not overwrite the cancellation.
        QVERIFY(f.advanceUntil([&] { return r1->ops().executor()->runningCount() == 0; }));
        f.settle(200);
        QCOMPARE(toString(r1->storedOp(a->opId)->state), toString(OpState::Cancelled));
        QVERIFY(opIs(r1, a->opId, OpState::Cancelled));
        QVERIFY(opIs(r2, a->opId, OpState::Cancelled));
    }
};

QTEST_GUILESS_MAIN(TstExecutor)
#include "tst_executor.moc"
