// A28 in the window (SPEC §11.8): R2 is the GUI replica (EngineHost + MainWindow) reaching a real
// nats-server through a TCP proxy; R1 shares the real PostgreSQL store. R2's bar shows R1's op at
// 30 %; the proxy drops R2's connection and refuses reconnects while R1 finishes the op: the
// indicator reads "○ Disconnected" and the bar is dimmed. Once the proxy accepts again, the bar no
// longer holds the op, the Activity view shows its success, and no line is left at 30 %.
// fleetdeck-test-labels: postgres
#include "bridge/engine_host.h"
#include "bus/nats_bus.h"
#include "core/clock.h"
#include "engine.h"
#include "fake_worker.h"
#include "main_window.h"
#include "models/history_model.h"
#include "models/ops_model.h"
#include "nats_test_server.h"
#include "store/store_thread.h"
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
// Waits for `pred` while advancing the simulated clock a little; fails after 15 s of real time.
bool drive(ManualClock &clock, const std::function<bool()> &pred, qint64 stepMs = 50)
{
    QDeadlineTimer deadline(15000);
    while (!pred()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(2);
        if (!pred())
            clock.advanceMs(stepMs);
    }
    return true;
}

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
        QString error;
        auto db = TestDatabase::create(Backend::Postgres, &error);
        QVERIFY2(db, qPrintable(error));
        NatsTestServer nats;
        QVERIFY2(nats.start(), qPrintable(nats.errorString()));
        TcpProxy proxy(QStringLiteral("127.0.0.1"), nats.port());
        QVERIFY(proxy.start());
        QTemporaryDir dir;
        const QString gallery = dir.filePath(QStringLiteral("gallery.json"));
        {
            QFile f(gallery);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"fleetdeck_gallery":1,"name":"local","backends":[{"name":"whisper","version":"1.0","uri":"whisper.tar.gz"}]})");
        }
        ManualClock clock;
        EngineConfig cfg;
        cfg.kind = QStringLiteral("headless");
        cfg.store = db->config();
        cfg.clock = &clock;
        cfg.helloWindowMs = 200;
        cfg.galleryUrls = {gallery};
        cfg.nats = NatsConfig{};
        cfg.nats->url = nats.url();
        Engine r1(cfg);
        auto started1 = r1.start();
        QVERIFY(drive(clock, [&] { return started1.isFinished(); }));
        QVERIFY2(started1.result().exitCode == 0, qPrintable(started1.result().message));

        const QString nodeId = addNode(*r1.store(), QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia"), clock.nowMs());
        QVERIFY(!nodeId.isEmpty());
        NatsConfig workerNats;
        workerNats.url = nats.url();
        auto workerBus = NatsBus::connect(workerNats, &clock);
        QVERIFY2(workerBus, qPrintable(workerBus ? QString() : workerBus.error()));
        FakeWorker worker(workerBus.value().get(), &clock, nodeId, QStringLiteral("gpu-a100-1"));
        worker.delayMs = 60'000;
        wire::ProgressEvent tick;
        tick.phase = QStringLiteral("downloading");
        tick.fileName = QStringLiteral("whisper.tar.gz");
        tick.percentage = 30;
        tick.currentBytes = 30;
        tick.totalBytes = 100;
        worker.ticks = {tick};
        std::optional<bool> flushed;
        workerBus.value()->flush(5000, this, [&](bool ok, const QString &) { flushed = ok; });
        QVERIFY(waitUntil([&] { return flushed.has_value(); }));
        QVERIFY(*flushed);

        AdmitRequest req;
        req.kind = OpKind::Install;
        req.backend = QStringLiteral("whisper");
        auto admitted = r1.ops()->admit(req);
        QVERIFY(waitUntil([&] { return admitted.isFinished(); }));
        QVERIFY2(admitted.result(), qPrintable(admitted.result() ? QString() : admitted.result().error()));
        const QString opId = admitted.result()->opId;
        QVERIFY(waitUntil([&] {
            const auto stored = r1.store()->callSync([opId](Store &s) { return s.getOp(opId); });
            return stored && stored.value() && stored.value()->progress == 30;
        }));

        // R2: the window, through the proxy.
        EngineConfig cfg2 = cfg;
        cfg2.kind = QStringLiteral("gui");
        cfg2.nats->url = proxy.url();
        EngineHost host(EngineStarter::forConfig(cfg2));
        ui::MainWindow window(&host);
        window.setConfirmQuit(false);
        window.show();
        host.start();
        QVERIFY(drive(clock, [&] { return host.isStarted(); }, 20));
        ui::OpsModel *bar = window.opsBar()->model();
        auto *indicator = window.findChild<ui::ConnectionIndicator *>();
        QVERIFY(indicator);
        QVERIFY(drive(clock, [&] { return barProgressOf(bar, opId) == 30; }, 20));
        QVERIFY2(indicator->text().contains(QStringLiteral("Live")), qPrintable(indicator->text()));
        QVERIFY(!window.opsBar()->view()->graphicsEffect());

        // The connection drops and stays refused: Disconnected, dimmed, the reason in the tooltip.
        proxy.setDown(true);
        QVERIFY(waitUntil([&] { return indicator->text().contains(QStringLiteral("Disconnected")); }, 10000));
        QVERIFY2(indicator->toolTip().contains(QStringLiteral("unreachable")), qPrintable(indicator->toolTip()));
        QVERIFY(window.opsBar()->view()->graphicsEffect());
        QCOMPARE(barProgressOf(bar, opId), 30); // last data kept, dimmed

        // R1 finishes the op meanwhile.
        clock.advanceMs(60'000);
        QVERIFY(drive(clock, [&] {
            const auto stored = r1.store()->callSync([opId](Store &s) { return s.getOp(opId); });
            return stored && stored.value() && stored.value()->state == OpState::Success;
        }));

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
        QVERIFY(drive(clock, [&] { return stopped; }));
        auto s1 = r1.stop();
        QVERIFY(drive(clock, [&] { return s1.isFinished(); }));
    }
};

QTEST_MAIN(TstGuiReconnect)
#include "tst_gui_reconnect.moc"
