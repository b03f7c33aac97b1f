#include "metrics/metrics_setup.h"

#include "config/listen_address.h"
#include "config/process_config.h"
#include "metrics/metrics_registry.h"
#include "metrics/metrics_server.h"
#include "metrics/replica_metrics.h"
#include "metrics/worker_metrics.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>

namespace fleetdeck::metrics {

Q_LOGGING_CATEGORY(lcMetrics, "fleetdeck.metrics")

namespace {

// The collector `figures` (a QObject with QByteArray render()) and its server, under one holder.
template <typename Figures>
std::unique_ptr<QObject> serve(const ProcessConfig &config, std::unique_ptr<Figures> figures)
{
    const Result<ListenAddress> address = parseListenAddress(config.metricsListen);
    if (!address) { // ConfigLoader checked it already
        qCCritical(lcMetrics).noquote() << "metrics/listen:" << address.error();
        return nullptr;
    }
    auto holder = std::make_unique<QObject>();
    Figures *f = figures.release();
    f->setParent(holder.get());
    auto *server = new MetricsServer([f] { return f->render(); }, holder.get());
    const Result<quint16> port = server->listen(address.value());
    if (!port) {
        qCCritical(lcMetrics).noquote() << QStringLiteral("metrics/listen: ") + port.error()
                                               + QStringLiteral("; running without a metrics endpoint");
        return nullptr;
    }
    ListenAddress bound = address.value();
    bound.port = port.value();
    qCInfo(lcMetrics).noquote() << QStringLiteral("serving Prometheus metrics on http://") + bound.toString()
                                           + QStringLiteral("/metrics");
    return holder;
}

} // namespace

void addProcessMetrics(Registry &registry)
{
    Gauge *info = registry.gauge(QStringLiteral("fleetdeck_build_info"),
                                 QStringLiteral("Always 1; the labels name the Fleetdeck and Qt versions of this process."),
                                 {QStringLiteral("version"), QStringLiteral("qt_version")});
    info->set({QStringLiteral(FLEETDECK_VERSION), QString::fromLatin1(qVersion())}, 1);
    Gauge *start = registry.gauge(QStringLiteral("process_start_time_seconds"),
                                  QStringLiteral("Start time of the process since the Unix epoch, in seconds."));
    start->set(double(QDateTime::currentMSecsSinceEpoch()) / 1000.0);
}

std::unique_ptr<QObject> startReplicaMetrics(const ProcessConfig &config, Engine &engine)
{
    if (config.metricsListen.isEmpty())
        return nullptr;
    return serve(config, std::make_unique<ReplicaMetrics>(&engine));
}

std::unique_ptr<QObject> startWorkerMetrics(const ProcessConfig &config, WorkerAgent &agent, Bus &bus)
{
    if (config.metricsListen.isEmpty())
        return nullptr;
    return serve(config, std::make_unique<WorkerMetrics>(&agent, &bus));
}

} // namespace fleetdeck::metrics
