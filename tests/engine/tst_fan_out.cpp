// The fan-out (SPEC §4.1, §4.2) on both stores with fake workers on the in-process bus: A10, A24,
// A42, A43 (fan-out part), Reinstall targets (D8), "no responders" through NodeEvents.
// fleetdeck-test-labels: postgres
#include "tst_fan_out_harness.h"

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstFanOut : public QObject {
    Q_OBJECT
    FanOutHarness h;

private Q_SLOTS:
    void init() { QVERIFY(h.setUp()); }
    void cleanup() { h.tearDown(); }

#define BOTH_STORES(name) \
    void name##_data() { addBackendColumns(); }

    BOTH_STORES(a10_upgrade_shows_progress)
    void a10_upgrade_shows_progress()
    {
        TestReplica *r = h.f.fanOutReplica(&h.events);
        QVERIFY(r);
        FakeWorker *w = h.node(r, QStringLiteral("jetson-orin"), NodeStatus::Healthy, QStringLiteral("nvidia"));
        h.node(r, QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia")); // lists nothing
        w->backends = {FanOutHarness::listed(QStringLiteral("llama-cpp-cuda12"))};
        w->delayMs = 120'000;
        w->version = QStringLiteral("b4120");
        w->ticks = {wire::ProgressEvent{{}, {}, {}, QStringLiteral("llama.tar.zst"), QStringLiteral("downloading"), 35.7, 350, 1000}};
        const auto a = r->admit(OpKind::Upgrade, QStringLiteral("llama-cpp-cuda12"));
        QVERIFY(a);
        QVERIFY(waitUntil([&] {
            const auto row = h.memoryRow(r, a->opId, QStringLiteral("jetson-orin"));
            return row && row->percentage == 35;
        }));
        const auto row = h.memoryRow(r, a->opId, QStringLiteral("jetson-orin"));
        QCOMPARE(toString(row->status), toString(NodeRowStatus::Downloading));
        QCOMPARE(row->fileName, QStringLiteral("llama.tar.zst"));
        QCOMPARE(row->currentBytes, qint64(350));
        QCOMPARE(row->totalBytes, qint64(1000));
        QCOMPARE(r->memoryOp(a->opId)->nodes.size(), 1); // only the node reporting the backend
        const QList<Operation> listed = r->ops().listOps();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed[0].progress, 35);
        QCOMPARE(w->requestsOf(QStringLiteral("upgrade")).size(), 1);
        const bool stored35 = h.f.advanceUntil([&] {
            const auto stored = r->storedOp(a->opId);
            return stored && stored->nodes.size() == 1 && stored->nodes[0].percentage == 35;
        }, 100, 60'000); // the store thread flushes every 250 ms of real time
        if (!stored35) {
            const auto s = r->storedOp(a->opId);
            for (const NodeProgress &n : s->nodes)
                qWarning() << n.nodeName << toString(n.status) << n.percentage << n.phase;
        }
        QVERIFY(stored35);
        QVERIFY(h.f.advanceUntil([&] { return h.opIs(r, a->opId, OpState::Success); }, 1000));
        QCOMPARE(h.memoryRow(r, a->opId, QStringLiteral("jetson-orin"))->message, QStringLiteral("installed b4120"));
        QVERIFY(h.pending(r).isEmpty());
        QVERIFY(h.events.answers.contains(h.ids.value(QStringLiteral("jetson-orin"))));
    }

    BOTH_STORES(a42_nothing_accepted_is_failure)
    void a42_nothing_accepted_is_failure()
    {
        TestReplica *r = h.f.fanOutReplica(&h.events);
        QVERIFY(r);
        h.node(r, QStringLiteral("mac-mini-m4"), NodeStatus::Draining, QStringLiteral("apple"));
        h.node(r, QStringLiteral("cpu-edge-1"), NodeStatus::Offline, QStringLiteral("cpu"));
        h.node(r, QStringLiteral("new-node-7"), NodeStatus::Pending, QStringLiteral("cpu"));
        const auto a = r->admit(OpKind::Install, QStringLiteral("whisper"));
        QVERIFY(a);
        QVERIFY(h.f.advanceUntil([&] { return h.opIs(r, a->opId, OpState::Failed); }));
        QCOMPARE(r->memoryOp(a->opId)->error.value_or(QString()),
                 QStringLiteral("no target node accepted the operation: cpu-edge-1 (offline), mac-mini-m4 (draining)"));
        const auto stored = r->storedOp(a->opId);
        QCOMPARE(stored->nodes.size(), 2); // the pending node gets no row
        for (const NodeProgress &n : stored->nodes) {
            QCOMPARE(n.phase, QStringLiteral("deferred"));
            QVERIFY(n.message.startsWith(QLatin1String("node ")));
        }
        QCOMPARE(h.stats.started.size(), 0);
        const auto refused = r->admit(OpKind::Install, QStringLiteral("whisper"), false, QStringLiteral("mac-mini-m4"));
        QVERIFY(!refused);
        QCOMPARE(refused.error(), QStringLiteral("node mac-mini-m4 is draining"));
    }

    BOTH_STORES(no_eligible_nodes_fails)
    void no_eligible_nodes_fails()
    {
        TestReplica *r = h.f.fanOutReplica(&h.events);
        QVERIFY(r);
        h.node(r, QStringLiteral("new-node-7"), NodeStatus::Pending, QStringLiteral("cpu"));
        const auto a = r->admit(OpKind::Delete, QStringLiteral("whisper"));
        QVERIFY(a);
        QVERIFY(h.f.advanceUntil([&] { return h.opIs(r, a->opId, OpState::Failed); }));
        QCOMPARE(r->memoryOp(a->opId)->error.value_or(QString()), QStringLiteral("no eligible nodes for delete of whisper"));
    }

    BOTH_STORES(a43_fan_out_parallel_in_name_order)
    void a43_fan_out_parallel_in_name_order()
    {
        TestReplica *r = h.f.fanOutReplica(&h.events);
        QVERIFY(r);
        QStringList names;
        for (int i = 20; i >= 1; --i) { // registered out of order on purpose
            const QString name = QStringLiteral("node-%1").arg(i, 2, 10, QLatin1Char('0'));
            names.prepend(name);
            FakeWorker *w = h.node(r, name, NodeStatus::Healthy, QStringLiteral("cpu"));
            w->delayMs = 1000;
            w->ticks = {wire::ProgressEvent{{}, {}, {}, QStringLiteral("whisper.tar.gz"), QStringLiteral("downloading"), 50, 5, 10}};
        }
        const auto a = r->admit(OpKind::Install, QStringLiteral("whisper"));
        QVERIFY(a);
        QVERIFY(waitUntil([&] { return h.stats.started.size() == 8; }));
        const qint64 start = h.f.clock.nowMs();
        for (int batch = 1; batch <= 3; ++batch) {
            h.f.settle(50);
            h.f.clock.advanceMs(1000);
            const int expected = std::min(20, 8 * (batch + 1));
            if (batch < 3)
                QVERIFY(waitUntil([&] { return h.stats.started.size() == expected; }));
        }
        QVERIFY(waitUntil([&] { return h.opIs(r, a->opId, OpState::Success); }));
        QCOMPARE(h.f.clock.nowMs() - start, qint64(3000));
        QVERIFY(h.stats.maxInFlight <= 8);
        QCOMPARE(h.stats.maxInFlight, 8);
        QCOMPARE(h.stats.started, names);
        int last = -1;
        for (const QJsonObject &b : h.broadcasts(a->opId)) {
            const int p = b.value(QLatin1String("status")).toObject().value(QLatin1String("progress")).toInt();
            QVERIFY2(p >= last, qPrintable(QStringLiteral("progress went from %1 to %2").arg(last).arg(p)));
            last = p;
        }
        QCOMPARE(last, 100);
    }

    BOTH_STORES(a24_node_scoped_upgrade)
    void a24_node_scoped_upgrade()
    {
        TestReplica *r = h.f.fanOutReplica(&h.events);
        QVERIFY(r);
        QList<FakeWorker *> ws;
        for (const char *n : {"gpu-a100-1", "gpu-a100-2", "jetson-orin"}) {
            FakeWorker *w = h.node(r, QString::fromLatin1(n), NodeStatus::Healthy, QStringLiteral("nvidia"));
            w->backends = {FanOutHarness::listed(QStringLiteral("llama-cpp-cuda12"))};
            ws.append(w);
        }
        h.node(r, QStringLiteral("cpu-edge-1"), NodeStatus::Offline, QStringLiteral("cpu"));
        const auto a = r->admit(OpKind::Upgrade, QStringLiteral("llama-cpp-cuda12"), false, QStringLiteral("jetson-orin"));
        QVERIFY(a);
        QVERIFY(h.f.advanceUntil([&] { return h.opIs(r, a->opId, OpState::Success); }));
        QCOMPARE(ws[0]->requestsOf(QStringLiteral("upgrade")).size() + ws[1]->requestsOf(QStringLiteral("upgrade")).size(), 0);
        QCOMPARE(ws[2]->requestsOf(QStringLiteral("upgrade")).size(), 1);
        QCOMPARE(r->storedOp(a->opId)->nodes.size(), 1);
        const auto off = r->admit(OpKind::Upgrade, QStringLiteral("llama-cpp-cuda12"), false, QStringLiteral("cpu-edge-1"));
        QVERIFY(off);
        QVERIFY(h.f.advanceUntil([&] { return h.opIs(r, off->opId, OpState::Failed); }));
        QCOMPARE(r->memoryOp(off->opId)->error.value_or(QString()), QStringLiteral("node cpu-edge-1 is offline; its backends are unknown"));
        // Node-scoped, answering, not holding it.
        ws[0]->backends.clear();
        const auto none = r->admit(OpKind::Upgrade, QStringLiteral("llama-cpp-cuda12"), false, QStringLiteral("gpu-a100-1"));
        QVERIFY(h.f.advanceUntil([&] { return h.opIs(r, none->opId, OpState::Failed); }));
        QCOMPARE(r->memoryOp(none->opId)->error.value_or(QString()),
                 QStringLiteral("backend \"llama-cpp-cuda12\" is not installed on node gpu-a100-1"));
    }

    BOTH_STORES(reinstall_targets_reporting_nodes_with_force)
    void reinstall_targets_reporting_nodes_with_force()
    {
        TestReplica *r = h.f.fanOutReplica(&h.events);
        QVERIFY(r);
        FakeWorker *has = h.node(r, QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia"));
        FakeWorker *lacks = h.node(r, QStringLiteral("gpu-a100-2"), NodeStatus::Healthy, QStringLiteral("nvidia"));
        h.node(r, QStringLiteral("ghost"), NodeStatus::Healthy, QStringLiteral("cpu"), false); // no worker: list fails
        has->backends = {FanOutHarness::listed(QStringLiteral("piper"))};
        const auto a = r->admit(OpKind::Install, QStringLiteral("piper"), true);
        QVERIFY(a);
        QVERIFY(h.f.advanceUntil([&] { return h.opIs(r, a->opId, OpState::Failed); }));
        const auto reqs = has->requestsOf(QStringLiteral("install"));
        QCOMPARE(reqs.size(), 1);
        QCOMPARE(reqs[0].payload.value(QLatin1String("force")).toBool(), true);
        QCOMPARE(reqs[0].payload.value(QLatin1String("op_id")).toString(), a->opId);
        QCOMPARE(lacks->requestsOf(QStringLiteral("install")).size(), 0);
        QCOMPARE(h.memoryRow(r, a->opId, QStringLiteral("gpu-a100-1"))->message, QStringLiteral("installed 1.0"));
        QCOMPARE(r->memoryOp(a->opId)->error.value_or(QString()),
                 QStringLiteral("ghost: backend state unknown: no responders from node ghost"));
        QVERIFY(h.events.noResponse.contains(h.ids.value(QStringLiteral("ghost")) + QStringLiteral(" nodes.ghost.backend.list")));
        // Nobody reports it: the exact failure.
        const auto b = r->admit(OpKind::Upgrade, QStringLiteral("whisper"));
        QVERIFY(h.f.advanceUntil([&] { return h.opIs(r, b->opId, OpState::Failed); }));
        QCOMPARE(r->memoryOp(b->opId)->error.value_or(QString()),
                 QStringLiteral("ghost: backend state unknown: no responders from node ghost"));
    }

    BOTH_STORES(no_responders_marks_the_node)
    void no_responders_marks_the_node()
    {
        TestReplica *r = h.f.fanOutReplica(&h.events);
        QVERIFY(r);
        h.node(r, QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia"));
        h.node(r, QStringLiteral("silent-1"), NodeStatus::Healthy, QStringLiteral("cpu"), false);
        const auto a = r->admit(OpKind::Install, QStringLiteral("whisper"));
        QVERIFY(a);
        QVERIFY(h.f.advanceUntil([&] { return h.opIs(r, a->opId, OpState::Failed); }));
        QCOMPARE(r->memoryOp(a->opId)->error.value_or(QString()), QStringLiteral("silent-1: no responders from node silent-1"));
        QCOMPARE(h.events.noResponse,
                 QStringList{h.ids.value(QStringLiteral("silent-1")) + QStringLiteral(" nodes.silent-1.backend.install")});
        const QList<PendingNodeOp> p = h.pending(r);
        QCOMPARE(p.size(), 1); // recordFailure keeps the row for the reconciler
        QCOMPARE(p[0].nodeId, h.ids.value(QStringLiteral("silent-1")));
        QCOMPARE(p[0].attempts, 1);
        QCOMPARE(p[0].lastError, QStringLiteral("no responders from node silent-1"));
    }
};

QTEST_GUILESS_MAIN(TstFanOut)
#include "tst_fan_out.moc"
