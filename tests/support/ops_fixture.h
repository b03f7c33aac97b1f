#pragma once
// Shared set-up of the engine acceptance tests: a fresh store of the test row's backend
// (SQLite or the real PostgreSQL), one in-process bus and one manual clock.
#include "bus/local_bus.h"
#include "demo/offset_clock.h"
#include "test_db.h"
#include "test_replica.h"
#include "test_util.h"

#include <QtTest>

namespace fleetdeck::test {

class OpsFixture {
public:
    ManualClock clock;
    std::unique_ptr<LocalBus> bus;
    std::unique_ptr<TestDatabase> db;
    std::vector<std::unique_ptr<TestReplica>> replicas;
    std::vector<std::unique_ptr<OffsetClock>> skewedClocks; // outlive the replicas that read them

    // Creates the store for the current QTest row ("backend" column). Returns false on failure
    // (the test has already been marked failed).
    bool setUp()
    {
        QFETCH(fleetdeck::test::Backend, backend);
        QString error;
        db = TestDatabase::create(backend, &error);
        if (!db) {
            QTest::qFail(qPrintable(error), __FILE__, __LINE__);
            return false;
        }
        bus = std::make_unique<LocalBus>(&clock);
        return true;
    }

    void tearDown()
    {
        replicas.clear();
        skewedClocks.clear();
        bus.reset();
        db.reset();
    }

    TestReplica *replica(const QString &kind = QStringLiteral("headless"), const ClusterSettings &settings = {},
                         TestReplica::Runner runner = TestReplica::Runner::Fake, NodeEvents *events = nullptr,
                         Clock *replicaClock = nullptr)
    {
        replicas.push_back(std::make_unique<TestReplica>(db->config(), bus.get(), replicaClock ? replicaClock : &clock, kind,
                                                         settings, runner, events));
        TestReplica *r = replicas.back().get();
        const Status st = r->start();
        if (!st) {
            QTest::qFail(qPrintable(QStringLiteral("replica start failed: ") + st.error()), __FILE__, __LINE__);
            return nullptr;
        }
        return r;
    }

    // A long-lived replica running the real fan-out (engine/cluster/fan_out.h).
    TestReplica *fanOutReplica(NodeEvents *events = nullptr, const ClusterSettings &settings = {})
    {
        return replica(QStringLiteral("headless"), settings, TestReplica::Runner::FanOut, events);
    }

    // A long-lived replica whose clock reads the fixture's shifted by skewMs (machines' clocks
    // differ by seconds; timers still run on the fixture's clock).
    TestReplica *skewedReplica(qint64 skewMs)
    {
        skewedClocks.push_back(std::make_unique<OffsetClock>(&clock, skewMs));
        return replica(QStringLiteral("headless"), {}, TestReplica::Runner::Fake, nullptr, skewedClocks.back().get());
    }

    void dropReplica(TestReplica *r)
    {
        for (auto it = replicas.begin(); it != replicas.end(); ++it)
            if (it->get() == r) {
                replicas.erase(it);
                return;
            }
    }

    // Polls `pred`, advancing the injected clock by `stepMs` between polls (10 s real time at most).
    bool advanceUntil(const std::function<bool()> &pred, qint64 stepMs = 100, qint64 maxSimulatedMs = 3'600'000)
    {
        const qint64 start = clock.nowMs();
        QDeadlineTimer deadline(10000);
        while (!pred()) {
            if (deadline.hasExpired() || clock.nowMs() - start > maxSimulatedMs)
                return false;
            for (int i = 0; i < 5; ++i) {
                QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
                QThread::usleep(200);
            }
            if (!pred())
                clock.advanceMs(stepMs);
        }
        return true;
    }

    // Lets queued work (store round-trips, bus deliveries) finish without moving the clock.
    void settle(int ms = 100) { waitUntil([] { return false; }, ms); }

    static ClusterSettings settingsWith(std::initializer_list<std::pair<const char *, QJsonValue>> values)
    {
        ClusterSettings::Rows rows;
        for (const auto &[k, v] : values)
            rows.insert(QString::fromLatin1(k), v);
        return ClusterSettings(rows);
    }
};

} // namespace fleetdeck::test
