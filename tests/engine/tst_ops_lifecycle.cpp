// Operation lifecycle on both stores (SPEC §3): A3, A6, A13, A18, A21, A22, A25 and cancel/dismiss rules.
// fleetdeck-test-labels: postgres
#include "core/operation_codec.h"
#include "ops_fixture.h"

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstOpsLifecycle : public QObject {
    Q_OBJECT
    OpsFixture f;

    int published(const QString &prefix) const
    {
        int n = 0;
        for (const QString &line : f.bus->log())
            if (line.startsWith(prefix))
                ++n;
        return n;
    }

    // Whether the replica's operations list (the list read every window shows) holds the op.
    static bool lists(TestReplica *r, const QString &opId)
    {
        for (const Operation &op : r->ops().listOps())
            if (op.id == opId)
                return true;
        return false;
    }

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

#define BOTH_STORES(name) \
    void name##_data() { addBackendColumns(); }

    BOTH_STORES(a06_queued_op_kept_and_visible)
    void a06_queued_op_kept_and_visible()
    {
        // Every executor slot busy (one slot, held by vllm).
        TestReplica *r1 = f.replica(QStringLiteral("headless"), OpsFixture::settingsWith({{"ops/max_concurrent", 1}}));
        QVERIFY(r1);
        r1->runner().setHold(QStringLiteral("vllm"), true);
        QVERIFY(r1->admit(OpKind::Install, QStringLiteral("vllm")));
        QVERIFY(f.advanceUntil([&] { return r1->runner().started().size() == 1; }));
        auto admitted = r1->admit(OpKind::Install, QStringLiteral("whisper"));
        QVERIFY2(admitted, qPrintable(admitted.error()));
        const QString op4 = admitted->opId;
        // The list read on the admitting replica.
        bool listed = false;
        for (const auto &e : r1->ops().opCache().list())
            listed = listed || (e.cacheKey == QLatin1String("whisper") && e.opId == op4 && e.state == OpState::Queued);
        QVERIFY(listed);
        // `ops list` of a separate ctl replica reads the store, not r1's memory.
        TestReplica *ctl = f.replica(QStringLiteral("ctl"));
        QVERIFY(ctl);
        QVERIFY(await(ctl->ops().hydrate()));
        QJsonObject record;
        for (const Operation &op : ctl->ops().listOps())
            if (op.id == op4)
                record = opRecordToJson(op, f.clock.nowMs(), 60'000);
        QCOMPARE(record.value(QLatin1String("id")).toString(), op4);
        QCOMPARE(record.value(QLatin1String("state")).toString(), QStringLiteral("queued"));
        QCOMPARE(record.value(QLatin1String("message")).toString(), QStringLiteral("Queued"));
        QCOMPARE(record.value(QLatin1String("cancellable")).toBool(), true);
    }

    BOTH_STORES(a18_queued_visible_before_executor_starts)
    void a18_queued_visible_before_executor_starts()
    {
        TestReplica *r1 = f.replica(QStringLiteral("headless"), OpsFixture::settingsWith({{"ops/max_concurrent", 1}}));
        QVERIFY(r1);
        TestReplica *r2 = f.replica(QStringLiteral("ctl"));
        QVERIFY(r2);
        r1->runner().setHold(QStringLiteral("bark"), true);
        QVERIFY(r1->admit(OpKind::Install, QStringLiteral("bark")));
        QVERIFY(f.advanceUntil([&] { return r1->runner().started().size() == 1; }));
        const auto a = r1->admit(OpKind::Install, QStringLiteral("whisper"));
        QVERIFY(a);
        const auto stored = r1->storedOp(a->opId);
        QVERIFY(stored);
        QCOMPARE(toString(stored->state), toString(OpState::Queued));
        QVERIFY(!stored->ownerReplicaId);
        QVERIFY(waitUntil([&] {
            const auto m = r2->memoryOp(a->opId);
            return m && m->state == OpState::Queued && m->cancellable;
        }));
        QCOMPARE(r1->runner().started().size(), 1); // no executor started it
    }

    // docs/operations.md#receivers: an op that ended while every broadcast of its end was lost
    // (its owner was cut off, then stopped: sim seed 1493) leaves a replica's list at the next
    // reaper tick, which asks the store about each listed active op the replica does not run.
    BOTH_STORES(an_end_whose_broadcasts_were_lost_still_leaves_the_list)
    void an_end_whose_broadcasts_were_lost_still_leaves_the_list()
    {
        TestReplica *r1 = f.replica(QStringLiteral("headless"),
                                    OpsFixture::settingsWith({{"ops/max_concurrent", 1}, {"ops/reap_interval_s", 30}}));
        QVERIFY(r1);
        r1->runner().setHold(QStringLiteral("bark"), true);
        const auto held = r1->admit(OpKind::Install, QStringLiteral("bark"));
        QVERIFY(held);
        QVERIFY(f.advanceUntil([&] { return r1->runner().started().size() == 1; }));
        const auto a = r1->admit(OpKind::Install, QStringLiteral("whisper")); // queued: no free slot
        QVERIFY(a);
        // Another replica cancels it in the store; none of its broadcasts arrive.
        const auto won = await(r1->store().call([id = a->opId](Store &s) {
            return s.finishOp(id, OpState::Cancelled, 0, QStringLiteral("cancelled"), std::nullopt);
        }));
        QVERIFY(won && won.value());
        const auto listed = [&](const QString &id) { return lists(r1, id); };
        QVERIFY(listed(a->opId));
        QVERIFY(f.advanceUntil([&] { return !listed(a->opId); }, 1000, 60'000));
        QCOMPARE(toString(r1->memoryOp(a->opId)->state), toString(OpState::Cancelled));
        QVERIFY(listed(held->opId)); // the op it runs is its own to end
    }

    // Sim seed 2596: a replica cut off from the others dismissed a failure and was then stopped;
    // its opcache.end died in its reconnect buffer. The store's dismissal still ends the listing.
    BOTH_STORES(a_dismissal_whose_broadcast_was_lost_still_leaves_the_list)
    void a_dismissal_whose_broadcast_was_lost_still_leaves_the_list()
    {
        TestReplica *r1 = f.replica(QStringLiteral("headless"), OpsFixture::settingsWith({{"ops/reap_interval_s", 30}}));
        QVERIFY(r1);
        r1->runner().setPlan(QStringLiteral("piper"), {{QStringLiteral("n1"), QStringLiteral("gpu-a100-1"), NodeRowStatus::Error,
                                                       QStringLiteral("boom"), 500}});
        const auto a = r1->admit(OpKind::Install, QStringLiteral("piper"));
        QVERIFY(a);
        QVERIFY(f.advanceUntil([&] { auto m = r1->memoryOp(a->opId); return m && m->state == OpState::Failed; }));
        const auto listed = [&] { return lists(r1, a->opId); };
        QVERIFY(listed());
        // Another replica dismisses it in the store; its broadcast never arrives.
        QSignalSpy removed(&r1->ops(), &OperationService::opRemoved); // what makes every window read the list again
        const auto dismissed = await(r1->store().call([id = a->opId](Store &s) { return s.dismissOp(id); }));
        QVERIFY(dismissed && dismissed.value());
        QVERIFY(f.advanceUntil([&] { return !listed(); }, 1000, 60'000));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(0).toString(), a->opId);
    }

    BOTH_STORES(a13_cancel_survives_restart)
    void a13_cancel_survives_restart()
    {
        TestReplica *ctl = f.replica(QStringLiteral("ctl"));
        QVERIFY(ctl);
        const auto a = ctl->admit(OpKind::Install, QStringLiteral("whisper"));
        QVERIFY(a);
        const auto c = ctl->cancel(a->opId);
        QVERIFY2(c, qPrintable(c.error()));
        QCOMPARE(c.value(), QStringLiteral("Operation cancelled"));
        const auto stored = ctl->storedOp(a->opId);
        QCOMPARE(toString(stored->state), toString(OpState::Cancelled));
        QVERIFY(stored->finishedAt);
        // active_key is NULL: the same key can be admitted again as a new op.
        const auto again = ctl->admit(OpKind::Install, QStringLiteral("whisper"));
        QVERIFY(again);
        QVERIFY(!again->deduplicated);
        QVERIFY(ctl->cancel(again->opId));
        // A replica started on the same store has neither status nor OpCache entry for it.
        TestReplica *r2 = f.replica(QStringLiteral("headless"));
        QVERIFY(r2);
        QVERIFY(!r2->memoryOp(a->opId));
        QVERIFY(!r2->ops().opCache().containsOp(a->opId));
        const auto history = r2->store().callSync([](Store &s) { return s.listHistory(50); });
        QVERIFY(history);
        int cancelled = 0;
        for (const HistoryEntry &h : history.value())
            if (h.opId == a->opId && h.outcome == QLatin1String("cancelled"))
                ++cancelled;
        QCOMPARE(cancelled, 1);
    }

    BOTH_STORES(a03_failed_kept_until_dismiss)
    void a03_failed_kept_until_dismiss()
    {
        TestReplica *r1 = f.replica();
        QVERIFY(r1);
        r1->runner().setPlan(QStringLiteral("piper"), {{QStringLiteral("n1"), QStringLiteral("gpu-a100-1"), NodeRowStatus::Error,
                                                       QStringLiteral("boom"), 500}});
        const auto a = r1->admit(OpKind::Install, QStringLiteral("piper"));
        QVERIFY(a);
        QVERIFY(f.advanceUntil([&] { auto m = r1->memoryOp(a->opId); return m && m->state == OpState::Failed; }));
        for (int i = 0; i < 5; ++i) {
            const auto ops = r1->ops().listOps();
            QCOMPARE(ops.size(), 1);
            QCOMPARE(ops[0].error.value_or(QString()), QStringLiteral("gpu-a100-1: boom"));
        }
        QVERIFY(!r1->dismiss(QStringLiteral("no-such-op")));
        const auto d = r1->dismiss(a->opId);
        QVERIFY2(d, qPrintable(d.error()));
        QCOMPARE(d.value(), QStringLiteral("Operation dismissed"));
        QVERIFY(r1->ops().listOps().isEmpty());
        QVERIFY(r1->storedOp(a->opId)->dismissedAt);
        QVERIFY(r1->dismiss(a->opId)); // dismissing twice succeeds
        QVERIFY(published(QStringLiteral("pub gallery.opcache.end")) >= 2);
        r1->stop();
        f.dropReplica(r1);
        TestReplica *r2 = f.replica(QStringLiteral("headless"));
        QVERIFY(r2);
        QVERIFY(!r2->memoryOp(a->opId)); // not hydrated
    }

    BOTH_STORES(dismiss_refuses_active_ops)
    void dismiss_refuses_active_ops()
    {
        TestReplica *ctl = f.replica(QStringLiteral("ctl"));
        QVERIFY(ctl);
        const auto a = ctl->admit(OpKind::Install, QStringLiteral("bark"));
        const auto d = ctl->dismiss(a->opId);
        QVERIFY(!d);
        QCOMPARE(d.error(), QStringLiteral("only failed operations can be dismissed; cancel active ones"));
        QCOMPARE(d.reason(), Reason::make("dismiss_not_failed")); // docs/reason-codes.md
    }

    BOTH_STORES(cancel_errors_name_the_op)
    void cancel_errors_name_the_op()
    {
        TestReplica *ctl = f.replica(QStringLiteral("ctl"));
        QVERIFY(ctl);
        QCOMPARE(ctl->cancel(QStringLiteral("nope")).error(), QStringLiteral("operation nope not found"));
        QCOMPARE(ctl->cancel(QStringLiteral("nope")).reason(), Reason::make("op_not_found", {{"op", QStringLiteral("nope")}}));
        const auto a = ctl->admit(OpKind::Install, QStringLiteral("bark"));
        QVERIFY(ctl->cancel(a->opId));
        QCOMPARE(ctl->cancel(a->opId).error(), QStringLiteral("operation %1 is already cancelled").arg(a->opId));
        QCOMPARE(ctl->cancel(a->opId).reason(), Reason::make("already_cancelled", {{"op", a->opId}}));
        QCOMPARE(ctl->memoryOp(a->opId)->messageCode, Reason::make("cancelled"));
    }

    BOTH_STORES(a21_retry)
    void a21_retry()
    {
        TestReplica *r1 = f.replica();
        QVERIFY(r1);
        const QString nodeId = addNode(r1->store(), QStringLiteral("gpu-a100-2"), NodeStatus::Healthy, QStringLiteral("nvidia"),
                                       f.clock.nowMs());
        r1->runner().setPlan(QStringLiteral("piper"), {{nodeId, QStringLiteral("gpu-a100-2"), NodeRowStatus::Error,
                                                       QStringLiteral("install failed: sha256 mismatch"), 500}});
        const auto a = r1->admit(OpKind::Install, QStringLiteral("piper"), true, QStringLiteral("GPU-A100-2"));
        QVERIFY2(a, qPrintable(a.error()));
        QVERIFY(f.advanceUntil([&] { auto m = r1->memoryOp(a->opId); return m && m->state == OpState::Failed; }));
        const auto retried = await(r1->ops().retry(a->opId));
        QVERIFY2(retried, qPrintable(retried.error()));
        QVERIFY(!retried->deduplicated);
        const auto op8 = r1->storedOp(retried->opId);
        const auto op7 = r1->storedOp(a->opId);
        QCOMPARE(toString(op8->kind), toString(OpKind::Install));
        QCOMPARE(op8->backend, QStringLiteral("piper"));
        QCOMPARE(op8->force, true);
        QCOMPARE(op8->targetNodeId, std::optional<QString>(nodeId));
        QCOMPARE(op8->retryOf, std::optional<QString>(a->opId));
        QCOMPARE(op8->params.value(QLatin1String("galleries")), op7->params.value(QLatin1String("galleries")));
        QVERIFY(op7->dismissedAt); // the failed original is dismissed
        // A retried op that is not failed or cancelled is refused.
        QVERIFY(!await(r1->ops().retry(retried->opId)));
    }

    // docs/operations.md#supersede: which op a key lists follows the store, not the replicas'
    // clocks. The failure was admitted on a replica whose clock runs 3 s ahead, its retry on one
    // 3 s behind: every replica lists the retry and shows the failure superseded (sim PostgreSQL
    // seeds 38 and 46, where peers compared created_at and kept listing the dismissed failure).
    BOTH_STORES(supersede_does_not_follow_clocks)
    void supersede_does_not_follow_clocks()
    {
        TestReplica *ahead = f.skewedReplica(3000);
        TestReplica *behind = f.skewedReplica(-3000);
        QVERIFY(ahead && behind);
        for (TestReplica *r : {ahead, behind}) // whichever claims it, the install fails
            r->runner().setPlan(QStringLiteral("piper"), {{QStringLiteral("n1"), QStringLiteral("gpu-a100-1"),
                                                            NodeRowStatus::Error, QStringLiteral("boom"), 200}});
        const auto a = ahead->admit(OpKind::Install, QStringLiteral("piper"));
        QVERIFY2(a, qPrintable(a.error()));
        QVERIFY(f.advanceUntil([&] {
            for (TestReplica *r : {ahead, behind})
                if (r->ops().listOps().size() != 1 || r->ops().listOps()[0].state != OpState::Failed)
                    return false;
            return true;
        }));
        for (TestReplica *r : {ahead, behind})
            r->runner().setPlan(QStringLiteral("piper"), {{QStringLiteral("n1"), QStringLiteral("gpu-a100-1"),
                                                            NodeRowStatus::Success, QString(), 600'000}});
        const auto retried = await(behind->ops().retry(a->opId));
        QVERIFY2(retried, qPrintable(retried.error()));
        QVERIFY(behind->storedOp(retried->opId)->createdAt < ahead->storedOp(a->opId)->createdAt);
        for (TestReplica *r : {ahead, behind}) {
            QVERIFY(f.advanceUntil([&] {
                const QList<Operation> listed = r->ops().listOps();
                return listed.size() == 1 && listed[0].id == retried->opId;
            }));
            const auto old = r->memoryOp(a->opId);
            QVERIFY(old && old->dismissedAt);
            QCOMPARE(old->message, QStringLiteral("superseded by ") + retried->opId);
            QCOMPARE(old->messageCode, Reason::make("superseded", {{"op", retried->opId}}));
        }
    }

    BOTH_STORES(a22_history_bounded_and_dead_letter_retry)
    void a22_history_bounded_and_dead_letter_retry()
    {
        TestReplica *ctl = f.replica(QStringLiteral("ctl"));
        QVERIFY(ctl);
        QStringList ids;
        for (int i = 0; i < 205; ++i) {
            const auto a = ctl->admit(OpKind::Install, QStringLiteral("bark"));
            QVERIFY(a);
            QVERIFY(ctl->cancel(a->opId));
            ids.append(a->opId);
            f.clock.advanceMs(10);
        }
        auto history = ctl->store().callSync([](Store &s) { return s.listHistory(1000); });
        QCOMPARE(history->size(), 200);
        QCOMPARE(history->first().opId, std::optional<QString>(ids.last()));          // newest first
        QCOMPARE(history->last().opId, std::optional<QString>(ids.at(5)));           // the 5 oldest pruned
        // After a restart the same 200 are read.
        TestReplica *r2 = f.replica(QStringLiteral("headless"));
        QVERIFY(r2);
        auto again = r2->store().callSync([](Store &s) { return s.listHistory(1000); });
        QCOMPARE(again->size(), 200);
        QCOMPARE(again->first().id, history->first().id);
        // A dead letter is retried as a node-scoped op with the row's galleries and force.
        const QString nodeId = addNode(r2->store(), QStringLiteral("gpu-a100-2"), NodeStatus::Healthy, QStringLiteral("nvidia"),
                                       f.clock.nowMs());
        HistoryEntry dl;
        dl.entryKind = QStringLiteral("dead_letter");
        dl.kind = QStringLiteral("install");
        dl.backend = QStringLiteral("piper");
        dl.nodeId = nodeId;
        dl.nodeName = QStringLiteral("gpu-a100-2");
        dl.outcome = QStringLiteral("dead_letter");
        dl.error = QStringLiteral("attempt 10 failed: boom");
        dl.attempts = 10;
        dl.params = QJsonObject{{QStringLiteral("galleries"), r2->catalog().galleries()}, {QStringLiteral("force"), true}};
        dl.replicaId = r2->replicaId();
        dl.finishedAt = f.clock.nowMs();
        const auto hid = r2->store().callSync([dl](Store &s) { return s.appendHistory(dl, 200); });
        QVERIFY(hid);
        const auto retried = await(r2->ops().retryHistory(hid.value()));
        QVERIFY2(retried, qPrintable(retried.error()));
        const auto op = r2->storedOp(retried->opId);
        QCOMPARE(op->targetNodeId, std::optional<QString>(nodeId));
        QCOMPARE(op->force, true);
        QCOMPARE(toString(op->kind), toString(OpKind::Install));
        QCOMPARE(op->cacheKey, QStringLiteral("node:%1:piper").arg(nodeId));
    }

    BOTH_STORES(a25_dedup_is_visible)
    void a25_dedup_is_visible()
    {
        TestReplica *r1 = f.replica(QStringLiteral("headless"));
        QVERIFY(r1);
        TestReplica *r2 = f.replica(QStringLiteral("ctl"));
        QVERIFY(r2);
        r1->runner().setHold(QStringLiteral("whisper"), true);
        const auto a = r1->admit(OpKind::Install, QStringLiteral("whisper"));
        QVERIFY(a);
        f.settle();
        const int starts = published(QStringLiteral("pub gallery.opcache.start"));
        const auto dup = r2->admit(OpKind::Install, QStringLiteral("whisper"));
        QVERIFY(dup);
        QCOMPARE(dup->opId, a->opId);
        QVERIFY(dup->deduplicated);
        f.settle();
        QCOMPARE(published(QStringLiteral("pub gallery.opcache.start")), starts); // no second start
        const QString expected = QStringLiteral("install of whisper is already active as op %1; wait for it or cancel it").arg(a->opId);
        QCOMPARE(r2->admit(OpKind::Install, QStringLiteral("whisper"), true).error(), expected);
        QCOMPARE(r2->admit(OpKind::Install, QStringLiteral("whisper"), true).reason(),
                 Reason::make("already_active", {{"kind", QStringLiteral("install")}, {"backend", QStringLiteral("whisper")}, {"op", a->opId}}));
        QCOMPARE(r2->admit(OpKind::Delete, QStringLiteral("whisper")).error(), expected);
        QCOMPARE(r1->store().callSync([](Store &s) { return s.countOps(); }).value(), 1);
        // 20 concurrent admissions of one key across two replicas yield exactly one row.
        QList<QFuture<Result<AdmitResult>>> futures;
        for (int i = 0; i < 20; ++i) {
            AdmitRequest req;
            req.kind = OpKind::Install;
            req.backend = QStringLiteral("vllm");
            futures.append((i % 2 ? r1 : r2)->ops().admit(req));
        }
        int created = 0;
        QSet<QString> opIds;
        for (auto &fu : futures) {
            const auto r = await(fu);
            QVERIFY2(r, qPrintable(r.error()));
            created += r->deduplicated ? 0 : 1;
            opIds.insert(r->opId);
        }
        QCOMPARE(created, 1);
        QCOMPARE(opIds.size(), 1);
    }

    BOTH_STORES(admission_validation_creates_nothing)
    void admission_validation_creates_nothing()
    {
        TestReplica *ctl = f.replica(QStringLiteral("ctl"));
        QVERIFY(ctl);
        addNode(ctl->store(), QStringLiteral("new-node-7"), NodeStatus::Pending, QStringLiteral("cpu"), f.clock.nowMs());
        addNode(ctl->store(), QStringLiteral("mac-mini-m4"), NodeStatus::Draining, QStringLiteral("apple"), f.clock.nowMs());
        addNode(ctl->store(), QStringLiteral("cpu-edge-1"), NodeStatus::Healthy, QStringLiteral("cpu"), f.clock.nowMs());
        QCOMPARE(ctl->admit(OpKind::Install, QStringLiteral("../x")).error(), QStringLiteral("invalid backend name \"../x\""));
        QCOMPARE(ctl->admit(OpKind::Install, QStringLiteral("nonexistent")).error(),
                 QStringLiteral("unknown backend \"nonexistent\": not in any configured gallery"));
        QCOMPARE(ctl->admit(OpKind::Install, QStringLiteral("whisper"), false, QStringLiteral("ghost")).error(),
                 QStringLiteral("unknown node \"ghost\""));
        QCOMPARE(ctl->admit(OpKind::Install, QStringLiteral("whisper"), false, QStringLiteral("NEW-NODE-7")).error(),
                 QStringLiteral("node new-node-7 is pending approval"));
        QCOMPARE(ctl->admit(OpKind::Install, QStringLiteral("whisper"), false, QStringLiteral("mac-mini-m4")).error(),
                 QStringLiteral("node mac-mini-m4 is draining"));
        QCOMPARE(ctl->admit(OpKind::Install, QStringLiteral("whisper"), false, QStringLiteral("mac-mini-m4")).reason(),
                 Reason::make("node_draining", {{"node", QStringLiteral("mac-mini-m4")}}));
        QCOMPARE(ctl->admit(OpKind::Install, QStringLiteral("llama-cpp-cuda12"), false, QStringLiteral("cpu-edge-1")).error(),
                 QStringLiteral("backend llama-cpp-cuda12 requires gpu_vendor nvidia; node cpu-edge-1 has cpu"));
        QCOMPARE(ctl->admit(OpKind::Install, QStringLiteral("llama-cpp-cuda12"), false, QStringLiteral("cpu-edge-1")).reason().code,
                 QStringLiteral("gpu_vendor_mismatch"));
        QCOMPARE(ctl->store().callSync([](Store &s) { return s.countOps(); }).value(), 0);
        // A valid admission carries the resolved entries (D26) and is queued.
        const auto ok = ctl->admit(OpKind::Install, QStringLiteral("llama-cpp"));
        QVERIFY2(ok, qPrintable(ok.error()));
        const auto op = ctl->storedOp(ok->opId);
        QCOMPARE(toString(op->state), toString(OpState::Queued));
        QCOMPARE(op->message, QStringLiteral("Queued"));
        const QJsonArray entries = op->params.value(QLatin1String("entries")).toArray();
        QCOMPARE(entries.size(), 3); // the meta plus its two concrete entries
        QVERIFY(entries.at(1).toObject().value(QLatin1String("uri")).toString().startsWith(QLatin1String("https://gallery.example.org/")));
    }
};

QTEST_GUILESS_MAIN(TstOpsLifecycle)
#include "tst_ops_lifecycle.moc"
