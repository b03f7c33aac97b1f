// fleetdeck-test-labels: postgres
// Node registry rows, admin node deletion (D10, A26) and History (SPEC §3.10, A22).
#include "tst_store_fixture.h"

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstStoreNodes : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<StoreEnv> env;
    Store &store() { return *env->store; }
    const QString me = QStringLiteral("replica-me");

    QString opWithRows(const QString &backend, const QList<Node> &nodes)
    {
        const Operation op = makeOp(backend);
        if (!store().createOp(op).value().created || !store().claimOp(me, op.id).value()
            || !store().startOp(op.id, me, QStringLiteral("processing backend: ") + backend, true).value())
            return {};
        QList<NodeProgress> rows;
        for (const Node &n : nodes)
            rows << makeRow(op.id, n);
        if (!store().insertNodeRows(rows))
            return {};
        return op.id;
    }
    NodeProgress rowOf(const QString &opId, const Node &n)
    {
        const auto rows = store().nodeRows(opId);
        for (const NodeProgress &r : rows.value())
            if (r.nodeId == n.id)
                return r;
        return {};
    }
    HistoryEntry entry(int i, qint64 finishedAt)
    {
        HistoryEntry h;
        h.opId = QStringLiteral("op-%1").arg(i);
        h.kind = QStringLiteral("install");
        h.backend = QStringLiteral("whisper");
        h.outcome = QStringLiteral("success");
        h.message = QStringLiteral("completed");
        h.replicaId = me;
        h.finishedAt = finishedAt;
        return h;
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendColumns(); }
    void init() { QVERIFY((env = StoreEnv::forCurrentRow())); }
    void cleanup() { env.reset(); }

    void nodesInsertFindUpdateList()
    {
        const qint64 now = env->clock.nowMs();
        Node b = makeNode(QStringLiteral("b-node"), NodeStatus::Healthy, now - 5);
        b.labels = QJsonObject{{QStringLiteral("rack"), QStringLiteral("r1")}};
        b.workerVersion = QStringLiteral("1.0.0");
        const Node a = makeNode(QStringLiteral("a-node"), NodeStatus::Pending, now);
        const Node upper = makeNode(QStringLiteral("Z-node"), NodeStatus::Offline, now, QStringLiteral("worker stopped"));
        for (const Node &n : {b, a, upper})
            QVERIFY_OK(store().insertNode(n));

        STORE_OK(byId, store().findNode(b.id));
        QVERIFY(byId.value());
        QCOMPARE(byId.value()->name, QStringLiteral("b-node"));
        QCOMPARE(byId.value()->labels, b.labels);
        QCOMPARE(byId.value()->resources, b.resources);
        QCOMPARE(byId.value()->lastHeartbeat, now - 5);
        QCOMPARE(byId.value()->workerVersion, QStringLiteral("1.0.0"));
        QCOMPARE(byId.value()->createdAt, now);
        STORE_OK(byName, store().findNode(QStringLiteral("B-NODE")));
        QVERIFY(byName.value());
        QCOMPARE(byName.value()->id, b.id);
        STORE_OK(missing, store().findNode(QStringLiteral("nope")));
        QVERIFY(!missing.value());

        STORE_OK(list, store().listNodes());
        QStringList names;
        for (const Node &n : list.value())
            names << n.name;
        QCOMPARE(names, (QStringList{QStringLiteral("Z-node"), QStringLiteral("a-node"), QStringLiteral("b-node")}));

        env->clock.advanceMs(100);
        Node changed = byId.value().value();
        changed.status = NodeStatus::Draining;
        changed.statusReason = QStringLiteral("drained by admin");
        changed.name = QStringLiteral("B-Node");
        QVERIFY_OK(store().updateNode(changed));
        const Node got = store().findNode(b.id).value().value();
        QCOMPARE(toString(got.status), toString(NodeStatus::Draining));
        QCOMPARE(got.statusReason, QStringLiteral("drained by admin"));
        QCOMPARE(got.name, QStringLiteral("B-Node"));
        QCOMPARE(got.updatedAt, env->clock.nowMs());

        Node ghost = makeNode(QStringLiteral("ghost"), NodeStatus::Healthy, now);
        QVERIFY(!store().updateNode(ghost).ok());
    }

    void nodeNamesAreUniqueCaseInsensitively()
    {
        QVERIFY_OK(store().insertNode(makeNode(QStringLiteral("gpu-1"), NodeStatus::Healthy, 0)));
        const Status dup = store().insertNode(makeNode(QStringLiteral("GPU-1"), NodeStatus::Healthy, 0));
        QVERIFY(!dup.ok());
        QVERIFY2(dup.error().startsWith(QStringLiteral("insertNode: ")), qPrintable(dup.error()));
    }

    void a26_node_deletion_removes_pending_rows()
    {
        const qint64 now = env->clock.nowMs();
        const Node edge = makeNode(QStringLiteral("cpu-edge-1"), NodeStatus::Offline, now - 3600'000);
        const Node gpu = makeNode(QStringLiteral("gpu-1"), NodeStatus::Healthy, now);
        QVERIFY_OK(store().insertNode(edge));
        QVERIFY_OK(store().insertNode(gpu));

        // A finished op with a queued row on the node, a running op with a row in flight and a
        // terminal row on the node.
        const QString finished = opWithRows(QStringLiteral("whisper"), {edge, gpu});
        QVERIFY(store().updateNodeRow(makeRow(finished, gpu, NodeRowStatus::Success)).value());
        QVERIFY(store().finishOp(finished, OpState::Success, 100, QStringLiteral("completed"), std::nullopt).value());
        const QString running = opWithRows(QStringLiteral("piper"), {edge, gpu});
        QVERIFY(store().updateNodeRow(makeRow(running, edge, NodeRowStatus::RunningOnWorker)).value());
        const QString settled = opWithRows(QStringLiteral("bark"), {edge});
        QVERIFY(store().updateNodeRow(makeRow(settled, edge, NodeRowStatus::Error)).value());

        QVERIFY(store().upsertPending(makePending(edge, QStringLiteral("whisper"), finished, now)).ok());
        QVERIFY(store().upsertPending(makePending(edge, QStringLiteral("piper"), running, now)).ok());
        QVERIFY(store().upsertPending(makePending(gpu, QStringLiteral("piper"), running, now)).ok());

        env->clock.advanceMs(1000);
        const qint64 runningUpdatedBefore = store().getOp(running).value()->updatedAt;
        STORE_OK(changed, store().deleteNode(edge.id));
        QStringList expected{finished, running};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(changed.value(), expected);

        STORE_OK(pending, store().listPending());
        QCOMPARE(pending.value().size(), 1);
        QCOMPARE(pending.value().first().nodeId, gpu.id);
        QVERIFY(!store().findNode(edge.id).value());

        const NodeProgress q = rowOf(finished, edge);
        QCOMPARE(toString(q.status), toString(NodeRowStatus::Cancelled));
        QCOMPARE(q.message, QStringLiteral("node deleted by admin"));
        QCOMPARE(q.updatedAt, env->clock.nowMs());
        QCOMPARE(toString(rowOf(running, edge).status), toString(NodeRowStatus::Cancelled));
        QCOMPARE(toString(rowOf(running, gpu).status), toString(NodeRowStatus::Queued));
        QCOMPARE(toString(rowOf(settled, edge).status), toString(NodeRowStatus::Error)); // terminal rows keep their state
        QVERIFY(store().getOp(running).value()->updatedAt > runningUpdatedBefore);
        QCOMPARE(toString(store().getOp(finished).value()->state), toString(OpState::Success));

        const auto again = store().deleteNode(edge.id);
        QVERIFY(!again.ok());
        QVERIFY2(again.error().startsWith(QStringLiteral("deleteNode: ")), qPrintable(again.error()));
    }

    void a22_history_bounded()
    {
        const qint64 t0 = env->clock.nowMs();
        QList<qint64> ids;
        for (int i = 0; i < 205; ++i) {
            STORE_OK(id, store().appendHistory(entry(i, t0 + i), 200));
            ids << id.value();
        }
        STORE_OK(all, store().listHistory(1000));
        QCOMPARE(all.value().size(), 200);
        QCOMPARE(all.value().first().id, ids.last());
        QCOMPARE(all.value().first().opId, std::optional<QString>(QStringLiteral("op-204")));
        QCOMPARE(all.value().last().opId, std::optional<QString>(QStringLiteral("op-5")));
        for (int i = 0; i < 5; ++i)
            QVERIFY(!store().historyEntry(ids[i]).value());
        STORE_OK(limited, store().listHistory(50));
        QCOMPARE(limited.value().size(), 50);
        QCOMPARE(limited.value().last().opId, std::optional<QString>(QStringLiteral("op-155")));

        // A reopened store reads the same 200.
        env->store.reset();
        auto reopened = env->open();
        QVERIFY2(reopened.ok(), qPrintable(reopened.error()));
        env->store = std::move(reopened.value());
        QCOMPARE(store().listHistory(1000).value().size(), 200);
    }

    // The reconcile pass finishes many ops at once (finishInStore): their entries go in one
    // transaction with one prune, as if appended one by one.
    void manyEntriesAppendAsOneByOne()
    {
        const qint64 t0 = env->clock.nowMs();
        for (int i = 0; i < 3; ++i)
            QVERIFY_OK(store().appendHistory(entry(i, t0 + i), 5));
        QList<HistoryEntry> batch;
        for (int i = 3; i < 7; ++i)
            batch << entry(i, t0 + i);
        STORE_OK(ids, store().appendHistoryEntries(batch, 5));
        QCOMPARE(ids.value().size(), 4);
        for (qsizetype k = 1; k < ids.value().size(); ++k)
            QVERIFY(ids.value()[k] > ids.value()[k - 1]);
        STORE_OK(all, store().listHistory(100));
        QStringList ops;
        for (const HistoryEntry &h : all.value())
            ops << h.opId.value_or(QString());
        QCOMPARE(ops, (QStringList{QStringLiteral("op-6"), QStringLiteral("op-5"), QStringLiteral("op-4"), QStringLiteral("op-3"),
                                   QStringLiteral("op-2")}));
        QCOMPARE(all.value().first().id, ids.value().last());
        STORE_OK(none, store().appendHistoryEntries({}, 5));
        QVERIFY(none.value().isEmpty());
    }

    void historyOrderAndRoundTrip()
    {
        const qint64 t = env->clock.nowMs();
        STORE_OK(a, store().appendHistory(entry(1, t), 200));
        STORE_OK(b, store().appendHistory(entry(2, t), 200)); // same time: higher id first
        STORE_OK(c, store().appendHistory(entry(3, t - 1), 200));
        HistoryEntry dl;
        dl.entryKind = QStringLiteral("dead_letter");
        dl.opId = QStringLiteral("op-x");
        dl.kind = QStringLiteral("upgrade");
        dl.backend = QStringLiteral("piper");
        dl.nodeId = QStringLiteral("node-id");
        dl.nodeName = QStringLiteral("jetson-orin");
        dl.outcome = QStringLiteral("dead_letter");
        dl.error = QStringLiteral("sha256 mismatch");
        dl.params = QJsonObject{{QStringLiteral("force"), true}, {QStringLiteral("galleries"), QJsonArray{}}};
        dl.nodes = QJsonArray{QJsonObject{{QStringLiteral("node_name"), QStringLiteral("jetson-orin")},
                                          {QStringLiteral("status"), QStringLiteral("error")}}};
        dl.attempts = 10;
        dl.requestedBy = QStringLiteral("gui:alice@ws-3");
        dl.replicaId = me;
        dl.startedAt = t - 500;
        dl.finishedAt = t - 2;
        STORE_OK(d, store().appendHistory(dl, 200));

        STORE_OK(list, store().listHistory(10));
        QList<qint64> order;
        for (const HistoryEntry &h : list.value())
            order << h.id;
        QCOMPARE(order, (QList<qint64>{b.value(), a.value(), c.value(), d.value()}));

        STORE_OK(got, store().historyEntry(d.value()));
        QVERIFY(got.value());
        const HistoryEntry &h = *got.value();
        QCOMPARE(h.entryKind, dl.entryKind);
        QCOMPARE(h.opId, dl.opId);
        QCOMPARE(h.kind, dl.kind);
        QCOMPARE(h.backend, dl.backend);
        QCOMPARE(h.nodeId, dl.nodeId);
        QCOMPARE(h.nodeName, dl.nodeName);
        QCOMPARE(h.outcome, dl.outcome);
        QCOMPARE(h.error, dl.error);
        QCOMPARE(h.params, dl.params);
        QCOMPARE(h.nodes, dl.nodes);
        QCOMPARE(h.attempts, dl.attempts);
        QCOMPARE(h.requestedBy, dl.requestedBy);
        QCOMPARE(h.replicaId, dl.replicaId);
        QCOMPARE(h.startedAt, dl.startedAt);
        QCOMPARE(h.finishedAt, dl.finishedAt);
        STORE_OK(plain, store().historyEntry(a.value()));
        QVERIFY(!plain.value()->attempts);
        QVERIFY(!plain.value()->nodeId);
        QVERIFY(!plain.value()->startedAt);
    }
};

QTEST_GUILESS_MAIN(TstStoreNodes)
#include "tst_store_nodes.moc"
