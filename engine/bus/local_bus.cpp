#include "bus/local_bus.h"

#include "core/clock.h"

#include <QMetaObject>
#include <QUuid>

namespace fleetdeck {

LocalBus::LocalBus(Clock *clock, QObject *parent) : Bus(parent), m_clock(clock) {}

LocalBus::~LocalBus() = default;

Status LocalBus::publish(const QString &subject, const QByteArray &data, const QString &replyTo)
{
    if (subject.isEmpty())
        return Status::failure(QStringLiteral("empty subject"));
    {
        QMutexLocker lock(&m_mutex);
        logLine(QStringLiteral("pub ") + subject + QLatin1Char(' ') + QString::fromUtf8(data));
    }
    deliver(subject, data, replyTo);
    return okStatus();
}

void LocalBus::logLine(QString line)
{
    m_log.append(std::move(line));
    if (m_log.size() >= 2 * kLogKept) // dropped in halves: amortised O(1) per line
        m_log.remove(0, m_log.size() - kLogKept);
}

int LocalBus::deliver(const QString &subject, const QByteArray &data, const QString &replyTo)
{
    QList<Sub> targets;
    {
        QMutexLocker lock(&m_mutex);
        QHash<QString, QList<Sub>> groups;
        for (const Sub &s : std::as_const(m_subs)) {
            if (!s.context || !subjectMatches(s.subject, subject))
                continue;
            if (s.group.isEmpty())
                targets.append(s);
            else
                groups[s.subject + QLatin1Char('|') + s.group].append(s);
        }
        for (auto it = groups.begin(); it != groups.end(); ++it) {
            quint64 &cursor = m_groupCursor[it.key()];
            targets.append(it.value().at(static_cast<qsizetype>(cursor++ % it.value().size())));
        }
    }
    const BusMessage msg{subject, data, replyTo};
    for (const Sub &s : std::as_const(targets)) {
        auto handler = s.handler;
        auto alive = s.alive;
        QMetaObject::invokeMethod(
            s.context.data(),
            [handler, alive, msg]() {
                if (alive->load())
                    (*handler)(msg);
            },
            Qt::QueuedConnection);
    }
    return static_cast<int>(targets.size());
}

SubscriptionId LocalBus::addSub(const QString &subject, const QString &group, QObject *context, MessageHandler handler)
{
    QMutexLocker lock(&m_mutex);
    const SubscriptionId id = m_nextId++;
    m_subs.append(Sub{id, subject, group, QPointer<QObject>(context), std::make_shared<MessageHandler>(std::move(handler)),
                      std::make_shared<std::atomic<bool>>(true)});
    logLine(QStringLiteral("sub ") + subject);
    return id;
}

SubscriptionId LocalBus::subscribe(const QString &subject, QObject *context, MessageHandler handler)
{
    return addSub(subject, {}, context, std::move(handler));
}

SubscriptionId LocalBus::queueSubscribe(const QString &subject, const QString &group, QObject *context,
                                        MessageHandler handler)
{
    return addSub(subject, group, context, std::move(handler));
}

void LocalBus::unsubscribe(SubscriptionId id)
{
    QMutexLocker lock(&m_mutex);
    for (qsizetype i = 0; i < m_subs.size(); ++i) {
        if (m_subs[i].id == id) {
            m_subs[i].alive->store(false);
            logLine(QStringLiteral("unsub ") + m_subs[i].subject);
            m_subs.removeAt(i);
            return;
        }
    }
}

QString LocalBus::newInbox()
{
    QMutexLocker lock(&m_mutex);
    return QStringLiteral("_INBOX.local.%1").arg(++m_inbox);
}

void LocalBus::request(const QString &subject, const QByteArray &data, qint64 timeoutMs, QObject *context,
                       RequestCallback callback)
{
    struct State {
        std::atomic<bool> done{false};
        SubscriptionId sub = 0;
        quint64 timer = 0;
        RequestCallback cb;
    };
    auto st = std::make_shared<State>();
    st->cb = std::move(callback);
    QPointer<QObject> ctx(context);
    auto finish = [this, st, ctx](RequestResult r) {
        if (st->done.exchange(true))
            return;
        unsubscribe(st->sub);
        m_clock->cancel(st->timer);
        if (ctx)
            QMetaObject::invokeMethod(ctx.data(), [st, r]() { st->cb(r); }, Qt::QueuedConnection);
    };
    const QString inbox = newInbox();
    st->sub = subscribe(inbox, context, [finish](const BusMessage &m) { finish(RequestResult{RequestOutcome::Reply, m.data, {}}); });
    if (connectionState() != ConnectionState::Connected) {
        finish(RequestResult{RequestOutcome::Timeout, {}, QStringLiteral("not connected")});
        return;
    }
    st->timer = m_clock->callAfter(timeoutMs, context, [finish]() { finish(RequestResult{RequestOutcome::Timeout, {}, {}}); });
    {
        QMutexLocker lock(&m_mutex);
        logLine(QStringLiteral("req ") + subject + QLatin1Char(' ') + QString::fromUtf8(data));
    }
    if (deliver(subject, data, inbox) == 0)
        finish(RequestResult{RequestOutcome::NoResponders, {}, {}});
}

void LocalBus::requestAll(const QString &subject, const QByteArray &data, qint64 windowMs, QObject *context,
                          std::function<void(const QList<QByteArray> &)> callback)
{
    auto replies = std::make_shared<QList<QByteArray>>();
    const QString inbox = newInbox();
    const SubscriptionId sub = subscribe(inbox, context, [replies](const BusMessage &m) { replies->append(m.data); });
    if (deliver(subject, data, inbox) == 0) {
        unsubscribe(sub);
        QMetaObject::invokeMethod(context, [callback]() { callback({}); }, Qt::QueuedConnection);
        return;
    }
    m_clock->callAfter(windowMs, context, [this, sub, replies, callback]() {
        unsubscribe(sub);
        callback(*replies);
    });
}

void LocalBus::flush(qint64, QObject *context, std::function<void(bool, QString)> callback)
{
    const bool ok = connectionState() == ConnectionState::Connected;
    QMetaObject::invokeMethod(
        context, [callback, ok]() { callback(ok, ok ? QString() : QStringLiteral("not connected")); }, Qt::QueuedConnection);
}

ConnectionState LocalBus::connectionState() const
{
    QMutexLocker lock(&m_mutex);
    return m_state;
}

QStringList LocalBus::log() const
{
    QMutexLocker lock(&m_mutex);
    return m_log;
}

void LocalBus::clearLog()
{
    QMutexLocker lock(&m_mutex);
    m_log.clear();
}

int LocalBus::subscriptionCount(const QString &subjectPrefix) const
{
    QMutexLocker lock(&m_mutex);
    int n = 0;
    for (const Sub &s : m_subs)
        if (s.subject.startsWith(subjectPrefix))
            ++n;
    return n;
}

void LocalBus::setConnectionState(ConnectionState state)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_state == state)
            return;
        m_state = state;
    }
    Q_EMIT connectionStateChanged(state);
}

} // namespace fleetdeck
