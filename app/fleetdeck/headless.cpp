// fleetdeck --headless: the replica without a window, until SIGTERM/SIGINT
// (docs/architecture.md#programs, docs/operations.md#executor).
#include "../common/termination_signals.h"
#include "cli_options.h"
#include "config/config_loader.h"
#include "engine.h"
#include "metrics/metrics_setup.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>
#include <cstdio>

using namespace fleetdeck;

namespace {

int fail(int code, const QString &message)
{
    std::fprintf(stderr, "fleetdeck: %s\n", qPrintable(message));
    return code;
}

} // namespace

int runHeadless(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fleetdeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLEETDECK_VERSION));
    QCommandLineParser parser;
    ConfigLoader loader;
    parseFleetdeckCommandLine(parser, loader, app);

    auto config = loader.load(parser);
    if (!config)
        return fail(2, config.error());
    auto store = config->storeConfig();
    if (!store)
        return fail(2, store.error());
    if (config->nats.url.isEmpty())
        return fail(2, QStringLiteral("no NATS server configured: give --nats URL, FLEETDECK_NATS_URL or nats/url"));

    EngineConfig ec;
    ec.kind = QStringLiteral("headless");
    ec.store = store.value();
    ec.nats = config->natsConfig();
    ec.galleryUrls = config->galleryUrls;
    ec.waitForServers = true; // docs/architecture.md#outages: log each attempt and keep retrying until SIGTERM
    Engine engine(ec);
    const auto metricsEndpoint = metrics::startReplicaMetrics(config.value(), engine); // docs/metrics.md
    int exitCode = 0;
    bool stopping = false;
    auto shutdown = [&](int code) {
        if (stopping)
            return;
        stopping = true;
        exitCode = code;
        // Clean shutdown (docs/operations.md#executor): hand back claimed ops, settle running ones,
        // within 5 s.
        QTimer::singleShot(5000, &app, [&] { app.exit(exitCode); });
        engine.stop().then(&app, [&] { app.exit(exitCode); });
    };
    installTerminationSignals(&app, [&](int) { shutdown(0); });
    engine.start().then(&app, [&](const Engine::StartError &e) {
        if (e.exitCode != 0) {
            std::fprintf(stderr, "fleetdeck: %s\n", qPrintable(e.message));
            stopping = true;
            exitCode = e.exitCode;
            // start() may resolve before app.exec() runs (a store refused at once): exit() then
            // would be lost and the process hang, deaf to SIGTERM (found by the chaos run).
            QMetaObject::invokeMethod(&app, [&] { app.exit(exitCode); }, Qt::QueuedConnection);
        }
    });
    return app.exec();
}
