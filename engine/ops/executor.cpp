#include "ops/executor.h"

#include "core/clock.h"
#include "core/deferred.h"
#include "ops/op_aggregate.h"
#include "ops/operation_service.h"
#include "ops/running_op_impl.h"
#include "store/store_thread.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcOps)

namespace fleetdeck {

Executor::Executor(OperationService *service, OpRunner *runner) : QObject(service), m_service(service), m_runner(runner) {}

Executor::~Executor()
{
    m_service->clock()->cancel(m_pollTimer);
}

void Executor::start()
{
    m_started = true;
    schedulePoll();
    wake();
}

void Executor::schedulePoll()
{
    m_pollTimer = m_service->clock()->callAfter(m_service->settings().claimPollMs(), this, [this]() {
        if (m_shuttingDown)
            return;
        wake();
        schedulePoll();
    });
}

void Executor::wake()
{
    claimNext({});
}

void Executor::wakeFor(const QString &opId)
{
    claimNext(opId);
}

bool Executor::isRunning(const QString &opId) const
{
    return m_running.contains(opId);
}

void Executor::requestCancel(const QString &opId)
{
    if (RunningOpImpl *r = m_running.value(opId))
        r->requestCancel();
}

void Executor::claimNext(const QString &preferredOpId)
{
    if (!m_started || m_shuttingDown || !m_service->canClaim())
        return; // docs/architecture.md#outages: nothing is claimed while the store or NATS is unreachable
    if (m_claiming) {
        m_rewake = true; // one claim at a time; look again when it returns
        return;
    }
    if (m_used >= m_maxConcurrent)
        return;
    m_claiming = true;
    ++m_used; // the slot is reserved while the claim is in flight
    const QString me = m_service->identity().replicaId;
    m_service->store()
        ->call([me, preferredOpId](Store &s) -> Result<std::optional<QString>> {
            if (!preferredOpId.isEmpty()) {
                auto won = s.claimOp(me, preferredOpId);
                if (won && won.value())
                    return std::optional<QString>(preferredOpId);
            }
            return s.claimOldest(me);
        })
        .then(this, [this](Result<std::optional<QString>> r) {
            m_claiming = false;
            if (!r)
                qCWarning(lcOps) << "claim failed:" << r.error();
            if (!r || !r.value()) {
                --m_used;
                if (std::exchange(m_rewake, false))
                    claimNext({});
                return;
            }
            m_rewake = false;
            startClaimed(*r.value());
            claimNext({}); // fill the remaining slots
        });
}

void Executor::startClaimed(const QString &opId)
{
    const QString me = m_service->identity().replicaId;
    m_service->store()
        ->call([me, opId](Store &s) -> Result<std::optional<Operation>> {
            auto op = s.getOp(opId);
            if (!op || !op.value())
                return op;
            const Operation &o = *op.value();
            auto started = s.startOp(opId, me, processingBackendMessage(o.backend), o.kind != OpKind::Delete);
            if (!started)
                return Result<std::optional<Operation>>::failure(started.error());
            if (!started.value())
                return std::optional<Operation>(); // cancelled or reaped meanwhile
            return s.getOp(opId);
        })
        .then(this, [this, opId](Result<std::optional<Operation>> r) {
            if (!r) {
                // The op is claimed by this replica: nobody else will start it, and its keepalive
                // keeps the reaper away, so the start is retried until the store takes it (sim
                // seed 22: an op stayed queued for ever after a store outage).
                qCWarning(lcOps) << "start of" << opId << "failed:" << r.error() << "; retrying";
                m_service->clock()->callAfter(OperationService::kTerminalRetryMs, this, [this, opId]() { startClaimed(opId); });
                return;
            }
            if (!r.value()) { // cancelled or reaped meanwhile
                --m_used;
                wake();
                return;
            }
            Operation op = *r.value();
            if (auto cur = m_service->statusMap().get(opId); cur && !cur->cacheKey.isEmpty())
                op.cacheKey = cur->cacheKey;
            // The op this replica runs is in its operations list even when its opcache.start
            // never arrived (NATS core may lose it; sim seed 108).
            if (!m_service->opCache().containsOp(opId))
                m_service->holdKey(op.cacheKey, opId);
            auto *running = new RunningOpImpl(op, m_service, this, m_runner);
            m_running.insert(opId, running);
            m_peakRunning = std::max(m_peakRunning, runningCount());
            running->run();
        });
}

void Executor::released(const QString &opId)
{
    if (RunningOpImpl *r = m_running.take(opId)) {
        r->deleteLater();
        --m_used;
    }
    wake();
}

QFuture<void> Executor::shutdown()
{
    m_shuttingDown = true;
    m_service->clock()->cancel(m_pollTimer);
    Deferred<void> done;
    for (RunningOpImpl *r : std::as_const(m_running))
        r->abandonForShutdown();
    const QString me = m_service->identity().replicaId;
    m_service->store()->call([me](Store &s) { return s.handBack(me); }).then(this, [done](Result<int> r) {
        if (!r)
            qCWarning(lcOps) << "hand-back at shutdown failed:" << r.error();
        done.resolve();
    });
    return done.future();
}

} // namespace fleetdeck
