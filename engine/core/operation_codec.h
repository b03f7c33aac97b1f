#pragma once
// JSON forms of an operation (docs/protocol.md#replica-broadcasts): OpStatus
// (`gallery.<id>.progress`) and the op record (ops list, ctl --json, --wait output).
#include "core/history_entry.h"
#include "core/node.h"
#include "core/operation.h"
#include "core/result.h"

#include <QJsonObject>

namespace fleetdeck {

enum class NodeDetail { Full, Changed };

QJsonObject nodeProgressToJson(const NodeProgress &n);
Result<NodeProgress> nodeProgressFromJson(const QJsonObject &o, const QString &opId);

// OpStatus: every R field; `nodes` holds the given entries (all of them for a terminal status).
QJsonObject opStatusToJson(const Operation &op, const QList<NodeProgress> &nodes);
QJsonObject opStatusToJson(const Operation &op);
// Parses an OpStatus for op `id`; the op record fields absent from OpStatus are left default.
Result<Operation> opStatusFromJson(const QString &id, const QJsonObject &o);

// `gallery.<id>.progress` payload {job_id, status}.
QJsonObject progressMessage(const Operation &op, const QList<NodeProgress> &nodes);

// Op record (docs/operations.md#operations-list): id, cache_key, stalled, every node entry sorted
// by name.
QJsonObject opRecordToJson(const Operation &op, qint64 nowMs, qint64 stalledMs);

QJsonObject historyEntryToJson(const HistoryEntry &h);
QJsonObject nodeToJson(const Node &n, qint64 nowMs);

} // namespace fleetdeck
