#include "metrics/cluster_stats.h"

#include "core/history_entry.h"
#include "core/node.h"
#include "core/op_types.h"
#include "core/operation.h"
#include "core/pending_node_op.h"
#include "store/store.h"

#include <limits>

namespace fleetdeck::metrics {

Result<ClusterStats> collectClusterStats(Store &store, qint64 nowMs)
{
    using R = Result<ClusterStats>;
    ClusterStats out;
    out.collectedAt = nowMs;
    for (NodeStatus s : {NodeStatus::Pending, NodeStatus::Healthy, NodeStatus::Unhealthy, NodeStatus::Offline,
                         NodeStatus::Draining})
        out.nodesByStatus.insert(toString(s), 0);
    for (OpState s : {OpState::Queued, OpState::Running, OpState::RunningOnWorker})
        out.activeOpsByState.insert(toString(s), 0);

    const Result<QList<Node>> nodes = store.listNodes();
    if (!nodes)
        return R::failure(nodes.error());
    for (const Node &n : nodes.value())
        ++out.nodesByStatus[toString(n.status)];

    const Result<QList<PendingNodeOp>> pending = store.listPending();
    if (!pending)
        return R::failure(pending.error());
    out.pendingRows = int(pending->size());
    for (const PendingNodeOp &p : pending.value())
        out.pendingInFlight += p.inFlight ? 1 : 0;

    const Result<QList<HistoryEntry>> history = store.listHistory(100000); // pruned to ops/history_size
    if (!history)
        return R::failure(history.error());
    for (const HistoryEntry &h : history.value())
        out.deadLetters += h.entryKind == QLatin1String("dead_letter") ? 1 : 0;

    // Every active op: "stale before the end of time".
    const Result<QList<Operation>> active = store.listStaleActive(std::numeric_limits<qint64>::max());
    if (!active)
        return R::failure(active.error());
    for (const Operation &op : active.value()) {
        ++out.activeOpsByState[toString(op.state)];
        if (out.oldestActiveCreatedAt == 0 || op.createdAt < out.oldestActiveCreatedAt)
            out.oldestActiveCreatedAt = op.createdAt;
    }
    return out;
}

} // namespace fleetdeck::metrics
