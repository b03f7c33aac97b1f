#include "presentation/clock_tick.h"

namespace fleetdeck::ui {

ClockTick &ClockTick::instance()
{
    static ClockTick *t = new ClockTick;
    return *t;
}

ClockTick::ClockTick()
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ClockTick::tick);
    m_timer.start();
}

} // namespace fleetdeck::ui
