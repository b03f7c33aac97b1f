#pragma once
// With FLEETDECK_STARTUP_REPORT=1 in the environment, the dashboard prints two lines to stderr:
// "fleetdeck: startup: first paint" when the window first paints, and "fleetdeck: startup: cluster
// painted" when it first paints the cluster (gallery and nodes known, connection live). The demo
// cold-start benchmark (tests/bench/bench_demo_start.cpp) times them from the process's spawn.
#include <QObject>

class QWidget;

namespace fleetdeck {

class EngineHost;

void reportStartupPaints(QWidget *window, EngineHost *host);

} // namespace fleetdeck
