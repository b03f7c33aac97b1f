#pragma once
// The /metrics figures of `fleetdeck --headless` (docs/metrics.md). Replica-local counters follow the
// engine's signals (OperationService::opChanged/opRemoved, Engine::reconcileReport); the progress
// counts are the engine's own (WorkerClient, OperationService), read at scrape: this object
// subscribes to nothing on the bus. Gauges are read at scrape on the engine thread. The cluster-wide
// figures come from the store through the engine's store thread, every kClusterRefreshMs and only
// while this replica is the upgrade leader; a scrape serves the last ones read, never waiting.
// Lives on the engine thread (the main thread of --headless); attaches to the engine's parts on
// Engine::started.
#include "core/operation.h"
#include "metrics/cluster_stats.h"
#include "metrics/metrics_registry.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <optional>

namespace fleetdeck {
class Engine;
struct ReconcileReport;
}

namespace fleetdeck::metrics {

class ReplicaMetrics final : public QObject {
    Q_OBJECT
public:
    static constexpr int kClusterRefreshMs = 10'000;

    explicit ReplicaMetrics(Engine *engine, QObject *parent = nullptr);
    ~ReplicaMetrics() override;

    // Updates the gauges and returns the text exposition.
    QByteArray render();

private:
    void attach();
    void onOpChanged(const Operation &op);
    void onOpRemoved(const QString &opId);
    void onReport(const ReconcileReport &report);
    void refreshCluster();
    void updateGauges();

    Engine *m_engine;
    Registry m_registry;
    QTimer m_clusterTimer;
    bool m_attached = false;
    bool m_refreshing = false;
    QSet<QString> m_runningHere; // ops this replica started and has not seen end
    QSet<QString> m_ended;       // ops counted as finished, until they leave the status map
    std::optional<ClusterStats> m_cluster;

    Counter *m_started;
    Counter *m_finished;
    Histogram *m_duration;
    Gauge *m_active;
    Gauge *m_executor;
    Counter *m_progress;
    Counter *m_passes;
    Histogram *m_passDuration;
    Counter *m_swept;
    Counter *m_confirmed;
    Counter *m_retried;
    Counter *m_deadLettered;
    Counter *m_reaped;
    Gauge *m_nats;
    Gauge *m_store;
    Gauge *m_leader;
    Gauge *m_clusterNodes;
    Gauge *m_clusterOps;
    Gauge *m_clusterPending;
    Gauge *m_clusterPendingInFlight;
    Gauge *m_clusterDeadLetters;
    Gauge *m_clusterOldest;
    Gauge *m_clusterRefreshed;
};

} // namespace fleetdeck::metrics
