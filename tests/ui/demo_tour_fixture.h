#pragma once
// The demo through the real window on simulated time, for the tests that watch its tour
// (tst_demo_gui, tst_language_rendering): the engine and its in-process workers under EngineHost,
// the main window shown, the clock moved 50 ms per 5 ms of real time, so that the window gets its
// frames (16 ms, real time) while a state that lasts a simulated second or more is on screen.
#include "bridge/demo_starter.h"
#include "bridge/engine_host.h"
#include "core/clock.h"
#include "main_window.h"
#include "theme/theme.h"

#include <QtTest>
#include <functional>

namespace fleetdeck::test {

struct DemoTour {
    static constexpr qint64 kT0 = 1767225600000;
    bool themed = (ui::Theme::instance().apply(ui::Theme::Mode::Light), true); // before the window
    ManualClock clock{kT0};
    EngineHost host{demoStarter(true, &clock)};
    ui::MainWindow window{&host};
    bool tourDone = false;

    DemoTour()
    {
        window.setConfirmQuit(false);
        window.show();
        QObject::connect(&host, &EngineHost::tourFinished, &host, [this] { tourDone = true; });
        host.start();
    }

    // Runs the tour to its end, calling `step` after every clock step; false after `timeoutMs`.
    bool run(const std::function<void()> &step, int timeoutMs = 240'000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!tourDone && !deadline.hasExpired()) {
            QTest::qWait(5);
            if (!host.isStarted())
                continue;
            clock.advanceMs(50);
            step();
        }
        return tourDone;
    }

    // Stops the engine while the clock keeps moving; false when it has not stopped in 20 s.
    bool stop()
    {
        bool stopped = false;
        host.stop([&] { stopped = true; });
        QDeadlineTimer deadline(20000);
        while (!stopped && !deadline.hasExpired()) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            clock.advanceMs(100);
        }
        return stopped;
    }
};

} // namespace fleetdeck::test
