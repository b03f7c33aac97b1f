#include "cluster/op_canceller.h"

#include "cluster/worker_client.h"
#include "ops/operation_service.h"
#include "store/store_thread.h"

#include <QLoggingCategory>
#include <QPointer>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcFanOut)

namespace fleetdeck {

OpCanceller::OpCanceller(StoreThread *store, WorkerClient *client, QObject *parent)
    : QObject(parent), m_store(store), m_client(client)
{
}

void OpCanceller::cancelWorkers(const QString &opId, std::function<void()> done)
{
    m_store->call([opId](Store &s) { return s.nodeRows(opId); }).then(this, [this, opId, done](Result<QList<NodeProgress>> rows) {
        if (!rows) {
            qCWarning(lcFanOut) << "cancel of" << opId << ": reading node rows failed:" << rows.error();
            if (done)
                done();
            return;
        }
        QList<NodeProgress> busy;
        for (const NodeProgress &n : rows.value())
            if (n.status == NodeRowStatus::Downloading || n.status == NodeRowStatus::Verifying
                || n.status == NodeRowStatus::Extracting || n.status == NodeRowStatus::RunningOnWorker)
                busy.append(n);
        auto open = std::make_shared<int>(static_cast<int>(busy.size()));
        if (busy.isEmpty() && done)
            done();
        for (const NodeProgress &n : std::as_const(busy)) {
            m_client->cancel(NodeAddress{n.nodeId, n.nodeName}, opId, [this, n, opId, open, done](const CancelOutcome &o) {
                if (!o.replied())
                    qCWarning(lcFanOut) << "cancel of" << opId << "on" << n.nodeName << ":"
                                        << englishText(describeOutcome(o, n.nodeName));
                const QString nodeId = n.nodeId;
                // Step 4: a row still running_on_worker has no request waiting for it.
                m_store->call([opId, nodeId](Store &s) -> std::optional<NodeProgress> {
                    auto cur = s.nodeRows(opId);
                    if (!cur)
                        return std::nullopt;
                    for (NodeProgress r : cur.value()) {
                        if (r.nodeId != nodeId || r.status != NodeRowStatus::RunningOnWorker)
                            continue;
                        r.status = NodeRowStatus::Cancelled;
                        r.setMessage(Reason::make("cancel_outcome_unknown"));
                        auto w = s.updateNodeRow(r);
                        if (w && w.value())
                            return r;
                    }
                    return std::nullopt;
                }).then(this, [this, opId, open, done](std::optional<NodeProgress> settled) {
                    if (settled && m_service)
                        m_service->mergeNodeRows(opId, {*settled}, OperationService::RowMerge::SettleRow);
                    if (--*open == 0 && done)
                        done();
                });
            });
        }
    });
}

} // namespace fleetdeck
