// A28 — Reconnect re-seeds (SPEC §11.8, §10.4), on a real nats-server: R1 and R2 share the real
// PostgreSQL store; R2 reaches NATS through a TCP proxy. R2 shows R1's op at 30 %; the proxy
// closes R2's connection and refuses reconnects while R1 finishes the op; R2's indicator reads
// Disconnected; once the proxy accepts again R2 re-seeds: the op is gone from its list, History
// has its success, and no memory is left at 30 %.
// fleetdeck-test-labels: postgres
#include "cluster/connection_monitor.h"
#include "core/clock.h"
#include "engine.h"
#include "nats_test_server.h"
#include "store/store_thread.h"
#include "reconnect_scenario.h"
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

QString stateName(const ConnectionStatus &s)
{
    switch (s.state) {
    case ConnectionStatus::State::Live:
        return QStringLiteral("live");
    case ConnectionStatus::State::Stale:
        return QStringLiteral("stale");
    case ConnectionStatus::State::Disconnected:
        return QStringLiteral("disconnected");
    }
    return {};
}

} // namespace

class TstReconnectReseed : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void a28_reconnect_reseeds()
    {
        ReconnectScenario sc;
        const QString setUpError = sc.setUp();
        QVERIFY2(setUpError.isEmpty(), qPrintable(setUpError));
        TcpProxy &proxy = sc.proxy();
        Engine &r1 = sc.r1();
        const QString opId = sc.opId();
        Engine r2(sc.r2Config(QStringLiteral("headless")));

        // R2 starts through the proxy and shows the op at 30 %.
        auto started2 = r2.start();
        QVERIFY(sc.drive([&] { return started2.isFinished(); }, 20));
        QVERIFY2(started2.result().exitCode == 0, qPrintable(started2.result().message));
        QCOMPARE(stateName(r2.connectionStatus()), QStringLiteral("live"));
        QVERIFY(r2.connectionStatus().storeReachable);
        QVERIFY(waitUntil([&] {
            const auto op = r2.ops()->statusMap().get(opId);
            return op && op->progress == 30 && op->state == OpState::Running;
        }));
        bool shown = false;
        for (const Operation &op : r2.ops()->listOps())
            shown = shown || op.id == opId;
        QVERIFY(shown);
        QCOMPARE(toString(r1.store()->callSync([opId](Store &s) { return s.getOp(opId); }).value()->state), toString(OpState::Running));

        // The proxy closes R2's connection and refuses reconnects.
        QSignalSpy reseeded(&r2, &Engine::reseeded);
        QSignalSpy changes(&r2, &Engine::connectionChanged);
        proxy.setDown(true);
        QVERIFY(waitUntil([&] { return stateName(r2.connectionStatus()) == QLatin1String("disconnected"); }));
        QCOMPARE(r2.connectionStatus().reason, QStringLiteral("NATS %1 unreachable, retrying").arg(proxy.url()));
        QCOMPARE(stateName(r1.connectionStatus()), QStringLiteral("live"));
        QVERIFY(!changes.isEmpty()); // what a GUI is told
        QCOMPARE(stateName(changes.last().first().value<ConnectionStatus>()), QStringLiteral("disconnected"));

        // Meanwhile R1 finishes the op successfully; R2 hears nothing of it.
        QVERIFY(sc.finishOpOnR1());
        QVERIFY(waitUntil([&] {
            const auto h = r1.store()->callSync([](Store &s) { return s.listHistory(10); });
            return h && !h.value().isEmpty();
        }));
        QCOMPARE(r2.ops()->statusMap().get(opId)->progress, 30);
        QCOMPARE(stateName(r2.connectionStatus()), QStringLiteral("disconnected"));

        // The proxy accepts again: R2 reconnects and re-seeds from the store.
        proxy.setDown(false);
        QVERIFY(waitUntil([&] { return reseeded.count() > 0; }, 10000));
        QCOMPARE(stateName(r2.connectionStatus()), QStringLiteral("live"));
        for (const Operation &op : r2.ops()->listOps())
            QVERIFY2(op.id != opId, "the finished op is still in R2's operations list");
        for (const Operation &op : r2.ops()->statusMap().snapshot())
            QVERIFY2(op.progress != 30 || isTerminal(op.state), "a bar is left at 30 %");
        QVERIFY(!r2.ops()->statusMap().get(opId) || r2.ops()->statusMap().get(opId)->state == OpState::Success);
        const auto history = r2.store()->callSync([](Store &s) { return s.listHistory(10); });
        QVERIFY(history);
        bool success = false;
        for (const HistoryEntry &h : history.value())
            success = success || (h.opId == opId && h.outcome == QLatin1String("success"));
        QVERIFY2(success, "R2's History lacks the op's success");

        auto s2 = r2.stop();
        QVERIFY(waitUntil([&] { return s2.isFinished(); })); // no clock advance: no new pass starts
        QVERIFY(sc.stopR1());
    }

    // §11.8 "stale": NATS still connected, but the flushes (every 10 s, 2 s timeout) go
    // unanswered through a proxy that silently stops forwarding; once the last good flush is
    // older than gui/stale_s the indicator reads Stale with the reason, and Live after traffic
    // flows again. (nats.c's own pings would notice only after 20–30 s of real time.)
    void stale_when_flushes_go_unanswered()
    {
        QString error;
        auto db = TestDatabase::create(Backend::Sqlite, &error);
        QVERIFY2(db, qPrintable(error));
        NatsTestServer nats;
        QVERIFY2(nats.start(), qPrintable(nats.errorString()));
        TcpProxy proxy(QStringLiteral("127.0.0.1"), nats.port());
        QVERIFY(proxy.start());
        ManualClock clock;
        EngineConfig cfg;
        cfg.kind = QStringLiteral("headless");
        cfg.store = db->config();
        cfg.clock = &clock;
        cfg.helloWindowMs = 200;
        cfg.nats = NatsConfig{};
        cfg.nats->url = proxy.url();
        Engine r(cfg);
        auto started = r.start();
        QVERIFY(driveClock(clock, [&] { return started.isFinished(); }));
        QVERIFY2(started.result().exitCode == 0, qPrintable(started.result().message));
        QCOMPARE(stateName(r.connectionStatus()), QStringLiteral("live"));
        const qint64 since = r.connectionMonitor()->lastFlushOkMs();
        // The bus confirms its subscriptions with flushes, one at a time: let those finish first.
        std::optional<bool> flushed;
        r.bus()->flush(5000, this, [&](bool ok, const QString &) { flushed = ok; });
        QVERIFY(waitUntil([&] { return flushed.has_value(); }));
        QVERIFY(*flushed);

        proxy.setStalled(true);
        clock.advanceMs(10'000); // a flush is sent; it times out after 2 s
        QTest::qWait(2500);
        QCOMPARE(stateName(r.connectionStatus()), QStringLiteral("live")); // not 30 s yet
        clock.advanceMs(21'000);
        QVERIFY(waitUntil([&] {
            return stateName(r.connectionStatus()) == QLatin1String("stale")
                && r.connectionStatus().reason.contains(QLatin1String("flush failed"));
        }));
        QCOMPARE(r.connectionStatus().staleSinceMs, since);
        QVERIFY2(r.connectionStatus().reason.startsWith(QLatin1String("NATS ")), qPrintable(r.connectionStatus().reason));
        QVERIFY(r.connectionStatus().storeReachable);

        proxy.setStalled(false);
        QVERIFY(driveClock(clock, [&] { return stateName(r.connectionStatus()) == QLatin1String("live"); }, 1000));
        auto stopped = r.stop();
        QVERIFY(waitUntil([&] { return stopped.isFinished(); }));
    }
};

QTEST_GUILESS_MAIN(TstReconnectReseed)
#include "tst_reconnect_reseed.moc"
