#pragma once
// What a WorkerAgent is told at start (worker flags: docs/architecture.md#configuration; worker/*
// constants: docs/architecture.md#settings).
#include "config/process_config.h"
#include "worker/artifact_fetcher.h"

#include <QJsonObject>
#include <QMap>
#include <memory>
#include <QString>
#include <QStringList>

namespace fleetdeck {

class JobRunner;

struct WorkerAgentConfig {
    QString name;                     // --name: the node name (subjects carry it sanitised, docs/protocol.md#rules)
    QString backendsDir;              // --backends-dir: canonicalised at start
    QMap<QString, QString> labels;    // --label k=v
    QString gpuVendor;                // --gpu-vendor; empty = detect (docs/worker.md#start-and-concurrency)
    QStringList allowGallery;         // --allow-gallery URL prefixes (docs/protocol.md#transport-security)
    QStringList allowFileRoots;       // --allow-file-root directories (docs/protocol.md#transport-security)
    QString registrationToken;        // contents of --registration-token-file; empty = none
    int heartbeatIntervalS = 0;       // --heartbeat-interval; 0 = the registration reply's value
    QString systemBackendsDir;        // worker/system_backends_dir (read-only, listed is_system)
    int registerTimeoutS = 5;         // worker/register_timeout_s
    int registerBackoffInitialS = 2;  // worker/register_backoff_initial_s
    int registerBackoffCapS = 30;     // worker/register_backoff_cap_s
    int progressDebounceMs = 250;     // worker/progress_debounce_ms
    int shutdownWaitS = 30;           // worker/shutdown_wait_s
    int shutdownTotalS = 60;          // worker/shutdown_total_s
    int cancelTombstoneS = 600;       // worker/cancel_tombstone_s
    qint64 maxPayloadBytes = 1048576; // worker/max_payload_bytes
    int jobThreads = 8;               // pool size (docs/worker.md#start-and-concurrency)
    std::shared_ptr<JobRunner> jobRunner; // null: a pool of jobThreads threads (the simulator's seam)
    QJsonObject fixedResources;       // non-empty: reported instead of probing the host (the simulator's seam)
    FetchOptions fetch;               // timeouts and caps of downloads (allowedFileRoots is set from allowFileRoots)
    QString nvidiaSmi = QStringLiteral("nvidia-smi"); // VRAM probe; empty = none (demo nodes)
    QString workerVersion = QStringLiteral(FLEETDECK_VERSION);

    // From a loaded ProcessConfig; the token is the registration token file's content.
    static WorkerAgentConfig fromOptions(const WorkerOptions &options, const QString &registrationToken)
    {
        WorkerAgentConfig c;
        c.name = options.name;
        c.backendsDir = options.backendsDir;
        c.labels = options.labels;
        c.gpuVendor = options.gpuVendor;
        c.allowGallery = options.allowGallery;
        c.allowFileRoots = options.allowFileRoot;
        c.registrationToken = registrationToken;
        c.heartbeatIntervalS = options.heartbeatIntervalS;
        c.systemBackendsDir = options.systemBackendsDir;
        c.registerTimeoutS = options.registerTimeoutS;
        c.registerBackoffInitialS = options.registerBackoffInitialS;
        c.registerBackoffCapS = options.registerBackoffCapS;
        c.progressDebounceMs = options.progressDebounceMs;
        c.shutdownWaitS = options.shutdownWaitS;
        c.shutdownTotalS = options.shutdownTotalS;
        c.cancelTombstoneS = options.cancelTombstoneS;
        c.maxPayloadBytes = options.maxPayloadBytes;
        return c;
    }
};

} // namespace fleetdeck
