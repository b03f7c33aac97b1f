// fleetdeck-test-labels: postgres
// Operation rows (SPEC §2.3): admission, claim, start, progress, the terminal write, keepalive,
// hand-back, dismiss and the reads used by hydration, the reaper and retention.
#include "tst_store_fixture.h"

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstStoreOps : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<StoreEnv> env;
    Store &store() { return *env->store; }
    const QString me = QStringLiteral("replica-me");
    const QString other = QStringLiteral("replica-other");

    std::optional<Operation> get(const QString &id)
    {
        const auto r = store().getOp(id);
        return r ? r.value() : std::nullopt;
    }

    // Admitted, claimed by `owner` and started.
    QString runningOp(const QString &backend, const QString &owner, OpKind kind = OpKind::Install)
    {
        const Operation op = makeOp(backend, std::nullopt, kind);
        const auto c = store().createOp(op);
        if (!c || !c.value().created)
            return {};
        if (!store().claimOp(owner, op.id).value())
            return {};
        if (!store().startOp(op.id, owner, QStringLiteral("processing backend: ") + backend, kind != OpKind::Delete).value())
            return {};
        return op.id;
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendColumns(); }
    void init() { QVERIFY((env = StoreEnv::forCurrentRow())); }
    void cleanup() { env.reset(); }

    void createOpInsertsAQueuedHandedOffOp()
    {
        Operation op = makeOp(QStringLiteral("whisper"));
        op.force = true;
        op.retryOf = QStringLiteral("old-op");
        op.params.insert(QStringLiteral("galleries"), QJsonArray{QStringLiteral("g")});
        STORE_OK(c, store().createOp(op));
        QVERIFY(c.value().created);
        const auto got = get(op.id);
        QVERIFY(got);
        QCOMPARE(toString(got->state), toString(OpState::Queued));
        QVERIFY(!got->ownerReplicaId);
        QCOMPARE(got->cacheKey, QStringLiteral("whisper"));
        QCOMPARE(got->params, op.params);
        QCOMPARE(got->force, true);
        QCOMPARE(got->cancellable, true);
        QCOMPARE(got->message, QStringLiteral("Queued"));
        QCOMPARE(got->retryOf, op.retryOf);
        QCOMPARE(got->requestedBy, op.requestedBy);
        QCOMPARE(got->createdAt, env->clock.nowMs());
        QCOMPARE(got->progressAt, env->clock.nowMs());
        QCOMPARE(got->updatedAt, env->clock.nowMs());
        QVERIFY(!got->finishedAt);
        STORE_OK(key, rawScalar(env->db->config(),
                                QStringLiteral("SELECT active_key FROM operations WHERE id = '%1'").arg(op.id)));
        QCOMPARE(key.value().toString(), QStringLiteral("whisper"));
        STORE_OK(params, rawScalar(env->db->config(),
                                   QStringLiteral("SELECT params FROM operations WHERE id = '%1'").arg(op.id)));
        QVERIFY2(!params.value().toString().contains(QLatin1Char(' ')), "params is compact JSON");
    }

    void createOpDuplicateActiveKeyReturnsTheExistingOp()
    {
        const Node n = makeNode(QStringLiteral("gpu-1"), NodeStatus::Healthy, env->clock.nowMs());
        QVERIFY_OK(store().insertNode(n));
        Operation first = makeOp(QStringLiteral("whisper"));
        first.nodes << makeRow(first.id, n);
        STORE_OK(a, store().createOp(first));
        QVERIFY(a.value().created);

        const Operation second = makeOp(QStringLiteral("whisper"));
        STORE_OK(b, store().createOp(second));
        QVERIFY(!b.value().created);
        QCOMPARE(b.value().existing.id, first.id);
        QCOMPARE(b.value().existing.nodes.size(), 1);
        QCOMPARE(b.value().existing.nodes.first().nodeName, QStringLiteral("gpu-1"));
        QVERIFY(!get(second.id));
        STORE_OK(count, store().countOps());
        QCOMPARE(count.value(), 1);

        // A node-scoped key is distinct and may be active together.
        STORE_OK(scoped, store().createOp(makeOp(QStringLiteral("whisper"), n.id)));
        QVERIFY(scoped.value().created);

        // Once terminal, the key is free again.
        STORE_OK(fin, store().finishOp(first.id, OpState::Cancelled, 0, QStringLiteral("cancelled"), std::nullopt));
        QVERIFY(fin.value());
        STORE_OK(again, store().createOp(second));
        QVERIFY(again.value().created);
    }

    void claimOpByTwoReplicasExactlyOneWins()
    {
        STORE_OK(peer, env->open());
        const Operation op = makeOp(QStringLiteral("piper"));
        QVERIFY(store().createOp(op).value().created);
        STORE_OK(mine, store().claimOp(me, op.id));
        STORE_OK(theirs, peer.value()->claimOp(other, op.id));
        QCOMPARE(mine.value(), true);
        QCOMPARE(theirs.value(), false);
        QCOMPARE(get(op.id)->ownerReplicaId, std::optional<QString>(me));
        // A started op is not claimable either.
        QVERIFY(store().startOp(op.id, me, QStringLiteral("processing backend: piper"), true).value());
        QVERIFY_OK(store().handBack(me));
        STORE_OK(late, peer.value()->claimOp(other, op.id));
        QCOMPARE(late.value(), false);
    }

    void claimOldestTakesOldestHandedOffOp()
    {
        const qint64 t0 = env->clock.nowMs();
        QStringList ids;
        const QStringList backends{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        for (int i = 0; i < 3; ++i) {
            Operation op = makeOp(backends[i]);
            op.createdAt = t0 + 10 * (3 - i); // c is the oldest, then b, then a
            QVERIFY(store().createOp(op).value().created);
            ids << op.id;
        }
        STORE_OK(first, store().claimOldest(me));
        QCOMPARE(first.value(), std::optional<QString>(ids[2]));
        STORE_OK(second, store().claimOldest(other));
        QCOMPARE(second.value(), std::optional<QString>(ids[1]));
        STORE_OK(third, store().claimOldest(me));
        QCOMPARE(third.value(), std::optional<QString>(ids[0]));
        STORE_OK(none, store().claimOldest(me));
        QVERIFY(!none.value());
        QCOMPARE(get(ids[1])->ownerReplicaId, std::optional<QString>(other));
    }

    void startOpRequiresQueuedAndOwner()
    {
        const Operation op = makeOp(QStringLiteral("vllm"), std::nullopt, OpKind::Delete);
        QVERIFY(store().createOp(op).value().created);
        STORE_OK(unclaimed, store().startOp(op.id, me, QStringLiteral("processing backend: vllm"), false));
        QCOMPARE(unclaimed.value(), false);
        QVERIFY(store().claimOp(me, op.id).value());
        STORE_OK(wrong, store().startOp(op.id, other, QStringLiteral("processing backend: vllm"), false));
        QCOMPARE(wrong.value(), false);
        env->clock.advanceMs(1500);
        STORE_OK(ok, store().startOp(op.id, me, QStringLiteral("processing backend: vllm"), false));
        QCOMPARE(ok.value(), true);
        const auto got = get(op.id);
        QCOMPARE(toString(got->state), toString(OpState::Running));
        QCOMPARE(got->message, QStringLiteral("processing backend: vllm"));
        QCOMPARE(got->cancellable, false);
        QCOMPARE(got->progressAt, env->clock.nowMs());
        QCOMPARE(got->updatedAt, env->clock.nowMs());
        STORE_OK(twice, store().startOp(op.id, me, QStringLiteral("processing backend: vllm"), false));
        QCOMPARE(twice.value(), false);
    }

    void updateProgressIsGuardedAndBumpsProgressAtOnlyOnChange()
    {
        const Operation queued = makeOp(QStringLiteral("bark"));
        QVERIFY(store().createOp(queued).value().created);
        OpProgressWrite w;
        w.opId = queued.id;
        w.progress = 10;
        STORE_OK(onQueued, store().updateProgress(w));
        QCOMPARE(onQueued.value(), false);
        QCOMPARE(get(queued.id)->progress, 0);

        const QString id = runningOp(QStringLiteral("whisper"), me);
        QVERIFY(!id.isEmpty());
        const qint64 t1 = env->clock.nowMs() + 1000;
        env->clock.setMs(t1);
        w.opId = id;
        w.progress = 10;
        w.fileName = QStringLiteral("whisper.tar.gz");
        w.currentBytes = 100;
        w.totalBytes = 1000;
        w.message = QStringLiteral("processing file: whisper.tar.gz. Total: 1000 B. Current: 100 B");
        STORE_OK(first, store().updateProgress(w));
        QCOMPARE(first.value(), true);
        auto got = get(id);
        QCOMPARE(got->progress, 10);
        QCOMPARE(got->currentBytes, 100);
        QCOMPARE(got->totalBytes, 1000);
        QCOMPARE(got->fileName, QStringLiteral("whisper.tar.gz"));
        QCOMPARE(got->progressAt, t1);
        QCOMPARE(got->updatedAt, t1);

        // Same progress values, another message: updated_at moves, progress_at does not.
        env->clock.advanceMs(1000);
        w.message = QStringLiteral("still working");
        QVERIFY(store().updateProgress(w).value());
        got = get(id);
        QCOMPARE(got->message, QStringLiteral("still working"));
        QCOMPARE(got->updatedAt, t1 + 1000);
        QCOMPARE(got->progressAt, t1);

        // Only the bytes change: progress_at moves.
        env->clock.advanceMs(1000);
        w.currentBytes = 200;
        QVERIFY(store().updateProgress(w).value());
        QCOMPARE(get(id)->progressAt, t1 + 2000);

        // running -> running_on_worker, cancellable written with every status write.
        w.state = OpState::RunningOnWorker;
        w.cancellable = false;
        QVERIFY(store().updateProgress(w).value());
        got = get(id);
        QCOMPARE(toString(got->state), toString(OpState::RunningOnWorker));
        QCOMPARE(got->cancellable, false);
        QCOMPARE(got->progressAt, t1 + 2000);

        // A progress write may not reach a terminal or queued state.
        w.state = OpState::Success;
        QVERIFY(!store().updateProgress(w).ok());

        // On a terminal op it affects 0 rows.
        QVERIFY(store().finishOp(id, OpState::Failed, 10, QStringLiteral("error: x"), QStringLiteral("x")).value());
        w.state.reset();
        w.progress = 50;
        STORE_OK(late, store().updateProgress(w));
        QCOMPARE(late.value(), false);
        got = get(id);
        QCOMPARE(toString(got->state), toString(OpState::Failed));
        QCOMPARE(got->progress, 10);
    }

    void finishOpFirstTerminalWriteWins()
    {
        const QString id = runningOp(QStringLiteral("whisper"), me);
        env->clock.advanceMs(700);
        const qint64 tCancel = env->clock.nowMs();
        STORE_OK(cancel, store().finishOp(id, OpState::Cancelled, 30, QStringLiteral("cancelled"), std::nullopt, true));
        QCOMPARE(cancel.value(), true);
        env->clock.advanceMs(700);
        STORE_OK(late, store().finishOp(id, OpState::Success, 100, QStringLiteral("completed"), std::nullopt));
        QCOMPARE(late.value(), false);
        const auto got = get(id);
        QCOMPARE(toString(got->state), toString(OpState::Cancelled));
        QCOMPARE(got->progress, 30);
        QCOMPARE(got->message, QStringLiteral("cancelled"));
        QCOMPARE(got->cancellable, false);
        QCOMPARE(got->finishedAt, std::optional<qint64>(tCancel));
        QCOMPARE(got->updatedAt, tCancel);
        QVERIFY(!got->error);
        STORE_OK(key, rawScalar(env->db->config(),
                                QStringLiteral("SELECT active_key FROM operations WHERE id = '%1'").arg(id)));
        QVERIFY(key.value().isNull());

        // From queued (reaper), with an error.
        const Operation q = makeOp(QStringLiteral("piper"));
        QVERIFY(store().createOp(q).value().created);
        QVERIFY(store().finishOp(q.id, OpState::Failed, 0, QStringLiteral("error: reaped"), QStringLiteral("reaped")).value());
        QCOMPARE(get(q.id)->error, std::optional<QString>(QStringLiteral("reaped")));
        QVERIFY(!store().finishOp(q.id, OpState::Failed, 0, QStringLiteral("again"), QStringLiteral("again")).value());

        QVERIFY(!store().finishOp(q.id, OpState::Running, 0, QString(), std::nullopt).ok()); // not terminal
        STORE_OK(missing, store().finishOp(QStringLiteral("no-such-op"), OpState::Failed, 0, QString(), std::nullopt));
        QCOMPARE(missing.value(), false);
    }

    void finishOpRequireCancellableRefusesANonCancellableOp()
    {
        const QString del = runningOp(QStringLiteral("vllm"), me, OpKind::Delete); // cancellable 0
        STORE_OK(cancel, store().finishOp(del, OpState::Cancelled, 0, QStringLiteral("cancelled"), std::nullopt, true));
        QCOMPARE(cancel.value(), false);
        QCOMPARE(toString(get(del)->state), toString(OpState::Running));
        STORE_OK(done, store().finishOp(del, OpState::Success, 100, QStringLiteral("completed"), std::nullopt));
        QCOMPARE(done.value(), true);
    }

    void keepaliveTouchesOwnAndUnclaimedQueuedOps()
    {
        const QString mineRunning = runningOp(QStringLiteral("a"), me);
        const QString theirsRunning = runningOp(QStringLiteral("b"), other);
        const Operation unclaimed = makeOp(QStringLiteral("c"));
        QVERIFY(store().createOp(unclaimed).value().created);
        const Operation theirsQueued = makeOp(QStringLiteral("d"));
        QVERIFY(store().createOp(theirsQueued).value().created);
        QVERIFY(store().claimOp(other, theirsQueued.id).value());
        const Operation mineQueued = makeOp(QStringLiteral("e"));
        QVERIFY(store().createOp(mineQueued).value().created);
        QVERIFY(store().claimOp(me, mineQueued.id).value());
        const QString mineDone = runningOp(QStringLiteral("f"), me);
        QVERIFY(store().finishOp(mineDone, OpState::Success, 100, QStringLiteral("completed"), std::nullopt).value());

        const qint64 before = env->clock.nowMs();
        env->clock.advanceMs(60'000);
        STORE_OK(n, store().keepalive(me));
        QCOMPARE(n.value(), 3);
        QCOMPARE(get(mineRunning)->updatedAt, env->clock.nowMs());
        QCOMPARE(get(unclaimed.id)->updatedAt, env->clock.nowMs());
        QCOMPARE(get(mineQueued.id)->updatedAt, env->clock.nowMs());
        QCOMPARE(get(theirsRunning)->updatedAt, before);
        QCOMPARE(get(theirsQueued.id)->updatedAt, before);
        QCOMPARE(get(mineDone)->updatedAt, before);
    }

    void handBackReleasesClaimedUnstartedOps()
    {
        const Operation a = makeOp(QStringLiteral("a"));
        const Operation b = makeOp(QStringLiteral("b"));
        QVERIFY(store().createOp(a).value().created);
        QVERIFY(store().createOp(b).value().created);
        QVERIFY(store().claimOp(me, a.id).value());
        QVERIFY(store().claimOp(other, b.id).value());
        const QString running = runningOp(QStringLiteral("c"), me);
        STORE_OK(n, store().handBack(me));
        QCOMPARE(n.value(), 1);
        QVERIFY(!get(a.id)->ownerReplicaId);
        QCOMPARE(get(b.id)->ownerReplicaId, std::optional<QString>(other));
        QCOMPARE(get(running)->ownerReplicaId, std::optional<QString>(me));
        QVERIFY(store().claimOp(other, a.id).value());
    }

    void dismissOpOnlyFailedAndDeletesItsPendingRows()
    {
        const Node n = makeNode(QStringLiteral("gpu-1"), NodeStatus::Healthy, env->clock.nowMs());
        QVERIFY_OK(store().insertNode(n));
        const QString failed = runningOp(QStringLiteral("piper"), me);
        const QString active = runningOp(QStringLiteral("whisper"), me);
        QVERIFY(store().upsertPending(makePending(n, QStringLiteral("piper"), failed, env->clock.nowMs())).ok());
        QVERIFY(store().upsertPending(makePending(n, QStringLiteral("whisper"), active, env->clock.nowMs())).ok());

        STORE_OK(notFailed, store().dismissOp(active));
        QCOMPARE(notFailed.value(), false);
        QVERIFY(store().finishOp(failed, OpState::Failed, 0, QStringLiteral("error: x"), QStringLiteral("x")).value());
        env->clock.advanceMs(10);
        const qint64 tDismiss = env->clock.nowMs();
        STORE_OK(ok, store().dismissOp(failed));
        QCOMPARE(ok.value(), true);
        QCOMPARE(get(failed)->dismissedAt, std::optional<qint64>(tDismiss));
        STORE_OK(pending, store().listPending());
        QCOMPARE(pending.value().size(), 1);
        QCOMPARE(pending.value().first().opId, std::optional<QString>(active));
        env->clock.advanceMs(10);
        STORE_OK(twice, store().dismissOp(failed));
        QCOMPARE(twice.value(), true);
        QCOMPARE(get(failed)->dismissedAt, std::optional<qint64>(tDismiss));
        STORE_OK(unknown, store().dismissOp(QStringLiteral("nope")));
        QCOMPARE(unknown.value(), false);
    }

    void loadOpsForHydrationSelectsActiveAndRecentUndismissedFailures()
    {
        const qint64 t0 = env->clock.nowMs();
        const Node nb = makeNode(QStringLiteral("b-node"), NodeStatus::Healthy, t0);
        const Node na = makeNode(QStringLiteral("a-node"), NodeStatus::Healthy, t0);
        const Node nB = makeNode(QStringLiteral("Z-node"), NodeStatus::Healthy, t0);
        for (const Node &n : {nb, na, nB})
            QVERIFY_OK(store().insertNode(n));

        const QString oldFailed = runningOp(QStringLiteral("old"), me);
        QVERIFY(store().finishOp(oldFailed, OpState::Failed, 0, QStringLiteral("error: x"), QStringLiteral("x")).value());
        env->clock.advanceMs(1000);
        const qint64 since = env->clock.nowMs();
        const QString recentFailed = runningOp(QStringLiteral("recent"), me);
        QVERIFY(store().finishOp(recentFailed, OpState::Failed, 0, QStringLiteral("error: x"), QStringLiteral("x")).value());
        const QString dismissed = runningOp(QStringLiteral("dismissed"), me);
        QVERIFY(store().finishOp(dismissed, OpState::Failed, 0, QStringLiteral("error: x"), QStringLiteral("x")).value());
        QVERIFY(store().dismissOp(dismissed).value());
        const QString succeeded = runningOp(QStringLiteral("ok"), me);
        QVERIFY(store().finishOp(succeeded, OpState::Success, 100, QStringLiteral("completed"), std::nullopt).value());
        env->clock.advanceMs(1);
        const QString running = runningOp(QStringLiteral("running"), me);
        QVERIFY_OK(store().insertNodeRows({makeRow(running, nb), makeRow(running, na), makeRow(running, nB)}));
        env->clock.advanceMs(1);
        const Operation queued = makeOp(QStringLiteral("queued"));
        QVERIFY(store().createOp(queued).value().created);

        STORE_OK(ops, store().loadOpsForHydration(since));
        QStringList ids;
        for (const Operation &op : ops.value())
            ids << op.id;
        QCOMPARE(ids, (QStringList{recentFailed, running, queued.id}));
        const Operation &r = ops.value()[1];
        QCOMPARE(r.nodes.size(), 3);
        QCOMPARE(r.nodes[0].nodeName, QStringLiteral("Z-node")); // byte order, not collation
        QCOMPARE(r.nodes[1].nodeName, QStringLiteral("a-node"));
        QCOMPARE(r.nodes[2].nodeName, QStringLiteral("b-node"));
        QVERIFY(ops.value()[2].nodes.isEmpty());
    }

    void listStaleActiveAndDeleteFinishedBefore()
    {
        const Node n = makeNode(QStringLiteral("gpu-1"), NodeStatus::Healthy, env->clock.nowMs());
        QVERIFY_OK(store().insertNode(n));
        const QString stale = runningOp(QStringLiteral("stale"), me);
        const QString finishedOld = runningOp(QStringLiteral("done-old"), me);
        QVERIFY_OK(store().insertNodeRows({makeRow(finishedOld, n, NodeRowStatus::Queued)}));
        QVERIFY(store().finishOp(finishedOld, OpState::Success, 100, QStringLiteral("completed"), std::nullopt).value());
        env->clock.advanceMs(31 * 60'000);
        const qint64 cutoffStale = env->clock.nowMs() - 30 * 60'000;
        const QString fresh = runningOp(QStringLiteral("fresh"), me);
        const QString finishedNew = runningOp(QStringLiteral("done-new"), me);
        QVERIFY(store().finishOp(finishedNew, OpState::Failed, 0, QStringLiteral("error: x"), QStringLiteral("x")).value());

        STORE_OK(staleOps, store().listStaleActive(cutoffStale));
        QCOMPARE(staleOps.value().size(), 1);
        QCOMPARE(staleOps.value().first().id, stale);
        Q_UNUSED(fresh);

        STORE_OK(deleted, store().deleteFinishedBefore(env->clock.nowMs() - 60'000));
        QCOMPARE(deleted.value(), 1);
        QVERIFY(!get(finishedOld));
        QVERIFY(get(finishedNew));
        QVERIFY(get(stale)); // active ops are never deleted by retention
        STORE_OK(rows, rawScalar(env->db->config(),
                                 QStringLiteral("SELECT COUNT(*) FROM operation_nodes WHERE op_id = '%1'").arg(finishedOld)));
        QCOMPARE(rows.value().toInt(), 0); // cascade (foreign_keys=ON on SQLite)
    }
};

QTEST_GUILESS_MAIN(TstStoreOps)
#include "tst_store_ops.moc"
