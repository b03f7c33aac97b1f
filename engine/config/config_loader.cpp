#include "config/config_loader.h"

#include "config/cluster_settings.h"
#include "config/config_log.h"
#include "config/process_keys.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

#include <memory>
#include <utility>

namespace fleetdeck {

Q_LOGGING_CATEGORY(lcConfig, "fleetdeck.engine.config")

using config::KeySpec;
using config::ValueKind;

ConfigLoader::ConfigLoader(QProcessEnvironment env) : m_env(std::move(env)) {}

static QCommandLineOption option(const char *name, const char *description, const char *valueName)
{
    return QCommandLineOption(QLatin1String(name), QString::fromUtf8(description), QLatin1String(valueName));
}

void ConfigLoader::addCommonOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        option("config", "Read the configuration from FILE (INI).", "FILE"),
        option("store", "Store: postgresql://USER@HOST:PORT/DB or sqlite:PATH.", "DSN"),
        option("nats", "NATS server URL (nats://… or tls://…).", "URL"),
        option("nats-creds", "NATS credentials file.", "FILE"),
        option("nats-tls-ca", "CA certificates for NATS TLS.", "FILE"),
        option("nats-user", "NATS user name.", "USER"),
        option("nats-password-file", "File holding the NATS password.", "FILE"),
        option("nats-token-file", "File holding the NATS token.", "FILE"),
        option("gallery", "Gallery index URL or path (repeatable); replaces the cluster's list.", "URL"),
    });
    m_common = true;
}

void ConfigLoader::addWorkerOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        option("name", "Node name.", "NAME"),
        option("backends-dir", "Directory the backends are installed in.", "DIR"),
        option("registration-token-file", "File holding the cluster's registration token.", "FILE"),
        option("label", "Node label (repeatable).", "K=V"),
        option("gpu-vendor", "GPU vendor: nvidia, amd, intel, apple or cpu (default: detected).", "VENDOR"),
        option("allow-gallery", "Allowed gallery and artifact URL prefix (repeatable).", "URL-PREFIX"),
        option("allow-file-root", "Allowed root of file:// artifacts (repeatable).", "DIR"),
        option("heartbeat-interval", "Heartbeat interval, overriding the registration reply.", "SECONDS"),
    });
    m_worker = true;
}

void ConfigLoader::addMetricsOptions(QCommandLineParser &parser)
{
    parser.addOption(option("metrics-listen",
                            "Serve Prometheus metrics on http://ADDR:PORT/metrics (a bare PORT listens on 127.0.0.1).",
                            "ADDR:PORT"));
    m_metrics = true;
}

void ConfigLoader::addProfileOption(QCommandLineParser &parser)
{
    parser.addOption(option("profile", "Read ~/.config/fleetdeck/profiles/P.conf.", "P"));
    m_profile = true;
}

QString ConfigLoader::defaultGuiConfigPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/fleetdeck/fleetdeck.conf");
}

Result<QString> ConfigLoader::profileConfigPath(const QString &profile)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (!re.match(profile).hasMatch())
        return Result<QString>::failure(QStringLiteral("invalid profile name \"") + profile
                                        + QStringLiteral("\": use letters, digits, '.', '_' and '-'"));
    return QString(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
                   + QStringLiteral("/fleetdeck/profiles/") + profile + QStringLiteral(".conf"));
}

QString ConfigLoader::environmentName(const QString &key)
{
    QString name = key.toUpper();
    name.replace(QLatin1Char('/'), QLatin1Char('_'));
    return QStringLiteral("FLEETDECK_") + name;
}

QStringList ConfigLoader::knownKeys()
{
    QStringList keys;
    for (const KeySpec &spec : config::processKeys())
        keys << QLatin1String(spec.key);
    return keys;
}

namespace {

struct RawValue {
    QStringList values;  // one element for a scalar
    ConfigSource source = ConfigSource::Default;
    QString origin;      // "--nats", "environment variable FLEETDECK_NATS_URL", "config FILE"
};

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','))) {
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    }
    return out;
}

Result<QString> resolveConfigFile(const QCommandLineParser &parser, bool common, bool profile,
                                  const QString &defaultFile, bool *required)
{
    *required = true;
    if (common && parser.isSet(QStringLiteral("config")))
        return parser.value(QStringLiteral("config"));
    if (profile && parser.isSet(QStringLiteral("profile")))
        return ConfigLoader::profileConfigPath(parser.value(QStringLiteral("profile")));
    *required = false;
    return defaultFile;
}

} // namespace

Result<ProcessConfig> ConfigLoader::load(const QCommandLineParser &parser) const
{
    using R = Result<ProcessConfig>;
    ProcessConfig config;

    bool fileRequired = false;
    Result<QString> file = resolveConfigFile(parser, m_common, m_profile, m_defaultFile, &fileRequired);
    if (!file)
        return R::failure(file.error());
    config.configFile = file.value();
    const QString fileOrigin = QStringLiteral("config ") + config.configFile;

    std::unique_ptr<QSettings> ini;
    if (!config.configFile.isEmpty()) {
        const QFileInfo info(config.configFile);
        if (!info.exists()) {
            if (fileRequired)
                return R::failure(fileOrigin + QStringLiteral(": no such file"));
        } else if (!info.isFile() || !info.isReadable()) {
            return R::failure(fileOrigin + QStringLiteral(": cannot read the file"));
        } else {
            ini = std::make_unique<QSettings>(config.configFile, QSettings::IniFormat);
            if (ini->status() != QSettings::NoError)
                return R::failure(fileOrigin + QStringLiteral(": not a valid INI file"));
            for (const QString &key : ini->allKeys()) {
                const QString group = key.section(QLatin1Char('/'), 0, 0);
                if (!config::isCheckedGroup(group) || config::findProcessKey(key))
                    continue;
                QString message = fileOrigin + QStringLiteral(": unknown key \"") + key + QLatin1Char('"');
                if (ClusterSettings::isKnownKey(key))
                    message += QStringLiteral(" (a cluster-wide setting: change it with fleetdeckctl settings set)");
                return R::failure(message);
            }
        }
    }

    // --store DSN stands for every store/* key but the password file.
    if (m_common && parser.isSet(QStringLiteral("store"))) {
        Result<StoreConfig> dsn = StoreConfig::fromDsn(parser.value(QStringLiteral("store")));
        if (!dsn)
            return R::failure(QStringLiteral("--store: ") + dsn.error());
        const bool sqlite = dsn->driver == StoreConfig::Driver::Sqlite;
        config.storeDriver = sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgres");
        config.storePath = dsn->path;
        config.storeHost = dsn->host;
        config.storePort = dsn->port;
        config.storeDatabase = dsn->database;
        config.storeUser = dsn->user;
        for (const char *k : {"store/driver", "store/path", "store/host", "store/port", "store/database", "store/user"})
            config.sources.insert(QLatin1String(k), ConfigSource::Flag);
    }

    for (const KeySpec &spec : config::processKeys()) {
        const QString key = QLatin1String(spec.key);
        if (config.sources.contains(key))
            continue; // set by --store
        const bool list = spec.kind == ValueKind::List || spec.kind == ValueKind::Labels;
        const bool flagRegistered = spec.flag
                                    && (spec.kind == ValueKind::ListenAddress ? m_metrics
                                        : spec.workerFlag                     ? m_worker
                                                                              : m_common);
        const QString flag = spec.flag ? QLatin1String(spec.flag) : QString();
        const QString envName = environmentName(key);

        RawValue raw;
        if (flagRegistered && parser.isSet(flag)) {
            raw.values = parser.values(flag);
            if (!list)
                raw.values = QStringList{raw.values.constLast()};
            raw.source = ConfigSource::Flag;
            raw.origin = QStringLiteral("--") + flag;
        } else if (!m_env.value(envName).isEmpty()) {
            const QString text = m_env.value(envName);
            raw.values = list ? splitList(text) : QStringList{text};
            raw.source = ConfigSource::Environment;
            raw.origin = QStringLiteral("environment variable ") + envName;
        } else if (ini && ini->contains(key)) {
            const QVariant v = ini->value(key);
            raw.source = ConfigSource::File;
            raw.origin = fileOrigin;
            if (v.userType() == QMetaType::QStringList) {
                raw.values = v.toStringList();
                if (spec.kind == ValueKind::NatsUrl) // url=nats://a:4222,nats://b:4222 reads as a list
                    raw.values = QStringList{raw.values.join(QLatin1Char(','))};
                else if (!list)
                    return R::failure(fileOrigin + QStringLiteral(": invalid value for ") + key
                                      + QStringLiteral(": expected a single value, not a list"));
            } else if (v.userType() == QMetaType::QString || v.userType() == QMetaType::QByteArray) {
                const QString text = v.toString();
                raw.values = list ? splitList(text) : QStringList{text};
            } else {
                return R::failure(fileOrigin + QStringLiteral(": invalid value for ") + key
                                  + QStringLiteral(": expected text"));
            }
        } else {
            continue;
        }
        if (list) {
            QStringList cleaned;
            for (const QString &v : std::as_const(raw.values)) {
                if (!v.trimmed().isEmpty())
                    cleaned << v.trimmed();
            }
            raw.values = cleaned;
        }

        QString reason;
        if (!config::applyProcessKey(spec, raw.values, config, &reason))
            return R::failure(raw.origin + QStringLiteral(": invalid value for ") + key + QStringLiteral(": ") + reason);
        config.sources.insert(key, raw.source);
    }

    qCInfo(lcConfig).noquote() << config.describe();
    return config;
}

} // namespace fleetdeck
