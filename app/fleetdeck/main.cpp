// fleetdeck: the dashboard (default), the offline demo (--demo) or the replica without a window
// (--headless, docs/architecture.md#programs). The headless path never creates a QApplication, so
// it needs no display.
#include "cli_options.h"

#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    // --help and --version need no display either: the headless parser prints the same options.
    for (int i = 1; i < argc; ++i)
        for (const char *flag : {"--headless", "-headless", "--help", "-h", "--help-all", "--version", "-v"})
            if (std::strcmp(argv[i], flag) == 0)
                return runHeadless(argc, argv);
#ifdef FLEETDECK_WITH_GUI
    return runGui(argc, argv);
#else
    std::fprintf(stderr, "fleetdeck: this build has no desktop window (FLEETDECK_BUILD_GUI=OFF); run `fleetdeck --headless`\n");
    return 2;
#endif
}
