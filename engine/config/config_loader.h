#pragma once
// The one configuration loader of every binary (docs/architecture.md#configuration). Per key:
// command-line flag > environment variable FLEETDECK_<KEY> (upper-cased, '/' → '_') > INI file >
// built-in default. Unknown keys in the INI groups store, nats, gallery, worker and metrics, and
// values of the wrong type, are errors naming the key (binaries exit 2 with the message); group ui
// is not checked.
//
//   ConfigLoader loader;                       // or ConfigLoader(env) in tests
//   loader.addCommonOptions(parser);           // --config, --store, --nats*, --gallery
//   loader.addWorkerOptions(parser);           // fleetdeck-worker only
//   loader.addProfileOption(parser);           // fleetdeckctl only
//   loader.setDefaultConfigFile(ConfigLoader::defaultGuiConfigPath()); // GUI and ctl
//   parser.process(app);
//   Result<ProcessConfig> config = loader.load(parser);
#include "config/process_config.h"
#include "core/result.h"

#include <QProcessEnvironment>
#include <QString>

class QCommandLineParser;

namespace fleetdeck {

class ConfigLoader final {
public:
    explicit ConfigLoader(QProcessEnvironment env = QProcessEnvironment::systemEnvironment());

    // --config FILE, --store DSN, --nats URL, --nats-creds FILE, --nats-tls-ca FILE, --nats-user USER,
    // --nats-password-file FILE, --nats-token-file FILE, --gallery URL (repeatable).
    void addCommonOptions(QCommandLineParser &parser);
    // --name, --backends-dir, --registration-token-file, --label k=v (repeatable), --gpu-vendor,
    // --allow-gallery (repeatable), --allow-file-root (repeatable), --heartbeat-interval SECONDS.
    void addWorkerOptions(QCommandLineParser &parser);
    // --metrics-listen ADDR:PORT (fleetdeck --headless, fleetdeck-worker); the key metrics/listen is
    // read from the environment and the file whether or not the flag was added.
    void addMetricsOptions(QCommandLineParser &parser);
    // fleetdeckctl's --profile P: reads ~/.config/fleetdeck/profiles/<P>.conf unless --config is given.
    void addProfileOption(QCommandLineParser &parser);

    // The file read when neither --config nor --profile is given (GUI and ctl: defaultGuiConfigPath());
    // unlike an explicit file it may be missing.
    void setDefaultConfigFile(const QString &path) { m_defaultFile = path; }

    // Resolves every key. The parser must have processed the command line.
    Result<ProcessConfig> load(const QCommandLineParser &parser) const;

    // <GenericConfigLocation>/fleetdeck/fleetdeck.conf (~/.config/fleetdeck/fleetdeck.conf on Linux).
    static QString defaultGuiConfigPath();
    // <GenericConfigLocation>/fleetdeck/profiles/<profile>.conf; refuses names that are not plain file names.
    static Result<QString> profileConfigPath(const QString &profile);
    // "nats/url" → "FLEETDECK_NATS_URL".
    static QString environmentName(const QString &key);
    // Every process key (store/*, nats/*, gallery/urls, worker/*, metrics/listen).
    static QStringList knownKeys();

private:
    QProcessEnvironment m_env;
    QString m_defaultFile;
    bool m_common = false;
    bool m_worker = false;
    bool m_profile = false;
    bool m_metrics = false;
};

} // namespace fleetdeck
