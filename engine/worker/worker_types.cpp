#include "worker/worker_types.h"

Q_LOGGING_CATEGORY(lcWorker, "fleetdeck.engine.worker")

namespace fleetdeck {

JobResult JobResult::ok(std::optional<InstalledInfo> installed)
{
    JobResult r;
    r.success = true;
    r.installed = std::move(installed);
    return r;
}

JobResult JobResult::failure(QString error)
{
    JobResult r;
    r.error = std::move(error);
    return r;
}

JobResult JobResult::failure(const Reason &error)
{
    JobResult r;
    r.error = englishText(error);
    r.errorCode = withCode(error);
    return r;
}

JobResult JobResult::cancelledByRequest()
{
    JobResult r = failure(Reason::make("cancelled_by_request"));
    r.cancelled = true;
    return r;
}

QJsonObject JobResult::toJson() const
{
    QJsonObject o{{QStringLiteral("success"), success}};
    if (success) {
        if (installed) {
            o.insert(QStringLiteral("installed"),
                     QJsonObject{{QStringLiteral("version"), installed->version},
                                 {QStringLiteral("digest"), installed->digest},
                                 {QStringLiteral("installed_at"), installed->installedAt}});
        }
        return o;
    }
    if (cancelled)
        o.insert(QStringLiteral("cancelled"), true);
    o.insert(QStringLiteral("error"), error);
    insertReason(o, QLatin1StringView("error"), errorCode);
    return o;
}

JobControl::CancelOutcome JobControl::requestCancel()
{
    QMutexLocker lock(&m_mutex);
    if (m_commit.load(std::memory_order_acquire))
        return CancelOutcome::TooLate;
    m_abort.store(true, std::memory_order_release);
    return CancelOutcome::Cancelled;
}

bool JobControl::beginCommit()
{
    QMutexLocker lock(&m_mutex);
    if (m_abort.load(std::memory_order_acquire))
        return false;
    m_commit.store(true, std::memory_order_release);
    return true;
}

} // namespace fleetdeck
