// fleetdeck-test-labels: postgres
// The set-based store calls of the reconcile pass (docs/operations.md#reconcile-pass,
// engine/store/store_batch.cpp) and the sweep's settling of node rows: what the store holds after
// each, on both stores.
#include "cluster/op_reevaluation.h"
#include "cluster/reconcile_steps.h"
#include "tst_store_fixture.h"

#include <tuple>

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstStoreBatch : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<StoreEnv> env;
    Store &store() { return *env->store; }
    const QString me = QStringLiteral("replica-me");
    Node gpu1, gpu2, gpu3;

    std::optional<NodeProgress> row(const QString &opId, const Node &n) { return nodeRowOf(store(), opId, n); }
    std::optional<PendingNodeOp> pending(qint64 id)
    {
        const auto rows = store().listPending();
        for (const PendingNodeOp &p : rows ? rows.value() : QList<PendingNodeOp>())
            if (p.id == id)
                return p;
        return std::nullopt;
    }
    // An op in `state` with one node row per node, each in the status given.
    QString opWithRows(const QString &backend, OpState state, const QList<QPair<Node, NodeRowStatus>> &rows)
    {
        env->clock.advanceMs(1); // created_at orders the ops
        const Operation op = makeOp(backend);
        if (!store().createOp(op).value().created)
            return {};
        if (state != OpState::Queued) {
            store().claimOp(me, op.id);
            store().startOp(op.id, me, QStringLiteral("processing backend: ") + backend, true);
        }
        QList<NodeProgress> inserted;
        for (const auto &[node, status] : rows)
            inserted << makeRow(op.id, node);
        store().insertNodeRows(inserted);
        for (const auto &[node, status] : rows)
            if (status != NodeRowStatus::Queued)
                store().updateNodeRow(makeRow(op.id, node, status));
        advanceStartedOp(store(), op.id, state);
        return op.id;
    }

    // The same view of an op: every field a replica shows and compares, and every node row.
    static void compareViews(const Operation &a, const Operation &b)
    {
        QCOMPARE(a.id, b.id);
        QCOMPARE(toString(a.state), toString(b.state));
        QCOMPARE(a.revision, b.revision);
        QCOMPARE(a.updatedAt, b.updatedAt);
        QCOMPARE(a.progressAt, b.progressAt);
        QCOMPARE(a.message, b.message);
        QCOMPARE(a.error, b.error);
        QCOMPARE(a.cacheKey, b.cacheKey);
        QCOMPARE(a.params, b.params);
        QCOMPARE(a.nodes, b.nodes);
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendColumns(); }
    void init()
    {
        QVERIFY((env = StoreEnv::forCurrentRow()));
        gpu1 = makeNode(QStringLiteral("gpu-1"), NodeStatus::Healthy, env->clock.nowMs());
        gpu2 = makeNode(QStringLiteral("gpu-2"), NodeStatus::Healthy, env->clock.nowMs());
        gpu3 = makeNode(QStringLiteral("gpu-3"), NodeStatus::Healthy, env->clock.nowMs());
        for (const Node &n : {gpu1, gpu2, gpu3})
            QVERIFY_OK(store().insertNode(n));
    }
    void cleanup() { env.reset(); }

    void updateNodeRowsWritesEachRowUnderUpdateNodeRowsRules()
    {
        const QString id = opWithRows(QStringLiteral("whisper"), OpState::RunningOnWorker,
                                      {{gpu1, NodeRowStatus::Queued}, {gpu2, NodeRowStatus::Success}, {gpu3, NodeRowStatus::RunningOnWorker}});
        QVERIFY(!id.isEmpty());
        const auto before = store().getOp(id).value();
        const NodeProgress old1 = *row(id, gpu1), old2 = *row(id, gpu2), old3 = *row(id, gpu3);
        env->clock.advanceMs(5000);
        auto toDownloading = [](const NodeProgress &cur) {
            NodeProgress n = cur;
            n.status = NodeRowStatus::Downloading;
            n.percentage = 140; // bounded to 100
            n.message = QStringLiteral("mirrored");
            return std::optional<NodeProgress>(n);
        };
        // Keys in this order; gpu2 is terminal; a key without a row is skipped, never created.
        STORE_OK(written, store().updateNodeRows({{id, gpu3.id}, {id, gpu2.id}, {id, gpu1.id}, {id, QStringLiteral("no-such-node")}},
                                                 toDownloading));
        QCOMPARE(written.value().size(), 2);
        QCOMPARE(written.value()[0].nodeId, gpu3.id); // in the order of the keys
        QCOMPARE(written.value()[1].nodeId, gpu1.id);
        QCOMPARE(written.value()[1].revision, old1.revision + 1);
        for (const auto &[node, old] : {std::pair{gpu1, old1}, std::pair{gpu3, old3}}) {
            const NodeProgress r = *row(id, node);
            QCOMPARE(toString(r.status), toString(NodeRowStatus::Downloading));
            QCOMPARE(r.percentage, 100);
            QCOMPARE(r.message, QStringLiteral("mirrored"));
            QCOMPARE(r.revision, old.revision + 1);
            QCOMPARE(r.updatedAt, env->clock.nowMs());
        }
        QCOMPARE(*row(id, gpu2), old2);
        QCOMPARE(store().nodeRows(id).value().size(), 3);
        // The handed-off op: clocks moved and one new revision for the write.
        const auto after = store().getOp(id).value();
        QCOMPARE(after->updatedAt, env->clock.nowMs());
        QCOMPARE(after->progressAt, env->clock.nowMs());
        QCOMPARE(after->revision, before->revision + 1);

        // A change that returns nullopt leaves the row; a terminal rewrite needs the flag.
        STORE_OK(none, store().updateNodeRows({{id, gpu1.id}}, [](const NodeProgress &) { return std::optional<NodeProgress>(); }));
        QVERIFY(none.value().isEmpty());
        STORE_OK(rewritten, store().updateNodeRows({{id, gpu2.id}}, [](const NodeProgress &cur) {
            NodeProgress n = cur;
            n.status = NodeRowStatus::Error;
            n.error = QStringLiteral("dead-lettered");
            return std::optional<NodeProgress>(n);
        }, true));
        QCOMPARE(rewritten.value().size(), 1);
        QCOMPARE(toString(row(id, gpu2)->status), toString(NodeRowStatus::Error));
        QCOMPARE(row(id, gpu2)->error, std::optional<QString>(QStringLiteral("dead-lettered")));
        QCOMPARE(row(id, gpu2)->revision, old2.revision + 1);
    }

    void guardedPendingWritesHoldEachRowToItsOpId()
    {
        const qint64 now = env->clock.nowMs();
        STORE_OK(r1, store().upsertPending(makePending(gpu1, QStringLiteral("a"), QStringLiteral("op-1"), now)));
        STORE_OK(r2, store().upsertPending(makePending(gpu2, QStringLiteral("a"), std::nullopt, now)));
        STORE_OK(r3, store().upsertPending(makePending(gpu3, QStringLiteral("a"), QStringLiteral("op-2"), now)));
        STORE_OK(leased, store().recordInFlightRows({{r1.value(), QStringLiteral("op-1")}, {r2.value(), std::nullopt},
                                                      {r3.value(), QStringLiteral("op-other")}}, 60'000));
        QCOMPARE(leased.value(), (QSet<qint64>{r1.value(), r2.value()}));
        for (qint64 id : {r1.value(), r2.value()}) {
            QVERIFY(pending(id)->inFlight);
            QCOMPARE(pending(id)->lastError, QStringLiteral("worker still busy"));
            QCOMPARE(pending(id)->nextRetryAt, now + 60'000);
        }
        QVERIFY(!pending(r3.value())->inFlight);
        QCOMPARE(pending(r3.value())->nextRetryAt, now);

        STORE_OK(deleted, store().deletePendingRows({{r1.value(), QStringLiteral("op-1")}, {r2.value(), QStringLiteral("op-1")},
                                                      {r3.value(), QStringLiteral("op-2")}, {r3.value() + 100, std::nullopt}}));
        QCOMPARE(deleted.value(), (QSet<qint64>{r1.value(), r3.value()}));
        STORE_OK(left, store().listPending());
        QCOMPARE(left.value().size(), 1);
        QCOMPARE(left.value().first().id, r2.value());
        STORE_OK(none, store().deletePendingRows({}));
        QVERIFY(none.value().isEmpty());
    }

    void pendingStatesAndTheNodesAPassLists()
    {
        const qint64 now = env->clock.nowMs();
        const QString handedOff = opWithRows(QStringLiteral("a"), OpState::RunningOnWorker,
                                             {{gpu1, NodeRowStatus::RunningOnWorker}, {gpu2, NodeRowStatus::Queued}});
        const QString running = opWithRows(QStringLiteral("b"), OpState::Running, {{gpu3, NodeRowStatus::Downloading}});
        STORE_OK(r1, store().upsertPending(makePending(gpu1, QStringLiteral("a"), handedOff, now + 60'000)));
        STORE_OK(r2, store().upsertPending(makePending(gpu2, QStringLiteral("a"), handedOff, now + 60'000)));
        STORE_OK(r3, store().upsertPending(makePending(gpu3, QStringLiteral("b"), running, now - 1000)));
        STORE_OK(r4, store().upsertPending(makePending(gpu3, QStringLiteral("c"), QStringLiteral("gone"), now, OpKind::Delete)));
        QVERIFY(store().recordInFlight(r2.value(), handedOff, 60'000).value());

        const PendingCandidates all{{{gpu1.id, QStringLiteral("a")}, {gpu2.id, QStringLiteral("a")}, {gpu3.id, QStringLiteral("b")}},
                                    {gpu3.id}};
        STORE_OK(states, store().listPendingStates(all));
        QCOMPARE(states.value().size(), 4);
        const QList<qint64> ids{r1.value(), r2.value(), r3.value(), r4.value()};
        for (qsizetype i = 0; i < ids.size(); ++i)
            QCOMPARE(states.value()[i].row.id, ids[i]); // by id
        QCOMPARE(states.value()[0].row.nodeId, gpu1.id);
        QCOMPARE(states.value()[0].row.backend, QStringLiteral("a"));
        QCOMPARE(states.value()[0].row.opId, std::optional<QString>(handedOff));
        QCOMPARE(toString(*states.value()[0].opState), toString(OpState::RunningOnWorker));
        QCOMPARE(toString(*states.value()[0].nodeRowStatus), toString(NodeRowStatus::RunningOnWorker));
        QCOMPARE(toString(*states.value()[1].nodeRowStatus), toString(NodeRowStatus::Queued));
        QCOMPARE(toString(*states.value()[2].opState), toString(OpState::Running));
        QCOMPARE(toString(states.value()[3].row.op), toString(OpKind::Delete));
        QVERIFY(!states.value()[3].opState); // its op is gone
        QVERIFY(!states.value()[3].nodeRowStatus);
        // Only the candidates: gpu-2's row is not listed, gpu-3's install row neither; its delete
        // row is found by its node alone, and a pair without a row finds nothing.
        STORE_OK(some, store().listPendingStates(PendingCandidates{{{gpu1.id, QStringLiteral("a")}, {gpu1.id, QStringLiteral("zzz")}},
                                                                   {gpu3.id}}));
        QCOMPARE(some.value().size(), 2);
        QCOMPARE(some.value()[0].row.id, r1.value());
        QCOMPARE(some.value()[1].row.id, r4.value());
        STORE_OK(none, store().listPendingStates(PendingCandidates{}));
        QVERIFY(none.value().isEmpty());

        // gpu-1: nothing due; gpu-2: leased; gpu-3: a due row of a running op (not due) and a due
        // row of a vanished op (a background row, due).
        STORE_OK(wanted, store().nodesWithDueOrLeasedRows());
        QCOMPARE(wanted.value(), (QSet<QString>{gpu2.id, gpu3.id}));
        QVERIFY(store().deletePending(r4.value(), QStringLiteral("gone")).value());
        STORE_OK(later, store().nodesWithDueOrLeasedRows());
        QCOMPARE(later.value(), (QSet<QString>{gpu2.id}));
    }

    void getOpsAndTheOpsAnOutcomeMayFinish()
    {
        const QString busy = opWithRows(QStringLiteral("a"), OpState::RunningOnWorker,
                                        {{gpu1, NodeRowStatus::RunningOnWorker}, {gpu2, NodeRowStatus::Success}});
        const QString failing = opWithRows(QStringLiteral("b"), OpState::RunningOnWorker,
                                           {{gpu1, NodeRowStatus::RunningOnWorker}, {gpu2, NodeRowStatus::Error}});
        const QString done = opWithRows(QStringLiteral("c"), OpState::RunningOnWorker,
                                        {{gpu1, NodeRowStatus::Success}, {gpu3, NodeRowStatus::Cancelled}});
        const QString running = opWithRows(QStringLiteral("d"), OpState::Running, {{gpu1, NodeRowStatus::Success}});
        const QString failed = opWithRows(QStringLiteral("e"), OpState::Failed, {{gpu1, NodeRowStatus::Error}});
        STORE_OK(ops, store().getOps({failed, busy, QStringLiteral("no-such-op"), busy, running}));
        QCOMPARE(ops.value().size(), 3);
        QCOMPARE(ops.value()[0].id, busy); // by (created_at, id): created in this order
        QCOMPARE(ops.value()[1].id, running);
        QCOMPARE(ops.value()[2].id, failed);
        QCOMPARE(ops.value()[0].nodes.size(), 2);
        QCOMPARE(ops.value()[0].nodes[0].nodeName, QStringLiteral("gpu-1"));
        QCOMPARE(toString(ops.value()[0].nodes[1].status), toString(NodeRowStatus::Success));
        QCOMPARE(ops.value()[2].nodes.size(), 1);
        QCOMPARE(ops.value()[0].nodes, store().getOp(busy).value()->nodes); // as getOp reads them
        QCOMPARE(ops.value()[2].revision, store().getOp(failed).value()->revision);

        STORE_OK(resolvable, store().resolvableHandedOffOps({busy, failing, done, running, failed}));
        QStringList expected{failing, done};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(resolvable.value(), expected);
        QVERIFY(store().getOps({}).value().isEmpty());
    }

    void sweepSettlesTheNodeRowsOfTheRowsItDeletes()
    {
        const qint64 now = env->clock.nowMs();
        const qint64 grace = 10 * 60'000;
        Node off = makeNode(QStringLiteral("off"), NodeStatus::Offline, now - 3600'000, QStringLiteral("no heartbeat"));
        Node drained = makeNode(QStringLiteral("drained"), NodeStatus::Draining, now, QStringLiteral("drained by admin"));
        QVERIFY_OK(store().insertNode(off));
        QVERIFY_OK(store().insertNode(drained));
        const QString op = opWithRows(QStringLiteral("a"), OpState::RunningOnWorker,
                                      {{off, NodeRowStatus::RunningOnWorker}, {drained, NodeRowStatus::Queued}, {gpu1, NodeRowStatus::Queued}});
        const QString op2 = opWithRows(QStringLiteral("b"), OpState::Running,
                                       {{off, NodeRowStatus::Downloading}, {drained, NodeRowStatus::Downloading}});
        const QString op3 = opWithRows(QStringLiteral("c"), OpState::Failed, {{off, NodeRowStatus::Error}});
        const qint64 revision = store().getOp(op).value()->revision;
        const NodeProgress kept = *row(op2, drained);
        STORE_OK(p1, store().upsertPending(makePending(off, QStringLiteral("a"), op, now)));
        STORE_OK(p2, store().upsertPending(makePending(drained, QStringLiteral("a"), op, now)));
        STORE_OK(p3, store().upsertPending(makePending(gpu1, QStringLiteral("a"), op, now)));
        STORE_OK(p4, store().upsertPending(makePending(off, QStringLiteral("b"), op2, now)));
        STORE_OK(p5, store().upsertPending(makePending(drained, QStringLiteral("b"), op2, now)));
        STORE_OK(p6, store().upsertPending(makePending(off, QStringLiteral("c"), op3, now)));
        STORE_OK(p7, store().upsertPending(makePending(off, QStringLiteral("bg"), std::nullopt, now)));
        QVERIFY(store().recordInFlight(p4.value(), op2, 60'000).value()); // leased by its owner
        env->clock.advanceMs(1000);

        STORE_OK(swept, store().deleteStalePending(grace));
        const QList<qint64> ids{p1.value(), p2.value(), p4.value(), p5.value(), p6.value(), p7.value()};
        QCOMPARE(swept.value().size(), ids.size());
        for (qsizetype i = 0; i < ids.size(); ++i)
            QCOMPARE(swept.value()[i].row.id, ids[i]);
        const QList<bool> settled{true, true, true, false, false, false};
        for (qsizetype i = 0; i < ids.size(); ++i)
            QCOMPARE(swept.value()[i].nodeRowSettled, settled[i]);
        QCOMPARE(toString(swept.value()[1].nodeStatus), toString(NodeStatus::Draining));
        QCOMPARE(swept.value()[5].row.backend, QStringLiteral("bg"));
        QVERIFY(swept.value()[5].row.entry.isEmpty()); // not read: the sweep needs no payload

        const NodeProgress busy = *row(op, off), queued = *row(op, drained), leased = *row(op2, off);
        QCOMPARE(toString(busy.status), toString(NodeRowStatus::Error));
        QCOMPARE(busy.error, std::optional<QString>(QStringLiteral("node went offline before confirming")));
        QCOMPARE(toString(queued.status), toString(NodeRowStatus::Cancelled));
        QCOMPARE(queued.message, QStringLiteral("pending op dropped: node draining"));
        QCOMPARE(busy.errorCode, Reason::make("node_offline_before_confirm")); // docs/reason-codes.md
        QCOMPARE(queued.messageCode, Reason::make("pending_dropped", {{"status", QStringLiteral("draining")}}));
        QCOMPARE(toString(leased.status), toString(NodeRowStatus::Error)); // leased and not terminal
        QCOMPARE(leased.updatedAt, env->clock.nowMs());
        QCOMPARE(*row(op2, drained), kept);                                 // not leased: its fan-out settles it
        QCOMPARE(toString(row(op, gpu1)->status), toString(NodeRowStatus::Queued)); // healthy node: kept
        QCOMPARE(toString(row(op3, off)->status), toString(NodeRowStatus::Error));
        QCOMPARE(store().getOp(op).value()->revision, revision + 1);
        STORE_OK(left, store().listPending());
        QCOMPARE(left.value().size(), 1);
        QCOMPARE(left.value().first().id, p3.value());
    }

    // Store::opDeltas reads, of each op, its op row and only the node rows written since the given
    // time, with the fingerprint of all of them; a memory copy merged with them is the whole
    // re-read, and a copy that lacks rows or holds other revisions is refused.
    void opDeltasReadOnlyTheRowsChangedSince()
    {
        const QString a = opWithRows(QStringLiteral("a"), OpState::RunningOnWorker,
                                     {{gpu1, NodeRowStatus::RunningOnWorker}, {gpu2, NodeRowStatus::Queued}, {gpu3, NodeRowStatus::Success}});
        const QString b = opWithRows(QStringLiteral("b"), OpState::Failed, {{gpu1, NodeRowStatus::Error}, {gpu2, NodeRowStatus::Cancelled}});
        STORE_OK(memory, store().getOps({a, b})); // the replica's copies, before the pass
        env->clock.advanceMs(1000);
        const qint64 since = env->clock.nowMs();
        STORE_OK(written, store().updateNodeRows({{a, gpu2.id}}, [](const NodeProgress &cur) {
            NodeProgress n = cur;
            n.status = NodeRowStatus::Cancelled;
            return std::optional<NodeProgress>(n);
        }));
        QCOMPARE(written.value().size(), 1);

        STORE_OK(deltas, store().opDeltas({b, a, QStringLiteral("no-such-op"), a}, since));
        QCOMPARE(deltas.value().size(), 2);
        QCOMPARE(deltas.value()[0].op.id, a); // by (created_at, id), as getOps
        QCOMPARE(deltas.value()[0].op.nodes, written.value()); // the one row written since
        QVERIFY(deltas.value()[1].op.nodes.isEmpty());
        QCOMPARE(deltas.value()[0].rowCount, 3);
        QCOMPARE(deltas.value()[1].rowCount, 2);
        STORE_OK(whole, store().getOps({a, b}));
        for (qsizetype i = 0; i < 2; ++i) {
            qint64 sum = 0, squares = 0;
            for (const NodeProgress &n : whole.value()[i].nodes)
                sum += n.revision, squares += n.revision * n.revision;
            QCOMPARE(deltas.value()[i].revisionSum, sum);
            QCOMPARE(deltas.value()[i].revisionSquareSum, squares);
            const auto view = viewFromDelta(deltas.value()[i], memory.value()[i]);
            QVERIFY(view);
            compareViews(*view, whole.value()[i]);
        }
        QCOMPARE(store().opDeltas({a}, env->clock.nowMs() + 1).value()[0].op.nodes.size(), 0);
        QCOMPARE(store().opDeltas({a}, 0).value()[0].op.nodes, whole.value()[0].nodes); // every row

        Operation partial = memory.value()[0]; // a copy made from a broadcast that named one row
        partial.nodes.removeLast();
        QVERIFY(!viewFromDelta(deltas.value()[0], partial));
        Operation lagging = memory.value()[1]; // a row changed before `since`, its broadcast lost
        lagging.nodes[0].revision -= 1;
        QVERIFY(!viewFromDelta(deltas.value()[1], lagging));
    }

    // A replica that holds the ops reads, in a pass, only the rows the pass changed
    // (loadReevaluationInStore with HeldOps), and its view after the pass equals a whole re-read;
    // an op it does not hold, or holds only in part, is read whole.
    void aReplicaViewAfterThePassEqualsAWholeReRead()
    {
        const qint64 grace = 10 * 60'000;
        Node off = makeNode(QStringLiteral("off"), NodeStatus::Offline, env->clock.nowMs() - 2 * grace);
        QVERIFY_OK(store().insertNode(off));
        const QString a = opWithRows(QStringLiteral("a"), OpState::RunningOnWorker,
                                     {{off, NodeRowStatus::RunningOnWorker}, {gpu1, NodeRowStatus::Success}, {gpu2, NodeRowStatus::Queued}});
        const QString b = opWithRows(QStringLiteral("b"), OpState::RunningOnWorker,
                                     {{off, NodeRowStatus::Queued}, {gpu1, NodeRowStatus::RunningOnWorker}});
        const QString c = opWithRows(QStringLiteral("c"), OpState::RunningOnWorker, {{off, NodeRowStatus::Queued}, {gpu3, NodeRowStatus::Queued}});
        for (const auto &[node, backend, op] : {std::tuple{off, QStringLiteral("a"), a}, std::tuple{gpu2, QStringLiteral("a"), a},
                                               std::tuple{off, QStringLiteral("b"), b}, std::tuple{off, QStringLiteral("c"), c}})
            QVERIFY(store().upsertPending(makePending(node, backend, op, env->clock.nowMs())).ok());
        QHash<QString, Operation> memory;
        STORE_OK(held, store().getOps({a, b})); // c is not held
        for (const Operation &op : held.value())
            memory.insert(op.id, op);
        memory[b].nodes.removeFirst(); // b is held in part: a broadcast named only its row of `off`
        env->clock.advanceMs(1000);
        const qint64 passStart = env->clock.nowMs();

        const SweepOutcome swept = sweepInStore(store(), grace); // settles a's, b's and c's row of `off`
        QCOMPARE(swept.deleted, 3);
        const ReevaluationInput in = loadReevaluationInStore(store(), swept.touchedOps, true, HeldOps{{a, b}, passStart});
        QCOMPARE(in.deltas.size(), 2);
        for (const OpDelta &d : in.deltas) { // only the row the sweep settled
            QCOMPARE(d.op.nodes.size(), 1);
            QCOMPARE(d.op.nodes[0].nodeId, off.id);
        }
        QCOMPARE(in.ops.size(), 1); // c, whole
        QCOMPARE(in.ops[0].id, c);
        QCOMPARE(in.ops[0].nodes.size(), 2);
        QVERIFY(in.nodeStatus.contains(off.id)); // handed-off ops: the registry's statuses
        QStringList reread;
        const QList<Operation> views = storeViews(in, [&memory](const QString &id) {
            return memory.contains(id) ? std::optional<Operation>(memory.value(id)) : std::nullopt;
        }, &reread);
        QCOMPARE(reread, QStringList{b});
        QCOMPARE(views.size(), 2);
        STORE_OK(whole, store().getOps({a, c}));
        for (qsizetype i = 0; i < 2; ++i)
            compareViews(views[i], whole.value()[i]);
        QCOMPARE(toString(views[0].nodes[0].status), toString(NodeRowStatus::Success)); // gpu-1 sorts first
        QCOMPARE(toString(views[0].nodes[2].status), toString(NodeRowStatus::Error));    // off: settled

        // Without a refresh, an op not held is read only when an outcome may finish it.
        const ReevaluationInput quiet = loadReevaluationInStore(store(), {b, c}, false);
        QCOMPARE(quiet.ops.size(), 1); // c: no running_on_worker row left; b still has one
        QCOMPARE(quiet.ops[0].id, c);
    }

    // listDue reads no payload; leaseDue leases a row and returns it whole, as it is now.
    void listDueReadsKeysAndLeaseDueTheWholeRow()
    {
        const qint64 now = env->clock.nowMs();
        STORE_OK(id, store().upsertPending(makePending(gpu1, QStringLiteral("whisper"), std::nullopt, now)));
        STORE_OK(due, store().listDue());
        QCOMPARE(due.value().size(), 1);
        const PendingNodeOp key = due.value().first();
        QCOMPARE(key.id, id.value());
        QCOMPARE(key.backend, QStringLiteral("whisper"));
        QVERIFY(key.entry.isEmpty() && key.galleries.isEmpty()); // not read
        QVERIFY(!store().leaseDue(key.id, QStringLiteral("other-op"), now + 60'000).value()); // guarded by op id
        STORE_OK(leased, store().leaseDue(key.id, key.opId, now + 60'000));
        QVERIFY(leased.value());
        const PendingNodeOp whole = *pending(key.id);
        QCOMPARE(leased.value()->entry, whole.entry);
        QVERIFY(!leased.value()->entry.isEmpty());
        QCOMPARE(leased.value()->galleries, whole.galleries);
        QCOMPARE(leased.value()->nextRetryAt, now + 60'000);
        QCOMPARE(whole.nextRetryAt, now + 60'000);
        QVERIFY(store().listDue().value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstStoreBatch)
#include "tst_store_batch.moc"
