// The owner's hand-off of an op to the reconciler (running_on_worker:
// docs/operations.md#terminal-outcomes, #confirmation): durable, like a terminal write
// (docs/architecture.md#outages), because the op's liveness rests on it.
#include "core/clock.h"
#include "ops/op_aggregate.h"
#include "ops/operation_service.h"
#include "store/store_thread.h"

#include <QHash>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcOps)

namespace fleetdeck {
namespace {

struct HandOffResult {
    QString error;                      // the store did not take the write
    bool written = false;               // the op is running_on_worker in the store now
    std::optional<Operation> op;        // the op as stored, with its node rows
    QHash<QString, NodeStatus> nodes;   // node id → status, for the wording of docs/operations.md#fan-out-result
};

} // namespace

// Writes the op's move to running_on_worker, retried every 5 s while the store refuses it: a
// dropped write left the op `running` in the store, which the reconciler never finishes, while its
// owner kept it alive with keepalives (sim seed 7). Once written, rows that settled while the write
// waited (a sweep, a confirmation) are taken into account: with none left to confirm, the op
// finishes here with the outcome of docs/operations.md#fan-out-result.
void OperationService::handOff(const OpProgressWrite &write)
{
    m_deps.store
        ->call([write](Store &s) {
            HandOffResult r;
            s.flushProgress(write.opId);
            const auto w = s.updateProgress(write);
            if (!w) {
                r.error = w.error();
                return r;
            }
            r.written = w.value();
            if (auto op = s.getOp(write.opId); op && op.value())
                r.op = *op.value();
            if (auto nodes = s.listNodes())
                for (const Node &n : nodes.value())
                    r.nodes.insert(n.id, n.status);
            return r;
        })
        .then(this, [this, write](const HandOffResult &r) {
            if (!r.error.isEmpty()) {
                if (m_stopped)
                    return;
                qCWarning(lcOps) << "hand-off of" << write.opId << "to the reconciler failed:" << r.error << "; retrying";
                retryLater([this, write]() { handOff(write); });
                return;
            }
            if (!r.written || !r.op || r.op->state != OpState::RunningOnWorker)
                return; // ended meanwhile (cancel, reaper): its terminal state is final
            const Outcome o = computeOutcome(*r.op, [&r](const NodeProgress &n) {
                const auto it = r.nodes.constFind(n.nodeId);
                return it == r.nodes.constEnd() ? QStringLiteral("deleted") : toString(*it);
            });
            if (o.state == OpState::RunningOnWorker)
                return; // the reconciler confirms the rows left
            finishOp(write.opId, o.state, o.messageCode, o.errorReason());
        });
}

} // namespace fleetdeck
