#include "cluster/listing_effects.h"

#include "cluster/op_reevaluation.h"
#include "ops/op_publisher.h"
#include "ops/operation_service.h"
#include "store/store.h"
#include "store/store_thread.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <algorithm>
#include <cmath>

Q_DECLARE_LOGGING_CATEGORY(lcFanOut)

namespace fleetdeck {

namespace {

const wire::ListedBackend *findListed(const NodeListing &node, const QString &backend)
{
    for (const wire::ListedBackend &b : node.reply.backends)
        if (b.name == backend)
            return &b;
    return nullptr;
}

// The rows a listing can change: pendingSatisfied satisfies a delete row only while its backend
// is absent, every other row only while its backend is listed, and a row mirrors only a listed
// job of its backend. So every row of a listed (node, backend) pair and every delete row of a node
// that replied; the rest are not read.
PendingCandidates listingCandidates(const ClusterListingResult &listing)
{
    PendingCandidates c;
    QSet<QString> seen;
    for (const NodeListing &l : listing.replies) {
        if (seen.contains(l.node.id))
            continue; // ClusterListingResult::replyOf: a node's first reply
        seen.insert(l.node.id);
        c.deleteNodes.append(l.node.id);
        for (const wire::ListedBackend &b : l.reply.backends)
            c.pairs.append({l.node.id, b.name});
        for (const wire::ListedJob &j : l.reply.jobs)
            c.pairs.append({l.node.id, j.backend});
    }
    return c;
}

} // namespace

bool pendingSatisfied(const PendingNodeOp &row, bool rowHasLiveOp, const NodeListing &node)
{
    const wire::ListedBackend *b = findListed(node, row.backend);
    switch (row.op) {
    case OpKind::Delete:
        return b == nullptr;
    case OpKind::Install:
        if (!row.force)
            return b != nullptr;
        [[fallthrough]];
    case OpKind::Upgrade:
        if (!b)
            return false;
        if (row.opId && rowHasLiveOp)
            return b->opId == *row.opId;
        {
            const QDateTime at = QDateTime::fromString(b->installedAt, Qt::ISODateWithMs);
            return at.isValid() && at.toMSecsSinceEpoch() >= row.createdAt - 5000;
        }
    }
    return false;
}

ListingEffectsReport applyListingEffectsInStore(Store &s, const ClusterListingResult &listing)
{
    ListingEffectsReport rep;
    // One read of the pending rows the listing can change with their op's state and their node
    // row's status; the satisfied rows are deleted in one statement and the node rows written in
    // one transaction (Store::updateNodeRows), each from its current value (bench_reconcile: 3,300
    // node-row writes, each re-reading its op's 200 rows, took 11 s at 100,000 pending rows on
    // PostgreSQL before; reading every pending row took half a second).
    const auto pending = s.listPendingStates(listingCandidates(listing));
    if (!pending) {
        qCWarning(lcFanOut) << "listing effects: reading pending rows failed:" << pending.error();
        return rep;
    }
    QHash<QString, const NodeListing *> replies; // ClusterListingResult::replyOf, once per node
    for (const NodeListing &l : listing.replies)
        if (!replies.contains(l.node.id))
            replies.insert(l.node.id, &l);
    QList<PendingRef> satisfied;
    QHash<qint64, NodeRowKey> settles; // satisfied row id → its non-terminal node row
    QHash<QPair<QString, QString>, wire::ListedJob> mirrored;
    QList<NodeRowKey> keys;
    for (const PendingState &p : pending.value()) {
        const PendingNodeOp &row = p.row;
        const NodeListing *node = replies.value(row.nodeId);
        if (!node)
            continue;
        const bool hasOp = p.opState.has_value();
        if (hasOp && *p.opState == OpState::Running)
            continue; // only its fan-out contacts its rows
        const bool busy = p.nodeRowStatus == NodeRowStatus::RunningOnWorker;
        // docs/operations.md#cluster-listing: non-force installs always;
        // docs/operations.md#confirmation: running_on_worker rows; background rows.
        const bool considered = (row.op == OpKind::Install && !row.force) || busy || !hasOp;
        if (considered && pendingSatisfied(row, hasOp, *node)) {
            satisfied.append(PendingRef{row.id, row.opId});
            if (row.opId && p.nodeRowStatus && !isTerminal(*p.nodeRowStatus))
                settles.insert(row.id, NodeRowKey{*row.opId, row.nodeId});
            continue;
        }
        if (!busy)
            continue;
        for (const wire::ListedJob &job : node->reply.jobs) {
            if (job.backend != row.backend || (!job.opId.isEmpty() && job.opId != *row.opId))
                continue;
            mirrored.insert({*row.opId, row.nodeId}, job);
            keys.append(NodeRowKey{*row.opId, row.nodeId});
            break;
        }
    }
    const auto deleted = s.deletePendingRows(satisfied);
    if (!deleted) {
        qCWarning(lcFanOut) << "listing effects: deleting satisfied rows failed:" << deleted.error();
    } else {
        rep.confirmed = int(deleted->size());
        for (qint64 id : deleted.value())
            if (const auto it = settles.constFind(id); it != settles.constEnd())
                keys.append(*it);
    }
    const auto written = s.updateNodeRows(keys, [&mirrored](const NodeProgress &cur) -> std::optional<NodeProgress> {
        NodeProgress n = cur;
        const auto job = mirrored.constFind({cur.opId, cur.nodeId});
        if (job == mirrored.constEnd()) { // its pending row was satisfied and deleted
            n.status = NodeRowStatus::Success;
            n.percentage = 100;
            n.phase.clear();
            n.setMessage(Reason::make("confirmed_by_listing"));
            n.clearError();
            return n;
        }
        if (cur.status != NodeRowStatus::RunningOnWorker)
            return std::nullopt;
        n.phase = job->phase;
        n.percentage = rowPercentage(job->percentage);
        if (n == cur)
            return std::nullopt;
        return n;
    });
    if (!written) {
        qCWarning(lcFanOut) << "listing effects: writing node rows failed:" << written.error();
        return rep;
    }
    for (const NodeProgress &n : written.value()) {
        rep.changedRows.append(n);
        if (n.status == NodeRowStatus::Success && !mirrored.contains({n.opId, n.nodeId}) && !rep.touchedOps.contains(n.opId))
            rep.touchedOps.append(n.opId);
    }
    return rep;
}

void applyListingEffects(OperationService *service, const ClusterListingResult &listing,
                         std::function<void(const ListingEffectsReport &)> done, std::optional<qint64> changedSinceMs)
{
    service->store()
        ->call([listing](Store &s) { return applyListingEffectsInStore(s, listing); })
        .then(service, [service, done, changedSinceMs](const ListingEffectsReport &rep) {
            for (const NodeProgress &n : rep.changedRows)
                service->mergeNodeRows(n.opId, {n}, OperationService::RowMerge::MirrorProgress);
            if (!rep.touchedOps.isEmpty())
                reevaluateOps(service, rep.touchedOps, false, changedSinceMs);
            if (done)
                done(rep);
        });
}

} // namespace fleetdeck
