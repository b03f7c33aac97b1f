#pragma once
// NodeSimulator: many simulated workers behind one NATS connection, for benchmarks.
//
// On the wire each simulated node behaves like `fleetdeck-worker` (docs/protocol.md#worker-messages,
// docs/worker.md, docs/nodes.md#registration): it registers with `nodes.register` (5 s timeout,
// retried), heartbeats on `nodes.<name>.heartbeat` at the interval of the register reply (or
// Options::heartbeatIntervalS), registers again on `nodes.<name>.reregister`, and answers
// `nodes.<name>.backend.install|upgrade|delete|list|cancel` in their normal reply shapes. Nothing
// touches a disk: an install or upgrade "downloads" for downloadMs, publishing progress on
// `nodes.<name>.backend.install.<opID>.progress` on receipt (0 %) and every tickIntervalMs after
// (phase "downloading", integer percentages rising to at most 99), then 100 % (phase "extracting")
// just before it replies success.
// Deliberate simplifications: no debounce (the tick interval is the publication interval), no
// per-backend lock and no pool limit (every request runs at once), no allow-lists.
//
// Threads: the simulator runs on a QThread of its own (bus handlers, timers, replies), so it
// neither loads nor waits on the caller's threads. Every public function is thread-safe.
// Connections use noEcho like a worker, so the simulator never receives its own publications.
//
// Usage (in-process):
//     bench::NodeSimulator sim;
//     bench::NodeSimulator::Options o; o.downloadMs = 2000; o.tickIntervalMs = 100;
//     if (const Status st = sim.start(natsUrl, names, o); !st) { ... st.error() ... }
//     sim.waitRegistered(60000);        // every name got a register reply
//     sim.setProgressHook([](const bench::ProgressStamp &s) { ... }); // each tick, after publish
//     ... sim.counters().installsAnswered ...
// Out of process: the `fleetdeck-nodesim` executable (nodesim_main.cpp) wraps the same class.
#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace fleetdeck::bench {

// One progress publication, stamped right after nats.c accepted it (publish() returned).
struct ProgressStamp {
    QString opId;
    QString node;        // node name (the subject token)
    int percentage = 0;  // the payload's percentage (integer-valued)
    bool final = false;  // the 100 % tick sent just before the reply
    qint64 wallMs = 0;   // milliseconds since the Unix epoch (QDateTime::currentMSecsSinceEpoch)
    qint64 steadyNs = 0; // std::chrono::steady_clock, nanoseconds since its epoch (same process only)
};

// NodeSimulator::Options.
struct NodeSimOptions {
    qint64 downloadMs = 1000;     // simulated download time of every install/upgrade
    qint64 tickIntervalMs = 250;  // progress publication interval; <= 0: only the 0 % and 100 % ticks
    qint64 deleteMs = 0;          // simulated delete time
    int heartbeatIntervalS = 0;   // 0: the interval of the register reply (default 10 s), like a worker
    // A worker sends its first heartbeat one interval after registering. Nodes registered together
    // would then heartbeat in bursts; true spreads node i's first one over [1, 2) intervals by i/N,
    // as the phases of a fleet started over time are spread. false: exactly like one worker.
    bool spreadHeartbeats = true;
    int registerConcurrency = 64; // registrations in flight at once (the rest wait their turn)
    QString registrationToken;    // nodes/registration_token when the replica requires one
    QString workerVersion = QStringLiteral("nodesim");
    qint64 totalBytes = 100 * 1024 * 1024; // reported total_bytes; current_bytes follows percentage
    bool keepStamps = true;       // keep the last ProgressStamp per (op, node) for lastStamp()
};

// NodeSimulator::Counters: totals since start().
struct NodeSimCounters {
    quint64 requestsAnswered = 0;  // every reply sent (install, upgrade, delete, list, cancel)
    quint64 installsAnswered = 0;  // install + upgrade replies (success or cancelled)
    quint64 deletesAnswered = 0;
    quint64 listsAnswered = 0;
    quint64 cancelsAnswered = 0;
    quint64 progressPublished = 0;
    quint64 heartbeatsSent = 0;
    quint64 registrations = 0;     // register replies received (including re-registrations)
    int openInstalls = 0;          // installs/upgrades received and not yet answered
    quint64 installBusyUs = 0;     // Σ (reply − request arrival) over answered installs/upgrades, µs
};

class NodeSimulator final {
public:
    using Options = NodeSimOptions;
    using Counters = NodeSimCounters;
    using ProgressHook = std::function<void(const ProgressStamp &)>;

    NodeSimulator();
    ~NodeSimulator(); // stop()
    NodeSimulator(const NodeSimulator &) = delete;
    NodeSimulator &operator=(const NodeSimulator &) = delete;

    // Connects to natsUrl (plain nats://, no auth), subscribes every node's commands, confirms the
    // subscriptions with a flush, then starts registering every name. Returns once the
    // subscriptions are confirmed (not once registered: see waitRegistered). Names must be valid
    // node names (docs/nodes.md#registration); duplicates are an error. Call once.
    Status start(const QString &natsUrl, const QStringList &nodeNames, const Options &options = {});
    // Stops heartbeats and timers and closes the connection; open installs get no reply. Idempotent.
    void stop();

    // Blocks up to timeoutMs for every node to have had one successful register reply.
    bool waitRegistered(qint64 timeoutMs);
    int registeredCount() const;
    int nodeCount() const;

    // Take effect for installs/upgrades received afterwards.
    void setDownloadMs(qint64 ms);
    void setTickIntervalMs(qint64 ms);

    Counters counters() const;
    quint64 requestsAnswered() const { return counters().requestsAnswered; }

    // The replica's turnaround as seen from the workers: each install/upgrade reply frees a slot of
    // the fan-out and the next request arriving (on any node) fills it; each value is
    // arrival − the oldest unpaired reply, µs, in arrival order (empty while every request came
    // with no reply before it). Meaningful while one op fans out. The list is then emptied.
    QList<qint64> takeSlotGapsUs();

    // Called on the simulator's thread for every progress publication, right after publish();
    // keep it short. Pass {} to remove. Safe to set at any time.
    void setProgressHook(ProgressHook hook);
    // The last publication of (opId, node), or wallMs == 0 when none (needs Options::keepStamps).
    ProgressStamp lastStamp(const QString &opId, const QString &node) const;
    // Every kept stamp (last per (op, node)); the map is then emptied.
    QList<ProgressStamp> takeStamps();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace fleetdeck::bench
