#include "fake_worker.h"

#include "bus/subjects.h"

#include <QJsonDocument>
#include <algorithm>

namespace fleetdeck::test {

FakeWorker::FakeWorker(Bus *bus, Clock *clock, const QString &nodeId, const QString &name, FakeWorkerStats *stats)
    : m_bus(bus), m_clock(clock), m_id(nodeId), m_name(name), m_stats(stats)
{
    m_bus->subscribe(QStringLiteral("nodes.%1.backend.*").arg(name), this, [this](const BusMessage &m) { onMessage(m); });
}

QList<FakeWorker::Request> FakeWorker::requestsOf(const QString &command) const
{
    QList<Request> out;
    for (const Request &r : requests)
        if (r.command == command)
            out.append(r);
    return out;
}

void FakeWorker::onMessage(const BusMessage &m)
{
    const QString command = m.subject.section(QLatin1Char('.'), 3, 3);
    const QJsonObject payload = QJsonDocument::fromJson(m.data).object();
    requests.append(Request{command, payload});
    if (m.replyTo.isEmpty())
        return;
    if (command == QLatin1String("list")) {
        wire::ListReply r;
        r.backends = backends;
        r.jobs = jobs;
        m_bus->publish(m.replyTo, wire::encode(r));
        return;
    }
    const QString opId = payload.value(QLatin1String("op_id")).toString();
    if (command == QLatin1String("cancel")) {
        const bool found = m_jobs.contains(opId);
        wire::CancelReply r;
        r.success = true;
        r.found = found;
        m_bus->publish(m.replyTo, wire::encode(r));
        if (found && !ignoreCancel) {
            const Job job = m_jobs.value(opId);
            m_clock->cancel(job.timer);
            wire::CommandReply c;
            c.cancelled = true;
            c.error = QStringLiteral("cancelled by request");
            answer(opId, job.replyTo, c);
        }
        return;
    }
    if (m_stats) {
        m_stats->started.append(m_name);
        m_stats->maxInFlight = std::max(m_stats->maxInFlight, ++m_stats->inFlight);
    }
    for (wire::ProgressEvent ev : std::as_const(ticks)) {
        ev.opId = opId;
        ev.nodeId = m_id;
        ev.backend = payload.value(QLatin1String("backend")).toString();
        m_bus->publish(subjects::nodeProgress(m_name, opId), wire::encode(ev));
    }
    Job job;
    job.replyTo = m.replyTo;
    if (reply != Reply::Silent) {
        job.timer = m_clock->callAfter(delayMs, this, [this, opId]() {
            const Job j = m_jobs.value(opId);
            wire::CommandReply c;
            c.success = reply == Reply::Success;
            c.cancelled = reply == Reply::Cancelled;
            c.error = reply == Reply::Failure ? error : reply == Reply::Cancelled ? QStringLiteral("cancelled by request") : QString();
            if (reply == Reply::Failure)
                c.errorCode = errorCode;
            if (c.success)
                c.installed = wire::InstalledInfo{version, QStringLiteral("sha256:00"), QStringLiteral("2026-01-01T00:00:00.000Z")};
            answer(opId, j.replyTo, c);
        });
    }
    m_jobs.insert(opId, job);
}

void FakeWorker::answer(const QString &opId, const QString &replyTo, const wire::CommandReply &reply)
{
    if (!m_jobs.remove(opId))
        return;
    if (m_stats)
        --m_stats->inFlight;
    m_bus->publish(replyTo, wire::encode(reply));
}

} // namespace fleetdeck::test
