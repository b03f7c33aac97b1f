#pragma once
// The executor's seam to the fan-out (docs/operations.md#executor, #fan-out). The executor hands a
// started op to an OpRunner through a RunningOp handle; the runner reports node rows and ends the
// run with complete() (the outcome of docs/operations.md#fan-out-result is derived from the node
// rows) or fail(error). Everything runs on the engine thread.
#include "core/operation.h"

#include <functional>

namespace fleetdeck {

class RunningOp {
public:
    virtual ~RunningOp() = default;
    virtual const Operation &op() const = 0;
    // The cancel token (docs/operations.md#cancel step 6): set by a local or broadcast cancel, or
    // when a guarded write found the op terminal.
    virtual bool cancelRequested() const = 0;
    // True once the op left the runner's hands: finished, or abandoned at a graceful replica
    // shutdown (docs/operations.md#executor), after which the runner contacts no further node.
    virtual bool ended() const { return false; }
    virtual void onCancelRequested(std::function<void()> fn) = 0;
    // Called once when the op is abandoned at a graceful replica shutdown
    // (docs/operations.md#executor), before ended() turns true: the runner leaves its pending rows
    // to the reconciler (in-flight requests recordInFlight, nodes not yet contacted due at once).
    // Additive; the default drops it.
    virtual void onAbandoned(std::function<void()> fn) { Q_UNUSED(fn); }
    // Creates the node rows up front (status queued, phase waiting unless given).
    virtual void createNodeRows(const QList<NodeProgress> &rows) = 0;
    // Updates one node row: status map, aggregate, store (throttled unless terminal), coalesced publish.
    virtual void updateNode(const NodeProgress &row) = 0;
    // Every target handled: finish with the outcome of the node rows
    // (docs/operations.md#fan-out-result).
    virtual void complete() = 0;
    // Pre-fan-out error or exception: the op fails with `error`.
    virtual void fail(const Reason &error) = 0;
};

class OpRunner {
public:
    virtual ~OpRunner() = default;
    // Starts the fan-out. May throw: the executor contains it (D18).
    virtual void run(RunningOp *op) = 0;
    // The registry status of a node, for "no target node accepted the operation: <name> (<status>)".
    virtual QString nodeStatusName(const QString &nodeId) const { Q_UNUSED(nodeId); return QStringLiteral("queued"); }
};

} // namespace fleetdeck
