#pragma once
// How the window runs `fleetdeck --demo` (docs/architecture.md#demo-cluster): a DemoCluster on the
// engine thread.
#include "bridge/engine_host.h"

namespace fleetdeck {

class Clock;

// `clock`: nullptr = the system clock; tests pass a ManualClock to play the tour on simulated time.
EngineStarter demoStarter(bool tour, Clock *clock = nullptr);

} // namespace fleetdeck
