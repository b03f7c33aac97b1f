// The stale-operation reaper of docs/operations.md#reaper (part of OperationService).
#include "core/clock.h"
#include "ops/history_builder.h"
#include "ops/operation_service.h"
#include "store/store_thread.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcOps)

namespace fleetdeck {

namespace {

struct Reaped {
    Operation op;
    std::optional<qint64> historyId;
};

struct ReapResult {
    QList<Reaped> reaped;
    QStringList errors;
};

} // namespace

QFuture<int> OperationService::reapStaleOperations()
{
    return reapStaleOperations(m_settings.staleAgeMs());
}

QFuture<int> OperationService::reapStaleOperations(qint64 ageMs)
{
    const qint64 now = m_deps.clock->nowMs();
    const qint64 cutoff = now - ageMs;
    const qint64 retentionCutoff = now - m_settings.retentionMs();
    const QString replicaId = m_deps.identity.replicaId;
    const int historySize = m_settings.historySize();
    m_lastReapMs = now;
    return m_deps.store
        ->call([=](Store &s) {
            ReapResult r;
            auto stale = s.listStaleActive(cutoff);
            if (!stale) {
                r.errors.append(stale.error());
                return r;
            }
            for (const Operation &op : stale.value()) {
                const Reason reaped = Reason::make("reaped");
                auto won = s.finishOp(op.id, OpState::Failed, op.progress, failedMessage(reaped), reaped);
                if (!won || !won.value()) {
                    if (!won)
                        r.errors.append(won.error());
                    continue; // another reaper (or the owner) wrote first: count it once
                }
                if (auto d = s.deletePendingForOp(op.id); !d)
                    r.errors.append(d.error());
                if (auto f = s.failOpenNodeRows(op.id, Reason::make("reaped_node")); !f)
                    r.errors.append(f.error());
                auto fresh = s.getOp(op.id);
                if (!fresh || !fresh.value())
                    continue;
                Reaped item{*fresh.value(), std::nullopt};
                auto h = s.appendHistory(historyFromOp(item.op, replicaId), historySize);
                if (h)
                    item.historyId = h.value();
                else
                    r.errors.append(h.error());
                r.reaped.append(item);
            }
            if (auto del = s.deleteFinishedBefore(retentionCutoff); !del)
                r.errors.append(del.error());
            return r;
        })
        .then(this, [this](ReapResult r) {
            for (const QString &e : std::as_const(r.errors))
                qCWarning(lcOps) << "reaper:" << e;
            for (const Reaped &item : std::as_const(r.reaped)) {
                Operation op = item.op;
                if (auto cur = m_statusMap.get(op.id))
                    op.cacheKey = cur->cacheKey.isEmpty() ? op.cacheKey : cur->cacheKey;
                publishTerminal(op, item.historyId);
                qCInfo(lcOps) << "reaped stale operation" << op.id << op.backend;
            }
            // Prune the status map (D17) and let GUI-less replicas evict too.
            const qint64 lingerCutoff = m_deps.clock->nowMs() - m_settings.statusLingerMs();
            for (const Operation &op : m_statusMap.snapshot()) {
                if (op.processed() && !m_opCache->containsOp(op.id) && op.finishedAt && *op.finishedAt <= lingerCutoff) {
                    m_statusMap.retire(op.id, m_deps.clock->nowMs());
                    Q_EMIT opRemoved(op.id);
                }
            }
            m_statusMap.forgetRetiredBefore(m_deps.clock->nowMs() - m_settings.retentionMs());
            m_opCache->list();
            return static_cast<int>(r.reaped.size());
        });
}

} // namespace fleetdeck
