#pragma once
// Durable intent "node N must get op O for backend B" (`pending_node_ops` in
// docs/architecture.md#store).
#include "core/op_types.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace fleetdeck {

struct PendingNodeOp {
    qint64 id = 0;
    QString nodeId;
    QString backend;
    OpKind op = OpKind::Install;
    QJsonArray galleries;
    QJsonObject entry;
    bool force = false;
    std::optional<QString> opId; // nullopt = background row
    int attempts = 0;
    QString lastError;
    bool inFlight = false;
    qint64 createdAt = 0;
    qint64 nextRetryAt = 0;
};

} // namespace fleetdeck
