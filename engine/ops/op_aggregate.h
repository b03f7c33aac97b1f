#pragma once
// Pure functions over an op's node rows: the aggregate of docs/operations.md#fan-out step 6 and the
// result of docs/operations.md#fan-out-result.
#include "core/operation.h"
#include "core/units.h"

namespace fleetdeck {

struct Aggregate {
    int progress = 0;
    qint64 currentBytes = 0;
    qint64 totalBytes = 0;
    QString fileName;
    QString message; // "processing file: …" when a row downloads, else empty
    Reason messageCode; // message's code (processing_file) and args
};

// `previousProgress` keeps the published value from decreasing.
Aggregate computeAggregate(const QList<NodeProgress> &nodes, int previousProgress);

struct Outcome {
    OpState state = OpState::Success;
    QString error;   // failed
    QString message; // the message of the resulting state (docs/operations.md#states)
    Reason errorCode; // the codes of error and message (docs/reason-codes.md): node_errors,
    Reason messageCode; // no_eligible_nodes, no_node_accepted; op_error, worker_still_*, completed

    std::optional<Reason> errorReason() const { return state == OpState::Failed ? std::optional<Reason>(errorCode) : std::nullopt; }
};

// docs/operations.md#fan-out-result: any error → failed (errors joined in name order); else any
// running_on_worker → running_on_worker; else no success → failed "no target node accepted the
// operation: …"; else success. `nodeStatusOf` gives a node's registry status for the "not accepted"
// list.
Outcome computeOutcome(const Operation &op, const std::function<QString(const NodeProgress &)> &nodeStatusOf);

Reason processingBackendMessage(const QString &backend);
Reason runningOnWorkerMessage(const Operation &op, const QStringList &nodeNames);

} // namespace fleetdeck
