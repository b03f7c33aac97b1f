#include "cluster/reconcile_pass.h"

#include "bus/subjects.h"
#include "cluster/cluster_listing.h"
#include "cluster/listing_effects.h"
#include "cluster/node_events.h"
#include "cluster/op_reevaluation.h"
#include "cluster/reconcile_steps.h"
#include "cluster/worker_client.h"
#include "core/clock.h"
#include "ops/executor.h"
#include "ops/op_publisher.h"
#include "ops/operation_service.h"
#include "store/store_thread.h"

#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcReconcile, "fleetdeck.engine.reconcile")

namespace fleetdeck {

ReconcilePass::ReconcilePass(OperationService *ops, WorkerClient *client, ClusterListing *listing, NodeEvents *events,
                             ReconcileReport report, Deferred<ReconcileReport> done)
    : QObject(ops), m_ops(ops), m_client(client), m_listing(listing), m_events(events), m_report(std::move(report)),
      m_done(std::move(done))
{
}

// Ops whose rows the sweep changed are re-evaluated and broadcast here, so both the pass and
// "Clean stale pending ops" leave them consistent.
QFuture<int> ReconcilePass::sweep(OperationService *ops)
{
    const qint64 grace = ops->settings().pendingGraceMs();
    const qint64 since = ops->clock()->nowMs(); // the rows the sweep settles are written after this
    return ops->store()
        ->call([grace](Store &s) { return sweepInStore(s, grace); })
        .then(ops, [ops, since](const SweepOutcome &r) {
            reevaluateOps(ops, r.touchedOps, true, since);
            return r.deleted;
        });
}

void ReconcilePass::start()
{
    m_started = m_ops->clock()->nowMs();
    sweep(m_ops).then(this, [this](int deleted) { afterSweep(deleted); });
}

void ReconcilePass::afterSweep(int deleted)
{
    m_report.stalePendingDeleted = deleted;
    // While NATS is down, nothing that contacts nodes runs: an outage costs no attempt
    // (docs/architecture.md#outages).
    if (m_ops->bus()->connectionState() != ConnectionState::Connected) {
        finish();
        return;
    }
    loadDue();
}

void ReconcilePass::loadDue()
{
    m_ops->store()->call([](Store &s) { return loadDueInStore(s); }).then(this, [this](const DueNodes &d) { confirm(d); });
}

void ReconcilePass::confirm(const DueNodes &due)
{
    for (const Node &n : due.nodes)
        m_nodes.insert(n.id, n);
    QList<Node> toList;
    for (const Node &n : due.nodes)
        if (n.status == NodeStatus::Healthy && due.wanted.contains(n.id))
            toList.append(n);
    if (toList.isEmpty()) {
        retryDue(ClusterListingResult{});
        return;
    }
    m_listing->runOn(toList, [this](const ClusterListingResult &listing) {
        applyListingEffects(
            m_ops, listing,
            [this, listing](const ListingEffectsReport &effects) {
                m_report.confirmed = effects.confirmed;
                for (const QString &id : effects.touchedOps)
                    m_touchedOps.insert(id);
                retryDue(listing);
            },
            m_started);
    });
}

void ReconcilePass::retryDue(const ClusterListingResult &listing)
{
    const ClusterSettings &cfg = m_ops->settings();
    QHash<QString, QList<wire::ListedJob>> jobs;
    for (const NodeListing &nl : listing.replies)
        jobs.insert(nl.node.id, nl.reply.jobs);
    m_ops->store()
        ->call([jobs, cfg](Store &s) { return planRetriesInStore(s, jobs, cfg); })
        .then(this, [this](const RetryPlan &plan) {
            for (const QString &id : plan.touchedOps)
                m_touchedOps.insert(id);
            m_queue = plan.retry;
            m_waitTimer = m_ops->clock()->callAfter(m_ops->settings().passWaitMs(), this, [this]() { finish(); });
            startRetries();
            maybeFinish();
        });
}

void ReconcilePass::startRetries()
{
    const int limit = m_ops->settings().retryParallel();
    for (qsizetype i = 0; i < m_queue.size() && m_inFlight < limit && !m_reported;) {
        const PendingNodeOp row = m_queue.at(i);
        if (m_busyNodes.contains(row.nodeId) || !m_nodes.contains(row.nodeId)) {
            if (!m_nodes.contains(row.nodeId))
                m_queue.removeAt(i);
            else
                ++i;
            continue;
        }
        m_queue.removeAt(i);
        m_busyNodes.insert(row.nodeId);
        ++m_inFlight;
        const qint64 until = m_ops->clock()->nowMs() + m_ops->settings().timeoutMs(row.op);
        m_ops->store()
            ->call([row, until](Store &s) { return s.leaseDue(row.id, row.opId, until); })
            .then(this, [this, row](Result<std::optional<PendingNodeOp>> leased) {
                if (!leased || !leased.value()) { // taken over by another op: not contacted
                    --m_inFlight;
                    m_busyNodes.remove(row.nodeId);
                    startRetries();
                    maybeFinish();
                    return;
                }
                sendOne(*leased.value()); // the whole row: listDue reads no payload
            });
    }
}

void ReconcilePass::sendOne(const PendingNodeOp &row)
{
    const Node node = m_nodes.value(row.nodeId);
    const NodeAddress addr{node.id, node.name};
    ++m_report.retried;
    auto onReply = [this, row, name = node.name](const CommandOutcome &o) {
        const bool ok = o.replied() && o.reply.success;
        Reason error = o.replied() ? o.reply.errorReason() : describeOutcome(o, name);
        if (o.replied() && !ok && o.reply.error.isEmpty())
            error = Reason::make(o.reply.cancelled ? "cancelled_by_request" : "failed");
        if (o.transport == RequestOutcome::Reply)
            m_events->answered(row.nodeId);
        applyResult(row, ok, error, o.transport == RequestOutcome::NoResponders);
    };
    if (row.op == OpKind::Delete) {
        m_client->remove(addr, wire::DeleteRequest{row.backend, QString()}, onReply);
        return;
    }
    wire::InstallRequest req;
    req.backend = row.backend;
    req.galleries = row.galleries;
    req.entry = row.entry;
    req.force = row.force;
    // Never an op id, never a subscription (A12).
    if (row.op == OpKind::Upgrade)
        m_client->upgrade(addr, req, {}, onReply);
    else
        m_client->install(addr, req, {}, onReply);
}

void ReconcilePass::applyResult(const PendingNodeOp &row, bool success, const Reason &error, bool noResponders)
{
    if (noResponders)
        m_events->noResponders(row.nodeId, subjects::nodeCommand(m_nodes.value(row.nodeId).name,
                                                                  row.op == OpKind::Delete ? "delete"
                                                                  : row.op == OpKind::Upgrade ? "upgrade" : "install"));
    const ClusterSettings cfg = m_ops->settings();
    const RetryReply reply{success, englishText(error), m_ops->identity().replicaId, m_nodes.value(row.nodeId).name,
                           m_ops->clock()->nowMs(), withCode(error)};
    m_ops->store()
        ->call([row, reply, cfg](Store &s) { return applyRetryResultInStore(s, row, reply, cfg); })
        .then(this, [this, row](const AppliedRetry &a) {
            if (a.historyId)
                m_ops->publisher()->publishJson(subjects::historyAppended(),
                                                QJsonObject{{QStringLiteral("id"), *a.historyId},
                                                            {QStringLiteral("entry_kind"), QStringLiteral("dead_letter")},
                                                            {QStringLiteral("op_id"), row.opId ? QJsonValue(*row.opId) : QJsonValue()},
                                                            {QStringLiteral("outcome"), QStringLiteral("dead_letter")}});
            --m_inFlight;
            m_busyNodes.remove(row.nodeId);
            if (m_reported) {
                // A reply that arrived after the pass reported: applied and logged
                // (docs/operations.md#reconcile-pass step 4).
                qCInfo(lcReconcile) << "late reply for" << row.backend << "on" << row.nodeId << "applied";
                if (row.opId)
                    reevaluateOps(m_ops, {*row.opId}, true, m_started);
                if (m_inFlight == 0)
                    deleteLater();
                return;
            }
            switch (a.kind) {
            case RetryResultKind::Succeeded: ++m_report.succeeded; break;
            case RetryResultKind::Failed: ++m_report.failed; break;
            case RetryResultKind::DeadLettered:
                ++m_report.failed;
                ++m_report.deadLettered;
                break;
            }
            if (row.opId)
                m_touchedOps.insert(*row.opId);
            startRetries();
            maybeFinish();
        });
}

void ReconcilePass::maybeFinish()
{
    if (!m_reported && m_queue.isEmpty() && m_inFlight == 0)
        finish();
}

void ReconcilePass::finish()
{
    if (m_reported)
        return;
    m_reported = true;
    m_ops->clock()->cancel(m_waitTimer);
    m_queue.clear(); // no new request after the wait is over
    m_report.inFlight = m_inFlight;
    m_report.durationMs = m_ops->clock()->nowMs() - m_started;
    const QStringList touched(m_touchedOps.begin(), m_touchedOps.end());
    reevaluateOps(m_ops, touched, true, m_started);
    m_done.resolve(m_report);
    if (m_inFlight == 0)
        deleteLater();
}

} // namespace fleetdeck
