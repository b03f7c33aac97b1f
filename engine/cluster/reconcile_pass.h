#pragma once
// One reconcile pass (docs/operations.md#reconcile-pass steps 1–6), after the lock was taken.
// Deletes itself when done. Each step's store work is a function of cluster/reconcile_steps.h
// (bench_reconcile measures those).
#include "cluster/reconcile_report.h"
#include "core/node.h"
#include "core/pending_node_op.h"
#include "core/deferred.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace fleetdeck {

class ClusterListing;
class NodeEvents;
class OperationService;
class WorkerClient;
struct ClusterListingResult;
struct DueNodes;
template <typename R> struct WorkerOutcome;

class ReconcilePass final : public QObject {
    Q_OBJECT
public:
    ReconcilePass(OperationService *ops, WorkerClient *client, ClusterListing *listing, NodeEvents *events,
                  ReconcileReport report, Deferred<ReconcileReport> done);
    void start();
    // Step 1 only (also used by cleanStalePending).
    static QFuture<int> sweep(OperationService *ops);

private:
    void afterSweep(int deleted);
    void loadDue();
    void confirm(const DueNodes &due);
    void retryDue(const ClusterListingResult &listing);
    void startRetries();
    void sendOne(const PendingNodeOp &row);
    void applyResult(const PendingNodeOp &row, bool success, const Reason &error, bool noResponders);
    void maybeFinish();
    void finish();

    OperationService *m_ops;
    WorkerClient *m_client;
    ClusterListing *m_listing;
    NodeEvents *m_events;
    ReconcileReport m_report;
    Deferred<ReconcileReport> m_done;
    qint64 m_started = 0;
    QHash<QString, Node> m_nodes;
    QList<PendingNodeOp> m_queue;    // rows to retry, in due order
    QSet<QString> m_busyNodes;       // one request per node
    int m_inFlight = 0;
    bool m_reported = false;
    quint64 m_waitTimer = 0;
    QSet<QString> m_touchedOps;
};

} // namespace fleetdeck
