// pending_node_ops (docs/operations.md#store-operations, #fan-out, #reconcile-pass): durable
// per-node intents, their retry bookkeeping and the sweep.
#include "store/store_codec.h"
#include "store/store_impl.h"

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
                     QStringLiteral("SELECT ") + pendingColumns(QStringLiteral("p."))
                         + QStringLiteral(" FROM pending_node_ops p JOIN nodes n ON n.id = p.node_id "
                                          "LEFT JOIN operations o ON o.id = p.op_id "
                                          "WHERE p.next_retry_at <= :now AND n.status = 'healthy' "
                                          "AND (o.id IS NULL OR o.status <> 'running') "
                                          "ORDER BY p.next_retry_at, p.id"),
                     {{"now", d->now()}});
    return rowsOf(std::move(q), [](const QSqlQuery &row) { return pendingFromRow(row); });
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
    QList<SweptPending> candidates;
    {
        auto q = d->exec(op,
                         QStringLiteral("SELECT ") + pendingColumns(QStringLiteral("p."))
                             + QStringLiteral(", n.status FROM pending_node_ops p JOIN nodes n ON n.id = p.node_id WHERE "
                                              "(n.status = 'draining' AND n.status_reason = 'drained by admin') OR "
                                              "((n.status IN ('offline','unhealthy') OR "
                                              "(n.status = 'draining' AND n.status_reason = 'worker shutting down')) "
                                              "AND n.last_heartbeat <= :cutoff) ORDER BY p.id"),
                         {{"cutoff", d->now() - graceMs}});
        if (!q)
            return R::failure(q.error());
        while (q.value().next()) {
            SweptPending s;
            s.row = pendingFromRow(q.value());
            s.nodeStatus = nodeStatusFromString(q.value().value(13).toString()).value_or(NodeStatus::Offline);
            candidates << s;
        }
    }
    QList<SweptPending> deleted;
    for (SweptPending s : candidates) {
        // in_flight as deleted, not as selected: an owner's lease (recordInFlight) may have
        // committed in between, and the sweep settles a leased row (PostgreSQL sim seed 56).
        auto q = d->exec(op, QStringLiteral("DELETE FROM pending_node_ops WHERE id = :id RETURNING in_flight"),
                         {{"id", s.row.id}});
        if (!q)
            return R::failure(q.error());
        if (q.value().next()) {
            s.row.inFlight = q.value().value(0).toInt() != 0;
            deleted << s;
        }
    }
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
