#pragma once
// Everything a replica needs to run: where the store is, how to reach NATS (or the in-process
// bus), which galleries, which kind of replica.
#include "bus/nats_config.h"
#include "store/store_config.h"

#include <QStringList>
#include <optional>

namespace fleetdeck {

class Bus;
class Clock;
class StoreCallGate;

struct EngineConfig {
    QString kind = QStringLiteral("headless"); // gui | headless | ctl | demo
    StoreConfig store;
    std::optional<NatsConfig> nats;            // nullopt: an in-process bus (demo, tests)
    Bus *externalBus = nullptr;                // tests and the demo may share one bus
    Clock *clock = nullptr;                    // nullptr: the system clock
    QStringList galleryUrls;                   // --gallery: replaces the cluster's list for this process
    bool passLocks = true;                     // demo: one replica, no pass locks (docs/architecture.md#pass-locks)
    qint64 helloWindowMs = 1000;
    // Start-up of a long-lived replica (fleetdeck --headless, the GUI;
    // docs/architecture.md#outages): an unreachable store is retried every 5 s and the cluster
    // check waits for NATS, reporting each attempt through connectionChanged; start() then resolves
    // only once started or on a final error (bad credentials, a newer major schema, another
    // cluster, a held SQLite file). Off (ctl, tests, the simulator, which restarts a replica
    // itself): the first failure resolves start().
    bool waitForServers = false;
    // Simulator seams (docs/testing.md "Simulation seams"); production leaves both as they are.
    StoreCallGate *storeGate = nullptr;        // set: store calls run through the gate, not a thread
    bool replicaLock = true;                   // false: several simulated replicas share one SQLite file
};

} // namespace fleetdeck
