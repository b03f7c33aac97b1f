#pragma once
// Value types shared by the worker's install machinery (docs/protocol.md#worker-messages,
// docs/worker.md): job results in the reply shape, progress ticks, and the per-job cancel/commit
// control.
#include "core/reason.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QString>
#include <atomic>
#include <functional>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcWorker)

namespace fleetdeck {

// The `installed` object of an install/upgrade reply (docs/protocol.md#worker-messages).
struct InstalledInfo {
    QString version;
    QString digest;      // "sha256:<hex>"
    QString installedAt; // RFC 3339 UTC with milliseconds
};

// Outcome of one install, upgrade or delete run, in the reply shape of
// docs/protocol.md#worker-messages.
struct JobResult {
    bool success = false;
    bool cancelled = false;
    QString error;
    Reason errorCode; // error's code and args (docs/reason-codes.md); none for a text alone
    std::optional<InstalledInfo> installed; // install/upgrade success only

    static JobResult ok(std::optional<InstalledInfo> installed = std::nullopt);
    static JobResult failure(QString error);
    static JobResult failure(const Reason &error);
    static JobResult cancelledByRequest();
    // {"success":true[,"installed":{…}]} / {"success":false,"error":…[,"error_code":…,"error_args":{…}]} /
    // {"success":false,"cancelled":true,"error":"cancelled by request","error_code":"cancelled_by_request",…}
    QJsonObject toJson() const;
};

// One progress observation of a run (the progress payload of docs/protocol.md#worker-messages
// without the ids).
struct ProgressTick {
    QString phase; // resolving | downloading | verifying | extracting
    double percentage = 0;
    qint64 currentBytes = 0;
    qint64 totalBytes = 0; // 0 = unknown
    QString fileName;
};
using ProgressFn = std::function<void(const ProgressTick &)>;

// Shared between a running job and the cancel handler (docs/worker.md#cancel). Once the commit has
// begun a cancel is "too late" and the job completes normally; a cancel that wins stops the job.
class JobControl final {
public:
    enum class CancelOutcome { Cancelled, TooLate };

    // Sets the abort flag unless the commit already began (then TooLate; the flag stays clear).
    CancelOutcome requestCancel();
    // Called by the job right before its commit; false when a cancel already won.
    bool beginCommit();
    bool isCancelled() const { return m_abort.load(std::memory_order_acquire); }
    bool commitBegun() const { return m_commit.load(std::memory_order_acquire); }
    // The flag the fetcher and extractor poll.
    const std::atomic<bool> *abortFlag() const { return &m_abort; }

private:
    QMutex m_mutex;
    std::atomic<bool> m_abort{false};
    std::atomic<bool> m_commit{false};
};

// The failed and the cancelled outcome of a worker step whose result has an `error` text, its
// `errorCode` and a `cancelled` flag (FetchResult, ExtractResult).
template <class StepResult>
StepResult failedStep(const Reason &error)
{
    StepResult r;
    r.error = englishText(error);
    r.errorCode = withCode(error);
    return r;
}

template <class StepResult>
StepResult cancelledStep()
{
    StepResult r = failedStep<StepResult>(Reason::make("cancelled_by_request"));
    r.cancelled = true;
    return r;
}

} // namespace fleetdeck
