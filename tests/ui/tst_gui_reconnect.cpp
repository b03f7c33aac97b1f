// A28 in the window (SPEC §11.8): R2 is the GUI replica (EngineHost + MainWindow) reaching a real
// nats-server through a TCP proxy; R1 shares the real PostgreSQL store. R2's bar shows R1's op at
// 30 %; the proxy drops R2's connection and refuses reconnects while R1 finishes the op: the
// indicator reads "○ Disconnected" and the bar is dimmed. Once the proxy accepts again, the bar no
// longer holds the op, the Activity view shows its success, and no line is left at 30 %.
// fleetdeck-test-labels: postgres
#include "bridge/engine_host.h"
#include "core/clock.h"
#include "engine.h"
#include "main_window.h"
#include "models/history_model.h"
#include "models/ops_model.h"
#include "nats_test_server.h"
#include "store/store_thread.h"
#include "reconnect_scenario.h"
#include "tcp_proxy.h"
#include "test_db.h"
#include "test_replica.h"
#include "test_util.h"
#include "theme/theme.h"
#include "views/activity_page.h"
#include "widgets/connection_indicator.h"
#include "widgets/ops_bar.h"

#include <QFile>
#include <QGraphicsEffect>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {
int barProgressOf(ui::OpsModel *model, const QString &opId)
{
    const QModelIndex idx = model->indexOf(opId);
    return idx.isValid() ? idx.data(ui::OpsModel::OpLineRole).value<ui::OpLine>().progress : -2;
}
} // namespace

class TstGuiReconnect : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void a28_indicator_dims_and_reseeds()
    {
        ui::Theme::instance().apply(ui::Theme::Mode::Light);
        ReconnectScenario sc;
        const QString setUpError = sc.setUp();
        QVERIFY2(setUpError.isEmpty(), qPrintable(setUpError));
        TcpProxy &proxy = sc.proxy();
        const QString opId = sc.opId();

        // R2: the window, through the proxy.
        EngineHost host(EngineStarter::forConfig(sc.r2Config(QStringLiteral("gui"))));
        ui::MainWindow window(&host);
        window.setConfirmQuit(false);
        window.show();
        host.start();
        QVERIFY(sc.drive([&] { return host.isStarted(); }, 20, 15000));
        ui::OpsModel *bar = window.opsBar()->model();
        auto *indicator = window.findChild<ui::ConnectionIndicator *>();
        QVERIFY(indicator);
        QVERIFY(sc.drive([&] { return barProgressOf(bar, opId) == 30; }, 20, 15000));
        QVERIFY2(indicator->text().contains(QStringLiteral("Live")), qPrintable(indicator->text()));
        QVERIFY(!window.opsBar()->view()->graphicsEffect());

        // The connection drops and stays refused: Disconnected, dimmed, the reason in the tooltip.
        proxy.setDown(true);
        QVERIFY(waitUntil([&] { return indicator->text().contains(QStringLiteral("Disconnected")); }, 10000));
        QVERIFY2(indicator->toolTip().contains(QStringLiteral("unreachable")), qPrintable(indicator->toolTip()));
        QVERIFY(window.opsBar()->view()->graphicsEffect());
        QCOMPARE(barProgressOf(bar, opId), 30); // last data kept, dimmed

        // R1 finishes the op meanwhile.
        QVERIFY(sc.finishOpOnR1());

        // Back: the bar re-seeds (the op is gone, nothing at 30 %), Activity shows the success.
        proxy.setDown(false);
        QVERIFY(waitUntil([&] { return indicator->text().contains(QStringLiteral("Live")); }, 15000));
        QVERIFY(waitUntil([&] { return barProgressOf(bar, opId) == -2; }, 10000));
        for (int i = 0; i < bar->rowCount(); ++i)
            QVERIFY(bar->index(i, 0).data(ui::OpsModel::OpLineRole).value<ui::OpLine>().progress != 30);
        QVERIFY(!window.opsBar()->view()->graphicsEffect());
        ui::HistoryModel *activity = window.activityPage()->model();
        QVERIFY(waitUntil([&] {
            for (int i = 0; i < activity->rowCount(); ++i) {
                const QModelIndex idx = activity->index(i, 0);
                if (idx.data(ui::HistoryModel::OpIdRole).toString() == opId
                    && idx.data(ui::HistoryModel::OutcomeRole).toString() == QLatin1String("success"))
                    return true;
            }
            return false;
        }, 10000));

        bool stopped = false;
        host.stop([&] { stopped = true; });
        QVERIFY(sc.drive([&] { return stopped; }, 50, 15000));
        QVERIFY(sc.stopR1());
    }
};

QTEST_MAIN(TstGuiReconnect)
#include "tst_gui_reconnect.moc"
