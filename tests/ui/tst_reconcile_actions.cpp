// §11.6 in the window: "Reconcile now", "Reap stale operations" and "Clean stale pending ops" run
// against a live engine (the demo without its tour) and each shows what it did; the status bar
// keeps the last report with its age.
#include "bridge/demo_starter.h"
#include "bridge/engine_host.h"
#include "main_window.h"
#include "theme/theme.h"

#include <QAction>
#include <QMenuBar>
#include <QStatusBar>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::ui;

namespace {
QAction *action(QMainWindow &w, const QString &text)
{
    for (QAction *menu : w.menuBar()->actions())
        if (menu->menu())
            for (QAction *a : menu->menu()->actions())
                if (a->text().remove(QLatin1Char('&')) == text)
                    return a;
    return nullptr;
}
} // namespace

class TstReconcileActions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reconcile_actions_report_what_they_did()
    {
        Theme::instance().apply(Theme::Mode::Light);
        EngineHost host(demoStarter(false));
        MainWindow window(&host);
        window.setConfirmQuit(false);
        window.show();
        host.start();
        QTRY_VERIFY_WITH_TIMEOUT(host.isStarted(), 30000);
        QCOMPARE(window.statusText(), QStringLiteral("No reconcile report yet"));

        QAction *reconcile = action(window, QStringLiteral("Reconcile now"));
        QAction *reap = action(window, QStringLiteral("Reap stale operations"));
        QAction *clean = action(window, QStringLiteral("Clean stale pending ops"));
        QVERIFY(reconcile && reap && clean);

        reconcile->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().startsWith(QStringLiteral("Reconcile: ")), 30000);
        const QString summary = window.statusBar()->currentMessage();
        QVERIFY2(summary.contains(QStringLiteral("stale pending deleted")) && summary.contains(QStringLiteral("retried"))
                     && summary.contains(QStringLiteral(" ms")),
                 qPrintable(summary));
        // The report is broadcast and kept as "last report" with its age.
        QTRY_VERIFY_WITH_TIMEOUT(window.statusText().startsWith(QStringLiteral("Last reconcile")), 10000);
        QVERIFY2(window.statusText().contains(QStringLiteral("Reconcile: ")), qPrintable(window.statusText()));

        reap->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().startsWith(QStringLiteral("Reap stale operations: ")), 30000);
        // The demo seeds one op abandoned by a dead replica long ago: the first reap finds it,
        // unless the start-up reap already did.
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("reaped")), qPrintable(window.statusBar()->currentMessage()));

        clean->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().startsWith(QStringLiteral("Clean stale pending ops: ")), 30000);
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("deleted")), qPrintable(window.statusBar()->currentMessage()));

        bool stopped = false;
        host.stop([&] { stopped = true; });
        QTRY_VERIFY_WITH_TIMEOUT(stopped, 10000);
    }
};

QTEST_MAIN(TstReconcileActions)
#include "tst_reconcile_actions.moc"
