// fleetdeck-test-labels: postgres
// Newer state wins (docs/operations.md "Revisions"): an older revision arriving after a newer one
// changes nothing, in the store and in memory, on both stores; a terminal state is final; a
// superseded failure is dismissed by the admission that supersedes it.
#include "tst_store_fixture.h"

#include "ops/status_map.h"
#include "status_map_test_access.h"

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstOpRevisions : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<StoreEnv> env;
    Store &store() { return *env->store; }
    const QString me = QStringLiteral("replica-me");

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
        env = std::make_unique<StoreEnv>();
        QFETCH_GLOBAL(Backend, backend);
        const QString error = env->setUp(backend);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void cleanup() { env.reset(); }

    void olderProgressWriteNeverLowersTheStoredRevision()
    {
        const QString id = runningOp(QStringLiteral("whisper"));
        QVERIFY(!id.isEmpty());
        OpProgressWrite newer{id, std::nullopt, true, 60, QStringLiteral("processing backend: whisper"), {}, 0, 0, 40};
        QVERIFY(store().updateProgress(newer).value());
        OpProgressWrite older = newer;
        older.progress = 30;
        older.revision = 12;
        QVERIFY(store().updateProgress(older).value());
        const auto op = store().getOp(id);
        QVERIFY(op && op.value());
        QCOMPARE(op.value()->revision, 40); // the older write did not take it back
    }

    void olderNodeRowNeverReplacesANewerOneInMemory()
    {
        Operation op = makeOp(QStringLiteral("whisper"));
        const Node node = makeNode(QStringLiteral("gpu-1"), NodeStatus::Healthy, 0);
        NodeProgress newer = makeRow(op.id, node, NodeRowStatus::Downloading);
        newer.percentage = 56;
        newer.revision = 9;
        op.nodes = {newer};
        NodeProgress older = newer;
        older.percentage = 0;
        older.status = NodeRowStatus::Queued;
        older.revision = 4;
        op.mergeNodes({older});
        QCOMPARE(op.nodes.first().percentage, 56);
        QCOMPARE(toString(op.nodes.first().status), toString(NodeRowStatus::Downloading));
    }

    void olderBroadcastIsIgnoredAndTerminalIsFinal()
    {
        StatusMap map;
        Operation op = makeOp(QStringLiteral("whisper"));
        op.state = OpState::Running;
        op.progress = 80;
        op.revision = 20;
        StatusMapTestAccess::put(map, op);
        Operation late = op;
        late.progress = 40;
        late.revision = 11;
        QCOMPARE(StatusMapTestAccess::applyIncoming(map, late), StatusMap::Applied::Ignored);
        QCOMPARE(map.get(op.id)->progress, 80);
        Operation done = op;
        done.state = OpState::Success;
        done.progress = 100;
        done.revision = 21;
        QCOMPARE(StatusMapTestAccess::applyIncoming(map, done), StatusMap::Applied::Replaced);
        Operation again = op;
        again.revision = 99; // even a higher revision does not leave a terminal state
        QCOMPARE(StatusMapTestAccess::applyIncoming(map, again), StatusMap::Applied::Ignored);
        QCOMPARE(toString(map.get(op.id)->state), toString(OpState::Success));
        // A row that settled after its op ended comes with a terminal broadcast: the row is
        // taken, the state is not; an older row is not (sim seed 379).
        const Node node = makeNode(QStringLiteral("gpu-1"), NodeStatus::Healthy, 0);
        Operation settled = done;
        settled.state = OpState::Failed;
        settled.nodes = {makeRow(op.id, node, NodeRowStatus::Success)};
        settled.nodes.first().revision = 5;
        QCOMPARE(StatusMapTestAccess::applyIncoming(map, settled), StatusMap::Applied::Merged);
        QCOMPARE(toString(map.get(op.id)->state), toString(OpState::Success));
        QCOMPARE(toString(map.get(op.id)->nodes.first().status), toString(NodeRowStatus::Success));
        Operation stale = settled;
        stale.nodes.first().status = NodeRowStatus::RunningOnWorker;
        stale.nodes.first().revision = 4;
        QCOMPARE(StatusMapTestAccess::applyIncoming(map, stale), StatusMap::Applied::Ignored);
        QCOMPARE(toString(map.get(op.id)->nodes.first().status), toString(NodeRowStatus::Success));
        StatusMapTestAccess::retire(map, op.id, 0);
        QCOMPARE(StatusMapTestAccess::applyIncoming(map, again), StatusMap::Applied::Ignored); // nor brings an ended op back
        QVERIFY(!map.contains(op.id));
    }

    void admissionDismissesTheFailureItSupersedes()
    {
        const Operation first = makeOp(QStringLiteral("piper"));
        QVERIFY(store().createOp(first).value().created);
        QVERIFY(store().finishOp(first.id, OpState::Failed, 0, QStringLiteral("error: x"), QStringLiteral("x")).value());
        const Operation retry = makeOp(QStringLiteral("piper"));
        const auto created = store().createOp(retry);
        QVERIFY(created && created.value().created);
        QCOMPARE(created.value().superseded, QStringList{first.id});
        const auto old = store().getOp(first.id);
        QVERIFY(old && old.value() && old.value()->dismissedAt);
        QCOMPARE(old.value()->message, QStringLiteral("superseded by ") + retry.id);
        const auto hydrated = store().loadOpsForHydration(0);
        QVERIFY(hydrated);
        QCOMPARE(hydrated.value().size(), 1); // hydration and re-seed see one op for the key
        QCOMPARE(hydrated.value().first().id, retry.id);
    }
};

QTEST_GUILESS_MAIN(TstOpRevisions)
#include "tst_op_revisions.moc"
