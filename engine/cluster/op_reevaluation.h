#pragma once
// Re-evaluation of ops whose node rows changed outside their fan-out (SPEC §4.4): an op in state
// `running_on_worker` with no `running_on_worker` row left is finished with the §4.3 outcome by
// the replica that resolved the last one (superseded rows §4.2 step 1, listing confirmations,
// cancel settling).
#include <QStringList>

namespace fleetdeck {

class OperationService;

void reevaluateOps(OperationService *service, const QStringList &opIds);

} // namespace fleetdeck
