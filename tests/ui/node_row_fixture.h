#pragma once
// A node row of an op as the GUI tests build it: id "<name>-id", a status, a percentage and the
// time of its last change.
#include "core/operation.h"

namespace fleetdeck::test {

inline NodeProgress nodeRow(const QString &name, NodeRowStatus status, int pct, qint64 updatedAt)
{
    NodeProgress n;
    n.nodeId = name + QStringLiteral("-id");
    n.nodeName = name;
    n.status = status;
    n.percentage = pct;
    n.updatedAt = updatedAt;
    return n;
}

} // namespace fleetdeck::test
