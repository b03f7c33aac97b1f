#include "cluster/worker_client.h"

#include "bus/subjects.h"

#include <QLoggingCategory>
#include <QPointer>
#include <memory>

Q_LOGGING_CATEGORY(lcWorkerClient, "fleetdeck.engine.cluster.client")

namespace fleetdeck {

WorkerTimeouts WorkerTimeouts::from(const ClusterSettings &settings)
{
    WorkerTimeouts t;
    t.installMs = settings.timeoutMs(OpKind::Install);
    t.upgradeMs = settings.timeoutMs(OpKind::Upgrade);
    t.deleteMs = settings.timeoutMs(OpKind::Delete);
    t.listMs = settings.listTimeoutMs();
    t.cancelMs = settings.cancelTimeoutMs();
    return t;
}

namespace {

template <typename Reply>
WorkerOutcome<Reply> decodeOutcome(const RequestResult &r, Result<Reply> (*decode)(const QByteArray &, qint64))
{
    WorkerOutcome<Reply> out;
    out.transport = r.outcome;
    out.error = r.error;
    if (r.outcome != RequestOutcome::Reply)
        return out;
    auto reply = decode(r.data, wire::kDefaultMaxPayload);
    if (!reply) {
        out.errorCode = Reason::make("invalid_reply", {{"detail", reply.error()}});
        out.error = englishText(out.errorCode);
    } else
        out.reply = reply.value();
    return out;
}

} // namespace

Reason describeOutcome(RequestOutcome outcome, const QString &error, const QString &nodeName)
{
    switch (outcome) {
    case RequestOutcome::NoResponders: return Reason::make("no_responders", {{"node", nodeName}});
    case RequestOutcome::Timeout: return Reason::make("request_timeout");
    case RequestOutcome::TransportError: return Reason::make("transport_error", {{"detail", error}});
    case RequestOutcome::Reply: break;
    }
    return Reason::plain(error);
}

WorkerClient::WorkerClient(Bus *bus, QObject *parent) : QObject(parent), m_bus(bus) {}

void WorkerClient::requestWithProgress(const NodeAddress &node, const QString &subject, const QByteArray &payload,
                                       const QString &opId, qint64 timeoutMs, ProgressCallback onTick,
                                       std::function<void(const RequestResult &)> done)
{
    // 1. No op id or no callback: a plain request, nothing subscribed (reconciler retries).
    if (opId.isEmpty() || !onTick) {
        m_bus->request(subject, payload, timeoutMs, this, std::move(done));
        return;
    }
    struct State {
        SubscriptionId sub = 0;
        bool finished = false;
        ~State() = default;
    };
    auto st = std::make_shared<State>();
    Bus *bus = m_bus;
    // 4. Unsubscribe on every exit path; later events are dropped.
    auto finish = [bus, st, done = std::move(done)](const RequestResult &r) {
        if (st->finished)
            return;
        st->finished = true;
        if (st->sub)
            bus->unsubscribe(st->sub);
        st->sub = 0;
        done(r);
    };
    const QString nodeId = node.id;
    // 2. Subscribe to the op's progress subject …
    st->sub = m_bus->subscribe(subjects::nodeProgress(node.name, opId), this, [this, st, opId, nodeId, onTick](const BusMessage &m) {
        if (st->finished)
            return;
        auto ev = wire::decodeProgressEvent(m.data);
        if (!ev) {
            qCWarning(lcWorkerClient) << "dropped progress event on" << m.subject << ":" << ev.error();
            return;
        }
        // 3. Only events of this op and node, in arrival order.
        if (ev->opId != opId || ev->nodeId != nodeId)
            return;
        m_progressEvents.fetch_add(1, std::memory_order_relaxed);
        onTick(ev.value());
    });
    // … and flush before the request is sent (failure: continue without progress).
    QPointer<WorkerClient> self(this);
    m_bus->flush(m_timeouts.flushMs, this,
                 [self, bus, st, subject, payload, timeoutMs, finish](bool ok, const QString &error) mutable {
                     if (!ok) {
                         qCWarning(lcWorkerClient) << "progress subscription not confirmed for" << subject << ":" << error
                                                   << "- continuing without progress";
                         if (st->sub)
                             bus->unsubscribe(st->sub);
                         st->sub = 0;
                     }
                     if (!self) {
                         finish(RequestResult{RequestOutcome::TransportError, {}, QStringLiteral("client destroyed")});
                         return;
                     }
                     bus->request(subject, payload, timeoutMs, self.data(), finish);
                 });
}

void WorkerClient::install(const NodeAddress &node, const wire::InstallRequest &req, ProgressCallback onTick,
                           std::function<void(const CommandOutcome &)> done)
{
    requestWithProgress(node, subjects::nodeCommand(node.name, "install"), wire::encode(req, false), req.opId,
                        m_timeouts.installMs, std::move(onTick),
                        [done](const RequestResult &r) { done(decodeOutcome<wire::CommandReply>(r, &wire::decodeCommandReply)); });
}

void WorkerClient::upgrade(const NodeAddress &node, const wire::InstallRequest &req, ProgressCallback onTick,
                           std::function<void(const CommandOutcome &)> done)
{
    requestWithProgress(node, subjects::nodeCommand(node.name, "upgrade"), wire::encode(req, true), req.opId,
                        m_timeouts.upgradeMs, std::move(onTick),
                        [done](const RequestResult &r) { done(decodeOutcome<wire::CommandReply>(r, &wire::decodeCommandReply)); });
}

void WorkerClient::remove(const NodeAddress &node, const wire::DeleteRequest &req, std::function<void(const CommandOutcome &)> done)
{
    m_bus->request(subjects::nodeCommand(node.name, "delete"), wire::encode(req), m_timeouts.deleteMs, this,
                   [done](const RequestResult &r) { done(decodeOutcome<wire::CommandReply>(r, &wire::decodeCommandReply)); });
}

void WorkerClient::list(const NodeAddress &node, std::function<void(const ListOutcome &)> done)
{
    m_bus->request(subjects::nodeCommand(node.name, "list"), QByteArrayLiteral("{}"), m_timeouts.listMs, this,
                   [done](const RequestResult &r) { done(decodeOutcome<wire::ListReply>(r, &wire::decodeListReply)); });
}

void WorkerClient::cancel(const NodeAddress &node, const QString &opId, std::function<void(const CancelOutcome &)> done)
{
    m_bus->request(subjects::nodeCommand(node.name, "cancel"), wire::encode(wire::CancelRequest{opId}), m_timeouts.cancelMs, this,
                   [done](const RequestResult &r) { done(decodeOutcome<wire::CancelReply>(r, &wire::decodeCancelReply)); });
}

} // namespace fleetdeck
