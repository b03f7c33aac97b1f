// fleetdeckctl: drives a Fleetdeck cluster from scripts (docs/architecture.md#programs).
#include "config/config_loader.h"
#include "ctl_complete.h"
#include "ctl_session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

using namespace fleetdeck;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fleetdeckctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLEETDECK_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Drives a Fleetdeck cluster from scripts.\n\n") + ctl::usage());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print exactly one JSON object on stdout."));
    const QCommandLineOption node(QStringLiteral("node"), QStringLiteral("Scope to one node (id or name)."), QStringLiteral("node"));
    const QCommandLineOption force(QStringLiteral("force"), QStringLiteral("Install with force (Reinstall)."));
    const QCommandLineOption waitOpt(QStringLiteral("wait"), QStringLiteral("Follow the op to its end (needs a running replica)."));
    const QCommandLineOption waitTimeout(QStringLiteral("wait-timeout"), QStringLiteral("Stop following after SECONDS (default 3600)."),
                                         QStringLiteral("seconds"), QStringLiteral("3600"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("ops history: number of entries (default 50)."),
                                   QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption history(QStringLiteral("history"), QStringLiteral("retry: a History entry id (dead letters)."),
                                     QStringLiteral("id"));
    parser.addOptions({json, node, force, waitOpt, waitTimeout, limit, history});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("The command and its arguments (see above)."));
    ConfigLoader loader;
    loader.addCommonOptions(parser);
    loader.addProfileOption(parser);
    if (!parser.parse(app.arguments())) {
        std::fprintf(stderr, "fleetdeckctl: %s\n", qPrintable(parser.errorText()));
        return ctl::Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fprintf(stdout, "%s", qPrintable(parser.helpText()));
        return ctl::Ok;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::fprintf(stdout, "fleetdeckctl %s\n", FLEETDECK_VERSION);
        return ctl::Ok;
    }
    ctl::Output out(parser.isSet(json));
    auto config = loader.load(parser);
    if (!config) {
        out.error(config.error());
        return ctl::Usage;
    }
    if (parser.positionalArguments().value(0) == QLatin1String("__complete")) // shell completion (hidden)
        return ctl::complete(config.value(), parser.positionalArguments().mid(1));
    auto store = config->storeConfig();
    if (!store) {
        out.error(store.error());
        return ctl::Usage;
    }
    EngineConfig ec;
    ec.store = store.value();
    if (!config->nats.url.isEmpty())
        ec.nats = config->natsConfig();
    ec.galleryUrls = config->galleryUrls;
    ctl::Options opt;
    opt.words = parser.positionalArguments();
    opt.node = parser.value(node);
    opt.force = parser.isSet(force);
    opt.wait = parser.isSet(waitOpt);
    opt.waitTimeoutMs = parser.value(waitTimeout).toLongLong() * 1000;
    opt.limit = parser.value(limit).toInt();
    if (parser.isSet(history))
        opt.historyId = parser.value(history).toLongLong();
    const bool storeOnly = opt.words.size() >= 2
        && QStringList{QStringLiteral("nodes list"), QStringLiteral("ops list"), QStringLiteral("ops history"), QStringLiteral("settings get")}
               .contains(opt.words.at(0) + QLatin1Char(' ') + opt.words.at(1));
    if (!storeOnly && !ec.nats) {
        out.error(QStringLiteral("no NATS server configured: give --nats URL, FLEETDECK_NATS_URL or nats/url"));
        return ctl::Usage;
    }
    ctl::Session session(ec, opt, out);
    return session.run();
}
