#pragma once
#include "core/history_entry.h"
#include "core/operation.h"

#include <optional>

namespace fleetdeck {

class Store;

// The History entry of a terminal op (docs/operations.md#history), written by the replica whose
// finishOp won.
HistoryEntry historyFromOp(const Operation &op, const QString &replicaId);

// The store work of OperationService::finishOp, on the store thread (bench_reconcile runs it for
// the ops a pass finishes): the guarded terminal write (Store::finishOp), the op as it then is,
// and, when this write won, its History entry.
struct FinishResult {
    bool won = false;
    std::optional<Operation> op;
    std::optional<qint64> historyId;
    QString error;
};
FinishResult finishInStore(Store &s, const QString &opId, OpState state, int progress, const Reason &message,
                           const std::optional<Reason> &error, const QString &replicaId, int historySize);

} // namespace fleetdeck
