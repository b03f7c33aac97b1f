#pragma once
// A registry row of a worker (`nodes` in docs/architecture.md#store).
#include "core/op_types.h"
#include "core/reason.h"

#include <QJsonObject>
#include <QString>

namespace fleetdeck {

struct Node {
    QString id;
    QString name;
    NodeStatus status = NodeStatus::Pending;
    QString statusReason;
    Reason statusReasonCode; // statusReason's code and args (docs/reason-codes.md); none on old rows
    QJsonObject labels;
    qint64 lastHeartbeat = 0;
    QJsonObject resources;
    QString workerVersion;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    void setStatusReason(const Reason &r)
    {
        statusReason = englishText(r);
        statusReasonCode = withCode(r);
    }
    QString gpuVendor() const { return resources.value(QLatin1String("gpu_vendor")).toString(); }
    bool operator==(const Node &) const = default;
};

} // namespace fleetdeck
