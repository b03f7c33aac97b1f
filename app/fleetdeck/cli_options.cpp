#include "cli_options.h"

#include "config/config_loader.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace fleetdeck {

const FleetdeckOptions &fleetdeckOptions()
{
    static const FleetdeckOptions options;
    return options;
}

namespace {

QString fleetdeckDescription()
{
    return QStringLiteral(
        "Fleetdeck: installs, upgrades and deletes inference backends on the cluster's worker nodes and shows "
        "every operation live.\n"
        "Without options it opens the dashboard; --demo opens an offline demo cluster; --headless runs the "
        "engine (executor, reconciler, health monitor, reaper) without a window until SIGTERM or SIGINT.");
}

} // namespace

void parseFleetdeckCommandLine(QCommandLineParser &parser, ConfigLoader &loader, const QCoreApplication &app)
{
    parser.setApplicationDescription(fleetdeckDescription());
    parser.addHelpOption();
    parser.addVersionOption();
    const FleetdeckOptions &o = fleetdeckOptions();
    parser.addOptions({o.headless, o.demo, o.noTour, o.screenshot, o.quitAfter, o.page, o.lang, o.theme});
    loader.addCommonOptions(parser);
    loader.addMetricsOptions(parser); // used by --headless (docs/metrics.md)
    parser.process(app);
}

} // namespace fleetdeck
