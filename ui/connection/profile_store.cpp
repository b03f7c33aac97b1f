#include "connection/profile_store.h"

#include "config/cluster_settings.h"
#include "config/process_keys.h"
#include "store/store_config.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>
#include <array>

namespace fleetdeck::ui {

namespace {

const QString kProfiles = QStringLiteral("profiles");
const QString kActive = QStringLiteral("connection/active_profile");

constexpr std::array kAuths{ProfileRecord::Auth::None, ProfileRecord::Auth::User, ProfileRecord::Auth::Token,
                            ProfileRecord::Auth::Creds, ProfileRecord::Auth::Tls};

ProfileRecord readOne(const QSettings &s)
{
    ProfileRecord p;
    p.name = s.value(QStringLiteral("name")).toString();
    p.kind = s.value(QStringLiteral("kind")).toString() == QLatin1String("demo") ? ProfileRecord::Kind::Demo
                                                                                   : ProfileRecord::Kind::Cluster;
    // Parsed leniently (not StoreConfig::fromDsn), so that a profile saved half-filled keeps its fields.
    const QString dsn = s.value(QStringLiteral("store")).toString();
    if (dsn.startsWith(QLatin1String("sqlite:"))) {
        p.storeKind = ProfileRecord::StoreKind::Sqlite;
        p.sqlitePath = dsn.mid(7);
    } else if (dsn.startsWith(QLatin1String("postgresql://")) || dsn.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(dsn, QUrl::TolerantMode);
        p.pgHost = url.host();
        p.pgPort = url.port(5432);
        p.pgDatabase = url.path().mid(1);
        p.pgUser = url.userName();
    }
    p.storePasswordFile = s.value(QStringLiteral("store_password_file")).toString();
    p.natsUrl = s.value(QStringLiteral("nats_url")).toString();
    p.auth = ProfileStore::authFromName(s.value(QStringLiteral("auth")).toString());
    p.natsUser = s.value(QStringLiteral("nats_user")).toString();
    p.natsPasswordFile = s.value(QStringLiteral("nats_password_file")).toString();
    p.natsTokenFile = s.value(QStringLiteral("nats_token_file")).toString();
    p.natsCredsFile = s.value(QStringLiteral("nats_creds_file")).toString();
    p.natsTlsCaFile = s.value(QStringLiteral("nats_tls_ca_file")).toString();
    p.galleryUrls = s.value(QStringLiteral("gallery_urls")).toStringList();
    p.galleryUrls.removeAll(QString());
    return p;
}

void writeOne(QSettings &s, const ProfileRecord &p)
{
    s.setValue(QStringLiteral("name"), p.name);
    s.setValue(QStringLiteral("kind"), ProfileStore::kindName(p.kind));
    s.setValue(QStringLiteral("store"), p.storeDsn());
    s.setValue(QStringLiteral("store_password_file"), p.storePasswordFile);
    s.setValue(QStringLiteral("nats_url"), p.natsUrl);
    s.setValue(QStringLiteral("auth"), ProfileStore::authName(p.auth));
    s.setValue(QStringLiteral("nats_user"), p.natsUser);
    s.setValue(QStringLiteral("nats_password_file"), p.natsPasswordFile);
    s.setValue(QStringLiteral("nats_token_file"), p.natsTokenFile);
    s.setValue(QStringLiteral("nats_creds_file"), p.natsCredsFile);
    s.setValue(QStringLiteral("nats_tls_ca_file"), p.natsTlsCaFile);
    s.setValue(QStringLiteral("gallery_urls"), p.galleryUrls);
}

Status syncStatus(QSettings &s)
{
    s.sync();
    if (s.status() != QSettings::NoError)
        return Status::failure(QCoreApplication::translate("fleetdeck::ui::ProfileRecord", "cannot write %1").arg(s.fileName()));
    return okStatus();
}

// A profile name as a file name part: anything but [A-Za-z0-9._-] becomes '_'.
QString fileSafe(const QString &name)
{
    QString out = name;
    static const QRegularExpression bad(QStringLiteral("[^A-Za-z0-9._-]"));
    out.replace(bad, QStringLiteral("_"));
    return out.isEmpty() ? QStringLiteral("profile") : out;
}

// Problems are shown in the dialog: translated in ProfileRecord's context.
QString trp(const char *text)
{
    return QCoreApplication::translate("fleetdeck::ui::ProfileRecord", text);
}

} // namespace

QString ProfileRecord::storeDsn() const
{
    if (kind == Kind::Demo)
        return {};
    StoreConfig c;
    if (storeKind == StoreKind::Sqlite) {
        c.driver = StoreConfig::Driver::Sqlite;
        c.path = sqlitePath;
    } else {
        c.driver = StoreConfig::Driver::Postgres;
        c.host = pgHost;
        c.port = pgPort;
        c.database = pgDatabase;
        c.user = pgUser;
    }
    return c.dsn();
}

QStringList ProfileRecord::problems() const
{
    QStringList out;
    if (name.trimmed().isEmpty())
        out << trp("Name: required");
    if (kind == Kind::Demo)
        return out;
    ProcessConfig scratch;
    QString reason;
    if (natsUrl.trimmed().isEmpty())
        out << trp("NATS URL: required");
    else if (!config::applyProcessKey(*config::findProcessKey(QStringLiteral("nats/url")), {natsUrl}, scratch, &reason))
        out << trp("NATS URL: ") + reason;
    if (auth == Auth::User && natsUser.trimmed().isEmpty())
        out << trp("NATS user: required for user and password");
    if (auth == Auth::Creds && natsCredsFile.trimmed().isEmpty())
        out << trp("NATS credentials file: required");
    if (auth == Auth::Tls && natsTlsCaFile.trimmed().isEmpty())
        out << trp("TLS CA file: required");
    if (storeKind == StoreKind::Sqlite) {
        if (sqlitePath.trimmed().isEmpty())
            out << trp("SQLite file: required");
        else if (!QDir::isAbsolutePath(sqlitePath))
            out << trp("SQLite file: expected an absolute path");
    } else {
        if (pgHost.trimmed().isEmpty())
            out << trp("PostgreSQL host: required");
        if (pgDatabase.trimmed().isEmpty())
            out << trp("PostgreSQL database: required");
        if (pgUser.trimmed().isEmpty())
            out << trp("PostgreSQL user: required");
        if (pgPort < 1 || pgPort > 65535)
            out << trp("PostgreSQL port: expected 1 to 65535");
    }
    QJsonArray galleries;
    for (const QString &url : galleryUrls)
        galleries.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("g%1").arg(galleries.size())},
                                     {QStringLiteral("url"), url}});
    const QString json = QString::fromUtf8(QJsonDocument(galleries).toJson(QJsonDocument::Compact));
    if (auto v = ClusterSettings::validate(QStringLiteral("galleries"), json); !v)
        out << trp("Galleries: ") + v.error().section(QStringLiteral(": "), 1, -1);
    return out;
}

QString ProfileStore::kindName(ProfileRecord::Kind kind)
{
    return kind == ProfileRecord::Kind::Demo ? QStringLiteral("demo") : QStringLiteral("cluster");
}

QString ProfileStore::authName(ProfileRecord::Auth auth)
{
    switch (auth) {
    case ProfileRecord::Auth::User: return QStringLiteral("user");
    case ProfileRecord::Auth::Token: return QStringLiteral("token");
    case ProfileRecord::Auth::Creds: return QStringLiteral("creds");
    case ProfileRecord::Auth::Tls: return QStringLiteral("tls");
    case ProfileRecord::Auth::None: break;
    }
    return QStringLiteral("none");
}

ProfileRecord::Auth ProfileStore::authFromName(const QString &name)
{
    for (ProfileRecord::Auth a : kAuths) {
        if (authName(a) == name)
            return a;
    }
    return ProfileRecord::Auth::None;
}

QList<ProfileRecord> ProfileStore::load() const
{
    QSettings s(m_path, QSettings::IniFormat);
    QList<ProfileRecord> out;
    const int n = s.beginReadArray(kProfiles);
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        ProfileRecord p = readOne(s);
        if (!p.name.isEmpty())
            out << p;
    }
    s.endArray();
    return out;
}

std::optional<ProfileRecord> ProfileStore::find(const QString &name) const
{
    for (const ProfileRecord &p : load()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

Status ProfileStore::writeAll(const QList<ProfileRecord> &profiles)
{
    QSettings s(m_path, QSettings::IniFormat);
    s.remove(kProfiles); // no stale entries past the new size
    s.beginWriteArray(kProfiles, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        s.setArrayIndex(i);
        writeOne(s, profiles.at(i));
    }
    s.endArray();
    return syncStatus(s);
}

Status ProfileStore::save(const ProfileRecord &profile, const QString &previousName)
{
    QList<ProfileRecord> all = load();
    const QString key = previousName.isEmpty() ? profile.name : previousName;
    if (key != profile.name && std::any_of(all.cbegin(), all.cend(), [&](const ProfileRecord &p) { return p.name == profile.name; }))
        return Status::failure(QCoreApplication::translate("fleetdeck::ui::ProfileRecord", "a profile named \"%1\" already exists").arg(profile.name));
    auto it = std::find_if(all.begin(), all.end(), [&](const ProfileRecord &p) { return p.name == key; });
    if (it != all.end())
        *it = profile;
    else
        all << profile;
    return writeAll(all);
}

Status ProfileStore::remove(const QString &name)
{
    QList<ProfileRecord> all = load();
    all.removeIf([&](const ProfileRecord &p) { return p.name == name; });
    if (activeProfile() == name) {
        QSettings s(m_path, QSettings::IniFormat);
        s.remove(kActive);
    }
    return writeAll(all);
}

QString ProfileStore::activeProfile() const
{
    return QSettings(m_path, QSettings::IniFormat).value(kActive).toString();
}

QString ProfileStore::runtimeSecretsDir()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (base.isEmpty())
        base = QDir::tempPath();
    return base + QStringLiteral("/fleetdeck/secrets");
}

Result<QString> ProfileStore::writeRuntimeSecret(const QString &profile, const QString &what, const QString &secret)
{
    const QString dirPath = runtimeSecretsDir();
    if (!QDir().mkpath(dirPath))
        return Result<QString>::failure(QCoreApplication::translate("fleetdeck::ui::ProfileRecord", "cannot create %1").arg(dirPath));
    const auto ownerOnly = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
    QFile::setPermissions(QFileInfo(dirPath).absolutePath(), ownerOnly);
    QFile::setPermissions(dirPath, ownerOnly);
    const QString path = dirPath + QLatin1Char('/') + fileSafe(profile) + QLatin1Char('-') + what;
    QFile file(path);
    // Created 0600; an existing file is narrowed before the secret is written into it.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, QFile::ReadOwner | QFile::WriteOwner))
        return Result<QString>::failure(QCoreApplication::translate("fleetdeck::ui::ProfileRecord", "cannot write %1: %2").arg(path, file.errorString()));
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    const QByteArray data = secret.toUtf8();
    if (file.write(data) != data.size() || !file.flush())
        return Result<QString>::failure(QCoreApplication::translate("fleetdeck::ui::ProfileRecord", "cannot write %1: %2").arg(path, file.errorString()));
    return path;
}

Status ProfileStore::activate(const ProfileRecord &p, const ProfileSecrets &secrets)
{
    if (p.kind == ProfileRecord::Kind::Cluster) {
        if (const QStringList problems = p.problems(); !problems.isEmpty())
            return Status::failure(problems.join(QStringLiteral("; ")));
    }
    // Secret files first, so that a failure leaves the previous configuration untouched.
    QString storePasswordFile = p.storePasswordFile;
    QString natsPasswordFile = p.natsPasswordFile;
    QString natsTokenFile = p.natsTokenFile;
    const auto runtimeFile = [&](const QString &secret, const char *what, QString *out) -> Status {
        if (secret.isEmpty())
            return okStatus();
        auto path = writeRuntimeSecret(p.name, QLatin1String(what), secret);
        if (!path)
            return Status::failure(path.error());
        *out = path.value();
        return okStatus();
    };
    const bool pg = p.storeKind == ProfileRecord::StoreKind::Postgres;
    if (p.kind == ProfileRecord::Kind::Cluster) {
        if (pg) {
            if (Status s = runtimeFile(secrets.storePassword, "store-password", &storePasswordFile); !s)
                return s;
        }
        if (p.auth == ProfileRecord::Auth::User) {
            if (Status s = runtimeFile(secrets.natsPassword, "nats-password", &natsPasswordFile); !s)
                return s;
        }
        if (p.auth == ProfileRecord::Auth::Token) {
            if (Status s = runtimeFile(secrets.natsToken, "nats-token", &natsTokenFile); !s)
                return s;
        }
    }

    QSettings s(m_path, QSettings::IniFormat);
    s.setValue(kActive, p.name);
    if (p.kind == ProfileRecord::Kind::Demo)
        return syncStatus(s);
    for (const char *group : {"store", "nats", "gallery"})
        s.remove(QLatin1String(group));
    const auto set = [&s](const char *key, const QVariant &value) { s.setValue(QLatin1String(key), value); };
    if (pg) {
        set("store/driver", QStringLiteral("postgres"));
        set("store/host", p.pgHost.trimmed());
        set("store/port", QString::number(p.pgPort)); // text, as ConfigLoader expects
        set("store/database", p.pgDatabase.trimmed());
        if (!p.pgUser.trimmed().isEmpty())
            set("store/user", p.pgUser.trimmed());
        if (!storePasswordFile.isEmpty())
            set("store/password_file", storePasswordFile);
    } else {
        set("store/driver", QStringLiteral("sqlite"));
        set("store/path", p.sqlitePath.trimmed());
    }
    set("nats/url", p.natsUrl.trimmed());
    switch (p.auth) {
    case ProfileRecord::Auth::User:
        set("nats/user", p.natsUser.trimmed());
        if (!natsPasswordFile.isEmpty())
            set("nats/password_file", natsPasswordFile);
        break;
    case ProfileRecord::Auth::Token:
        if (!natsTokenFile.isEmpty())
            set("nats/token_file", natsTokenFile);
        break;
    case ProfileRecord::Auth::Creds: set("nats/creds", p.natsCredsFile.trimmed()); break;
    case ProfileRecord::Auth::Tls:
    case ProfileRecord::Auth::None: break;
    }
    if (!p.natsTlsCaFile.trimmed().isEmpty())
        set("nats/tls_ca", p.natsTlsCaFile.trimmed());
    if (!p.galleryUrls.isEmpty())
        set("gallery/urls", p.galleryUrls);
    return syncStatus(s);
}

} // namespace fleetdeck::ui
