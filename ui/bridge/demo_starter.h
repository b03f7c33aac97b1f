#pragma once
// How the window runs `fleetdeck --demo` (SPEC §1.4): a DemoCluster on the engine thread.
#include "bridge/engine_host.h"

namespace fleetdeck {

EngineStarter demoStarter(bool tour);

} // namespace fleetdeck
