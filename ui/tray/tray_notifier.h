#pragma once
// The system tray icon and the opt-in desktop notifications (issue #7). The icon is the app icon
// with a status dot (TrayHealth: ● ok, ▲ warning, ■ error, in the theme's colours) and a tooltip
// summing up nodes and operations; its menu has Show, Reconcile now (the report arrives as a tray
// message) and Quit; a click toggles the window. With notifications enabled (off by default),
// failed ops and nodes gone offline are announced through NotificationDigest: coalesced to one
// message per 10 s and never while a Fleetdeck window is active.
// Without a system tray (QSystemTrayIcon::isSystemTrayAvailable() false) it does nothing at all.
#include "tray/notification_digest.h"
#include "tray/tray_health.h"

#include <QIcon>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace fleetdeck {
class EngineHost;
}

namespace fleetdeck::ui {

class TrayNotifier final : public QObject {
    Q_OBJECT
public:
    // `quit` runs when the admin picks Quit in the tray menu.
    TrayNotifier(EngineHost *host, QWidget *window, std::function<void()> quit, QObject *parent = nullptr);
    ~TrayNotifier() override;

    void setNotificationsEnabled(bool enabled);
    bool notificationsEnabled() const { return m_notify; }
    bool isAvailable() const { return m_tray != nullptr; }
    const TrayHealth &health() const { return m_health; }

    void showWindow();   // shows, restores and raises the window
    void toggleWindow(); // hides a shown window, else showWindow()

    // The app icon with the level's status dot, `size` device-independent pixels square.
    static QPixmap statusPixmap(TrayHealth::Level level, int size);
    static QIcon statusIcon(TrayHealth::Level level);

Q_SIGNALS:
    // A desktop notification was shown (also for tests and logs).
    void notified(const QString &title, const QString &text);

private:
    void refresh();
    void updateIcon(bool force);
    void feed();
    void flush();
    void scheduleFlush();
    bool windowActive() const;
    void show(const Notification &n);
    void reconcile();
    void updateActions();

    QPointer<EngineHost> m_host;
    QPointer<QWidget> m_window;
    std::function<void()> m_quit;
    std::unique_ptr<QMenu> m_menu;
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_reconcileAction = nullptr;
    TrayHealth m_health;
    bool m_iconValid = false;
    bool m_notify = false;
    bool m_reconciling = false;
    NotificationDigest m_digest;
    QTimer m_flushTimer;
};

} // namespace fleetdeck::ui
