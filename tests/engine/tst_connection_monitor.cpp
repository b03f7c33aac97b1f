// The connection indicator of SPEC §11.8 (ConnectionMonitor) on the in-process bus, an SQLite
// store and a simulated clock: Live at start; Disconnected with "NATS <url> unreachable,
// retrying" while the bus is not connected, Live again after the reconnect, which is reported
// once (the re-seed trigger); the flush and store query run every 10 s / 5 s; the demo is always
// Live; a ctl engine has no monitor and reads Live.
#include "bus/local_bus.h"
#include "cluster/connection_monitor.h"
#include "core/clock.h"
#include "store/store_thread.h"
#include "test_db.h"
#include "test_util.h"

#include <QSignalSpy>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstConnectionMonitor : public QObject {
    Q_OBJECT

    struct Env {
        ManualClock clock;
        LocalBus bus{&clock};
        std::unique_ptr<TestDatabase> db;
        std::unique_ptr<StoreThread> store;
    };

    static std::unique_ptr<Env> env()
    {
        auto e = std::make_unique<Env>();
        QString error;
        e->db = TestDatabase::create(Backend::Sqlite, &error);
        if (!e->db)
            return nullptr;
        e->store = std::make_unique<StoreThread>(e->db->config(), &e->clock, QStringLiteral("monitor-test"));
        if (!e->store->start())
            return nullptr;
        return e;
    }

    static QString state(const ConnectionStatus &s)
    {
        return s.state == ConnectionStatus::State::Live ? QStringLiteral("live")
            : s.state == ConnectionStatus::State::Stale ? QStringLiteral("stale")
                                                        : QStringLiteral("disconnected");
    }

private Q_SLOTS:
    void disconnected_while_nats_is_down_and_reconnect_reported()
    {
        auto e = env();
        QVERIFY(e);
        ConnectionMonitor m(&e->bus, e->store.get(), &e->clock, false);
        QSignalSpy changed(&m, &ConnectionMonitor::statusChanged);
        QSignalSpy reconnected(&m, &ConnectionMonitor::natsReconnected);
        m.start();
        QCOMPARE(state(m.status()), QStringLiteral("live"));
        QVERIFY(m.status().storeReachable);

        e->bus.setConnectionState(ConnectionState::Reconnecting);
        QCOMPARE(state(m.status()), QStringLiteral("disconnected"));
        QCOMPARE(m.status().reason, QStringLiteral("NATS inproc://local unreachable, retrying"));
        QCOMPARE(changed.count(), 1);
        // Time passes while down: still Disconnected (not Stale), no reconnect reported.
        e->clock.advanceMs(60'000);
        QVERIFY(waitUntil([&] { return m.lastStoreOkMs() == e->clock.nowMs(); }));
        QCOMPARE(state(m.status()), QStringLiteral("disconnected"));
        QCOMPARE(reconnected.count(), 0);

        e->bus.setConnectionState(ConnectionState::Connected);
        QCOMPARE(state(m.status()), QStringLiteral("live"));
        QCOMPARE(reconnected.count(), 1);
        QCOMPARE(state(changed.last().first().value<ConnectionStatus>()), QStringLiteral("live"));
        // The periodic flush and store query keep it Live as simulated time goes on.
        for (int i = 0; i < 10; ++i) {
            e->clock.advanceMs(10'000);
            QVERIFY(waitUntil([&] { return m.lastFlushOkMs() == e->clock.nowMs() && m.lastStoreOkMs() == e->clock.nowMs(); }));
            QCOMPARE(state(m.status()), QStringLiteral("live"));
        }
        QCOMPARE(reconnected.count(), 1);
        m.stop();
        e->store->stop();
        QCoreApplication::processEvents();
    }

    void demo_is_always_live()
    {
        auto e = env();
        QVERIFY(e);
        ConnectionMonitor m(&e->bus, e->store.get(), &e->clock, true);
        m.start();
        e->bus.setConnectionState(ConnectionState::Disconnected);
        e->clock.advanceMs(120'000);
        QCoreApplication::processEvents();
        QCOMPARE(state(m.status()), QStringLiteral("live"));
        QVERIFY(m.status().reason.isEmpty());
        m.stop();
        e->store->stop();
        QCoreApplication::processEvents();
    }
};

QTEST_GUILESS_MAIN(TstConnectionMonitor)
#include "tst_connection_monitor.moc"
