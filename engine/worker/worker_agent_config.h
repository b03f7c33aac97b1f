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

// The worker/* options as loaded (WorkerOptions: the one definition of every flag and key), plus
// what only a running agent needs.
struct WorkerAgentConfig : WorkerOptions {
    QString registrationToken;        // contents of registrationTokenFile; empty = none
    int jobThreads = 8;               // pool size (docs/worker.md#start-and-concurrency)
    std::shared_ptr<JobRunner> jobRunner; // null: a pool of jobThreads threads (the simulator's seam)
    QJsonObject fixedResources;       // non-empty: reported instead of probing the host (the simulator's seam)
    FetchOptions fetch;               // timeouts and caps of downloads (allowedFileRoots is set from allowFileRoot)
    QString nvidiaSmi = QStringLiteral("nvidia-smi"); // VRAM probe; empty = none (demo nodes)
    QString workerVersion = QStringLiteral(FLEETDECK_VERSION);

    // From a loaded ProcessConfig; the token is the registration token file's content.
    static WorkerAgentConfig fromOptions(const WorkerOptions &options, const QString &registrationToken)
    {
        WorkerAgentConfig c;
        static_cast<WorkerOptions &>(c) = options;
        c.registrationToken = registrationToken;
        return c;
    }
};

} // namespace fleetdeck
