// The real window against a live engine (the demo: in-process workers running the real worker
// code), under Xvfb. Waits until an op runs, one has failed and one is "Worker busy", then saves a
// screenshot of every page in the light and the dark theme for a person to look at, and checks
// what those pictures must show: the failure line with Retry and Dismiss, the amber busy card, and
// no spinner on the failed op's card (A15 live).
// Registered by tests/CMakeLists.txt as `gui_live_screenshots` (run under xvfb-run).
#include "bridge/demo_starter.h"
#include "bridge/engine_host.h"
#include "main_window.h"
#include "models/backends_model.h"
#include "models/ops_model.h"
#include "theme/theme.h"
#include "views/backends_page.h"
#include "widgets/ops_bar.h"

#include <QApplication>
#include <QDir>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::ui;

namespace {
bool has(const QList<Operation> &ops, OpState state)
{
    return std::any_of(ops.begin(), ops.end(), [state](const Operation &o) { return o.state == state; });
}

QString shotDir()
{
    const QString dir = qEnvironmentVariable("FLEETDECK_SCREENSHOT_DIR", QDir::currentPath() + QStringLiteral("/screenshots"));
    QDir().mkpath(dir);
    return dir;
}
} // namespace

class GuiLiveScreenshots : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pages_with_running_failed_and_busy_ops()
    {
        Theme::instance().apply(Theme::Mode::Light);
        EngineHost host(demoStarter(true));
        MainWindow window(&host);
        window.setConfirmQuit(false);
        window.setProfileName(QStringLiteral("Demo cluster"));
        window.resize(1400, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        host.start();
        QTRY_VERIFY_WITH_TIMEOUT(host.isStarted(), 30000);
        // The tour upgrades (running), fails piper and leaves jetson-orin "Worker busy" (20 s timeout).
        QTRY_VERIFY_WITH_TIMEOUT(has(host.snapshot().ops, OpState::RunningOnWorker) && has(host.snapshot().ops, OpState::Failed)
                                     && has(host.snapshot().ops, OpState::Running),
                                 120000);
        host.setTourPaused(true);
        QTest::qWait(300);

        // The bar: the failure line with Retry and Dismiss; the busy line amber.
        OpsModel *ops = window.opsBar()->model();
        bool failedLine = false, busyLine = false;
        for (int i = 0; i < ops->rowCount(); ++i) {
            const auto line = ops->index(i, 0).data(OpsModel::OpLineRole).value<OpLine>();
            if (line.icon == OpLine::Icon::Error) {
                failedLine = line.text.startsWith(QStringLiteral("Failed to ")) && line.buttons == QList<OpButton>{OpButton::Retry, OpButton::Dismiss};
            }
            if (line.icon == OpLine::Icon::Clock)
                busyLine = line.warning;
        }
        QVERIFY(failedLine);
        QVERIFY(busyLine);
        // Cards: a card spins only for an op without error (A15): every failed op's card is idle
        // unless another, unfailed op of the same backend runs.
        BackendsModel *cards = window.backendsPage()->model();
        bool busyCard = false;
        for (const Operation &op : host.snapshot().ops) {
            const BackendRow *row = cards->row(op.backend);
            QVERIFY2(row, qPrintable(op.backend));
            if (op.state == OpState::RunningOnWorker)
                busyCard = busyCard || row->state.visual == CardState::Visual::WorkerBusy;
            if (op.state == OpState::Failed) {
                const bool other = std::any_of(host.snapshot().ops.begin(), host.snapshot().ops.end(), [&](const Operation &o) {
                    return o.backend == op.backend && o.state != OpState::Failed;
                });
                QVERIFY2(other || !row->state.busy(), qPrintable(op.backend + QStringLiteral(" spins for a failed op")));
            }
        }
        QVERIFY(busyCard);

        const QString dir = shotDir();
        for (Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
            Theme::instance().apply(mode);
            for (auto page : {MainWindow::Page::Backends, MainWindow::Page::Manage, MainWindow::Page::Nodes, MainWindow::Page::Activity}) {
                window.showPage(page);
                QTest::qWait(250);
                const QString names[] = {QStringLiteral("backends"), QStringLiteral("manage"), QStringLiteral("nodes"), QStringLiteral("activity")};
                const QString file = QStringLiteral("%1/%2-%3.png").arg(dir, names[int(page)], Theme::modeToString(mode));
                const QImage img = window.grab().toImage();
                QVERIFY(img.width() >= 1000);
                QVERIFY(img.save(file));
                qInfo().noquote() << "saved" << file;
            }
            // Text colours of every tone reach 4.5:1 on the window and the card background.
            for (Tone t : {Tone::Ok, Tone::Warning, Tone::Error, Tone::Info, Tone::Draining, Tone::Pending, Tone::Neutral}) {
                QVERIFY(Theme::contrast(Theme::instance().readable(t, Theme::instance().cardBackground()), Theme::instance().cardBackground()) >= 4.5);
                QVERIFY(Theme::contrast(Theme::instance().readable(t, QApplication::palette().color(QPalette::Base)),
                                        QApplication::palette().color(QPalette::Base)) >= 4.5);
            }
        }
        bool stopped = false;
        host.stop([&] { stopped = true; });
        QTRY_VERIFY_WITH_TIMEOUT(stopped, 10000);
    }
};

QTEST_MAIN(GuiLiveScreenshots)
#include "gui_live_screenshots.moc"
