#include "sim_bus.h"

#include "bus/subjects.h"
#include "core/clock.h"

#include <QCryptographicHash>
#include <cstdio>

namespace fleetdeck::sim {
namespace {

QString digest(QByteArray data, const QByteArray &redacted)
{
    if (!redacted.isEmpty())
        data.replace(redacted, "$SIM");
    if (qEnvironmentVariableIsSet("FLEETDECK_SIM_PAYLOADS"))
        std::fprintf(stdout, "    payload %s\n", data.constData());
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex().left(8));
}

} // namespace

SimNetwork::SimNetwork(ManualClock *clock, Rng *rng, Trace *trace) : m_clock(clock), m_rng(rng), m_trace(trace) {}

SimNetwork::~SimNetwork()
{
    for (SimBus *bus : std::as_const(m_buses))
        bus->m_net = nullptr;
}

std::unique_ptr<SimBus> SimNetwork::connect(const QString &name)
{
    std::unique_ptr<SimBus> bus(new SimBus(this, name));
    m_buses.insert(name, bus.get());
    bus->m_cut = m_cut.value(name, false);
    return bus;
}

void SimNetwork::detach(SimBus *bus)
{
    for (auto it = m_subs.begin(); it != m_subs.end();) {
        if (it->owner == bus) {
            *it->alive = false;
            it = m_subs.erase(it);
        } else {
            ++it;
        }
    }
    if (m_buses.value(bus->m_name) == bus)
        m_buses.remove(bus->m_name);
}

void SimNetwork::setCut(const QString &name, bool cut)
{
    m_cut.insert(name, cut);
    m_trace->event(QStringLiteral("net %1 %2").arg(cut ? QStringLiteral("cut") : QStringLiteral("heal"), name));
    if (SimBus *bus = m_buses.value(name))
        bus->setCut(cut);
}

bool SimNetwork::isCut(const QString &name) const
{
    return m_cut.value(name, false);
}

SubscriptionId SimNetwork::addSub(SimBus *owner, const QString &subject, const QString &group, QObject *context,
                                  MessageHandler handler)
{
    const SubscriptionId id = m_nextId++;
    m_subs.push_back(Sub{id, owner, subject, group, QPointer<QObject>(context),
                         std::make_shared<MessageHandler>(std::move(handler)), std::make_shared<bool>(true)});
    return id;
}

void SimNetwork::removeSub(SubscriptionId id)
{
    for (auto it = m_subs.begin(); it != m_subs.end(); ++it) {
        if (it->id == id) {
            *it->alive = false;
            m_subs.erase(it);
            return;
        }
    }
}

QString SimNetwork::newInbox(SimBus *owner)
{
    return QStringLiteral("_INBOX.%1.%2").arg(subjects::sanitizeToken(owner->m_name)).arg(++m_inbox);
}

qint64 SimNetwork::deliveryDelay(SimBus *from, SimBus *to)
{
    const qint64 now = m_clock->nowMs();
    qint64 at = now + m_rng->range(m_faults.minDelayMs, m_faults.maxDelayMs);
    qint64 &tail = m_linkTail[{from->m_name, to->m_name}];
    at = qMax(at, tail); // one connection to one subscriber: in order
    tail = at;
    return at - now;
}

int SimNetwork::route(SimBus *from, const QString &subject, const QByteArray &data, const QString &replyTo)
{
    if (from->m_cut) { // nats.c buffers what a disconnected client publishes and sends it on reconnect
        if (from->m_buffered.size() < kReconnectBuffer)
            from->m_buffered.append(BusMessage{subject, data, replyTo});
        else
            ++m_lost;
        return 0;
    }
    std::vector<const Sub *> targets;
    std::map<QString, std::vector<const Sub *>> groups; // ordered: deterministic
    for (const Sub &s : m_subs) {
        if (!s.context || s.owner->m_cut || !subjectMatches(s.subject, subject))
            continue;
        if (s.group.isEmpty())
            targets.push_back(&s);
        else
            groups[s.subject + QLatin1Char('|') + s.group].push_back(&s);
    }
    for (auto &[key, members] : groups)
        targets.push_back(members.at(size_t(m_rng->range(0, qint64(members.size()) - 1))));
    const bool quiet = subject.endsWith(QLatin1String(".heartbeat"));
    for (const Sub *s : targets) {
        if (m_rng->chance(m_faults.loss)) {
            // A slow consumer: its client drops the message and reports it.
            ++m_lost;
            m_trace->event(QStringLiteral("lost %1>%2 %3").arg(from->m_name, s->owner->m_name, subject));
            SimBus *to = s->owner;
            m_clock->callAfter(m_rng->range(0, 50), to, [to]() { Q_EMIT to->messagesLost(); });
            continue;
        }
        ++m_delivered;
        const qint64 delay = deliveryDelay(from, s->owner);
        if (!quiet)
            m_trace->event(QStringLiteral("send %1>%2 %3 %4 +%5").arg(from->m_name, s->owner->m_name, subject, digest(data, m_redacted)).arg(delay));
        auto handler = s->handler;
        auto alive = s->alive;
        const BusMessage msg{subject, data, replyTo};
        m_clock->callAfter(delay, s->context.data(), [handler, alive, msg]() {
            if (*alive)
                (*handler)(msg);
        });
    }
    return int(targets.size());
}

SimBus::~SimBus()
{
    if (m_net)
        m_net->detach(this);
}

void SimBus::setCut(bool cut)
{
    if (m_cut == cut)
        return;
    m_cut = cut;
    Q_EMIT connectionStateChanged(cut ? ConnectionState::Reconnecting : ConnectionState::Connected);
    if (!cut && m_net) // reconnected: what was buffered goes out first, in order
        for (const BusMessage &m : std::exchange(m_buffered, {}))
            m_net->route(this, m.subject, m.data, m.replyTo);
}

Status SimBus::publish(const QString &subject, const QByteArray &data, const QString &replyTo)
{
    if (subject.isEmpty())
        return Status::failure(QStringLiteral("empty subject"));
    if (m_net)
        m_net->route(this, subject, data, replyTo);
    return okStatus(); // a cut connection buffers and loses, as nats.c does past its buffer
}

SubscriptionId SimBus::subscribe(const QString &subject, QObject *context, MessageHandler handler)
{
    return m_net ? m_net->addSub(this, subject, {}, context, std::move(handler)) : 0;
}

SubscriptionId SimBus::queueSubscribe(const QString &subject, const QString &group, QObject *context,
                                      MessageHandler handler)
{
    return m_net ? m_net->addSub(this, subject, group, context, std::move(handler)) : 0;
}

void SimBus::unsubscribe(SubscriptionId id)
{
    if (m_net && id)
        m_net->removeSub(id);
}

void SimBus::request(const QString &subject, const QByteArray &data, qint64 timeoutMs, QObject *context,
                     RequestCallback callback)
{
    struct State {
        bool done = false;
        SubscriptionId sub = 0;
        quint64 timer = 0;
        RequestCallback cb;
    };
    auto st = std::make_shared<State>();
    st->cb = std::move(callback);
    QPointer<QObject> ctx(context);
    ManualClock *clock = m_net ? m_net->m_clock : nullptr;
    auto finish = [this, st, ctx, clock](const RequestResult &r) {
        if (st->done)
            return;
        st->done = true;
        unsubscribe(st->sub);
        if (clock)
            clock->cancel(st->timer);
        if (ctx && clock)
            clock->callAfter(0, ctx.data(), [st, r]() { st->cb(r); });
    };
    if (!m_net || m_cut) {
        finish(RequestResult{RequestOutcome::Timeout, {}, url() + QStringLiteral(": not connected")});
        return;
    }
    const QString inbox = m_net->newInbox(this);
    st->sub = subscribe(inbox, context, [finish](const BusMessage &m) { finish(RequestResult{RequestOutcome::Reply, m.data, {}}); });
    st->timer = clock->callAfter(timeoutMs, context, [finish]() { finish(RequestResult{RequestOutcome::Timeout, {}, {}}); });
    if (m_net->route(this, subject, data, inbox) == 0) {
        // The server answers "no responders" after one hop.
        const qint64 hop = m_net->m_rng->range(m_net->m_faults.minDelayMs, m_net->m_faults.maxDelayMs);
        clock->cancel(st->timer);
        st->timer = clock->callAfter(hop, context, [finish]() { finish(RequestResult{RequestOutcome::NoResponders, {}, {}}); });
    }
}

void SimBus::requestAll(const QString &subject, const QByteArray &data, qint64 windowMs, QObject *context,
                        std::function<void(const QList<QByteArray> &)> callback)
{
    auto replies = std::make_shared<QList<QByteArray>>();
    if (!m_net || m_cut) {
        m_net->m_clock->callAfter(0, context, [callback]() { callback({}); });
        return;
    }
    const QString inbox = m_net->newInbox(this);
    const SubscriptionId sub = subscribe(inbox, context, [replies](const BusMessage &m) { replies->append(m.data); });
    ManualClock *clock = m_net->m_clock;
    if (m_net->route(this, subject, data, inbox) == 0) {
        unsubscribe(sub);
        clock->callAfter(0, context, [callback]() { callback({}); });
        return;
    }
    clock->callAfter(windowMs, context, [this, sub, replies, callback]() {
        unsubscribe(sub);
        callback(*replies);
    });
}

void SimBus::flush(qint64 timeoutMs, QObject *context, std::function<void(bool, QString)> callback)
{
    if (!m_net)
        return;
    const bool ok = !m_cut;
    const qint64 after = ok ? 2 * m_net->m_rng->range(m_net->m_faults.minDelayMs, m_net->m_faults.maxDelayMs) : timeoutMs;
    m_net->m_clock->callAfter(after, context, [callback, ok]() { callback(ok, ok ? QString() : QStringLiteral("not connected")); });
}

ConnectionState SimBus::connectionState() const
{
    return m_cut ? ConnectionState::Reconnecting : ConnectionState::Connected;
}

} // namespace fleetdeck::sim
