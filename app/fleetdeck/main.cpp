// fleetdeck: the replica. `--headless` runs the engine without a window until SIGTERM/SIGINT
// (SPEC §1.2); the desktop window and `--demo` arrive with the GUI and demo work.
#include "../common/termination_signals.h"
#include "config/config_loader.h"
#include "engine.h"

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

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fleetdeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLEETDECK_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Fleetdeck replica: installs, upgrades and deletes inference backends on the cluster's worker nodes.\n"
        "--headless runs the engine (executor, reconciler, health monitor, reaper) without a window until "
        "SIGTERM or SIGINT."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headless(QStringLiteral("headless"), QStringLiteral("Run without a window (a service)."));
    parser.addOption(headless);
    ConfigLoader loader;
    loader.addCommonOptions(parser);
    parser.process(app);

    if (!parser.isSet(headless))
        return fail(2, QStringLiteral("the desktop window is not part of this build yet; run `fleetdeck --headless` "
                                      "(see --help)"));
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
    Engine engine(ec);
    int exitCode = 0;
    bool stopping = false;
    auto shutdown = [&](int code) {
        if (stopping)
            return;
        stopping = true;
        exitCode = code;
        // Clean shutdown (§3.3): hand back claimed ops, settle running ones, within 5 s.
        QTimer::singleShot(5000, &app, [&] { app.exit(exitCode); });
        engine.stop().then(&app, [&] { app.exit(exitCode); });
    };
    installTerminationSignals(&app, [&](int) { shutdown(0); });
    engine.start().then(&app, [&](const Engine::StartError &e) {
        if (e.exitCode != 0) {
            std::fprintf(stderr, "fleetdeck: %s\n", qPrintable(e.message));
            stopping = true;
            app.exit(e.exitCode);
        }
    });
    return app.exec();
}
