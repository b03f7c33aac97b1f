#pragma once
// Re-evaluation of ops whose node rows changed outside their fan-out
// (docs/operations.md#confirmation): an op in state `running_on_worker` with no `running_on_worker`
// row left is finished with the outcome of docs/operations.md#fan-out-result by the replica that
// resolved the last one (superseded rows docs/operations.md#fan-out step 1, listing confirmations,
// cancel settling). With `refresh` (the reconcile pass, docs/operations.md#reconcile-pass), every
// op of `opIds` is then handed to OperationService::adoptStoreState, which shows and broadcasts
// the active ones that are not `running` (every confirmation write is broadcast) and settles the
// rows of ended ones.
#include "core/node.h"
#include "core/operation.h"

#include <QHash>
#include <QStringList>

namespace fleetdeck {

class OperationService;
class Store;

// The store work of reevaluateOps, on the store thread (bench_reconcile measures it): the distinct
// ops of `opIds` with their node rows (Store::getOps: two statements whatever their number) — with
// `refresh` all of them, else only those an outcome may finish (Store::resolvableHandedOffOps) —
// and, when one of them is `running_on_worker`, the registry's node statuses.
struct ReevaluationInput {
    QList<Operation> ops;
    QHash<QString, NodeStatus> nodeStatus;
};
ReevaluationInput loadReevaluationInStore(Store &s, const QStringList &opIds, bool refresh);

void reevaluateOps(OperationService *service, const QStringList &opIds, bool refresh = false);

} // namespace fleetdeck
