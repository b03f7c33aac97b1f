#pragma once
// The unit tests' door to StatusMap's mutators, which are private to OperationService (the one
// writer of op state in memory, docs/operations.md#one-writer). Only tests include this.
#include "ops/status_map.h"

namespace fleetdeck {

struct StatusMapTestAccess {
    static void put(StatusMap &map, const Operation &op) { map.put(op); }
    static StatusMap::Applied applyIncoming(StatusMap &map, const Operation &op) { return map.applyIncoming(op); }
    static void retire(StatusMap &map, const QString &opId, qint64 nowMs) { map.retire(opId, nowMs); }
    static bool markCancelled(StatusMap &map, const QString &opId, qint64 nowMs) { return map.markCancelled(opId, nowMs); }
    static void reset(StatusMap &map, const QList<Operation> &ops) { map.reset(ops); }
};

} // namespace fleetdeck
