#pragma once
// The side effects of a cluster listing (docs/operations.md#cluster-listing) and the confirmations
// of docs/operations.md#confirmation, applied to pending rows whose op (if any) is not `running`: a
// non-force install row whose backend is present, a forced install or upgrade row whose listed
// op_id equals its op's id (or, without op id, whose installed_at ≥ created_at − 5 s) and a delete
// row whose backend is absent are satisfied: the pending row is deleted and its node row set
// `success`. An unsatisfied `running_on_worker` row mirrors the phase and percentage of the
// worker's matching job. Ops in state `running_on_worker` whose last such row resolved are finished
// (docs/operations.md#confirmation). The reconciler reuses this for its confirm step.
#include "cluster/cluster_listing.h"
#include "core/operation.h"
#include "core/pending_node_op.h"

#include <functional>
#include <optional>

namespace fleetdeck {

class OperationService;
class Store;

struct ListingEffectsReport {
    int confirmed = 0;                  // pending rows satisfied and deleted
    QList<NodeProgress> changedRows;    // node rows written
    QStringList touchedOps;
};

// Pure decision, exposed for tests: is `row` satisfied by what `node` listed?
bool pendingSatisfied(const PendingNodeOp &row, bool rowHasLiveOp, const NodeListing &node);

// The store work of applyListingEffects, on the store thread (bench_reconcile measures it).
ListingEffectsReport applyListingEffectsInStore(Store &s, const ClusterListingResult &listing);

// `changedSinceMs` (the reconcile pass's start): the re-evaluation reads the ops this replica holds
// as deltas (reevaluateOps); without it, whole.
void applyListingEffects(OperationService *service, const ClusterListingResult &listing,
                         std::function<void(const ListingEffectsReport &)> done = {},
                         std::optional<qint64> changedSinceMs = std::nullopt);

} // namespace fleetdeck
