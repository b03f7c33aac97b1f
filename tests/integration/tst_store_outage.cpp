// Store outage (SPEC §10.4, §11.8): a replica reaches the real PostgreSQL through a TCP proxy;
// the proxy drops and refuses connections. The replica then reports storeReachable false (and
// Stale once the last good query is older than gui/stale_s, Live again after), refuses
// admissions with "store unreachable: …", leaves the registration queue group, and retries the
// terminal writes of an op that ended during the outage every 5 s; once the proxy accepts again
// the store is reopened, the replica rejoins the queue group and re-seeds.
// fleetdeck-test-labels: postgres
#include "bus/local_bus.h"
#include "cluster/connection_monitor.h"
#include "cluster/node_registry.h"
#include "core/clock.h"
#include "engine.h"
#include "fake_worker.h"
#include "store/store_thread.h"
#include "tcp_proxy.h"
#include "test_db.h"
#include "test_replica.h"
#include "test_util.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {

bool drive(ManualClock &clock, const std::function<bool()> &pred, qint64 stepMs = 50)
{
    QDeadlineTimer deadline(10000);
    while (!pred()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(2);
        if (!pred())
            clock.advanceMs(stepMs);
    }
    return true;
}

template <typename T>
T driveFuture(ManualClock &clock, QFuture<T> f)
{
    if (!drive(clock, [&] { return f.isFinished(); }))
        qFatal("a future did not finish");
    if constexpr (!std::is_void_v<T>)
        return f.result();
}

} // namespace

class TstStoreOutage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void store_outage_and_recovery()
    {
        QString error;
        auto db = TestDatabase::create(Backend::Postgres, &error);
        QVERIFY2(db, qPrintable(error));
        TcpProxy proxy(db->config().host, static_cast<quint16>(db->config().port));
        QVERIFY(proxy.start());
        ManualClock clock;
        LocalBus bus(&clock);
        EngineConfig cfg;
        cfg.kind = QStringLiteral("headless");
        cfg.store = db->config();
        cfg.store.host = QStringLiteral("127.0.0.1");
        cfg.store.port = proxy.port();
        cfg.externalBus = &bus;
        cfg.clock = &clock;
        cfg.helloWindowMs = 200;
        Engine r1(cfg);
        const Engine::StartError started = driveFuture(clock, r1.start());
        QVERIFY2(started.exitCode == 0, qPrintable(started.message));
        r1.catalog()->setIndexes({testGallery()});
        QVERIFY(r1.connectionStatus().storeReachable);
        QCOMPARE(int(r1.connectionStatus().state), int(ConnectionStatus::State::Live));
        QVERIFY(r1.registry()->isStarted());
        QVERIFY(bus.subscriptionCount(QStringLiteral("nodes.register")) > 0);

        // An op running on one node whose worker answers 30 s (simulated) later.
        const QString nodeId = addNode(*r1.store(), QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia"), clock.nowMs());
        FakeWorker worker(&bus, &clock, nodeId, QStringLiteral("gpu-a100-1"));
        worker.delayMs = 30'000;
        AdmitRequest req;
        req.kind = OpKind::Install;
        req.backend = QStringLiteral("whisper");
        const auto admitted = driveFuture(clock, r1.ops()->admit(req));
        QVERIFY2(admitted, qPrintable(admitted ? QString() : admitted.error()));
        const QString opId = admitted->opId;
        QVERIFY(waitUntil([&] { return worker.requestsOf(QStringLiteral("install")).size() == 1; }));

        // The store goes away.
        QSignalSpy changes(&r1, &Engine::connectionChanged);
        QSignalSpy reseeded(&r1, &Engine::reseeded);
        proxy.setDown(true);
        clock.advanceMs(ConnectionMonitor::kStoreIntervalMs);
        QVERIFY(waitUntil([&] { return !r1.connectionStatus().storeReachable; }));
        QVERIFY(!changes.isEmpty());
        QVERIFY2(r1.connectionStatus().reason.startsWith(QLatin1String("store unreachable: ")), qPrintable(r1.connectionStatus().reason));
        QCOMPARE(int(r1.connectionStatus().state), int(ConnectionStatus::State::Live)); // not yet 30 s old
        // Nothing is admitted; registrations and heartbeats go to other replicas.
        const auto refused = driveFuture(clock, r1.ops()->admit(req));
        QVERIFY(!refused);
        QVERIFY2(refused.error().startsWith(QLatin1String("store unreachable: ")), qPrintable(refused.error()));
        QVERIFY(!r1.registry()->isStarted());
        QCOMPARE(bus.subscriptionCount(QStringLiteral("nodes.register")), 0);

        // The worker answers during the outage: the terminal writes fail and are retried.
        clock.advanceMs(30'000);
        QVERIFY(waitUntil([&] { return worker.requestsOf(QStringLiteral("install")).size() == 1 && r1.ops()->runningCount() == 1; }));
        clock.advanceMs(ConnectionMonitor::kStoreIntervalMs);
        QVERIFY(waitUntil([&] { return r1.connectionStatus().state == ConnectionStatus::State::Stale; }));
        QVERIFY(r1.connectionStatus().reason.startsWith(QLatin1String("store unreachable: ")));
        QVERIFY(!r1.connectionStatus().storeReachable);
        QCOMPARE(reseeded.count(), 0);

        // The store comes back: reopened at the next 5-s check, the terminal writes land, the
        // replica rejoins the queue group and re-seeds.
        proxy.setDown(false);
        QVERIFY(drive(clock, [&] { return r1.connectionStatus().storeReachable && reseeded.count() > 0; }, 500));
        QCOMPARE(int(r1.connectionStatus().state), int(ConnectionStatus::State::Live));
        QVERIFY(r1.registry()->isStarted());
        QVERIFY(bus.subscriptionCount(QStringLiteral("nodes.register")) > 0);
        QVERIFY(drive(clock, [&] {
            const auto stored = r1.store()->callSync([opId](Store &s) { return s.getOp(opId); });
            return stored && stored.value() && stored.value()->state == OpState::Success && !stored.value()->nodes.isEmpty()
                && stored.value()->nodes.first().status == NodeRowStatus::Success;
        }, 500));
        const auto history = r1.store()->callSync([](Store &s) { return s.listHistory(10); });
        QVERIFY(history);
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->first().outcome, QStringLiteral("success"));
        // In memory the op is success, or gone when the re-seed ran after the write (it is in History).
        QVERIFY(drive(clock, [&] {
            const auto m = r1.ops()->statusMap().get(opId);
            return !m || m->state == OpState::Success;
        }));
        for (const Operation &op : r1.ops()->listOps())
            QVERIFY(op.id != opId);
        // Admissions work again.
        const auto again = driveFuture(clock, r1.ops()->admit(req));
        QVERIFY2(again, qPrintable(again ? QString() : again.error()));

        auto stopped = r1.stop();
        QVERIFY(waitUntil([&] { return stopped.isFinished(); }));
    }
};

QTEST_GUILESS_MAIN(TstStoreOutage)
#include "tst_store_outage.moc"
