#include "demo/demo_pacer.h"

#include "core/clock.h"

#include <QThread>
#include <memory>

namespace fleetdeck {

DemoPacer::DemoPacer(Clock *clock, qint64 transferMs) : m_clock(clock), m_transferMs(qMax<qint64>(1, transferMs)) {}

void DemoPacer::pause(const QString &match, qint64 fromMs, qint64 untilMs)
{
    QMutexLocker lock(&m_mutex);
    m_pauses.insert(match, Window{fromMs, untilMs});
}

void DemoPacer::resume(const QString &match)
{
    QMutexLocker lock(&m_mutex);
    m_pauses.remove(match);
}

qint64 DemoPacer::pausedUntil(const QString &uri, qint64 now) const
{
    QMutexLocker lock(&m_mutex);
    for (auto it = m_pauses.constBegin(); it != m_pauses.constEnd(); ++it) {
        if (uri.contains(it.key()) && now >= it->from && now < it->until)
            return it->until;
    }
    return 0;
}

FetchOptions::FileThrottle DemoPacer::throttle(const QString &uri)
{
    // Per transfer: when it started and how long it was paused, so a resumed transfer goes on
    // where it stopped instead of jumping ahead.
    struct State {
        qint64 startedAt = -1;
        qint64 pausedMs = 0;
    };
    auto state = std::make_shared<State>();
    return [this, uri, state](qint64 done, qint64 total, const std::atomic<bool> *abort) {
        for (;;) {
            if (abort && abort->load(std::memory_order_acquire))
                return false;
            qint64 now = m_clock->nowMs();
            if (state->startedAt < 0)
                state->startedAt = now;
            if (pausedUntil(uri, now) > 0) {
                // Real-time polling: the clock may be simulated; the abort flag is checked each round.
                const qint64 pauseStart = now;
                while (pausedUntil(uri, now) > 0) {
                    if (abort && abort->load(std::memory_order_acquire))
                        return false;
                    QThread::msleep(10);
                    now = m_clock->nowMs();
                }
                state->pausedMs += now - pauseStart;
            }
            const qint64 elapsed = now - state->startedAt - state->pausedMs;
            if (total <= 0 || done >= total || double(done) <= double(total) * double(elapsed) / double(m_transferMs))
                return true;
            const qint64 dueIn = qint64(double(done) * double(m_transferMs) / double(total)) - elapsed;
            QThread::msleep(ulong(qBound(qint64(1), dueIn, qint64(25))));
        }
    };
}

} // namespace fleetdeck
