#pragma once
// The cluster-wide figures of /metrics (docs/metrics.md), read from the store in one store-thread
// call. Only the upgrade leader exports them, so a sum over the replicas counts each once.
#include "core/result.h"

#include <QMap>
#include <QString>

namespace fleetdeck {
class Store;
}

namespace fleetdeck::metrics {

struct ClusterStats {
    QMap<QString, int> nodesByStatus;    // every status, 0 included
    QMap<QString, int> activeOpsByState; // queued, running, running_on_worker
    int pendingRows = 0;                 // pending_node_ops rows
    int pendingInFlight = 0;             // of which a worker is working on now
    int deadLetters = 0;                 // dead_letter entries in the (bounded) History
    qint64 oldestActiveCreatedAt = 0;    // ms since the epoch; 0 = no active op
    qint64 collectedAt = 0;              // ms since the epoch
};

// Runs on the store thread (StoreThread::call).
Result<ClusterStats> collectClusterStats(Store &store, qint64 nowMs);

} // namespace fleetdeck::metrics
