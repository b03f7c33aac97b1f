#pragma once
// The reconciler of docs/operations.md#reconciler: every reconcile/tick_s (first run one period
// after start) and on demand, under pass lock `reconcile`: reap (manual passes), sweep, due list,
// confirm by listing, retry without op id or subscription (≤ 1 per node, retry_parallel in all),
// apply the results with backoff and dead letters, re-evaluate touched ops, publish the report.
// Never blocks on a slow worker: the pass waits at most reconcile/pass_wait_s for replies and
// reports the rest as in flight; their replies are applied when they arrive.
#include "cluster/reconcile_report.h"

#include <QFuture>
#include <QObject>

namespace fleetdeck {

class ClusterListing;
class NodeEvents;
class OperationService;
class WorkerClient;

class Reconciler final : public QObject {
    Q_OBJECT
public:
    struct Deps {
        OperationService *ops = nullptr; // store, bus, clock, settings, identity come from here
        WorkerClient *client = nullptr;
        ClusterListing *listing = nullptr;
        NodeEvents *events = nullptr;
        bool passLocks = true;           // demo mode takes no pass locks
    };
    explicit Reconciler(Deps deps, QObject *parent = nullptr);
    ~Reconciler() override;

    void start();
    void stop();
    // One pass; `manual` passes also reap stale operations first (step 0).
    QFuture<ReconcileReport> runPass(bool manual);
    // The sweep alone, without the lock ("Clean stale pending ops", `fleetdeckctl clean-pending`).
    QFuture<int> cleanStalePending();
    bool isRunning() const { return m_running; }
    const ReconcileReport &lastReport() const { return m_last; }

Q_SIGNALS:
    void reportReady(const fleetdeck::ReconcileReport &report);

private:
    void schedule();
    void finishPass(const ReconcileReport &report, bool locked);

    Deps m_deps;
    quint64 m_timer = 0;
    bool m_stopped = false;
    bool m_running = false;
    ReconcileReport m_last;
};

} // namespace fleetdeck
