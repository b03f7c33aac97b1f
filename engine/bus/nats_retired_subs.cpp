#include "bus/nats_retired_subs.h"

namespace fleetdeck {

NatsRetiredSubs::~NatsRetiredSubs()
{
    // Last owner gone: every bus and closure that could retire more has released us. Only
    // reached after connectionClosed() in practice; release defensively either way.
    release(m_subs);
}

void NatsRetiredSubs::release(std::vector<natsSubscription *> &subs)
{
    for (natsSubscription *sub : subs)
        natsSubscription_Destroy(sub); // closed already: drops our reference only
    subs.clear();
}

void NatsRetiredSubs::retire(natsSubscription *sub)
{
    QMutexLocker lock(&m_mutex);
    if (m_closed) {
        lock.unlock();
        natsSubscription_Destroy(sub);
        return;
    }
    m_subs.push_back(sub);
}

void NatsRetiredSubs::sweep(natsConnection *conn, int timeoutMs)
{
    std::vector<natsSubscription *> batch;
    {
        QMutexLocker lock(&m_mutex);
        if (m_sweeping || m_closed || m_subs.empty())
            return;
        m_sweeping = true;
        batch.swap(m_subs);
    }
    const bool flushed = natsConnection_FlushTimeout(conn, timeoutMs) == NATS_OK;
    QMutexLocker lock(&m_mutex);
    m_sweeping = false;
    if (flushed || m_closed) {
        lock.unlock();
        release(batch);
    } else {
        m_subs.insert(m_subs.end(), batch.begin(), batch.end()); // next time
    }
}

void NatsRetiredSubs::connectionClosed()
{
    std::vector<natsSubscription *> all;
    {
        QMutexLocker lock(&m_mutex);
        m_closed = true;
        all.swap(m_subs);
    }
    release(all);
}

int NatsRetiredSubs::size() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_subs.size());
}

} // namespace fleetdeck
