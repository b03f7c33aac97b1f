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
#include <QSet>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcOps)

namespace fleetdeck {

namespace {

// Step 1 refusals for an op in `op`'s state, or nullopt when it may be cancelled.
std::optional<Reason> cancelRefusal(const Operation &op)
{
    if (op.state == OpState::Cancelled)
        return Reason::make("already_cancelled", {{"op", op.id}});
    if (op.processed())
        return Reason::make("already_finished", {{"op", op.id}, {"state", toString(op.state)}});
    if (!op.cancellable || (op.kind == OpKind::Delete && op.state != OpState::Queued))
        return Reason::make("not_cancellable", {{"op", op.id}});
    return std::nullopt;
}

Reason storeUnreachable(const QString &detail)
{
    return Reason::make("store_unreachable", {{"detail", detail}});
}

Reason notFound(const QString &opId)
{
    return Reason::make("op_not_found", {{"op", opId}});
}

struct CancelResult {
    bool won = false;
    std::optional<Operation> op;
    std::optional<qint64> historyId;
    QString error;
};

} // namespace

std::optional<Reason> OperationService::lookupRefusal(const Result<std::optional<Operation>> &read, const QString &opId)
{
    if (!read)
        return storeUnreachable(read.error());
    if (!read.value())
        return notFound(opId);
    return std::nullopt;
}

QFuture<Result<QString>> OperationService::cancel(const QString &opId)
{
    if (const std::optional<Operation> local = m_statusMap.get(opId)) {
        // Memory may lag behind a peer; a terminal local state is still the answer.
        if (local->processed())
            return readyFuture(Result<QString>::failure(*cancelRefusal(*local)));
        return cancelResolved(*local);
    }
    Deferred<Result<QString>> done;
    m_deps.store->call([opId](Store &s) { return s.getOp(opId); })
        .then(this, [this, opId, done](Result<std::optional<Operation>> r) {
            if (const auto refusal = lookupRefusal(r, opId)) {
                done.resolve(Result<QString>::failure(*refusal));
                return;
            }
            cancelResolved(*r.value()).then(this, [done](Result<QString> c) { done.resolve(c); });
        });
    return done.future();
}

QFuture<Result<QString>> OperationService::cancelResolved(const Operation &op)
{
    if (const auto refusal = cancelRefusal(op))
        return readyFuture(Result<QString>::failure(*refusal));
    const QString opId = op.id;
    const QString replicaId = m_deps.identity.replicaId;
    const int historySize = m_settings.historySize();
    const int progress = op.progress;
    Deferred<Result<QString>> done;
    m_deps.store
        ->call([=](Store &s) {
            CancelResult r;
            auto won = s.finishOp(opId, OpState::Cancelled, progress, Reason::make("cancelled"), std::nullopt, true);
            if (!won) {
                r.error = won.error();
                return r;
            }
            r.won = won.value();
            if (r.won) {
                if (auto c = s.cancelQueuedWork(opId, Reason::make("cancelled_before_contact")); !c)
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
                done.resolve(Result<QString>::failure(storeUnreachable(r.error)));
                return;
            }
            if (!r.op) {
                done.resolve(Result<QString>::failure(notFound(opId)));
                return;
            }
            if (!r.won) {
                // Step 2, affected 0: adopt a terminal op; a delete that started meanwhile is refused.
                adoptTerminal(*r.op);
                done.resolve(Result<QString>::failure(cancelRefusal(*r.op).value_or(Reason::make("not_cancellable", {{"op", opId}}))));
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
            if (const auto refusal = lookupRefusal(r, opId)) {
                done.resolve(Result<QString>::failure(*refusal));
                return;
            }
            if (r.value()->state != OpState::Failed) {
                done.resolve(Result<QString>::failure(Reason::make("dismiss_not_failed")));
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
    m_deps.store->call([opId](Store &s) { return s.getOp(opId); }).then(this, [this, opId](Result<std::optional<Operation>> r) {
        if (r && !r.value() && !(m_executor && m_executor->isRunning(opId))) {
            // Gone from the store (the retention sweep): nothing is left to show.
            m_opCache->removeOpSilently(opId);
            m_statusMap.retire(opId, m_deps.clock->nowMs());
            Q_EMIT opRemoved(opId);
            return;
        }
        if (!r || !r.value() || !r.value()->processed())
            return;
        const Operation &stored = *r.value();
        adoptTerminal(stored);
        // Ended or dismissed: nothing to list, and every window reads the list again.
        if ((stored.dismissedAt || stored.state != OpState::Failed) && m_opCache->removeOpSilently(stored.id))
            Q_EMIT opRemoved(stored.id);
    });
}

void OperationService::auditListed()
{
    // docs/operations.md#receivers: a peer learns an op's end only from broadcasts. When the owner
    // ended it while cut off and then stopped, its buffered broadcasts died with it, and the op
    // stayed "running" in every peer's list for ever (sim seed 1493); a dismissal made there
    // left the failure listed everywhere else (2596). Each reaper tick asks the store about every
    // listed op this replica does not run: active ones and failures (listed until dismissed).
    QSet<QString> asked;
    for (const OpCacheEntry &e : m_opCache->list()) {
        if (asked.contains(e.opId) || (m_executor && m_executor->isRunning(e.opId)))
            continue;
        asked.insert(e.opId);
        if (const std::optional<Operation> op = m_statusMap.get(e.opId); op && (isActive(op->state) || op->state == OpState::Failed))
            verifyWithStore(e.opId);
    }
}

void OperationService::holdKey(const QString &key, const QString &opId, const QStringList &supersedes)
{
    // docs/operations.md#supersede: which op a key lists is the store's to say, never a clock's
    // (replicas' clocks differ: sim PostgreSQL seeds 38, 46 hid a retry whose replica's clock was
    // behind the failure it superseded). The failures the admission dismissed come with its start.
    if (m_statusMap.isRetired(opId))
        return;
    for (const QString &old : supersedes)
        if (old != opId)
            markSuperseded(old, opId);
    const std::optional<QString> held = m_opCache->opForKey(key);
    if (held == opId)
        return;
    // The common case: the start of an op not ended here, on a free key, is listed at once.
    // Anything else — a key another op holds, a late start of an op that ended here (a reconnect
    // buffer delivers it minutes later: sim seeds 59, 603, 716) — asks the store.
    const std::optional<Operation> cur = m_statusMap.get(opId);
    if (!held && !(cur && cur->processed())) {
        m_opCache->add(key, opId);
        return;
    }
    settleKey(key);
}

namespace {
struct KeyInStore {
    QList<Operation> listed;      // Store::listedOpsForKey
    std::optional<Operation> held; // the op this replica listed when it asked
};
} // namespace

void OperationService::settleKey(const QString &key)
{
    const std::optional<QString> asked = m_opCache->opForKey(key);
    m_deps.store
        ->call([key, asked](Store &s) -> Result<KeyInStore> {
            KeyInStore k;
            auto listed = s.listedOpsForKey(key);
            if (!listed)
                return Result<KeyInStore>::failure(listed.error());
            k.listed = listed.value();
            if (asked) {
                auto held = s.getOp(*asked);
                if (!held)
                    return Result<KeyInStore>::failure(held.error());
                k.held = held.value();
            }
            return k;
        })
        .then(this, [this, key, asked](Result<KeyInStore> r) {
            if (!r) {
                // The store is away: ask again once it may be back; until then the key keeps
                // what it lists (docs/architecture.md#outages).
                retryLater([this, key]() { settleKey(key); });
                return;
            }
            // An op this replica saw end is not listed again from a read that may predate its end.
            const auto listable = [this](const Operation &op) {
                if (m_statusMap.isRetired(op.id))
                    return false;
                const std::optional<Operation> cur = m_statusMap.get(op.id);
                return !cur || !cur->processed() || (cur->state == OpState::Failed && !cur->dismissedAt);
            };
            std::optional<Operation> shown;
            for (const Operation &op : std::as_const(r->listed))
                if (listable(op)) {
                    shown = op;
                    break;
                }
            const std::optional<QString> now = m_opCache->opForKey(key);
            if (shown && now == shown->id)
                return;
            if (now && now == asked) // the store lists another op or none: what was listed here ended
                forgetListed(*now, r->held, shown ? shown->id : QString());
            if (!shown || m_opCache->opForKey(key))
                return; // listed since by a newer start, which settles the key itself if it must
            if (!m_statusMap.contains(shown->id))
                m_statusMap.put(*shown);
            m_opCache->add(key, shown->id);
            if (const auto mem = m_statusMap.get(shown->id))
                Q_EMIT opChanged(*mem);
        });
}

void OperationService::forgetListed(const QString &opId, const std::optional<Operation> &stored, const QString &by)
{
    m_opCache->removeOpSilently(opId);
    std::optional<Operation> cur = m_statusMap.get(opId);
    if (stored && stored->processed() && (!cur || !cur->processed())) {
        adoptTerminal(*stored);
    } else if (cur && cur->state == OpState::Failed && !cur->dismissedAt) {
        // The store's word on why it is no longer listed, else the op that took its key.
        const bool dismissed = stored && stored->dismissedAt;
        cur->dismissedAt = dismissed ? stored->dismissedAt : std::optional<qint64>(m_deps.clock->nowMs());
        if (dismissed) {
            cur->message = stored->message;
            cur->messageCode = stored->messageCode;
        } else if (!by.isEmpty()) {
            cur->setMessage(Reason::make("superseded", {{"op", by}}));
        }
        m_statusMap.put(*cur);
        Q_EMIT opChanged(*cur);
    }
    Q_EMIT opRemoved(opId);
}

void OperationService::markSuperseded(const QString &opId, const QString &by)
{
    std::optional<Operation> op = m_statusMap.get(opId);
    m_opCache->removeOpSilently(opId);
    if (!op || op->state != OpState::Failed || op->dismissedAt)
        return;
    op->dismissedAt = m_deps.clock->nowMs();
    op->setMessage(Reason::make("superseded", {{"op", by}}));
    m_statusMap.put(*op);
    Q_EMIT opChanged(*op);
}

} // namespace fleetdeck
