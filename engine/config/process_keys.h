#pragma once
// The table of process keys (docs/architecture.md#configuration, #settings: worker/*): type, bounds
// and command-line flag of each, and how a checked value lands in ProcessConfig. Used by
// ConfigLoader.
#include "config/process_config.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fleetdeck::config {

enum class ValueKind {
    Text,       // any string (paths, user names)
    Choice,     // one of KeySpec::choices, case-insensitive, stored lower-case
    Integer,    // KeySpec::min..KeySpec::max
    NatsUrl,    // nats://host[:port] or tls://host[:port], or a comma-separated list of them
    NodeName,   // ^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$ (docs/nodes.md#registration)
    List,       // repeatable flag, comma-separated variable, INI list
    Labels,     // list of k=v (the label rules of docs/nodes.md#registration)
    ListenAddress, // PORT | ADDRESS:PORT | [IPV6]:PORT (config/listen_address.h); its flag comes from addMetricsOptions
};

struct KeySpec {
    const char *key;
    ValueKind kind;
    const char *flag = nullptr; // without "--"; nullptr when the key has no flag
    bool workerFlag = false;    // the flag is added by addWorkerOptions (else addCommonOptions)
    qint64 min = 0;
    qint64 max = 0;
    const char *choices = nullptr; // Choice: "nvidia|amd|intel|apple|cpu"
};

const QList<KeySpec> &processKeys();
const KeySpec *findProcessKey(const QString &key);
// store, nats, gallery, worker and metrics are checked for unknown keys; anything else (ui, …) is not.
bool isCheckedGroup(const QString &group);

// Checks `values` (one element unless the kind is List or Labels) and stores them in `config`.
// On a wrong value returns false with *reason ("expected an integer", …).
bool applyProcessKey(const KeySpec &spec, const QStringList &values, ProcessConfig &config, QString *reason);

} // namespace fleetdeck::config
