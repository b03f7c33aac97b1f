#include "cluster/op_reevaluation.h"

#include "bus/subjects.h"
#include "ops/op_aggregate.h"
#include "ops/op_publisher.h"
#include "ops/operation_service.h"
#include "store/store_thread.h"

#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcFanOut)

namespace fleetdeck {

namespace {

struct Candidate {
    Operation op;
    QHash<QString, NodeStatus> nodeStatus;
};

} // namespace

void reevaluateOps(OperationService *service, const QStringList &opIds)
{
    service->store()
        ->call([opIds](Store &s) {
            QList<Candidate> out;
            QHash<QString, NodeStatus> statuses;
            if (auto nodes = s.listNodes())
                for (const Node &n : nodes.value())
                    statuses.insert(n.id, n.status);
            for (const QString &id : opIds) {
                auto op = s.getOp(id);
                if (!op || !op.value() || op.value()->state != OpState::RunningOnWorker)
                    continue;
                out.append(Candidate{*op.value(), statuses});
            }
            return out;
        })
        .then(service, [service](const QList<Candidate> &candidates) {
            for (const Candidate &c : candidates) {
                const Outcome o = computeOutcome(c.op, [&c](const NodeProgress &n) {
                    const auto it = c.nodeStatus.constFind(n.nodeId);
                    return it == c.nodeStatus.constEnd() ? QStringLiteral("deleted") : toString(*it);
                });
                if (o.state == OpState::RunningOnWorker)
                    continue;
                bool anySuccess = false;
                for (const NodeProgress &n : c.op.nodes)
                    anySuccess = anySuccess || n.status == NodeRowStatus::Success;
                if (anySuccess)
                    service->publisher()->publishJson(subjects::cacheInvalidateBackends(),
                                                      QJsonObject{{QStringLiteral("element"), c.op.backend},
                                                                  {QStringLiteral("op"), toString(c.op.kind)}});
                qCInfo(lcFanOut) << "op" << c.op.id << "re-evaluated:" << toString(o.state);
                service->finishOp(c.op.id, o.state, o.message,
                                  o.state == OpState::Failed ? std::optional<QString>(o.error) : std::nullopt);
            }
        });
}

} // namespace fleetdeck
