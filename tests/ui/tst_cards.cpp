// Backend cards (SPEC §11.2, §11.9; UI.md "Backend card"): the card state derived from the ops
// list, the model's diffs and filters, and the painted card. A15 and A29 live here.
#include "delegates/card_delegate.h"
#include "models/backends_model.h"
#include "models/backends_proxy.h"
#include "models/card_state.h"
#include "theme/theme.h"
#include "actions/install_plan.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QImage>
#include <QListView>
#include <QPainter>
#include <QSignalSpy>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::ui;

namespace {
constexpr qint64 kNow = 1767225600000;
constexpr qint64 kStalled = 60'000;

Operation makeOp(const QString &id, const QString &backend, OpKind kind, OpState state, int progress = 0)
{
    Operation op;
    op.id = id;
    op.backend = backend;
    op.kind = kind;
    op.state = state;
    op.progress = progress;
    op.cancellable = state == OpState::Queued || (state == OpState::Running && kind != OpKind::Delete);
    op.createdAt = op.updatedAt = op.progressAt = kNow - 1000;
    if (state == OpState::Failed) {
        op.error = QStringLiteral("gpu-a100-1: install failed: sha256 mismatch for piper: expected 4be1…, got 9c07…");
        op.message = QStringLiteral("error: ") + *op.error;
        op.finishedAt = kNow;
    }
    return op;
}

GalleryEntry entry(const QString &name, QStringList requires_ = {})
{
    GalleryEntry e;
    e.name = name;
    e.version = QStringLiteral("b2");
    e.description = QStringLiteral("A backend used by the card tests, with a description long enough to wrap onto two lines of the card.");
    e.tags = {QStringLiteral("tts")};
    e.requiresGpuVendor = requires_;
    return e;
}

Node node(const QString &name, NodeStatus status, const QString &vendor)
{
    Node n;
    n.id = name + QStringLiteral("-id");
    n.name = name;
    n.status = status;
    n.resources = QJsonObject{{QStringLiteral("gpu_vendor"), vendor}};
    return n;
}
} // namespace

class TstCards : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Theme::instance().apply(Theme::Mode::Light); }

    void a15_failed_op_does_not_spin_card()
    {
        const QList<Operation> ops{makeOp(QStringLiteral("op-2"), QStringLiteral("piper"), OpKind::Install, OpState::Failed)};
        const CardState s = cardStateFor(QStringLiteral("piper"), ops, kNow, kStalled, true);
        QVERIFY(!s.busy());
        QCOMPARE(s.text, QString());
        QCOMPARE(s.progress, -1);

        BackendsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGallery({entry(QStringLiteral("piper"))});
        model.setOps(ops, kNow, kStalled, true);
        const QModelIndex idx = model.index(0);
        QCOMPARE(idx.data(BackendsModel::BusyRole).toBool(), false);
        const auto row = idx.data(BackendsModel::RowRole).value<BackendRow>();
        // Normal state with enabled buttons: the primary action is offered.
        QCOMPARE(cardActionLabel(CardDelegate::primaryAction(row), false), QStringLiteral("Install"));
        QVERIFY(!idx.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("Installing")));
    }

    void card_states_follow_the_op()
    {
        struct Case {
            OpKind kind;
            OpState state;
            int progress;
            CardState::Visual visual;
            QString text;
        };
        const QList<Case> cases{
            {OpKind::Install, OpState::Queued, 0, CardState::Visual::Spinner, QStringLiteral("Queued")},
            {OpKind::Install, OpState::Running, 42, CardState::Visual::Spinner, QStringLiteral("Installing · 42 %")},
            {OpKind::Upgrade, OpState::Running, 42, CardState::Visual::Spinner, QStringLiteral("Upgrading · 42 %")},
            {OpKind::Delete, OpState::Running, 0, CardState::Visual::Spinner, QStringLiteral("Deleting…")},
            {OpKind::Install, OpState::RunningOnWorker, 0, CardState::Visual::WorkerBusy, QStringLiteral("Worker busy")},
            {OpKind::Install, OpState::Success, 100, CardState::Visual::Idle, QString()},
            {OpKind::Install, OpState::Cancelled, 10, CardState::Visual::Idle, QString()},
        };
        for (const Case &c : cases) {
            const QList<Operation> ops{makeOp(QStringLiteral("op"), QStringLiteral("whisper"), c.kind, c.state, c.progress)};
            const CardState s = cardStateFor(QStringLiteral("whisper"), ops, kNow, kStalled, true);
            QCOMPARE(int(s.visual), int(c.visual));
            QCOMPARE(s.text, c.text);
        }
        // Another backend's op never touches this card.
        const QList<Operation> other{makeOp(QStringLiteral("op"), QStringLiteral("bark"), OpKind::Install, OpState::Running, 5)};
        QVERIFY(!cardStateFor(QStringLiteral("whisper"), other, kNow, kStalled, true).busy());
        // A node-scoped op names its node.
        Operation scoped = makeOp(QStringLiteral("op"), QStringLiteral("whisper"), OpKind::Install, OpState::Queued);
        scoped.targetNodeId = QStringLiteral("n1");
        const CardState named = cardStateFor(QStringLiteral("whisper"), {scoped}, kNow, kStalled, true, {{QStringLiteral("n1"), QStringLiteral("jetson-orin")}});
        QCOMPARE(named.text, QStringLiteral("Queued on jetson-orin"));
        QCOMPARE(named.shortText, QStringLiteral("Queued")); // what a narrow card shows
    }

    void a29_stalled()
    {
        Operation op = makeOp(QStringLiteral("op"), QStringLiteral("whisper"), OpKind::Install, OpState::Running, 42);
        op.progressAt = kNow - 59'000;
        QCOMPARE(cardStateFor(op.backend, {op}, kNow, kStalled, true).text, QStringLiteral("Installing · 42 %"));
        op.progressAt = kNow - 75'000;
        const CardState stalled = cardStateFor(op.backend, {op}, kNow, kStalled, true);
        QCOMPARE(int(stalled.visual), int(CardState::Visual::Stalled));
        QCOMPARE(stalled.text, QStringLiteral("Stalled · 42 %"));
        QVERIFY(stalled.tooltip.contains(QStringLiteral("1 min 15 s")));
        // Not while the connection is not live (§11.8).
        QCOMPARE(int(cardStateFor(op.backend, {op}, kNow, kStalled, false).visual), int(CardState::Visual::Spinner));
        // The next progress clears it.
        op.progressAt = kNow;
        op.progress = 43;
        QCOMPARE(cardStateFor(op.backend, {op}, kNow, kStalled, true).text, QStringLiteral("Installing · 43 %"));
        // Queued, running_on_worker and delete ops never stall.
        for (auto [kind, state] : {std::pair{OpKind::Install, OpState::Queued}, std::pair{OpKind::Install, OpState::RunningOnWorker},
                                   std::pair{OpKind::Delete, OpState::Running}}) {
            Operation o = makeOp(QStringLiteral("op"), QStringLiteral("whisper"), kind, state, 42);
            o.progressAt = kNow - 3'600'000;
            QVERIFY(cardStateFor(o.backend, {o}, kNow, kStalled, true).visual != CardState::Visual::Stalled);
        }
    }

    void a29_card_stalls_by_the_clock_alone()
    {
        // No delta between the reads: the card still turns stalled, and its age moves on, while
        // a card whose op cannot stall is left alone (only due cards are recomputed each second).
        BackendsModel model;
        model.setGallery({entry(QStringLiteral("whisper")), entry(QStringLiteral("bark"))});
        Operation op = makeOp(QStringLiteral("op"), QStringLiteral("whisper"), OpKind::Install, OpState::Running, 42);
        op.progressAt = kNow - 30'000;
        const Operation queued = makeOp(QStringLiteral("op-q"), QStringLiteral("bark"), OpKind::Install, OpState::Queued);
        ClusterSnapshot s;
        s.applyOps(OpsListDelta{true, {queued, op}, {}});
        model.setSnapshot(s, kNow, kStalled, true);
        QCOMPARE(model.row(QStringLiteral("whisper"))->state.text, QStringLiteral("Installing · 42 %"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSnapshot(s, kNow + 31'000, kStalled, true);
        QCOMPARE(model.row(QStringLiteral("whisper"))->state.text, QStringLiteral("Stalled · 42 %"));
        QVERIFY(model.row(QStringLiteral("whisper"))->state.tooltip.contains(QStringLiteral("1 min 1 s")));
        QCOMPARE(changed.size(), 1);
        model.setSnapshot(s, kNow + 46'000, kStalled, true);
        QVERIFY(model.row(QStringLiteral("whisper"))->state.tooltip.contains(QStringLiteral("1 min 16 s")));
        QCOMPARE(model.row(QStringLiteral("bark"))->state.text, QStringLiteral("Queued"));
        // Not live: no stall, on every card at once.
        model.setSnapshot(s, kNow + 47'000, kStalled, false);
        QCOMPARE(model.row(QStringLiteral("whisper"))->state.text, QStringLiteral("Installing · 42 %"));
    }

    void model_updates_by_diff()
    {
        BackendsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGallery({entry(QStringLiteral("bark")), entry(QStringLiteral("piper")), entry(QStringLiteral("whisper"))});
        QCOMPARE(model.rowCount(), 3);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setOps({makeOp(QStringLiteral("op"), QStringLiteral("piper"), OpKind::Install, OpState::Running, 10)}, kNow, kStalled, true);
        QCOMPARE(changed.size(), 1); // only piper's card
        QCOMPARE(changed.first().first().toModelIndex().data(BackendsModel::NameRole).toString(), QStringLiteral("piper"));
        QCOMPARE(reset.size(), 0);
        model.setGallery({entry(QStringLiteral("bark")), entry(QStringLiteral("whisper")), entry(QStringLiteral("vllm"))});
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.row(QStringLiteral("piper")));
        QVERIFY(model.row(QStringLiteral("vllm")));
    }

    void proxy_filters()
    {
        BackendsModel model;
        BackendsProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        GalleryEntry dev = entry(QStringLiteral("vllm-development"));
        dev.tags = {QStringLiteral("llm")};
        model.setGallery({entry(QStringLiteral("piper")), dev, entry(QStringLiteral("bark"))});
        UpgradesResult up;
        BackendUpgrade b;
        b.name = QStringLiteral("piper");
        b.nodeCount = 2;
        b.installedVersion = QStringLiteral("b1");
        b.upgradeAvailable = true;
        b.availableVersion = QStringLiteral("b2");
        up.backends = {b};
        model.setUpgrades(up);
        QCOMPARE(proxy.rowCount(), 3);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("bark")); // name order
        proxy.setText(QStringLiteral("PIP"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setText({});
        proxy.setUpdatesOnly(true);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setUpdatesOnly(false);
        proxy.setInstalled(BackendsProxy::Installed::NotInstalled);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setInstalled(BackendsProxy::Installed::Any);
        proxy.setShowDevelopment(false);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setShowDevelopment(true);
        proxy.setTag(QStringLiteral("llm"));
        QCOMPARE(proxy.rowCount(), 1);
    }

    void a52_confirmation_names_skipped_nodes()
    {
        const QList<Node> nodes{node(QStringLiteral("cpu-edge-1"), NodeStatus::Offline, QStringLiteral("cpu")),
                                node(QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia")),
                                node(QStringLiteral("gpu-a100-2"), NodeStatus::Healthy, QStringLiteral("nvidia")),
                                node(QStringLiteral("jetson-orin"), NodeStatus::Healthy, QStringLiteral("nvidia")),
                                node(QStringLiteral("mac-mini-m4"), NodeStatus::Draining, QStringLiteral("apple")),
                                node(QStringLiteral("new-node-7"), NodeStatus::Pending, QStringLiteral("nvidia"))};
        const GalleryEntry cuda = entry(QStringLiteral("llama-cpp-cuda12"), {QStringLiteral("nvidia")});
        const InstallPlan plan = planInstall(cuda, nodes);
        QCOMPARE(plan.targets, (QStringList{QStringLiteral("gpu-a100-1"), QStringLiteral("gpu-a100-2"), QStringLiteral("jetson-orin")}));
        const QString text = installConfirmation(cuda, plan, false);
        QVERIFY2(text.contains(QStringLiteral("skipped: cpu-edge-1 (cpu), mac-mini-m4 (apple)")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("gpu-a100-1, gpu-a100-2, jetson-orin")));
        // "Install on nodes…": pending, draining and requires-excluded nodes cannot be chosen.
        QVERIFY(!nodeChoiceBlocker(cuda, nodes.at(0)).isEmpty());
        QVERIFY(nodeChoiceBlocker(cuda, nodes.at(1)).isEmpty());
        QVERIFY(!nodeChoiceBlocker(cuda, nodes.at(4)).isEmpty());
        QVERIFY(!nodeChoiceBlocker(cuda, nodes.at(5)).isEmpty());
    }

    void painted_card_shows_state_and_badges()
    {
        // Paint a busy and an idle card into an image and click the painted primary button.
        BackendsModel model;
        model.setGallery({entry(QStringLiteral("piper")), entry(QStringLiteral("whisper"))});
        model.setOps({makeOp(QStringLiteral("op"), QStringLiteral("whisper"), OpKind::Install, OpState::Running, 42)}, kNow, kStalled, true);
        QListView view;
        CardDelegate delegate;
        view.setViewMode(QListView::ListMode);
        view.setFlow(QListView::LeftToRight);
        view.setWrapping(true);
        view.setModel(&model);
        view.setItemDelegate(&delegate);
        view.resize(1200, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage img = view.viewport()->grab().toImage();
        QVERIFY(!img.isNull());
        QSignalSpy actions(&delegate, &CardDelegate::actionTriggered);
        // The idle card (piper, row 0) offers Install; the busy card (whisper) ignores clicks.
        for (int row : {0, 1}) {
            const QRect r = view.visualRect(model.index(row));
            const int em = view.fontMetrics().height();
            const QPoint primary = r.topLeft() + QPoint(em * 3 / 8 + em * 3 / 4 + em * 2, r.height() - em * 3 / 8 - em * 3 / 4 - em);
            QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, primary);
        }
        QCOMPARE(actions.size(), 1);
        QCOMPARE(actions.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(int(actions.first().at(1).value<CardAction>()), int(CardAction::Install));
    }
};

QTEST_MAIN(TstCards)
#include "tst_cards.moc"
