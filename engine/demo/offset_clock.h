#pragma once
// A clock that reads another clock shifted by an offset. The demo uses it to write things that
// happened before the demo started (pre-installed backends, an op abandoned 40 min ago) through
// the ordinary code paths, which stamp times from the clock they are given; the simulator gives
// each replica one (skew) and moves it (an NTP step).
#include "core/clock.h"

namespace fleetdeck {

class OffsetClock final : public Clock {
public:
    OffsetClock(Clock *base, qint64 offsetMs) : m_base(base), m_offsetMs(offsetMs) {}
    qint64 nowMs() const override { return m_base->nowMs() + m_offsetMs; }
    quint64 callAfter(qint64 delayMs, QObject *ctx, std::function<void()> fn) override
    {
        return m_base->callAfter(delayMs, ctx, std::move(fn));
    }
    void cancel(quint64 handle) override { m_base->cancel(handle); }
    void jump(qint64 ms) { m_offsetMs += ms; } // timers already scheduled keep their delays
    qint64 offset() const { return m_offsetMs; }

private:
    Clock *m_base;
    qint64 m_offsetMs;
};

} // namespace fleetdeck
