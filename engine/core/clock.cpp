#include "core/clock.h"

#include <QDateTime>
#include <QMetaObject>
#include <QObject>
#include <QTimer>
#include <limits>
#include <vector>

namespace fleetdeck {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

quint64 SystemClock::callAfter(qint64 delayMs, QObject *ctx, std::function<void()> fn)
{
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    quint64 handle;
    {
        QMutexLocker lock(&m_mutex);
        handle = m_next++;
        m_live.emplace(handle, cancelled);
    }
    auto run = [this, handle, cancelled, fn = std::move(fn)]() {
        {
            QMutexLocker lock(&m_mutex);
            m_live.erase(handle);
        }
        if (!cancelled->load())
            fn();
    };
    const int ms = static_cast<int>(qBound<qint64>(0, delayMs, qint64(std::numeric_limits<int>::max())));
    // The single-shot timer must be started on ctx's thread.
    QMetaObject::invokeMethod(ctx, [ms, ctx, run = std::move(run)]() mutable { QTimer::singleShot(ms, ctx, std::move(run)); },
                              Qt::AutoConnection);
    return handle;
}

void SystemClock::cancel(quint64 handle)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_live.find(handle);
    if (it != m_live.end()) {
        it->second->store(true);
        m_live.erase(it);
    }
}

SystemClock *SystemClock::instance()
{
    static SystemClock clock;
    return &clock;
}

quint64 ManualClock::callAfter(qint64 delayMs, QObject *ctx, std::function<void()> fn)
{
    QMutexLocker lock(&m_mutex);
    const quint64 handle = m_next++;
    m_timers.emplace(nowMs() + qMax<qint64>(0, delayMs), Entry{handle, QPointer<QObject>(ctx), std::move(fn)});
    if (delayMs <= 0) {
        lock.unlock();
        setMs(nowMs());
    }
    return handle;
}

void ManualClock::cancel(quint64 handle)
{
    QMutexLocker lock(&m_mutex);
    for (auto it = m_timers.begin(); it != m_timers.end(); ++it) {
        if (it->second.handle == handle) {
            m_timers.erase(it);
            return;
        }
    }
}

void ManualClock::setMs(qint64 ms)
{
    std::vector<Entry> due;
    {
        QMutexLocker lock(&m_mutex);
        if (ms > m_now.load())
            m_now.store(ms, std::memory_order_release);
        while (!m_timers.empty() && m_timers.begin()->first <= m_now.load()) {
            due.push_back(std::move(m_timers.begin()->second));
            m_timers.erase(m_timers.begin());
        }
    }
    for (Entry &e : due) {
        if (QObject *ctx = e.ctx.data())
            QMetaObject::invokeMethod(ctx, std::move(e.fn), Qt::QueuedConnection);
    }
}

qint64 ManualClock::nextDueMs() const
{
    QMutexLocker lock(&m_mutex);
    return m_timers.empty() ? -1 : m_timers.begin()->first;
}

int ManualClock::pendingTimers() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_timers.size());
}

} // namespace fleetdeck
