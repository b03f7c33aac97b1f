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

ReevaluationInput loadReevaluationInStore(Store &s, const QStringList &opIds, bool refresh, const HeldOps &held)
{
    ReevaluationInput in;
    if (opIds.isEmpty())
        return in;
    // Without a refresh, only the ops an outcome may finish are read with their rows, held or not.
    QStringList read = opIds;
    if (!refresh)
        if (auto resolvable = s.resolvableHandedOffOps(opIds))
            read = resolvable.value();
    QStringList whole, delta;
    for (const QString &id : std::as_const(read))
        (held.ids.contains(id) ? delta : whole).append(id);
    if (!whole.isEmpty())
        if (auto ops = s.getOps(whole))
            in.ops = ops.value();
    if (!delta.isEmpty())
        if (auto deltas = s.opDeltas(delta, held.changedSinceMs))
            in.deltas = deltas.value();
    const auto handedOff = [](const Operation &op) { return op.state == OpState::RunningOnWorker; };
    const bool anyHandedOff = std::any_of(in.ops.cbegin(), in.ops.cend(), handedOff)
                              || std::any_of(in.deltas.cbegin(), in.deltas.cend(), [&](const OpDelta &d) { return handedOff(d.op); });
    if (anyHandedOff)
        if (auto nodes = s.listNodes())
            for (const Node &n : nodes.value())
                in.nodeStatus.insert(n.id, n.status);
    return in;
}

std::optional<Operation> viewFromDelta(const OpDelta &delta, const Operation &memory)
{
    Operation view = delta.op;
    view.nodes = memory.nodes;
    view.mergeNodes(delta.op.nodes);
    qint64 sum = 0, squares = 0;
    for (const NodeProgress &n : std::as_const(view.nodes)) {
        sum += n.revision;
        squares += n.revision * n.revision;
    }
    if (view.nodes.size() != delta.rowCount || sum != delta.revisionSum || squares != delta.revisionSquareSum)
        return std::nullopt;
    return view;
}

QList<Operation> storeViews(const ReevaluationInput &in, const std::function<std::optional<Operation>(const QString &)> &memory,
                            QStringList *reread)
{
    QList<Operation> views = in.ops;
    for (const OpDelta &d : in.deltas) {
        const std::optional<Operation> mine = memory(d.op.id);
        if (std::optional<Operation> view = mine ? viewFromDelta(d, *mine) : std::nullopt)
            views.append(*view);
        else
            reread->append(d.op.id);
    }
    std::sort(views.begin(), views.end(), [](const Operation &a, const Operation &b) { // as Store::getOps
        return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id;
    });
    return views;
}

QList<Resolution> resolveHandedOff(const QList<Operation> &views, const QHash<QString, NodeStatus> &nodeStatus)
{
    QList<Resolution> out;
    for (const Operation &op : views) {
        if (op.state != OpState::RunningOnWorker)
            continue;
        const Outcome o = computeOutcome(op, [&nodeStatus](const NodeProgress &n) {
            const auto it = nodeStatus.constFind(n.nodeId);
            return it == nodeStatus.constEnd() ? QStringLiteral("deleted") : toString(*it);
        });
        if (o.state == OpState::RunningOnWorker)
            continue;
        const bool anySuccess = std::any_of(op.nodes.cbegin(), op.nodes.cend(),
                                            [](const NodeProgress &n) { return n.status == NodeRowStatus::Success; });
        out.append(Resolution{&op, o, anySuccess});
    }
    return out;
}

void reevaluateOps(OperationService *service, const QStringList &opIds, bool refresh, std::optional<qint64> changedSinceMs)
{
    if (opIds.isEmpty())
        return;
    HeldOps held;
    if (changedSinceMs) {
        held.changedSinceMs = *changedSinceMs;
        for (const QString &id : opIds)
            if (service->statusMap().get(id))
                held.ids.insert(id);
    }
    service->store()
        ->call([opIds, refresh, held](Store &s) { return loadReevaluationInStore(s, opIds, refresh, held); })
        .then(service, [service, refresh](const ReevaluationInput &in) {
            QStringList reread; // held ops whose copy here is not the store's: read whole
            const QList<Operation> views =
                storeViews(in, [service](const QString &id) { return service->statusMap().get(id); }, &reread);
            if (!reread.isEmpty())
                reevaluateOps(service, reread, refresh);
            QList<FinishRequest> finishes; // one store call for all (bench_reconcile: 138 in one pass)
            for (const Resolution &r : resolveHandedOff(views, in.nodeStatus)) {
                if (r.anySuccess)
                    service->publisher()->publishJson(subjects::cacheInvalidateBackends(),
                                                      QJsonObject{{QStringLiteral("element"), r.op->backend},
                                                                  {QStringLiteral("op"), toString(r.op->kind)}});
                qCInfo(lcFanOut) << "op" << r.op->id << "re-evaluated:" << toString(r.outcome.state);
                finishes.append(service->finishRequest(r.op->id, r.outcome.state, r.outcome.messageCode, r.outcome.errorReason()));
            }
            service->finishOps(finishes);
            // The same read, handed over as it was before any finish above was written.
            if (refresh)
                for (const Operation &op : views)
                    service->adoptStoreState(op);
        });
}

} // namespace fleetdeck
