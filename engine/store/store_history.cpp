// History (docs/operations.md#history): bounded, pruned in the inserting transaction, read newest
// first.
#include "store/store_codec.h"
#include "store/store_impl.h"

namespace fleetdeck {

using namespace storecodec;

Result<qint64> Store::appendHistory(const HistoryEntry &entry, int size)
{
    auto ids = appendHistoryEntries({entry}, size);
    if (!ids)
        return Result<qint64>::failure(ids.error());
    return ids.value().value(0);
}

Result<QList<qint64>> Store::appendHistoryEntries(const QList<HistoryEntry> &entries, int size)
{
    using R = Result<QList<qint64>>;
    const char *op = "appendHistory";
    if (entries.isEmpty())
        return QList<qint64>();
    Transaction tx(*d, op);
    if (Status s = tx.begin(); !s)
        return R::failure(s.error());
    QList<qint64> ids;
    for (const HistoryEntry &entry : entries) {
        auto q = d->exec(op,
                         QStringLiteral("INSERT INTO history (entry_kind, op_id, kind, backend, node_id, node_name, outcome, "
                                        "message, error, params, nodes, attempts, requested_by, replica_id, started_at, "
                                        "finished_at, message_code, message_args, error_code, error_args) VALUES (:entry_kind, "
                                        ":op_id, :kind, :backend, :node_id, :node_name, :outcome, :message, :error, :params, "
                                        ":nodes, :attempts, :requested_by, :replica_id, :started_at, :finished_at, :mc, :ma, "
                                        ":ec, :ea) RETURNING id"),
                         {{"entry_kind", entry.entryKind},
                          {"op_id", text(entry.opId)},
                          {"kind", entry.kind},
                          {"backend", entry.backend},
                          {"node_id", text(entry.nodeId)},
                          {"node_name", text(entry.nodeName)},
                          {"outcome", entry.outcome},
                          {"message", entry.message},
                          {"error", text(entry.error)},
                          {"params", jsonText(entry.params)},
                          {"nodes", jsonText(entry.nodes)},
                          {"attempts", int32(entry.attempts)},
                          {"requested_by", entry.requestedBy},
                          {"replica_id", entry.replicaId},
                          {"started_at", int64(entry.startedAt)},
                          {"finished_at", entry.finishedAt > 0 ? entry.finishedAt : d->now()},
                          {"mc", reasonCode(entry.messageCode)},
                          {"ma", reasonArgs(entry.messageCode)},
                          {"ec", reasonCode(entry.errorCode)},
                          {"ea", reasonArgs(entry.errorCode)}});
        if (!q)
            return R::failure(q.error());
        if (!q.value().next())
            return R::failure(storeError(op, QStringLiteral("no id returned")));
        ids.append(q.value().value(0).toLongLong());
        q.value().finish();
    }
    auto prune = d->exec(op,
                         QStringLiteral("DELETE FROM history WHERE id NOT IN (SELECT id FROM history "
                                        "ORDER BY finished_at DESC, id DESC LIMIT :size)"),
                         {{"size", qMax(0, size)}});
    if (!prune)
        return R::failure(prune.error());
    if (Status s = tx.commit(); !s)
        return R::failure(s.error());
    return ids;
}

Result<QList<HistoryEntry>> Store::listHistory(int limit)
{
    return rowsOf(d->exec("listHistory",
                          QStringLiteral("SELECT ") + QLatin1String(kHistoryColumns)
                              + QStringLiteral(" FROM history ORDER BY finished_at DESC, id DESC LIMIT :limit"),
                          {{"limit", qMax(0, limit)}}),
                  historyFromRow);
}

Result<std::optional<HistoryEntry>> Store::historyEntry(qint64 id)
{
    using R = Result<std::optional<HistoryEntry>>;
    auto q = d->exec("historyEntry",
                     QStringLiteral("SELECT ") + QLatin1String(kHistoryColumns) + QStringLiteral(" FROM history WHERE id = :id"),
                     {{"id", id}});
    if (!q)
        return R::failure(q.error());
    if (!q.value().next())
        return std::optional<HistoryEntry>();
    HistoryEntry h = historyFromRow(q.value());
    q.value().finish();
    return std::optional<HistoryEntry>(h);
}

} // namespace fleetdeck
