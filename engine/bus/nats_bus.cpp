#include "bus/nats_bus.h"

#include "bus/context_relay.h"
#include "bus/nats_bus_p.h"
#include "bus/nats_log.h"
#include "bus/nats_options.h"
#include "bus/nats_request.h"
#include "bus/nats_subscription.h"
#include "core/clock.h"

#include <QHash>
#include <QMutex>
#include <QRandomGenerator>
#include <QTimer>

namespace fleetdeck {

Q_LOGGING_CATEGORY(lcNats, "fleetdeck.engine.nats")

namespace {

constexpr int kConfirmFlushMs = 5000; // docs/protocol.md#rules: subscriptions are confirmed with a flush (5 s)
constexpr int kSweepIntervalMs = 2000; // releasing closed subscriptions (NatsRetiredSubs)
constexpr int64_t kReconnectWaitMs = 2000; // nats.c's default reconnect wait

struct ConnectionDeleter {
    void operator()(natsConnection *nc) const { natsConnection_Destroy(nc); }
};

// nats.c's connection callbacks get an integer token, never a pointer: the bus unregisters its
// token before closing, so a callback that nats.c runs later finds nothing and returns.
struct BusRegistry {
    QMutex mutex;
    QHash<quintptr, NatsBus *> buses;
    quintptr next = 1;
};

BusRegistry &registry()
{
    static auto *r = new BusRegistry; // never destroyed: nats.c threads may outlive static destructors
    return *r;
}

} // namespace

struct NatsBusCallbacks {
    static void dispatch(void *closure, ConnectionState state)
    {
        BusRegistry &r = registry();
        QMutexLocker lock(&r.mutex);
        if (NatsBus *bus = r.buses.value(reinterpret_cast<quintptr>(closure)))
            bus->onNatsEvent(state);
    }
    static void connected(natsConnection *, void *closure) { dispatch(closure, ConnectionState::Connected); }
    static void reconnected(natsConnection *, void *closure) { dispatch(closure, ConnectionState::Connected); }
    static void closed(natsConnection *, void *closure) { dispatch(closure, ConnectionState::Closed); }
    static void disconnected(natsConnection *nc, void *closure)
    {
        if (!natsConnection_IsClosed(nc)) // a close reports itself through closed()
            dispatch(closure, ConnectionState::Reconnecting);
    }
    // Each attempt is logged, so an operator sees a replica or worker keep trying
    // (docs/architecture.md#outages).
    static int64_t reconnectDelay(natsConnection *, int attempts, void *closure)
    {
        QString url;
        bool tls = false;
        {
            BusRegistry &r = registry();
            QMutexLocker lock(&r.mutex);
            if (NatsBus *bus = r.buses.value(reinterpret_cast<quintptr>(closure))) {
                url = bus->d->config.url;
                tls = !bus->d->config.tlsCaFile.isEmpty() || url.startsWith(QLatin1String("tls://"));
            }
        }
        if (!url.isEmpty())
            qCInfo(lcNats, "NATS %s: unreachable, retrying (attempt %d)", qUtf8Printable(url), attempts);
        // nats.c's defaults: 2 s, plus up to 100 ms of jitter (1 s with TLS).
        return kReconnectWaitMs + QRandomGenerator::global()->bounded(tls ? 1000 : 100);
    }
    static void asyncError(natsConnection *, natsSubscription *sub, natsStatus err, void *closure)
    {
        QString url;
        {
            BusRegistry &r = registry();
            QMutexLocker lock(&r.mutex);
            if (NatsBus *bus = r.buses.value(reinterpret_cast<quintptr>(closure)))
                url = bus->d->config.url;
        }
        if (url.isEmpty())
            return;
        if (err == NATS_SLOW_CONSUMER) {
            BusRegistry &r = registry();
            QMutexLocker lock(&r.mutex);
            if (NatsBus *bus = r.buses.value(reinterpret_cast<quintptr>(closure)))
                QMetaObject::invokeMethod(bus, [bus]() { Q_EMIT bus->messagesLost(); }, Qt::QueuedConnection);
        }
        // `sub` is not dereferenced: nats.c 3.4.1 may pass a subscription that is already freed.
        qCWarning(lcNats, "NATS %s: %s%s", qUtf8Printable(url), natsStatus_GetText(err), sub ? " (a subscription)" : "");
    }
};

NatsBus::NatsBus(const NatsConfig &config, Clock *clock, QObject *parent) : Bus(parent), d(std::make_unique<Private>())
{
    d->config = config;
    d->auth = natsAuthMethod(config);
    d->clock = clock;
    d->flushPool.setMaxThreadCount(4);
    auto *sweepTimer = new QTimer(this);
    sweepTimer->setInterval(kSweepIntervalMs);
    QObject::connect(sweepTimer, &QTimer::timeout, this, &NatsBus::sweepRetired);
    sweepTimer->start();
    BusRegistry &r = registry();
    QMutexLocker lock(&r.mutex);
    d->token = r.next++;
    r.buses.insert(d->token, this);
}

Result<std::unique_ptr<NatsBus>> NatsBus::connect(const NatsConfig &config, Clock *clock, QObject *parent)
{
    using R = Result<std::unique_ptr<NatsBus>>;
    std::unique_ptr<NatsBus> bus(new NatsBus(config, clock, parent));
    NatsConnectionCallbacks callbacks;
    callbacks.connected = &NatsBusCallbacks::connected;
    callbacks.disconnected = &NatsBusCallbacks::disconnected;
    callbacks.reconnected = &NatsBusCallbacks::reconnected;
    callbacks.closed = &NatsBusCallbacks::closed;
    callbacks.asyncError = &NatsBusCallbacks::asyncError;
    callbacks.reconnectDelay = &NatsBusCallbacks::reconnectDelay;
    callbacks.closure = reinterpret_cast<void *>(bus->d->token);
    auto opts = buildNatsOptions(config, callbacks);
    if (!opts)
        return R::failure(opts.error());

    qCInfo(lcNats, "NATS %s: connecting (auth: %s)", qUtf8Printable(config.url), qUtf8Printable(bus->d->auth));
    natsConnection *nc = nullptr;
    const natsStatus s = natsConnection_Connect(&nc, opts.value().get());
    if (s == NATS_OK) {
        // Unless a callback already reported a later state (a drop right after connecting).
        int connecting = Private::kConnecting;
        bus->d->state.compare_exchange_strong(connecting, static_cast<int>(ConnectionState::Connected));
    } else if (s == NATS_NOT_YET_CONNECTED && nc) {
        // State stays Reconnecting unless the connected callback already ran.
        qCInfo(lcNats, "NATS %s: not connected yet, retrying in the background", qUtf8Printable(config.url));
    } else {
        if (nc)
            natsConnection_Destroy(nc);
        const QString error = natsConnectError(config, s);
        qCWarning(lcNats, "%s", qUtf8Printable(error));
        return R::failure(error);
    }
    bus->d->conn = std::shared_ptr<natsConnection>(nc, ConnectionDeleter{});
    // What the caller sees now; callbacks that ran meanwhile are queued and emit from here.
    bus->d->emitted = s == NATS_OK ? ConnectionState::Connected : ConnectionState::Reconnecting;
    if (bus->d->emitted == ConnectionState::Connected)
        qCInfo(lcNats, "NATS %s: connected", qUtf8Printable(config.url));
    return R(std::move(bus));
}

QString NatsBus::closedReason(const NatsConfig &config)
{
    NatsConfig probe = config;
    probe.retryInitialConnect = false;
    const Result<std::unique_ptr<NatsBus>> direct = connect(probe, SystemClock::instance());
    return direct ? QStringLiteral("NATS %1: the server closed the connection (auth: %2)").arg(config.url, natsAuthMethod(config))
                  : direct.error();
}

NatsBus::~NatsBus()
{
    {
        BusRegistry &r = registry();
        QMutexLocker lock(&r.mutex);
        r.buses.remove(d->token);
    }
    d->state.store(static_cast<int>(ConnectionState::Closed));
    d->pending->finishAll(RequestOutcome::TransportError, d->prefix() + QStringLiteral("connection closed"));
    QList<std::shared_ptr<NatsSubClosure>> subs;
    {
        QMutexLocker lock(&d->mutex);
        subs = d->subs.values();
        d->subs.clear();
    }
    for (const auto &sub : std::as_const(subs))
        sub->stop();
    // Closing wakes pending flushes; every subscription still open (collecting requests) is
    // closed by nats.c, whose completion callbacks then release the closures.
    if (d->conn)
        natsConnection_Close(d->conn.get()); // joins the read loop
    d->retired->connectionClosed();
    d->flushPool.waitForDone();
    d->conn.reset();
}

void NatsBus::onNatsEvent(ConnectionState state)
{
    d->state.store(static_cast<int>(state)); // from now on request() ends at once with Timeout
    QMetaObject::invokeMethod(this, [this, state]() { applyState(state); }, Qt::QueuedConnection);
}

void NatsBus::applyState(ConnectionState state)
{
    // docs/protocol.md#rules: a request outstanding when the connection drops ends at once with
    // Timeout. Done here, not in nats.c's callback thread: unsubscribing the inboxes from inside
    // nats.c's connection callback upsets nats.c 3.4.1 (ThreadSanitizer reports a race inside the
    // library).
    if (state != ConnectionState::Connected)
        d->pending->finishAll(RequestOutcome::Timeout, d->prefix() + QStringLiteral("connection lost"));
    if (state == d->emitted)
        return;
    d->emitted = state;
    qCInfo(lcNats, "NATS %s: %s", qUtf8Printable(d->config.url), qUtf8Printable(toString(state)));
    Q_EMIT connectionStateChanged(state);
}

Status NatsBus::publish(const QString &subject, const QByteArray &data, const QString &replyTo)
{
    if (subject.isEmpty())
        return Status::failure(QStringLiteral("empty subject"));
    if (!d->conn || connectionState() == ConnectionState::Closed)
        return Status::failure(d->prefix() + QStringLiteral("cannot publish to %1: connection closed").arg(subject));
    const QByteArray subj = subject.toUtf8();
    const int size = static_cast<int>(data.size());
    const natsStatus s = replyTo.isEmpty()
                             ? natsConnection_Publish(d->conn.get(), subj.constData(), data.constData(), size)
                             : natsConnection_PublishRequest(d->conn.get(), subj.constData(), replyTo.toUtf8().constData(),
                                                             data.constData(), size);
    if (s != NATS_OK) {
        const QString error = d->prefix() + QStringLiteral("cannot publish to %1: %2").arg(subject, natsErrorText(s));
        qCWarning(lcNats, "%s", qUtf8Printable(error));
        return Status::failure(error);
    }
    return okStatus();
}

SubscriptionId NatsBus::subscribe(const QString &subject, QObject *context, MessageHandler handler)
{
    return addSubscription(subject, {}, context, std::move(handler));
}

SubscriptionId NatsBus::queueSubscribe(const QString &subject, const QString &group, QObject *context,
                                       MessageHandler handler)
{
    return addSubscription(subject, group, context, std::move(handler));
}

SubscriptionId NatsBus::addSubscription(const QString &subject, const QString &group, QObject *context,
                                        MessageHandler handler)
{
    if (subject.isEmpty() || !context || !handler || !d->conn) {
        qCWarning(lcNats, "NATS %s: cannot subscribe to \"%s\": %s", qUtf8Printable(d->config.url), qUtf8Printable(subject),
                  subject.isEmpty() ? "empty subject" : (!d->conn ? "not connected" : "no context or handler"));
        return 0;
    }
    auto closure = std::make_shared<NatsSubClosure>(subject, d->config.maxPayloadBytes, d->retired);
    closure->setOnMessage([relay = ContextRelay::create(context), alive = closure->aliveFlag(),
                           handler = std::make_shared<const MessageHandler>(std::move(handler)), dropped = d->dropped,
                           max = d->config.maxPayloadBytes](NatsIncoming &&in) {
        if (in.oversize) {
            const quint64 n = dropped->fetch_add(1) + 1;
            qCWarning(lcNats, "dropped message on %s: payload too large: %lld bytes > %lld (%llu dropped)",
                      qUtf8Printable(in.subject), in.size, max, static_cast<unsigned long long>(n));
            return;
        }
        relay->post([alive, handler, msg = BusMessage{std::move(in.subject), std::move(in.data), std::move(in.reply)}]() {
            if (alive->load()) // no handler starts after unsubscribe() returned
                (*handler)(msg);
        });
    });
    const Status started = NatsSubClosure::start(closure, d->conn.get(), group);
    if (!started) {
        qCWarning(lcNats, "NATS %s: cannot subscribe to %s: %s", qUtf8Printable(d->config.url), qUtf8Printable(subject),
                  qUtf8Printable(started.error()));
        return 0;
    }
    SubscriptionId id;
    {
        QMutexLocker lock(&d->mutex);
        id = d->nextId++;
        d->subs.insert(id, closure);
    }
    confirmSubscription(subject);
    return id;
}

void NatsBus::confirmSubscription(const QString &subject)
{
    // Not while disconnected: nats.c replays subscriptions on reconnect.
    if (connectionState() != ConnectionState::Connected)
        return;
    d->flushPool.start([conn = d->conn, url = d->config.url, subject]() {
        const natsStatus s = natsConnection_FlushTimeout(conn.get(), kConfirmFlushMs);
        if (s != NATS_OK)
            qCWarning(lcNats, "NATS %s: subscription to %s not confirmed: %s", qUtf8Printable(url), qUtf8Printable(subject),
                      qUtf8Printable(natsErrorText(s)));
        nats_ReleaseThreadMemory();
    });
}

void NatsBus::sweepRetired()
{
    if (d->retired->size() == 0 || connectionState() != ConnectionState::Connected)
        return;
    d->flushPool.start([conn = d->conn, retired = d->retired]() {
        retired->sweep(conn.get(), kConfirmFlushMs);
        nats_ReleaseThreadMemory();
    });
}

void NatsBus::unsubscribe(SubscriptionId id)
{
    std::shared_ptr<NatsSubClosure> closure;
    {
        QMutexLocker lock(&d->mutex);
        closure = d->subs.take(id);
    }
    if (closure)
        closure->stop();
}

ConnectionState NatsBus::connectionState() const
{
    const int state = d->state.load();
    return state == Private::kConnecting ? ConnectionState::Reconnecting : static_cast<ConnectionState>(state);
}

QString NatsBus::url() const
{
    return d->config.url;
}

QString NatsBus::authMethod() const
{
    return d->auth;
}

quint64 NatsBus::droppedOversize() const
{
    return d->dropped->load();
}

int NatsBus::pendingRequests() const
{
    return d->pending->size();
}

int NatsBus::retiredSubscriptions() const
{
    return d->retired->size();
}

int NatsBus::liveSubscriptionClosures()
{
    return NatsSubClosure::liveCount();
}

} // namespace fleetdeck
