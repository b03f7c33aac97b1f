#pragma once
// The common ground of SPEC A28 (engine and window tests): a real PostgreSQL store, a real
// nats-server with a TCP proxy in front of it, R1 (headless) running an install of `whisper` on
// one node whose fake worker reports 30 % at once and answers 60 s (simulated) later. The test
// then starts R2 through proxy() with r2Config() and drives the outage itself.
#include "bus/nats_bus.h"
#include "core/clock.h"
#include "engine.h"
#include "fake_worker.h"
#include "nats_test_server.h"
#include "tcp_proxy.h"
#include "test_db.h"

#include <QTemporaryDir>
#include <functional>
#include <memory>

namespace fleetdeck::test {

// Waits for `pred` while advancing `clock` a little (the bus's and the engine's timers read it);
// false after `timeoutMs` of real time.
bool driveClock(ManualClock &clock, const std::function<bool()> &pred, qint64 stepMs = 50, int timeoutMs = 10000);

class ReconnectScenario final {
public:
    ReconnectScenario();
    ~ReconnectScenario();

    // Everything up to "R1's op is stored at 30 %"; "" when it went well, else what failed.
    QString setUp();
    // R2's configuration: R1's, through the proxy.
    EngineConfig r2Config(const QString &kind) const;
    // Lets R1 finish the op (the worker's 60 s pass); true once the store holds it as success.
    bool finishOpOnR1();
    bool drive(const std::function<bool()> &pred, qint64 stepMs = 50, int timeoutMs = 10000)
    {
        return driveClock(m_clock, pred, stepMs, timeoutMs);
    }
    // Stops R1 without advancing the clock (no new pass starts); R2 is the test's own.
    bool stopR1();

    ManualClock &clock() { return m_clock; }
    TcpProxy &proxy() { return *m_proxy; }
    Engine &r1() { return *m_r1; }
    const QString &opId() const { return m_opId; }

private:
    ManualClock m_clock;
    std::unique_ptr<TestDatabase> m_db;
    NatsTestServer m_nats;
    std::unique_ptr<TcpProxy> m_proxy;
    QTemporaryDir m_dir;
    EngineConfig m_config;
    std::unique_ptr<Engine> m_r1;
    std::unique_ptr<Bus> m_workerBus;
    std::unique_ptr<FakeWorker> m_worker;
    QString m_opId;
};

} // namespace fleetdeck::test
