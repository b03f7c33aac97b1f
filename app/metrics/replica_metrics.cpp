#include "metrics/replica_metrics.h"

#include "cluster/connection_monitor.h"
#include "cluster/reconcile_report.h"
#include "cluster/upgrade_checker.h"
#include "engine.h"
#include "metrics/metrics_setup.h"
#include "ops/operation_service.h"
#include "store/store_thread.h"

#include <QDateTime>
#include <QLoggingCategory>

namespace fleetdeck::metrics {

Q_LOGGING_CATEGORY(lcReplicaMetrics, "fleetdeck.metrics")

namespace {

const QList<double> kOpBounds{1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200};
const QList<double> kPassBounds{0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};

QStringList kinds() { return {toString(OpKind::Install), toString(OpKind::Upgrade), toString(OpKind::Delete)}; }
QStringList outcomes() { return {toString(OpState::Success), toString(OpState::Failed), toString(OpState::Cancelled)}; }
QStringList activeStates()
{
    return {toString(OpState::Queued), toString(OpState::Running), toString(OpState::RunningOnWorker)};
}

} // namespace

ReplicaMetrics::ReplicaMetrics(Engine *engine, QObject *parent) : QObject(parent), m_engine(engine)
{
    Registry &r = m_registry;
    addProcessMetrics(r);
    m_started = r.counter(QStringLiteral("fleetdeck_operations_started_total"),
                          QStringLiteral("Operations this replica's executor took on and started (claimed after admission by any replica or fleetdeckctl)."),
                          {QStringLiteral("kind")});
    m_finished = r.counter(QStringLiteral("fleetdeck_operations_finished_total"),
                           QStringLiteral("Operations started by this replica that reached a terminal state, by outcome."),
                           {QStringLiteral("kind"), QStringLiteral("outcome")});
    m_duration = r.histogram(QStringLiteral("fleetdeck_operation_duration_seconds"),
                             QStringLiteral("Time from admission to the terminal state of the operations counted in fleetdeck_operations_finished_total."),
                             kOpBounds, {QStringLiteral("kind")});
    for (const QString &k : kinds()) {
        m_started->touch({k});
        m_duration->touch({k});
        for (const QString &o : outcomes())
            m_finished->touch({k, o});
    }
    m_active = r.gauge(QStringLiteral("fleetdeck_operations_active"),
                       QStringLiteral("Active operations in this replica's status map, by state (every replica holds the whole cluster's: do not sum)."),
                       {QStringLiteral("state")});
    m_executor = r.gauge(QStringLiteral("fleetdeck_executor_running_operations"),
                         QStringLiteral("Operations this replica's executor is running now."));
    m_progress = r.counter(QStringLiteral("fleetdeck_progress_events_received_total"),
                           QStringLiteral("Progress messages received: from workers for operations this replica runs (source=worker), and operation status broadcasts (source=broadcast)."),
                           {QStringLiteral("source")});
    m_progress->touch({QStringLiteral("worker")});
    m_progress->touch({QStringLiteral("broadcast")});
    m_passes = r.counter(QStringLiteral("fleetdeck_reconcile_passes_total"),
                         QStringLiteral("Reconcile passes this replica ran under the reconcile pass lock."));
    m_passDuration = r.histogram(QStringLiteral("fleetdeck_reconcile_pass_duration_seconds"),
                                 QStringLiteral("Duration of the reconcile passes this replica ran."), kPassBounds);
    m_swept = r.counter(QStringLiteral("fleetdeck_reconcile_pending_swept_total"),
                        QStringLiteral("Stale pending node ops deleted by this replica's reconcile passes."));
    m_confirmed = r.counter(QStringLiteral("fleetdeck_reconcile_confirmed_total"),
                            QStringLiteral("Pending node ops confirmed by listing in this replica's reconcile passes."));
    m_retried = r.counter(QStringLiteral("fleetdeck_reconcile_retried_total"),
                          QStringLiteral("Pending node ops retried by this replica's reconcile passes, by result (in_flight: no reply within the pass)."),
                          {QStringLiteral("result")});
    for (const char *res : {"succeeded", "failed", "in_flight"})
        m_retried->touch({QLatin1String(res)});
    m_deadLettered = r.counter(QStringLiteral("fleetdeck_reconcile_dead_lettered_total"),
                               QStringLiteral("Pending node ops dead-lettered by this replica's reconcile passes."));
    m_reaped = r.counter(QStringLiteral("fleetdeck_reconcile_ops_reaped_total"),
                         QStringLiteral("Stale operations reaped by this replica's reconcile passes."));
    m_nats = r.gauge(QStringLiteral("fleetdeck_nats_connected"), QStringLiteral("1 while the NATS connection is up."));
    m_store = r.gauge(QStringLiteral("fleetdeck_store_reachable"),
                      QStringLiteral("1 while the store answers this replica's queries (0 before the replica started)."));
    m_leader = r.gauge(QStringLiteral("fleetdeck_upgrade_leader"),
                       QStringLiteral("1 while this replica holds the upgrade pass lock; only the leader exports fleetdeck_cluster_*."));
    m_clusterNodes = r.gauge(QStringLiteral("fleetdeck_cluster_nodes"), QStringLiteral("Nodes in the store, by status (upgrade leader only)."),
                             {QStringLiteral("status")});
    m_clusterOps = r.gauge(QStringLiteral("fleetdeck_cluster_operations_active"),
                           QStringLiteral("Active operations in the store, by state (upgrade leader only)."), {QStringLiteral("state")});
    m_clusterPending = r.gauge(QStringLiteral("fleetdeck_cluster_pending_node_ops"),
                               QStringLiteral("Rows of pending_node_ops: node operations still to confirm or retry (upgrade leader only)."));
    m_clusterPendingInFlight = r.gauge(QStringLiteral("fleetdeck_cluster_pending_node_ops_in_flight"),
                                       QStringLiteral("Pending node ops a retry is waiting on (upgrade leader only)."));
    m_clusterDeadLetters = r.gauge(QStringLiteral("fleetdeck_cluster_dead_letters"),
                                   QStringLiteral("Dead-letter entries in the History (bounded by ops/history_size; upgrade leader only)."));
    m_clusterOldest = r.gauge(QStringLiteral("fleetdeck_cluster_oldest_active_operation_age_seconds"),
                              QStringLiteral("Age of the oldest active operation, 0 when none (upgrade leader only)."));
    m_clusterRefreshed = r.gauge(QStringLiteral("fleetdeck_cluster_stats_timestamp_seconds"),
                                 QStringLiteral("When the fleetdeck_cluster_* figures were read from the store (upgrade leader only)."));

    connect(m_engine, &Engine::started, this, &ReplicaMetrics::attach);
    if (m_engine->isStarted())
        attach();
    m_clusterTimer.setInterval(kClusterRefreshMs);
    connect(&m_clusterTimer, &QTimer::timeout, this, &ReplicaMetrics::refreshCluster);
    m_clusterTimer.start();
}

ReplicaMetrics::~ReplicaMetrics() = default;

void ReplicaMetrics::attach()
{
    if (m_attached || !m_engine->ops())
        return;
    m_attached = true;
    OperationService *ops = m_engine->ops();
    connect(ops, &OperationService::opChanged, this, &ReplicaMetrics::onOpChanged);
    connect(ops, &OperationService::opRemoved, this, &ReplicaMetrics::onOpRemoved);
    connect(m_engine, &Engine::reconcileReport, this, &ReplicaMetrics::onReport);
    refreshCluster();
}

void ReplicaMetrics::onOpChanged(const Operation &op)
{
    const QString me = m_engine->identity().replicaId;
    if (op.ownerReplicaId != me || op.state == OpState::Queued || m_ended.contains(op.id))
        return;
    const QString kind = toString(op.kind);
    if (!m_runningHere.contains(op.id)) {
        m_runningHere.insert(op.id);
        m_started->inc({kind});
    }
    if (!op.processed())
        return;
    m_runningHere.remove(op.id);
    m_ended.insert(op.id);
    m_finished->inc({kind, toString(op.state)});
    const qint64 end = op.finishedAt.value_or(op.updatedAt);
    m_duration->observe({kind}, double(qMax<qint64>(0, end - op.createdAt)) / 1000.0);
}

void ReplicaMetrics::onOpRemoved(const QString &opId)
{
    m_ended.remove(opId);
    m_runningHere.remove(opId);
}

void ReplicaMetrics::onReport(const ReconcileReport &report)
{
    if (!report.lockAcquired)
        return;
    m_passes->inc();
    m_passDuration->observe(double(report.durationMs) / 1000.0);
    m_swept->inc({}, report.stalePendingDeleted);
    m_confirmed->inc({}, report.confirmed);
    m_retried->inc({QStringLiteral("succeeded")}, report.succeeded);
    m_retried->inc({QStringLiteral("failed")}, report.failed);
    m_retried->inc({QStringLiteral("in_flight")}, report.inFlight);
    m_deadLettered->inc({}, report.deadLettered);
    m_reaped->inc({}, report.opsReaped);
}

void ReplicaMetrics::refreshCluster()
{
    UpgradeChecker *upgrades = m_attached ? m_engine->upgrades() : nullptr;
    if (!upgrades || !upgrades->isLeader()) {
        m_cluster.reset();
        return;
    }
    StoreThread *store = m_engine->store();
    if (m_refreshing || !store || !store->isRunning())
        return;
    m_refreshing = true;
    store->call([now = QDateTime::currentMSecsSinceEpoch()](Store &s) { return collectClusterStats(s, now); })
        .then(this, [this](const Result<ClusterStats> &stats) {
            m_refreshing = false;
            if (!stats) {
                qCWarning(lcReplicaMetrics).noquote() << "cluster figures not read:" << stats.error();
                return; // the last figures stay, with their time stamp
            }
            m_cluster = stats.value();
        });
}

void ReplicaMetrics::updateGauges()
{
    m_active->clear();
    for (const QString &s : activeStates())
        m_active->set({s}, 0);
    if (OperationService *ops = m_attached ? m_engine->ops() : nullptr) {
        for (const Operation &op : ops->listOps()) {
            if (!op.processed())
                m_active->set({toString(op.state)}, m_active->value({toString(op.state)}) + 1);
        }
        m_executor->set(ops->runningCount());
    } else {
        m_executor->set(0);
    }
    // Counted by the engine where the messages arrive anyway (no subscription of ours).
    m_progress->setTotal({QStringLiteral("worker")}, double(m_engine->workerProgressReceived()));
    if (OperationService *ops = m_engine->ops())
        m_progress->setTotal({QStringLiteral("broadcast")}, double(ops->progressBroadcastsReceived()));
    Bus *bus = m_engine->bus();
    m_nats->set(bus && bus->connectionState() == ConnectionState::Connected ? 1 : 0);
    const ConnectionMonitor *monitor = m_engine->connectionMonitor();
    m_store->set(monitor && monitor->storeReachable() ? 1 : 0);
    UpgradeChecker *upgrades = m_attached ? m_engine->upgrades() : nullptr;
    const bool leader = upgrades && upgrades->isLeader();
    m_leader->set(leader ? 1 : 0);

    for (Gauge *g : {m_clusterNodes, m_clusterOps, m_clusterPending, m_clusterPendingInFlight, m_clusterDeadLetters,
                     m_clusterOldest, m_clusterRefreshed})
        g->clear();
    if (!leader) {
        m_cluster.reset();
        return;
    }
    if (!m_cluster) {
        refreshCluster(); // the first figures arrive with a later scrape
        return;
    }
    const ClusterStats &c = *m_cluster;
    for (auto it = c.nodesByStatus.cbegin(); it != c.nodesByStatus.cend(); ++it)
        m_clusterNodes->set({it.key()}, it.value());
    for (auto it = c.activeOpsByState.cbegin(); it != c.activeOpsByState.cend(); ++it)
        m_clusterOps->set({it.key()}, it.value());
    m_clusterPending->set(c.pendingRows);
    m_clusterPendingInFlight->set(c.pendingInFlight);
    m_clusterDeadLetters->set(c.deadLetters);
    m_clusterOldest->set(c.oldestActiveCreatedAt == 0 ? 0.0 : double(qMax<qint64>(0, c.collectedAt - c.oldestActiveCreatedAt)) / 1000.0);
    m_clusterRefreshed->set(double(c.collectedAt) / 1000.0);
}

QByteArray ReplicaMetrics::render()
{
    updateGauges();
    return m_registry.render();
}

} // namespace fleetdeck::metrics
