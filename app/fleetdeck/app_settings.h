#pragma once
// The desktop GUI's own settings (issue #7), typed, over QSettings in INI format: by default the
// file fleetdeck.conf in the per-user configuration directory (~/.config/fleetdeck/fleetdeck.conf
// on Linux, docs/architecture.md#configuration), the same file the engine's ConfigLoader reads for
// the store/*, nats/* and gallery/* keys; --demo passes a file in its temporary directory. This
// class writes only the groups the loader does not check (ui, notifications, and settings_version
// in General). Connection profiles live in the same file but have one reader and writer:
// ui/connection/profile_store.h (ProfileStore).
//
//   AppSettings settings;                  // or AppSettings(path) for the demo and tests
//   settings.migrate();                    // once at start: brings an older file to kCurrentVersion
//   settings.setTheme(AppSettings::Theme::Dark);
//   settings.sync();                       // QSettings also writes on destruction
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QSettings;

namespace fleetdeck {

class AppSettings final {
public:
    enum class Theme { System, Light, Dark };

    static constexpr int kCurrentVersion = 1;

    // The per-user file (defaultPath()).
    AppSettings();
    // Another file: the demo's, a test's.
    explicit AppSettings(const QString &path);
    ~AppSettings();
    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    // <GenericConfigLocation>/fleetdeck/fleetdeck.conf.
    static QString defaultPath();
    QString path() const;

    // The file's settings version: 0 for a file written before versions existed (or a new one).
    int version() const;
    // Brings the file to kCurrentVersion, one step at a time; a newer file is left untouched.
    // Returns the version the file had. v0 → v1: the top-level keys "geometry", "windowState",
    // "theme" and "lastPage" of early builds move into group ui.
    int migrate();

    Theme theme() const; // System when unset or unknown
    void setTheme(Theme theme);
    QString language() const; // BCP 47 name ("de", "pt_BR"); empty = the system's
    void setLanguage(const QString &language);
    QString lastPage() const; // the object name of the page shown at exit; empty = the default
    void setLastPage(const QString &page);
    QByteArray windowGeometry() const; // QWidget::saveGeometry()
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const; // QMainWindow::saveState()
    void setWindowState(const QByteArray &state);
    bool notificationsEnabled() const; // desktop notifications for finished operations; opt-in
    void setNotificationsEnabled(bool enabled);

    static QString themeName(Theme theme);                 // "system", "light", "dark"
    static std::optional<Theme> themeFromName(const QString &name);

    // Writes pending changes to the file; false (with the file untouched) on an I/O or format error.
    bool sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace fleetdeck
