#pragma once
// `fleetdeckctl __complete nodes|backends|ops|settings`: the words the shell completions
// (packaging/completions/) offer, one per line on stdout, sorted, nothing else. Hidden: not in
// --help. It reads the store only (never NATS, never a node) and exits 3 after at most 1 s, so a
// Tab press never hangs on an unreachable database. Without a usable store (none configured, a
// missing SQLite file, which it does not create, or one that does not answer) it prints nothing.
//
//   nodes     the names in the `nodes` table
//   backends  the backends the store knows: of active and failed ops, of History entries and of
//             pending node ops, plus the entries of the local galleries (absolute paths and file://
//             URLs) of --gallery / gallery/urls, else of the cluster's `galleries` setting;
//             http(s) galleries are skipped, as reading them would need the network
//   ops       the ids of active and undismissed failed ops (cancel, dismiss, retry)
//   settings  every cluster-wide setting key (no store needed)
#include "config/process_config.h"

#include <QStringList>

namespace fleetdeck::ctl {

int complete(const ProcessConfig &config, const QStringList &what);

} // namespace fleetdeck::ctl
