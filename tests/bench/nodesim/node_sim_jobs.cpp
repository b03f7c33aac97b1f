// NodeSimulator: the commands of nodes.<name>.backend.* (docs/protocol.md#worker-messages) answered
// as fleetdeck-worker answers them (docs/worker.md), with simulated downloads and progress ticks on
// nodes.<name>.backend.install.<opID>.progress.
#include "node_sim_p.h"

#include "bus/nats_bus.h"
#include "bus/subjects.h"
#include "core/clock.h"
#include "wire/worker_messages.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QUrl>
#include <chrono>

namespace fleetdeck::bench {

namespace {

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

constexpr qint64 kTombstoneMs = 600 * 1000; // worker/cancel_tombstone_s (docs/worker.md#cancel)
const QString kCancelledByRequest = QStringLiteral("cancelled by request");

QByteArray cancelledReply()
{
    wire::CommandReply r;
    r.cancelled = true;
    r.error = kCancelledByRequest;
    return wire::encode(r);
}

} // namespace

void SimCore::onMessage(int node, const BusMessage &msg)
{
    SimNode &n = m_nodes[size_t(node)];
    if (!msg.subject.startsWith(n.prefix))
        return;
    const QString command = msg.subject.mid(n.prefix.size());
    if (command == QLatin1String("reregister")) {
        queueRegistration(node);
        return;
    }
    if (msg.replyTo.isEmpty())
        return; // publications (heartbeats, progress) are not commands
    if (command == QLatin1String("backend.install"))
        handleInstall(node, msg, QStringLiteral("install"));
    else if (command == QLatin1String("backend.upgrade"))
        handleInstall(node, msg, QStringLiteral("upgrade"));
    else if (command == QLatin1String("backend.delete"))
        handleDelete(node, msg);
    else if (command == QLatin1String("backend.list"))
        handleList(node, msg);
    else if (command == QLatin1String("backend.cancel"))
        handleCancel(node, msg);
    else
        reply(msg.replyTo, wire::commandError(QStringLiteral("unsupported subject ") + msg.subject));
}

bool SimCore::tombstoned(SimNode &n, const QString &opId)
{
    const qint64 now = SystemClock::instance()->nowMs();
    for (auto it = n.tombstones.begin(); it != n.tombstones.end();)
        it = it.value() <= now ? n.tombstones.erase(it) : std::next(it);
    return !opId.isEmpty() && n.tombstones.contains(opId);
}

void SimCore::handleInstall(int node, const BusMessage &msg, const QString &kind)
{
    SimNode &n = m_nodes[size_t(node)];
    const auto req = wire::decodeInstallRequest(msg.data);
    if (!req) {
        reply(msg.replyTo, wire::commandError(req.error()));
        return;
    }
    if (tombstoned(n, req->opId)) {
        m_shared->counters.installsAnswered.fetch_add(1);
        reply(msg.replyTo, cancelledReply());
        return;
    }
    if (!m_unpairedRepliesNs.isEmpty()) {
        const qint64 gapUs = (steadyNs() - m_unpairedRepliesNs.takeFirst()) / 1000;
        QMutexLocker lock(&m_shared->mutex);
        m_shared->slotGapsUs.append(gapUs);
    }
    auto job = std::make_unique<SimJob>();
    SimJob &j = *job;
    j.seq = m_nextSeq++;
    j.node = node;
    j.kind = kind;
    j.opId = req->opId;
    j.backend = req->backend;
    j.replyTo = msg.replyTo;
    j.entry = req->entry;
    const QString uri = req->entry.value(QStringLiteral("uri")).toString();
    j.fileName = QUrl(uri).fileName().isEmpty() ? req->backend : QUrl(uri).fileName();
    j.downloadMs = qMax<qint64>(0, m_shared->counters.downloadMs.load());
    j.tickMs = m_shared->counters.tickMs.load();
    j.elapsed.start();
    m_shared->counters.openInstalls.fetch_add(1);
    const quint64 seq = j.seq;
    m_jobs.emplace(seq, std::move(job));
    publishProgress(j, 0, QStringLiteral("downloading"), false);
    if (j.tickMs > 0) {
        j.ticker = new QTimer(this);
        j.ticker->setTimerType(Qt::PreciseTimer);
        j.ticker->setInterval(int(j.tickMs));
        connect(j.ticker, &QTimer::timeout, this, [this, seq]() { tick(seq, false); });
        j.ticker->start();
    }
    j.finisher = new QTimer(this);
    j.finisher->setTimerType(Qt::PreciseTimer);
    j.finisher->setSingleShot(true);
    j.finisher->setInterval(int(j.downloadMs));
    connect(j.finisher, &QTimer::timeout, this, [this, seq]() { finishInstall(seq, false); });
    j.finisher->start();
}

void SimCore::tick(quint64 seq, bool final)
{
    const auto it = m_jobs.find(seq);
    if (it == m_jobs.end())
        return;
    const SimJob &j = *it->second;
    if (final) {
        publishProgress(j, 100, QStringLiteral("extracting"), true); // the worker's last tick, before its reply
        return;
    }
    const int pct = j.downloadMs > 0 ? int(qMin<qint64>(99, 99 * j.elapsed.elapsed() / j.downloadMs)) : 99;
    publishProgress(j, pct, QStringLiteral("downloading"), false);
}

void SimCore::finishInstall(quint64 seq, bool cancelled)
{
    const auto it = m_jobs.find(seq);
    if (it == m_jobs.end())
        return;
    SimJob &j = *it->second;
    SimNode &n = m_nodes[size_t(j.node)];
    if (j.kind == QLatin1String("delete")) {
        if (!cancelled)
            n.installed.remove(j.backend);
        m_shared->counters.deletesAnswered.fetch_add(1);
        wire::CommandReply r;
        r.success = !cancelled;
        r.cancelled = cancelled;
        r.error = cancelled ? kCancelledByRequest : QString();
        reply(j.replyTo, wire::encode(r));
        dropJob(seq);
        return;
    }
    QByteArray payload;
    if (cancelled) {
        payload = cancelledReply();
    } else {
        tick(seq, true);
        SimInstalled inst;
        inst.version = j.entry.value(QStringLiteral("version")).toString();
        inst.digest = QString::fromLatin1(
            QCryptographicHash::hash((j.backend + j.opId).toUtf8(), QCryptographicHash::Sha256).toHex());
        inst.installedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        inst.opId = j.opId;
        inst.galleryUrl = j.entry.value(QStringLiteral("gallery_url")).toString();
        inst.uri = j.entry.value(QStringLiteral("uri")).toString();
        n.installed.insert(j.backend, inst);
        wire::CommandReply r;
        r.success = true;
        r.installed = wire::InstalledInfo{inst.version, inst.digest, inst.installedAt};
        payload = wire::encode(r);
    }
    m_shared->counters.installsAnswered.fetch_add(1);
    m_shared->counters.openInstalls.fetch_sub(1);
    m_shared->counters.installBusyUs.fetch_add(quint64(j.elapsed.nsecsElapsed() / 1000));
    reply(j.replyTo, payload);
    m_unpairedRepliesNs.append(steadyNs());
    dropJob(seq);
}

void SimCore::publishProgress(const SimJob &j, int percentage, const QString &phase, bool final)
{
    if (j.opId.isEmpty())
        return; // a worker publishes progress only for requests with an op id
    const SimNode &n = m_nodes[size_t(j.node)];
    wire::ProgressEvent ev;
    ev.opId = j.opId;
    ev.nodeId = n.nodeId;
    ev.backend = j.backend;
    ev.fileName = j.fileName;
    ev.phase = phase;
    ev.percentage = percentage;
    ev.totalBytes = m_options.totalBytes;
    ev.currentBytes = m_options.totalBytes / 100 * percentage;
    if (!m_bus->publish(subjects::nodeProgress(n.name, j.opId), wire::encode(ev)))
        return;
    ProgressStamp s;
    s.steadyNs = steadyNs();
    s.wallMs = QDateTime::currentMSecsSinceEpoch();
    s.opId = j.opId;
    s.node = n.name;
    s.percentage = percentage;
    s.final = final;
    m_shared->counters.progressPublished.fetch_add(1);
    std::shared_ptr<const NodeSimulator::ProgressHook> hook;
    {
        QMutexLocker lock(&m_shared->mutex);
        hook = m_shared->hook;
        if (m_shared->keepStamps)
            m_shared->stamps.insert(nodeSimStampKey(s.opId, s.node), s);
    }
    if (hook)
        (*hook)(s);
}

void SimCore::handleDelete(int node, const BusMessage &msg)
{
    SimNode &n = m_nodes[size_t(node)];
    const auto req = wire::decodeDeleteRequest(msg.data);
    if (!req) {
        reply(msg.replyTo, wire::commandError(req.error()));
        return;
    }
    if (tombstoned(n, req->opId)) {
        m_shared->counters.deletesAnswered.fetch_add(1);
        reply(msg.replyTo, cancelledReply());
        return;
    }
    auto job = std::make_unique<SimJob>();
    job->seq = m_nextSeq++;
    job->node = node;
    job->kind = QStringLiteral("delete");
    job->opId = req->opId;
    job->backend = req->backend;
    job->replyTo = msg.replyTo;
    job->downloadMs = qMax<qint64>(0, m_options.deleteMs);
    job->elapsed.start();
    const quint64 seq = job->seq;
    job->finisher = new QTimer(this);
    job->finisher->setSingleShot(true);
    job->finisher->setInterval(int(job->downloadMs));
    connect(job->finisher, &QTimer::timeout, this, [this, seq]() { finishInstall(seq, false); });
    job->finisher->start();
    m_jobs.emplace(seq, std::move(job));
}

// Answered at once, never behind jobs (docs/worker.md#start-and-concurrency).
void SimCore::handleList(int node, const BusMessage &msg)
{
    const SimNode &n = m_nodes[size_t(node)];
    wire::ListReply out;
    for (auto it = n.installed.cbegin(); it != n.installed.cend(); ++it) {
        wire::ListedBackend b;
        b.name = it.key();
        b.installedAt = it->installedAt;
        b.opId = it->opId;
        b.galleryUrl = it->galleryUrl;
        b.version = it->version;
        b.uri = it->uri;
        b.digest = it->digest;
        out.backends.append(b);
    }
    for (const auto &[seq, job] : m_jobs) {
        if (job->node != node)
            continue;
        const bool del = job->kind == QLatin1String("delete");
        const int pct = del || job->downloadMs <= 0 ? 0 : int(qMin<qint64>(99, 99 * job->elapsed.elapsed() / job->downloadMs));
        out.jobs.append(wire::ListedJob{job->backend, job->opId, job->kind,
                                        del ? QStringLiteral("deleting") : QStringLiteral("downloading"), double(pct)});
    }
    m_shared->counters.listsAnswered.fetch_add(1);
    reply(msg.replyTo, wire::encode(out));
}

// docs/worker.md#cancel: a job of the op is aborted (it replies cancelled); an unknown op id is
// tombstoned so that a later command of it is cancelled at once.
void SimCore::handleCancel(int node, const BusMessage &msg)
{
    SimNode &n = m_nodes[size_t(node)];
    const auto req = wire::decodeCancelRequest(msg.data);
    if (!req) {
        reply(msg.replyTo, wire::commandError(req.error()));
        return;
    }
    wire::CancelReply out;
    out.success = true;
    QList<quint64> hit;
    if (!req->opId.isEmpty()) {
        for (const auto &[seq, job] : m_jobs)
            if (job->node == node && job->opId == req->opId)
                hit.append(seq);
        out.found = !hit.isEmpty();
        if (!out.found) {
            tombstoned(n, QString()); // prune
            n.tombstones.insert(req->opId, SystemClock::instance()->nowMs() + kTombstoneMs);
        }
    }
    m_shared->counters.cancelsAnswered.fetch_add(1);
    reply(msg.replyTo, wire::encode(out));
    for (const quint64 seq : hit)
        finishInstall(seq, true);
}

void SimCore::dropJob(quint64 seq)
{
    const auto it = m_jobs.find(seq);
    if (it == m_jobs.end())
        return;
    for (QTimer *t : {it->second->ticker, it->second->finisher}) {
        if (t) {
            t->stop();
            t->deleteLater(); // may be the timer whose timeout is running
        }
    }
    m_jobs.erase(it);
}

void SimCore::reply(const QString &replyTo, const QByteArray &payload)
{
    if (replyTo.isEmpty())
        return;
    if (m_bus->publish(replyTo, payload))
        m_shared->counters.requestsAnswered.fetch_add(1);
}

} // namespace fleetdeck::bench
