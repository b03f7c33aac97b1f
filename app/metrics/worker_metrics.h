#pragma once
// The /metrics figures of fleetdeck-worker (docs/metrics.md): jobs by kind and outcome
// (WorkerAgent::jobFinished), artifact bytes downloaded, current jobs, registration and NATS state.
// Lives on the agent's thread.
#include "metrics/metrics_registry.h"

#include <QObject>

namespace fleetdeck {
class Bus;
class WorkerAgent;
}

namespace fleetdeck::metrics {

class WorkerMetrics final : public QObject {
    Q_OBJECT
public:
    WorkerMetrics(WorkerAgent *agent, Bus *bus, QObject *parent = nullptr);
    QByteArray render();

private:
    WorkerAgent *m_agent;
    Bus *m_bus;
    Registry m_registry;
    Counter *m_jobs;
    Counter *m_bytes;
    Gauge *m_current;
    Gauge *m_registered;
    Gauge *m_nats;
};

} // namespace fleetdeck::metrics
