#include "bridge/demo_starter.h"

#include "demo/demo_cluster.h"
#include "demo/demo_tour.h"

namespace fleetdeck {

EngineStarter demoStarter(bool tour, Clock *clock)
{
    EngineStarter s;
    s.create = [tour, clock]() -> QObject * {
        DemoOptions options;
        options.tour = tour;
        options.clock = clock;
        return new DemoCluster(options);
    };
    s.engine = [](QObject *owner) { return static_cast<DemoCluster *>(owner)->engine(); };
    s.start = [](QObject *owner) { return static_cast<DemoCluster *>(owner)->start(); };
    s.stop = [](QObject *owner) { return static_cast<DemoCluster *>(owner)->stop(); };
    s.clock = [](QObject *owner) -> Clock * { return static_cast<DemoCluster *>(owner)->clock(); };
    s.attach = [](QObject *owner, EngineHost *host) {
        DemoTour *tour = static_cast<DemoCluster *>(owner)->tour();
        if (!tour)
            return;
        // Queued: the tour lives on the engine thread, the host on the GUI thread.
        QObject::connect(tour, &DemoTour::stepStarted, host, &EngineHost::tourStep);
        QObject::connect(tour, &DemoTour::pausedChanged, host, &EngineHost::tourPausedChanged);
        QObject::connect(tour, &DemoTour::finished, host, &EngineHost::tourFinished);
        host->setTourControl([tour](bool paused) {
            if (paused)
                tour->pause();
            else
                tour->resume();
        });
    };
    return s;
}

} // namespace fleetdeck
