// Upgrade detection (SPEC §8.3, A39) and the upgrade checker (§8.4: coalesced triggers of A16,
// auto-upgrade A51) on both stores.
// fleetdeck-test-labels: postgres
#include "bus/subjects.h"
#include "cluster/cluster_listing.h"
#include "cluster/upgrade_checker.h"
#include "cluster/worker_client.h"
#include "ops/op_publisher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include "ops_fixture.h"

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {

ListedNode ref(const char *name, const char *version, const char *digest)
{
    ListedNode n;
    n.nodeId = QLatin1String(name) + QStringLiteral("-id");
    n.nodeName = QLatin1String(name);
    n.version = QLatin1String(version);
    n.digest = QLatin1String(digest);
    n.installedAt = QStringLiteral("2026-08-30T09:00:00.000Z");
    return n;
}

std::unique_ptr<GalleryCatalog> catalogWith(const QByteArray &backends)
{
    auto c = std::make_unique<GalleryCatalog>();
    c->setIndexes({GalleryIndex::parse("{\"fleetdeck_gallery\":1,\"name\":\"main\",\"backends\":[" + backends + "]}",
                                      QStringLiteral("https://gallery.example.org/index.json"))
                      .value()});
    return c;
}

// A worker answering `backend.list` with llama-cpp-cuda12 at `version`; counts list requests.
class ListingWorker final : public QObject {
public:
    ListingWorker(Bus *bus, const QString &name, const QString &version)
    {
        bus->subscribe(QStringLiteral("nodes.%1.backend.list").arg(name), this, [this, bus, version](const BusMessage &m) {
            ++lists;
            const QJsonObject b{{QStringLiteral("name"), QStringLiteral("llama-cpp-cuda12")},
                                {QStringLiteral("version"), version},
                                {QStringLiteral("digest"), QString(QStringLiteral("sha256:") + version)},
                                {QStringLiteral("installed_at"), QStringLiteral("2026-08-30T09:00:00.000Z")}};
            QJsonArray backends;
            backends.append(b);
            bus->publish(m.replyTo, QJsonDocument(QJsonObject{{QStringLiteral("backends"), backends},
                                                              {QStringLiteral("jobs"), QJsonArray()}})
                                        .toJson(QJsonDocument::Compact));
        });
    }
    int lists = 0;
};

} // namespace

class TstUpgrades : public QObject {
    Q_OBJECT
    OpsFixture f;

private Q_SLOTS:
    void a39_upgrade_detection_with_drift()
    {
        ClusterListingResult listing;
        ListedBackendSummary cuda;
        cuda.name = QStringLiteral("llama-cpp-cuda12");
        cuda.nodes = {ref("gpu-a100-1", "b4100", "d1"), ref("gpu-a100-2", "b4100", "d1"), ref("jetson-orin", "b4050", "d0")};
        ListedBackendSummary meta;
        meta.name = QStringLiteral("llama-cpp");
        meta.isMeta = true;
        meta.metaBackendFor = QStringLiteral("llama-cpp-cuda12");
        meta.nodes = {ref("gpu-a100-1", "b4100", "d1")};
        ListedBackendSummary system;
        system.name = QStringLiteral("whisper");
        system.isSystem = true;
        system.nodes = {ref("gpu-a100-1", "", "")};
        ListedBackendSummary orphan;
        orphan.name = QStringLiteral("not-in-gallery");
        orphan.nodes = {ref("gpu-a100-1", "1", "x"), ref("gpu-a100-2", "2", "y")};
        listing.backends = {cuda, meta, system, orphan};
        const QByteArray gallery = R"({"name":"llama-cpp-cuda12","version":"b4120","uri":"a.tzst"},
            {"name":"llama-cpp","capabilities":{"nvidia":"llama-cpp-cuda12"}},{"name":"whisper","version":"9","uri":"w.tgz"})";
        UpgradesResult r = detectUpgrades(listing, *catalogWith(gallery));
        const BackendUpgrade *u = r.find(QStringLiteral("llama-cpp-cuda12"));
        QVERIFY(u);
        QCOMPARE(u->installedVersion, QStringLiteral("b4100"));
        QCOMPARE(u->availableVersion, QStringLiteral("b4120"));
        QVERIFY(u->upgradeAvailable);
        QCOMPARE(u->drift.size(), 1);
        QCOMPARE(u->drift[0].nodeName, QStringLiteral("jetson-orin"));
        QCOMPARE(u->drift[0].version, QStringLiteral("b4050"));
        QVERIFY(!r.find(QStringLiteral("llama-cpp"))->upgradeAvailable);      // a meta is represented by its concrete backends
        QVERIFY(!r.find(QStringLiteral("whisper"))->upgradeAvailable);        // system backends are never flagged
        QVERIFY(!r.find(QStringLiteral("not-in-gallery"))->upgradeAvailable); // gallery-less ones neither
        // With the gallery at b4100 the backend is still flagged because of the drift.
        r = detectUpgrades(listing, *catalogWith(R"({"name":"llama-cpp-cuda12","version":"b4100","uri":"a.tzst"})"));
        QVERIFY(r.find(QStringLiteral("llama-cpp-cuda12"))->upgradeAvailable);
        const QJsonObject json = r.toJson();
        QCOMPARE(json.value(QLatin1String("backends")).toArray().at(0).toObject().value(QLatin1String("drift_count")).toInt(), 1);
        QCOMPARE(UpgradesResult::fromJson(json).toJson(), json);
    }

    void detection_rules_without_versions()
    {
        ClusterListingResult listing;
        ListedBackendSummary b;
        b.name = QStringLiteral("bark");
        b.nodes = {ref("n1", "", "sha256:aa")};
        listing.backends = {b};
        // Rule 3: gallery version known, installed version empty → upgradeable.
        QVERIFY(detectUpgrades(listing, *catalogWith(R"({"name":"bark","version":"1","uri":"b.tgz"})")).backends[0].upgradeAvailable);
        // Rule 4: only sha256 known → upgradeable iff the installed digest differs.
        const QByteArray sha = "aa" + QByteArray(62, '0');
        listing.backends[0].nodes[0].digest = QStringLiteral("sha256:") + QString::fromLatin1(sha);
        QVERIFY(!detectUpgrades(listing, *catalogWith("{\"name\":\"bark\",\"uri\":\"b.tgz\",\"sha256\":\"" + sha + "\"}")).backends[0].upgradeAvailable);
        listing.backends[0].nodes[0].digest = QStringLiteral("sha256:other");
        QVERIFY(detectUpgrades(listing, *catalogWith("{\"name\":\"bark\",\"uri\":\"b.tgz\",\"sha256\":\"" + sha + "\"}")).backends[0].upgradeAvailable);
        // Rule 5: nothing known → only drift flags it.
        QVERIFY(!detectUpgrades(listing, *catalogWith(R"({"name":"bark","uri":"b.tgz"})")).backends[0].upgradeAvailable);
    }

    void triggers_coalesce_into_one_check_data() { addBackendColumns(); }
    void triggers_coalesce_into_one_check()
    {
        QVERIFY(f.setUp());
        TestReplica *r1 = f.replica();
        QVERIFY(r1);
        addNode(r1->store(), QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia"), f.clock.nowMs());
        ListingWorker worker(f.bus.get(), QStringLiteral("gpu-a100-1"), QStringLiteral("b4100"));
        WorkerClient client(f.bus.get());
        ClusterListing listing(&r1->store(), &client, nullptr);
        UpgradeChecker checker({&r1->ops(), &listing, &r1->catalog(), true});
        int results = 0;
        connect(&checker, &UpgradeChecker::resultChanged, this, [&] { ++results; });
        checker.start();
        QVERIFY(waitUntil([&] { return checker.isLeader(); }));
        f.advanceUntil([&] { return results == 1; }, 1000, 20'000); // the first check after 10 s
        QCOMPARE(worker.lists, 1);
        // A16: the owner's invalidate and a GUI's re-check arrive within one quiet window.
        r1->ops().publisher()->publishJson(subjects::cacheInvalidateBackends(),
                                           QJsonObject{{QStringLiteral("element"), QStringLiteral("llama-cpp-cuda12")},
                                                       {QStringLiteral("op"), QStringLiteral("upgrade")}});
        f.settle(50);
        f.clock.advanceMs(200);
        r1->ops().publisher()->publishJson(subjects::upgradesCheck(), QJsonObject{{QStringLiteral("reason"), QStringLiteral("manage-table")}});
        f.settle(50);
        QVERIFY(f.advanceUntil([&] { return results == 2; }, 100, 10'000));
        f.settle(100);
        QCOMPARE(worker.lists, 2);
        QCOMPARE(results, 2);
        QCOMPARE(checker.latest()->find(QStringLiteral("llama-cpp-cuda12"))->installedVersion, QStringLiteral("b4100"));
        // A second replica cannot lead while the first holds the lock.
        TestReplica *r2 = f.replica(QStringLiteral("ctl"));
        UpgradeChecker other({&r2->ops(), &listing, &r2->catalog(), true});
        other.start();
        f.settle(200);
        QVERIFY(!other.isLeader());
        other.stop();
        checker.stop();
        f.tearDown();
    }

    void a51_auto_upgrade_is_visible_data() { addBackendColumns(); }
    void a51_auto_upgrade_is_visible()
    {
        QVERIFY(f.setUp());
        TestReplica *r1 = f.replica(QStringLiteral("headless"), OpsFixture::settingsWith({{"upgrades/auto", true}}));
        QVERIFY(r1);
        r1->runner().setHold(QStringLiteral("llama-cpp-cuda12"), true);
        addNode(r1->store(), QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia"), f.clock.nowMs());
        ListingWorker worker(f.bus.get(), QStringLiteral("gpu-a100-1"), QStringLiteral("b4100"));
        WorkerClient client(f.bus.get());
        ClusterListing listing(&r1->store(), &client, nullptr);
        UpgradeChecker checker({&r1->ops(), &listing, &r1->catalog(), true});
        checker.start();
        QVERIFY(f.advanceUntil([&] { return !r1->ops().listOps().isEmpty(); }, 1000, 30'000));
        const Operation op = r1->ops().listOps().first();
        QCOMPARE(toString(op.kind), toString(OpKind::Upgrade));
        QCOMPARE(op.backend, QStringLiteral("llama-cpp-cuda12"));
        QCOMPARE(op.requestedBy, QStringLiteral("auto:") + r1->replicaId());
        QVERIFY(!op.targetNodeId);
        // A manual upgrade meanwhile is deduplicated to it.
        const auto manual = r1->admit(OpKind::Upgrade, QStringLiteral("llama-cpp-cuda12"));
        QVERIFY(manual);
        QVERIFY(manual->deduplicated);
        QCOMPARE(manual->opId, op.id);
        checker.stop();
        f.tearDown();
    }
};

QTEST_GUILESS_MAIN(TstUpgrades)
#include "tst_upgrades.moc"
