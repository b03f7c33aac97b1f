#pragma once
// One History row (`history` in docs/architecture.md#store, docs/operations.md#history).
#include "core/reason.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace fleetdeck {

struct HistoryEntry {
    qint64 id = 0;
    QString entryKind = QStringLiteral("operation"); // operation | dead_letter
    std::optional<QString> opId;
    QString kind;    // install|upgrade|delete
    QString backend;
    std::optional<QString> nodeId;
    std::optional<QString> nodeName;
    QString outcome; // success|failed|cancelled|dead_letter
    QString message;
    std::optional<QString> error;
    Reason messageCode; // the codes of `message` and `error` (docs/reason-codes.md); none on old rows
    Reason errorCode;
    QJsonObject params;
    QJsonArray nodes; // [{node_id,node_name,status,error[,error_code,error_args]}]
    std::optional<int> attempts;
    QString requestedBy;
    QString replicaId;
    std::optional<qint64> startedAt;
    qint64 finishedAt = 0;
};

} // namespace fleetdeck
