#pragma once
#include "core/history_entry.h"
#include "core/operation.h"

namespace fleetdeck {

// The History entry of a terminal op (docs/operations.md#history), written by the replica whose
// finishOp won.
HistoryEntry historyFromOp(const Operation &op, const QString &replicaId);

} // namespace fleetdeck
