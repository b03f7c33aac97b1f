#pragma once
// Connection profiles in the GUI's INI file (docs/gui.md#first-start, #settings-and-first-start),
// and the process keys of the profile the admin connects with.
//
// The one reader and writer of the profiles (AppSettings in app/fleetdeck writes the file's other
// groups). Layout:
//   [profiles]  size=N, 1\name=…, 1\kind=demo|cluster, 1\store=<DSN>, 1\store_password_file=…,
//               1\nats_url=…, 1\auth=none|user|token|creds|tls, 1\nats_user=…, 1\nats_password_file=…,
//               1\nats_token_file=…, 1\nats_creds_file=…, 1\nats_tls_ca_file=…, 1\gallery_urls=…
//   [connection] active_profile=<name>
// activate() replaces the groups store, nats and gallery with the keys ConfigLoader reads.
// Secrets never enter the file: the *_file keys name files (an admin's own, or a 0600 runtime file
// written by writeRuntimeSecret() at connect time).
#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

namespace fleetdeck::ui {

struct ProfileRecord {
    enum class Kind { Demo, Cluster };
    enum class Auth { None, User, Token, Creds, Tls };
    enum class StoreKind { Postgres, Sqlite };

    QString name;
    Kind kind = Kind::Cluster;
    StoreKind storeKind = StoreKind::Postgres;
    QString sqlitePath;
    QString pgHost = QStringLiteral("127.0.0.1");
    int pgPort = 5432;
    QString pgDatabase;
    QString pgUser;
    QString natsUrl;
    Auth auth = Auth::None;
    QString natsUser;
    QString natsCredsFile;
    QString natsTlsCaFile;
    QStringList galleryUrls;
    // Secret files named by the admin (kept as found; used when no secret is typed or stored).
    QString storePasswordFile;
    QString natsPasswordFile;
    QString natsTokenFile;

    // "postgresql://user@host:port/db" or "sqlite:<path>"; empty for the demo.
    QString storeDsn() const;
    // Field-naming problems ("NATS URL: expected nats://HOST[:PORT] …"), empty when usable.
    QStringList problems() const;

    bool operator==(const ProfileRecord &) const = default;
};

// Secrets typed by the admin or read from the keychain; never written to the INI.
struct ProfileSecrets {
    QString storePassword;
    QString natsPassword;
    QString natsToken;
};

class ProfileStore final {
public:
    explicit ProfileStore(QString iniPath) : m_path(std::move(iniPath)) {}

    QList<ProfileRecord> load() const;
    std::optional<ProfileRecord> find(const QString &name) const;
    // Adds or replaces (by name; `previousName` renames).
    Status save(const ProfileRecord &profile, const QString &previousName = {});
    Status remove(const QString &name);
    QString activeProfile() const;

    // Writes the profile's process keys (store/*, nats/*, gallery/urls) and connection/active_profile;
    // secrets given are written to runtime files first. Demo profiles only become active.
    Status activate(const ProfileRecord &profile, const ProfileSecrets &secrets);

    static QString kindName(ProfileRecord::Kind kind);
    static QString authName(ProfileRecord::Auth auth);
    static ProfileRecord::Auth authFromName(const QString &name);

    // <RuntimeLocation>/fleetdeck/secrets (the temporary directory when there is no runtime location).
    static QString runtimeSecretsDir();
    // <runtimeSecretsDir>/<profile>-<what>, written 0600 in a 0700 directory.
    static Result<QString> writeRuntimeSecret(const QString &profile, const QString &what, const QString &secret);

private:
    Status writeAll(const QList<ProfileRecord> &profiles);

    QString m_path;
};

} // namespace fleetdeck::ui
