#pragma once
// The words the Settings dialog shows for each cluster-wide key (the table of
// docs/architecture.md#settings) and for each key group, translated in SettingsForm's context.
#include <QString>

namespace fleetdeck::ui {

// "ops/fanout_parallel" → "Node requests in flight per operation:"; an unknown key → the key.
QString settingLabel(const QString &key);
// "ops" → "Operations"; an unknown group → the group.
QString settingGroupTitle(const QString &group);

} // namespace fleetdeck::ui
