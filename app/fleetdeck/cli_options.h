#pragma once
// The options of `fleetdeck` (docs/architecture.md#programs, #configuration): one parser for every
// mode, so --help lists them all.
#include <QCommandLineOption>

class QCommandLineParser;
class QCoreApplication;

namespace fleetdeck {

class ConfigLoader;

struct FleetdeckOptions {
    QCommandLineOption headless{QStringLiteral("headless"), QStringLiteral("Run the replica without a window (a service) until SIGTERM or SIGINT.")};
    QCommandLineOption demo{QStringLiteral("demo"), QStringLiteral("Open an offline demo cluster (nothing is written outside a temporary directory).")};
    QCommandLineOption noTour{QStringLiteral("no-tour"), QStringLiteral("With --demo: start without the scripted tour.")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"), QStringLiteral("Save a PNG of the window to FILE, then quit (after --quit-after, default 8 s)."), QStringLiteral("FILE")};
    QCommandLineOption quitAfter{QStringLiteral("quit-after"), QStringLiteral("Quit after SECONDS."), QStringLiteral("SECONDS")};
    QCommandLineOption page{QStringLiteral("page"), QStringLiteral("Open the page NAME: backends, manage, nodes or activity."), QStringLiteral("NAME")};
    QCommandLineOption lang{QStringLiteral("lang"), QStringLiteral("User interface language (en, de, es)."), QStringLiteral("LANG")};
    QCommandLineOption theme{QStringLiteral("theme"), QStringLiteral("Colour theme: system, light or dark."), QStringLiteral("THEME")};
};

const FleetdeckOptions &fleetdeckOptions();
// Adds every option of every mode (with --help and --version) and processes the command line
// (QCommandLineParser::process: --help, --version and an unknown option exit here).
void parseFleetdeckCommandLine(QCommandLineParser &parser, ConfigLoader &loader, const QCoreApplication &app);

} // namespace fleetdeck

int runHeadless(int argc, char **argv);
int runGui(int argc, char **argv);
