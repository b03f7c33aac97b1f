// The reconciler (SPEC §9) on both stores: A8 through a pass, A12, A34, A40 (in-process parts).
// fleetdeck-test-labels: postgres
#include "bus/subjects.h"
#include "cluster/cluster_listing.h"
#include "cluster/node_events.h"
#include "cluster/reconciler.h"
#include "cluster/worker_client.h"
#include "ops_fixture.h"

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {

class RecordingEvents final : public NodeEvents {
public:
    void noResponders(const QString &nodeId, const QString &subject) override { noResp.append(nodeId + QLatin1Char(' ') + subject); }
    void answered(const QString &nodeId) override { answers.append(nodeId); }
    QStringList noResp, answers;
};

// A worker that lists nothing and answers every command with `reply`.
class FakeWorker final : public QObject {
public:
    FakeWorker(Bus *bus, const QString &name, QByteArray reply, QByteArray listReply = R"({"backends":[],"jobs":[]})")
        : m_reply(std::move(reply)), m_listReply(std::move(listReply))
    {
        bus->subscribe(QStringLiteral("nodes.%1.backend.>").arg(name), this, [this, bus](const BusMessage &m) {
            requests.append(m.subject + QLatin1Char(' ') + QString::fromUtf8(m.data));
            if (m.subject.endsWith(QLatin1String(".list")))
                bus->publish(m.replyTo, m_listReply);
            else
                bus->publish(m.replyTo, m_reply);
        });
    }
    QStringList requests;
    int commands() const
    {
        int n = 0;
        for (const QString &r : requests)
            n += r.contains(QLatin1String(".list ")) ? 0 : 1;
        return n;
    }

private:
    QByteArray m_reply, m_listReply;
};

} // namespace

class TstReconciler : public QObject {
    Q_OBJECT
    OpsFixture f;
    std::unique_ptr<WorkerClient> client;
    std::unique_ptr<ClusterListing> listing;
    std::unique_ptr<Reconciler> reconciler;
    RecordingEvents events;
    TestReplica *r1 = nullptr;

    void build(bool passLocks = true)
    {
        r1 = f.replica(QStringLiteral("headless"));
        QVERIFY(r1);
        client = std::make_unique<WorkerClient>(f.bus.get());
        listing = std::make_unique<ClusterListing>(&r1->store(), client.get(), &events);
        reconciler = std::make_unique<Reconciler>(Reconciler::Deps{&r1->ops(), client.get(), listing.get(), &events, passLocks});
    }

    ReconcileReport pass(bool manual = false) { return await(reconciler->runPass(manual)); }

    qint64 addRow(const QString &nodeId, const QString &backend, OpKind op, std::optional<QString> opId = std::nullopt)
    {
        PendingNodeOp row;
        row.nodeId = nodeId;
        row.backend = backend;
        row.op = op;
        row.galleries = r1->catalog().galleries();
        row.entry = r1->catalog().resolve(backend).value().entry.toWireEntry();
        row.opId = opId;
        row.createdAt = row.nextRetryAt = f.clock.nowMs();
        return r1->store().callSync([row](Store &s) { return s.upsertPending(row); }).value();
    }

    std::optional<PendingNodeOp> pending(qint64 id)
    {
        const auto all = r1->store().callSync([](Store &s) { return s.listPending(); });
        for (const PendingNodeOp &p : all.value())
            if (p.id == id)
                return p;
        return std::nullopt;
    }

    // An install that failed on gpu-b while gpu-a waited (`waiting`), hydrated by the reconciling
    // replica r1 and a peer; a pending row of gpu-a left to the reconciler. Returns the peer.
    TestReplica *failedOpWithARowLeft(const QString &opId, NodeRowStatus waiting, QString *nodeA)
    {
        const qint64 now = f.clock.nowMs();
        TestReplica *setup = f.replica(QStringLiteral("ctl"));
        if (!setup)
            return nullptr;
        const QString a = addNode(setup->store(), QStringLiteral("gpu-a"), NodeStatus::Healthy, QStringLiteral("nvidia"), now);
        const QString b = addNode(setup->store(), QStringLiteral("gpu-b"), NodeStatus::Healthy, QStringLiteral("nvidia"), now);
        Operation op;
        op.id = opId;
        op.kind = OpKind::Install;
        op.backend = QStringLiteral("whisper");
        op.cacheKey = QStringLiteral("whisper");
        op.createdAt = op.updatedAt = now;
        NodeProgress left;
        left.opId = op.id;
        left.nodeId = a;
        left.nodeName = QStringLiteral("gpu-a");
        left.status = waiting;
        left.message = QStringLiteral("request timed out; waiting for the worker");
        left.revision = 3;
        NodeProgress failed = left;
        failed.nodeId = b;
        failed.nodeName = QStringLiteral("gpu-b");
        failed.status = NodeRowStatus::Error;
        failed.message = QStringLiteral("checksum mismatch");
        const auto made = setup->store().callSync([op, left, failed](Store &s) -> Result<bool> {
            if (auto c = s.createOp(op); !c || !c->created)
                return Result<bool>::failure(c ? QStringLiteral("not created") : c.error());
            s.claimOp(QStringLiteral("owner-elsewhere"), op.id);
            s.startOp(op.id, QStringLiteral("owner-elsewhere"), QStringLiteral("processing backend: whisper"), true);
            if (Status st = s.insertNodeRows({left, failed}); !st)
                return Result<bool>::failure(st.error());
            return s.finishOp(op.id, OpState::Failed, 50, QStringLiteral("failed on gpu-b"), QStringLiteral("checksum mismatch"));
        });
        if (!made.ok() || !made.value())
            return nullptr;
        build(); // the reconciling replica and a peer hydrate the failed op
        TestReplica *peer = f.replica();
        addRow(a, QStringLiteral("whisper"), OpKind::Install, op.id);
        *nodeA = a;
        return peer;
    }

    // Every replica's operations list shows the failure, its row of `node` settled with `message`.
    void expectRowSettledEverywhere(const QList<TestReplica *> &replicas, const QString &opId, const QString &node, const QString &message)
    {
        for (TestReplica *r : replicas) {
            QVERIFY2(f.advanceUntil([&] {
                for (const Operation &o : r->ops().listOps())
                    if (o.id == opId)
                        for (const NodeProgress &n : o.nodes)
                            if (n.nodeId == node)
                                return n.status == NodeRowStatus::Success;
                return false;
            }), qPrintable(r->replicaId()));
            const Operation shown = *r->memoryOp(opId);
            QCOMPARE(toString(shown.state), toString(OpState::Failed)); // the op's end stays as it was
            for (const NodeProgress &n : shown.nodes)
                QCOMPARE(n.message, n.nodeId == node ? message : QStringLiteral("checksum mismatch"));
        }
    }

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup()
    {
        reconciler.reset();
        listing.reset();
        client.reset();
        f.tearDown();
        events.noResp.clear();
        events.answers.clear();
    }

#define BOTH_STORES(name) \
    void name##_data() { addBackendColumns(); }

    BOTH_STORES(a08_stale_pending_swept_by_the_pass)
    void a08_stale_pending_swept_by_the_pass()
    {
        build();
        const qint64 now = f.clock.nowMs();
        const QString offline = addNode(r1->store(), QStringLiteral("cpu-edge-1"), NodeStatus::Offline, QStringLiteral("cpu"), now - 3'600'000);
        const QString healthy = addNode(r1->store(), QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia"), now);
        FakeWorker worker(f.bus.get(), QStringLiteral("gpu-a100-1"), QByteArrayLiteral(R"({"success":true})"));
        addRow(offline, QStringLiteral("whisper"), OpKind::Install);
        addRow(healthy, QStringLiteral("whisper"), OpKind::Install);
        const ReconcileReport r = pass();
        QVERIFY(r.lockAcquired);
        QCOMPARE(r.stalePendingDeleted, 1);
        QCOMPARE(r.retried, 1);
        QCOMPARE(r.succeeded, 1);
        QVERIFY(r1->store().callSync([](Store &s) { return s.listPending(); })->isEmpty());
        QCOMPARE(reconciler->lastReport().retried, 1);
    }

    // PostgreSQL sim seed 56: a request timed out and its pending row was leased, but the owner's
    // move of the node row to running_on_worker still waited behind the progress throttle when
    // the sweep deleted the row; the sweep skipped the `downloading` row, the owner then wrote
    // running_on_worker, and nothing was left to confirm it ("Worker busy" for ever).
    BOTH_STORES(a08_sweep_settles_a_leased_row_whose_node_row_lags)
    void a08_sweep_settles_a_leased_row_whose_node_row_lags()
    {
        build();
        const qint64 now = f.clock.nowMs();
        const QString offline = addNode(r1->store(), QStringLiteral("cpu-edge-1"), NodeStatus::Offline, QStringLiteral("cpu"), now - 3'600'000);
        Operation op;
        op.id = QStringLiteral("op-leased");
        op.kind = OpKind::Install;
        op.backend = QStringLiteral("whisper");
        op.cacheKey = QStringLiteral("whisper");
        op.createdAt = op.updatedAt = now;
        NodeProgress row;
        row.opId = op.id;
        row.nodeId = offline;
        row.nodeName = QStringLiteral("cpu-edge-1");
        row.status = NodeRowStatus::Downloading;
        row.percentage = 40;
        const auto made = r1->store().callSync([op, row](Store &s) -> Result<bool> {
            if (auto c = s.createOp(op); !c || !c->created)
                return Result<bool>::failure(c ? QStringLiteral("not created") : c.error());
            s.claimOp(QStringLiteral("owner-elsewhere"), op.id);
            s.startOp(op.id, QStringLiteral("owner-elsewhere"), QStringLiteral("processing backend: whisper"), true);
            if (Status st = s.insertNodeRows({row}); !st)
                return Result<bool>::failure(st.error());
            return true;
        });
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error()));
        const qint64 pendingId = addRow(offline, QStringLiteral("whisper"), OpKind::Install, op.id);
        QVERIFY(r1->store().callSync([pendingId, id = op.id](Store &s) { return s.recordInFlight(pendingId, id, 60'000); }).value());

        const ReconcileReport r = pass();
        QCOMPARE(r.stalePendingDeleted, 1);
        const auto rows = r1->store().callSync([id = op.id](Store &s) { return s.nodeRows(id); });
        QCOMPARE(rows.value().size(), 1);
        QCOMPARE(toString(rows.value().first().status), toString(NodeRowStatus::Error));
        QCOMPARE(rows.value().first().message, QStringLiteral("node went offline before confirming"));
        // The owner's late write of running_on_worker finds the row settled.
        NodeProgress late = row;
        late.status = NodeRowStatus::RunningOnWorker;
        late.revision = 99;
        QVERIFY(!r1->store().callSync([late](Store &s) { return s.updateNodeRow(late); }).value());
    }

    // Sim seed 379: an install failed on one node while its row on another still waited for
    // confirmation; a pass then confirmed that row by listing, but every replica kept showing it
    // "running on worker" (a terminal op took no row changes), and the disk check saw the row
    // settle only when a later op superseded the failure, after a delete it actually preceded.
    BOTH_STORES(a_row_confirmed_after_its_op_failed_shows_on_every_replica)
    void a_row_confirmed_after_its_op_failed_shows_on_every_replica()
    {
        QString a;
        TestReplica *peer = failedOpWithARowLeft(QStringLiteral("op-failed-on-b"), NodeRowStatus::RunningOnWorker, &a);
        QVERIFY(peer);
        FakeWorker worker(f.bus.get(), QStringLiteral("gpu-a"), QByteArrayLiteral(R"({"success":true})"),
                          QByteArrayLiteral(R"({"backends":[{"name":"whisper","version":"1.0"}],"jobs":[]})"));
        QCOMPARE(pass().confirmed, 1); // sim seed 379: the listing confirms the row
        expectRowSettledEverywhere({r1, peer}, QStringLiteral("op-failed-on-b"), a, QStringLiteral("confirmed by listing"));
    }

    BOTH_STORES(a_row_retried_after_its_op_failed_shows_on_every_replica)
    void a_row_retried_after_its_op_failed_shows_on_every_replica()
    {
        QString a;
        TestReplica *peer = failedOpWithARowLeft(QStringLiteral("op-retried-on-a"), NodeRowStatus::Queued, &a);
        QVERIFY(peer);
        FakeWorker worker(f.bus.get(), QStringLiteral("gpu-a"), QByteArrayLiteral(R"({"success":true})"));
        const ReconcileReport r = pass(); // sim seed 1436: the retry installs it
        QCOMPARE(r.retried, 1);
        QCOMPARE(r.succeeded, 1);
        expectRowSettledEverywhere({r1, peer}, QStringLiteral("op-retried-on-a"), a, QStringLiteral("installed"));
    }

    BOTH_STORES(a12_background_callers_stay_silent)
    void a12_background_callers_stay_silent()
    {
        build();
        const QString node = addNode(r1->store(), QStringLiteral("gpu-a100-2"), NodeStatus::Healthy, QStringLiteral("nvidia"), f.clock.nowMs());
        FakeWorker worker(f.bus.get(), QStringLiteral("gpu-a100-2"), QByteArrayLiteral(R"({"success":true})"));
        addRow(node, QStringLiteral("piper"), OpKind::Install);
        addRow(node, QStringLiteral("bark"), OpKind::Upgrade);
        f.bus->clearLog();
        // one request per node per pass: two passes
        pass();
        f.clock.advanceMs(1000);
        pass();
        QCOMPARE(worker.commands(), 2);
        for (const QString &req : worker.requests)
            QVERIFY2(!req.contains(QLatin1String("op_id")), qPrintable(req));
        for (const QString &line : f.bus->log())
            QVERIFY2(!(line.startsWith(QLatin1String("sub ")) && line.endsWith(QLatin1String(".progress"))), qPrintable(line));
        QCOMPARE(r1->store().callSync([](Store &s) { return s.countOps(); }).value(), 0);
    }

    BOTH_STORES(a34_backoff_and_dead_letter)
    void a34_backoff_and_dead_letter()
    {
        build();
        const QString node = addNode(r1->store(), QStringLiteral("gpu-a100-2"), NodeStatus::Healthy, QStringLiteral("nvidia"), f.clock.nowMs());
        FakeWorker worker(f.bus.get(), QStringLiteral("gpu-a100-2"), QByteArrayLiteral(R"({"success":false,"error":"boom"})"));
        const qint64 id = addRow(node, QStringLiteral("piper"), OpKind::Install);
        const QList<qint64> expected = {30, 60, 120, 240, 480, 900, 900, 900, 900};
        for (int attempt = 1; attempt <= 9; ++attempt) {
            const ReconcileReport r = pass();
            QCOMPARE(r.failed, 1);
            const auto row = pending(id);
            QVERIFY(row);
            QCOMPARE(row->attempts, attempt);
            QCOMPARE(row->lastError, QStringLiteral("boom"));
            QCOMPARE((row->nextRetryAt - f.clock.nowMs()) / 1000, expected.at(attempt - 1));
            // Not due before its time.
            QCOMPARE(pass().retried, 0);
            f.clock.setMs(row->nextRetryAt);
        }
        const ReconcileReport last = pass();
        QCOMPARE(last.deadLettered, 1);
        QVERIFY(!pending(id));
        const auto history = r1->store().callSync([](Store &s) { return s.listHistory(10); });
        QCOMPARE(history->first().entryKind, QStringLiteral("dead_letter"));
        QCOMPARE(history->first().attempts, std::optional<int>(10));
        QCOMPARE(history->first().error, std::optional<QString>(QStringLiteral("boom")));
        QCOMPARE(history->first().nodeName, std::optional<QString>(QStringLiteral("gpu-a100-2")));
    }

    BOTH_STORES(a40_report_has_every_key_and_lock_busy)
    void a40_report_has_every_key_and_lock_busy()
    {
        build();
        const QJsonObject json = pass(true).toJson();
        for (const char *key : {"lock_acquired", "stale_pending_deleted", "confirmed", "retried", "succeeded", "failed", "in_flight",
                                "dead_lettered", "ops_reaped", "duration_ms", "started_at", "replica_id"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        // Another replica holds the lock: nothing done, zero counts.
        StoreThread other(f.db->config(), &f.clock, QStringLiteral("other-replica"));
        QVERIFY(other.start());
        QVERIFY(other.callSync([](Store &s) { return s.tryPassLock(PassLock::Reconcile); }).value());
        const ReconcileReport busy = pass();
        QVERIFY(!busy.lockAcquired);
        QCOMPARE(busy.retried + busy.stalePendingDeleted + busy.confirmed, 0);
        QCOMPARE(busy.summary(), QStringLiteral("Another replica is reconciling; nothing done"));
        QCOMPARE(busy.reason(), Reason::make("reconcile_lock_busy"));
        other.callSync([](Store &s) { return s.releasePassLock(PassLock::Reconcile); });
        other.stop();
    }

    BOTH_STORES(report_summary_text)
    void report_summary_text()
    {
        ReconcileReport r;
        r.lockAcquired = true;
        r.stalePendingDeleted = 2;
        r.confirmed = 1;
        r.retried = 3;
        r.succeeded = 2;
        r.failed = 1;
        r.opsReaped = 1;
        r.durationMs = 812;
        QCOMPARE(r.summary(), QStringLiteral("Reconcile: 2 stale pending deleted, 1 confirmed, 3 retried (2 succeeded, 1 failed), "
                                             "0 dead-lettered, 1 op reaped — 812 ms"));
        // docs/reason-codes.md: the status bar words the code with the counts of its args.
        QCOMPARE(r.reason().code, QStringLiteral("reconcile_report"));
        QCOMPARE(r.reason().args, r.toJson());
        r.opsReaped = 2;
        QVERIFY(r.summary().endsWith(QStringLiteral("2 ops reaped — 812 ms")));
        QCOMPARE(ReconcileReport::fromJson(r.toJson()).toJson(), r.toJson());
    }
};

QTEST_GUILESS_MAIN(TstReconciler)
#include "tst_reconciler.moc"
