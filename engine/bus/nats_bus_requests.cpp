#include "bus/nats_bus.h"

#include "bus/context_relay.h"
#include "bus/nats_bus_p.h"
#include "bus/nats_log.h"
#include "bus/nats_options.h"
#include "core/clock.h"

// request(), requestAll() and flush(): asynchronous, never blocking the caller
// (docs/protocol.md#rules).
namespace fleetdeck {

void NatsBus::request(const QString &subject, const QByteArray &data, qint64 timeoutMs, QObject *context,
                      RequestCallback callback)
{
    if (!context) {
        qCWarning(lcNats, "NATS %s: request to %s without a context", qUtf8Printable(d->config.url), qUtf8Printable(subject));
        return;
    }
    auto st = std::make_shared<PendingRequest>(ContextRelay::create(context), std::move(callback), d->clock);
    auto fail = [&](RequestOutcome outcome, const QString &error) { st->finish(RequestResult{outcome, {}, error}); };
    if (subject.isEmpty())
        return fail(RequestOutcome::TransportError, QStringLiteral("empty subject"));
    if (!d->conn || connectionState() == ConnectionState::Closed)
        return fail(RequestOutcome::TransportError, d->prefix() + QStringLiteral("connection closed"));

    natsInbox *inbox = nullptr;
    if (natsInbox_Create(&inbox) != NATS_OK)
        return fail(RequestOutcome::TransportError, d->prefix() + QStringLiteral("cannot create an inbox"));
    const QByteArray inboxName(inbox);
    natsInbox_Destroy(inbox);

    auto sub = std::make_shared<NatsSubClosure>(QString::fromLatin1(inboxName), d->config.maxPayloadBytes, d->retired);
    sub->setOnMessage([weak = std::weak_ptr<PendingRequest>(st), max = d->config.maxPayloadBytes](NatsIncoming &&in) {
        auto request = weak.lock();
        if (!request)
            return;
        if (in.noResponders)
            request->finish(RequestResult{RequestOutcome::NoResponders, {}, {}});
        else if (in.oversize)
            request->finish(RequestResult{RequestOutcome::TransportError, {},
                                          QStringLiteral("payload too large: %1 bytes > %2").arg(in.size).arg(max)});
        else
            request->finish(RequestResult{RequestOutcome::Reply, std::move(in.data), {}});
    });
    st->setSubscription(sub);
    if (const Status started = NatsSubClosure::start(sub, d->conn.get(), {}, 1); !started)
        return fail(RequestOutcome::TransportError, d->prefix() + QStringLiteral("cannot subscribe to the reply inbox: ")
                                                        + started.error());
    // Registered before the state check: a drop after the check finds it (see NatsBusCallbacks).
    st->setRegistry(d->pending, d->pending->add(st));
    if (connectionState() != ConnectionState::Connected)
        return fail(RequestOutcome::Timeout, d->prefix() + QStringLiteral("not connected"));
    st->setTimer(d->clock->callAfter(timeoutMs, context, [st]() { st->finish(RequestResult{RequestOutcome::Timeout, {}, {}}); }));
    const natsStatus s = natsConnection_PublishRequest(d->conn.get(), subject.toUtf8().constData(), inboxName.constData(),
                                                       data.constData(), static_cast<int>(data.size()));
    if (s != NATS_OK)
        fail(RequestOutcome::TransportError,
             d->prefix() + QStringLiteral("cannot send request to %1: %2").arg(subject, natsErrorText(s)));
}

void NatsBus::requestAll(const QString &subject, const QByteArray &data, qint64 windowMs, QObject *context,
                         std::function<void(const QList<QByteArray> &)> callback)
{
    if (!context)
        return;
    auto st = std::make_shared<CollectRequest>(ContextRelay::create(context), std::move(callback), d->clock);
    if (subject.isEmpty() || !d->conn || connectionState() == ConnectionState::Closed)
        return st->finish(true);
    natsInbox *inbox = nullptr;
    if (natsInbox_Create(&inbox) != NATS_OK)
        return st->finish(true);
    const QByteArray inboxName(inbox);
    natsInbox_Destroy(inbox);

    auto sub = std::make_shared<NatsSubClosure>(QString::fromLatin1(inboxName), d->config.maxPayloadBytes, d->retired);
    sub->setOnMessage([weak = std::weak_ptr<CollectRequest>(st), subject](NatsIncoming &&in) {
        auto collect = weak.lock();
        if (!collect)
            return;
        if (in.noResponders)
            collect->finish(true);
        else if (in.oversize)
            qCWarning(lcNats, "dropped reply to %s: payload too large: %lld bytes", qUtf8Printable(subject), in.size);
        else
            collect->addReply(in.data);
    });
    st->setSubscription(sub);
    if (!NatsSubClosure::start(sub, d->conn.get(), {}))
        return st->finish(true);
    st->setTimer(d->clock->callAfter(windowMs, context, [st]() { st->finish(false); }));
    const natsStatus s = natsConnection_PublishRequest(d->conn.get(), subject.toUtf8().constData(), inboxName.constData(),
                                                       data.constData(), static_cast<int>(data.size()));
    if (s != NATS_OK) {
        qCWarning(lcNats, "NATS %s: cannot send request to %s: %s", qUtf8Printable(d->config.url), qUtf8Printable(subject),
                  qUtf8Printable(natsErrorText(s)));
        st->finish(true);
    }
}

void NatsBus::flush(qint64 timeoutMs, QObject *context, std::function<void(bool, QString)> callback)
{
    auto relay = ContextRelay::create(context);
    if (!d->conn) {
        relay->post([callback]() { callback(false, QStringLiteral("not connected")); });
        return;
    }
    d->flushPool.start([conn = d->conn, relay, callback = std::move(callback), prefix = d->prefix(),
                        timeout = qMax<qint64>(1, timeoutMs)]() {
        const natsStatus s = natsConnection_FlushTimeout(conn.get(), timeout);
        const QString error = s == NATS_OK ? QString() : prefix + QStringLiteral("flush failed: ") + natsErrorText(s);
        nats_ReleaseThreadMemory();
        relay->post([callback, error, ok = s == NATS_OK]() { callback(ok, error); });
    });
}

} // namespace fleetdeck
