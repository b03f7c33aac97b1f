// One source of the GUI's op wording (issue #12): the same op, rendered by the backend card (what
// CardDelegate paints: BackendsModel's row state), the Manage table's state column and the
// operations bar, shows the same state word, the same colour and no percentage that the op did not
// report; one shared tick drives every page's clock.
#include "bridge/engine_host.h"
#include "main_window.h"
#include "models/backends_model.h"
#include "models/manage_model.h"
#include "models/ops_model.h"
#include "presentation/clock_tick.h"
#include "presentation/op_presentation.h"
#include "theme/theme.h"

#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::ui;

namespace {
constexpr qint64 kNow = 1'767'225'600'000;
constexpr qint64 kStalledMs = 60'000;
const QString kBackend = QStringLiteral("llama-cpp-cuda12");

Operation makeOp(OpKind kind, OpState state, int progress, qint64 progressAgeMs)
{
    Operation o;
    o.id = QStringLiteral("op-1");
    o.backend = kBackend;
    o.kind = kind;
    o.state = state;
    o.progress = progress;
    o.cancellable = isActive(state) && kind != OpKind::Delete;
    o.createdAt = o.updatedAt = kNow - progressAgeMs - 1000;
    o.progressAt = kNow - progressAgeMs;
    if (state == OpState::Running)
        o.message = QStringLiteral("processing backend: ") + kBackend;
    if (state == OpState::Failed) {
        o.error = QStringLiteral("gpu-a100-1: sha256 mismatch");
        o.message = QStringLiteral("error: ") + *o.error;
        o.finishedAt = kNow;
    }
    if (state == OpState::Cancelled) {
        o.message = QStringLiteral("cancelled");
        o.finishedAt = kNow;
    }
    return o;
}

GalleryEntry entry()
{
    GalleryEntry e;
    e.name = kBackend;
    e.version = QStringLiteral("b4120");
    return e;
}

UpgradesResult installed()
{
    BackendUpgrade b;
    b.name = kBackend;
    b.nodeCount = 3;
    b.installedVersion = QStringLiteral("b4100");
    UpgradesResult r;
    r.checkedAt = kNow;
    r.backends = {b};
    return r;
}

// What each surface shows for the op.
struct Rendered {
    QString card, cardTip;
    int cardProgress = -1;
    int cardTone = -1;
    bool cardBusy = false;
    QString manage, manageTip;
    int manageTone = -1;
    QString bar;
    OpLine barLine;
};

Rendered render(const Operation &op, bool live = true)
{
    Rendered r;
    BackendsModel cards;
    cards.setGallery({entry()});
    cards.setOps({op}, kNow, kStalledMs, live);
    const auto row = cards.index(0).data(BackendsModel::RowRole).value<BackendRow>();
    r.card = row.state.text;
    r.cardTip = row.state.tooltip;
    r.cardProgress = cards.index(0).data(BackendsModel::ProgressRole).toInt();
    r.cardTone = row.state.busy() ? int(row.state.tone) : -1;
    r.cardBusy = cards.index(0).data(BackendsModel::BusyRole).toBool();

    ManageModel manage;
    manage.setUpgrades(installed(), kNow);
    manage.setOps({op}, kNow, live ? kStalledMs : 0);
    const QModelIndex cell = manage.index(0, ManageModel::StateColumn);
    r.manage = cell.data().toString();
    r.manageTip = cell.data(Qt::ToolTipRole).toString();
    r.manageTone = cell.data(TableRole::Tone).isValid() ? cell.data(TableRole::Tone).toInt() : -1;

    OpsModel bar;
    bar.setOps({op}, kNow, kStalledMs, live);
    if (bar.rowCount() == 1) {
        r.bar = bar.index(0, 0).data().toString();
        r.barLine = bar.index(0, 0).data(OpsModel::OpLineRole).value<OpLine>();
    }
    return r;
}
} // namespace

class TstOpWording : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Theme::instance().apply(Theme::Mode::Light); }

    void same_word_everywhere_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("progress");
        QTest::addColumn<qint64>("progressAgeMs");
        QTest::addColumn<QString>("word");  // the state word every surface shows
        QTest::addColumn<QString>("label"); // the card's and the Manage row's state
        QTest::addColumn<int>("percent");   // -1: no percentage anywhere
        QTest::addColumn<int>("tone");
        const QString pct = QStringLiteral(" · 42 %");
        QTest::newRow("queued") << int(OpKind::Install) << int(OpState::Queued) << 0 << qint64(0) << QStringLiteral("Queued")
                                << QStringLiteral("Queued") << -1 << int(Tone::Info);
        QTest::newRow("installing, no % yet") << int(OpKind::Install) << int(OpState::Running) << 0 << qint64(0)
                                              << QStringLiteral("Installing") << QStringLiteral("Installing…") << -1 << int(Tone::Info);
        QTest::newRow("installing 42 %") << int(OpKind::Install) << int(OpState::Running) << 42 << qint64(0)
                                         << QStringLiteral("Installing") << QStringLiteral("Installing") + pct << 42 << int(Tone::Info);
        QTest::newRow("upgrading 42 %") << int(OpKind::Upgrade) << int(OpState::Running) << 42 << qint64(0)
                                        << QStringLiteral("Upgrading") << QStringLiteral("Upgrading") + pct << 42 << int(Tone::Info);
        QTest::newRow("stalled") << int(OpKind::Upgrade) << int(OpState::Running) << 42 << qint64(75'000)
                                 << QStringLiteral("Stalled") << QStringLiteral("Stalled") + pct << 42 << int(Tone::Warning);
        QTest::newRow("worker busy") << int(OpKind::Install) << int(OpState::RunningOnWorker) << 0 << qint64(0)
                                     << QStringLiteral("Worker busy") << QStringLiteral("Worker busy") << -1 << int(Tone::Warning);
        QTest::newRow("worker busy at 80 %") << int(OpKind::Upgrade) << int(OpState::RunningOnWorker) << 80 << qint64(0)
                                             << QStringLiteral("Worker busy") << QStringLiteral("Worker busy") << 80 << int(Tone::Warning);
        QTest::newRow("deleting") << int(OpKind::Delete) << int(OpState::Running) << 0 << qint64(120'000)
                                  << QStringLiteral("Deleting") << QStringLiteral("Deleting…") << -1 << int(Tone::Info);
    }
    void same_word_everywhere()
    {
        QFETCH(int, kind);
        QFETCH(int, state);
        QFETCH(int, progress);
        QFETCH(qint64, progressAgeMs);
        QFETCH(QString, word);
        QFETCH(QString, label);
        QFETCH(int, percent);
        QFETCH(int, tone);
        const Operation op = makeOp(OpKind(kind), OpState(state), progress, progressAgeMs);
        const OpPresentation p = presentOp(op, kNow, kStalledMs, true);
        QCOMPARE(p.word, word);
        QCOMPARE(p.label, label);
        QCOMPARE(p.percent.value_or(-1), percent);
        QCOMPARE(int(p.tone), tone);

        const Rendered r = render(op);
        // The card and the Manage row show the same state; the bar's line carries the same word.
        QCOMPARE(r.card, label);
        QCOMPARE(r.manage, label);
        QVERIFY2(r.bar.contains(word), qPrintable(r.bar));
        QVERIFY(r.cardBusy);
        // The same detail in both tooltips (the Manage cell falls back to its text without one).
        QCOMPARE(r.manageTip, r.cardTip.isEmpty() ? label : r.cardTip);
        QCOMPARE(r.manageTone, tone);
        QCOMPARE(r.cardTone, tone);
        QCOMPARE(r.barLine.warning, tone == int(Tone::Warning));
        // No percentage that the op did not report: not in the text, not as a bar.
        QCOMPARE(r.cardProgress, percent);
        QCOMPARE(r.barLine.progress, percent);
        if (percent < 0) {
            QVERIFY2(!r.card.contains(QLatin1Char('%')), qPrintable(r.card));
            QVERIFY2(!r.manage.contains(QLatin1Char('%')), qPrintable(r.manage));
            QVERIFY2(!r.bar.contains(QLatin1Char('%')), qPrintable(r.bar));
        }
        // A spinner only while the op really runs: queued or running, not stalled or busy on the worker.
        QCOMPARE(p.busy, word != QLatin1String("Stalled") && word != QLatin1String("Worker busy"));
        QCOMPARE(r.barLine.icon == OpLine::Icon::Spinner, p.busy && op.kind != OpKind::Delete);
    }

    void stalled_reads_the_same_in_the_bar_and_the_tooltips()
    {
        const Operation op = makeOp(OpKind::Upgrade, OpState::Running, 37, 75'000);
        const Rendered r = render(op);
        // §11.9: "Stalled · NN % · no progress for 1 min 15 s", one wording of "no progress".
        QVERIFY2(r.bar.endsWith(QStringLiteral("· Stalled · 37 % · no progress for 1 min 15 s")), qPrintable(r.bar));
        QCOMPARE(r.cardTip, QStringLiteral("no progress for 1 min 15 s"));
        QCOMPARE(r.manageTip, r.cardTip);
        QVERIFY(r.barLine.stalled);
        QCOMPARE(r.barLine.icon, OpLine::Icon::Pause);
        // While not live no stall is computed (§11.8), on every surface alike.
        const Rendered off = render(op, false);
        QCOMPARE(off.card, QStringLiteral("Upgrading · 37 %"));
        QCOMPARE(off.manage, off.card);
        QVERIFY(!off.bar.contains(QStringLiteral("Stalled")));
        QVERIFY(!off.barLine.stalled);
    }

    void queued_detail_is_one_text()
    {
        const Rendered r = render(makeOp(OpKind::Install, OpState::Queued, 0, 0));
        QCOMPARE(r.cardTip, QStringLiteral("Waiting for a free executor slot"));
        QCOMPARE(r.manageTip, r.cardTip);
        QCOMPARE(r.bar, QStringLiteral("Installing backend: llama-cpp-cuda12 (Queued)"));
    }

    void node_scoped_op_names_its_node_alike()
    {
        Operation op = makeOp(OpKind::Install, OpState::Running, 42, 0);
        op.targetNodeId = QStringLiteral("n1");
        NodeProgress n;
        n.nodeId = QStringLiteral("n1");
        n.nodeName = QStringLiteral("jetson-orin");
        n.status = NodeRowStatus::Downloading;
        n.percentage = 42;
        n.updatedAt = kNow;
        op.nodes = {n};
        BackendsModel cards;
        cards.setGallery({entry()});
        cards.setNodes({Node{.id = QStringLiteral("n1"), .name = QStringLiteral("jetson-orin")}});
        cards.setOps({op}, kNow, kStalledMs, true);
        ManageModel manage;
        manage.setUpgrades(installed(), kNow);
        manage.setOps({op}, kNow, kStalledMs);
        const QString card = cards.index(0).data(BackendsModel::StateTextRole).toString();
        QCOMPARE(card, QStringLiteral("Installing · 42 % on jetson-orin"));
        QCOMPARE(manage.index(0, ManageModel::StateColumn).data().toString(), card);
        // The line says what the row does, not the engine's "processing backend: …" (issue #15); the
        // node is in the headline already.
        QCOMPARE(opLine(op, kNow, kStalledMs, true, QStringLiteral("jetson-orin")).text,
                 QStringLiteral("Installing backend: llama-cpp-cuda12 on jetson-orin (Downloading)"));
    }

    void ended_ops_change_no_card_or_row()
    {
        for (OpState state : {OpState::Failed, OpState::Cancelled, OpState::Success}) {
            const Operation op = makeOp(OpKind::Install, state, 42, 0);
            const OpPresentation p = presentOp(op, kNow, kStalledMs, true);
            QVERIFY(!p.active);
            QVERIFY(!p.busy);
            QVERIFY(!p.percent);
            const Rendered r = render(op);
            QCOMPARE(r.card, QString());
            QVERIFY(!r.cardBusy);
            QCOMPARE(r.cardProgress, -1);
            QCOMPARE(r.manage, QString());
            if (state == OpState::Failed) {
                QCOMPARE(p.word, QStringLiteral("Failed"));
                QCOMPARE(int(p.tone), int(Tone::Error));
                QVERIFY2(r.bar.startsWith(p.word), qPrintable(r.bar));
                QCOMPARE(r.barLine.icon, OpLine::Icon::Error);
                QCOMPARE(r.barLine.progress, -1);
            } else {
                QCOMPARE(p.word, state == OpState::Cancelled ? QStringLiteral("Cancelled") : QStringLiteral("Succeeded"));
            }
        }
    }

    void node_rows_share_the_words()
    {
        const Operation op = makeOp(OpKind::Install, OpState::Running, 0, 0);
        NodeProgress n;
        n.nodeName = QStringLiteral("jetson-orin");
        n.status = NodeRowStatus::RunningOnWorker;
        n.updatedAt = kNow;
        const NodeLine busy = nodeLine(op, n, kNow, kStalledMs, true);
        QCOMPARE(busy.label, presentOp(makeOp(OpKind::Install, OpState::RunningOnWorker, 0, 0), kNow, kStalledMs, true).word);
        QCOMPARE(int(busy.tone), int(Tone::Warning));
        n.status = NodeRowStatus::Downloading;
        n.updatedAt = kNow - 61'000;
        const NodeLine stuck = nodeLine(op, n, kNow, kStalledMs, true);
        QCOMPARE(stuck.label, presentOp(makeOp(OpKind::Install, OpState::Running, 5, 61'000), kNow, kStalledMs, true).word);
        QCOMPARE(int(stuck.tone), int(Tone::Warning));
    }

    void one_shared_tick()
    {
        // Every page, the operations bar and the status bar move on ClockTick; none runs a 1 s timer of its own.
        EngineHost host(EngineStarter{});
        MainWindow window(&host);
        for (const QTimer *t : window.findChildren<QTimer *>())
            QVERIFY2(!(t->interval() >= 1000 && t->interval() <= 5000 && !t->isSingleShot()),
                     qPrintable(QString::fromLatin1(t->parent()->metaObject()->className()) + QStringLiteral(" runs a timer of its own")));
        QSignalSpy ticks(&ClockTick::instance(), &ClockTick::tick);
        QVERIFY(ticks.wait(ClockTick::kIntervalMs * 3));
    }
};

QTEST_MAIN(TstOpWording)
#include "tst_op_wording.moc"
