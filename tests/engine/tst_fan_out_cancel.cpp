// The fan-out with cancel, superseded rows and failures (SPEC §3.7 steps 4–7, §4.2 step 1, §4.3)
// on both stores: A19 (replica side), A44 (superseded part), A45.
// fleetdeck-test-labels: postgres
#include "tst_fan_out_harness.h"

#include "core/operation_codec.h"

#include <QJsonArray>

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstFanOutCancel : public QObject {
    Q_OBJECT
    FanOutHarness h;

    ClusterSettings shortTimeouts()
    {
        return OpsFixture::settingsWith({{"nats/timeout_install_s", 5}, {"nats/timeout_upgrade_s", 5}});
    }

    // A Reinstall owned by r1 at 40 % on gpu-a100-1, cancelled on r2.
    QString cancelAt40(TestReplica *r1, TestReplica *r2, FakeWorker *w)
    {
        w->backends = {FanOutHarness::listed(QStringLiteral("llama-cpp-cuda12"))};
        w->delayMs = 10'000;
        w->ticks = {wire::ProgressEvent{{}, {}, {}, QStringLiteral("llama.tar.zst"), QStringLiteral("downloading"), 40, 4, 10}};
        const auto a = r1->admit(OpKind::Install, QStringLiteral("llama-cpp-cuda12"), true);
        if (!a)
            return {};
        const QString id = a->opId;
        if (!waitUntil([&] {
                const auto row = h.memoryRow(r1, id, QStringLiteral("gpu-a100-1"));
                return row && row->percentage == 40;
            }))
            return {};
        // The contact is in the store before the admin cancels (the row is not `queued` any more).
        if (!waitUntil([&] {
                const auto s = r1->storedOp(id);
                return s && s->nodes.size() == 1 && s->nodes[0].status == NodeRowStatus::Downloading;
            }))
            return {};
        const auto c = r2->cancel(id);
        if (!c || c.value() != QStringLiteral("Operation cancelled"))
            return {};
        return id;
    }

private Q_SLOTS:
    void init() { QVERIFY(h.setUp()); }
    void cleanup() { h.tearDown(); }

#define BOTH_STORES(name) \
    void name##_data() { addBackendColumns(); }

    BOTH_STORES(a19_cancel_reaches_the_worker)
    void a19_cancel_reaches_the_worker()
    {
        TestReplica *r1 = h.f.fanOutReplica(&h.events);
        QVERIFY(r1);
        TestReplica *r2 = h.f.replica(QStringLiteral("ctl"), {}, TestReplica::Runner::FanOut, &h.events);
        QVERIFY(r2);
        FakeWorker *w = h.node(r1, QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia"));
        const QString id = cancelAt40(r1, r2, w);
        QVERIFY(!id.isEmpty());
        QVERIFY(waitUntil([&] { return !w->requestsOf(QStringLiteral("cancel")).isEmpty(); }));
        QCOMPARE(w->requestsOf(QStringLiteral("cancel"))[0].payload, QJsonObject({{QStringLiteral("op_id"), id}}));
        QVERIFY(waitUntil([&] {
            const auto row = h.memoryRow(r1, id, QStringLiteral("gpu-a100-1"));
            return row && row->status == NodeRowStatus::Cancelled;
        }));
        QVERIFY(h.f.advanceUntil([&] {
            const auto s = r1->storedOp(id);
            return s && s->nodes.size() == 1 && s->nodes[0].status == NodeRowStatus::Cancelled;
        }));
        QCOMPARE(toString(r1->storedOp(id)->state), toString(OpState::Cancelled));
        QVERIFY(h.opIs(r1, id, OpState::Cancelled));
        QVERIFY(h.pending(r1).isEmpty());
    }

    BOTH_STORES(a19_success_after_cancel_keeps_the_op_cancelled)
    void a19_success_after_cancel_keeps_the_op_cancelled()
    {
        TestReplica *r1 = h.f.fanOutReplica(&h.events);
        QVERIFY(r1);
        TestReplica *r2 = h.f.replica(QStringLiteral("ctl"), {}, TestReplica::Runner::FanOut, &h.events);
        QVERIFY(r2);
        FakeWorker *w = h.node(r1, QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia"));
        w->ignoreCancel = true;
        const QString id = cancelAt40(r1, r2, w);
        QVERIFY(!id.isEmpty());
        QVERIFY(waitUntil([&] { return !w->requestsOf(QStringLiteral("cancel")).isEmpty(); }));
        const auto before = r1->storedOp(id);
        QCOMPARE(toString(before->state), toString(OpState::Cancelled));
        QVERIFY(h.f.advanceUntil([&] {
            const auto s = r1->storedOp(id);
            return s && s->nodes.size() == 1 && s->nodes[0].status == NodeRowStatus::Success;
        }));
        const auto after = r1->storedOp(id);
        QCOMPARE(after->nodes[0].message, QStringLiteral("completed before cancel took effect"));
        QCOMPARE(toString(after->state), toString(OpState::Cancelled));
        QCOMPARE(after->finishedAt, before->finishedAt);
        QCOMPARE(after->message, before->message);
        h.f.settle(200);
        QVERIFY(h.opIs(r1, id, OpState::Cancelled));
        QVERIFY(h.opIs(r2, id, OpState::Cancelled));
    }

    BOTH_STORES(a44_superseded_rows)
    void a44_superseded_rows()
    {
        TestReplica *r = h.f.fanOutReplica(&h.events, shortTimeouts());
        QVERIFY(r);
        h.node(r, QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia"));
        FakeWorker *jetson = h.node(r, QStringLiteral("jetson-orin"), NodeStatus::Healthy, QStringLiteral("nvidia"));
        jetson->reply = FakeWorker::Reply::Silent;
        const auto a = r->admit(OpKind::Install, QStringLiteral("whisper"));
        QVERIFY(a);
        QVERIFY(h.f.advanceUntil([&] { return h.opIs(r, a->opId, OpState::RunningOnWorker); }));
        QCOMPARE(toString(h.memoryRow(r, a->opId, QStringLiteral("jetson-orin"))->status), toString(NodeRowStatus::RunningOnWorker));
        jetson->reply = FakeWorker::Reply::Success;
        const auto b = r->admit(OpKind::Install, QStringLiteral("whisper"), false, QStringLiteral("jetson-orin"));
        QVERIFY(b);
        // Without moving the clock: no reconciler pass is needed.
        QVERIFY(waitUntil([&] { return h.opIs(r, a->opId, OpState::Success); }));
        const auto stored = r->storedOp(a->opId);
        QCOMPARE(toString(stored->state), toString(OpState::Success));
        for (const NodeProgress &n : stored->nodes) {
            if (n.nodeName != QLatin1String("jetson-orin"))
                continue;
            QCOMPARE(toString(n.status), toString(NodeRowStatus::Cancelled));
            QCOMPARE(n.message, QStringLiteral("superseded by op ") + b->opId);
        }
        QVERIFY(h.f.advanceUntil([&] { return h.opIs(r, b->opId, OpState::Success); }));
        QVERIFY(h.pending(r).isEmpty());
    }

    BOTH_STORES(a45_failed_ops_stop_background_work)
    void a45_failed_ops_stop_background_work()
    {
        TestReplica *r = h.f.fanOutReplica(&h.events, shortTimeouts());
        QVERIFY(r);
        FakeWorker *one = h.node(r, QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia"));
        FakeWorker *two = h.node(r, QStringLiteral("gpu-a100-2"), NodeStatus::Healthy, QStringLiteral("nvidia"));
        one->reply = FakeWorker::Reply::Failure;
        one->error = QStringLiteral("sha256 mismatch for piper: expected 4be1, got 9c07");
        two->reply = FakeWorker::Reply::Silent;
        const auto a = r->admit(OpKind::Install, QStringLiteral("piper"));
        QVERIFY(a);
        QVERIFY(h.f.advanceUntil([&] { return h.opIs(r, a->opId, OpState::Failed); }));
        QCOMPARE(r->memoryOp(a->opId)->error.value_or(QString()),
                 QStringLiteral("gpu-a100-1: install failed: sha256 mismatch for piper: expected 4be1, got 9c07"));
        const QList<PendingNodeOp> p = h.pending(r);
        QCOMPARE(p.size(), 1);
        QCOMPARE(p[0].nodeId, h.ids.value(QStringLiteral("gpu-a100-2")));
        QVERIFY(p[0].inFlight);
        QCOMPARE(toString(h.memoryRow(r, a->opId, QStringLiteral("gpu-a100-2"))->status), toString(NodeRowStatus::RunningOnWorker));
        QVERIFY(r->dismiss(a->opId));
        QVERIFY(h.pending(r).isEmpty());
    }

    // docs/reason-codes.md: a worker's error code and args reach the node row, the op's combined
    // error, the store, a peer's memory (the broadcast) and the op record; a worker without codes
    // is worded by its English text, nested in the same way.
    BOTH_STORES(failure_codes_travel_from_the_worker_to_every_view)
    void failure_codes_travel_from_the_worker_to_every_view()
    {
        TestReplica *r1 = h.f.fanOutReplica(&h.events, shortTimeouts());
        QVERIFY(r1);
        TestReplica *r2 = h.f.replica(QStringLiteral("ctl"), {}, TestReplica::Runner::FanOut, &h.events);
        QVERIFY(r2);
        FakeWorker *coded = h.node(r1, QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia"));
        FakeWorker *old = h.node(r1, QStringLiteral("gpu-a100-2"), NodeStatus::Healthy, QStringLiteral("nvidia"));
        const Reason sha = Reason::make("sha256_mismatch", {{"backend", QStringLiteral("piper")},
                                                            {"expected", QStringLiteral("4be1")},
                                                            {"actual", QStringLiteral("9c07")}});
        coded->reply = old->reply = FakeWorker::Reply::Failure;
        coded->error = englishText(sha);
        coded->errorCode = sha;
        old->error = QStringLiteral("disk full");
        const auto a = r1->admit(OpKind::Install, QStringLiteral("piper"));
        QVERIFY(a);
        QVERIFY(h.f.advanceUntil([&] { return h.opIs(r1, a->opId, OpState::Failed) && h.opIs(r2, a->opId, OpState::Failed); }));
        auto installFailed = [](const Reason &why) {
            return Reason::make("command_failed", {{"kind", QStringLiteral("install")}, {"error", reasonToJson(why)}});
        };
        const Reason oldError = installFailed(Reason::plain(QStringLiteral("disk full")));
        const Reason error = Reason::make(
            "node_errors", {{"errors", QJsonArray{QJsonObject{{QStringLiteral("node"), QStringLiteral("gpu-a100-1")},
                                                              {QStringLiteral("error"), reasonToJson(installFailed(sha))}},
                                                  QJsonObject{{QStringLiteral("node"), QStringLiteral("gpu-a100-2")},
                                                              {QStringLiteral("error"), reasonToJson(oldError)}}}}});
        for (const auto &op : {r1->memoryOp(a->opId), r1->storedOp(a->opId), r2->memoryOp(a->opId)}) {
            QVERIFY(op);
            QCOMPARE(op->errorCode, error);
            QCOMPARE(op->error, std::optional<QString>(englishText(error)));
            QCOMPARE(op->messageCode, failedMessage(error));
            QCOMPARE(op->nodes.size(), 2);
            QCOMPARE(op->nodes[0].errorCode, installFailed(sha));
            QCOMPARE(op->nodes[0].error, std::optional<QString>(QStringLiteral("install failed: sha256 mismatch for piper: expected 4be1, got 9c07")));
            QCOMPARE(op->nodes[1].errorCode, oldError);
            QCOMPARE(op->nodes[1].error, std::optional<QString>(QStringLiteral("install failed: disk full")));
        }
        const QJsonObject record = opRecordToJson(*r2->memoryOp(a->opId), h.f.clock.nowMs(), 60'000);
        QCOMPARE(record.value(QLatin1String("error_code")).toString(), QStringLiteral("node_errors"));
        QCOMPARE(record.value(QLatin1String("error")).toString(), englishText(error));
        const QJsonObject row = record.value(QLatin1String("nodes")).toArray().at(0).toObject();
        QCOMPARE(row.value(QLatin1String("error_code")).toString(), QStringLiteral("command_failed"));
        const Reason nested = reasonFromJson(row.value(QLatin1String("error_args")).toObject().value(QLatin1String("error")));
        QCOMPARE(nested, sha);
        // Activity's error column: the History entry.
        const auto history = r1->store().callSync([](Store &s) { return s.listHistory(10); });
        QVERIFY(history && !history->isEmpty());
        QCOMPARE(history->first().errorCode, error);
        QCOMPARE(history->first().nodes.at(0).toObject().value(QLatin1String("error_code")).toString(), QStringLiteral("command_failed"));
    }

    BOTH_STORES(shutdown_contacts_no_further_node)
    void shutdown_contacts_no_further_node()
    {
        TestReplica *r = h.f.fanOutReplica(&h.events, OpsFixture::settingsWith({{"ops/fanout_parallel", 1}}));
        QVERIFY(r);
        FakeWorker *a = h.node(r, QStringLiteral("node-a"), NodeStatus::Healthy, QStringLiteral("cpu"));
        FakeWorker *b = h.node(r, QStringLiteral("node-b"), NodeStatus::Healthy, QStringLiteral("cpu"));
        a->delayMs = 10'000;
        const auto op = r->admit(OpKind::Install, QStringLiteral("whisper"));
        QVERIFY(op);
        QVERIFY(waitUntil([&] { return a->requestsOf(QStringLiteral("install")).size() == 1; }));
        await(r->ops().stop()); // graceful shutdown (§3.3); the fan-out object lives on
        h.f.clock.advanceMs(10'000); // node-a answers
        QVERIFY(waitUntil([&] {
            const auto s = r->storedOp(op->opId);
            for (const NodeProgress &n : s->nodes)
                if (n.nodeName == QLatin1String("node-a") && n.status == NodeRowStatus::Success)
                    return true;
            return false;
        }));
        h.f.settle(200);
        QCOMPARE(b->requestsOf(QStringLiteral("install")).size(), 0);
        QCOMPARE(toString(r->storedOp(op->opId)->state), toString(OpState::RunningOnWorker));
        const QList<PendingNodeOp> p = h.pending(r);
        QCOMPARE(p.size(), 1);
        QCOMPARE(p[0].nodeId, h.ids.value(QStringLiteral("node-b")));
        QVERIFY(p[0].nextRetryAt <= h.f.clock.nowMs());
    }
};

QTEST_GUILESS_MAIN(TstFanOutCancel)
#include "tst_fan_out_cancel.moc"
