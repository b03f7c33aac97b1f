// Cancel (docs/operations.md#cancel) and Dismiss (docs/operations.md#dismiss), part of
// OperationService.
#include "bus/subjects.h"
#include "core/clock.h"
#include "core/deferred.h"
#include "ops/executor.h"
#include "ops/history_builder.h"
#include "ops/op_publisher.h"
#include "ops/operation_service.h"
#include "store/store_thread.h"

#include <QJsonObject>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcOps)

namespace fleetdeck {

namespace {

// Step 1 refusals for an op in `op`'s state, or an empty string when it may be cancelled.
QString cancelRefusal(const Operation &op)
{
    if (op.state == OpState::Cancelled)
        return QStringLiteral("operation %1 is already cancelled").arg(op.id);
    if (op.processed())
        return QStringLiteral("operation %1 already finished (%2)").arg(op.id, toString(op.state));
    if (!op.cancellable || (op.kind == OpKind::Delete && op.state != OpState::Queued))
        return QStringLiteral("operation %1 cannot be cancelled while running (delete)").arg(op.id);
    return {};
}

struct CancelResult {
    bool won = false;
    std::optional<Operation> op;
    std::optional<qint64> historyId;
    QString error;
};

} // namespace

QFuture<Result<QString>> OperationService::cancel(const QString &opId)
{
    if (const std::optional<Operation> local = m_statusMap.get(opId)) {
        // Memory may lag behind a peer; a terminal local state is still the answer.
        if (local->processed())
            return readyFuture(Result<QString>::failure(cancelRefusal(*local)));
        return cancelResolved(*local);
    }
    Deferred<Result<QString>> done;
    m_deps.store->call([opId](Store &s) { return s.getOp(opId); })
        .then(this, [this, opId, done](Result<std::optional<Operation>> r) {
            if (!r) {
                done.resolve(Result<QString>::failure(QStringLiteral("store unreachable: ") + r.error()));
                return;
            }
            if (!r.value()) {
                done.resolve(Result<QString>::failure(QStringLiteral("operation %1 not found").arg(opId)));
                return;
            }
            cancelResolved(*r.value()).then(this, [done](Result<QString> c) { done.resolve(c); });
        });
    return done.future();
}

QFuture<Result<QString>> OperationService::cancelResolved(const Operation &op)
{
    const QString refusal = cancelRefusal(op);
    if (!refusal.isEmpty())
        return readyFuture(Result<QString>::failure(refusal));
    const QString opId = op.id;
    const QString replicaId = m_deps.identity.replicaId;
    const int historySize = m_settings.historySize();
    const int progress = op.progress;
    Deferred<Result<QString>> done;
    m_deps.store
        ->call([=](Store &s) {
            CancelResult r;
            auto won = s.finishOp(opId, OpState::Cancelled, progress, QStringLiteral("cancelled"), std::nullopt, true);
            if (!won) {
                r.error = won.error();
                return r;
            }
            r.won = won.value();
            if (r.won) {
                if (auto c = s.cancelQueuedWork(opId, QStringLiteral("cancelled before contact")); !c)
                    qCWarning(lcOps) << "cancel of" << opId << ":" << c.error();
            }
            auto fresh = s.getOp(opId);
            if (fresh && fresh.value())
                r.op = *fresh.value();
            if (r.won && r.op) {
                auto h = s.appendHistory(historyFromOp(*r.op, replicaId), historySize);
                if (h)
                    r.historyId = h.value();
                else
                    qCWarning(lcOps) << "history for cancelled" << opId << ":" << h.error();
            }
            return r;
        })
        .then(this, [this, opId, done](CancelResult r) {
            if (!r.error.isEmpty()) {
                done.resolve(Result<QString>::failure(QStringLiteral("store unreachable: ") + r.error));
                return;
            }
            if (!r.op) {
                done.resolve(Result<QString>::failure(QStringLiteral("operation %1 not found").arg(opId)));
                return;
            }
            if (!r.won) {
                // Step 2, affected 0: adopt a terminal op; a delete that started meanwhile is refused.
                adoptTerminal(*r.op);
                done.resolve(Result<QString>::failure(cancelRefusal(*r.op)));
                return;
            }
            Operation op = *r.op;
            if (auto cur = m_statusMap.get(opId); cur && !cur->cacheKey.isEmpty())
                op.cacheKey = cur->cacheKey;
            // Step 6 on this replica: the owner's fan-out contacts no further node.
            if (m_executor)
                m_executor->requestCancel(opId);
            // Step 5: memory, the cancel and terminal broadcasts, History, then `end` in any case.
            m_publisher->publishJson(subjects::opCancel(opId), QJsonObject{{QStringLiteral("id"), opId}});
            publishTerminal(op, r.historyId);
            m_opCache->removeOpSilently(opId);
            m_publisher->publishJson(subjects::opcacheEnd(), QJsonObject{{QStringLiteral("job_id"), opId}});
            Q_EMIT opRemoved(opId);
            if (m_deps.cancelWorkers)
                m_deps.cancelWorkers(opId);
            done.resolve(QStringLiteral("Operation cancelled"));
        });
    return done.future();
}

QFuture<Result<QString>> OperationService::dismiss(const QString &opId)
{
    Deferred<Result<QString>> done;
    m_deps.store
        ->call([opId](Store &s) -> Result<std::optional<Operation>> {
            auto op = s.getOp(opId);
            if (!op || !op.value() || op.value()->state != OpState::Failed)
                return op;
            auto d = s.dismissOp(opId);
            if (!d)
                return Result<std::optional<Operation>>::failure(d.error());
            return op;
        })
        .then(this, [this, opId, done](Result<std::optional<Operation>> r) {
            if (!r) {
                done.resolve(Result<QString>::failure(QStringLiteral("store unreachable: ") + r.error()));
                return;
            }
            if (!r.value()) {
                done.resolve(Result<QString>::failure(QStringLiteral("operation %1 not found").arg(opId)));
                return;
            }
            if (r.value()->state != OpState::Failed) {
                done.resolve(Result<QString>::failure(QStringLiteral("only failed operations can be dismissed; cancel active ones")));
                return;
            }
            m_opCache->removeOpSilently(opId);
            m_publisher->publishJson(subjects::opcacheEnd(), QJsonObject{{QStringLiteral("job_id"), opId}});
            Q_EMIT opRemoved(opId);
            done.resolve(QStringLiteral("Operation dismissed"));
        });
    return done.future();
}

void OperationService::verifyWithStore(const QString &opId)
{
    m_deps.store->call([opId](Store &s) { return s.getOp(opId); }).then(this, [this](Result<std::optional<Operation>> r) {
        if (!r || !r.value() || !r.value()->processed())
            return;
        const Operation &stored = *r.value();
        adoptTerminal(stored);
        if (stored.dismissedAt || stored.state != OpState::Failed)
            m_opCache->removeOpSilently(stored.id); // ended: nothing to list
    });
}

void OperationService::holdKey(const QString &key, const QString &opId)
{
    // docs/operations.md#receivers: a key held by a terminal op (an undismissed failure) is taken
    // over by the new op on every replica alike; the admission dismissed that failure in the store.
    // A key held by another active op cannot happen (the active_key index): the newer op keeps it.
    // A late start (a reconnect buffer delivers it minutes later) of an op that ended here, or that
    // is older than the key's holder, takes nothing over (sim seed 38).
    if (m_statusMap.isRetired(opId))
        return;
    // A start is older than its op's end: one that arrives for an op already terminal here is
    // late, and the key it held may have been given up since (a dismissal, an eviction). Only an
    // undismissed failure is listed, as the store says (sim seeds 603, 716: a dismissed failure
    // came back to every peer's operations bar when a replica that had been cut off delivered its
    // buffered start).
    if (const auto cur = m_statusMap.get(opId); cur && cur->processed()) {
        m_deps.store->call([opId](Store &s) { return s.getOp(opId); })
            .then(this, [this, key, opId](Result<std::optional<Operation>> r) {
                if (!r || !r.value() || r.value()->state != OpState::Failed || r.value()->dismissedAt
                    || m_statusMap.isRetired(opId) || m_opCache->containsOp(opId))
                    return;
                takeKey(key, opId, true);
                if (const auto now = m_statusMap.get(opId))
                    Q_EMIT opChanged(*now);
            });
        return;
    }
    takeKey(key, opId, false);
}

void OperationService::takeKey(const QString &key, const QString &opId, bool ordered)
{
    if (const std::optional<QString> held = m_opCache->opForKey(key); held && *held != opId) {
        const std::optional<Operation> holder = m_statusMap.get(*held);
        const std::optional<Operation> incoming = m_statusMap.get(opId);
        if (holder && incoming && incoming->createdAt < holder->createdAt)
            return;
        if (holder && isActive(holder->state) && !incoming) {
            qCWarning(lcOps) << "op" << opId << "starts on key" << key << "held by active op" << *held << "; keeping the newer";
            return;
        }
        if (holder && !incoming && !ordered) {
            // An op not seen here yet may be a late start (a reconnect buffer) of one older than
            // the failure holding the key, long dismissed: the store orders them (sim seed 59: a
            // replica that had been cut off delivered the start of a dismissed failure, and a peer
            // hid the newer failure it superseded).
            m_deps.store->call([opId](Store &s) { return s.getOp(opId); })
                .then(this, [this, key, opId, holderCreated = holder->createdAt](Result<std::optional<Operation>> r) {
                    if (!r || !r.value())
                        return;
                    const Operation &in = *r.value();
                    const bool shown = isActive(in.state) || (in.state == OpState::Failed && !in.dismissedAt);
                    if (shown && in.createdAt >= holderCreated && !m_statusMap.isRetired(opId))
                        takeKey(key, opId, true);
                });
            return;
        }
        markSuperseded(*held, opId);
    }
    m_opCache->add(key, opId);
}

void OperationService::markSuperseded(const QString &opId, const QString &by)
{
    std::optional<Operation> op = m_statusMap.get(opId);
    m_opCache->removeOpSilently(opId);
    if (!op || op->state != OpState::Failed || op->dismissedAt)
        return;
    op->dismissedAt = m_deps.clock->nowMs();
    op->message = QStringLiteral("superseded by ") + by;
    m_statusMap.put(*op);
    Q_EMIT opChanged(*op);
}

} // namespace fleetdeck
