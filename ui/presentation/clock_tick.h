#pragma once
// The one clock tick of the GUI (issue #12): once a second, every page, the operations bar and the
// status bar re-read the engine's clock (EngineHost::nowMs()) on the same tick, so that relative
// times ("12 s ago", "checked 2 min ago", "Stale 42 s") and stalls ("no progress for 1 min 15 s")
// move together. Views connect to tick() instead of running timers of their own.
#include <QObject>
#include <QTimer>

namespace fleetdeck::ui {

class ClockTick final : public QObject {
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 1000;
    static ClockTick &instance();

Q_SIGNALS:
    void tick();

private:
    ClockTick();
    QTimer m_timer;
};

} // namespace fleetdeck::ui
