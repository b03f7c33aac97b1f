#pragma once
// One simulated cluster (tests/sim/README.md): 2–4 replicas (real Engines), 3–12 workers (real
// WorkerAgents), one shared store, the simulated transport, all on one ManualClock and one seeded
// random source. run() plays a seeded workload with faults, heals everything, waits out the
// liveness bound and checks the invariants of docs/testing.md; violations() lists what failed.
#include "sim_bus.h"
#include "sim_jobs.h"
#include "sim_rng.h"
#include "sim_store_gate.h"
#include "sim_trace.h"

#include "core/clock.h"
#include "demo/offset_clock.h"
#include "core/operation.h"
#include "engine.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTemporaryDir>
#include <memory>
#include <vector>
#include <optional>

namespace fleetdeck {
class Store;
class WorkerAgent;
}

namespace fleetdeck::sim {

// Events the application has delivered (SimApp::notify counts them; the loop drains until it stops).
qint64 &eventCounter();

struct SimOptions {
    quint64 seed = 1;
    bool postgres = false;   // the store: SQLite file (default, replays exactly) or PostgreSQL
    QString pgDsn;           // postgresql://user@host:port/db (an empty database for this run)
    bool printTrace = false;
    qint64 faultSeconds = 600; // workload and faults run this long; then heal and settle
};

struct Violation {
    QString invariant; // liveness | listed | terminal-final | history | disk | sweep | progress
    QString detail;
    qint64 atMs = 0;   // simulated ms since the start
};

class SimWorld final : public QObject {
    Q_OBJECT
public:
    explicit SimWorld(SimOptions options);
    ~SimWorld() override;

    // Plays the whole run; false when the set-up failed (error()).
    bool run();
    QString error() const { return m_error; }
    const QList<Violation> &violations() const { return m_violations; }
    const Trace &trace() const { return m_trace; }
    Trace &trace() { return m_trace; }
    QString summary() const;
    qint64 simulatedMs() const { return m_clock.nowMs() - m_origin; }
    qint64 livenessBoundMs() const;

private:
    struct Replica {
        int slot = 0;
        int generation = 0;
        QString name;
        std::unique_ptr<OffsetClock> clock; // the replica's skewed view of the simulated clock
        std::unique_ptr<SimBus> bus;
        std::unique_ptr<Engine> engine;
        QString connection;
        bool up = false;       // started and not stopped
        bool starting = false;
    };
    struct Worker {
        QString name;
        QString dir;
        QString vendor;
        std::unique_ptr<SimBus> bus;
        std::shared_ptr<SimJobRunner> runner;
        std::unique_ptr<WorkerAgent> agent;
        LinkSpeed link;
    };
    struct Backend {
        QString name;
        QString version;
        QString galleryFile;
        bool bad = false;      // sha256 mismatch or hostile: installs fail
    };

    // Set-up (sim_world.cpp).
    bool setup();
    bool writeArtifacts();
    bool seedStore();
    void startReplica(Replica &r);
    void killReplica(Replica &r);
    void stopReplica(Replica &r);
    // Destroys r's engine, bus and clock in that order, whatever starts while the engine dies.
    void dropEngine(Replica &r);
    void startWorker(Worker &w);
    void killWorker(Worker &w);
    void watch(Replica &r);
    Replica *liveReplica();
    // The event loop: runs every posted event, then moves the clock to the next timer.
    void drain();
    void runUntil(qint64 simMs);
    void note(QString line) { m_trace.event(line.replace(m_dir, QStringLiteral("$SIM"))); }
    void setSetting(const QString &key, const QJsonValue &value);

    // Workload and faults (sim_workload.cpp).
    void scheduleAction();
    void doAction();
    void adminAction(Replica &r);
    void nodeAction(Replica &r);
    void scheduleFault();
    void doFault();
    void heal();
    QStringList nodeNames() const;

    // Invariants (sim_checks.cpp).
    void onOpChanged(int slot, const Operation &op);
    void sampleStore();
    void checkQuiescence();
    void checkDisks(const QList<Operation> &ops);
    void violate(const QString &invariant, const QString &detail);
    QList<Operation> storeOps(bool withNodes);

    SimOptions m_options;
    QString m_error;
    ManualClock m_clock;
    std::vector<std::unique_ptr<OffsetClock>> m_oldClocks; // of replicas replaced since: see dropEngine
    qint64 m_origin = 0;
    Rng m_rng;
    Trace m_trace;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_dir;
    std::unique_ptr<SimNetwork> m_net;
    std::unique_ptr<SimStoreGate> m_gate;
    std::unique_ptr<SimBus> m_adminBus;
    std::unique_ptr<Store> m_admin; // the checker's own connection (main thread, no gate)
    QList<Backend> m_backends;
    QString m_galleryA;
    QString m_galleryB;
    std::vector<std::unique_ptr<Replica>> m_replicas;
    std::vector<std::unique_ptr<Worker>> m_workers;
    QHash<QString, qint64> m_settings; // integer settings as the run set them
    qint64 m_faultsEnd = 0;
    bool m_healed = false;
    QList<Violation> m_violations;
    QSet<QString> m_violationKeys;
    // Seen by the checks.
    QHash<QString, OpState> m_terminalInStore;       // op → its first terminal state in the store
    QHash<QString, OpState> m_terminalSeen;          // "slot|op" → first terminal state in memory
    QHash<QString, int> m_progressSeen;              // "slot|op" → highest aggregate progress
    QHash<QString, qint64> m_revisionSeen;           // "slot|op" → highest revision shown
    QHash<QString, int> m_rowProgress;               // "slot|op|node" → percentage in this attempt
    QHash<QString, qint64> m_firstSeen;              // op → simulated ms when a replica first showed it
    QHash<QString, qint64> m_rowSettledAt;           // "op|node id" → simulated ms when a replica first showed it terminal
    qint64 m_lastPassStart = 0; // start of the last reconcile pass that held the lock (sim ms)
    qint64 m_actions = 0;
    qint64 m_faults = 0;
};

} // namespace fleetdeck::sim
