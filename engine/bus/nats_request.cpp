#include "bus/nats_request.h"

#include "bus/context_relay.h"
#include "bus/nats_subscription.h"
#include "core/clock.h"

namespace fleetdeck {

PendingRequest::PendingRequest(std::shared_ptr<ContextRelay> relay, RequestCallback callback, Clock *clock)
    : m_relay(std::move(relay)), m_callback(std::move(callback)), m_clock(clock)
{
}

PendingRequest::~PendingRequest()
{
    // Reached without finish() only when the context died with its timer: free the inbox.
    if (!m_done.load() && m_sub)
        m_sub->stop();
}

void PendingRequest::setRegistry(std::weak_ptr<PendingRequests> registry, quint64 id)
{
    m_registry = std::move(registry);
    m_id = id;
}

void PendingRequest::finish(RequestResult result)
{
    if (m_done.exchange(true))
        return;
    if (auto registry = m_registry.lock())
        registry->remove(m_id);
    if (const quint64 timer = m_timer.load())
        m_clock->cancel(timer);
    // Released now: a cancelled SystemClock timer keeps this object alive until its due time.
    if (auto sub = std::move(m_sub))
        sub->stop();
    m_relay->post([callback = std::move(m_callback), result = std::move(result)]() { callback(result); });
}

quint64 PendingRequests::add(const std::shared_ptr<PendingRequest> &request)
{
    QMutexLocker lock(&m_mutex);
    const quint64 id = m_next++;
    m_requests.insert(id, request);
    return id;
}

void PendingRequests::remove(quint64 id)
{
    QMutexLocker lock(&m_mutex);
    m_requests.remove(id);
}

void PendingRequests::finishAll(RequestOutcome outcome, const QString &error)
{
    QList<std::shared_ptr<PendingRequest>> all;
    {
        QMutexLocker lock(&m_mutex);
        for (const auto &weak : std::as_const(m_requests))
            if (auto r = weak.lock())
                all.append(r);
        m_requests.clear();
    }
    for (const auto &r : std::as_const(all))
        r->finish(RequestResult{outcome, {}, error});
}

int PendingRequests::size() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_requests.size());
}

CollectRequest::CollectRequest(std::shared_ptr<ContextRelay> relay, Callback callback, Clock *clock)
    : m_relay(std::move(relay)), m_callback(std::move(callback)), m_clock(clock)
{
}

CollectRequest::~CollectRequest()
{
    if (!m_done.load() && m_sub)
        m_sub->stop();
}

void CollectRequest::addReply(const QByteArray &data)
{
    QMutexLocker lock(&m_mutex);
    m_replies.append(data);
}

void CollectRequest::finish(bool noResponders)
{
    if (m_done.exchange(true))
        return;
    if (const quint64 timer = m_timer.load())
        m_clock->cancel(timer);
    if (auto sub = std::move(m_sub))
        sub->stop();
    QList<QByteArray> replies;
    if (!noResponders) {
        QMutexLocker lock(&m_mutex);
        replies = std::move(m_replies);
    }
    m_relay->post([callback = std::move(m_callback), replies = std::move(replies)]() { callback(replies); });
}

} // namespace fleetdeck
