#pragma once
// The node agent of fleetdeck-worker (docs/nodes.md#registration, #heartbeats, docs/protocol.md,
// docs/worker.md): registers over nodes.register with backoff, heartbeats, serves nodes.<name>.>
// and runs install, upgrade and delete jobs.
//
// Threads: the agent lives on the worker's engine thread; every bus handler, timer and
// bookkeeping step runs there. list and cancel are answered there as they arrive. Jobs run on a
// pool of jobThreads (8) threads; a per-backend lock serialises the jobs of one backend, and a
// job waiting for a lock sits in a FIFO on the engine thread, holding no pool thread. A finished
// job flushes its progress publisher on its pool thread and then hops back here, where its reply
// is published, its locks released and the next startable waiting jobs launched.
#include "bus/bus.h"
#include "core/result.h"
#include "worker/backend_installer.h"
#include "worker/worker_agent_config.h"

#include <QHash>
#include <QObject>
#include <atomic>
#include <map>
#include <memory>

namespace fleetdeck {

class Clock;
class JobRunner;
class ResourcesProbe;
struct AgentJob;

class WorkerAgent final : public QObject {
    Q_OBJECT
public:
    WorkerAgent(WorkerAgentConfig config, Bus *bus, Clock *clock, QObject *parent = nullptr);
    // Cancels every job and waits for the pool (a stuck job blocks: call after finished()).
    ~WorkerAgent() override;

    // Canonicalises the backends directory (it does not chdir there), recovers
    // .staging, detects resources and starts registering. Errors (exit 2 in the binary) name the key.
    Status start();
    // Graceful shutdown (docs/worker.md#shutdown); finished() follows within
    // worker/shutdown_total_s.
    void shutdown();

    // Test hooks of the installer (A38 pauses); set before start().
    void setInstallerHooks(BackendInstaller::PointHook point, ArchiveExtractor::EntryHook afterEntry);

    QString name() const { return m_config.name; }
    QString subjectToken() const { return m_token; }          // the sanitised name
    QString commandSubject() const;                            // nodes.<token>.>
    QString backendsDir() const { return m_config.backendsDir; } // canonical after start()
    QString nodeId() const { return m_nodeId; }
    QString nodeStatus() const { return m_nodeStatus; }
    bool isRegistered() const { return !m_nodeId.isEmpty(); }
    int registrationAttempts() const { return m_attempts; }
    int heartbeatIntervalS() const { return m_heartbeatIntervalS; }
    bool isShuttingDown() const { return m_shutdown != ShutdownState::None; }
    int jobCount() const { return int(m_jobs.size()); }
    int runningJobCount() const;
    // Tombstoned op ids still in force (docs/worker.md#cancel).
    int tombstoneCount();
    // Artifact bytes received by downloads since start (any thread; docs/metrics.md).
    qint64 bytesDownloaded() const { return m_bytesDownloaded.load(std::memory_order_relaxed); }

Q_SIGNALS:
    void registrationAttempted(int attempt);
    void registered(const QString &nodeId, const QString &status);
    // Exit codes: 3 "invalid registration token", 2 any other registration error reply.
    void fatal(int code, const QString &message);
    void finished();
    // A job replied: kind install|upgrade|delete, outcome success|failed|cancelled (docs/metrics.md).
    void jobFinished(const QString &kind, const QString &outcome);

private:
    enum class ShutdownState { None, Draining, Stopped };
    enum class JobKind { Install, Upgrade, Delete };

    // Registration and heartbeats (worker_registration.cpp).
    void startRegistration();
    void attemptRegistration();
    void onRegisterResult(const RequestResult &result);
    void retryRegistrationLater(const QString &why);
    void subscribeCommands();
    void scheduleHeartbeat();
    void sendHeartbeat(const QString &state);
    QString heartbeatState() const;
    QJsonObject resources(); // the probe's snapshot, or the configured fixed resources

    // Dispatch (worker_agent.cpp).
    void onMessage(const BusMessage &msg);
    void dispatch(const BusMessage &msg, const QString &command);
    void reply(const QString &replyTo, const QByteArray &payload);

    // Handlers and jobs (worker_handlers.cpp, worker_jobs.cpp).
    void handleInstall(const BusMessage &msg, JobKind kind);
    void handleDelete(const BusMessage &msg);
    void handleList(const BusMessage &msg);
    void handleCancel(const BusMessage &msg);
    bool refuseEarly(const BusMessage &msg, const QString &opId);
    // A decoded command that may run: a malformed one is answered with its error, and refuseEarly's
    // refusals are answered too (false).
    template <class Request>
    bool accepted(const BusMessage &msg, const Result<Request> &req);
    void enqueue(std::unique_ptr<AgentJob> job);
    void schedule();
    void launch(AgentJob *job);
    void finishJob(quint64 seq, const JobResult &result);
    void cancelAllJobs();
    bool isTombstoned(const QString &opId);

    // Shutdown (worker_agent.cpp).
    void pollShutdown();
    void stopNow();

    WorkerAgentConfig m_config;
    Bus *m_bus;
    Clock *m_clock;
    QString m_token;
    QString m_prefix; // nodes.<token>.
    std::unique_ptr<BackendInstaller> m_installer;
    std::unique_ptr<ResourcesProbe> m_probe;
    BackendInstaller::PointHook m_pointHook;
    ArchiveExtractor::EntryHook m_entryHook;
    bool m_started = false;

    // Registration.
    QString m_nodeId;
    QString m_nodeStatus;
    bool m_registering = false;
    int m_attempts = 0;
    int m_backoffS = 2;
    quint64 m_registerTimer = 0;
    SubscriptionId m_subscription = 0;
    int m_heartbeatIntervalS = 0;
    quint64 m_heartbeatTimer = 0;

    // Jobs: every job (running or waiting) by sequence number; the waiting ones in arrival order.
    std::map<quint64, std::unique_ptr<AgentJob>> m_jobs;
    QList<quint64> m_waiting;
    QHash<QString, quint64> m_locks; // backend → job holding it
    quint64 m_nextSeq = 1;
    std::shared_ptr<JobRunner> m_runner; // the job threads (job_runner.h)
    QHash<QString, qint64> m_tombstones; // op id → expiry (ms)
    std::atomic<qint64> m_bytesDownloaded{0}; // added to by the job threads

    // Shutdown.
    ShutdownState m_shutdown = ShutdownState::None;
    qint64 m_shutdownStartedAt = 0;
    bool m_cancelledRest = false;
    quint64 m_shutdownPoll = 0;
    quint64 m_shutdownDeadline = 0;
};

} // namespace fleetdeck
