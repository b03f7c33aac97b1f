// Per-node entries and listings (SPEC §4.1, §4.2 step 1, §4.4, §4.5, §8.2) on both stores: A52,
// deletes, the cluster listing's aggregation and unknown nodes, and the listing effects.
// fleetdeck-test-labels: postgres
#include "cluster/listing_effects.h"
#include "tst_fan_out_harness.h"

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstFanOutMeta : public QObject {
    Q_OBJECT
    FanOutHarness h;

    QJsonObject pendingEntry(TestReplica *r, const QString &nodeName)
    {
        for (const PendingNodeOp &p : h.pending(r))
            if (p.nodeId == h.ids.value(nodeName))
                return p.entry;
        return {};
    }

private Q_SLOTS:
    void init() { QVERIFY(h.setUp()); }
    void cleanup() { h.tearDown(); }

#define BOTH_STORES(name) \
    void name##_data() { addBackendColumns(); }

    BOTH_STORES(a52_meta_and_requires)
    void a52_meta_and_requires()
    {
        TestReplica *r = h.f.fanOutReplica(&h.events);
        QVERIFY(r);
        QList<FakeWorker *> nvidia;
        for (const char *n : {"gpu-a100-1", "gpu-a100-2", "jetson-orin"})
            nvidia.append(h.node(r, QString::fromLatin1(n), NodeStatus::Healthy, QStringLiteral("nvidia")));
        h.node(r, QStringLiteral("mac-mini-m4"), NodeStatus::Draining, QStringLiteral("apple"));
        h.node(r, QStringLiteral("cpu-edge-1"), NodeStatus::Offline, QStringLiteral("cpu"));
        h.node(r, QStringLiteral("new-node-7"), NodeStatus::Pending, QStringLiteral("cpu"));

        const auto cuda = r->admit(OpKind::Install, QStringLiteral("llama-cpp-cuda12"));
        QVERIFY(cuda);
        QVERIFY(h.f.advanceUntil([&] { return h.opIs(r, cuda->opId, OpState::Success); }));
        QStringList rows;
        const auto cudaOp = r->storedOp(cuda->opId);
        for (const NodeProgress &n : cudaOp->nodes)
            rows.append(n.nodeName);
        QCOMPARE(rows, (QStringList{QStringLiteral("gpu-a100-1"), QStringLiteral("gpu-a100-2"), QStringLiteral("jetson-orin")}));

        const auto meta = r->admit(OpKind::Install, QStringLiteral("llama-cpp"));
        QVERIFY(meta);
        QVERIFY(h.f.advanceUntil([&] { return h.opIs(r, meta->opId, OpState::Success); }));
        for (FakeWorker *w : nvidia) {
            const auto reqs = w->requestsOf(QStringLiteral("install"));
            QCOMPARE(reqs.size(), 2);
            QCOMPARE(reqs[1].payload.value(QLatin1String("backend")).toString(), QStringLiteral("llama-cpp"));
            QCOMPARE(reqs[1].payload.value(QLatin1String("entry")).toObject().value(QLatin1String("name")).toString(),
                     QStringLiteral("llama-cpp-cuda12"));
        }
        QCOMPARE(pendingEntry(r, QStringLiteral("mac-mini-m4")).value(QLatin1String("name")).toString(), QStringLiteral("llama-cpp-cpu"));
        QCOMPARE(pendingEntry(r, QStringLiteral("cpu-edge-1")).value(QLatin1String("name")).toString(), QStringLiteral("llama-cpp-cpu"));
        QCOMPARE(r->storedOp(meta->opId)->nodes.size(), 5);
    }

    BOTH_STORES(delete_targets_all_but_pending)
    void delete_targets_all_but_pending()
    {
        TestReplica *r = h.f.fanOutReplica(&h.events);
        QVERIFY(r);
        FakeWorker *a = h.node(r, QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia"));
        FakeWorker *b = h.node(r, QStringLiteral("gpu-a100-2"), NodeStatus::Healthy, QStringLiteral("nvidia"));
        b->reply = FakeWorker::Reply::Failure;
        b->error = QStringLiteral("backend piper is a system backend and cannot be deleted");
        h.node(r, QStringLiteral("new-node-7"), NodeStatus::Pending, QStringLiteral("cpu"));
        const auto d = r->admit(OpKind::Delete, QStringLiteral("piper"));
        QVERIFY(d);
        QVERIFY(h.f.advanceUntil([&] { return h.opIs(r, d->opId, OpState::Failed); }));
        QCOMPARE(a->requestsOf(QStringLiteral("delete"))[0].payload,
                 QJsonObject({{QStringLiteral("backend"), QStringLiteral("piper")}, {QStringLiteral("op_id"), d->opId}}));
        QCOMPARE(h.memoryRow(r, d->opId, QStringLiteral("gpu-a100-1"))->message, QStringLiteral("deleted"));
        QCOMPARE(r->memoryOp(d->opId)->error.value_or(QString()),
                 QStringLiteral("gpu-a100-2: delete failed: backend piper is a system backend and cannot be deleted"));
        QVERIFY(h.pending(r).isEmpty()); // D27: success:false deletes the row too
    }

    BOTH_STORES(cluster_listing_aggregates_and_reports_unknown_nodes)
    void cluster_listing_aggregates_and_reports_unknown_nodes()
    {
        TestReplica *r = h.f.fanOutReplica(&h.events);
        QVERIFY(r);
        FakeWorker *b = h.node(r, QStringLiteral("b-node"), NodeStatus::Unhealthy, QStringLiteral("cpu"));
        FakeWorker *a = h.node(r, QStringLiteral("a-node"), NodeStatus::Healthy, QStringLiteral("cpu"));
        h.node(r, QStringLiteral("c-node"), NodeStatus::Healthy, QStringLiteral("cpu"), false);
        h.node(r, QStringLiteral("d-node"), NodeStatus::Offline, QStringLiteral("cpu"));
        a->backends = {FanOutHarness::listed(QStringLiteral("whisper"), QStringLiteral("1.0"))};
        b->backends = {FanOutHarness::listed(QStringLiteral("whisper"), QStringLiteral("0.9")), FanOutHarness::listed(QStringLiteral("bark"))};
        b->jobs = {wire::ListedJob{QStringLiteral("piper"), QString(), QStringLiteral("install"), QStringLiteral("downloading"), 61.0}};
        std::optional<ClusterListingResult> result;
        r->fanOut()->listing()->run([&](const ClusterListingResult &l) { result = l; });
        QVERIFY(waitUntil([&] { return result.has_value(); }));
        QCOMPARE(result->backends.size(), 2);
        QCOMPARE(result->backends[0].name, QStringLiteral("bark"));
        QCOMPARE(result->backends[1].nodes.size(), 2);
        QCOMPARE(result->backends[1].nodes[0].nodeName, QStringLiteral("a-node"));
        QCOMPARE(result->backends[1].nodes[1].version, QStringLiteral("0.9"));
        QCOMPARE(result->unknownNodes.size(), 1);
        QCOMPARE(result->unknownNodes[0].error, QStringLiteral("no responders from node c-node"));
        QCOMPARE(result->replyOf(h.ids.value(QStringLiteral("b-node")))->reply.jobs.size(), 1);
        QCOMPARE(result->toJson().value(QLatin1String("unknown_nodes")).toArray().size(), 1);
        QCOMPARE(h.events.noResponse.size(), 1);
        QCOMPARE(h.events.answers.size(), 2);
    }

    BOTH_STORES(listing_confirms_running_on_worker_rows)
    void listing_confirms_running_on_worker_rows()
    {
        TestReplica *r = h.f.fanOutReplica(&h.events, OpsFixture::settingsWith({{"nats/timeout_install_s", 5}}));
        QVERIFY(r);
        FakeWorker *w = h.node(r, QStringLiteral("jetson-orin"), NodeStatus::Healthy, QStringLiteral("nvidia"));
        w->reply = FakeWorker::Reply::Silent;
        const auto a = r->admit(OpKind::Install, QStringLiteral("whisper"));
        QVERIFY(a);
        QVERIFY(h.f.advanceUntil([&] { return h.opIs(r, a->opId, OpState::RunningOnWorker); }));
        // Still busy: the row mirrors the worker's job.
        w->jobs = {wire::ListedJob{QStringLiteral("whisper"), a->opId, QStringLiteral("install"), QStringLiteral("extracting"), 95.5}};
        std::optional<ListingEffectsReport> rep;
        r->fanOut()->listing()->run([&](const ClusterListingResult &l) {
            applyListingEffects(&r->ops(), l, [&](const ListingEffectsReport &x) { rep = x; });
        });
        QVERIFY(waitUntil([&] { return rep.has_value(); }));
        QCOMPARE(rep->confirmed, 0);
        QCOMPARE(h.memoryRow(r, a->opId, QStringLiteral("jetson-orin"))->percentage, 95);
        // Installed now: confirmed, and the op finishes (§4.4).
        w->jobs.clear();
        w->backends = {FanOutHarness::listed(QStringLiteral("whisper"), QStringLiteral("1.0"))};
        rep.reset();
        r->fanOut()->listing()->run([&](const ClusterListingResult &l) {
            applyListingEffects(&r->ops(), l, [&](const ListingEffectsReport &x) { rep = x; });
        });
        QVERIFY(waitUntil([&] { return rep.has_value(); }));
        QCOMPARE(rep->confirmed, 1);
        QVERIFY(waitUntil([&] { return h.opIs(r, a->opId, OpState::Success); }));
        QVERIFY(h.pending(r).isEmpty());
        QCOMPARE(toString(r->storedOp(a->opId)->nodes[0].status), toString(NodeRowStatus::Success));
    }
};

QTEST_GUILESS_MAIN(TstFanOutMeta)
#include "tst_fan_out_meta.moc"
