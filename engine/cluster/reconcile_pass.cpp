#include "cluster/reconcile_pass.h"

#include "bus/subjects.h"
#include "cluster/cluster_listing.h"
#include "cluster/listing_effects.h"
#include "cluster/node_events.h"
#include "cluster/op_reevaluation.h"
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

namespace {

struct SweepResult {
    int deleted = 0;
    QStringList touched;
};

std::optional<NodeProgress> findRow(Store &s, const QString &opId, const QString &nodeId)
{
    auto rows = s.nodeRows(opId);
    if (!rows)
        return std::nullopt;
    for (const NodeProgress &n : rows.value())
        if (n.nodeId == nodeId)
            return n;
    return std::nullopt;
}

// Re-reads ops whose rows changed outside their fan-out and hands them to
// OperationService::adoptStoreState, which shows and broadcasts the active ones that are not
// `running` (docs/operations.md#confirmation: every confirmation write is broadcast).
void refreshOps(OperationService *ops, const QStringList &opIds)
{
    if (opIds.isEmpty())
        return;
    ops->store()
        ->call([opIds](Store &s) {
            QList<Operation> out;
            for (const QString &id : opIds)
                if (auto op = s.getOp(id); op && op.value())
                    out.append(*op.value());
            return out;
        })
        .then(ops, [ops](const QList<Operation> &list) {
            for (const Operation &op : list)
                ops->adoptStoreState(op);
        });
}

} // namespace

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
    return ops->store()
        ->call([grace](Store &s) {
            SweepResult r;
            auto swept = s.deleteStalePending(grace);
            if (!swept) {
                qCWarning(lcReconcile) << "sweep failed:" << swept.error();
                return r;
            }
            r.deleted = static_cast<int>(swept->size());
            for (const SweptPending &sp : swept.value()) {
                if (!sp.row.opId)
                    continue;
                auto row = findRow(s, *sp.row.opId, sp.row.nodeId);
                if (!row)
                    continue;
                if (row->status == NodeRowStatus::Queued) {
                    row->status = NodeRowStatus::Cancelled;
                    row->message = QStringLiteral("pending op dropped: node ") + toString(sp.nodeStatus);
                } else if (row->status == NodeRowStatus::RunningOnWorker || (sp.row.inFlight && !isTerminal(row->status))) {
                    // A leased row was handed to the reconciler: no request of it is live. Its
                    // owner's move of the node row to running_on_worker may still wait behind the
                    // progress throttle; settled now, that write finds the row terminal and stops
                    // (PostgreSQL sim seed 56: the row was swept as `downloading`, then written
                    // running_on_worker with nothing left to confirm it).
                    row->status = NodeRowStatus::Error;
                    row->error = QStringLiteral("node went offline before confirming");
                    row->message = *row->error;
                } else {
                    continue;
                }
                if (auto w = s.updateNodeRow(*row); !w)
                    qCWarning(lcReconcile) << "sweep: node row of" << *sp.row.opId << ":" << w.error();
                r.touched.append(*sp.row.opId);
            }
            return r;
        })
        .then(ops, [ops](const SweepResult &r) {
            reevaluateOps(ops, r.touched);
            refreshOps(ops, r.touched);
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
    struct Loaded {
        QList<PendingNodeOp> due, inFlight;
        QList<Node> nodes;
    };
    m_ops->store()
        ->call([](Store &s) {
            Loaded l;
            if (auto d = s.listDue())
                l.due = d.value();
            if (auto n = s.listNodes())
                l.nodes = n.value();
            if (auto all = s.listPending())
                for (const PendingNodeOp &p : all.value())
                    if (p.inFlight)
                        l.inFlight.append(p);
            return l;
        })
        .then(this, [this](const Loaded &l) { confirm(l.due, l.inFlight, l.nodes); });
}

void ReconcilePass::confirm(const QList<PendingNodeOp> &due, const QList<PendingNodeOp> &inFlight, const QList<Node> &nodes)
{
    QSet<QString> wanted;
    for (const Node &n : nodes)
        m_nodes.insert(n.id, n);
    for (const PendingNodeOp &p : due)
        wanted.insert(p.nodeId);
    for (const PendingNodeOp &p : inFlight)
        wanted.insert(p.nodeId);
    QList<Node> toList;
    for (const Node &n : nodes)
        if (n.status == NodeStatus::Healthy && wanted.contains(n.id))
            toList.append(n);
    if (toList.isEmpty()) {
        retryDue(ClusterListingResult{});
        return;
    }
    m_listing->runOn(toList, [this](const ClusterListingResult &listing) {
        applyListingEffects(m_ops, listing, [this, listing](const ListingEffectsReport &effects) {
            m_report.confirmed = effects.confirmed;
            for (const QString &id : effects.touchedOps)
                m_touchedOps.insert(id);
            retryDue(listing);
        });
    });
}

void ReconcilePass::retryDue(const ClusterListingResult &listing)
{
    const ClusterSettings &cfg = m_ops->settings();
    QHash<QString, QList<wire::ListedJob>> jobs;
    for (const NodeListing &nl : listing.replies)
        jobs.insert(nl.node.id, nl.reply.jobs);
    struct Deferral {
        PendingNodeOp row;
        wire::ListedJob job;
    };
    m_ops->store()
        ->call([jobs, cfg](Store &s) {
            QList<PendingNodeOp> retry;
            QStringList touched;
            auto due = s.listDue(); // confirmed rows are gone now
            if (!due)
                return std::make_pair(retry, touched);
            for (const PendingNodeOp &row : due.value()) {
                const auto nodeJobs = jobs.value(row.nodeId);
                auto it = std::find_if(nodeJobs.begin(), nodeJobs.end(),
                                       [&](const wire::ListedJob &j) { return j.backend == row.backend; });
                if (it == nodeJobs.end()) {
                    retry.append(row);
                    continue;
                }
                // The worker is still at it: defer, and let the node row mirror the job.
                s.recordInFlight(row.id, row.opId, cfg.timeoutMs(row.op));
                if (row.opId) {
                    if (auto nr = findRow(s, *row.opId, row.nodeId); nr && !isTerminal(nr->status)) {
                        // a job the listing shows without a known phase is still at its download
                        nr->status = rowStatusForPhase(it->phase).value_or(NodeRowStatus::Downloading);
                        nr->phase = it->phase;
                        nr->percentage = rowPercentage(it->percentage);
                        s.updateNodeRow(*nr);
                        touched.append(*row.opId);
                    }
                }
            }
            return std::make_pair(retry, touched);
        })
        .then(this, [this](const std::pair<QList<PendingNodeOp>, QStringList> &r) {
            for (const QString &id : r.second)
                m_touchedOps.insert(id);
            m_queue = r.first;
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
            ->call([row, until](Store &s) { return s.leasePending(row.id, row.opId, until); })
            .then(this, [this, row](Result<bool> leased) {
                if (!leased || !leased.value()) { // taken over by another op: not contacted
                    --m_inFlight;
                    m_busyNodes.remove(row.nodeId);
                    startRetries();
                    maybeFinish();
                    return;
                }
                sendOne(row);
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
        QString error = o.replied() ? o.reply.error : describeOutcome(o.transport, o.error, name);
        if (o.replied() && !ok && error.isEmpty())
            error = o.reply.cancelled ? QStringLiteral("cancelled by request") : QStringLiteral("failed");
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

void ReconcilePass::applyResult(const PendingNodeOp &row, bool success, const QString &error, bool noResponders)
{
    if (noResponders)
        m_events->noResponders(row.nodeId, subjects::nodeCommand(m_nodes.value(row.nodeId).name,
                                                                  row.op == OpKind::Delete ? "delete"
                                                                  : row.op == OpKind::Upgrade ? "upgrade" : "install"));
    const ClusterSettings cfg = m_ops->settings();
    const QString replicaId = m_ops->identity().replicaId;
    const QString nodeName = m_nodes.value(row.nodeId).name;
    const qint64 now = m_ops->clock()->nowMs();
    enum class Kind { Succeeded, Failed, DeadLettered };
    struct Applied {
        Kind kind = Kind::Failed;
        std::optional<qint64> historyId;
    };
    m_ops->store()
        ->call([=](Store &s) {
            Applied a;
            std::optional<NodeProgress> nr = row.opId ? findRow(s, *row.opId, row.nodeId) : std::nullopt;
            if (success) {
                a.kind = Kind::Succeeded;
                s.deletePending(row.id, row.opId);
                if (nr) {
                    nr->status = NodeRowStatus::Success;
                    nr->percentage = 100;
                    nr->error.reset();
                    nr->message = row.op == OpKind::Delete ? QStringLiteral("deleted") : QStringLiteral("installed");
                    s.updateNodeRow(*nr, true);
                }
                return a;
            }
            const int attempt = row.attempts + 1;
            if (attempt >= cfg.maxAttempts()) {
                a.kind = Kind::DeadLettered;
                s.deletePending(row.id, row.opId);
                HistoryEntry h;
                h.entryKind = QStringLiteral("dead_letter");
                h.opId = row.opId;
                h.kind = toString(row.op);
                h.backend = row.backend;
                h.nodeId = row.nodeId;
                h.nodeName = nodeName;
                h.outcome = QStringLiteral("dead_letter");
                h.message = QStringLiteral("dead-lettered after %1 attempts").arg(attempt);
                h.error = error;
                h.params = QJsonObject{{QStringLiteral("galleries"), row.galleries}, {QStringLiteral("force"), row.force}};
                h.attempts = attempt;
                h.replicaId = replicaId;
                h.startedAt = row.createdAt;
                h.finishedAt = now;
                if (auto id = s.appendHistory(h, cfg.historySize()))
                    a.historyId = id.value();
                if (nr) {
                    nr->status = NodeRowStatus::Error;
                    nr->error = QStringLiteral("dead-lettered after %1 attempts: %2").arg(attempt).arg(error);
                    nr->message = *nr->error;
                    s.updateNodeRow(*nr, true);
                }
                return a;
            }
            s.recordFailure(row.id, row.opId, error, BackoffPolicy{cfg.backoffBaseMs(), cfg.backoffCapMs()});
            if (nr && nr->status == NodeRowStatus::Queued) {
                nr->message = QStringLiteral("attempt %1 failed: %2").arg(attempt).arg(error);
                s.updateNodeRow(*nr);
            } else if (nr && nr->status == NodeRowStatus::RunningOnWorker) {
                nr->status = NodeRowStatus::Error;
                nr->error = error;
                nr->message = error;
                s.updateNodeRow(*nr);
            }
            return a;
        })
        .then(this, [this, row](const Applied &a) {
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
                if (row.opId) {
                    reevaluateOps(m_ops, {*row.opId});
                    refreshOps(m_ops, {*row.opId});
                }
                if (m_inFlight == 0)
                    deleteLater();
                return;
            }
            switch (a.kind) {
            case Kind::Succeeded: ++m_report.succeeded; break;
            case Kind::Failed: ++m_report.failed; break;
            case Kind::DeadLettered:
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
    reevaluateOps(m_ops, touched);
    refreshOps(m_ops, touched);
    m_done.resolve(m_report);
    if (m_inFlight == 0)
        deleteLater();
}

} // namespace fleetdeck
