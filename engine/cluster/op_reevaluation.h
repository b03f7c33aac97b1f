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
#include "ops/op_aggregate.h"
#include "store/store.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <functional>
#include <optional>

namespace fleetdeck {

class OperationService;

// The ops a replica holds in memory, and the time since which their rows may have changed
// unseen (the reconcile pass's start): their node rows are read only as changed since then
// (Store::opDeltas) and merged into the memory copy (docs/operations.md#reconcile-pass, "Refresh").
struct HeldOps {
    QSet<QString> ids;
    qint64 changedSinceMs = 0;
};

// The store work of reevaluateOps, on the store thread (bench_reconcile measures it): with
// `refresh` every op of `opIds`, else only those an outcome may finish
// (Store::resolvableHandedOffOps). Ops not held are read whole with their node rows (Store::getOps:
// two statements whatever their number), held ops as deltas (Store::opDeltas: two statements).
// When one of them is `running_on_worker`, the registry's node statuses.
struct ReevaluationInput {
    QList<Operation> ops;  // read whole
    QList<OpDelta> deltas; // of held ops
    QHash<QString, NodeStatus> nodeStatus;
};
ReevaluationInput loadReevaluationInStore(Store &s, const QStringList &opIds, bool refresh, const HeldOps &held = {});

// The store's view of a held op: the store's op row with the memory copy's node rows, the changed
// rows merged by revision (Operation::mergeNodes). nullopt when the result does not have the
// fingerprint of the store's rows (the copy lacks rows, or holds other revisions): the op is then
// read whole.
std::optional<Operation> viewFromDelta(const OpDelta &delta, const Operation &memory);
// Every op of `in` as the store has it: the whole ones, and the held ones through viewFromDelta
// with `memory` (the replica's copy, nullopt when it has none any more); the ids of held ops whose
// view failed go to `reread`.
QList<Operation> storeViews(const ReevaluationInput &in, const std::function<std::optional<Operation>(const QString &)> &memory,
                            QStringList *reread);

// The handed-off ops of `views` an outcome finishes now (docs/operations.md#fan-out-result, node
// statuses from the registry, "deleted" for a node it no longer has), with that outcome and
// whether any row succeeded (the backends cache is then invalidated). `op` points into `views`.
struct Resolution {
    const Operation *op = nullptr;
    Outcome outcome;
    bool anySuccess = false;
};
QList<Resolution> resolveHandedOff(const QList<Operation> &views, const QHash<QString, NodeStatus> &nodeStatus);

// `changedSinceMs`: the ops this replica holds are read as deltas (HeldOps); without it, whole.
void reevaluateOps(OperationService *service, const QStringList &opIds, bool refresh = false,
                   std::optional<qint64> changedSinceMs = std::nullopt);

} // namespace fleetdeck
