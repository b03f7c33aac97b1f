#include "core/operation_codec.h"

#include "core/json_reader.h"

#include <QJsonArray>
#include <algorithm>

namespace fleetdeck {
namespace {

QJsonValue nullable(const std::optional<QString> &s)
{
    return s ? QJsonValue(*s) : QJsonValue(QJsonValue::Null);
}

QJsonValue nullable(const std::optional<qint64> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject nodeProgressToJson(const NodeProgress &n)
{
    QJsonObject o{
        {QStringLiteral("node_id"), n.nodeId},
        {QStringLiteral("node_name"), n.nodeName},
        {QStringLiteral("status"), toString(n.status)},
        {QStringLiteral("percentage"), n.percentage},
        {QStringLiteral("phase"), n.phase},
        {QStringLiteral("file_name"), n.fileName},
        {QStringLiteral("message"), n.message},
        {QStringLiteral("current_bytes"), n.currentBytes},
        {QStringLiteral("total_bytes"), n.totalBytes},
        {QStringLiteral("updated_at"), n.updatedAt},
        {QStringLiteral("revision"), n.revision},
    };
    if (n.error)
        o.insert(QStringLiteral("error"), *n.error);
    insertReason(o, QLatin1StringView("message"), n.messageCode);
    insertReason(o, QLatin1StringView("error"), n.errorCode);
    return o;
}

Result<NodeProgress> nodeProgressFromJson(const QJsonObject &o, const QString &opId)
{
    JsonReader r(o, QStringLiteral("nodes[]."));
    NodeProgress n;
    n.opId = opId;
    n.nodeId = r.requiredString("node_id");
    n.nodeName = r.requiredString("node_name");
    const QString status = r.requiredString("status");
    n.percentage = static_cast<int>(std::clamp<qint64>(r.requiredInt("percentage"), 0, 100));
    n.phase = r.optionalString("phase");
    n.fileName = r.optionalString("file_name");
    n.message = r.optionalString("message");
    n.currentBytes = r.optionalInt("current_bytes");
    n.totalBytes = r.optionalInt("total_bytes");
    n.updatedAt = r.optionalInt("updated_at");
    n.revision = r.optionalInt("revision");
    n.error = r.nullableString("error");
    if (!r.ok())
        return Result<NodeProgress>::failure(r.error());
    n.messageCode = readReason(o, QLatin1StringView("message"));
    if (n.error)
        n.errorCode = readReason(o, QLatin1StringView("error"));
    const auto st = nodeRowStatusFromString(status);
    if (!st)
        return Result<NodeProgress>::failure(QStringLiteral("field \"nodes[].status\": unknown status \"%1\"").arg(status));
    n.status = *st;
    return n;
}

QJsonObject opStatusToJson(const Operation &op, const QList<NodeProgress> &nodes)
{
    QJsonObject o{
        {QStringLiteral("state"), toString(op.state)},
        {QStringLiteral("kind"), toString(op.kind)},
        {QStringLiteral("backend"), op.backend},
        {QStringLiteral("force"), op.force},
        {QStringLiteral("target_node_id"), nullable(op.targetNodeId)},
        {QStringLiteral("processed"), op.processed()},
        {QStringLiteral("cancelled"), op.cancelled()},
        {QStringLiteral("cancellable"), op.cancellable},
        {QStringLiteral("progress"), op.progress},
        {QStringLiteral("message"), op.message},
        {QStringLiteral("file_name"), op.fileName},
        {QStringLiteral("current_bytes"), op.currentBytes},
        {QStringLiteral("total_bytes"), op.totalBytes},
        {QStringLiteral("owner_replica_id"), nullable(op.ownerReplicaId)},
        {QStringLiteral("requested_by"), op.requestedBy},
        {QStringLiteral("retry_of"), nullable(op.retryOf)},
        {QStringLiteral("created_at"), op.createdAt},
        {QStringLiteral("updated_at"), op.updatedAt},
        {QStringLiteral("progress_at"), op.progressAt},
        {QStringLiteral("finished_at"), nullable(op.finishedAt)},
        {QStringLiteral("revision"), op.revision},
    };
    if (op.error)
        o.insert(QStringLiteral("error"), *op.error);
    insertReason(o, QLatin1StringView("message"), op.messageCode);
    insertReason(o, QLatin1StringView("error"), op.errorCode);
    QJsonArray arr;
    for (const NodeProgress &n : nodes)
        arr.append(nodeProgressToJson(n));
    o.insert(QStringLiteral("nodes"), arr);
    return o;
}

QJsonObject opStatusToJson(const Operation &op)
{
    return opStatusToJson(op, op.nodes);
}

Result<Operation> opStatusFromJson(const QString &id, const QJsonObject &o)
{
    JsonReader r(o, QStringLiteral("status."));
    Operation op;
    op.id = id;
    const QString state = r.requiredString("state");
    const QString kind = r.requiredString("kind");
    op.backend = r.requiredString("backend");
    op.force = r.optionalBool("force");
    op.targetNodeId = r.nullableString("target_node_id");
    op.cancellable = r.optionalBool("cancellable");
    op.progress = static_cast<int>(std::clamp<qint64>(r.requiredInt("progress"), 0, 100));
    op.message = r.optionalString("message");
    op.error = r.nullableString("error");
    op.fileName = r.optionalString("file_name");
    op.currentBytes = r.optionalInt("current_bytes");
    op.totalBytes = r.optionalInt("total_bytes");
    op.ownerReplicaId = r.nullableString("owner_replica_id");
    op.requestedBy = r.optionalString("requested_by");
    op.retryOf = r.nullableString("retry_of");
    op.createdAt = r.optionalInt("created_at");
    op.updatedAt = r.optionalInt("updated_at");
    op.progressAt = r.optionalInt("progress_at");
    op.finishedAt = r.nullableInt("finished_at");
    op.revision = r.optionalInt("revision");
    const QJsonArray nodes = r.optionalArray("nodes");
    if (!r.ok())
        return Result<Operation>::failure(r.error());
    const auto st = opStateFromString(state);
    if (!st)
        return Result<Operation>::failure(QStringLiteral("field \"status.state\": unknown state \"%1\"").arg(state));
    const auto k = opKindFromString(kind);
    if (!k)
        return Result<Operation>::failure(QStringLiteral("field \"status.kind\": unknown kind \"%1\"").arg(kind));
    op.state = *st;
    op.kind = *k;
    op.messageCode = readReason(o, QLatin1StringView("message"));
    if (op.error)
        op.errorCode = readReason(o, QLatin1StringView("error"));
    op.cacheKey = makeCacheKey(op.backend, op.targetNodeId);
    for (const QJsonValue &v : nodes) {
        if (!v.isObject())
            return Result<Operation>::failure(QStringLiteral("field \"status.nodes[]\": expected object"));
        auto n = nodeProgressFromJson(v.toObject(), id);
        if (!n)
            return Result<Operation>::failure(n.error());
        op.nodes.append(n.value());
    }
    op.sortNodesByName();
    return op;
}

QJsonObject progressMessage(const Operation &op, const QList<NodeProgress> &nodes)
{
    return QJsonObject{{QStringLiteral("job_id"), op.id}, {QStringLiteral("status"), opStatusToJson(op, nodes)}};
}

QJsonObject opRecordToJson(const Operation &op, qint64 nowMs, qint64 stalledMs)
{
    Operation sorted = op;
    sorted.sortNodesByName();
    QJsonObject o = opStatusToJson(sorted);
    o.remove(QStringLiteral("processed"));
    o.remove(QStringLiteral("cancelled"));
    o.insert(QStringLiteral("id"), op.id);
    o.insert(QStringLiteral("cache_key"), op.cacheKey);
    o.insert(QStringLiteral("stalled"), op.isStalled(nowMs, stalledMs));
    return o;
}

QJsonObject historyEntryToJson(const HistoryEntry &h)
{
    QJsonObject o{
        {QStringLiteral("id"), h.id},
        {QStringLiteral("entry_kind"), h.entryKind},
        {QStringLiteral("op_id"), nullable(h.opId)},
        {QStringLiteral("kind"), h.kind},
        {QStringLiteral("backend"), h.backend},
        {QStringLiteral("node_id"), nullable(h.nodeId)},
        {QStringLiteral("node_name"), nullable(h.nodeName)},
        {QStringLiteral("outcome"), h.outcome},
        {QStringLiteral("message"), h.message},
        {QStringLiteral("error"), nullable(h.error)},
        {QStringLiteral("params"), h.params},
        {QStringLiteral("nodes"), h.nodes},
        {QStringLiteral("attempts"), h.attempts ? QJsonValue(*h.attempts) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("requested_by"), h.requestedBy},
        {QStringLiteral("replica_id"), h.replicaId},
        {QStringLiteral("started_at"), nullable(h.startedAt)},
        {QStringLiteral("finished_at"), h.finishedAt},
    };
    insertReason(o, QLatin1StringView("message"), h.messageCode);
    insertReason(o, QLatin1StringView("error"), h.errorCode);
    return o;
}

QJsonObject nodeToJson(const Node &n, qint64 nowMs)
{
    QJsonObject o{
        {QStringLiteral("id"), n.id},
        {QStringLiteral("name"), n.name},
        {QStringLiteral("status"), toString(n.status)},
        {QStringLiteral("status_reason"), n.statusReason},
        {QStringLiteral("labels"), n.labels},
        {QStringLiteral("last_heartbeat"), n.lastHeartbeat},
        {QStringLiteral("resources"), n.resources},
        {QStringLiteral("worker_version"), n.workerVersion},
        {QStringLiteral("created_at"), n.createdAt},
        {QStringLiteral("updated_at"), n.updatedAt},
        {QStringLiteral("heartbeat_age_ms"), nowMs - n.lastHeartbeat},
    };
    insertReason(o, QLatin1StringView("status_reason"), n.statusReasonCode);
    return o;
}

} // namespace fleetdeck
