// Operation reads with their node rows, and the retention sweep of terminal ops
// (docs/operations.md#store-operations, #reaper, docs/architecture.md#start-up-and-hydration).
#include "store/store_codec.h"
#include "store/store_impl.h"

namespace fleetdeck {

using namespace storecodec;

Result<QList<NodeProgress>> StoreImpl::loadNodeRows(const char *op, const QString &whereSql, const QList<Bind> &binds)
{
    return rowsOf(exec(op, QStringLiteral("SELECT ") + QLatin1String(kNodeRowColumns)
                               + QStringLiteral(" FROM operation_nodes WHERE ") + whereSql,
                       binds),
                  [](const QSqlQuery &row) { return nodeRowFromRow(row); });
}

// Ops matching `whereSql` (a condition on `operations`) by (created_at, id), each with its node
// rows in name order.
Result<QList<Operation>> StoreImpl::loadOps(const char *op, const QString &whereSql, const QList<Bind> &binds)
{
    using R = Result<QList<Operation>>;
    QList<Operation> ops;
    {
        auto q = exec(op, QStringLiteral("SELECT ") + QLatin1String(kOpColumns) + QStringLiteral(" FROM operations WHERE ")
                              + whereSql + QStringLiteral(" ORDER BY created_at, id"),
                      binds);
        if (!q)
            return R::failure(q.error());
        while (q.value().next())
            ops << opFromRow(q.value());
    }
    if (ops.isEmpty())
        return ops;
    const auto rows = loadNodeRows(op, QStringLiteral("op_id IN (SELECT id FROM operations WHERE ") + whereSql + QLatin1Char(')'),
                                   binds);
    if (!rows)
        return R::failure(rows.error());
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < ops.size(); ++i)
        index.insert(ops[i].id, i);
    for (const NodeProgress &row : rows.value()) {
        const auto it = index.constFind(row.opId);
        if (it != index.constEnd())
            ops[*it].nodes << row;
    }
    for (Operation &o : ops)
        o.sortNodesByName();
    return ops;
}

Result<std::optional<Operation>> StoreImpl::activeOpForKey(const char *op, const QString &cacheKey)
{
    using R = Result<std::optional<Operation>>;
    const auto ops = loadOps(op, QStringLiteral("active_key = :key"), {{"key", cacheKey}});
    if (!ops)
        return R::failure(ops.error());
    if (ops.value().isEmpty())
        return std::optional<Operation>();
    return std::optional<Operation>(ops.value().first());
}

Result<std::optional<Operation>> Store::getOp(const QString &id)
{
    using R = Result<std::optional<Operation>>;
    const auto ops = d->loadOps("getOp", QStringLiteral("id = :id"), {{"id", id}});
    if (!ops)
        return R::failure(ops.error());
    if (ops.value().isEmpty())
        return std::optional<Operation>();
    return std::optional<Operation>(ops.value().first());
}

Result<QList<Operation>> Store::loadOpsForHydration(qint64 failedSinceMs)
{
    return d->loadOps("loadOpsForHydration",
                      QStringLiteral("status IN ('queued','running','running_on_worker') OR (status = 'failed' AND "
                                     "dismissed_at IS NULL AND finished_at >= :since)"),
                      {{"since", failedSinceMs}});
}

Result<QList<Operation>> Store::listedOpsForKey(const QString &cacheKey)
{
    auto ops = d->loadOps("listedOpsForKey",
                          QStringLiteral("cache_key = :key AND (status IN ('queued','running','running_on_worker') OR "
                                         "(status = 'failed' AND dismissed_at IS NULL))"),
                          {{"key", cacheKey}});
    if (ops)
        std::stable_sort(ops.value().begin(), ops.value().end(),
                         [](const Operation &a, const Operation &b) { return isActive(a.state) && !isActive(b.state); });
    return ops;
}

Result<QList<Operation>> Store::listStaleActive(qint64 cutoffMs)
{
    return d->loadOps("listStaleActive",
                      QStringLiteral("status IN ('queued','running','running_on_worker') AND updated_at < :cutoff"),
                      {{"cutoff", cutoffMs}});
}

Result<int> Store::deleteFinishedBefore(qint64 cutoffMs)
{
    auto q = d->exec("deleteFinishedBefore",
                     QStringLiteral("DELETE FROM operations WHERE status IN ('success','failed','cancelled') "
                                    "AND finished_at < :cutoff"),
                     {{"cutoff", cutoffMs}});
    if (!q)
        return Result<int>::failure(q.error());
    return q.value().numRowsAffected();
}

Result<int> Store::countOps()
{
    const auto n = d->scalar("countOps", QStringLiteral("SELECT COUNT(*) FROM operations"));
    if (!n)
        return Result<int>::failure(n.error());
    return n.value() ? n.value()->toInt() : 0;
}

} // namespace fleetdeck
