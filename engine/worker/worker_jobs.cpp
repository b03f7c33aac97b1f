// WorkerAgent: the job queue (the threads of docs/worker.md#start-and-concurrency). Locks, the
// waiting FIFO and every job's bookkeeping live on the engine thread; only the install/delete run
// itself goes to the pool.
#include "worker/worker_agent.h"

#include "core/clock.h"
#include "worker/agent_job.h"
#include "worker/job_runner.h"

#include <QJsonDocument>
#include <QSet>

#include <exception>

namespace fleetdeck {

void WorkerAgent::enqueue(std::unique_ptr<AgentJob> job)
{
    job->seq = m_nextSeq++;
    qCInfo(lcWorker, "%s of %s queued (op %s)", qUtf8Printable(job->kind), qUtf8Printable(job->backend),
           qUtf8Printable(job->opId.isEmpty() ? QStringLiteral("-") : job->opId));
    m_waiting.append(job->seq);
    m_jobs.emplace(job->seq, std::move(job));
    schedule();
}

// Starts, in arrival order, every waiting job whose locks are all free. A job that cannot start
// reserves its locks for the rest of the scan, so a later job of the same backend never
// overtakes it (FIFO per backend); jobs of other backends go ahead.
void WorkerAgent::schedule()
{
    QSet<QString> reserved;
    QList<AgentJob *> startable;
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        AgentJob *job = m_jobs.at(*it).get();
        bool free = true;
        for (const QString &lock : std::as_const(job->locks))
            free = free && !m_locks.contains(lock) && !reserved.contains(lock);
        if (!free) {
            for (const QString &lock : std::as_const(job->locks))
                reserved.insert(lock);
            ++it;
            continue;
        }
        it = m_waiting.erase(it);
        if (!job->control->isCancelled()) {
            for (const QString &lock : std::as_const(job->locks))
                m_locks.insert(lock, job->seq);
        }
        startable.append(job);
    }
    for (AgentJob *job : std::as_const(startable))
        launch(job);
}

void WorkerAgent::launch(AgentJob *job)
{
    if (job->control->isCancelled()) {
        // Cancelled while it waited: it aborts when it would start (docs/worker.md#cancel).
        finishJob(job->seq, JobResult::cancelledByRequest());
        return;
    }
    job->running = true;
    const bool isDelete = job->kind == QLatin1String("delete");
    job->progress->set(isDelete ? QStringLiteral("deleting") : QStringLiteral("resolving"), 0);
    const BackendInstaller *installer = m_installer.get();
    m_runner->start([this, installer, isDelete, seq = job->seq, backend = job->backend, req = job->install,
                  control = job->control, progress = job->progress, publisher = job->publisher]() {
        JobResult result;
        try {
            if (isDelete) {
                result = installer->remove(backend, *control);
            } else {
                qint64 counted = 0; // bytes of this download already added to m_bytesDownloaded
                result = installer->install(req, *control, [&](const ProgressTick &t) {
                    if (t.phase == QLatin1String("downloading") && t.currentBytes > counted) {
                        m_bytesDownloaded.fetch_add(t.currentBytes - counted, std::memory_order_relaxed);
                        counted = t.currentBytes;
                    }
                    progress->set(t.phase, t.percentage);
                    if (publisher)
                        publisher->tick(t);
                });
            }
        } catch (const std::exception &e) {
            result = JobResult::failure(Reason::make("internal_error", {{"detail", QString::fromLocal8Bit(e.what())}}));
        } catch (...) {
            result = JobResult::failure(Reason::make("internal_error", {{"detail", QStringLiteral("unknown exception")}}));
        }
        // The last percentage goes out before the reply, on every exit path
        // (docs/protocol.md#progress-debounce-and-coalescing).
        if (publisher)
            publisher->flush();
        QMetaObject::invokeMethod(this, [this, seq, result]() { finishJob(seq, result); }, Qt::QueuedConnection);
    });
}

void WorkerAgent::finishJob(quint64 seq, const JobResult &result)
{
    const auto it = m_jobs.find(seq);
    if (it == m_jobs.end())
        return;
    AgentJob *job = it->second.get();
    if (result.success)
        qCInfo(lcWorker, "%s of %s done (op %s)", qUtf8Printable(job->kind), qUtf8Printable(job->backend),
               qUtf8Printable(job->opId.isEmpty() ? QStringLiteral("-") : job->opId));
    else
        qCWarning(lcWorker, "%s of %s failed (op %s): %s", qUtf8Printable(job->kind), qUtf8Printable(job->backend),
                  qUtf8Printable(job->opId.isEmpty() ? QStringLiteral("-") : job->opId), qUtf8Printable(result.error));
    reply(job->replyTo, QJsonDocument(result.toJson()).toJson(QJsonDocument::Compact));
    Q_EMIT jobFinished(job->kind, result.success ? QStringLiteral("success")
                                  : result.cancelled ? QStringLiteral("cancelled")
                                                     : QStringLiteral("failed"));
    for (const QString &lock : std::as_const(job->locks)) {
        if (m_locks.value(lock) == seq)
            m_locks.remove(lock);
    }
    m_waiting.removeAll(seq);
    m_jobs.erase(it);
    schedule();
    if (m_shutdown == ShutdownState::Draining && m_jobs.empty())
        stopNow();
}

void WorkerAgent::cancelAllJobs()
{
    for (const auto &[seq, job] : m_jobs)
        job->control->requestCancel();
}

} // namespace fleetdeck
