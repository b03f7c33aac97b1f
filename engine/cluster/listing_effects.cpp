#include "cluster/listing_effects.h"

#include "cluster/op_reevaluation.h"
#include "ops/op_publisher.h"
#include "ops/operation_service.h"
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
    auto pending = s.listPending();
    if (!pending) {
        qCWarning(lcFanOut) << "listing effects: reading pending rows failed:" << pending.error();
        return rep;
    }
    // An op's rows are spread over many pending rows (one per node): it is read once and
    // read again only after this loop wrote one of its rows (bench_reconcile: 4,800 reads
    // of 60 ops for 10,000 rows before).
    QHash<QString, std::optional<Operation>> ops;
    for (const PendingNodeOp &row : pending.value()) {
        const NodeListing *node = listing.replyOf(row.nodeId);
        if (!node)
            continue;
        std::optional<Operation> op;
        if (row.opId) {
            auto cached = ops.constFind(*row.opId);
            if (cached == ops.constEnd()) {
                auto o = s.getOp(*row.opId);
                cached = ops.insert(*row.opId, o && o.value() ? std::optional<Operation>(*o.value()) : std::nullopt);
            }
            op = *cached;
        }
        if (op && op->state == OpState::Running)
            continue; // only its fan-out contacts its rows
        std::optional<NodeProgress> nodeRow;
        if (op)
            for (const NodeProgress &n : op->nodes)
                if (n.nodeId == row.nodeId)
                    nodeRow = n;
        const bool busy = nodeRow && nodeRow->status == NodeRowStatus::RunningOnWorker;
        // docs/operations.md#cluster-listing: non-force installs always;
        // docs/operations.md#confirmation: running_on_worker rows; background rows.
        const bool considered = (row.op == OpKind::Install && !row.force) || busy || !op;
        if (considered && pendingSatisfied(row, op.has_value(), *node)) {
            auto del = s.deletePending(row.id, row.opId);
            if (!del || !del.value())
                continue;
            ++rep.confirmed;
            if (nodeRow && !isTerminal(nodeRow->status)) {
                NodeProgress n = *nodeRow;
                n.status = NodeRowStatus::Success;
                n.percentage = 100;
                n.phase.clear();
                n.message = QStringLiteral("confirmed by listing");
                n.error.reset();
                ops.remove(n.opId);
                if (auto w = s.updateNodeRow(n); w && w.value()) {
                    rep.changedRows.append(n);
                    if (!rep.touchedOps.contains(n.opId))
                        rep.touchedOps.append(n.opId);
                }
            }
            continue;
        }
        if (!busy)
            continue;
        for (const wire::ListedJob &job : node->reply.jobs) {
            if (job.backend != row.backend || (!job.opId.isEmpty() && job.opId != *row.opId))
                continue;
            NodeProgress n = *nodeRow;
            n.phase = job.phase;
            n.percentage = rowPercentage(job.percentage);
            if (n == *nodeRow)
                break;
            ops.remove(n.opId);
            if (auto w = s.updateNodeRow(n); w && w.value())
                rep.changedRows.append(n);
            break;
        }
    }
    return rep;
}

void applyListingEffects(OperationService *service, const ClusterListingResult &listing,
                         std::function<void(const ListingEffectsReport &)> done)
{
    service->store()
        ->call([listing](Store &s) { return applyListingEffectsInStore(s, listing); })
        .then(service, [service, done](const ListingEffectsReport &rep) {
            for (const NodeProgress &n : rep.changedRows)
                service->mergeNodeRows(n.opId, {n}, OperationService::RowMerge::MirrorProgress);
            if (!rep.touchedOps.isEmpty())
                reevaluateOps(service, rep.touchedOps);
            if (done)
                done(rep);
        });
}

} // namespace fleetdeck
