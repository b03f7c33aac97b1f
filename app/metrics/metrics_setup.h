#pragma once
// The one call each program makes (docs/metrics.md): with metrics/listen set (--metrics-listen,
// FLEETDECK_METRICS_LISTEN), start the figures and the endpoint, and log where it listens. When
// the address cannot be bound the error names it and the process runs on without an endpoint
// (nullptr). Without metrics/listen: nullptr, nothing opened. Keep the result alive while the
// engine (or agent) runs, and destroy it first.
#include <QObject>
#include <memory>

namespace fleetdeck {
class Bus;
class Engine;
class WorkerAgent;
struct ProcessConfig;
}

namespace fleetdeck::metrics {

class Registry;

std::unique_ptr<QObject> startReplicaMetrics(const ProcessConfig &config, Engine &engine);
std::unique_ptr<QObject> startWorkerMetrics(const ProcessConfig &config, WorkerAgent &agent, Bus &bus);

// fleetdeck_build_info{version,qt_version} 1 and process_start_time_seconds.
void addProcessMetrics(Registry &registry);

} // namespace fleetdeck::metrics
