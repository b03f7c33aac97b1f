// fleetdeck-test-labels: postgres
// pending_node_ops (SPEC §2.3, §4.2, §9.2): upsert refresh, due list, backoff, op-id guards, sweep.
#include "tst_store_fixture.h"

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstStorePending : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<StoreEnv> env;
    Store &store() { return *env->store; }
    const QString me = QStringLiteral("replica-me");

    std::optional<PendingNodeOp> pending(qint64 id)
    {
        const auto rows = store().listPending();
        if (!rows)
            return std::nullopt;
        for (const PendingNodeOp &p : rows.value())
            if (p.id == id)
                return p;
        return std::nullopt;
    }
    Node addNode(const QString &name, NodeStatus status, qint64 heartbeat, const QString &reason = {})
    {
        const Node n = makeNode(name, status, heartbeat, reason);
        const Status s = store().insertNode(n);
        if (!s)
            qWarning("%s", qPrintable(s.error()));
        return n;
    }
    QString opInState(const QString &backend, OpState state)
    {
        const Operation op = makeOp(backend);
        if (!store().createOp(op).value().created)
            return {};
        if (state == OpState::Queued)
            return op.id;
        store().claimOp(me, op.id);
        store().startOp(op.id, me, QStringLiteral("processing backend: ") + backend, true);
        advanceStartedOp(store(), op.id, state);
        return op.id;
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendColumns(); }
    void init() { QVERIFY((env = StoreEnv::forCurrentRow())); }
    void cleanup() { env.reset(); }

    void upsertPendingRefreshesTheRowAndResetsAttemptsOnlyForANewOp()
    {
        const qint64 t0 = env->clock.nowMs();
        const Node n = addNode(QStringLiteral("gpu-1"), NodeStatus::Healthy, t0);
        const QString opA = QStringLiteral("op-a");
        const QString opB = QStringLiteral("op-b");
        STORE_OK(id, store().upsertPending(makePending(n, QStringLiteral("whisper"), opA, t0)));
        QVERIFY(store().recordFailure(id.value(), opA, QStringLiteral("boom"), BackoffPolicy{}).value());
        QVERIFY(store().recordInFlight(id.value(), opA, 5000).value());
        QCOMPARE(pending(id.value())->attempts, 1);
        QCOMPARE(pending(id.value())->inFlight, true);

        // Same op re-issues: refreshed, attempts and last error kept, created_at kept.
        env->clock.advanceMs(10'000);
        PendingNodeOp again = makePending(n, QStringLiteral("whisper"), opA, t0 + 20'000, OpKind::Upgrade);
        again.galleries = QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("other")}}};
        again.entry = QJsonObject{{QStringLiteral("name"), QStringLiteral("whisper")}, {QStringLiteral("version"), QStringLiteral("b2")}};
        again.force = true;
        STORE_OK(id2, store().upsertPending(again));
        QCOMPARE(id2.value(), id.value());
        auto p = pending(id.value());
        QCOMPARE(toString(p->op), toString(OpKind::Upgrade));
        QCOMPARE(p->galleries, again.galleries);
        QCOMPARE(p->entry, again.entry);
        QCOMPARE(p->force, true);
        QCOMPARE(p->attempts, 1);
        QCOMPARE(p->lastError, QStringLiteral("worker still busy"));
        QCOMPARE(p->inFlight, false);
        QCOMPARE(p->nextRetryAt, t0 + 20'000);
        QCOMPARE(p->createdAt, t0);

        // Another op takes the row over: afresh.
        STORE_OK(id3, store().upsertPending(makePending(n, QStringLiteral("whisper"), opB, t0)));
        QCOMPARE(id3.value(), id.value());
        p = pending(id.value());
        QCOMPARE(p->opId, std::optional<QString>(opB));
        QCOMPARE(p->attempts, 0);
        QCOMPARE(p->lastError, QString());
        QCOMPARE(p->createdAt, t0);

        // op -> NULL is a change as well (null-safe comparison) ...
        QVERIFY(store().recordFailure(id.value(), opB, QStringLiteral("e1"), BackoffPolicy{}).value());
        QVERIFY(store().upsertPending(makePending(n, QStringLiteral("whisper"), std::nullopt, t0)).ok());
        QCOMPARE(pending(id.value())->attempts, 0);
        QVERIFY(!pending(id.value())->opId);
        // ... and NULL -> NULL is not.
        QVERIFY(store().recordFailure(id.value(), std::nullopt, QStringLiteral("e2"), BackoffPolicy{}).value());
        QVERIFY(store().upsertPending(makePending(n, QStringLiteral("whisper"), std::nullopt, t0)).ok());
        QCOMPARE(pending(id.value())->attempts, 1);
        QCOMPARE(pending(id.value())->lastError, QStringLiteral("e2"));

        // Another backend on the same node is another row.
        STORE_OK(other, store().upsertPending(makePending(n, QStringLiteral("piper"), opA, t0)));
        QVERIFY(other.value() != id.value());
        QCOMPARE(store().listPending().value().size(), 2);
    }

    void listDueExcludesUnhealthyNodesFutureRowsAndRowsOfRunningOps()
    {
        const qint64 now = env->clock.nowMs();
        const Node h = addNode(QStringLiteral("healthy-1"), NodeStatus::Healthy, now);
        const Node u = addNode(QStringLiteral("unhealthy-1"), NodeStatus::Unhealthy, now);
        const Node pnd = addNode(QStringLiteral("pending-1"), NodeStatus::Pending, now);
        const QString running = opInState(QStringLiteral("r"), OpState::Running);
        const QString queued = opInState(QStringLiteral("q"), OpState::Queued);
        const QString onWorker = opInState(QStringLiteral("w"), OpState::RunningOnWorker);
        const QString failed = opInState(QStringLiteral("f"), OpState::Failed);

        STORE_OK(rRunning, store().upsertPending(makePending(h, QStringLiteral("r"), running, now - 50)));
        STORE_OK(rQueued, store().upsertPending(makePending(h, QStringLiteral("q"), queued, now - 10)));
        STORE_OK(rOnWorker, store().upsertPending(makePending(h, QStringLiteral("w"), onWorker, now - 30)));
        STORE_OK(rFailed, store().upsertPending(makePending(h, QStringLiteral("f"), failed, now)));
        STORE_OK(rGone, store().upsertPending(makePending(h, QStringLiteral("g"), QStringLiteral("deleted-op"), now - 30)));
        STORE_OK(rBackground, store().upsertPending(makePending(h, QStringLiteral("b"), std::nullopt, now - 40)));
        STORE_OK(rFuture, store().upsertPending(makePending(h, QStringLiteral("later"), std::nullopt, now + 1)));
        STORE_OK(rUnhealthy, store().upsertPending(makePending(u, QStringLiteral("b"), std::nullopt, now - 100)));
        STORE_OK(rPendingNode, store().upsertPending(makePending(pnd, QStringLiteral("b"), std::nullopt, now - 100)));
        Q_UNUSED(rRunning);
        Q_UNUSED(rFuture);
        Q_UNUSED(rUnhealthy);
        Q_UNUSED(rPendingNode);

        STORE_OK(due, store().listDue());
        QList<qint64> ids;
        for (const PendingNodeOp &p : due.value())
            ids << p.id;
        // By (next_retry_at, id): -40, -30 (two rows: lower id first), -10, 0.
        QList<qint64> expected{rBackground.value(), qMin(rOnWorker.value(), rGone.value()),
                               qMax(rOnWorker.value(), rGone.value()), rQueued.value(), rFailed.value()};
        QCOMPARE(ids, expected);
        // Keys only (docs/operations.md#reconcile-pass step 3): leaseDue returns the payload of
        // the rows sent (tst_store_batch listDueReadsKeysAndLeaseDueTheWholeRow).
        QCOMPARE(due.value().first().backend, QStringLiteral("b"));
        QVERIFY(due.value().first().galleries.isEmpty());
        STORE_OK(leased, store().leaseDue(rBackground.value(), std::nullopt, 0));
        QCOMPARE(leased.value()->galleries, makePending(h, QStringLiteral("b"), std::nullopt, 0).galleries);
    }

    void backoffSequence()
    {
        const BackoffPolicy policy;
        QList<qint64> seconds;
        for (int a = 1; a <= 8; ++a)
            seconds << policy.delayForAttempt(a) / 1000;
        QCOMPARE(seconds, (QList<qint64>{30, 60, 120, 240, 480, 900, 900, 900}));
        QCOMPARE(policy.delayForAttempt(60), 900'000); // no overflow

        const Node n = addNode(QStringLiteral("gpu-1"), NodeStatus::Healthy, env->clock.nowMs());
        STORE_OK(id, store().upsertPending(makePending(n, QStringLiteral("whisper"), QStringLiteral("op"), 0)));
        QList<qint64> delays;
        for (int i = 0; i < 7; ++i) {
            env->clock.advanceMs(1234);
            STORE_OK(ok, store().recordFailure(id.value(), QStringLiteral("op"), QStringLiteral("err %1").arg(i), policy));
            QVERIFY(ok.value());
            const auto p = pending(id.value());
            QCOMPARE(p->attempts, i + 1);
            QCOMPARE(p->lastError, QStringLiteral("err %1").arg(i));
            delays << (p->nextRetryAt - env->clock.nowMs()) / 1000;
        }
        QCOMPARE(delays, (QList<qint64>{30, 60, 120, 240, 480, 900, 900}));
    }

    void guardedWritesCompareOpIdNullSafely()
    {
        const qint64 now = env->clock.nowMs();
        const Node n = addNode(QStringLiteral("gpu-1"), NodeStatus::Healthy, now);
        STORE_OK(withOp, store().upsertPending(makePending(n, QStringLiteral("a"), QStringLiteral("op-1"), now)));
        STORE_OK(background, store().upsertPending(makePending(n, QStringLiteral("b"), std::nullopt, now)));
        const qint64 rowA = withOp.value();
        const qint64 rowB = background.value();
        const std::optional<QString> op1 = QStringLiteral("op-1");
        const std::optional<QString> op2 = QStringLiteral("op-2");
        const std::optional<QString> none;

        // recordInFlight
        QCOMPARE(store().recordInFlight(rowA, op2, 1000).value(), false);
        QCOMPARE(store().recordInFlight(rowA, none, 1000).value(), false);
        QCOMPARE(store().recordInFlight(rowB, op1, 1000).value(), false);
        QCOMPARE(pending(rowA)->inFlight, false);
        env->clock.advanceMs(5);
        QCOMPARE(store().recordInFlight(rowA, op1, 900'000).value(), true);
        auto p = pending(rowA);
        QCOMPARE(p->inFlight, true);
        QCOMPARE(p->lastError, QStringLiteral("worker still busy"));
        QCOMPARE(p->attempts, 0);
        QCOMPARE(p->nextRetryAt, env->clock.nowMs() + 900'000);
        QCOMPARE(store().recordInFlight(rowB, none, 1000).value(), true);

        // recordFailure clears in_flight
        QCOMPARE(store().recordFailure(rowA, op2, QStringLiteral("x"), BackoffPolicy{}).value(), false);
        QCOMPARE(store().recordFailure(rowA, none, QStringLiteral("x"), BackoffPolicy{}).value(), false);
        QCOMPARE(store().recordFailure(rowA, op1, QStringLiteral("x"), BackoffPolicy{}).value(), true);
        QCOMPARE(pending(rowA)->inFlight, false);

        // leasePending
        QCOMPARE(store().leasePending(rowA, none, now + 7).value(), false);
        QCOMPARE(store().leasePending(rowB, op1, now + 7).value(), false);
        QCOMPARE(store().leasePending(rowA, op1, now + 7).value(), true);
        QCOMPARE(pending(rowA)->nextRetryAt, now + 7);
        QCOMPARE(store().leasePending(rowB, none, now + 8).value(), true);
        QCOMPARE(pending(rowB)->nextRetryAt, now + 8);

        // deletePending
        QCOMPARE(store().deletePending(rowA, op2).value(), false);
        QCOMPARE(store().deletePending(rowA, none).value(), false);
        QCOMPARE(store().deletePending(rowB, op1).value(), false);
        QVERIFY(pending(rowA) && pending(rowB));
        QCOMPARE(store().deletePending(rowA, op1).value(), true);
        QCOMPARE(store().deletePending(rowB, none).value(), true);
        QCOMPARE(store().deletePending(rowB, none).value(), false);
        QVERIFY(store().listPending().value().isEmpty());
    }

    void deletePendingForOpDeletesOnlyThatOpsRows()
    {
        const qint64 now = env->clock.nowMs();
        const Node n1 = addNode(QStringLiteral("gpu-1"), NodeStatus::Healthy, now);
        const Node n2 = addNode(QStringLiteral("gpu-2"), NodeStatus::Healthy, now);
        QVERIFY(store().upsertPending(makePending(n1, QStringLiteral("a"), QStringLiteral("op-1"), now)).ok());
        QVERIFY(store().upsertPending(makePending(n2, QStringLiteral("a"), QStringLiteral("op-1"), now)).ok());
        QVERIFY(store().upsertPending(makePending(n2, QStringLiteral("b"), QStringLiteral("op-2"), now)).ok());
        QVERIFY(store().upsertPending(makePending(n1, QStringLiteral("c"), std::nullopt, now)).ok());
        STORE_OK(n, store().deletePendingForOp(QStringLiteral("op-1")));
        QCOMPARE(n.value(), 2);
        QCOMPARE(store().listPending().value().size(), 2);
    }

    void a08_stale_pending_swept()
    {
        const qint64 now = env->clock.nowMs();
        const qint64 grace = 10 * 60'000;
        const qint64 hour = 60 * 60'000;
        const Node offlineOld = addNode(QStringLiteral("offline-old"), NodeStatus::Offline, now - hour, QStringLiteral("heartbeat stale"));
        const Node drained = addNode(QStringLiteral("drained"), NodeStatus::Draining, now, QStringLiteral("drained by admin"));
        const Node unhealthyOld = addNode(QStringLiteral("unhealthy-old"), NodeStatus::Unhealthy, now - hour);
        const Node unhealthyFresh = addNode(QStringLiteral("unhealthy-fresh"), NodeStatus::Unhealthy, now);
        const Node offlineRecent = addNode(QStringLiteral("offline-recent"), NodeStatus::Offline, now - 60'000);
        const Node shuttingDown = addNode(QStringLiteral("shutting-down"), NodeStatus::Draining, now, QStringLiteral("worker shutting down"));
        const Node healthy = addNode(QStringLiteral("healthy"), NodeStatus::Healthy, now);
        const Node pendingNode = addNode(QStringLiteral("pending"), NodeStatus::Pending, now - 2 * hour);

        const QString op = QStringLiteral("op-1");
        STORE_OK(r1, store().upsertPending(makePending(offlineOld, QStringLiteral("whisper"), op, now)));
        STORE_OK(r2, store().upsertPending(makePending(drained, QStringLiteral("whisper"), std::nullopt, now)));
        STORE_OK(r3, store().upsertPending(makePending(unhealthyOld, QStringLiteral("whisper"), op, now, OpKind::Upgrade)));
        for (const Node &n : {unhealthyFresh, offlineRecent, shuttingDown, healthy, pendingNode})
            QVERIFY(store().upsertPending(makePending(n, QStringLiteral("whisper"), op, now)).ok());

        STORE_OK(leased, store().recordInFlight(r1.value(), op, 60'000)); // the owner's request timed out
        QVERIFY(leased.value());
        STORE_OK(swept, store().deleteStalePending(grace));
        QCOMPARE(swept.value().size(), 3);
        QVERIFY(swept.value()[0].row.inFlight); // as deleted: the sweep settles a leased row
        QVERIFY(!swept.value()[1].row.inFlight);
        QCOMPARE(swept.value()[0].row.id, r1.value());
        QCOMPARE(toString(swept.value()[0].nodeStatus), toString(NodeStatus::Offline));
        QCOMPARE(swept.value()[0].row.opId, std::optional<QString>(op));
        QCOMPARE(swept.value()[1].row.id, r2.value());
        QCOMPARE(toString(swept.value()[1].nodeStatus), toString(NodeStatus::Draining));
        QCOMPARE(swept.value()[2].row.id, r3.value());
        QCOMPARE(toString(swept.value()[2].nodeStatus), toString(NodeStatus::Unhealthy));
        QCOMPARE(toString(swept.value()[2].row.op), toString(OpKind::Upgrade));

        STORE_OK(left, store().listPending());
        QCOMPARE(left.value().size(), 5);
        QSet<QString> kept;
        for (const PendingNodeOp &p : left.value())
            kept << p.nodeId;
        QCOMPARE(kept, (QSet<QString>{unhealthyFresh.id, offlineRecent.id, shuttingDown.id, healthy.id, pendingNode.id}));

        // Worker-drained nodes get the grace too: once it has passed they are swept.
        env->clock.advanceMs(grace);
        STORE_OK(later, store().deleteStalePending(grace));
        QCOMPARE(later.value().size(), 3); // unhealthy-fresh, offline-recent, shutting-down
        STORE_OK(none, store().deleteStalePending(grace));
        QCOMPARE(none.value().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TstStorePending)
#include "tst_store_pending.moc"
