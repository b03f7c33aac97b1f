// WorkerAgent: the command handlers of nodes.<name>.backend.* (docs/protocol.md#worker-messages,
// docs/worker.md). Every payload is validated first (docs/protocol.md#rules) and answered in its
// request's reply shape.
#include "worker/worker_agent.h"

#include "bus/subjects.h"
#include "core/clock.h"
#include "core/json_reader.h"
#include "wire/worker_messages.h"
#include "worker/agent_job.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace fleetdeck {

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The allow-lists of docs/protocol.md#transport-security, before any work.
Status checkAllowLists(const wire::InstallRequest &req, const WorkerAgentConfig &config)
{
    if (const Status st = checkAllowedGalleries(req.galleries, req.entry, config.allowGallery); !st)
        return st;
    const QUrl uri(req.entry.value(QStringLiteral("uri")).toString());
    if (uri.scheme().toLower() == QLatin1String("file"))
        return ArtifactFetcher::checkFileRoot(uri.toLocalFile(), config.allowFileRoot);
    return okStatus();
}

} // namespace

bool WorkerAgent::isTombstoned(const QString &opId)
{
    const qint64 now = m_clock->nowMs();
    for (auto it = m_tombstones.begin(); it != m_tombstones.end();) {
        if (it.value() <= now)
            it = m_tombstones.erase(it);
        else
            ++it;
    }
    return !opId.isEmpty() && m_tombstones.contains(opId);
}

int WorkerAgent::tombstoneCount()
{
    isTombstoned(QString());
    return int(m_tombstones.size());
}

template <class Request>
bool WorkerAgent::accepted(const BusMessage &msg, const Result<Request> &req)
{
    if (!req) {
        qCInfo(lcWorker, "refused %s: %s", qUtf8Printable(msg.subject), qUtf8Printable(req.error()));
        reply(msg.replyTo, wire::commandError(req.error()));
        return false;
    }
    return !refuseEarly(msg, req->opId);
}

// Shutting down, or a command whose op id was cancelled before it arrived: answered at once.
bool WorkerAgent::refuseEarly(const BusMessage &msg, const QString &opId)
{
    if (m_shutdown != ShutdownState::None) {
        reply(msg.replyTo, wire::commandError(Reason::make("node_shutting_down")));
        return true;
    }
    if (isTombstoned(opId)) {
        qCInfo(lcWorker, "op %s was cancelled before it arrived", qUtf8Printable(opId));
        reply(msg.replyTo, compact(JobResult::cancelledByRequest().toJson()));
        return true;
    }
    return false;
}

void WorkerAgent::handleInstall(const BusMessage &msg, JobKind kind)
{
    const Result<wire::InstallRequest> req = wire::decodeInstallRequest(msg.data, m_config.maxPayloadBytes);
    if (!accepted(msg, req))
        return;
    if (const Status st = checkAllowLists(*req, m_config); !st) {
        qCWarning(lcWorker, "refused %s of %s: %s", kind == JobKind::Upgrade ? "upgrade" : "install",
                  qUtf8Printable(req->backend), qUtf8Printable(st.error()));
        reply(msg.replyTo, wire::commandError(st.errorReason()));
        return;
    }
    auto job = std::make_unique<AgentJob>();
    job->kind = kind == JobKind::Upgrade ? QStringLiteral("upgrade") : QStringLiteral("install");
    job->backend = req->backend;
    const QString entryName = req->entry.value(QStringLiteral("name")).toString();
    job->locks = QStringList{entryName};
    if (req->backend != entryName)
        job->locks << req->backend; // a meta: the concrete backend's lock, then the meta's (docs/worker.md#start-and-concurrency)
    job->opId = req->opId;
    job->replyTo = msg.replyTo;
    job->install = InstallRequest{req->backend, req->galleries, req->entry, kind == JobKind::Upgrade || req->force, req->opId};
    const QString progressSubject = req->opId.isEmpty() ? QString() : subjects::nodeProgress(m_config.name, req->opId);
    job->publisher = ProgressPublisher::forOp(
        m_clock, this, ProgressPublisher::Ids{req->opId, m_nodeId, req->backend},
        [bus = m_bus, progressSubject](const QByteArray &payload) {
            if (const Status st = bus->publish(progressSubject, payload); !st)
                qCWarning(lcWorker, "progress not sent: %s", qUtf8Printable(st.error()));
        },
        m_config.progressDebounceMs);
    enqueue(std::move(job));
}

void WorkerAgent::handleDelete(const BusMessage &msg)
{
    const Result<wire::DeleteRequest> req = wire::decodeDeleteRequest(msg.data, m_config.maxPayloadBytes);
    if (!accepted(msg, req))
        return;
    auto job = std::make_unique<AgentJob>();
    job->kind = QStringLiteral("delete");
    job->backend = req->backend;
    job->locks = QStringList{req->backend};
    job->opId = req->opId;
    job->replyTo = msg.replyTo;
    enqueue(std::move(job));
}

// Answered at once on the engine thread, never behind jobs; reads committed directories only.
void WorkerAgent::handleList(const BusMessage &msg)
{
    if (!msg.data.isEmpty()) {
        QString error;
        if (!parseJsonObject(msg.data, m_config.maxPayloadBytes, &error)) {
            reply(msg.replyTo, wire::listError(error));
            return;
        }
    }
    QJsonArray jobs;
    for (const auto &[seq, job] : m_jobs) {
        const auto [phase, percentage] = job->progress->get();
        jobs.append(QJsonObject{{QStringLiteral("backend"), job->backend},
                                {QStringLiteral("op_id"), job->opId},
                                {QStringLiteral("kind"), job->kind},
                                {QStringLiteral("phase"), phase},
                                {QStringLiteral("percentage"), percentage}});
    }
    reply(msg.replyTo, compact(QJsonObject{{QStringLiteral("backends"), m_installer->list()}, {QStringLiteral("jobs"), jobs}}));
}

// docs/worker.md#cancel: a running job gets its abort flag (too late once its commit began); a
// waiting one aborts when it would start; an unknown op id is tombstoned so a later command with it
// is cancelled.
void WorkerAgent::handleCancel(const BusMessage &msg)
{
    const Result<wire::CancelRequest> req = wire::decodeCancelRequest(msg.data, m_config.maxPayloadBytes);
    if (!req) {
        reply(msg.replyTo, wire::commandError(req.error()));
        return;
    }
    wire::CancelReply out;
    out.success = true;
    if (!req->opId.isEmpty()) {
        for (const auto &[seq, job] : m_jobs) {
            if (job->opId != req->opId)
                continue;
            out.found = true;
            if (job->control->requestCancel() == JobControl::CancelOutcome::TooLate)
                out.tooLate = true;
        }
        if (!out.found) {
            isTombstoned(QString()); // prune
            m_tombstones.insert(req->opId, m_clock->nowMs() + qint64(m_config.cancelTombstoneS) * 1000);
        }
    }
    qCInfo(lcWorker, "cancel of op %s: found %d, too late %d", qUtf8Printable(req->opId), out.found, out.tooLate);
    reply(msg.replyTo, wire::encode(out));
}

} // namespace fleetdeck
