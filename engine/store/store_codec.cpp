#include "store/store_codec.h"

#include <QJsonDocument>
#include <QStringList>

namespace fleetdeck::storecodec {

const char *const kActiveOpStates = "('queued','running','running_on_worker')";
const char *const kTerminalOpStates = "('success','failed','cancelled')";
const char *const kTerminalRowStates = "('success','error','cancelled')";

const char *const kOpColumns =
    "id, kind, backend, force, cache_key, target_node_id, params, status, cancellable, progress, message, "
    "error, file_name, current_bytes, total_bytes, owner_replica_id, requested_by, retry_of, dismissed_at, "
    "progress_at, created_at, updated_at, finished_at, revision, message_code, message_args, error_code, error_args";
const char *const kNodeRowColumns = "op_id, node_id, node_name, status, percentage, current_bytes, total_bytes, "
                                    "file_name, phase, message, error, updated_at, revision, message_code, message_args, "
                                    "error_code, error_args";
const char *const kPendingColumns = "id, node_id, backend, op, galleries, entry, force_reinstall, op_id, attempts, "
                                    "last_error, in_flight, created_at, next_retry_at";
const char *const kNodeColumns =
    "id, name, status, status_reason, labels, last_heartbeat, resources, worker_version, created_at, updated_at, "
    "status_reason_code, status_reason_args";
const char *const kHistoryColumns =
    "id, entry_kind, op_id, kind, backend, node_id, node_name, outcome, message, error, params, nodes, attempts, "
    "requested_by, replica_id, started_at, finished_at, message_code, message_args, error_code, error_args";

QString jsonText(const QJsonValue &v)
{
    // QJsonDocument holds only arrays and objects: wrap the value and strip the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QJsonValue jsonValue(const QString &text)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + text.toUtf8() + ']', &err);
    if (err.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return doc.array().at(0);
}

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QJsonArray jsonArray(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

QVariant text(const std::optional<QString> &s)
{
    return s ? QVariant(*s) : QVariant();
}

QVariant int64(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant();
}

QVariant int32(const std::optional<int> &v)
{
    return v ? QVariant(*v) : QVariant();
}

std::optional<QString> optText(const QSqlQuery &q, int i)
{
    const QVariant v = q.value(i);
    if (v.isNull())
        return std::nullopt;
    return v.toString();
}

std::optional<qint64> optInt64(const QSqlQuery &q, int i)
{
    const QVariant v = q.value(i);
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

QVariant reasonCode(const Reason &r)
{
    return r.hasCode() ? QVariant(r.code) : QVariant();
}

QVariant reasonArgs(const Reason &r)
{
    return r.hasCode() ? QVariant(jsonText(r.args)) : QVariant();
}

Reason reasonFromColumns(const QSqlQuery &q, int codeColumn, const QString &text)
{
    const std::optional<QString> code = optText(q, codeColumn);
    if (!code || !isKnownReasonCode(*code))
        return {};
    Reason r{*code, jsonValue(q.value(codeColumn + 1).toString()).toObject()};
    return englishText(r) == text ? r : Reason{};
}

QString pendingColumns(const QString &prefix)
{
    QStringList cols = QString::fromLatin1(kPendingColumns).split(QStringLiteral(", "));
    for (QString &c : cols)
        c.prepend(prefix);
    return cols.join(QStringLiteral(", "));
}

Operation opFromRow(const QSqlQuery &q)
{
    Operation op;
    op.id = q.value(0).toString();
    op.kind = opKindFromString(q.value(1).toString()).value_or(OpKind::Install);
    op.backend = q.value(2).toString();
    op.force = q.value(3).toInt() != 0;
    op.cacheKey = q.value(4).toString();
    op.targetNodeId = optText(q, 5);
    op.params = jsonObject(q.value(6).toString());
    op.state = opStateFromString(q.value(7).toString()).value_or(OpState::Failed);
    op.cancellable = q.value(8).toInt() != 0;
    op.progress = q.value(9).toInt();
    op.message = q.value(10).toString();
    op.error = optText(q, 11);
    op.fileName = q.value(12).toString();
    op.currentBytes = q.value(13).toLongLong();
    op.totalBytes = q.value(14).toLongLong();
    op.ownerReplicaId = optText(q, 15);
    op.requestedBy = q.value(16).toString();
    op.retryOf = optText(q, 17);
    op.dismissedAt = optInt64(q, 18);
    op.progressAt = q.value(19).toLongLong();
    op.createdAt = q.value(20).toLongLong();
    op.updatedAt = q.value(21).toLongLong();
    op.finishedAt = optInt64(q, 22);
    op.revision = q.value(23).toLongLong();
    op.messageCode = reasonFromColumns(q, 24, op.message);
    if (op.error)
        op.errorCode = reasonFromColumns(q, 26, *op.error);
    return op;
}

NodeProgress nodeRowFromRow(const QSqlQuery &q, int first)
{
    NodeProgress n;
    n.opId = q.value(first + 0).toString();
    n.nodeId = q.value(first + 1).toString();
    n.nodeName = q.value(first + 2).toString();
    n.status = nodeRowStatusFromString(q.value(first + 3).toString()).value_or(NodeRowStatus::Error);
    n.percentage = q.value(first + 4).toInt();
    n.currentBytes = q.value(first + 5).toLongLong();
    n.totalBytes = q.value(first + 6).toLongLong();
    n.fileName = q.value(first + 7).toString();
    n.phase = q.value(first + 8).toString();
    n.message = q.value(first + 9).toString();
    n.error = optText(q, first + 10);
    n.updatedAt = q.value(first + 11).toLongLong();
    n.revision = q.value(first + 12).toLongLong();
    n.messageCode = reasonFromColumns(q, first + 13, n.message);
    if (n.error)
        n.errorCode = reasonFromColumns(q, first + 15, *n.error);
    return n;
}

PendingNodeOp pendingFromRow(const QSqlQuery &q, int first)
{
    PendingNodeOp p;
    p.id = q.value(first + 0).toLongLong();
    p.nodeId = q.value(first + 1).toString();
    p.backend = q.value(first + 2).toString();
    p.op = opKindFromString(q.value(first + 3).toString()).value_or(OpKind::Install);
    p.galleries = jsonArray(q.value(first + 4).toString());
    p.entry = jsonObject(q.value(first + 5).toString());
    p.force = q.value(first + 6).toInt() != 0;
    p.opId = optText(q, first + 7);
    p.attempts = q.value(first + 8).toInt();
    p.lastError = q.value(first + 9).toString();
    p.inFlight = q.value(first + 10).toInt() != 0;
    p.createdAt = q.value(first + 11).toLongLong();
    p.nextRetryAt = q.value(first + 12).toLongLong();
    return p;
}

Node nodeFromRow(const QSqlQuery &q)
{
    Node n;
    n.id = q.value(0).toString();
    n.name = q.value(1).toString();
    n.status = nodeStatusFromString(q.value(2).toString()).value_or(NodeStatus::Offline);
    n.statusReason = q.value(3).toString();
    n.labels = jsonObject(q.value(4).toString());
    n.lastHeartbeat = q.value(5).toLongLong();
    n.resources = jsonObject(q.value(6).toString());
    n.workerVersion = q.value(7).toString();
    n.createdAt = q.value(8).toLongLong();
    n.updatedAt = q.value(9).toLongLong();
    n.statusReasonCode = reasonFromColumns(q, 10, n.statusReason);
    return n;
}

HistoryEntry historyFromRow(const QSqlQuery &q)
{
    HistoryEntry h;
    h.id = q.value(0).toLongLong();
    h.entryKind = q.value(1).toString();
    h.opId = optText(q, 2);
    h.kind = q.value(3).toString();
    h.backend = q.value(4).toString();
    h.nodeId = optText(q, 5);
    h.nodeName = optText(q, 6);
    h.outcome = q.value(7).toString();
    h.message = q.value(8).toString();
    h.error = optText(q, 9);
    h.params = jsonObject(q.value(10).toString());
    h.nodes = jsonArray(q.value(11).toString());
    if (const auto a = optInt64(q, 12))
        h.attempts = static_cast<int>(*a);
    h.requestedBy = q.value(13).toString();
    h.replicaId = q.value(14).toString();
    h.startedAt = optInt64(q, 15);
    h.finishedAt = q.value(16).toLongLong();
    h.messageCode = reasonFromColumns(q, 17, h.message);
    if (h.error)
        h.errorCode = reasonFromColumns(q, 19, *h.error);
    return h;
}

} // namespace fleetdeck::storecodec
