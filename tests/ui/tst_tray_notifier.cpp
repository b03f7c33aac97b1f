// The tray widget (issue #7): the status dot painted on the app icon in the theme's colour (and the
// icon itself, from :/icons/fleetdeck.svg), and Show / click-to-toggle on the window. What the
// notifications say is in tst_notifications; the tray itself needs a desktop with a tray host.
#include "bridge/engine_host.h"
#include "theme/theme.h"
#include "tray/tray_notifier.h"

#include <QSystemTrayIcon>
#include <QWidget>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::ui;

namespace {
int pixelsOf(const QImage &img, const QRect &area, const QColor &c)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            count += img.pixel(x, y) == c.rgba() ? 1 : 0;
    return count;
}
} // namespace

class TstTrayNotifier : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void status_dot_in_theme_colour_on_the_app_icon()
    {
        for (const Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
            Theme::instance().apply(mode);
            for (const auto level : {TrayHealth::Level::Ok, TrayHealth::Level::Warning, TrayHealth::Level::Error}) {
                const QImage img = TrayNotifier::statusPixmap(level, 64).toImage();
                QCOMPARE(img.size(), QSize(64, 64));
                QCOMPARE(img.pixelColor(32, 4), QColor(0x1d, 0x4b, 0x73)); // the app icon (resource loaded)
                const QRect corner(32, 32, 32, 32);
                for (const auto other : {TrayHealth::Level::Ok, TrayHealth::Level::Warning, TrayHealth::Level::Error}) {
                    const int n = pixelsOf(img, corner, Theme::instance().color(TrayHealth::toneOf(other)));
                    if (other == level)
                        QVERIFY2(n > 150, qPrintable(QStringLiteral("%1 dot pixels").arg(n)));
                    else
                        QCOMPARE(n, 0);
                }
            }
        }
        Theme::instance().apply(Theme::Mode::Light);
        QVERIFY(!TrayNotifier::statusIcon(TrayHealth::Level::Ok).availableSizes().isEmpty());
    }

    void notifier_toggles_the_window()
    {
        EngineHost host(EngineStarter{});
        QWidget window;
        int quits = 0;
        TrayNotifier tray(&host, &window, [&] { ++quits; });
        QCOMPARE(tray.isAvailable(), QSystemTrayIcon::isSystemTrayAvailable());
        QVERIFY(!tray.notificationsEnabled()); // opt-in
        tray.setNotificationsEnabled(true);
        QVERIFY(tray.notificationsEnabled());
        QCOMPARE(tray.health().level, TrayHealth::Level::Ok);
        tray.toggleWindow();
        QVERIFY(window.isVisible());
        tray.toggleWindow();
        QVERIFY(!window.isVisible());
        window.showMinimized();
        tray.showWindow();
        QVERIFY(window.isVisible() && !window.isMinimized());
        QCOMPARE(quits, 0);
    }
};

QTEST_MAIN(TstTrayNotifier)
#include "tst_tray_notifier.moc"
