// fleetdeck-worker: the node agent (docs/architecture.md#programs, #configuration,
// docs/nodes.md#registration, #heartbeats, docs/worker.md). Exit codes: 0 after a graceful shutdown
// (SIGTERM, SIGINT); 2 configuration or usage error, or a registration error reply; 3 NATS
// authentication failure or "invalid registration token".
#include "../common/termination_signals.h"
#include "bus/nats_bus.h"
#include "config/config_loader.h"
#include "core/clock.h"
#include "metrics/metrics_setup.h"
#include "worker/worker_agent.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>


Q_LOGGING_CATEGORY(lcMain, "fleetdeck.worker")

using namespace fleetdeck;

namespace {

int fail(int code, const QString &message)
{
    qCCritical(lcMain).noquote() << message;
    return code;
}

// A configuration error names the key; secrets are checked for readability, never printed.
Result<QString> checkConfig(const ProcessConfig &config)
{
    if (config.worker.name.isEmpty())
        return Result<QString>::failure(QStringLiteral("worker/name: a node name is required (--name)"));
    if (config.worker.backendsDir.isEmpty())
        return Result<QString>::failure(QStringLiteral("worker/backends_dir: a backends directory is required (--backends-dir)"));
    if (config.nats.url.isEmpty())
        return Result<QString>::failure(QStringLiteral("nats/url: a NATS server URL is required (--nats)"));
    for (const auto &[key, path] : {std::pair{"nats/password_file", config.nats.passwordFile},
                                    std::pair{"nats/token_file", config.nats.tokenFile},
                                    std::pair{"nats/creds", config.nats.credsFile},
                                    std::pair{"nats/tls_ca", config.nats.tlsCaFile}}) {
        if (path.isEmpty())
            continue;
        if (const Result<QString> secret = readSecretFile(QLatin1String(key), path); !secret)
            return Result<QString>::failure(secret.error());
    }
    if (!config.nats.user.isEmpty() && config.nats.passwordFile.isEmpty())
        return Result<QString>::failure(QStringLiteral("nats/password_file: required with nats/user (--nats-password-file)"));
    QString token;
    if (!config.worker.registrationTokenFile.isEmpty()) {
        const Result<QString> t = readSecretFile(QStringLiteral("worker/registration_token_file"), config.worker.registrationTokenFile);
        if (!t)
            return t;
        token = t.value();
    }
    return token;
}

QString absolute(const QString &path)
{
    return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
}

void absolutePaths(ProcessConfig &c)
{
    for (QString *p : {&c.nats.credsFile, &c.nats.tlsCaFile, &c.nats.passwordFile, &c.nats.tokenFile, &c.worker.backendsDir,
                       &c.worker.registrationTokenFile, &c.worker.systemBackendsDir})
        *p = absolute(*p);
    for (QString &root : c.worker.allowFileRoot)
        root = absolute(root);
}

} // namespace

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddTHH:mm:ss.zzz} %{category} %{type}: %{message}"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fleetdeck-worker"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLEETDECK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Fleetdeck node agent: registers this node with the cluster over NATS and installs, upgrades and deletes "
        "backends in its backends directory.\nExit codes: 0 stopped, 2 configuration error, 3 NATS authentication "
        "failure or invalid registration token."));
    parser.addHelpOption();
    parser.addVersionOption();
    ConfigLoader loader;
    loader.addCommonOptions(parser);
    loader.addWorkerOptions(parser);
    loader.addMetricsOptions(parser);
    if (!parser.parse(QCoreApplication::arguments()))
        return fail(2, parser.errorText() + QStringLiteral(" (see --help)"));
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return fail(2, QStringLiteral("unexpected argument \"%1\" (see --help)").arg(parser.positionalArguments().constFirst()));
    for (const char *replicaOnly : {"store", "gallery"}) {
        if (parser.isSet(QLatin1String(replicaOnly)))
            return fail(2, QStringLiteral("--%1 is not a worker option: the worker fetches no gallery and uses no store")
                               .arg(QLatin1String(replicaOnly)));
    }
    Result<ProcessConfig> config = loader.load(parser);
    if (!config)
        return fail(2, config.error());
    absolutePaths(config.value()); // the agent makes the backends directory the working directory
    const Result<QString> token = checkConfig(*config);
    if (!token)
        return fail(2, token.error());

    NatsConfig nats = config->natsConfig();
    nats.retryInitialConnect = true; // a missing server is retried forever (docs/protocol.md#rules)
    nats.noEcho = true;              // own heartbeats and progress never come back (docs/worker.md#start-and-concurrency)
    nats.name = QStringLiteral("fleetdeck-worker ") + config->worker.name;
    // Oversized requests reach the agent, which answers "payload too large" in the reply shape;
    // the server's max_payload still bounds what arrives.
    nats.maxPayloadBytes = qMax<qint64>(config->worker.maxPayloadBytes, qint64(64) << 20);
    Result<std::unique_ptr<NatsBus>> bus = NatsBus::connect(nats, SystemClock::instance());
    if (!bus)
        return fail(3, bus.error());

    WorkerAgent agent(WorkerAgentConfig::fromOptions(config->worker, token.value()), bus.value().get(),
                      SystemClock::instance());
    const auto metricsEndpoint = metrics::startWorkerMetrics(*config, agent, *bus.value()); // docs/metrics.md
    int exitCode = 0;
    QObject::connect(&agent, &WorkerAgent::fatal, &app, [&exitCode](int code, const QString &message) {
        qCCritical(lcMain).noquote() << message;
        exitCode = code;
        QCoreApplication::exit(code);
    });
    QObject::connect(&agent, &WorkerAgent::finished, &app, []() { QCoreApplication::exit(0); });
    // nats.c retries a missing server forever but closes the connection for good when the server
    // refuses it (authorization violation): NatsBus::closedReason names the reason (exit 3).
    QObject::connect(bus.value().get(), &Bus::connectionStateChanged, &app, [&](ConnectionState state) {
        if (state != ConnectionState::Closed || agent.isShuttingDown() || exitCode != 0)
            return;
        exitCode = 3;
        qCCritical(lcMain).noquote() << NatsBus::closedReason(nats);
        QCoreApplication::exit(3);
    });

    const bool signalsInstalled = installTerminationSignals(&agent, [&agent](int) {
        if (agent.isShuttingDown()) {
            qCInfo(lcMain, "already shutting down");
            return;
        }
        qCInfo(lcMain, "termination signal: shutting down");
        agent.shutdown();
    });
    if (!signalsInstalled)
        return fail(2, QStringLiteral("cannot install the SIGTERM/SIGINT handlers"));

    if (const Status started = agent.start(); !started)
        return fail(2, started.error());
    qCInfo(lcMain, "fleetdeck-worker %s started as %s on %s", FLEETDECK_VERSION, qUtf8Printable(config->worker.name),
           qUtf8Printable(config->nats.url));
    const int rc = app.exec();
    return exitCode != 0 ? exitCode : rc;
}
