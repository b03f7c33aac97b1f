#pragma once
// Pure functions over an op's node rows: the aggregate of docs/operations.md#fan-out step 6 and the
// result of docs/operations.md#fan-out-result.
#include "core/operation.h"

namespace fleetdeck {

struct Aggregate {
    int progress = 0;
    qint64 currentBytes = 0;
    qint64 totalBytes = 0;
    QString fileName;
    QString message; // "processing file: …" when a row downloads, else empty
};

// `previousProgress` keeps the published value from decreasing.
Aggregate computeAggregate(const QList<NodeProgress> &nodes, int previousProgress);

struct Outcome {
    OpState state = OpState::Success;
    QString error;   // failed
    QString message; // the message of the resulting state (docs/operations.md#states)
};

// docs/operations.md#fan-out-result: any error → failed (errors joined in name order); else any
// running_on_worker → running_on_worker; else no success → failed "no target node accepted the
// operation: …"; else success. `nodeStatusOf` gives a node's registry status for the "not accepted"
// list.
Outcome computeOutcome(const Operation &op, const std::function<QString(const NodeProgress &)> &nodeStatusOf);

// "1.2 GiB" style sizes (base 1024, one decimal).
QString humanSize(qint64 bytes);
QString processingBackendMessage(const QString &backend);
QString runningOnWorkerMessage(const Operation &op, const QStringList &nodeNames);

} // namespace fleetdeck
