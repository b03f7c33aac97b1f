#include "bridge/demo_starter.h"

#include "demo/demo_cluster.h"

namespace fleetdeck {

EngineStarter demoStarter(bool tour)
{
    EngineStarter s;
    s.create = [tour]() -> QObject * {
        DemoOptions options;
        options.tour = tour;
        return new DemoCluster(options);
    };
    s.engine = [](QObject *owner) { return static_cast<DemoCluster *>(owner)->engine(); };
    s.start = [](QObject *owner) { return static_cast<DemoCluster *>(owner)->start(); };
    s.stop = [](QObject *owner) { return static_cast<DemoCluster *>(owner)->stop(); };
    s.clock = [](QObject *) -> Clock * { return nullptr; };
    return s;
}

} // namespace fleetdeck
