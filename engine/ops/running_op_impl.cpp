#include "ops/running_op_impl.h"

#include "bus/subjects.h"
#include "core/clock.h"
#include "ops/executor.h"
#include "ops/op_aggregate.h"
#include "ops/op_publisher.h"
#include "ops/operation_service.h"
#include "store/store_thread.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <exception>

Q_DECLARE_LOGGING_CATEGORY(lcOps)

namespace fleetdeck {

RunningOpImpl::RunningOpImpl(Operation op, OperationService *service, Executor *executor, OpRunner *runner)
    : QObject(executor), m_op(std::move(op)), m_service(service), m_executor(executor), m_runner(runner)
{
}

void RunningOpImpl::run()
{
    putMemory();
    m_service->publisher()->publishNow(m_op);
    try {
        m_runner->run(this);
    } catch (const std::exception &e) {
        fail(Reason::make("internal_error", {{"detail", QString::fromUtf8(e.what())}}));
    } catch (...) {
        fail(Reason::make("internal_error", {{"detail", QStringLiteral("unknown exception")}}));
    }
}

void RunningOpImpl::requestCancel()
{
    if (m_cancel)
        return;
    m_cancel = true;
    const auto callbacks = m_onCancel;
    for (const auto &fn : callbacks)
        fn();
}

void RunningOpImpl::putMemory()
{
    m_service->showOwnerState(m_op);
}

void RunningOpImpl::commitMemory(const QStringList &changedNodeIds)
{
    putMemory();
    m_service->publisher()->changed(m_op.id, changedNodeIds);
}

void RunningOpImpl::createNodeRows(const QList<NodeProgress> &rowsIn)
{
    const qint64 now = m_service->clock()->nowMs();
    QList<NodeProgress> rows = rowsIn;
    QStringList ids;
    for (NodeProgress &r : rows) {
        r.opId = m_op.id;
        r.updatedAt = now;
        r.revision = m_op.revision + 1;
        if (r.phase.isEmpty())
            r.phase = QStringLiteral("waiting");
        ids.append(r.nodeId);
    }
    m_op.mergeNodes(rows);
    m_service->store()->call([rows](Store &s) { return s.insertNodeRows(rows); }).then(m_service, [](Status st) {
        if (!st)
            qCWarning(lcOps) << "creating node rows failed:" << st.error();
    });
    commitMemory(ids);
}

void RunningOpImpl::updateNode(const NodeProgress &rowIn)
{
    if (m_ended && !isTerminal(rowIn.status))
        return;
    const qint64 now = m_service->clock()->nowMs();
    NodeProgress row = rowIn;
    row.opId = m_op.id;
    row.updatedAt = now;
    row.revision = m_op.revision + 1; // the revision this change is shown with
    m_op.mergeNodes({row});
    const Aggregate a = computeAggregate(m_op.nodes, m_op.progress);
    const bool progressChanged = a.progress != m_op.progress || a.currentBytes != m_op.currentBytes
        || a.totalBytes != m_op.totalBytes || a.fileName != m_op.fileName;
    if (!m_ended) {
        m_op.progress = a.progress;
        m_op.currentBytes = a.currentBytes;
        m_op.totalBytes = a.totalBytes;
        m_op.fileName = a.fileName;
        m_op.setMessage(a.message.isEmpty() ? processingBackendMessage(m_op.backend) : a.messageCode);
        m_op.updatedAt = now;
        if (progressChanged)
            m_op.progressAt = now;
    }
    StoreThread *store = m_service->store();
    if (isTerminal(row.status)) {
        m_service->writeTerminalNodeRow(row);
    } else {
        store->call([row](Store &s) {
            s.queueNodeRow(row);
            return 0;
        });
    }
    if (!m_ended) {
        OpProgressWrite w{m_op.id, std::nullopt, m_op.cancellable, m_op.progress, m_op.message,
                          m_op.fileName, m_op.currentBytes, m_op.totalBytes, m_op.revision + 1, m_op.messageCode};
        store->call([w](Store &s) {
            s.queueProgress(w);
            return 0;
        });
    }
    commitMemory({row.nodeId});
}

void RunningOpImpl::complete()
{
    if (m_ended)
        return;
    const OpRunner *runner = m_runner;
    const Outcome o = computeOutcome(m_op, [runner](const NodeProgress &n) { return runner->nodeStatusName(n.nodeId); });
    if (o.state == OpState::RunningOnWorker) {
        m_op.state = OpState::RunningOnWorker;
        m_op.setMessage(o.messageCode);
        m_op.updatedAt = m_service->clock()->nowMs();
        putMemory();
        OpProgressWrite w{m_op.id, OpState::RunningOnWorker, m_op.cancellable, m_op.progress, m_op.message,
                          m_op.fileName, m_op.currentBytes, m_op.totalBytes, m_op.revision, m_op.messageCode};
        m_service->handOff(w);
        m_service->publisher()->publishNow(m_op);
        leaveSlot();
        return;
    }
    bool anySuccess = false;
    for (const NodeProgress &n : std::as_const(m_op.nodes))
        anySuccess = anySuccess || n.status == NodeRowStatus::Success;
    if (o.state == OpState::Success || anySuccess) {
        m_service->publisher()->publishJson(subjects::cacheInvalidateBackends(),
                                            QJsonObject{{QStringLiteral("element"), m_op.backend},
                                                        {QStringLiteral("op"), toString(m_op.kind)}});
    }
    finishWith(o.state, o.messageCode, o.errorReason());
}

void RunningOpImpl::fail(const Reason &error)
{
    if (m_ended)
        return;
    finishWith(OpState::Failed, failedMessage(error), error);
}

void RunningOpImpl::finishWith(OpState state, const Reason &message, const std::optional<Reason> &error)
{
    m_ended = true;
    putMemory();
    QPointer<RunningOpImpl> self(this);
    m_service->finishOp(m_op.id, state, message, error).then(m_service, [self](bool) {
        if (self)
            self->leaveSlot();
    });
}

void RunningOpImpl::leaveSlot()
{
    m_ended = true;
    m_executor->released(m_op.id);
}

void RunningOpImpl::abandonForShutdown()
{
    if (m_ended)
        return;
    for (const auto &fn : std::exchange(m_onAbandoned, {}))
        fn();
    const Reason note = Reason::make("replica_shut_down");
    for (NodeProgress &n : m_op.nodes) {
        if (!isTerminal(n.status)) {
            n.status = NodeRowStatus::RunningOnWorker;
            n.setMessage(note);
            n.revision = m_op.revision + 1;
            const NodeProgress row = n;
            m_service->store()->call([row](Store &s) { return s.updateNodeRow(row); });
        }
    }
    m_op.state = OpState::RunningOnWorker;
    m_op.setMessage(note);
    putMemory();
    OpProgressWrite w{m_op.id, OpState::RunningOnWorker, m_op.cancellable, m_op.progress, m_op.message,
                      m_op.fileName, m_op.currentBytes, m_op.totalBytes, m_op.revision, m_op.messageCode};
    m_service->handOff(w);
    m_service->publisher()->publishNow(m_op);
    m_ended = true;
}

} // namespace fleetdeck
