#pragma once
// In-process bus (demo mode, unit tests) with NATS semantics: wildcard subjects, queue groups
// (one member per group receives each message), "no responders" for requests nobody listens
// to, and timeouts on the injected clock.
#include "bus/bus.h"

#include <QList>
#include <QHash>
#include <QMutex>
#include <QPointer>

namespace fleetdeck {

class Clock;

class LocalBus final : public Bus {
    Q_OBJECT
public:
    explicit LocalBus(Clock *clock, QObject *parent = nullptr);
    ~LocalBus() override;

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
    QString url() const override { return QStringLiteral("inproc://local"); }

    // Test hooks: a log of "sub <subject>", "unsub <subject>", "pub <subject> <payload>" lines,
    // the latest kLogKept at least (older lines are dropped: a demo runs on this bus for hours).
    static constexpr qsizetype kLogKept = 10000;
    QStringList log() const;
    void clearLog();
    int subscriptionCount(const QString &subjectPrefix = {}) const;
    void setConnectionState(ConnectionState state);

private:
    struct Sub {
        SubscriptionId id;
        QString subject;
        QString group;
        QPointer<QObject> context;
        std::shared_ptr<MessageHandler> handler;
        std::shared_ptr<std::atomic<bool>> alive;
    };
    SubscriptionId addSub(const QString &subject, const QString &group, QObject *context, MessageHandler handler);
    QString newInbox();
    void logLine(QString line); // m_mutex held
    // Returns the number of subscriptions the message was delivered to.
    int deliver(const QString &subject, const QByteArray &data, const QString &replyTo);

    Clock *m_clock;
    mutable QMutex m_mutex;
    QList<Sub> m_subs;
    QHash<QString, quint64> m_groupCursor;
    SubscriptionId m_nextId = 1;
    quint64 m_inbox = 0;
    QStringList m_log;
    ConnectionState m_state = ConnectionState::Connected;
};

} // namespace fleetdeck
