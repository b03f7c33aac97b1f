#include "cli_options.h"

#include "config/config_loader.h"

#include <QCommandLineParser>

namespace fleetdeck {

const FleetdeckOptions &fleetdeckOptions()
{
    static const FleetdeckOptions options;
    return options;
}

QString fleetdeckDescription()
{
    return QStringLiteral(
        "Fleetdeck: installs, upgrades and deletes inference backends on the cluster's worker nodes and shows "
        "every operation live.\n"
        "Without options it opens the dashboard; --demo opens an offline demo cluster; --headless runs the "
        "engine (executor, reconciler, health monitor, reaper) without a window until SIGTERM or SIGINT.");
}

void addFleetdeckOptions(QCommandLineParser &parser, ConfigLoader &loader)
{
    const FleetdeckOptions &o = fleetdeckOptions();
    parser.addOptions({o.headless, o.demo, o.noTour, o.screenshot, o.quitAfter, o.page, o.lang, o.theme});
    loader.addCommonOptions(parser);
    loader.addMetricsOptions(parser); // used by --headless (docs/metrics.md)
}

} // namespace fleetdeck
