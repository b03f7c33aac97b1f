#pragma once
// State of one asynchronous NATS request (inbox subscription + timer) and of one collecting
// request (fleetdeck.cluster.hello). Each ends exactly once, whichever comes first: the reply
// (nats.c thread), the timer (context thread), a connection drop (nats.c thread) or the bus's
// destruction; the callback always runs on the context's thread. Nothing here points to the bus.
#include "bus/bus.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <atomic>
#include <memory>

namespace fleetdeck {

class Clock;
class ContextRelay;
class NatsSubClosure;
class PendingRequests;

class PendingRequest final {
public:
    PendingRequest(std::shared_ptr<ContextRelay> relay, RequestCallback callback, Clock *clock);
    ~PendingRequest();
    PendingRequest(const PendingRequest &) = delete;
    PendingRequest &operator=(const PendingRequest &) = delete;

    // Setup, before the request is sent.
    void setSubscription(std::shared_ptr<NatsSubClosure> sub) { m_sub = std::move(sub); }
    void setRegistry(std::weak_ptr<PendingRequests> registry, quint64 id);
    void setTimer(quint64 handle) { m_timer.store(handle); }

    // First call wins: unsubscribes the inbox, cancels the timer, queues the callback.
    void finish(RequestResult result);
    bool isDone() const { return m_done.load(); }

private:
    std::atomic<bool> m_done{false};
    std::shared_ptr<ContextRelay> m_relay;
    RequestCallback m_callback;
    Clock *m_clock;
    std::atomic<quint64> m_timer{0};
    std::shared_ptr<NatsSubClosure> m_sub;
    std::weak_ptr<PendingRequests> m_registry;
    quint64 m_id = 0;
};

// Requests still waiting for a reply: a connection drop ends them at once with Timeout
// (docs/protocol.md#rules).
class PendingRequests final {
public:
    quint64 add(const std::shared_ptr<PendingRequest> &request);
    void remove(quint64 id);
    // Ends every pending request with `outcome` and `error`.
    void finishAll(RequestOutcome outcome, const QString &error);
    int size() const;

private:
    mutable QMutex m_mutex;
    QHash<quint64, std::weak_ptr<PendingRequest>> m_requests;
    quint64 m_next = 1;
};

// requestAll(): every reply within the window; "no responders" ends it at once, empty.
class CollectRequest final {
public:
    using Callback = std::function<void(const QList<QByteArray> &)>;
    CollectRequest(std::shared_ptr<ContextRelay> relay, Callback callback, Clock *clock);
    ~CollectRequest();
    CollectRequest(const CollectRequest &) = delete;
    CollectRequest &operator=(const CollectRequest &) = delete;

    void setSubscription(std::shared_ptr<NatsSubClosure> sub) { m_sub = std::move(sub); }
    void setTimer(quint64 handle) { m_timer.store(handle); }
    void addReply(const QByteArray &data);
    // First call wins; noResponders discards anything collected.
    void finish(bool noResponders);

private:
    std::atomic<bool> m_done{false};
    std::shared_ptr<ContextRelay> m_relay;
    Callback m_callback;
    Clock *m_clock;
    std::atomic<quint64> m_timer{0};
    std::shared_ptr<NatsSubClosure> m_sub;
    QMutex m_mutex;
    QList<QByteArray> m_replies;
};

} // namespace fleetdeck
