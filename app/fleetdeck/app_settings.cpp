#include "app_settings.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

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

constexpr std::array kThemes{AppSettings::Theme::System, AppSettings::Theme::Light, AppSettings::Theme::Dark};

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

bool AppSettings::sync()
{
    m_settings->sync();
    return m_settings->status() == QSettings::NoError;
}

} // namespace fleetdeck
