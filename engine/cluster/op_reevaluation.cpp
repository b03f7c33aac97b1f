#include "cluster/op_reevaluation.h"

#include "bus/subjects.h"
#include "ops/op_aggregate.h"
#include "ops/op_publisher.h"
#include "ops/operation_service.h"
#include "store/store_thread.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcFanOut)

namespace fleetdeck {

ReevaluationInput loadReevaluationInStore(Store &s, const QStringList &opIds, bool refresh)
{
    ReevaluationInput in;
    if (opIds.isEmpty())
        return in;
    // Without a refresh, only the ops an outcome may finish are read with their rows.
    QStringList read = opIds;
    if (!refresh) {
        auto resolvable = s.resolvableHandedOffOps(opIds);
        if (resolvable)
            read = resolvable.value();
    }
    if (auto ops = s.getOps(read))
        in.ops = ops.value();
    const bool handedOff = std::any_of(in.ops.cbegin(), in.ops.cend(),
                                       [](const Operation &op) { return op.state == OpState::RunningOnWorker; });
    if (handedOff)
        if (auto nodes = s.listNodes())
            for (const Node &n : nodes.value())
                in.nodeStatus.insert(n.id, n.status);
    return in;
}

void reevaluateOps(OperationService *service, const QStringList &opIds, bool refresh)
{
    if (opIds.isEmpty())
        return;
    service->store()
        ->call([opIds, refresh](Store &s) { return loadReevaluationInStore(s, opIds, refresh); })
        .then(service, [service, refresh](const ReevaluationInput &in) {
            for (const Operation &op : in.ops) {
                if (op.state != OpState::RunningOnWorker)
                    continue;
                const Outcome o = computeOutcome(op, [&in](const NodeProgress &n) {
                    const auto it = in.nodeStatus.constFind(n.nodeId);
                    return it == in.nodeStatus.constEnd() ? QStringLiteral("deleted") : toString(*it);
                });
                if (o.state == OpState::RunningOnWorker)
                    continue;
                bool anySuccess = false;
                for (const NodeProgress &n : op.nodes)
                    anySuccess = anySuccess || n.status == NodeRowStatus::Success;
                if (anySuccess)
                    service->publisher()->publishJson(subjects::cacheInvalidateBackends(),
                                                      QJsonObject{{QStringLiteral("element"), op.backend},
                                                                  {QStringLiteral("op"), toString(op.kind)}});
                qCInfo(lcFanOut) << "op" << op.id << "re-evaluated:" << toString(o.state);
                service->finishOp(op.id, o.state, o.messageCode, o.errorReason());
            }
            // The same read, handed over as it was before any finish above was written.
            if (refresh)
                for (const Operation &op : in.ops)
                    service->adoptStoreState(op);
        });
}

} // namespace fleetdeck
