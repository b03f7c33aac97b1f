// fleetdeck-test-labels: postgres
// operation_nodes rows and the throttled progress writes (SPEC §2.3, §3.7, §9.3).
#include "tst_store_fixture.h"

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstStoreNodeRows : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<StoreEnv> env;
    Store &store() { return *env->store; }
    const QString me = QStringLiteral("replica-me");
    Node gpu1, gpu2, gpu3;

    std::optional<Operation> get(const QString &id)
    {
        const auto r = store().getOp(id);
        return r ? r.value() : std::nullopt;
    }
    std::optional<NodeProgress> row(const QString &opId, const Node &n) { return nodeRowOf(store(), opId, n); }
    QString runningOp(const QString &backend)
    {
        const Operation op = makeOp(backend);
        if (!store().createOp(op).value().created || !store().claimOp(me, op.id).value()
            || !store().startOp(op.id, me, QStringLiteral("processing backend: ") + backend, true).value())
            return {};
        return op.id;
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

    void insertNodeRowsDoesNotOverwrite()
    {
        const QString id = runningOp(QStringLiteral("whisper"));
        QVERIFY_OK(store().insertNodeRows({makeRow(id, gpu2), makeRow(id, gpu1)}));
        NodeProgress r = makeRow(id, gpu1, NodeRowStatus::Downloading);
        r.percentage = 40;
        QVERIFY(store().updateNodeRow(r).value());
        QVERIFY_OK(store().insertNodeRows({makeRow(id, gpu1), makeRow(id, gpu3)}));
        STORE_OK(rows, store().nodeRows(id));
        QCOMPARE(rows.value().size(), 3);
        QCOMPARE(rows.value()[0].nodeName, QStringLiteral("gpu-1"));
        QCOMPARE(toString(rows.value()[0].status), toString(NodeRowStatus::Downloading));
        QCOMPARE(rows.value()[0].percentage, 40);
        QCOMPARE(rows.value()[1].nodeName, QStringLiteral("gpu-2"));
        QCOMPARE(rows.value()[1].phase, QStringLiteral("waiting"));
        QCOMPARE(rows.value()[1].updatedAt, env->clock.nowMs());
    }

    void updateNodeRowTerminalRowNotRewrittenByALateTick()
    {
        const QString id = runningOp(QStringLiteral("whisper"));
        QVERIFY_OK(store().insertNodeRows({makeRow(id, gpu1)}));
        NodeProgress done = makeRow(id, gpu1, NodeRowStatus::Success);
        done.percentage = 100;
        done.message = QStringLiteral("installed b2");
        STORE_OK(w1, store().updateNodeRow(done));
        QCOMPARE(w1.value(), true);

        NodeProgress tick = makeRow(id, gpu1, NodeRowStatus::Downloading);
        tick.percentage = 70;
        STORE_OK(late, store().updateNodeRow(tick));
        QCOMPARE(late.value(), false);
        QCOMPARE(toString(row(id, gpu1)->status), toString(NodeRowStatus::Success));
        QCOMPARE(row(id, gpu1)->message, QStringLiteral("installed b2"));

        // A reconciler retry result or a listing confirmation may rewrite it.
        NodeProgress err = makeRow(id, gpu1, NodeRowStatus::Error);
        err.error = QStringLiteral("boom");
        STORE_OK(rewrite, store().updateNodeRow(err, true));
        QCOMPARE(rewrite.value(), true);
        QCOMPARE(toString(row(id, gpu1)->status), toString(NodeRowStatus::Error));
        QCOMPARE(row(id, gpu1)->error, std::optional<QString>(QStringLiteral("boom")));
    }

    // Sim seed 58: a reconcile retry of an install's row was in flight when an admin's delete of the
    // same backend took the node over (the install's row `cancelled` node_superseded); the retry's
    // late success then rewrote that row `success`, and the install said "installed" on a node the
    // delete had emptied. A superseded row is final for every writer, the terminal-rewriting ones too.
    void aSupersededRowIsNotRewrittenByALateResult()
    {
        const QString install = runningOp(QStringLiteral("omega"));
        QVERIFY(!install.isEmpty());
        QVERIFY_OK(store().insertNodeRows({makeRow(install, gpu1), makeRow(install, gpu2)}));
        QVERIFY(store().updateNodeRow(makeRow(install, gpu1, NodeRowStatus::RunningOnWorker)).value());
        QVERIFY(store().updateNodeRow(makeRow(install, gpu2, NodeRowStatus::Error)).value());
        const qint64 now = env->clock.nowMs();
        STORE_OK(row1, store().upsertPending(makePending(gpu1, QStringLiteral("omega"), install, now)));
        PendingNodeOp del = makePending(gpu1, QStringLiteral("omega"), QStringLiteral("op-delete"), now);
        del.op = OpKind::Delete;
        STORE_OK(enqueued, store().enqueueIntents({del}));
        QCOMPARE(enqueued.value().superseded.size(), 1);
        const NodeProgress superseded = *row(install, gpu1);
        QCOMPARE(toString(superseded.status), toString(NodeRowStatus::Cancelled));
        QCOMPARE(superseded.messageCode.code, QStringLiteral("node_superseded"));

        auto installed = [](const NodeProgress &cur) {
            NodeProgress n = cur;
            n.status = NodeRowStatus::Success;
            n.percentage = 100;
            n.clearError();
            n.setMessage(Reason::make("installed"));
            return std::optional<NodeProgress>(n);
        };
        env->clock.advanceMs(1000);
        STORE_OK(batch, store().updateNodeRows({{install, gpu1.id}, {install, gpu2.id}}, installed, true));
        QCOMPARE(batch.value().size(), 1); // gpu2's error row is rewritten (seed 1436's late success)
        QCOMPARE(batch.value().first().nodeId, gpu2.id);
        QCOMPARE(*row(install, gpu1), superseded);
        NodeProgress one = *installed(superseded);
        STORE_OK(single, store().updateNodeRow(one, true));
        QVERIFY(!single.value());
        QCOMPARE(*row(install, gpu1), superseded);
    }

    void updateNodeRowBumpsTheOpOnlyWhileActive()
    {
        const QString id = runningOp(QStringLiteral("whisper"));
        QVERIFY_OK(store().insertNodeRows({makeRow(id, gpu1)}));
        const qint64 t0 = env->clock.nowMs();

        env->clock.advanceMs(1000);
        NodeProgress r = makeRow(id, gpu1, NodeRowStatus::Downloading);
        r.percentage = 10;
        r.fileName = QStringLiteral("w.tar.gz");
        r.currentBytes = 10;
        r.totalBytes = 100;
        QVERIFY(store().updateNodeRow(r).value());
        QCOMPARE(get(id)->updatedAt, t0 + 1000);
        QCOMPARE(get(id)->progressAt, t0 + 1000);
        QCOMPARE(row(id, gpu1)->updatedAt, t0 + 1000);

        env->clock.advanceMs(1000); // same progress, new message: updated_at only
        r.message = QStringLiteral("still");
        QVERIFY(store().updateNodeRow(r).value());
        QCOMPARE(get(id)->updatedAt, t0 + 2000);
        QCOMPARE(get(id)->progressAt, t0 + 1000);

        env->clock.advanceMs(1000);
        QVERIFY(store().finishOp(id, OpState::Cancelled, 10, QStringLiteral("cancelled"), std::nullopt).value());
        env->clock.advanceMs(1000); // rows keep settling after the op ended; the op's clocks stay
        NodeProgress settled = makeRow(id, gpu1, NodeRowStatus::Cancelled);
        QVERIFY(store().updateNodeRow(settled).value());
        QCOMPARE(toString(row(id, gpu1)->status), toString(NodeRowStatus::Cancelled));
        QCOMPARE(get(id)->updatedAt, t0 + 3000);
        QCOMPARE(get(id)->progressAt, t0 + 1000);
    }

    void updateNodeRowCreatesAMissingRowOfAnExistingOpOnly()
    {
        const QString id = runningOp(QStringLiteral("whisper"));
        STORE_OK(created, store().updateNodeRow(makeRow(id, gpu2, NodeRowStatus::Downloading)));
        QCOMPARE(created.value(), true);
        QCOMPARE(toString(row(id, gpu2)->status), toString(NodeRowStatus::Downloading));
        STORE_OK(orphan, store().updateNodeRow(makeRow(QStringLiteral("no-such-op"), gpu2)));
        QCOMPARE(orphan.value(), false);
    }

    void failOpenNodeRowsErrorsNonTerminalRows()
    {
        const QString id = runningOp(QStringLiteral("whisper"));
        QVERIFY_OK(store().insertNodeRows({makeRow(id, gpu1), makeRow(id, gpu2), makeRow(id, gpu3)}));
        QVERIFY(store().updateNodeRow(makeRow(id, gpu2, NodeRowStatus::Downloading)).value());
        QVERIFY(store().updateNodeRow(makeRow(id, gpu3, NodeRowStatus::Success)).value());
        STORE_OK(n, store().failOpenNodeRows(id, QStringLiteral("reaped")));
        QCOMPARE(n.value(), 2);
        QCOMPARE(toString(row(id, gpu1)->status), toString(NodeRowStatus::Error));
        QCOMPARE(row(id, gpu1)->error, std::optional<QString>(QStringLiteral("reaped")));
        QCOMPARE(toString(row(id, gpu2)->status), toString(NodeRowStatus::Error));
        QCOMPARE(toString(row(id, gpu3)->status), toString(NodeRowStatus::Success));
    }

    void cancelQueuedWorkDeletesPendingAndCancelsQueuedRows()
    {
        const QString id = runningOp(QStringLiteral("whisper"));
        const QString otherOp = runningOp(QStringLiteral("piper"));
        QVERIFY_OK(store().insertNodeRows({makeRow(id, gpu1), makeRow(id, gpu2)}));
        QVERIFY(store().updateNodeRow(makeRow(id, gpu2, NodeRowStatus::Downloading)).value());
        QVERIFY(store().upsertPending(makePending(gpu1, QStringLiteral("whisper"), id, env->clock.nowMs())).ok());
        QVERIFY(store().upsertPending(makePending(gpu2, QStringLiteral("whisper"), id, env->clock.nowMs())).ok());
        QVERIFY(store().upsertPending(makePending(gpu1, QStringLiteral("piper"), otherOp, env->clock.nowMs())).ok());
        QVERIFY_OK(store().cancelQueuedWork(id, QStringLiteral("cancelled before contact")));
        STORE_OK(pending, store().listPending());
        QCOMPARE(pending.value().size(), 1);
        QCOMPARE(pending.value().first().opId, std::optional<QString>(otherOp));
        QCOMPARE(toString(row(id, gpu1)->status), toString(NodeRowStatus::Cancelled));
        QCOMPARE(row(id, gpu1)->message, QStringLiteral("cancelled before contact"));
        QCOMPARE(toString(row(id, gpu2)->status), toString(NodeRowStatus::Downloading));
    }

    // --- throttled writes --------------------------------------------------------------

    void queuedWritesWithinOneSecondMakeOneWriteOfTheLastValue()
    {
        const QString id = runningOp(QStringLiteral("whisper"));
        const qint64 t0 = env->clock.nowMs();
        OpProgressWrite w;
        w.opId = id;
        w.progress = 10;
        store().queueProgress(w);
        env->clock.advanceMs(100);
        w.progress = 20;
        store().queueProgress(w);
        QCOMPARE(get(id)->progress, 0); // nothing written before the flush
        QVERIFY_OK(store().flushProgress());
        QCOMPARE(get(id)->progress, 20);
        QCOMPARE(get(id)->updatedAt, t0 + 100);

        // Inside the 1-s window of that write: queued, not written.
        env->clock.advanceMs(400);
        w.progress = 30;
        store().queueProgress(w);
        QVERIFY_OK(store().flushProgress());
        QCOMPARE(get(id)->progress, 20);
        env->clock.advanceMs(300);
        w.progress = 40;
        store().queueProgress(w);
        QVERIFY_OK(store().flushProgress());
        QCOMPARE(get(id)->progress, 20);
        QCOMPARE(get(id)->updatedAt, t0 + 100);
        // The window has passed: the last value is written once.
        env->clock.setMs(t0 + 1100);
        QVERIFY_OK(store().flushProgress());
        QCOMPARE(get(id)->progress, 40);
        QCOMPARE(get(id)->updatedAt, t0 + 1100);
        QVERIFY_OK(store().flushProgress()); // nothing queued any more
        QCOMPARE(get(id)->updatedAt, t0 + 1100);
    }

    void queuedNodeRowsAreThrottledPerOpAndNode()
    {
        const QString id = runningOp(QStringLiteral("whisper"));
        QVERIFY_OK(store().insertNodeRows({makeRow(id, gpu1), makeRow(id, gpu2)}));
        NodeProgress a = makeRow(id, gpu1, NodeRowStatus::Downloading);
        a.percentage = 5;
        store().queueNodeRow(a);
        a.percentage = 15;
        store().queueNodeRow(a);
        NodeProgress b = makeRow(id, gpu2, NodeRowStatus::Downloading);
        b.percentage = 50;
        store().queueNodeRow(b);
        QVERIFY_OK(store().flushProgress());
        QCOMPARE(row(id, gpu1)->percentage, 15);
        QCOMPARE(row(id, gpu2)->percentage, 50);

        env->clock.advanceMs(500);
        a.percentage = 25;
        store().queueNodeRow(a);
        QVERIFY_OK(store().flushProgress());
        QCOMPARE(row(id, gpu1)->percentage, 15);
        env->clock.advanceMs(500);
        QVERIFY_OK(store().flushProgress());
        QCOMPARE(row(id, gpu1)->percentage, 25);

        // A queued tick never rewrites a terminal row.
        env->clock.advanceMs(2000);
        NodeProgress done = makeRow(id, gpu2, NodeRowStatus::Success);
        done.percentage = 100;
        QVERIFY(store().updateNodeRow(done).value());
        b.percentage = 60;
        store().queueNodeRow(b);
        QVERIFY_OK(store().flushProgress());
        QCOMPARE(toString(row(id, gpu2)->status), toString(NodeRowStatus::Success));
    }

    void flushOfOneOpBeforeFinishPersistsItsLastValue()
    {
        const QString id = runningOp(QStringLiteral("whisper"));
        const QString otherOp = runningOp(QStringLiteral("piper"));
        QVERIFY_OK(store().insertNodeRows({makeRow(id, gpu1)}));
        OpProgressWrite w;
        w.opId = id;
        w.fileName = QStringLiteral("w.tar.gz");
        w.totalBytes = 1000;
        w.currentBytes = 100;
        w.progress = 10;
        store().queueProgress(w);
        QVERIFY_OK(store().flushProgress());
        QCOMPARE(get(id)->currentBytes, 100);

        env->clock.advanceMs(200); // inside the window: these stay queued...
        w.currentBytes = 900;
        w.progress = 90;
        store().queueProgress(w);
        NodeProgress r = makeRow(id, gpu1, NodeRowStatus::Extracting);
        r.percentage = 90;
        store().queueNodeRow(r);
        OpProgressWrite o;
        o.opId = otherOp;
        o.progress = 33;
        store().queueProgress(o);

        // ...until the terminal write flushes that op first.
        STORE_OK(fin, store().finishOp(id, OpState::Success, 100, QStringLiteral("completed"), std::nullopt));
        QVERIFY(fin.value());
        const auto got = get(id);
        QCOMPARE(toString(got->state), toString(OpState::Success));
        QCOMPARE(got->currentBytes, 900);
        QCOMPARE(got->progress, 100);
        QCOMPARE(toString(row(id, gpu1)->status), toString(NodeRowStatus::Extracting));
        QCOMPARE(row(id, gpu1)->percentage, 90);
        QCOMPARE(get(otherOp)->progress, 0); // another op's queued value is not part of it

        // A value queued after the terminal write is refused by the guard.
        w.currentBytes = 5;
        store().queueProgress(w);
        env->clock.advanceMs(2000);
        QVERIFY_OK(store().flushProgress());
        QCOMPARE(get(id)->currentBytes, 900);
        QCOMPARE(get(otherOp)->progress, 33);
    }

    void flushProgressOfOneOpWritesInsideItsWindow()
    {
        const QString id = runningOp(QStringLiteral("whisper"));
        OpProgressWrite w;
        w.opId = id;
        w.progress = 10;
        store().queueProgress(w);
        QVERIFY_OK(store().flushProgress());
        env->clock.advanceMs(10);
        w.progress = 11;
        store().queueProgress(w);
        QVERIFY_OK(store().flushProgress());
        QCOMPARE(get(id)->progress, 10);
        QVERIFY_OK(store().flushProgress(id));
        QCOMPARE(get(id)->progress, 11);
    }
};

QTEST_GUILESS_MAIN(TstStoreNodeRows)
#include "tst_store_node_rows.moc"
