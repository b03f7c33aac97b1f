// One cluster per bus (SPEC §1.5, A47 on the in-process bus; the real-NATS form comes with the
// headless replica).
#include "bus/local_bus.h"
#include "cluster/cluster_hello.h"
#include "core/clock.h"
#include "test_util.h"

#include <QtTest>

using namespace fleetdeck;

class TstClusterHello : public QObject {
    Q_OBJECT

    static std::optional<HelloResult> check(ClusterHello &h, ManualClock &clock)
    {
        std::optional<HelloResult> out;
        h.check(1000, [&](const HelloResult &r) { out = r; });
        test::waitUntil([&] { QCoreApplication::processEvents(); return false; }, 50);
        clock.advanceMs(1000);
        test::waitUntil([&] { return out.has_value(); });
        return out;
    }

private Q_SLOTS:
    void empty_bus_has_no_replica()
    {
        ManualClock clock;
        LocalBus bus(&clock);
        ClusterHello me(&bus, ReplicaIdentity::create(QStringLiteral("headless")), QStringLiteral("c1"));
        const auto r = check(me, clock);
        QVERIFY(r);
        QVERIFY(!r->anyLongLived());
        QVERIFY(r->foreignError.isEmpty());
    }

    void same_cluster_peers_are_listed()
    {
        ManualClock clock;
        LocalBus bus(&clock);
        ReplicaIdentity r1 = ReplicaIdentity::create(QStringLiteral("headless"));
        ClusterHello peer(&bus, r1, QStringLiteral("c1"));
        peer.answer();
        ClusterHello me(&bus, ReplicaIdentity::create(QStringLiteral("ctl")), QStringLiteral("c1"));
        const auto r = check(me, clock);
        QVERIFY(r);
        QCOMPARE(r->peers.size(), 1);
        QCOMPARE(r->peers[0].replicaId, r1.replicaId);
        QCOMPARE(r->peers[0].kind, QStringLiteral("headless"));
    }

    void a47_foreign_cluster_stops_the_replica()
    {
        ManualClock clock;
        LocalBus bus(&clock);
        ReplicaIdentity r1 = ReplicaIdentity::create(QStringLiteral("headless"));
        ClusterHello peer(&bus, r1, QStringLiteral("C1"));
        peer.answer();
        ClusterHello me(&bus, ReplicaIdentity::create(QStringLiteral("headless")), QStringLiteral("C2"));
        const auto r = check(me, clock);
        QVERIFY(r);
        QCOMPARE(r->foreignError, QStringLiteral("NATS inproc://local already carries Fleetdeck cluster C1 (replica %1 on %2); "
                                                 "this store belongs to cluster C2")
                                      .arg(r1.replicaId, r1.host));
    }
};

QTEST_GUILESS_MAIN(TstClusterHello)
#include "tst_cluster_hello.moc"
