// HealthMonitor on both stores (SPEC §5.4, §2.4, §10.4): A27, A35, A41, the tick schedule, the
// pass lock, demo mode without locks, offline suppression after a store outage, one probe in
// flight per node.
// fleetdeck-test-labels: postgres
#include "tst_node_fixture.h"

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstNodeHealth : public QObject {
    Q_OBJECT
    NodeFixture f;

    // Advances the clock by one tick period and waits for the timer-driven pass.
    bool advanceTick(qint64 ms = 15'000)
    {
        const int before = f.monitor->passesDone() + f.monitor->passesSkipped();
        f.clock.advanceMs(ms);
        const bool fired = waitUntil([&] { return f.monitor->passesDone() + f.monitor->passesSkipped() > before; });
        f.sync();
        return fired;
    }

    QString status(const QString &node)
    {
        const auto n = f.node(node);
        return n ? toString(n->status) + (n->statusReason.isEmpty() ? QString() : QStringLiteral(" / ") + n->statusReason)
                 : QStringLiteral("(none)");
    }

    int requests(const QString &subject) const
    {
        int n = 0;
        for (const QString &line : f.bus->log())
            if (line.startsWith(QStringLiteral("req ") + subject + QLatin1Char(' ')))
                ++n;
        return n;
    }

private Q_SLOTS:
    void cleanup() { f.tearDown(); }

#define BOTH_STORES(name) \
    void name##_data() { addBackendColumns(); }

    BOTH_STORES(a27_stale_pending_node_stays_pending)
    void a27_stale_pending_node_stays_pending()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend));
        const QString id = f.registerNode(QStringLiteral("new-node-7")).value(QLatin1String("id")).toString();
        QVERIFY(!id.isEmpty());
        const qint64 lastSeen = f.clock.nowMs();
        f.monitor->start();
        for (int i = 0; i < 40; ++i) { // 10 min without heartbeats
            QVERIFY(advanceTick());
            QCOMPARE(status(id), QStringLiteral("pending"));
        }
        QCOMPARE(f.monitor->passesDone(), 40);
        QCOMPARE(f.node(id)->lastHeartbeat, lastSeen); // "last seen 10 min ago"
        QCOMPARE(f.clock.nowMs() - lastSeen, 600'000);
        // The worker restarts and re-registers (auto-approve off): still pending, same id.
        const QJsonObject again = f.registerNode(QStringLiteral("new-node-7"));
        QCOMPARE(again.value(QLatin1String("id")).toString(), id);
        QCOMPARE(again.value(QLatin1String("status")).toString(), QStringLiteral("pending"));
    }

    BOTH_STORES(a35_no_responders_sticky_unhealthy)
    void a35_no_responders_sticky_unhealthy()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend));
        const QString id = f.addNode(QStringLiteral("gpu-a100-2"), NodeStatus::Healthy);
        const Node node = *f.node(id);
        f.registry->noResponders(id, QStringLiteral("nodes.gpu-a100-2.backend.install"));
        f.sync();
        const QString sticky = QStringLiteral("unhealthy / no responders on nodes.gpu-a100-2.backend.install");
        QCOMPARE(status(id), sticky);
        f.monitor->start();
        for (int i = 0; i < 4; ++i) { // fresh heartbeats, probes meet no responders
            f.heartbeat(node, QStringLiteral("running"));
            QVERIFY(advanceTick());
            QCOMPARE(status(id), sticky);
        }
        QCOMPARE(requests(QStringLiteral("nodes.gpu-a100-2.backend.list")), 4);
        QCOMPARE(f.changed.size(), 1);
        // The worker subscribes again: the first tick after makes it healthy.
        f.answerList(QStringLiteral("gpu-a100-2"));
        f.heartbeat(node, QStringLiteral("running"));
        QVERIFY(advanceTick());
        QVERIFY(waitUntil([&] {
            f.sync();
            return status(id) == QLatin1String("healthy");
        }));
        QCOMPARE(f.changed.size(), 2);
        QCOMPARE(f.changed.last().value(QLatin1String("previous_status")).toString(), QStringLiteral("unhealthy"));
        QCOMPARE(f.changed.last().value(QLatin1String("status")).toString(), QStringLiteral("healthy"));
    }

    BOTH_STORES(a41_stopped_worker_does_not_flap)
    void a41_stopped_worker_does_not_flap()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend, NodeFixture::settingsWith({{"nodes/auto_approve", true}})));
        const QString id = f.registerNode(QStringLiteral("gpu-a100-1")).value(QLatin1String("id")).toString();
        const Node node = *f.node(id);
        QCOMPARE(status(id), QStringLiteral("healthy"));
        f.monitor->start();
        // Graceful shutdown.
        f.heartbeat(node, QStringLiteral("draining"));
        QCOMPARE(status(id), QStringLiteral("draining / worker shutting down"));
        f.heartbeat(node, QStringLiteral("stopped"));
        QCOMPARE(status(id), QStringLiteral("offline / worker stopped"));
        for (int i = 0; i < 10; ++i) {
            QVERIFY(advanceTick());
            QCOMPARE(status(id), QStringLiteral("offline / worker stopped"));
        }
        QCOMPARE(requests(QStringLiteral("nodes.gpu-a100-1.backend.list")), 0);
        QCOMPARE(f.registerNode(QStringLiteral("gpu-a100-1")).value(QLatin1String("status")).toString(), QStringLiteral("healthy"));

        // The stopped heartbeat is lost: offline at the first tick more than 60 s after the last one.
        f.heartbeat(node, QStringLiteral("running"));
        const qint64 last = f.clock.nowMs();
        while (f.clock.nowMs() - last + 15'000 <= 60'000) {
            QVERIFY(advanceTick());
            QCOMPARE(status(id), QStringLiteral("healthy"));
        }
        QVERIFY(advanceTick());
        QVERIFY(f.clock.nowMs() - last > 60'000);
        QCOMPARE(status(id), QStringLiteral("offline / heartbeat stale"));
        QCOMPARE(f.node(id)->statusReasonCode, Reason::make("heartbeat_stale")); // docs/reason-codes.md
        QCOMPARE(f.changed.last().value(QLatin1String("reason_code")).toString(), QStringLiteral("heartbeat_stale"));
        QCOMPARE(f.registerNode(QStringLiteral("gpu-a100-1")).value(QLatin1String("status")).toString(), QStringLiteral("healthy"));

        // Drained by admin: stays draining across a worker restart.
        QVERIFY(await(f.registry->drain(id)));
        f.heartbeat(node, QStringLiteral("draining"));
        f.heartbeat(node, QStringLiteral("stopped"));
        QVERIFY(advanceTick(120'000));
        QCOMPARE(status(id), QStringLiteral("draining / drained by admin"));
        QCOMPARE(f.registerNode(QStringLiteral("gpu-a100-1")).value(QLatin1String("status")).toString(), QStringLiteral("draining"));
        QVERIFY(advanceTick());
        QCOMPARE(status(id), QStringLiteral("draining / drained by admin"));
    }

    BOTH_STORES(first_tick_one_period_after_start)
    void first_tick_one_period_after_start()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend, NodeFixture::settingsWith({{"health/tick_s", 20}})));
        f.monitor->start();
        f.clock.advanceMs(19'999);
        f.sync();
        QCOMPARE(f.monitor->passesDone(), 0);
        QVERIFY(advanceTick(1));
        QCOMPARE(f.monitor->passesDone(), 1);
        QVERIFY(advanceTick(20'000));
        QCOMPARE(f.monitor->passesDone(), 2);
        f.monitor->stop();
        f.clock.advanceMs(60'000);
        f.sync();
        QCOMPARE(f.monitor->passesDone(), 2);
    }

    BOTH_STORES(pass_lock_held_elsewhere_skips_tick)
    void pass_lock_held_elsewhere_skips_tick()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend));
        const QString id = f.addNode(QStringLiteral("node-1"), NodeStatus::Healthy, {}, 120'000);
        StoreThread other(f.db->config(), &f.clock, QStringLiteral("nodes-test-other"));
        QVERIFY(other.start());
        QVERIFY(other.callSync([](Store &s) { return s.tryPassLock(PassLock::Health); }).value());
        QVERIFY(!f.tick());
        QCOMPARE(f.monitor->passesSkipped(), 1);
        QCOMPARE(status(id), QStringLiteral("healthy"));
        // Demo mode takes no locks.
        HealthMonitor demo(f.store.get(), f.bus.get(), &f.clock, f.registry.get(), HealthMonitor::Locking::None);
        demo.tick();
        QVERIFY(waitUntil([&] { return demo.passesDone() == 1; }));
        f.sync();
        QCOMPARE(status(id), QStringLiteral("offline / heartbeat stale"));
        QVERIFY(other.callSync([](Store &s) { return s.releasePassLock(PassLock::Health); }));
        other.stop();
        // Lock free again: the pass runs (and releases the lock at its end).
        f.addNode(QStringLiteral("node-2"), NodeStatus::Healthy, {}, 120'000);
        QVERIFY(f.tick());
        QCOMPARE(status(QStringLiteral("node-2")), QStringLiteral("offline / heartbeat stale"));
        QVERIFY(f.tick());
    }

    BOTH_STORES(no_offline_after_store_outage)
    void no_offline_after_store_outage()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend));
        const QString stale = f.addNode(QStringLiteral("node-1"), NodeStatus::Healthy, {}, 300'000);
        const QString back = f.addNode(QStringLiteral("node-2"), NodeStatus::Offline, QStringLiteral("heartbeat stale"), 1000);
        f.monitor->suppressOfflineUntil(f.clock.nowMs() + 60'000); // the store just came back
        QVERIFY(f.tick());
        QCOMPARE(status(stale), QStringLiteral("healthy"));
        QCOMPARE(status(back), QStringLiteral("healthy")); // returning is not suppressed
        f.clock.advanceMs(59'999);
        QVERIFY(f.tick());
        QCOMPARE(status(stale), QStringLiteral("healthy"));
        f.clock.advanceMs(1);
        QVERIFY(f.tick());
        QCOMPARE(status(stale), QStringLiteral("offline / heartbeat stale"));
    }

    BOTH_STORES(one_probe_in_flight_per_node)
    void one_probe_in_flight_per_node()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend, NodeFixture::settingsWith({{"nats/timeout_list_s", 30}})));
        const QString id = f.addNode(QStringLiteral("node-1"), NodeStatus::Unhealthy, QStringLiteral("no responders on x"));
        QObject silent; // a worker that never answers
        f.bus->subscribe(subjects::nodeCommand(QStringLiteral("node-1"), "list"), &silent, [](const BusMessage &) {});
        QVERIFY(f.tick());
        QCOMPARE(f.monitor->probesInFlight(), 1);
        QVERIFY(f.tick());
        QCOMPARE(requests(QStringLiteral("nodes.node-1.backend.list")), 1);
        f.clock.advanceMs(30'000); // the probe times out: still unhealthy
        QVERIFY(waitUntil([&] { return f.monitor->probesInFlight() == 0; }));
        f.sync();
        QCOMPARE(status(id), QStringLiteral("unhealthy / no responders on x"));
        f.heartbeat(*f.node(id), QStringLiteral("running"));
        QVERIFY(f.tick());
        QCOMPARE(requests(QStringLiteral("nodes.node-1.backend.list")), 2);
        // Without a NATS connection no probe is sent (§10.4).
        f.clock.advanceMs(30'000);
        QVERIFY(waitUntil([&] { return f.monitor->probesInFlight() == 0; }));
        f.heartbeat(*f.node(id), QStringLiteral("running"));
        f.bus->setConnectionState(ConnectionState::Disconnected);
        QVERIFY(f.tick());
        QCOMPARE(requests(QStringLiteral("nodes.node-1.backend.list")), 2);
    }
};

QTEST_GUILESS_MAIN(TstNodeHealth)
#include "tst_node_health.moc"
