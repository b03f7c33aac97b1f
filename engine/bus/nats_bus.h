#pragma once
// The Bus over a real NATS server (nats.c 3.4.1): the rules of docs/protocol.md#rules,
// authentication and TLS as in docs/protocol.md#transport-security.
//
// Threads: nats.c callbacks only copy the message out of the natsMsg and hop to the context's
// thread with a queued call (docs/architecture.md#threads). One global delivery thread serves every
// subscription of the connection, so handlers and request callbacks of one context run in the order
// the connection received the messages (a worker's last progress tick before its reply). Nothing
// blocks the caller: request() is an inbox subscription + PUB with a Clock timer, flush() runs on a
// helper thread. connectionStateChanged is emitted on the bus's thread.
#include "bus/bus.h"
#include "bus/nats_config.h"

#include <memory>

namespace fleetdeck {

class Clock;

class NatsBus final : public Bus {
    Q_OBJECT
public:
    // Connects (blocking up to the library's 2 s connect timeout) unless retryInitialConnect is set
    // and no server answers: then it returns at once in state Reconnecting and keeps trying.
    // Errors name the URL and the auth method: "NATS nats://h:4222: authorization violation
    // (auth: user/password)". With a parent, release() the returned pointer to hand it over.
    static Result<std::unique_ptr<NatsBus>> connect(const NatsConfig &config, Clock *clock, QObject *parent = nullptr);
    // Why a connection opened with retryInitialConnect went Closed: nats.c retries a missing
    // server forever but closes for good when the server refuses the client (authorization
    // violation), without saying so. One direct connect names the reason (exit 3 at start).
    static QString closedReason(const NatsConfig &config);
    // Unsubscribes everything, ends pending requests (TransportError "connection closed"), closes
    // the connection. Safe while messages are flowing: no nats.c callback touches this object.
    ~NatsBus() override;

    Status publish(const QString &subject, const QByteArray &data, const QString &replyTo = {}) override;
    SubscriptionId subscribe(const QString &subject, QObject *context, MessageHandler handler) override;
    SubscriptionId queueSubscribe(const QString &subject, const QString &group, QObject *context,
                                  MessageHandler handler) override;
    void unsubscribe(SubscriptionId id) override;
    void request(const QString &subject, const QByteArray &data, qint64 timeoutMs, QObject *context,
                 RequestCallback callback) override;
    void requestAll(const QString &subject, const QByteArray &data, qint64 windowMs, QObject *context,
                    std::function<void(const QList<QByteArray> &)> callback) override;
    void flush(qint64 timeoutMs, QObject *context, std::function<void(bool, QString)> callback) override;
    ConnectionState connectionState() const override;
    QString url() const override;

    QString authMethod() const;
    // Incoming publications dropped for exceeding maxPayloadBytes.
    quint64 droppedOversize() const;
    int pendingRequests() const;
    // Closed subscriptions whose last reference waits for the read loop to move past them.
    int retiredSubscriptions() const;
    // Subscription closures nats.c has not released yet, process-wide (for tests).
    static int liveSubscriptionClosures();

private:
    struct Private;
    NatsBus(const NatsConfig &config, Clock *clock, QObject *parent);
    SubscriptionId addSubscription(const QString &subject, const QString &group, QObject *context, MessageHandler handler);
    void confirmSubscription(const QString &subject);
    void sweepRetired();
    // From nats.c's callback thread.
    void onNatsEvent(ConnectionState state);
    // On the bus's thread.
    void applyState(ConnectionState state);
    friend struct NatsBusCallbacks;

    std::unique_ptr<Private> d;
};

} // namespace fleetdeck
