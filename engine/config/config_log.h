#pragma once
// Logging category of the configuration module.
#include <QLoggingCategory>

namespace fleetdeck {
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
} // namespace fleetdeck
