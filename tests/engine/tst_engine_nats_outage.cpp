// NATS outage of one replica (SPEC §10.4, §11.8) on the in-process bus and SQLite: while the bus
// is not connected the engine reads Disconnected, still admits (the op waits queued, owner NULL)
// but claims nothing, and skips the upgrade check; once connected again it re-seeds and claims.
#include "bus/local_bus.h"
#include "cluster/upgrade_checker.h"
#include "core/clock.h"
#include "engine.h"
#include "store/store_thread.h"
#include "test_db.h"
#include "test_util.h"

#include <QSignalSpy>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {

bool drive(ManualClock &clock, const std::function<bool()> &pred, qint64 stepMs = 100)
{
    QDeadlineTimer deadline(10000);
    while (!pred()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(1);
        if (!pred())
            clock.advanceMs(stepMs);
    }
    return true;
}

} // namespace

class TstEngineNatsOutage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nats_down_admits_but_claims_nothing()
    {
        QString error;
        auto db = TestDatabase::create(Backend::Sqlite, &error);
        QVERIFY2(db, qPrintable(error));
        ManualClock clock;
        LocalBus bus(&clock);
        EngineConfig cfg;
        cfg.kind = QStringLiteral("headless");
        cfg.store = db->config();
        cfg.externalBus = &bus;
        cfg.clock = &clock;
        cfg.helloWindowMs = 200;
        Engine r1(cfg);
        auto started = r1.start();
        QVERIFY(drive(clock, [&] { return started.isFinished(); }));
        QVERIFY2(started.result().exitCode == 0, qPrintable(started.result().message));
        QCOMPARE(int(r1.connectionStatus().state), int(ConnectionStatus::State::Live));

        // Let the start-up upgrade check (500 ms quiet window) finish first.
        clock.advanceMs(1'000);
        QVERIFY(waitUntil([&] { return r1.upgrades()->checksRun() >= (r1.upgrades()->isLeader() ? 1 : 0); }));
        QTest::qWait(20);
        QSignalSpy reseeded(&r1, &Engine::reseeded);
        bus.setConnectionState(ConnectionState::Reconnecting);
        QCOMPARE(int(r1.connectionStatus().state), int(ConnectionStatus::State::Disconnected));
        QVERIFY(r1.connectionStatus().storeReachable); // only NATS is down: actions stay enabled

        AdmitRequest req;
        req.kind = OpKind::Delete;
        req.backend = QStringLiteral("bark");
        auto admitted = r1.ops()->admit(req);
        QVERIFY(waitUntil([&] { return admitted.isFinished(); }));
        QVERIFY2(admitted.result(), qPrintable(admitted.result() ? QString() : admitted.result().error()));
        const QString opId = admitted.result()->opId;
        auto stored = [&]() { return r1.store()->callSync([opId](Store &s) { return s.getOp(opId); }).value(); };
        const int checksBefore = r1.upgrades()->checksRun();
        // Several claim polls (5 s) and an upgrade trigger pass: nothing is claimed or checked.
        r1.upgrades()->trigger();
        for (int i = 0; i < 6; ++i) {
            clock.advanceMs(5'000);
            QTest::qWait(20);
        }
        QCOMPARE(toString(stored()->state), toString(OpState::Queued));
        QVERIFY(!stored()->ownerReplicaId || stored()->ownerReplicaId->isEmpty());
        QCOMPARE(r1.upgrades()->checksRun(), checksBefore);
        QCOMPARE(reseeded.count(), 0);

        // Back: the replica re-seeds and claims the op (no node: it fails "no eligible nodes").
        bus.setConnectionState(ConnectionState::Connected);
        QCOMPARE(int(r1.connectionStatus().state), int(ConnectionStatus::State::Live));
        QVERIFY(drive(clock, [&] { return reseeded.count() > 0 && stored()->state == OpState::Failed; }));
        QCOMPARE(stored()->ownerReplicaId.value_or(QString()), r1.identity().replicaId);
        QVERIFY2(stored()->error.value_or(QString()).startsWith(QLatin1String("no eligible nodes")), qPrintable(stored()->error.value_or(QString())));

        auto stopped = r1.stop();
        QVERIFY(waitUntil([&] { return stopped.isFinished(); }));
    }
};

QTEST_GUILESS_MAIN(TstEngineNatsOutage)
#include "tst_engine_nats_outage.moc"
