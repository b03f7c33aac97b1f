#pragma once
// The simulated store calls (tests/sim/README.md "Seams"): each replica's store calls run on the
// main thread, one at a time per connection in call order, after a latency drawn from the seeded
// source (a loaded control-plane database answers in seconds during a "slow store" fault). During
// a store outage every statement fails as a refused connection would; a killed replica's
// connection fails everything it still had queued.
#include "sim_rng.h"
#include "sim_trace.h"
#include "store/store_call_gate.h"

#include <QHash>
#include <QMutex>
#include <atomic>
#include <QObject>
#include <QSet>
#include <deque>

namespace fleetdeck {
class Clock;
}

namespace fleetdeck::sim {

class SimStoreGate final : public QObject, public StoreCallGate {
    Q_OBJECT
public:
    // runsCalls false (PostgreSQL mode): the replicas' store threads run the calls; the gate
    // counts the calls in flight (the loop waits for them) and still injects statement faults.
    SimStoreGate(Clock *clock, Rng *rng, Trace *trace, bool runsCalls = true);

    bool runsCalls() const override { return m_runsCalls; }
    void callStarted(const QString &) override
    {
        ++m_inFlight;
        ++m_calls;
    }
    void callEnded(const QString &) override { --m_inFlight; }
    int inFlight() const { return m_inFlight.load(); }

    void submit(const QString &connection, std::function<void()> job) override;
    void drain(const QString &connection) override;
    QString statementFault(const QString &connection) override;

    // Latency of each call, drawn in [min, max] ms.
    void setLatency(qint64 minMs, qint64 maxMs);
    void setOutage(bool down);
    bool outage() const { return m_outage.load(); }
    // Fails every statement of the connection from now on (a killed replica).
    void kill(const QString &connection);
    qint64 calls() const { return m_calls.load(); }

private:
    struct Queue {
        std::deque<std::function<void()>> jobs;
        bool busy = false;
    };
    void runNext(const QString &connection);
    bool runOne(const QString &connection); // runs the connection's next queued call, if any

    Clock *m_clock;
    Rng *m_rng;
    Trace *m_trace;
    QHash<QString, Queue> m_queues;
    mutable QMutex m_mutex; // m_killed: statementFault runs on store threads in PostgreSQL mode
    QSet<QString> m_killed;
    std::atomic<int> m_inFlight{0};
    bool m_runsCalls = true;
    qint64 m_minMs = 0;
    qint64 m_maxMs = 3;
    std::atomic<bool> m_outage{false};
    std::atomic<qint64> m_calls{0};
};

} // namespace fleetdeck::sim
