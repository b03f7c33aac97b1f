#include "metrics/worker_metrics.h"

#include "bus/bus.h"
#include "metrics/metrics_setup.h"
#include "worker/worker_agent.h"

namespace fleetdeck::metrics {

WorkerMetrics::WorkerMetrics(WorkerAgent *agent, Bus *bus, QObject *parent) : QObject(parent), m_agent(agent), m_bus(bus)
{
    Registry &r = m_registry;
    addProcessMetrics(r);
    m_jobs = r.counter(QStringLiteral("fleetdeck_worker_jobs_total"),
                       QStringLiteral("Install, upgrade and delete jobs this worker replied to, by kind and outcome."),
                       {QStringLiteral("kind"), QStringLiteral("outcome")});
    for (const char *kind : {"install", "upgrade", "delete"}) {
        for (const char *outcome : {"success", "failed", "cancelled"})
            m_jobs->touch({QLatin1String(kind), QLatin1String(outcome)});
    }
    m_bytes = r.counter(QStringLiteral("fleetdeck_worker_downloaded_bytes_total"),
                        QStringLiteral("Artifact bytes this worker downloaded (file://, http:// and https://)."));
    m_current = r.gauge(QStringLiteral("fleetdeck_worker_jobs"),
                        QStringLiteral("Jobs this worker holds now: running, or waiting for a backend another job holds."),
                        {QStringLiteral("state")});
    m_registered = r.gauge(QStringLiteral("fleetdeck_worker_registered"),
                           QStringLiteral("1 once the worker registered with a replica."));
    m_nats = r.gauge(QStringLiteral("fleetdeck_nats_connected"), QStringLiteral("1 while the NATS connection is up."));
    connect(agent, &WorkerAgent::jobFinished, this, [this](const QString &kind, const QString &outcome) {
        m_jobs->inc({kind, outcome});
    });
}

QByteArray WorkerMetrics::render()
{
    m_bytes->setTotal({}, double(m_agent->bytesDownloaded()));
    const int running = m_agent->runningJobCount();
    m_current->set({QStringLiteral("running")}, running);
    m_current->set({QStringLiteral("waiting")}, m_agent->jobCount() - running);
    m_registered->set(m_agent->isRegistered() ? 1 : 0);
    m_nats->set(m_bus && m_bus->connectionState() == ConnectionState::Connected ? 1 : 0);
    return m_registry.render();
}

} // namespace fleetdeck::metrics
