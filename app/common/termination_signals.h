#pragma once
// SIGTERM / SIGINT delivered to the Qt event loop through a self-pipe: the handler only writes a
// byte; a QSocketNotifier calls `onSignal(signo)` on the thread that installed it.
#include <functional>

class QObject;

namespace fleetdeck {

bool installTerminationSignals(QObject *context, std::function<void(int)> onSignal);

} // namespace fleetdeck
