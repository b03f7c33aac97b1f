// operation_nodes rows (docs/operations.md#store-operations, #cancel, #reaper).
#include "store/store_codec.h"
#include "store/store_impl.h"

#include <algorithm>

namespace fleetdeck {

// A confirmation of a handed-off op is a new state of it (docs/operations.md "Revisions"); while
// the op runs, its owner's memory leads and its node-row writes leave the revision alone.
static const QLatin1String kBumpAfterHandOff(
    "revision = CASE WHEN status = 'running_on_worker' THEN revision + 1 ELSE revision END");


using namespace storecodec;

namespace {

const QString kInsertRow = QStringLiteral(
    "INSERT INTO operation_nodes (op_id, node_id, node_name, status, percentage, current_bytes, total_bytes, "
    "file_name, phase, message, error, updated_at, revision, message_code, message_args, error_code, error_args) "
    "VALUES (:op_id, :node_id, :node_name, :status, :percentage, :current_bytes, :total_bytes, :file_name, :phase, "
    ":message, :error, :now, :revision, :mc, :ma, :ec, :ea) ON CONFLICT (op_id, node_id) DO NOTHING");

QList<Bind> rowBinds(const NodeProgress &r, qint64 nowMs)
{
    return {{"op_id", r.opId},
            {"node_id", r.nodeId},
            {"node_name", r.nodeName},
            {"status", toString(r.status)},
            {"percentage", qBound(0, r.percentage, 100)},
            {"current_bytes", r.currentBytes},
            {"total_bytes", r.totalBytes},
            {"file_name", r.fileName},
            {"phase", r.phase},
            {"message", r.message},
            {"error", text(r.error)},
            {"now", nowMs},
            {"revision", r.revision},
            {"mc", reasonCode(r.messageCode)},
            {"ma", reasonArgs(r.messageCode)},
            {"ec", reasonCode(r.errorCode)},
            {"ea", reasonArgs(r.errorCode)}};
}

} // namespace

Status StoreImpl::insertNodeRowsIn(const char *op, const QList<NodeProgress> &rows, qint64 nowMs)
{
    for (const NodeProgress &r : rows) {
        auto q = exec(op, kInsertRow, rowBinds(r, nowMs));
        if (!q)
            return Status::failure(q.error());
    }
    return okStatus();
}

Status Store::insertNodeRows(const QList<NodeProgress> &rows)
{
    const char *op = "insertNodeRows";
    if (rows.isEmpty())
        return okStatus();
    Transaction tx(*d, op);
    if (Status s = tx.begin(); !s)
        return s;
    if (Status s = d->insertNodeRowsIn(op, rows, d->now()); !s)
        return s;
    return tx.commit();
}

Result<bool> StoreImpl::writeNodeRow(const char *op, const NodeProgress &row, bool allowTerminalRewrite, qint64 nowMs)
{
    using R = Result<bool>;
    bool progressChanged = false;
    std::optional<NodeProgress> old;
    {
        const auto rows = loadNodeRows(op, QStringLiteral("op_id = :op AND node_id = :node"),
                                       {{"op", row.opId}, {"node", row.nodeId}});
        if (!rows)
            return R::failure(rows.error());
        if (!rows.value().isEmpty())
            old = rows.value().first();
    }
    if (!old) {
        // Rows are created up front by the fan-out; a row of a vanished op is not recreated.
        const auto exists = scalar(op, QStringLiteral("SELECT COUNT(*) FROM operations WHERE id = :id"), {{"id", row.opId}});
        if (!exists)
            return R::failure(exists.error());
        if (!exists.value() || exists.value()->toInt() == 0)
            return false;
        auto q = exec(op, kInsertRow, rowBinds(row, nowMs));
        if (!q)
            return R::failure(q.error());
        if (q.value().numRowsAffected() != 1)
            return false;
        progressChanged = true;
    } else {
        if (!old->rewritable(allowTerminalRewrite))
            return false;
        QString sql = QStringLiteral(
            "UPDATE operation_nodes SET node_name = :node_name, status = :status, percentage = :percentage, "
            "current_bytes = :current_bytes, total_bytes = :total_bytes, file_name = :file_name, phase = :phase, "
            "message = :message, error = :error, updated_at = :now, revision = :revision, message_code = :mc, "
            "message_args = :ma, error_code = :ec, error_args = :ea WHERE op_id = :op_id AND node_id = :node_id");
        if (!allowTerminalRewrite)
            sql += QStringLiteral(" AND status NOT IN ('success','error','cancelled')");
        // The owner writes the revision it showed; any other writer makes a new one.
        NodeProgress written = row;
        written.revision = row.revision > old->revision ? row.revision : old->revision + 1;
        auto q = exec(op, sql, rowBinds(written, nowMs));
        if (!q)
            return R::failure(q.error());
        if (q.value().numRowsAffected() != 1)
            return false;
        progressChanged = old->status != row.status || old->percentage != qBound(0, row.percentage, 100)
                          || old->currentBytes != row.currentBytes || old->totalBytes != row.totalBytes
                          || old->fileName != row.fileName;
    }
    // The op's clocks move only while it is active (docs/operations.md#store-operations).
    const QString sql = progressChanged
        ? QStringLiteral("UPDATE operations SET updated_at = :now1, progress_at = :now2, ") + kBumpAfterHandOff
              + QStringLiteral(" WHERE id = :id AND status IN ('queued','running','running_on_worker')")
        : QStringLiteral("UPDATE operations SET updated_at = :now1, ") + kBumpAfterHandOff
              + QStringLiteral(" WHERE id = :id AND status IN ('queued','running','running_on_worker')");
    QList<Bind> binds{{"now1", nowMs}, {"id", row.opId}};
    if (progressChanged)
        binds.append({"now2", nowMs});
    auto q = exec(op, sql, binds);
    if (!q)
        return R::failure(q.error());
    return true;
}

Result<bool> Store::updateNodeRow(const NodeProgress &row, bool allowTerminalRewrite)
{
    const char *op = "updateNodeRow";
    d->queuedNodes.remove(NodeKey(row.opId, row.nodeId)); // older than this value
    Transaction tx(*d, op);
    if (Status s = tx.begin(); !s)
        return Result<bool>::failure(s.error());
    const auto written = d->writeNodeRow(op, row, allowTerminalRewrite, d->now());
    if (!written)
        return written;
    if (Status s = tx.commit(); !s)
        return Result<bool>::failure(s.error());
    return written;
}

Result<QList<NodeProgress>> Store::nodeRows(const QString &opId)
{
    auto rows = d->loadNodeRows("nodeRows", QStringLiteral("op_id = :id"), {{"id", opId}});
    if (rows)
        std::stable_sort(rows.value().begin(), rows.value().end(),
                         [](const NodeProgress &a, const NodeProgress &b) { return nameLess(a.nodeName, b.nodeName); });
    return rows;
}

Result<int> Store::failOpenNodeRows(const QString &opId, const Reason &message)
{
    auto q = d->exec("failOpenNodeRows",
                     QStringLiteral("UPDATE operation_nodes SET status = 'error', message = :message, error = :error, "
                                    "message_code = :mc, message_args = :ma, error_code = :ec, error_args = :ea, "
                                    "updated_at = :now, revision = revision + 1 WHERE op_id = :id AND status NOT IN ('success','error','cancelled')"),
                     {{"message", englishText(message)},
                      {"error", englishText(message)},
                      {"mc", reasonCode(message)},
                      {"ma", reasonArgs(message)},
                      {"ec", reasonCode(message)},
                      {"ea", reasonArgs(message)},
                      {"now", d->now()},
                      {"id", opId}});
    if (!q)
        return Result<int>::failure(q.error());
    return q.value().numRowsAffected();
}

Status Store::cancelQueuedWork(const QString &opId, const Reason &message)
{
    const char *op = "cancelQueuedWork";
    Transaction tx(*d, op);
    if (Status s = tx.begin(); !s)
        return s;
    if (auto q = d->exec(op, QStringLiteral("DELETE FROM pending_node_ops WHERE op_id = :id"), {{"id", opId}}); !q)
        return Status::failure(q.error());
    if (auto q = d->exec(op,
                         QStringLiteral("UPDATE operation_nodes SET status = 'cancelled', message = :message, "
                                        "message_code = :mc, message_args = :ma, updated_at = :now, revision = revision + 1 "
                                        "WHERE op_id = :id AND status = 'queued'"),
                         {{"message", englishText(message)},
                          {"mc", reasonCode(message)},
                          {"ma", reasonArgs(message)},
                          {"now", d->now()},
                          {"id", opId}});
        !q)
        return Status::failure(q.error());
    return tx.commit();
}

} // namespace fleetdeck
