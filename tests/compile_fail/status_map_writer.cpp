// Must not compile (CTest status_map_has_one_writer): only OperationService changes an op's state
// in memory (docs/operations.md#one-writer). Even with the const of statusMap() cast away, a
// StatusMap mutator is private.
#include "ops/operation_service.h"

void writesAroundTheService(fleetdeck::OperationService &ops, const fleetdeck::Operation &op)
{
    const_cast<fleetdeck::StatusMap &>(ops.statusMap()).put(op);
}
