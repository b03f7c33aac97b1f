#include "cluster/reconcile_steps.h"

#include "core/op_types.h"
#include "store/store.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcReconcile)

namespace fleetdeck {

namespace {

void appendOnce(QStringList &list, QSet<QString> &seen, const QString &id)
{
    if (!seen.contains(id)) {
        seen.insert(id);
        list.append(id);
    }
}

} // namespace

SweepOutcome sweepInStore(Store &s, qint64 graceMs)
{
    SweepOutcome r;
    const auto swept = s.deleteStalePending(graceMs);
    if (!swept) {
        qCWarning(lcReconcile) << "sweep failed:" << swept.error();
        return r;
    }
    r.deleted = int(swept->size());
    QSet<QString> seen;
    for (const SweptPending &sp : swept.value())
        if (sp.nodeRowSettled && sp.row.opId)
            appendOnce(r.touchedOps, seen, *sp.row.opId);
    return r;
}

DueNodes loadDueInStore(Store &s)
{
    DueNodes d;
    if (auto n = s.listNodes())
        d.nodes = n.value();
    if (auto w = s.nodesWithDueOrLeasedRows())
        d.wanted = w.value();
    return d;
}

RetryPlan planRetriesInStore(Store &s, const QHash<QString, QList<wire::ListedJob>> &jobs, const ClusterSettings &cfg)
{
    RetryPlan plan;
    const auto due = s.listDue(); // confirmed rows are gone now
    if (!due)
        return plan;
    QHash<int, QList<PendingRef>> deferred; // by OpKind: the lease lasts that kind's timeout
    QHash<QPair<QString, QString>, wire::ListedJob> mirrored;
    QList<NodeRowKey> keys;
    for (const PendingNodeOp &row : due.value()) {
        const auto nodeJobs = jobs.value(row.nodeId);
        auto it = std::find_if(nodeJobs.begin(), nodeJobs.end(), [&](const wire::ListedJob &j) { return j.backend == row.backend; });
        if (it == nodeJobs.end()) {
            plan.retry.append(row);
            continue;
        }
        // The worker is still at it: defer, and let the node row mirror the job.
        ++plan.deferred;
        deferred[int(row.op)].append(PendingRef{row.id, row.opId});
        if (row.opId) {
            mirrored.insert({*row.opId, row.nodeId}, *it);
            keys.append(NodeRowKey{*row.opId, row.nodeId});
        }
    }
    for (auto it = deferred.constBegin(); it != deferred.constEnd(); ++it)
        if (auto w = s.recordInFlightRows(it.value(), cfg.timeoutMs(OpKind(it.key()))); !w)
            qCWarning(lcReconcile) << "deferring rows still running failed:" << w.error();
    const auto written = s.updateNodeRows(keys, [&mirrored](const NodeProgress &cur) -> std::optional<NodeProgress> {
        const wire::ListedJob job = mirrored.value({cur.opId, cur.nodeId});
        NodeProgress n = cur;
        // a job the listing shows without a known phase is still at its download
        n.status = rowStatusForPhase(job.phase).value_or(NodeRowStatus::Downloading);
        n.phase = job.phase;
        n.percentage = rowPercentage(job.percentage);
        return n;
    });
    QSet<QString> seen;
    if (!written) {
        qCWarning(lcReconcile) << "node rows of deferred rows:" << written.error();
        for (const NodeRowKey &k : keys) // re-evaluated and refreshed anyway: the store has the truth
            appendOnce(plan.touchedOps, seen, k.opId);
        return plan;
    }
    for (const NodeProgress &n : written.value())
        appendOnce(plan.touchedOps, seen, n.opId);
    return plan;
}

AppliedRetry applyRetryResultInStore(Store &s, const PendingNodeOp &row, const RetryReply &reply, const ClusterSettings &cfg)
{
    AppliedRetry a;
    // The row's node row, rewritten by `change` (Store::updateNodeRows: the current row, one read).
    auto writeNodeRow = [&](const NodeRowChange &change, bool allowTerminalRewrite) {
        if (!row.opId)
            return;
        if (auto w = s.updateNodeRows({NodeRowKey{*row.opId, row.nodeId}}, change, allowTerminalRewrite); !w)
            qCWarning(lcReconcile) << "node row of" << *row.opId << "on" << row.nodeId << ":" << w.error();
    };
    if (reply.success) {
        a.kind = RetryResultKind::Succeeded;
        s.deletePending(row.id, row.opId);
        writeNodeRow([&row](const NodeProgress &cur) {
            NodeProgress n = cur;
            n.status = NodeRowStatus::Success;
            n.percentage = 100;
            n.clearError();
            n.setMessage(Reason::make(row.op == OpKind::Delete ? "deleted" : "installed"));
            return std::optional<NodeProgress>(n);
        }, true);
        return a;
    }
    const int attempt = row.attempts + 1;
    if (attempt >= cfg.maxAttempts()) {
        a.kind = RetryResultKind::DeadLettered;
        s.deletePending(row.id, row.opId);
        HistoryEntry h;
        h.entryKind = QStringLiteral("dead_letter");
        h.opId = row.opId;
        h.kind = toString(row.op);
        h.backend = row.backend;
        h.nodeId = row.nodeId;
        h.nodeName = reply.nodeName;
        h.outcome = QStringLiteral("dead_letter");
        h.messageCode = Reason::make("dead_lettered", {{"attempts", attempt}});
        h.message = englishText(h.messageCode);
        h.error = reply.error;
        h.errorCode = reply.errorCode;
        h.params = QJsonObject{{QStringLiteral("galleries"), row.galleries}, {QStringLiteral("force"), row.force}};
        h.attempts = attempt;
        h.replicaId = reply.replicaId;
        h.startedAt = row.createdAt;
        h.finishedAt = reply.nowMs;
        if (auto id = s.appendHistory(h, cfg.historySize()))
            a.historyId = id.value();
        writeNodeRow([&](const NodeProgress &cur) {
            NodeProgress n = cur;
            n.status = NodeRowStatus::Error;
            n.setError(Reason::make("dead_lettered", {{"attempts", attempt}, {"error", reasonToJson(reply.errorReason())}}));
            return std::optional<NodeProgress>(n);
        }, true);
        return a;
    }
    s.recordFailure(row.id, row.opId, reply.error, BackoffPolicy{cfg.backoffBaseMs(), cfg.backoffCapMs()});
    writeNodeRow([&](const NodeProgress &cur) -> std::optional<NodeProgress> {
        NodeProgress n = cur;
        if (cur.status == NodeRowStatus::Queued) {
            n.setMessage(Reason::make("attempt_failed", {{"attempt", attempt}, {"error", reasonToJson(reply.errorReason())}}));
        } else if (cur.status == NodeRowStatus::RunningOnWorker) {
            n.status = NodeRowStatus::Error;
            n.setError(reply.errorReason());
        } else {
            return std::nullopt;
        }
        return n;
    }, false);
    return a;
}

} // namespace fleetdeck
