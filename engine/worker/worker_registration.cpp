// WorkerAgent: registration with backoff (docs/nodes.md#registration), the command subscription
// (docs/worker.md#start-and-concurrency) and heartbeats (docs/nodes.md#heartbeats).
#include "worker/worker_agent.h"

#include "bus/subjects.h"
#include "core/clock.h"
#include "wire/worker_messages.h"
#include "worker/resources_probe.h"

#include <QJsonObject>

namespace fleetdeck {

namespace {

const char *outcomeText(RequestOutcome o)
{
    switch (o) {
    case RequestOutcome::Reply: return "reply";
    case RequestOutcome::NoResponders: return "no responders";
    case RequestOutcome::Timeout: return "timeout";
    case RequestOutcome::TransportError: return "transport error";
    }
    return "?";
}

} // namespace

void WorkerAgent::startRegistration()
{
    if (m_registering || m_shutdown != ShutdownState::None || !m_started)
        return;
    m_registering = true;
    m_backoffS = qMax(1, m_config.registerBackoffInitialS);
    attemptRegistration();
}

void WorkerAgent::attemptRegistration()
{
    m_registerTimer = 0;
    if (m_shutdown != ShutdownState::None) {
        m_registering = false;
        return;
    }
    ++m_attempts;
    wire::RegisterRequest req;
    req.name = m_config.name;
    for (auto it = m_config.labels.cbegin(); it != m_config.labels.cend(); ++it)
        req.labels.insert(it.key(), it.value());
    req.resources = resources();
    req.workerVersion = m_config.workerVersion;
    req.token = m_config.registrationToken;
    qCInfo(lcWorker, "registering as %s (attempt %d)", qUtf8Printable(m_config.name), m_attempts);
    Q_EMIT registrationAttempted(m_attempts);
    m_bus->request(QStringLiteral("nodes.register"), wire::encode(req), qint64(m_config.registerTimeoutS) * 1000, this,
                   [this](const RequestResult &r) { onRegisterResult(r); });
}

void WorkerAgent::retryRegistrationLater(const QString &why)
{
    const int delay = m_backoffS;
    m_backoffS = qMin(m_backoffS * 2, qMax(1, m_config.registerBackoffCapS));
    qCWarning(lcWorker, "registration failed (%s); retrying in %d s", qUtf8Printable(why), delay);
    m_registerTimer = m_clock->callAfter(qint64(delay) * 1000, this, [this]() { attemptRegistration(); });
}

void WorkerAgent::onRegisterResult(const RequestResult &result)
{
    if (m_shutdown != ShutdownState::None) {
        m_registering = false;
        return;
    }
    if (result.outcome != RequestOutcome::Reply) {
        QString why = QString::fromLatin1(outcomeText(result.outcome));
        if (!result.error.isEmpty())
            why += QStringLiteral(": ") + result.error;
        retryRegistrationLater(why);
        return;
    }
    const Result<wire::RegisterReply> reply = wire::decodeRegisterReply(result.data, m_config.maxPayloadBytes);
    if (!reply) {
        retryRegistrationLater(QStringLiteral("malformed reply: ") + reply.error());
        return;
    }
    m_registering = false;
    if (!reply->error.isEmpty()) {
        const int code = reply->error == QLatin1String("invalid registration token") ? 3 : 2;
        const QString message = QStringLiteral("registration refused: ") + reply->error;
        qCCritical(lcWorker, "%s", qUtf8Printable(message));
        Q_EMIT fatal(code, message);
        return;
    }
    m_nodeId = reply->id;
    m_nodeStatus = reply->status;
    m_heartbeatIntervalS = m_config.heartbeatIntervalS > 0 ? m_config.heartbeatIntervalS : qMax(1, reply->heartbeatIntervalS);
    qCInfo(lcWorker, "registered as %s (id %s, status %s), heartbeat every %d s", qUtf8Printable(reply->name),
           qUtf8Printable(m_nodeId), qUtf8Printable(m_nodeStatus), m_heartbeatIntervalS);
    if (!m_subscription)
        subscribeCommands();
    scheduleHeartbeat();
    Q_EMIT registered(m_nodeId, m_nodeStatus);
}

void WorkerAgent::subscribeCommands()
{
    m_subscription = m_bus->subscribe(commandSubject(), this, [this](const BusMessage &m) { onMessage(m); });
    if (!m_subscription) {
        qCWarning(lcWorker, "cannot subscribe %s; retrying in 5 s", qUtf8Printable(commandSubject()));
        m_clock->callAfter(5000, this, [this]() {
            if (!m_subscription && m_shutdown == ShutdownState::None)
                subscribeCommands();
        });
        return;
    }
    m_bus->flush(5000, this, [subject = commandSubject()](bool ok, const QString &error) {
        if (ok)
            qCInfo(lcWorker, "serving %s", qUtf8Printable(subject));
        else
            qCWarning(lcWorker, "subscription %s not confirmed: %s", qUtf8Printable(subject), qUtf8Printable(error));
    });
}

QString WorkerAgent::heartbeatState() const
{
    switch (m_shutdown) {
    case ShutdownState::None: return QStringLiteral("running");
    case ShutdownState::Draining: return QStringLiteral("draining");
    case ShutdownState::Stopped: return QStringLiteral("stopped");
    }
    return QStringLiteral("running");
}

void WorkerAgent::scheduleHeartbeat()
{
    m_clock->cancel(m_heartbeatTimer);
    m_heartbeatTimer = m_clock->callAfter(qint64(qMax(1, m_heartbeatIntervalS)) * 1000, this, [this]() {
        m_heartbeatTimer = 0;
        if (m_shutdown == ShutdownState::Stopped)
            return;
        sendHeartbeat(heartbeatState());
        scheduleHeartbeat();
    });
}

void WorkerAgent::sendHeartbeat(const QString &state)
{
    if (m_nodeId.isEmpty())
        return;
    // Skipped while disconnected, so such a node goes stale (docs/nodes.md#heartbeats).
    if (m_bus->connectionState() != ConnectionState::Connected) {
        qCDebug(lcWorker, "heartbeat skipped: bus %s", qUtf8Printable(toString(m_bus->connectionState())));
        return;
    }
    wire::Heartbeat hb;
    hb.nodeId = m_nodeId;
    hb.name = m_config.name;
    hb.state = state;
    hb.sentAt = m_clock->nowMs();
    hb.resources = resources();
    hb.workerVersion = m_config.workerVersion;
    const QString subject = QStringLiteral("nodes.") + m_token + QStringLiteral(".heartbeat");
    if (const Status st = m_bus->publish(subject, wire::encode(hb)); !st)
        qCWarning(lcWorker, "heartbeat not sent: %s", qUtf8Printable(st.error()));
}

} // namespace fleetdeck
