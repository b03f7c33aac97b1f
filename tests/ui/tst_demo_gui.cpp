// The demo through the window (issue "demo"): the whole tour on simulated time, watched through
// the GUI's own models — every promised state must appear there (an upgrade streaming per-node
// progress, jetson-orin "Worker busy", piper's failure with Retry and Dismiss, a node offline, an
// orphan reaped, a stalled download) — and at the end no card spins for an op the store holds
// as finished, and every op the store holds as active shows on its card and in the bar.
#include "demo_tour_fixture.h"
#include "models/backends_model.h"
#include "models/ops_model.h"
#include "store/store_thread.h"
#include "test_util.h"
#include "views/backends_page.h"
#include "widgets/ops_bar.h"

#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::ui;

class TstDemoGui : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tour_states_appear_in_the_models_and_cards_match_the_store()
    {
        test::DemoTour demo;
        ManualClock &clock = demo.clock;
        EngineHost &host = demo.host;
        MainWindow &window = demo.window;
        QSet<QString> seen;
        BackendsModel *cards = window.backendsPage()->model();
        OpsModel *bar = window.opsBar()->model();
        auto observe = [&] {
            for (int i = 0; i < cards->rowCount(); ++i) {
                const BackendRow &r = cards->rowAt(i);
                if (r.entry.name == QLatin1String("llama-cpp-cuda12") && r.state.visual == CardState::Visual::Spinner && r.state.progress > 0)
                    seen.insert(QStringLiteral("upgrade progress on the card"));
                if (r.entry.name == QLatin1String("llama-cpp-cuda12") && r.state.visual == CardState::Visual::WorkerBusy)
                    seen.insert(QStringLiteral("worker busy card"));
                if (r.state.visual == CardState::Visual::Stalled)
                    seen.insert(QStringLiteral("stalled card"));
            }
            for (int i = 0; i < bar->rowCount(); ++i) {
                const QModelIndex idx = bar->index(i, 0);
                const auto line = idx.data(OpsModel::OpLineRole).value<OpLine>();
                if (line.text.startsWith(QLatin1String("Failed to install backend: piper")) && line.buttons.contains(OpButton::Retry)
                    && line.buttons.contains(OpButton::Dismiss))
                    seen.insert(QStringLiteral("piper failure with Retry and Dismiss"));
                if (line.text.contains(QLatin1String("llama-cpp-cuda12"))) {
                    int downloading = 0;
                    for (int n = 0; n < bar->rowCount(idx); ++n)
                        downloading += bar->index(n, 0, idx).data(OpsModel::NodeLineRole).value<NodeLine>().label == QLatin1String("Downloading");
                    if (downloading >= 2)
                        seen.insert(QStringLiteral("per-node progress in the bar"));
                }
                if (line.text.contains(QLatin1String("stale operation reaped")))
                    seen.insert(QStringLiteral("reaped orphan in the bar"));
            }
            for (const Node &n : host.snapshot().nodes)
                if (n.name == QLatin1String("gpu-a100-2") && n.status == NodeStatus::Offline)
                    seen.insert(QStringLiteral("node offline"));
        };
        const bool tourDone = demo.run(observe);
        QVERIFY2(tourDone, qPrintable(QStringList(seen.begin(), seen.end()).join(QStringLiteral(", "))));
        for (const QString &s : {QStringLiteral("upgrade progress on the card"), QStringLiteral("worker busy card"),
                                 QStringLiteral("stalled card"), QStringLiteral("piper failure with Retry and Dismiss"),
                                 QStringLiteral("per-node progress in the bar"), QStringLiteral("reaped orphan in the bar"),
                                 QStringLiteral("node offline")})
            QVERIFY2(seen.contains(s), qPrintable(s));

        // Let the last snapshot land, then compare every card with the store.
        for (int i = 0; i < 50; ++i) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            clock.advanceMs(100);
        }
        QTest::qWait(1500); // progress writes are flushed about once a second (real time)
        QHash<QString, OpState> stored;
        for (int i = 0; i < cards->rowCount(); ++i) {
            const BackendRow &r = cards->rowAt(i);
            if (!r.state.busy())
                continue;
            std::optional<Result<std::optional<Operation>>> row;
            const QString id = r.state.opId;
            host.run<Result<std::optional<Operation>>>([id](Engine &e) { return e.store()->call([id](Store &s) { return s.getOp(id); }); },
                                                        this, [&](Result<std::optional<Operation>> x) { row = x; });
            QVERIFY(test::waitUntil([&] { return row.has_value(); }));
            QVERIFY(*row && row->value());
            QVERIFY2(!isTerminal(row->value()->state),
                     qPrintable(QStringLiteral("%1 spins for op %2, which the store holds as %3").arg(r.entry.name, id, toString(row->value()->state))));
        }
        // Every op of the bar agrees with the store; failed ones are undismissed.
        for (const Operation &op : host.snapshot().ops) {
            std::optional<Result<std::optional<Operation>>> row;
            const QString id = op.id;
            host.run<Result<std::optional<Operation>>>([id](Engine &e) { return e.store()->call([id](Store &s) { return s.getOp(id); }); },
                                                        this, [&](Result<std::optional<Operation>> x) { row = x; });
            QVERIFY(test::waitUntil([&] { return row.has_value(); }));
            QVERIFY(*row && row->value());
            QCOMPARE(toString(op.state), toString(row->value()->state));
            if (op.state == OpState::Failed)
                QVERIFY(!row->value()->dismissedAt);
            const BackendRow *card = cards->row(op.backend);
            QVERIFY(card);
            if (op.state != OpState::Failed)
                QVERIFY2(card->state.busy(), qPrintable(op.backend + QStringLiteral(" is active in the store but its card is idle")));
        }
        QVERIFY(demo.stop());
    }
};

QTEST_MAIN(TstDemoGui)
#include "tst_demo_gui.moc"
