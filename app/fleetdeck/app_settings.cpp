#include "app_settings.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>
#include <array>

namespace fleetdeck {

namespace {

const QString kVersionKey = QStringLiteral("settings_version");
const QString kTheme = QStringLiteral("ui/theme");
const QString kLanguage = QStringLiteral("ui/language");
const QString kLastPage = QStringLiteral("ui/last_page");
const QString kGeometry = QStringLiteral("ui/geometry");
const QString kWindowState = QStringLiteral("ui/window_state");
const QString kNotifications = QStringLiteral("notifications/enabled");
const QString kProfiles = QStringLiteral("profiles");
const QString kActiveProfile = QStringLiteral("connection/active_profile");

constexpr std::array kThemes{AppSettings::Theme::System, AppSettings::Theme::Light, AppSettings::Theme::Dark};
constexpr std::array kAuths{ConnectionProfile::Auth::None, ConnectionProfile::Auth::User, ConnectionProfile::Auth::Token,
                            ConnectionProfile::Auth::Creds, ConnectionProfile::Auth::Tls};

// v0 → v1: early builds kept the window keys at the top level.
void migrateV0ToV1(QSettings &s)
{
    const std::array<std::pair<QString, QString>, 4> renames{{
        {QStringLiteral("geometry"), kGeometry},
        {QStringLiteral("windowState"), kWindowState},
        {QStringLiteral("theme"), kTheme},
        {QStringLiteral("lastPage"), kLastPage},
    }};
    for (const auto &[from, to] : renames) {
        if (!s.contains(from))
            continue;
        if (!s.contains(to)) // a value already written in the new place wins
            s.setValue(to, s.value(from));
        s.remove(from);
    }
}

ConnectionProfile readProfile(const QSettings &s)
{
    ConnectionProfile p;
    p.name = s.value(QStringLiteral("name")).toString();
    p.kind = s.value(QStringLiteral("kind")).toString() == QLatin1String("demo") ? ConnectionProfile::Kind::Demo
                                                                                   : ConnectionProfile::Kind::Cluster;
    p.store = s.value(QStringLiteral("store")).toString();
    p.storePasswordFile = s.value(QStringLiteral("store_password_file")).toString();
    p.natsUrl = s.value(QStringLiteral("nats_url")).toString();
    const QString auth = s.value(QStringLiteral("auth")).toString();
    for (ConnectionProfile::Auth a : kAuths) {
        if (AppSettings::authName(a) == auth)
            p.auth = a;
    }
    p.natsUser = s.value(QStringLiteral("nats_user")).toString();
    p.natsPasswordFile = s.value(QStringLiteral("nats_password_file")).toString();
    p.natsTokenFile = s.value(QStringLiteral("nats_token_file")).toString();
    p.natsCredsFile = s.value(QStringLiteral("nats_creds_file")).toString();
    p.natsTlsCaFile = s.value(QStringLiteral("nats_tls_ca_file")).toString();
    p.galleryUrls = s.value(QStringLiteral("gallery_urls")).toStringList();
    return p;
}

void writeProfile(QSettings &s, const ConnectionProfile &p)
{
    s.setValue(QStringLiteral("name"), p.name);
    s.setValue(QStringLiteral("kind"), AppSettings::kindName(p.kind));
    s.setValue(QStringLiteral("store"), p.store);
    s.setValue(QStringLiteral("store_password_file"), p.storePasswordFile);
    s.setValue(QStringLiteral("nats_url"), p.natsUrl);
    s.setValue(QStringLiteral("auth"), AppSettings::authName(p.auth));
    s.setValue(QStringLiteral("nats_user"), p.natsUser);
    s.setValue(QStringLiteral("nats_password_file"), p.natsPasswordFile);
    s.setValue(QStringLiteral("nats_token_file"), p.natsTokenFile);
    s.setValue(QStringLiteral("nats_creds_file"), p.natsCredsFile);
    s.setValue(QStringLiteral("nats_tls_ca_file"), p.natsTlsCaFile);
    s.setValue(QStringLiteral("gallery_urls"), p.galleryUrls);
}

} // namespace

AppSettings::AppSettings()
    : AppSettings(defaultPath())
{
}

AppSettings::AppSettings(const QString &path)
    : m_settings(std::make_unique<QSettings>(path, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

QString AppSettings::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("fleetdeck/fleetdeck.conf"));
}

QString AppSettings::path() const
{
    return m_settings->fileName();
}

int AppSettings::version() const
{
    return m_settings->value(kVersionKey, 0).toInt();
}

int AppSettings::migrate()
{
    const int from = version();
    int v = from;
    if (v == 0) {
        migrateV0ToV1(*m_settings);
        v = 1;
    }
    // Next: if (v == 1) { migrateV1ToV2(*m_settings); v = 2; }
    if (v != from)
        m_settings->setValue(kVersionKey, v);
    return from;
}

QString AppSettings::themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
    }
    return QStringLiteral("system");
}

std::optional<AppSettings::Theme> AppSettings::themeFromName(const QString &name)
{
    for (Theme t : kThemes) {
        if (themeName(t) == name)
            return t;
    }
    return std::nullopt;
}

QString AppSettings::kindName(ConnectionProfile::Kind kind)
{
    return kind == ConnectionProfile::Kind::Demo ? QStringLiteral("demo") : QStringLiteral("cluster");
}

QString AppSettings::authName(ConnectionProfile::Auth auth)
{
    switch (auth) {
    case ConnectionProfile::Auth::User: return QStringLiteral("user");
    case ConnectionProfile::Auth::Token: return QStringLiteral("token");
    case ConnectionProfile::Auth::Creds: return QStringLiteral("creds");
    case ConnectionProfile::Auth::Tls: return QStringLiteral("tls");
    case ConnectionProfile::Auth::None: break;
    }
    return QStringLiteral("none");
}

AppSettings::Theme AppSettings::theme() const
{
    return themeFromName(m_settings->value(kTheme).toString()).value_or(Theme::System);
}

void AppSettings::setTheme(Theme theme)
{
    m_settings->setValue(kTheme, themeName(theme));
}

QString AppSettings::language() const
{
    return m_settings->value(kLanguage).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings->setValue(kLanguage, language);
}

QString AppSettings::lastPage() const
{
    return m_settings->value(kLastPage).toString();
}

void AppSettings::setLastPage(const QString &page)
{
    m_settings->setValue(kLastPage, page);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(kGeometry, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(kWindowState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(kWindowState, state);
}

bool AppSettings::notificationsEnabled() const
{
    return m_settings->value(kNotifications, false).toBool();
}

void AppSettings::setNotificationsEnabled(bool enabled)
{
    m_settings->setValue(kNotifications, enabled);
}

QList<ConnectionProfile> AppSettings::profiles() const
{
    QList<ConnectionProfile> out;
    const int n = m_settings->beginReadArray(kProfiles);
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        ConnectionProfile p = readProfile(*m_settings);
        if (!p.name.isEmpty())
            out << p;
    }
    m_settings->endArray();
    return out;
}

void AppSettings::setProfiles(const QList<ConnectionProfile> &profiles)
{
    m_settings->remove(kProfiles); // no stale entries past the new size
    m_settings->beginWriteArray(kProfiles, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        m_settings->setArrayIndex(i);
        writeProfile(*m_settings, profiles.at(i));
    }
    m_settings->endArray();
}

std::optional<ConnectionProfile> AppSettings::profile(const QString &name) const
{
    for (const ConnectionProfile &p : profiles()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

void AppSettings::saveProfile(const ConnectionProfile &profile)
{
    QList<ConnectionProfile> all = profiles();
    auto it = std::find_if(all.begin(), all.end(), [&](const ConnectionProfile &p) { return p.name == profile.name; });
    if (it != all.end())
        *it = profile;
    else
        all << profile;
    setProfiles(all);
}

bool AppSettings::removeProfile(const QString &name)
{
    QList<ConnectionProfile> all = profiles();
    const qsizetype removed = all.removeIf([&](const ConnectionProfile &p) { return p.name == name; });
    if (removed == 0)
        return false;
    setProfiles(all);
    if (activeProfile() == name)
        m_settings->remove(kActiveProfile);
    return true;
}

QString AppSettings::activeProfile() const
{
    return m_settings->value(kActiveProfile).toString();
}

void AppSettings::setActiveProfile(const QString &name)
{
    m_settings->setValue(kActiveProfile, name);
}

bool AppSettings::sync()
{
    m_settings->sync();
    return m_settings->status() == QSettings::NoError;
}

} // namespace fleetdeck
