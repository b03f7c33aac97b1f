// Set-based store calls (docs/operations.md#reconcile-pass): many ops, node rows or pending rows
// in one statement each, their rows bound as one JSON array (StoreImpl::jsonTable), so that a pass
// over 100,000 pending rows makes a handful of statements instead of one or more per row.
#include "store/store_codec.h"
#include "store/store_impl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace fleetdeck {

using namespace storecodec;

namespace {

QString arrayText(const QJsonArray &rows)
{
    return QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
}

QString prefixed(const char *columns, const QString &prefix)
{
    QStringList cols = QString::fromLatin1(columns).split(QStringLiteral(", "));
    for (QString &c : cols)
        c.prepend(prefix);
    return cols.join(QStringLiteral(", "));
}

// The guarded pending rows `rows` as bound by pendingRefsWhere().
QList<Bind> pendingRefBinds(const QList<PendingRef> &rows)
{
    QJsonArray a;
    for (const PendingRef &r : rows)
        a.append(QJsonArray{r.id, r.opId.value_or(QString())}); // an op id is never ''
    const QString text = arrayText(a);
    return {{"rows1", text}, {"rows2", text}};
}

// A nullable text column's value in a bound JSON row.
QJsonValue jsonColumn(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toString());
}

QSet<qint64> idsOf(CachedStatement &q)
{
    QSet<qint64> ids;
    while (q.next())
        ids.insert(q.value(0).toLongLong());
    return ids;
}

} // namespace

QString StoreImpl::jsonTable(const char *param, std::initializer_list<JsonColumn> cols) const
{
    QStringList exprs;
    int i = 0;
    for (const JsonColumn &c : cols) {
        const QString item = isSqlite() ? QStringLiteral("json_extract(value, '$[%1]')").arg(i)
                                        : QStringLiteral("(value ->> %1)").arg(i);
        exprs << (c.integer ? QStringLiteral("CAST(%1 AS BIGINT)").arg(item) : item) + QStringLiteral(" AS ")
                     + QLatin1String(c.name);
        ++i;
    }
    // jsonb on PostgreSQL: `value ->> i` of a json element re-parses its text for every column,
    // which doubled the time of a 4,000-row node-row write (bench_reconcile).
    const QString source = isSqlite() ? QStringLiteral("json_each(%1)").arg(QLatin1String(param))
                                      : QStringLiteral("jsonb_array_elements(CAST(%1 AS jsonb))").arg(QLatin1String(param));
    return QStringLiteral("(SELECT ") + exprs.join(QStringLiteral(", ")) + QStringLiteral(" FROM ") + source + QLatin1Char(')');
}

Result<QList<Operation>> Store::getOps(const QStringList &ids)
{
    if (ids.isEmpty())
        return QList<Operation>();
    QJsonArray a;
    for (const QString &id : QSet<QString>(ids.begin(), ids.end()))
        a.append(QJsonArray{id});
    return d->loadOps("getOps", QStringLiteral("id IN (SELECT v.id FROM ") + d->jsonTable(":ids", {{"id"}}) + QStringLiteral(" AS v)"),
                      {{"ids", arrayText(a)}});
}

Result<QList<OpDelta>> Store::opDeltas(const QStringList &ids, qint64 changedSinceMs)
{
    using R = Result<QList<OpDelta>>;
    const char *op = "opDeltas";
    if (ids.isEmpty())
        return QList<OpDelta>();
    QJsonArray a;
    for (const QString &id : QSet<QString>(ids.begin(), ids.end()))
        a.append(QJsonArray{id});
    const QString idsText = arrayText(a); // distinct ids: joined, not semi-joined (PostgreSQL then
                                          // re-scans the array for every node row)
    // PostgreSQL counts the fingerprint where the rows are and sends only the changed rows. SQLite
    // has the rows in-process: one walk of them does both (a second walk cost more than the rows).
    const bool sqlite = d->isSqlite();
    QList<OpDelta> deltas;
    QHash<QString, qsizetype> index;
    {
        auto q = d->exec(op,
                         sqlite ? QString(QStringLiteral("SELECT ") + prefixed(kOpColumns, QStringLiteral("o.")) + QStringLiteral(" FROM ")
                                          + d->jsonTable(":ids1", {{"id"}}) + QStringLiteral(" AS v JOIN operations o ON o.id = v.id"))
                                : QStringLiteral("SELECT ") + prefixed(kOpColumns, QStringLiteral("o."))
                                      + QStringLiteral(", f.n, f.s, f.q FROM ") + d->jsonTable(":ids1", {{"id"}})
                                      + QStringLiteral(" AS v JOIN operations o ON o.id = v.id LEFT JOIN (SELECT t.op_id, COUNT(*) AS n, "
                                                       "SUM(t.revision) AS s, SUM(t.revision * t.revision) AS q FROM ")
                                      + d->jsonTable(":ids2", {{"id"}})
                                      + QStringLiteral(" AS w JOIN operation_nodes t ON t.op_id = w.id GROUP BY t.op_id) f ON f.op_id = o.id"),
                         sqlite ? QList<Bind>{{"ids1", idsText}} : QList<Bind>{{"ids1", idsText}, {"ids2", idsText}});
        if (!q)
            return R::failure(q.error());
        const int fp = int(QString::fromLatin1(kOpColumns).count(QLatin1Char(','))) + 1; // first fingerprint column
        while (q.value().next()) {
            OpDelta delta;
            delta.op = opFromRow(q.value());
            if (!sqlite) {
                delta.rowCount = q.value().value(fp).toLongLong();
                delta.revisionSum = q.value().value(fp + 1).toLongLong();
                delta.revisionSquareSum = q.value().value(fp + 2).toLongLong();
            }
            index.insert(delta.op.id, deltas.size());
            deltas << delta;
        }
    }
    if (deltas.isEmpty())
        return deltas;
    if (sqlite) {
        auto q = d->exec(op,
                         QStringLiteral("SELECT ") + prefixed(kNodeRowColumns, QStringLiteral("t.")) + QStringLiteral(" FROM ")
                             + d->jsonTable(":ids", {{"id"}}) + QStringLiteral(" AS v JOIN operation_nodes t ON t.op_id = v.id"),
                         {{"ids", idsText}});
        if (!q)
            return R::failure(q.error());
        while (q.value().next()) { // kNodeRowColumns: op_id first, updated_at and revision 11 and 12
            const auto it = index.constFind(q.value().value(0).toString());
            if (it == index.constEnd())
                continue;
            OpDelta &delta = deltas[*it];
            const qint64 revision = q.value().value(12).toLongLong();
            ++delta.rowCount;
            delta.revisionSum += revision;
            delta.revisionSquareSum += revision * revision;
            if (q.value().value(11).toLongLong() >= changedSinceMs)
                delta.op.nodes << nodeRowFromRow(q.value());
        }
    } else {
        // Each op's rows through the primary key, then filtered by time. PostgreSQL, which expects
        // one changed row from stale statistics, otherwise scans the table and every row re-scans
        // the array (bench_reconcile: 200 ms); LATERAL with OFFSET 0 (not flattened) fixes the order.
        const auto rows = rowsOf(d->exec(op,
                                         QStringLiteral("SELECT x.* FROM ") + d->jsonTable(":ids", {{"id"}})
                                             + QStringLiteral(" AS v CROSS JOIN LATERAL (SELECT ")
                                             + prefixed(kNodeRowColumns, QStringLiteral("t."))
                                             + QStringLiteral(" FROM operation_nodes t WHERE t.op_id = v.id AND t.updated_at >= :since "
                                                              "OFFSET 0) x"),
                                         {{"ids", idsText}, {"since", changedSinceMs}}),
                                 [](const QSqlQuery &row) { return nodeRowFromRow(row); });
        if (!rows)
            return R::failure(rows.error());
        for (const NodeProgress &row : rows.value())
            if (const auto it = index.constFind(row.opId); it != index.constEnd())
                deltas[*it].op.nodes << row;
    }
    std::sort(deltas.begin(), deltas.end(), [](const OpDelta &x, const OpDelta &y) {
        return x.op.createdAt != y.op.createdAt ? x.op.createdAt < y.op.createdAt : x.op.id < y.op.id;
    });
    for (OpDelta &delta : deltas)
        delta.op.sortNodesByName();
    return deltas;
}

Result<QList<NodeProgress>> StoreImpl::changeNodeRows(const char *op, const QList<NodeRowKey> &keys, const NodeRowChange &change,
                                                      bool allowTerminalRewrite, qint64 nowMs)
{
    using R = Result<QList<NodeProgress>>;
    QList<NodeProgress> written;
    QHash<NodeKey, qsizetype> order; // the rows written come back in the order of `keys`
    QJsonArray keyRows;
    for (const NodeRowKey &k : keys)
        if (!order.contains(NodeKey(k.opId, k.nodeId))) {
            order.insert(NodeKey(k.opId, k.nodeId), order.size());
            keyRows.append(QJsonArray{k.opId, k.nodeId});
        }
    if (keyRows.isEmpty())
        return written;
    const auto current = rowsOf(exec(op,
                                     QStringLiteral("SELECT ") + prefixed(kNodeRowColumns, QStringLiteral("t.")) + QStringLiteral(" FROM ")
                                         + jsonTable(":keys", {{"op_id"}, {"node_id"}})
                                         + QStringLiteral(" AS v JOIN operation_nodes t ON t.op_id = v.op_id AND t.node_id = v.node_id"),
                                     {{"keys", arrayText(keyRows)}}),
                                [](const QSqlQuery &row) { return nodeRowFromRow(row); });
    if (!current)
        return R::failure(current.error());
    // The rules of writeNodeRow, row by row: the guard, the revision, whether progress changed.
    QHash<NodeKey, NodeProgress> values;
    QHash<QString, bool> progressOf; // op id → a written row of it changed progress
    QJsonArray rows;
    for (const NodeProgress &old : current.value()) {
        if (!old.rewritable(allowTerminalRewrite))
            continue;
        std::optional<NodeProgress> row = change(old);
        if (!row)
            continue;
        queuedNodes.remove(NodeKey(old.opId, old.nodeId)); // older than this value
        row->opId = old.opId;
        row->nodeId = old.nodeId;
        row->percentage = qBound(0, row->percentage, 100);
        row->revision = row->revision > old.revision ? row->revision : old.revision + 1;
        row->updatedAt = nowMs;
        const bool progressChanged = old.status != row->status || old.percentage != row->percentage
                                     || old.currentBytes != row->currentBytes || old.totalBytes != row->totalBytes
                                     || old.fileName != row->fileName;
        values.insert(NodeKey(old.opId, old.nodeId), *row);
        progressOf[old.opId] = progressOf.value(old.opId) || progressChanged;
        rows.append(QJsonArray{row->opId, row->nodeId, row->nodeName, toString(row->status), row->percentage, row->currentBytes,
                               row->totalBytes, row->fileName, row->phase, row->message,
                               row->error ? QJsonValue(*row->error) : QJsonValue(), row->revision,
                               jsonColumn(reasonCode(row->messageCode)), jsonColumn(reasonArgs(row->messageCode)),
                               jsonColumn(reasonCode(row->errorCode)), jsonColumn(reasonArgs(row->errorCode))});
    }
    if (rows.isEmpty())
        return written;
    QHash<QString, bool> writtenOps;
    {
        QString sql = QStringLiteral(
                          "UPDATE operation_nodes SET node_name = v.node_name, status = v.status, percentage = v.percentage, "
                          "current_bytes = v.current_bytes, total_bytes = v.total_bytes, file_name = v.file_name, phase = v.phase, "
                          "message = v.message, error = v.error, updated_at = :now, revision = v.revision, "
                          "message_code = v.message_code, message_args = v.message_args, error_code = v.error_code, "
                          "error_args = v.error_args FROM ")
                      + jsonTable(":rows", {{"op_id"}, {"node_id"}, {"node_name"}, {"status"}, {"percentage", true},
                                            {"current_bytes", true}, {"total_bytes", true}, {"file_name"}, {"phase"},
                                            {"message"}, {"error"}, {"revision", true}, {"message_code"}, {"message_args"},
                                            {"error_code"}, {"error_args"}})
                      + QStringLiteral(" AS v WHERE operation_nodes.op_id = v.op_id AND operation_nodes.node_id = v.node_id");
        if (!allowTerminalRewrite)
            sql += QStringLiteral(" AND operation_nodes.status NOT IN ('success','error','cancelled')");
        sql += QStringLiteral(" RETURNING operation_nodes.op_id, operation_nodes.node_id");
        auto q = exec(op, sql, {{"now", nowMs}, {"rows", arrayText(rows)}});
        if (!q)
            return R::failure(q.error());
        while (q.value().next()) {
            const NodeKey key(q.value().value(0).toString(), q.value().value(1).toString());
            written.append(values.value(key));
            writtenOps.insert(key.first, progressOf.value(key.first));
        }
    }
    if (writtenOps.isEmpty())
        return written;
    std::sort(written.begin(), written.end(), [&order](const NodeProgress &a, const NodeProgress &b) {
        return order.value(NodeKey(a.opId, a.nodeId)) < order.value(NodeKey(b.opId, b.nodeId));
    });
    // The op's clocks move only while it is active (docs/operations.md#store-operations); a
    // confirmation of a handed-off op is a new state of it (docs/operations.md "Revisions").
    QJsonArray ops;
    for (auto it = writtenOps.constBegin(); it != writtenOps.constEnd(); ++it)
        ops.append(QJsonArray{it.key(), it.value() ? 1 : 0});
    auto q = exec(op,
                  QStringLiteral("UPDATE operations SET updated_at = :now1, "
                                 "progress_at = CASE WHEN v.changed = 1 THEN :now2 ELSE progress_at END, "
                                 "revision = CASE WHEN status = 'running_on_worker' THEN revision + 1 ELSE revision END FROM ")
                      + jsonTable(":ops", {{"id"}, {"changed", true}})
                      + QStringLiteral(" AS v WHERE operations.id = v.id AND operations.status IN ('queued','running','running_on_worker')"),
                  {{"now1", nowMs}, {"now2", nowMs}, {"ops", arrayText(ops)}});
    if (!q)
        return R::failure(q.error());
    return written;
}

Result<QList<NodeProgress>> Store::updateNodeRows(const QList<NodeRowKey> &keys, const NodeRowChange &change, bool allowTerminalRewrite)
{
    using R = Result<QList<NodeProgress>>;
    const char *op = "updateNodeRows";
    if (keys.isEmpty())
        return QList<NodeProgress>();
    Transaction tx(*d, op);
    if (Status s = tx.begin(); !s)
        return R::failure(s.error());
    auto written = d->changeNodeRows(op, keys, change, allowTerminalRewrite, d->now());
    if (!written)
        return written;
    if (Status s = tx.commit(); !s)
        return R::failure(s.error());
    return written;
}

// `id` and the null-safe op id guard of docs/operations.md#store-operations, for many rows: the
// first list finds the rows by primary key, the second holds each to its op id.
static const QLatin1String kPendingRefsWhere("id IN (SELECT v.id FROM %1 AS v) AND (id, COALESCE(op_id, '')) IN "
                                             "(SELECT v.id, v.op FROM %2 AS v)");

Result<QSet<qint64>> Store::deletePendingRows(const QList<PendingRef> &rows)
{
    if (rows.isEmpty())
        return QSet<qint64>();
    auto q = d->exec("deletePendingRows",
                     QStringLiteral("DELETE FROM pending_node_ops WHERE ")
                         + QString(kPendingRefsWhere)
                               .arg(d->jsonTable(":rows1", {{"id", true}}), d->jsonTable(":rows2", {{"id", true}, {"op"}}))
                         + QStringLiteral(" RETURNING id"),
                     pendingRefBinds(rows));
    if (!q)
        return Result<QSet<qint64>>::failure(q.error());
    return idsOf(q.value());
}

Result<QSet<qint64>> Store::recordInFlightRows(const QList<PendingRef> &rows, qint64 delayMs)
{
    if (rows.isEmpty())
        return QSet<qint64>();
    QList<Bind> binds = pendingRefBinds(rows);
    binds.append({"next", d->now() + delayMs});
    auto q = d->exec("recordInFlightRows",
                     QStringLiteral("UPDATE pending_node_ops SET in_flight = 1, last_error = 'worker still busy', "
                                    "next_retry_at = :next WHERE ")
                         + QString(kPendingRefsWhere)
                               .arg(d->jsonTable(":rows1", {{"id", true}}), d->jsonTable(":rows2", {{"id", true}, {"op"}}))
                         + QStringLiteral(" RETURNING id"),
                     binds);
    if (!q)
        return Result<QSet<qint64>>::failure(q.error());
    return idsOf(q.value());
}

Result<QList<PendingState>> Store::listPendingStates(const PendingCandidates &c)
{
    if (c.pairs.isEmpty() && c.deleteNodes.isEmpty())
        return QList<PendingState>();
    QJsonArray pairs, nodes;
    for (const auto &pair : c.pairs)
        pairs.append(QJsonArray{pair.first, pair.second});
    for (const QString &node : c.deleteNodes)
        nodes.append(QJsonArray{node});
    // Each candidate found through the (node_id, backend) index and read there (not looked up
    // again by id); the UNION drops a delete row found both ways. Sorted here: an ORDER BY makes
    // PostgreSQL walk the primary key and look every node row up.
    auto rows = rowsOf(d->exec("listPendingStates",
                          QStringLiteral("SELECT p.id, p.node_id, p.backend, p.op, p.force_reinstall, p.op_id, p.created_at, "
                                         "o.status, n.status FROM (SELECT q.id, q.node_id, q.backend, q.op, q.force_reinstall, "
                                         "q.op_id, q.created_at FROM ")
                              + d->jsonTable(":pairs", {{"node_id"}, {"backend"}})
                              + QStringLiteral(" AS v JOIN pending_node_ops q ON q.node_id = v.node_id AND q.backend = v.backend "
                                               "UNION SELECT q.id, q.node_id, q.backend, q.op, q.force_reinstall, q.op_id, q.created_at FROM ")
                              + d->jsonTable(":nodes", {{"node_id"}})
                              + QStringLiteral(" AS w JOIN pending_node_ops q ON q.node_id = w.node_id WHERE q.op = 'delete') p "
                                               "LEFT JOIN operations o ON o.id = p.op_id "
                                               "LEFT JOIN operation_nodes n ON n.op_id = p.op_id AND n.node_id = p.node_id"),
                          {{"pairs", arrayText(pairs)}, {"nodes", arrayText(nodes)}}),
                  [](const QSqlQuery &q) {
                      PendingState s;
                      s.row.id = q.value(0).toLongLong();
                      s.row.nodeId = q.value(1).toString();
                      s.row.backend = q.value(2).toString();
                      s.row.op = opKindFromString(q.value(3).toString()).value_or(OpKind::Install);
                      s.row.force = q.value(4).toInt() != 0;
                      s.row.opId = optText(q, 5);
                      s.row.createdAt = q.value(6).toLongLong();
                      if (const auto st = optText(q, 7))
                          s.opState = opStateFromString(*st);
                      if (const auto st = optText(q, 8))
                          s.nodeRowStatus = nodeRowStatusFromString(*st);
                      return s;
                  });
    if (rows)
        std::sort(rows.value().begin(), rows.value().end(), [](const PendingState &a, const PendingState &b) { return a.row.id < b.row.id; });
    return rows;
}

Result<QStringList> Store::resolvableHandedOffOps(const QStringList &ids)
{
    if (ids.isEmpty())
        return QStringList();
    QJsonArray a;
    for (const QString &id : QSet<QString>(ids.begin(), ids.end()))
        a.append(QJsonArray{id});
    auto q = d->exec("resolvableHandedOffOps",
                     QStringLiteral("SELECT o.id FROM operations o LEFT JOIN operation_nodes n ON n.op_id = o.id "
                                    "WHERE o.id IN (SELECT v.id FROM ")
                         + d->jsonTable(":ids", {{"id"}})
                         + QStringLiteral(" AS v) AND o.status = 'running_on_worker' GROUP BY o.id "
                                          "HAVING SUM(CASE WHEN n.status = 'error' THEN 1 ELSE 0 END) > 0 "
                                          "OR SUM(CASE WHEN n.status = 'running_on_worker' THEN 1 ELSE 0 END) = 0"),
                     {{"ids", arrayText(a)}});
    if (!q)
        return Result<QStringList>::failure(q.error());
    QStringList out;
    while (q.value().next())
        out << q.value().value(0).toString();
    std::sort(out.begin(), out.end());
    return out;
}

Result<QSet<QString>> Store::nodesWithDueOrLeasedRows()
{
    auto q = d->exec("nodesWithDueOrLeasedRows",
                     QStringLiteral("SELECT node_id FROM pending_node_ops WHERE in_flight = 1 UNION "
                                    "SELECT p.node_id FROM pending_node_ops p LEFT JOIN operations o ON o.id = p.op_id "
                                    "WHERE p.next_retry_at <= :now AND (o.id IS NULL OR o.status <> 'running')"),
                     {{"now", d->now()}});
    if (!q)
        return Result<QSet<QString>>::failure(q.error());
    QSet<QString> ids;
    while (q.value().next())
        ids.insert(q.value().value(0).toString());
    return ids;
}

} // namespace fleetdeck
