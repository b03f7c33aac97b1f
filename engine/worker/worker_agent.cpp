#include "worker/worker_agent.h"

#include "bus/subjects.h"
#include "core/clock.h"
#include "wire/worker_messages.h"
#include "worker/agent_job.h"
#include "worker/job_runner.h"
#include "worker/resources_probe.h"

#include <QDir>
#include <QFileInfo>

#include <exception>

namespace fleetdeck {

WorkerAgent::WorkerAgent(WorkerAgentConfig config, Bus *bus, Clock *clock, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_bus(bus), m_clock(clock)
{
    m_token = subjects::sanitizeToken(m_config.name);
    m_prefix = QStringLiteral("nodes.") + m_token + QLatin1Char('.');
    m_runner = m_config.jobRunner ? m_config.jobRunner : std::make_shared<PoolJobRunner>(m_config.jobThreads);
    m_backoffS = qMax(1, m_config.registerBackoffInitialS);
}

WorkerAgent::~WorkerAgent()
{
    m_clock->cancel(m_registerTimer);
    m_clock->cancel(m_heartbeatTimer);
    m_clock->cancel(m_shutdownPoll);
    m_clock->cancel(m_shutdownDeadline);
    if (m_subscription)
        m_bus->unsubscribe(m_subscription);
    for (auto &[seq, job] : m_jobs)
        job->control->requestCancel();
    m_runner->waitForDone();
}

void WorkerAgent::setInstallerHooks(BackendInstaller::PointHook point, ArchiveExtractor::EntryHook afterEntry)
{
    m_pointHook = std::move(point);
    m_entryHook = std::move(afterEntry);
    if (m_installer) {
        m_installer->setPointHook(m_pointHook);
        m_installer->setAfterEntryHook(m_entryHook);
    }
}

QJsonObject WorkerAgent::resources()
{
    return m_config.fixedResources.isEmpty() ? m_probe->snapshot() : m_config.fixedResources;
}

QString WorkerAgent::commandSubject() const
{
    return m_prefix + QLatin1Char('>');
}

int WorkerAgent::runningJobCount() const
{
    int n = 0;
    for (const auto &[seq, job] : m_jobs)
        n += job->running ? 1 : 0;
    return n;
}

Status WorkerAgent::start()
{
    if (m_started)
        return okStatus();
    if (m_token.isEmpty())
        return Status::failure(QStringLiteral("worker/name: a node name is required (--name)"));
    if (m_config.backendsDir.isEmpty())
        return Status::failure(QStringLiteral("worker/backends_dir: a backends directory is required (--backends-dir)"));
    if (!QDir().mkpath(m_config.backendsDir))
        return Status::failure(QStringLiteral("worker/backends_dir: cannot create \"%1\"").arg(m_config.backendsDir));
    const QString canonical = QFileInfo(m_config.backendsDir).canonicalFilePath();
    if (canonical.isEmpty() || !QFileInfo(canonical).isDir() || !QFileInfo(canonical).isWritable())
        return Status::failure(QStringLiteral("worker/backends_dir: \"%1\" is not a writable directory").arg(m_config.backendsDir));
    // No chdir: the extractor writes below the canonical directory by absolute paths, so several
    // in-process workers (the demo) can run side by side.
    m_config.backendsDir = canonical;

    InstallerConfig ic;
    ic.backendsDir = canonical;
    ic.systemBackendsDir = m_config.systemBackendsDir;
    ic.allowedGalleryPrefixes = m_config.allowGallery;
    ic.fetch = m_config.fetch;
    ic.fetch.allowedFileRoots = m_config.allowFileRoot;
    m_installer = std::make_unique<BackendInstaller>(ic, m_clock);
    m_installer->setPointHook(m_pointHook);
    m_installer->setAfterEntryHook(m_entryHook);
    m_installer->recover();

    ResourcesProbe::Options po;
    po.gpuVendorOverride = m_config.gpuVendor;
    po.diskPath = canonical;
    po.nvidiaSmi = m_config.nvidiaSmi;
    m_probe = std::make_unique<ResourcesProbe>(po, m_clock);
    qCInfo(lcWorker, "worker %s: backends in %s, gpu %s (%d), subjects %s", qUtf8Printable(m_config.name),
           qUtf8Printable(canonical), qUtf8Printable(m_probe->gpu().vendor), m_probe->gpu().gpus,
           qUtf8Printable(commandSubject()));
    m_started = true;
    startRegistration();
    return okStatus();
}

void WorkerAgent::reply(const QString &replyTo, const QByteArray &payload)
{
    if (replyTo.isEmpty())
        return;
    if (const Status st = m_bus->publish(replyTo, payload); !st)
        qCWarning(lcWorker, "cannot reply on %s: %s", qUtf8Printable(replyTo), qUtf8Printable(st.error()));
}

void WorkerAgent::onMessage(const BusMessage &msg)
{
    if (!msg.subject.startsWith(m_prefix))
        return;
    const QString command = msg.subject.mid(m_prefix.size());
    if (command == QLatin1String("reregister")) {
        qCInfo(lcWorker, "re-registration requested");
        startRegistration();
        return;
    }
    if (msg.replyTo.isEmpty()) {
        // Own heartbeats and progress come back on an in-process bus (NATS runs without echo).
        if (command != QLatin1String("heartbeat") && !command.endsWith(QLatin1String(".progress")))
            qCInfo(lcWorker, "ignored message without reply subject on %s", qUtf8Printable(msg.subject));
        return;
    }
    // No input may crash the worker: an escaping exception becomes the request's error reply.
    const bool isList = command == QLatin1String("backend.list");
    auto internalError = [&](const QString &detail) {
        const Reason error = Reason::make("internal_error", {{"detail", detail}});
        qCWarning(lcWorker, "%s on %s", qUtf8Printable(englishText(error)), qUtf8Printable(msg.subject));
        reply(msg.replyTo, isList ? wire::listError(englishText(error)) : wire::commandError(error));
    };
    try {
        dispatch(msg, command);
    } catch (const std::exception &e) {
        internalError(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        internalError(QStringLiteral("unknown exception"));
    }
}

void WorkerAgent::dispatch(const BusMessage &msg, const QString &command)
{
    if (command == QLatin1String("backend.install"))
        handleInstall(msg, JobKind::Install);
    else if (command == QLatin1String("backend.upgrade"))
        handleInstall(msg, JobKind::Upgrade);
    else if (command == QLatin1String("backend.delete"))
        handleDelete(msg);
    else if (command == QLatin1String("backend.list"))
        handleList(msg);
    else if (command == QLatin1String("backend.cancel"))
        handleCancel(msg);
    else
        reply(msg.replyTo, wire::commandError(QStringLiteral("unsupported subject ") + msg.subject));
}

// docs/worker.md#shutdown: draining heartbeat, refuse new commands, wait ≤ shutdown_wait_s for the
// jobs (polling every second), cancel the rest, stopped heartbeat, flush, finished() — within
// shutdown_total_s.
void WorkerAgent::shutdown()
{
    if (m_shutdown != ShutdownState::None)
        return;
    m_shutdown = ShutdownState::Draining;
    m_shutdownStartedAt = m_clock->nowMs();
    m_clock->cancel(m_registerTimer);
    m_registerTimer = 0;
    qCInfo(lcWorker, "shutting down: %d job(s) running or waiting", jobCount());
    sendHeartbeat(QStringLiteral("draining"));
    if (m_heartbeatTimer)
        scheduleHeartbeat(); // keeps the draining node fresh while jobs finish
    // Leave time for the stopped heartbeat and the flush inside the overall limit.
    const qint64 totalMs = qint64(m_config.shutdownTotalS) * 1000;
    m_shutdownDeadline = m_clock->callAfter(qMax<qint64>(0, totalMs - totalMs / 10), this, [this]() {
        m_shutdownDeadline = 0;
        if (m_shutdown != ShutdownState::Draining)
            return;
        qCWarning(lcWorker, "shutdown limit reached with %d job(s) still running", runningJobCount());
        stopNow();
    });
    pollShutdown();
}

void WorkerAgent::pollShutdown()
{
    m_shutdownPoll = 0;
    if (m_shutdown != ShutdownState::Draining)
        return;
    if (m_jobs.empty()) {
        stopNow();
        return;
    }
    if (!m_cancelledRest && m_clock->nowMs() - m_shutdownStartedAt >= qint64(m_config.shutdownWaitS) * 1000) {
        m_cancelledRest = true;
        qCInfo(lcWorker, "shutdown: cancelling %d job(s)", jobCount());
        cancelAllJobs();
        if (m_jobs.empty()) {
            stopNow();
            return;
        }
    }
    m_shutdownPoll = m_clock->callAfter(1000, this, [this]() { pollShutdown(); });
}

void WorkerAgent::stopNow()
{
    if (m_shutdown == ShutdownState::Stopped)
        return;
    m_shutdown = ShutdownState::Stopped;
    m_clock->cancel(m_shutdownPoll);
    m_clock->cancel(m_shutdownDeadline);
    m_clock->cancel(m_heartbeatTimer);
    m_shutdownPoll = m_shutdownDeadline = m_heartbeatTimer = 0;
    sendHeartbeat(QStringLiteral("stopped"));
    if (m_subscription) {
        m_bus->unsubscribe(m_subscription);
        m_subscription = 0;
    }
    m_bus->flush(5000, this, [this](bool ok, const QString &error) {
        if (!ok)
            qCWarning(lcWorker, "final flush failed: %s", qUtf8Printable(error));
        qCInfo(lcWorker, "stopped");
        Q_EMIT finished();
    });
}

} // namespace fleetdeck
