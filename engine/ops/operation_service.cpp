#include "ops/operation_service.h"

#include "bus/subjects.h"
#include "core/clock.h"
#include "core/deferred.h"
#include "core/json_reader.h"
#include "core/operation_codec.h"
#include "ops/executor.h"
#include "ops/history_builder.h"
#include "ops/op_publisher.h"
#include "store/store_thread.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcOps, "fleetdeck.engine.ops")

namespace fleetdeck {

OperationService::OperationService(Deps deps, QObject *parent)
    : QObject(parent), m_deps(std::move(deps)), m_settings()
{
    m_opCache = std::make_unique<OpCache>(&m_statusMap, m_deps.bus, m_deps.clock);
    m_publisher = new OpPublisher(m_deps.bus, m_deps.clock, &m_statusMap, this);
    if (m_deps.runner && m_deps.identity.longLived())
        m_executor = std::make_unique<Executor>(this, m_deps.runner);
    setSettings(m_settings);
}

OperationService::~OperationService()
{
    for (quint64 sub : std::as_const(m_subscriptions))
        m_deps.bus->unsubscribe(sub);
    m_deps.clock->cancel(m_reaperTimer);
    m_deps.clock->cancel(m_keepaliveTimer);
    // A retry still waiting holds the caller's promise: it ends here, while this object (the
    // context of the caller's continuation) still exists (Qt asserts otherwise; sim seed 212).
    for (quint64 timer : std::exchange(m_retryTimers, {}))
        m_deps.clock->cancel(timer);
}

void OperationService::retryLater(std::function<void()> fn)
{
    auto handle = std::make_shared<quint64>(0);
    *handle = m_deps.clock->callAfter(kTerminalRetryMs, this, [this, handle, fn = std::move(fn)]() {
        m_retryTimers.remove(*handle);
        fn();
    });
    m_retryTimers.insert(*handle);
}

void OperationService::setSettings(const ClusterSettings &settings)
{
    m_settings = settings;
    m_opCache->setRetentionMs(settings.retentionMs());
    m_publisher->setCoalesceMs(settings.statusCoalesceMs());
    if (m_executor)
        m_executor->setMaxConcurrent(settings.opsMaxConcurrent());
}

int OperationService::runningCount() const
{
    return m_executor ? m_executor->runningCount() : 0;
}

QFuture<Status> OperationService::start()
{
    Deferred<Status> done;
    const bool longLived = m_deps.identity.longLived();
    auto afterReap = [this, done, longLived]() {
        m_buffering = true;
        subscribe();
        hydrate().then(this, [this, done, longLived](Status st) {
            m_buffering = false;
            const auto buffered = std::exchange(m_buffered, {});
            for (const auto &[msg, handler] : buffered)
                (this->*handler)(msg);
            if (!st) {
                done.resolve(st);
                return;
            }
            if (longLived) {
                if (m_executor)
                    m_executor->start();
                scheduleKeepalive();
                scheduleReaper();
            }
            done.resolve(okStatus());
        });
    };
    if (longLived) {
        // Startup reap runs before hydration (docs/operations.md#reaper,
        // docs/architecture.md#start-up-and-hydration).
        reapStaleOperations().then(this, [afterReap](int) { afterReap(); });
    } else {
        afterReap();
    }
    return done.future();
}

QFuture<void> OperationService::stop()
{
    Deferred<void> done;
    m_stopped = true;
    m_deps.clock->cancel(m_reaperTimer);
    m_deps.clock->cancel(m_keepaliveTimer);
    for (quint64 sub : std::as_const(m_subscriptions))
        m_deps.bus->unsubscribe(sub);
    m_subscriptions.clear();
    if (!m_executor) {
        done.resolve();
        return done.future();
    }
    m_executor->shutdown().then(this, [done]() { done.resolve(); });
    return done.future();
}

void OperationService::subscribe()
{
    auto sub = [this](const QString &subject, void (OperationService::*handler)(const BusMessage &)) {
        const SubscriptionId id = m_deps.bus->subscribe(subject, this, [this, handler](const BusMessage &m) { dispatch(m, handler); });
        if (id)
            m_subscriptions.append(id);
    };
    sub(subjects::opcacheStart(), &OperationService::onOpcacheStart);
    sub(subjects::opcacheEnd(), &OperationService::onOpcacheEnd);
    sub(subjects::opProgressAll(), &OperationService::onProgressMessage);
    sub(subjects::opCancelAll(), &OperationService::onCancelMessage);
}

void OperationService::dispatch(const BusMessage &m, void (OperationService::*handler)(const BusMessage &))
{
    if (m_stopped)
        return;
    if (m_buffering) {
        m_buffered.append({m, handler});
        return;
    }
    (this->*handler)(m);
}

static std::optional<QJsonObject> parseBroadcast(const BusMessage &m)
{
    QString error;
    auto obj = parseJsonObject(m.data, 1048576, &error);
    if (!obj)
        qCWarning(lcOps) << "dropped malformed message on" << m.subject << ":" << error;
    return obj;
}

void OperationService::onOpcacheStart(const BusMessage &m)
{
    const auto obj = parseBroadcast(m);
    if (!obj)
        return;
    const QString opId = obj->value(QLatin1String("job_id")).toString();
    const QString key = obj->value(QLatin1String("cache_key")).toString();
    if (opId.isEmpty() || key.isEmpty())
        return;
    QStringList supersedes;
    for (const QJsonValue &v : obj->value(QLatin1String("supersedes")).toArray())
        if (const QString id = v.toString(); !id.isEmpty())
            supersedes.append(id);
    holdKey(key, opId, supersedes);
    if (m_executor)
        m_executor->wake();
}

void OperationService::onOpcacheEnd(const BusMessage &m)
{
    const auto obj = parseBroadcast(m);
    if (!obj)
        return;
    const QString opId = obj->value(QLatin1String("job_id")).toString();
    if (!opId.isEmpty() && m_opCache->removeOpSilently(opId))
        Q_EMIT opRemoved(opId);
}

void OperationService::onProgressMessage(const BusMessage &m)
{
    m_progressBroadcasts.fetch_add(1, std::memory_order_relaxed);
    const auto obj = parseBroadcast(m);
    if (!obj)
        return;
    const QString opId = obj->value(QLatin1String("job_id")).toString();
    auto op = opStatusFromJson(opId, obj->value(QLatin1String("status")).toObject());
    if (opId.isEmpty() || !op) {
        qCWarning(lcOps) << "dropped progress message on" << m.subject << ":" << (opId.isEmpty() ? QStringLiteral("missing job_id") : op.error());
        return;
    }
    // The owner's own memory is newer than any echo of its coalesced publications.
    if (m_executor && m_executor->isRunning(opId) && !op->processed())
        return;
    const StatusMap::Applied applied = m_statusMap.applyIncoming(op.value());
    if (applied == StatusMap::Applied::Ignored)
        return;
    // First sight of an active op. It may be a late broadcast of one that ended before this
    // replica started (a reconnect buffer): the store has the last word (sim seed 38). And NATS
    // core may have lost its opcache.start: this broadcast lists it, or the operations bar would
    // never show an op that runs (sim seed 4). Later broadcasts find it listed (no hot-path scan).
    if (applied == StatusMap::Applied::Created && isActive(op->state)) {
        verifyWithStore(opId);
        if (!m_opCache->containsOp(opId))
            holdKey(makeCacheKey(op->backend, op->targetNodeId), opId);
    }
    if (auto now = m_statusMap.get(opId))
        Q_EMIT opChanged(*now);
}

void OperationService::onCancelMessage(const BusMessage &m)
{
    const auto obj = parseBroadcast(m);
    if (!obj)
        return;
    const QString opId = obj->value(QLatin1String("id")).toString();
    if (opId.isEmpty())
        return;
    if (m_executor)
        m_executor->requestCancel(opId);
    if (m_statusMap.markCancelled(opId, m_deps.clock->nowMs())) {
        if (auto now = m_statusMap.get(opId))
            Q_EMIT opChanged(*now);
    }
}

QFuture<Status> OperationService::hydrate()
{
    const qint64 failedSince = m_deps.clock->nowMs() - m_settings.retentionMs();
    return m_deps.store->call([failedSince](Store &s) { return s.loadOpsForHydration(failedSince); })
        .then(this, [this](Result<QList<Operation>> ops) -> Status {
            if (!ops)
                return Status::failure(QStringLiteral("hydration failed: ") + ops.error());
            applyHydration(ops.value());
            return okStatus();
        });
}

void OperationService::setConnectivity(const QString &storeError, bool natsConnected)
{
    const bool couldClaim = canClaim();
    m_storeError = storeError;
    m_natsConnected = natsConnected;
    if (!couldClaim && canClaim() && m_executor && !m_stopped)
        m_executor->wake();
}

QFuture<bool> OperationService::finishOp(const QString &opId, OpState state, const Reason &message,
                                         const std::optional<Reason> &error)
{
    Deferred<bool> done;
    finishAttempt(opId, state, message, error, [done](bool won) { done.resolve(won); });
    return done.future();
}

void OperationService::finishAttempt(const QString &opId, OpState state, const Reason &message,
                                     const std::optional<Reason> &error, const std::function<void(bool)> &done)
{
    const FinishRequest request = finishRequest(opId, state, message, error);
    const QString replicaId = m_deps.identity.replicaId;
    const int historySize = m_settings.historySize();
    m_deps.store
        ->call([=](Store &s) { return finishInStore(s, {request}, replicaId, historySize).value(0); })
        .then(this, [=, this](const FinishResult &r) { settleFinish(request, r, done); });
}

void OperationService::finishOps(const QList<FinishRequest> &requests)
{
    if (requests.isEmpty())
        return;
    const QString replicaId = m_deps.identity.replicaId;
    const int historySize = m_settings.historySize();
    m_deps.store
        ->call([=](Store &s) { return finishInStore(s, requests, replicaId, historySize); })
        .then(this, [=, this](const QList<FinishResult> &results) {
            for (qsizetype i = 0; i < requests.size(); ++i)
                settleFinish(requests[i], results.value(i), [](bool) {});
        });
}

FinishRequest OperationService::finishRequest(const QString &opId, OpState state, const Reason &message,
                                              const std::optional<Reason> &error) const
{
    const int progress = state == OpState::Success ? 100 : m_statusMap.get(opId).value_or(Operation{}).progress;
    return FinishRequest{opId, state, progress, message, error};
}

void OperationService::settleFinish(const FinishRequest &request, const FinishResult &r, const std::function<void(bool)> &done)
{
    if (!r.error.isEmpty()) {
        qCWarning(lcOps) << "terminal write of" << request.opId << "failed:" << r.error;
        Q_EMIT storeError(Reason::make("store_unreachable", {{"detail", r.error}}));
    }
    if (!r.won && !r.op && !r.error.isEmpty() && !m_stopped) {
        // docs/architecture.md#outages: the terminal write is retried every 5 s until the
        // store takes it; its broadcast follows the write.
        retryLater([=, this]() { finishAttempt(request.opId, request.state, request.message, request.error, done); });
        return;
    }
    if (r.op) {
        if (r.won)
            publishTerminal(*r.op, r.historyId);
        else
            adoptTerminal(*r.op);
    }
    done(r.won);
}

void OperationService::writeTerminalNodeRow(const NodeProgress &row)
{
    m_deps.store->call([row](Store &s) { return s.updateNodeRow(row); }).then(this, [this, row](Result<bool> r) {
        if (r || m_stopped)
            return;
        qCWarning(lcOps) << "terminal write of node row" << row.opId << row.nodeName << "failed:" << r.error();
        Q_EMIT storeError(Reason::make("store_unreachable", {{"detail", r.error()}}));
        retryLater([this, row]() { writeTerminalNodeRow(row); });
    });
}

void OperationService::adoptTerminal(const Operation &op)
{
    if (!op.processed())
        return;
    Operation local = op;
    if (auto cur = m_statusMap.get(op.id)) {
        if (cur->processed())
            return;
        local.cacheKey = cur->cacheKey;
    }
    m_statusMap.put(local);
    Q_EMIT opChanged(local);
}

void OperationService::publishTerminal(const Operation &op, std::optional<qint64> historyId)
{
    m_statusMap.put(op);
    m_publisher->publishNow(op);
    Q_EMIT opChanged(op);
    if (historyId) {
        m_publisher->publishJson(subjects::historyAppended(),
                                 QJsonObject{{QStringLiteral("id"), *historyId},
                                             {QStringLiteral("entry_kind"), QStringLiteral("operation")},
                                             {QStringLiteral("op_id"), op.id},
                                             {QStringLiteral("outcome"), toString(op.state)}});
        Q_EMIT historyAppended(*historyId);
    }
}

void OperationService::scheduleKeepalive()
{
    m_keepaliveTimer = m_deps.clock->callAfter(m_settings.keepaliveMs(), this, [this]() {
        if (m_stopped)
            return;
        const QString me = m_deps.identity.replicaId;
        m_deps.store->call([me](Store &s) { return s.keepalive(me); }).then(this, [](Result<int> r) {
            if (!r)
                qCWarning(lcOps) << "keepalive failed:" << r.error();
        });
        scheduleKeepalive();
    });
}

void OperationService::scheduleReaper()
{
    m_reaperTimer = m_deps.clock->callAfter(m_settings.reapIntervalMs(), this, [this]() {
        if (m_stopped)
            return;
        reapStaleOperations();
        auditListed();
        scheduleReaper();
    });
}

} // namespace fleetdeck
