#pragma once
// The health monitor of a long-lived replica (docs/nodes.md#health-monitor): every health/tick_s
// (first tick one period after start), under pass lock `health`, applies the monitor rows of
// docs/nodes.md#statuses to every node by heartbeat age, and probes each `unhealthy` node with a
// fresh heartbeat with one backend.list (at most one in flight per node): an answer makes it
// healthy, "no responders" keeps it unhealthy (D12). The rules themselves live in node_transitions;
// the writes go through the NodeRegistry so every change is published.
#include "config/cluster_settings.h"

#include <QObject>
#include <QSet>
#include <memory>

namespace fleetdeck {

class Bus;
class Clock;
class NodeRegistry;
class StoreThread;
class WorkerClient;

class HealthMonitor final : public QObject {
    Q_OBJECT
public:
    enum class Locking { PassLock, None }; // None: demo mode takes no pass locks (docs/architecture.md#pass-locks)

    HealthMonitor(StoreThread *store, Bus *bus, Clock *clock, NodeRegistry *registry, Locking locking = Locking::PassLock,
                  QObject *parent = nullptr);
    ~HealthMonitor() override;

    void setSettings(const ClusterSettings &settings);
    void start();
    void stop();
    bool isRunning() const { return m_running; }

    // Runs one pass now (also what the timer does). A pass still running makes it a no-op.
    void tick();

    // docs/architecture.md#outages: after a store outage no node is marked offline before `untilMs`
    // (clock time).
    void suppressOfflineUntil(qint64 untilMs) { m_suppressUntilMs = untilMs; }

    int probesInFlight() const { return static_cast<int>(m_probing.size()); }
    int passesDone() const { return m_passes; }
    int passesSkipped() const { return m_skipped; }

Q_SIGNALS:
    // After every tick: `ran` false when the pass was skipped (lock held elsewhere, store error,
    // previous pass still running); `changed` nodes whose status changed.
    void tickFinished(bool ran, int changed);

private:
    void scheduleNext();
    void finish(bool ran, int changed, bool release);
    void probe(const QString &id, const QString &name);

    StoreThread *m_store;
    Bus *m_bus;
    Clock *m_clock;
    NodeRegistry *m_registry;
    Locking m_locking;
    ClusterSettings m_settings;
    std::unique_ptr<WorkerClient> m_client;
    QSet<QString> m_probing;
    quint64 m_timer = 0;
    qint64 m_suppressUntilMs = 0;
    bool m_running = false;
    bool m_inPass = false;
    int m_passes = 0;
    int m_skipped = 0;
};

} // namespace fleetdeck
