#include "dialogs/setting_labels.h"

#include <QCoreApplication>
#include <iterator>

namespace fleetdeck::ui {

namespace {

struct KeyText {
    const char *key;
    const char *label;
};

// Labels of the keys of docs/architecture.md#settings, in the words of its table.
constexpr KeyText kLabels[] = {
    {"nodes/heartbeat_interval_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Heartbeat interval (s):")},
    {"nodes/registration_token", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Registration token:")},
    {"nodes/auto_approve", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Approve new nodes automatically")},
    {"health/tick_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Health monitor tick (s):")},
    {"health/stale_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Heartbeat stale after (s):")},
    {"reconcile/tick_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Reconciler tick (s):")},
    {"reconcile/pass_wait_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Longest wait for replies in a pass (s):")},
    {"reconcile/retry_parallel", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Retries in flight:")},
    {"reconcile/backoff_base_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Retry backoff base (s):")},
    {"reconcile/backoff_cap_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Retry backoff cap (s):")},
    {"reconcile/max_attempts", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Dead-letter after attempts:")},
    {"reconcile/pending_grace_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Stale pending grace (s):")},
    {"ops/max_concurrent", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Operations at once per replica:")},
    {"ops/fanout_parallel", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Node requests in flight per operation:")},
    {"ops/claim_poll_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Executor claim poll (s):")},
    {"ops/stale_age_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Stale operation age (s):")},
    {"ops/reap_interval_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Reaper period (s):")},
    {"ops/keepalive_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Keepalive of active operations (s):")},
    {"ops/status_coalesce_ms", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Owner status coalescing (ms):")},
    {"ops/progress_write_ms", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Progress writes at most every (ms):")},
    {"ops/history_size", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "History entries:")},
    {"ops/retention_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Retention of finished operations (s):")},
    {"ops/status_linger_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Status map linger (s):")},
    {"nats/timeout_install_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Install timeout (s):")},
    {"nats/timeout_upgrade_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Upgrade timeout (s):")},
    {"nats/timeout_list_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "List timeout (s):")},
    {"nats/timeout_delete_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Delete timeout (s):")},
    {"nats/timeout_cancel_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Cancel timeout (s):")},
    {"nats/max_payload_bytes", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Payload cap (bytes):")},
    {"gui/stalled_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Stalled after (s):")},
    {"gui/stale_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Connection stale after (s):")},
    {"upgrades/first_check_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "First check after taking the lead (s):")},
    {"upgrades/period_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Check period (s):")},
    {"upgrades/auto", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Upgrade automatically")},
    {"gallery/refresh_s", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Refresh period (s):")},
    {"galleries", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Galleries (the first listing a backend wins):")},
};

constexpr KeyText kGroups[] = {
    {"nodes", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Nodes")},         {"health", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Health")},  {"reconcile", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Reconciler")},
    {"ops", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Operations")},      {"nats", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "NATS")},      {"gui", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Console")},
    {"upgrades", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Upgrades")},   {"gallery", QT_TRANSLATE_NOOP("fleetdeck::ui::SettingsForm", "Galleries")},
};

const char *lookup(const KeyText *table, size_t n, const QString &key)
{
    for (size_t i = 0; i < n; ++i) {
        if (key == QLatin1String(table[i].key))
            return table[i].label;
    }
    return nullptr;
}

QString translate(const char *text)
{
    return QCoreApplication::translate("fleetdeck::ui::SettingsForm", text);
}

} // namespace

QString settingLabel(const QString &key)
{
    const char *label = lookup(kLabels, std::size(kLabels), key);
    return label ? translate(label) : key;
}

QString settingGroupTitle(const QString &group)
{
    const char *title = lookup(kGroups, std::size(kGroups), group);
    return title ? translate(title) : group;
}

} // namespace fleetdeck::ui
