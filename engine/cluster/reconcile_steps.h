#pragma once
// The store work of one reconcile pass (docs/operations.md#reconcile-pass), step by step: each
// function runs on the store thread and makes all of its step's Store calls, set-based (a handful
// of statements whatever the number of rows). ReconcilePass calls them, and bench_reconcile calls
// the same functions, so that it measures the product. The confirm step's store work is
// applyListingEffectsInStore (cluster/listing_effects.h), the re-evaluation's
// loadReevaluationInStore (cluster/op_reevaluation.h).
#include "config/cluster_settings.h"
#include "core/node.h"
#include "core/pending_node_op.h"
#include "wire/worker_messages.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <optional>

namespace fleetdeck {

class Store;

// Step 1: Store::deleteStalePending (the rows and, in the same transaction, their node rows).
struct SweepOutcome {
    int deleted = 0;
    QStringList touchedOps; // distinct ops whose node rows the sweep settled
};
SweepOutcome sweepInStore(Store &s, qint64 graceMs);

// Step 2: the registry and the nodes with due or leased rows (the nodes step 3 lists, when healthy).
struct DueNodes {
    QList<Node> nodes;
    QSet<QString> wanted;
};
DueNodes loadDueInStore(Store &s);

// Step 3's end (ReconcilePass::retryDue): the rows due now, after the confirmations; a row whose
// backend the listing shows as a job on its node is not retried (Store::recordInFlightRows) and
// its node row, unless terminal, mirrors the job (Store::updateNodeRows). `jobs`: node id → jobs.
struct RetryPlan {
    QList<PendingNodeOp> retry; // in due order
    int deferred = 0;
    QStringList touchedOps;     // distinct ops whose node rows mirror a job now
};
RetryPlan planRetriesInStore(Store &s, const QHash<QString, QList<wire::ListedJob>> &jobs, const ClusterSettings &cfg);

// Step 5: the result of one retry (ReconcilePass::applyResult).
enum class RetryResultKind { Succeeded, Failed, DeadLettered };
struct AppliedRetry {
    RetryResultKind kind = RetryResultKind::Failed;
    std::optional<qint64> historyId; // the dead letter's History entry
};
struct RetryReply {
    bool success = false;
    QString error;
    QString replicaId;
    QString nodeName;
    qint64 nowMs = 0;
    Reason errorCode; // error's code and args (docs/reason-codes.md); none for a text alone

    Reason errorReason() const { return codedOrPlain(errorCode, error); }
};
AppliedRetry applyRetryResultInStore(Store &s, const PendingNodeOp &row, const RetryReply &reply, const ClusterSettings &cfg);

} // namespace fleetdeck
