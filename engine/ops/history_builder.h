#pragma once
#include "core/history_entry.h"
#include "core/operation.h"

#include <optional>

namespace fleetdeck {

class Store;

// The History entry of a terminal op (docs/operations.md#history), written by the replica whose
// finishOp won.
HistoryEntry historyFromOp(const Operation &op, const QString &replicaId);

// The store work of OperationService::finishOp and finishOps, on the store thread (bench_reconcile
// runs it for the ops a pass finishes): for each request the guarded terminal write
// (Store::finishOp); then every op as it is after the writes (Store::getOps: two statements
// whatever their number), and, for each write that won, its History entry. One result per request,
// in order.
struct FinishRequest {
    QString opId;
    OpState state = OpState::Failed;
    int progress = 0;
    Reason message;
    std::optional<Reason> error;
};
struct FinishResult {
    bool won = false;
    std::optional<Operation> op;
    std::optional<qint64> historyId;
    QString error;
};
QList<FinishResult> finishInStore(Store &s, const QList<FinishRequest> &requests, const QString &replicaId, int historySize);

} // namespace fleetdeck
