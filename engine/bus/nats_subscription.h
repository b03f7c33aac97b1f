#pragma once
// One nats.c asynchronous subscription and the closure its C callbacks receive.
//
// Lifetime (why no callback touches freed memory): nats.c gets a heap `std::shared_ptr` to the
// closure as its callback argument and keeps it until the subscription's completion callback
// (natsSubscription_SetOnCompleteCB), which nats.c invokes on the delivery thread once the
// subscription is closed — by stop(), by AutoUnsubscribe, or by closing the connection — and its
// message handler has returned for the last time. Only then is that pointer deleted and our
// natsSubscription reference handed to NatsRetiredSubs (released once the read loop is past it).
// stop() therefore never waits: it clears the `alive` flag that every handler hop checks on the
// context's thread and sends UNSUB.
// Internal to the engine: includes nats.c.
#include "core/result.h"

#include <nats/nats.h>

#include <QByteArray>
#include <QMutex>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

namespace fleetdeck {

class NatsRetiredSubs;

// A message copied out of its natsMsg on a nats.c thread.
struct NatsIncoming {
    QString subject;
    QString reply;
    QByteArray data;      // empty when oversize
    qint64 size = 0;      // payload size in bytes
    bool oversize = false; // size > the closure's maxPayload: data not copied
    bool noResponders = false;
};

class NatsSubClosure final {
public:
    using OnMessage = std::function<void(NatsIncoming &&)>; // runs on a nats.c thread

    NatsSubClosure(QString subject, qint64 maxPayload, std::shared_ptr<NatsRetiredSubs> retired);
    ~NatsSubClosure();
    NatsSubClosure(const NatsSubClosure &) = delete;
    NatsSubClosure &operator=(const NatsSubClosure &) = delete;

    // Set before start(); never changed afterwards.
    void setOnMessage(OnMessage onMessage) { m_onMessage = std::move(onMessage); }
    // Subscribes (queue group when non-empty). autoUnsubscribeAfter > 0: nats.c removes the
    // subscription after that many messages (request inboxes).
    static Status start(const std::shared_ptr<NatsSubClosure> &self, natsConnection *nc, const QString &group,
                        int autoUnsubscribeAfter = 0);
    // No handler hop checked against aliveFlag() runs after this returns; sends UNSUB. Never blocks
    // on a delivery thread. Idempotent; harmless once nats.c closed the subscription itself.
    void stop();

    std::shared_ptr<const std::atomic<bool>> aliveFlag() const { return m_alive; }
    bool isAlive() const { return m_alive->load(); }
    const QString &subject() const { return m_subject; }
    // Closures not yet released by nats.c, process-wide (tests prove completion happens).
    static int liveCount() { return s_live.load(); }

private:
    static void onMessage(natsConnection *nc, natsSubscription *sub, natsMsg *msg, void *closure);
    static void onComplete(void *closure);

    const QString m_subject;
    const qint64 m_maxPayload;
    const std::shared_ptr<NatsRetiredSubs> m_retired;
    OnMessage m_onMessage;
    std::shared_ptr<std::atomic<bool>> m_alive = std::make_shared<std::atomic<bool>>(true);
    QMutex m_mutex;
    natsSubscription *m_sub = nullptr; // our reference; retired by onComplete
    static std::atomic<int> s_live;
};

} // namespace fleetdeck
