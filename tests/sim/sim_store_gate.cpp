#include "sim_store_gate.h"

#include "core/clock.h"

namespace fleetdeck::sim {

SimStoreGate::SimStoreGate(Clock *clock, Rng *rng, Trace *trace, bool runsCalls)
    : m_clock(clock), m_rng(rng), m_trace(trace), m_runsCalls(runsCalls)
{
}

void SimStoreGate::setLatency(qint64 minMs, qint64 maxMs)
{
    m_minMs = minMs;
    m_maxMs = maxMs;
    m_trace->event(QStringLiteral("store latency %1..%2 ms").arg(minMs).arg(maxMs));
}

void SimStoreGate::setOutage(bool down)
{
    m_outage = down;
    m_trace->event(down ? QStringLiteral("store down") : QStringLiteral("store up"));
}

void SimStoreGate::kill(const QString &connection)
{
    {
        QMutexLocker lock(&m_mutex);
        m_killed.insert(connection);
    }
    m_queues.remove(connection);
}

QString SimStoreGate::statementFault(const QString &connection)
{
    QMutexLocker lock(&m_mutex);
    if (m_killed.contains(connection))
        return QStringLiteral("server closed the connection unexpectedly (simulated crash)");
    if (m_outage)
        return QStringLiteral("could not connect to server: Connection refused (simulated outage)");
    return {};
}

void SimStoreGate::submit(const QString &connection, std::function<void()> job)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_killed.contains(connection))
            return;
    }
    Queue &q = m_queues[connection];
    q.jobs.push_back(std::move(job));
    if (!q.busy) {
        q.busy = true;
        m_clock->callAfter(m_rng->range(m_minMs, m_maxMs), this, [this, connection]() { runNext(connection); });
    }
}

bool SimStoreGate::runOne(const QString &connection)
{
    auto it = m_queues.find(connection);
    if (it == m_queues.end() || it->jobs.empty())
        return false;
    std::function<void()> job = std::move(it->jobs.front());
    it->jobs.pop_front();
    ++m_calls;
    job(); // may submit more calls (and even rehash m_queues)
    return true;
}

void SimStoreGate::drain(const QString &connection)
{
    while (runOne(connection)) {
    }
}

void SimStoreGate::runNext(const QString &connection)
{
    if (!runOne(connection)) {
        if (auto it = m_queues.find(connection); it != m_queues.end())
            it->busy = false;
        return;
    }
    auto again = m_queues.find(connection);
    if (again == m_queues.end())
        return;
    if (again->jobs.empty()) {
        again->busy = false;
        return;
    }
    m_clock->callAfter(m_rng->range(m_minMs, m_maxMs), this, [this, connection]() { runNext(connection); });
}

} // namespace fleetdeck::sim
