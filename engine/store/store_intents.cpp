// The fan-out's intent step (docs/operations.md#fan-out step 1): every target's pending row in one
// transaction, taking over rows of other ops (the latest intent wins).
#include "store/store_codec.h"
#include "store/store_impl.h"

namespace fleetdeck {

using namespace storecodec;

Result<EnqueueResult> Store::enqueueIntents(const QList<PendingNodeOp> &rows)
{
    using R = Result<EnqueueResult>;
    const char *op = "enqueueIntents";
    EnqueueResult out;
    if (rows.isEmpty())
        return out;
    Transaction tx(*d, op);
    if (Status s = tx.begin(); !s)
        return R::failure(s.error());
    for (const PendingNodeOp &row : rows) {
        const auto previous = d->scalar(op,
                                        QStringLiteral("SELECT op_id FROM pending_node_ops WHERE node_id = :node AND backend = :backend"),
                                        {{"node", row.nodeId}, {"backend", row.backend}});
        if (!previous)
            return R::failure(previous.error());
        const QString otherOp = previous.value() ? previous.value()->toString() : QString();
        if (!otherOp.isEmpty() && (!row.opId || otherOp != *row.opId)) {
            const auto old = d->loadNodeRows(op, QStringLiteral("op_id = :op AND node_id = :node"),
                                             {{"op", otherOp}, {"node", row.nodeId}});
            if (!old)
                return R::failure(old.error());
            if (!old.value().isEmpty() && !isTerminal(old.value().first().status)) {
                NodeProgress n = old.value().first();
                n.status = NodeRowStatus::Cancelled;
                n.setMessage(Reason::make("node_superseded", {{"op", row.opId.value_or(QString())}}));
                n.clearError();
                const auto written = d->writeNodeRow(op, n, false, d->now());
                if (!written)
                    return R::failure(written.error());
                out.superseded.append(SupersededRow{otherOp, row.nodeId});
            }
        }
        const auto id = upsertPending(row);
        if (!id)
            return R::failure(id.error());
        out.rowIds.insert(row.nodeId, id.value());
    }
    if (Status s = tx.commit(); !s)
        return R::failure(s.error());
    return out;
}

} // namespace fleetdeck
