#include "bus/nats_subscription.h"

#include "bus/nats_log.h"
#include "bus/nats_options.h"
#include "bus/nats_retired_subs.h"

namespace fleetdeck {

using Holder = std::shared_ptr<NatsSubClosure>;

std::atomic<int> NatsSubClosure::s_live{0};

NatsSubClosure::NatsSubClosure(QString subject, qint64 maxPayload, std::shared_ptr<NatsRetiredSubs> retired)
    : m_subject(std::move(subject)), m_maxPayload(maxPayload), m_retired(std::move(retired))
{
    s_live.fetch_add(1);
}

NatsSubClosure::~NatsSubClosure()
{
    s_live.fetch_sub(1);
}

Status NatsSubClosure::start(const std::shared_ptr<NatsSubClosure> &self, natsConnection *nc, const QString &group,
                             int autoUnsubscribeAfter)
{
    if (!nc)
        return Status::failure(QStringLiteral("not connected"));
    auto *holder = new Holder(self);
    const QByteArray subject = self->m_subject.toUtf8();
    const QByteArray queue = group.toUtf8();
    // Held while nats.c may already deliver: onComplete waits for m_sub to be recorded.
    QMutexLocker lock(&self->m_mutex);
    natsSubscription *sub = nullptr;
    natsStatus s = group.isEmpty()
                       ? natsConnection_Subscribe(&sub, nc, subject.constData(), &NatsSubClosure::onMessage, holder)
                       : natsConnection_QueueSubscribe(&sub, nc, subject.constData(), queue.constData(),
                                                       &NatsSubClosure::onMessage, holder);
    if (s != NATS_OK) {
        const QString error = natsErrorText(s);
        lock.unlock();
        delete holder; // never handed to a live subscription
        return Status::failure(error);
    }
    s = natsSubscription_SetOnCompleteCB(sub, &NatsSubClosure::onComplete, holder);
    if (s != NATS_OK) {
        // Closed under our feet (connection closed): nats.c may still be inside onMessage with
        // `holder`, and no completion will tell us when it is done, so the holder is leaked.
        const QString error = natsErrorText(s);
        self->m_alive->store(false);
        self->m_retired->retire(sub);
        return Status::failure(error);
    }
    self->m_sub = sub;
    if (autoUnsubscribeAfter > 0) {
        s = natsSubscription_AutoUnsubscribe(sub, autoUnsubscribeAfter);
        if (s != NATS_OK) {
            const QString error = natsErrorText(s);
            lock.unlock();
            self->stop();
            return Status::failure(error);
        }
    }
    return okStatus();
}

void NatsSubClosure::stop()
{
    m_alive->store(false);
    QMutexLocker lock(&m_mutex);
    if (m_sub && natsSubscription_IsValid(m_sub))
        natsSubscription_Unsubscribe(m_sub); // queues UNSUB; completion follows on the delivery thread
}

void NatsSubClosure::onMessage(natsConnection *, natsSubscription *, natsMsg *msg, void *closure)
{
    NatsSubClosure &self = **static_cast<Holder *>(closure);
    if (!self.m_alive->load()) {
        natsMsg_Destroy(msg);
        return;
    }
    NatsIncoming in;
    in.size = natsMsg_GetDataLength(msg);
    in.noResponders = natsMsg_IsNoResponders(msg);
    in.subject = QString::fromUtf8(natsMsg_GetSubject(msg));
    if (const char *reply = natsMsg_GetReply(msg))
        in.reply = QString::fromUtf8(reply);
    if (in.size > self.m_maxPayload)
        in.oversize = true;
    else if (in.size > 0)
        in.data = QByteArray(natsMsg_GetData(msg), static_cast<qsizetype>(in.size));
    natsMsg_Destroy(msg);
    if (self.m_onMessage)
        self.m_onMessage(std::move(in));
}

void NatsSubClosure::onComplete(void *closure)
{
    auto *holder = static_cast<Holder *>(closure);
    natsSubscription *sub = nullptr;
    {
        QMutexLocker lock(&(*holder)->m_mutex);
        sub = std::exchange((*holder)->m_sub, nullptr);
    }
    // Closed already; nats.c holds its own reference until we return.
    if (sub)
        (*holder)->m_retired->retire(sub);
    delete holder;
}

} // namespace fleetdeck
