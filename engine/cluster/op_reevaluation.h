#pragma once
// Re-evaluation of ops whose node rows changed outside their fan-out
// (docs/operations.md#confirmation): an op in state `running_on_worker` with no `running_on_worker`
// row left is finished with the outcome of docs/operations.md#fan-out-result by the replica that
// resolved the last one (superseded rows docs/operations.md#fan-out step 1, listing confirmations,
// cancel settling).
#include <QStringList>

namespace fleetdeck {

class OperationService;

void reevaluateOps(OperationService *service, const QStringList &opIds);

} // namespace fleetdeck
