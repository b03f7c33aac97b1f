#pragma once
// Messaging interface (docs/architecture.md#terms "Bus"): request/reply with timeout and "no
// responders", publish, subscribe, queue-subscribe, flush, connection state. Handlers and request
// callbacks always run on their context object's thread, in the order the connection received the
// messages.
#include "core/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>

namespace fleetdeck {

struct BusMessage {
    QString subject;
    QByteArray data;
    QString replyTo; // empty for plain publications
};

enum class RequestOutcome { Reply, NoResponders, Timeout, TransportError };

struct RequestResult {
    RequestOutcome outcome = RequestOutcome::Timeout;
    QByteArray data;  // the reply payload when outcome == Reply
    QString error;    // transport error text
};

enum class ConnectionState { Connected, Disconnected, Reconnecting, Closed };
QString toString(ConnectionState s);

using MessageHandler = std::function<void(const BusMessage &)>;
using RequestCallback = std::function<void(const RequestResult &)>;
using SubscriptionId = quint64;

class Bus : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~Bus() override = default;

    virtual Status publish(const QString &subject, const QByteArray &data, const QString &replyTo = {}) = 0;
    // 0 on failure (error logged).
    virtual SubscriptionId subscribe(const QString &subject, QObject *context, MessageHandler handler) = 0;
    virtual SubscriptionId queueSubscribe(const QString &subject, const QString &group, QObject *context,
                                          MessageHandler handler) = 0;
    // After it returns no handler of this subscription starts.
    virtual void unsubscribe(SubscriptionId id) = 0;
    // Asynchronous request; the callback runs exactly once on context's thread.
    virtual void request(const QString &subject, const QByteArray &data, qint64 timeoutMs, QObject *context,
                         RequestCallback callback) = 0;
    // Collects every reply for windowMs (fleetdeck.cluster.hello). "No responders" yields an empty list.
    virtual void requestAll(const QString &subject, const QByteArray &data, qint64 windowMs, QObject *context,
                            std::function<void(const QList<QByteArray> &)> callback) = 0;
    // Round-trip to the server: callback(ok, error) on context's thread.
    virtual void flush(qint64 timeoutMs, QObject *context, std::function<void(bool, QString)> callback) = 0;
    virtual ConnectionState connectionState() const = 0;
    virtual QString url() const = 0;

Q_SIGNALS:
    void connectionStateChanged(fleetdeck::ConnectionState state);
    // The connection dropped messages it should have delivered (NATS core is at most once: a slow
    // consumer loses messages and is told so). What broadcasts taught may be stale: re-seed.
    void messagesLost();
};

// NATS subject matching: '*' matches one token, '>' the rest (one or more tokens).
bool subjectMatches(const QString &pattern, const QString &subject);

} // namespace fleetdeck
