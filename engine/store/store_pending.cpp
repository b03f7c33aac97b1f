// pending_node_ops (docs/operations.md#store-operations, #fan-out, #reconcile-pass): durable
// per-node intents, their retry bookkeeping and the sweep.
#include "store/store_codec.h"
#include "store/store_impl.h"

#include <algorithm>

namespace fleetdeck {

using namespace storecodec;

namespace {

// Null-safe equality of the row's op_id with the request's op id
// (docs/operations.md#store-operations).
QString opGuard(const std::optional<QString> &opId)
{
    return opId ? QStringLiteral("op_id = :op_id") : QStringLiteral("op_id IS NULL");
}

void addOpBind(QList<Bind> &binds, const std::optional<QString> &opId)
{
    if (opId)
        binds.append({"op_id", *opId});
}

} // namespace

qint64 BackoffPolicy::delayForAttempt(int attempt) const
{
    qint64 delay = baseMs;
    for (int a = 1; a < attempt && delay < capMs; ++a)
        delay *= 2;
    return qMin(delay, capMs);
}

Result<qint64> Store::upsertPending(const PendingNodeOp &row)
{
    using R = Result<qint64>;
    const char *op = "upsertPending";
    // attempts and last_error start afresh only when another op (re)issues the row; created_at is kept.
    const QString sameOp =
        QStringLiteral("(pending_node_ops.op_id = excluded.op_id OR (pending_node_ops.op_id IS NULL AND excluded.op_id IS NULL))");
    auto q = d->exec(op,
                     QStringLiteral("INSERT INTO pending_node_ops (node_id, backend, op, galleries, entry, force_reinstall, "
                                    "op_id, attempts, last_error, in_flight, created_at, next_retry_at) "
                                    "VALUES (:node_id, :backend, :op, :galleries, :entry, :force, :op_id, 0, '', 0, :now, :next) "
                                    "ON CONFLICT (node_id, backend) DO UPDATE SET op = excluded.op, "
                                    "galleries = excluded.galleries, entry = excluded.entry, "
                                    "force_reinstall = excluded.force_reinstall, ")
                         + QStringLiteral("attempts = CASE WHEN ") + sameOp
                         + QStringLiteral(" THEN pending_node_ops.attempts ELSE 0 END, last_error = CASE WHEN ") + sameOp
                         + QStringLiteral(" THEN pending_node_ops.last_error ELSE '' END, op_id = excluded.op_id, "
                                          "in_flight = 0, next_retry_at = excluded.next_retry_at RETURNING id"),
                     {{"node_id", row.nodeId},
                      {"backend", row.backend},
                      {"op", toString(row.op)},
                      {"galleries", jsonText(row.galleries)},
                      {"entry", jsonText(row.entry)},
                      {"force", flag(row.force)},
                      {"op_id", text(row.opId)},
                      {"now", d->now()},
                      {"next", row.nextRetryAt}});
    if (!q)
        return R::failure(q.error());
    if (!q.value().next())
        return R::failure(storeError(op, QStringLiteral("no id returned")));
    const qint64 id = q.value().value(0).toLongLong();
    q.value().finish();
    return id;
}

Result<QList<PendingNodeOp>> Store::listDue()
{
    // A row whose op no longer exists counts as a background row (docs/operations.md#reconcile-pass
    // step 4).
    auto q = d->exec("listDue",
                     QStringLiteral("SELECT p.id, p.node_id, p.backend, p.op, p.force_reinstall, p.op_id, p.attempts, "
                                    "p.in_flight, p.created_at, p.next_retry_at")
                         + QStringLiteral(" FROM pending_node_ops p JOIN nodes n ON n.id = p.node_id "
                                          "LEFT JOIN operations o ON o.id = p.op_id "
                                          "WHERE p.next_retry_at <= :now AND n.status = 'healthy' "
                                          "AND (o.id IS NULL OR o.status <> 'running')"),
                     {{"now", d->now()}});
    // Sorted here: PostgreSQL sorts 20,000 rows on disk (work_mem).
    auto rows = rowsOf(std::move(q), [](const QSqlQuery &row) {
        PendingNodeOp p;
        p.id = row.value(0).toLongLong();
        p.nodeId = row.value(1).toString();
        p.backend = row.value(2).toString();
        p.op = opKindFromString(row.value(3).toString()).value_or(OpKind::Install);
        p.force = row.value(4).toInt() != 0;
        p.opId = optText(row, 5);
        p.attempts = row.value(6).toInt();
        p.inFlight = row.value(7).toInt() != 0;
        p.createdAt = row.value(8).toLongLong();
        p.nextRetryAt = row.value(9).toLongLong();
        return p;
    });
    if (rows)
        std::sort(rows.value().begin(), rows.value().end(), [](const PendingNodeOp &a, const PendingNodeOp &b) {
            return a.nextRetryAt != b.nextRetryAt ? a.nextRetryAt < b.nextRetryAt : a.id < b.id;
        });
    return rows;
}

Result<bool> Store::recordFailure(qint64 rowId, const std::optional<QString> &opId, const QString &error,
                                  const BackoffPolicy &backoff)
{
    using R = Result<bool>;
    const char *op = "recordFailure";
    Transaction tx(*d, op);
    if (Status s = tx.begin(); !s)
        return R::failure(s.error());
    QList<Bind> readBinds{{"id", rowId}};
    addOpBind(readBinds, opId);
    const auto attempts = d->scalar(
        op, QStringLiteral("SELECT attempts FROM pending_node_ops WHERE id = :id AND ") + opGuard(opId), readBinds);
    if (!attempts)
        return R::failure(attempts.error());
    if (!attempts.value())
        return false;
    const int before = attempts.value()->toInt();
    const qint64 now = d->now();
    QList<Bind> binds{{"attempts", before + 1},
                      {"error", error},
                      {"next", now + backoff.delayForAttempt(before + 1)},
                      {"id", rowId},
                      {"before", before}};
    addOpBind(binds, opId);
    auto q = d->exec(op,
                     QStringLiteral("UPDATE pending_node_ops SET attempts = :attempts, last_error = :error, in_flight = 0, "
                                    "next_retry_at = :next WHERE id = :id AND attempts = :before AND ")
                         + opGuard(opId),
                     binds);
    if (!q)
        return R::failure(q.error());
    const bool updated = q.value().numRowsAffected() == 1;
    if (Status s = tx.commit(); !s)
        return R::failure(s.error());
    return updated;
}

Result<bool> Store::recordInFlight(qint64 rowId, const std::optional<QString> &opId, qint64 delayMs)
{
    QList<Bind> binds{{"next", d->now() + delayMs}, {"id", rowId}};
    addOpBind(binds, opId);
    auto q = d->exec("recordInFlight",
                     QStringLiteral("UPDATE pending_node_ops SET in_flight = 1, last_error = 'worker still busy', "
                                    "next_retry_at = :next WHERE id = :id AND ")
                         + opGuard(opId),
                     binds);
    if (!q)
        return Result<bool>::failure(q.error());
    return q.value().numRowsAffected() == 1;
}

Result<bool> Store::leasePending(qint64 rowId, const std::optional<QString> &opId, qint64 untilMs)
{
    QList<Bind> binds{{"until", untilMs}, {"id", rowId}};
    addOpBind(binds, opId);
    auto q = d->exec("leasePending",
                     QStringLiteral("UPDATE pending_node_ops SET next_retry_at = :until WHERE id = :id AND ") + opGuard(opId),
                     binds);
    if (!q)
        return Result<bool>::failure(q.error());
    return q.value().numRowsAffected() == 1;
}

Result<std::optional<PendingNodeOp>> Store::leaseDue(qint64 rowId, const std::optional<QString> &opId, qint64 untilMs)
{
    using R = Result<std::optional<PendingNodeOp>>;
    QList<Bind> binds{{"until", untilMs}, {"id", rowId}};
    addOpBind(binds, opId);
    auto q = d->exec("leaseDue",
                     QStringLiteral("UPDATE pending_node_ops SET next_retry_at = :until WHERE id = :id AND ") + opGuard(opId)
                         + QStringLiteral(" RETURNING ") + QLatin1String(kPendingColumns),
                     binds);
    if (!q)
        return R::failure(q.error());
    if (!q.value().next())
        return std::optional<PendingNodeOp>();
    std::optional<PendingNodeOp> row = pendingFromRow(q.value());
    q.value().finish(); // by primary key: one row
    return row;
}

Result<bool> Store::deletePending(qint64 rowId, const std::optional<QString> &opId)
{
    QList<Bind> binds{{"id", rowId}};
    addOpBind(binds, opId);
    auto q = d->exec("deletePending", QStringLiteral("DELETE FROM pending_node_ops WHERE id = :id AND ") + opGuard(opId), binds);
    if (!q)
        return Result<bool>::failure(q.error());
    return q.value().numRowsAffected() == 1;
}

Result<int> Store::deletePendingForOp(const QString &opId)
{
    auto q = d->exec("deletePendingForOp", QStringLiteral("DELETE FROM pending_node_ops WHERE op_id = :id"), {{"id", opId}});
    if (!q)
        return Result<int>::failure(q.error());
    return q.value().numRowsAffected();
}

Result<QList<SweptPending>> Store::deleteStalePending(qint64 graceMs)
{
    using R = Result<QList<SweptPending>>;
    const char *op = "deleteStalePending";
    Transaction tx(*d, op);
    if (Status s = tx.begin(); !s)
        return R::failure(s.error());
    QList<SweptPending> deleted;
    {
        // One statement: in_flight is the deleted row's, so an owner's lease (recordInFlight) that
        // committed just before is seen and the leased row settled (PostgreSQL sim seed 56).
        auto q = d->exec(op,
                         // A reason by its code, or by its text on a row an older build wrote
                         // (docs/reason-codes.md).
                         QStringLiteral("DELETE FROM pending_node_ops WHERE node_id IN (SELECT n.id FROM nodes n WHERE "
                                        "(n.status = 'draining' AND (n.status_reason_code = 'drained_by_admin' OR "
                                        "n.status_reason = 'drained by admin')) OR ((n.status IN ('offline','unhealthy') OR "
                                        "(n.status = 'draining' AND (n.status_reason_code = 'worker_shutting_down' OR "
                                        "n.status_reason = 'worker shutting down'))) AND n.last_heartbeat <= :cutoff)) RETURNING "
                                        "id, node_id, backend, op, op_id, in_flight, "
                                        "(SELECT n.status FROM nodes n WHERE n.id = pending_node_ops.node_id)"),
                         {{"cutoff", d->now() - graceMs}});
        if (!q)
            return R::failure(q.error());
        // Only what the settling and the pass need: 7,000 rows with their JSON took a sixth of the
        // sweep (bench_reconcile).
        while (q.value().next()) {
            SweptPending s;
            s.row.id = q.value().value(0).toLongLong();
            s.row.nodeId = q.value().value(1).toString();
            s.row.backend = q.value().value(2).toString();
            s.row.op = opKindFromString(q.value().value(3).toString()).value_or(OpKind::Install);
            s.row.opId = optText(q.value(), 4);
            s.row.inFlight = q.value().value(5).toInt() != 0;
            s.nodeStatus = nodeStatusFromString(q.value().value(6).toString()).value_or(NodeStatus::Offline);
            deleted << s;
        }
    }
    std::sort(deleted.begin(), deleted.end(), [](const SweptPending &a, const SweptPending &b) { return a.row.id < b.row.id; });
    // Their node rows settle in the same transaction: no node row is left non-terminal without a
    // pending row or a live request that will settle it (docs/operations.md#reconcile-pass).
    QHash<NodeKey, qsizetype> byKey;
    QList<NodeRowKey> keys;
    for (qsizetype i = 0; i < deleted.size(); ++i)
        if (const auto &opId = deleted[i].row.opId) {
            byKey.insert(NodeKey(*opId, deleted[i].row.nodeId), i);
            keys.append(NodeRowKey{*opId, deleted[i].row.nodeId});
        }
    const auto settled = d->changeNodeRows(
        op, keys,
        [&](const NodeProgress &cur) -> std::optional<NodeProgress> {
            const SweptPending &sp = deleted[byKey.value(NodeKey(cur.opId, cur.nodeId))];
            NodeProgress row = cur;
            if (cur.status == NodeRowStatus::Queued) {
                row.status = NodeRowStatus::Cancelled;
                row.setMessage(Reason::make("pending_dropped", {{"status", toString(sp.nodeStatus)}}));
            } else if (cur.status == NodeRowStatus::RunningOnWorker || (sp.row.inFlight && !isTerminal(cur.status))) {
                // A leased row was handed to the reconciler: no request of it is live. Its owner's
                // move of the node row to running_on_worker may still wait behind the progress
                // throttle; settled now, that write finds the row terminal and stops (PostgreSQL sim
                // seed 56: the row was swept as `downloading`, then written running_on_worker with
                // nothing left to confirm it).
                row.status = NodeRowStatus::Error;
                row.setError(Reason::make("node_offline_before_confirm"));
            } else {
                return std::nullopt;
            }
            return row;
        },
        false, d->now());
    if (!settled)
        return R::failure(settled.error());
    for (const NodeProgress &n : settled.value())
        deleted[byKey.value(NodeKey(n.opId, n.nodeId))].nodeRowSettled = true;
    if (Status s = tx.commit(); !s)
        return R::failure(s.error());
    return deleted;
}

Result<QList<PendingNodeOp>> Store::listPending()
{
    return rowsOf(d->exec("listPending", QStringLiteral("SELECT ") + QLatin1String(kPendingColumns)
                                             + QStringLiteral(" FROM pending_node_ops ORDER BY id")),
                  [](const QSqlQuery &row) { return pendingFromRow(row); });
}

} // namespace fleetdeck
