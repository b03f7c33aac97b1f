#pragma once
// The configuration of one process (process and worker keys: docs/architecture.md#configuration;
// worker/* constants: docs/architecture.md#settings), as resolved by ConfigLoader: flag >
// FLEETDECK_<KEY> variable > INI file > the defaults below. Secrets are held only as file names;
// their contents are read when needed and never logged.
#include "bus/nats_config.h"
#include "core/result.h"
#include "store/store_config.h"

#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>

namespace fleetdeck {

enum class ConfigSource { Default, File, Environment, Flag };
QString toString(ConfigSource s);

// nats/* (docs/protocol.md#transport-security). File names only.
struct NatsOptions {
    QString url;           // nats/url: nats://… or tls://…, or a comma-separated list of them
    QString credsFile;     // nats/creds
    QString tlsCaFile;     // nats/tls_ca
    QString user;          // nats/user
    QString passwordFile;  // nats/password_file
    QString tokenFile;     // nats/token_file
};

// worker/* (worker flags: docs/architecture.md#configuration; worker constants:
// docs/architecture.md#settings).
struct WorkerOptions {
    QString name;                    // worker/name: the node name (subjects carry it sanitised, docs/protocol.md#rules)
    QString backendsDir;             // worker/backends_dir: canonicalised at start
    QString registrationTokenFile;   // worker/registration_token_file
    QMap<QString, QString> labels;   // worker/labels, k=v list
    QString gpuVendor;               // worker/gpu_vendor: nvidia|amd|intel|apple|cpu; empty = detect (docs/worker.md#start-and-concurrency)
    QStringList allowGallery;        // worker/allow_gallery: URL prefixes (docs/protocol.md#transport-security)
    QStringList allowFileRoot;       // worker/allow_file_root: directories (docs/protocol.md#transport-security)
    int heartbeatIntervalS = 0;      // worker/heartbeat_interval; 0 = from the registration reply
    QString systemBackendsDir;       // worker/system_backends_dir (INI only): read-only, listed is_system
    int registerTimeoutS = 5;        // worker/register_timeout_s
    int registerBackoffInitialS = 2; // worker/register_backoff_initial_s
    int registerBackoffCapS = 30;    // worker/register_backoff_cap_s
    int progressDebounceMs = 250;    // worker/progress_debounce_ms
    int shutdownWaitS = 30;          // worker/shutdown_wait_s
    int shutdownTotalS = 60;         // worker/shutdown_total_s
    int cancelTombstoneS = 600;      // worker/cancel_tombstone_s
    qint64 maxPayloadBytes = 1048576; // worker/max_payload_bytes
};

struct ProcessConfig {
    // The INI file read (or, for the GUI, the one it would save to); empty when none.
    QString configFile;

    // store/* — storeConfig() turns them into a StoreConfig.
    QString storeDriver;   // "sqlite" | "postgres" | "" (not configured)
    QString storePath;
    QString storeHost = QStringLiteral("127.0.0.1");
    int storePort = 5432;
    QString storeDatabase;
    QString storeUser;
    QString storePasswordFile;

    NatsOptions nats;
    QStringList galleryUrls; // gallery/urls: replaces the cluster's list for this process when non-empty
    WorkerOptions worker;
    // metrics/listen (fleetdeck --headless, fleetdeck-worker): the Prometheus endpoint's address,
    // normalised to ADDRESS:PORT (config/listen_address.h); empty = no endpoint (docs/metrics.md).
    QString metricsListen;

    // Where each key that is not at its default came from ("nats/url" → Flag, …).
    QHash<QString, ConfigSource> sources;
    ConfigSource sourceOf(const QString &key) const { return sources.value(key, ConfigSource::Default); }

    // Any store/* key, or any nats/* key, set by a flag, a variable or the file.
    bool hasStoreConfigured() const;
    bool hasNatsConfigured() const;
    // First start of the GUI (docs/gui.md#first-start): store or NATS not configured at all → offer
    // "Demo" / "Connect…".
    bool needsFirstStartChoice() const { return !hasStoreConfigured() || !hasNatsConfigured(); }

    // The store to open; reads store/password_file for PostgreSQL. Errors name the key or the file.
    Result<StoreConfig> storeConfig() const;
    // The NATS connection settings (secrets stay file names; NatsBus reads them at connect time).
    NatsConfig natsConfig() const;

    // One line for the log: config file, store DSN, NATS URL and which credentials are used (never secrets).
    QString describe() const;
};

// Reads a secret from a file, dropping one trailing newline ("\n" or "\r\n"). An unreadable or
// missing file → "<key>: cannot read \"<path>\": <reason>". The content is never logged.
Result<QString> readSecretFile(const QString &key, const QString &path);

} // namespace fleetdeck
