#pragma once
// Checks of cluster-wide setting values: text typed by an admin (`settings set`, the Settings
// dialog) and JSON rows read back from the store.
#include "config/cluster_settings.h"

#include <QJsonValue>
#include <QString>
#include <optional>

namespace fleetdeck::settings {

// The JSON value to store for `text`, or nullopt with *reason ("expected a positive integer, got \"zero\"").
std::optional<QJsonValue> parseSettingText(const SettingSpec &spec, const QString &text, QString *reason);

// Whether a stored row has the key's type and bounds; else *reason.
bool isUsableStoredValue(const SettingSpec &spec, const QJsonValue &value, QString *reason);

// A `galleries` value: array of {"name","url"} with unique non-empty names and an absolute path,
// file:// or http(s):// URL each.
bool checkGalleries(const QJsonValue &value, QString *reason);

} // namespace fleetdeck::settings
