#pragma once
// Logging category of the NATS bus.
#include <QLoggingCategory>

namespace fleetdeck {
Q_DECLARE_LOGGING_CATEGORY(lcNats)
} // namespace fleetdeck
