// The real window against a live engine (the demo: in-process workers running the real worker
// code), under Xvfb. Waits until an op runs, one has failed and one is "Worker busy", then saves a
// screenshot of every page in the light and the dark theme for a person to look at, and checks
// what those pictures must show: the failure line with Retry and Dismiss, the amber busy card, and
// no spinner on the failed op's card (A15 live). Then the Backends page at 1,120, 1,400 and 1,920 px:
// the card grid reflows, with as many columns as fit and less than one card of width left over.
// Registered by tests/CMakeLists.txt as `gui_live_screenshots` (run under xvfb-run).
#include "bridge/demo_starter.h"
#include "delegates/card_delegate.h"
#include "bridge/engine_host.h"
#include "main_window.h"
#include "models/backends_model.h"
#include "models/ops_model.h"
#include "theme/theme.h"
#include "views/backends_page.h"
#include "widgets/ops_bar.h"

#include <QApplication>
#include <QDir>
#include <QListView>
#include <QScrollBar>
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

    // What a person sees of the grid at three window widths: the first row's cards are equally
    // wide and evenly spaced, more columns fit as the window grows, and the width left empty right
    // of the last column is less than one card (only the margin and the scroll bar's room).
    static void checkReflow(MainWindow &window, const QString &dir)
    {
        Theme::instance().apply(Theme::Mode::Light);
        window.showPage(MainWindow::Page::Backends);
        BackendsPage *page = window.backendsPage();
        QListView *view = page->view();
        const QFontMetrics fm = view->fontMetrics();
        const int gap = CardDelegate::gap(fm);
        const int extent = view->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, view->verticalScrollBar());
        const int rows = view->model()->rowCount();
        QVERIFY2(rows >= 6, "the demo gallery has too few backends to fill a row at 1,920 px");
        QList<int> columnsAt;
        for (int width : {1120, 1400, 1920}) {
            window.resize(width, 860);
            QTRY_COMPARE(window.width(), width);
            QTest::qWait(400); // QListView lays out again 100 ms after a resize
            const QRect first = view->visualRect(view->model()->index(0, 0));
            int columns = 0;
            QRect last;
            for (int i = 0; i < rows; ++i) {
                const QRect r = view->visualRect(view->model()->index(i, 0));
                if (r.top() != first.top())
                    break;
                QCOMPARE(r.width(), first.width());
                QCOMPARE(r.left(), first.left() + i * first.width()); // even gaps
                ++columns;
                last = r;
            }
            const int cardWidth = first.width() - gap;
            const int cardRight = last.left() + gap / 2 + cardWidth; // the last column's card edge
            const int unused = view->viewport()->width() - cardRight;
            const QString file = QStringLiteral("%1/backends-%2.png").arg(dir).arg(width);
            QVERIFY(window.grab().toImage().save(file));
            qInfo().noquote() << "saved" << file << columns << "columns of" << cardWidth << "px cards," << unused << "px unused";
            QCOMPARE(columns, page->columns());
            QVERIFY2(cardWidth >= CardDelegate::minCardWidth(fm), qPrintable(QString::number(cardWidth)));
            QVERIFY2(unused < cardWidth, qPrintable(QStringLiteral("%1 px unused at %2 px").arg(unused).arg(width)));
            // Only the half gap, the scroll bar's room and less than a pixel per column are left.
            QVERIFY2(unused <= gap / 2 + extent + columns, qPrintable(QStringLiteral("%1 px unused at %2 px").arg(unused).arg(width)));
            QVERIFY(!view->horizontalScrollBar()->isVisible());
            columnsAt << columns;
        }
        QVERIFY2(columnsAt[0] >= 3, qPrintable(QString::number(columnsAt[0])));
        QVERIFY(columnsAt[1] >= columnsAt[0]);
        QVERIFY(columnsAt[2] > columnsAt[1]);
    }

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
        checkReflow(window, dir);
        bool stopped = false;
        host.stop([&] { stopped = true; });
        QTRY_VERIFY_WITH_TIMEOUT(stopped, 10000);
    }
};

QTEST_MAIN(GuiLiveScreenshots)
#include "gui_live_screenshots.moc"
