// ManageModel (SPEC §11.4), SettleWatcher (D19, A16) and the Manage page's empty state.
#include "bridge/engine_host.h"
#include "models/manage_model.h"
#include "models/settle_watcher.h"
#include "models/tree_filter_proxy.h"
#include "delegates/table_cell_delegate.h"
#include "views/manage_page.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QHeaderView>
#include <QTest>
#include <QTreeView>

using namespace fleetdeck;
using namespace fleetdeck::ui;

namespace {
constexpr qint64 kNow = 1'767'225'800'000;

BackendUpgrade llama()
{
    BackendUpgrade b;
    b.name = QStringLiteral("llama-cpp-cuda12");
    b.nodeCount = 3;
    b.installedVersion = QStringLiteral("b4100");
    b.installedAt = QStringLiteral("2025-12-30T09:00:00.000Z");
    b.upgradeAvailable = true;
    b.availableVersion = QStringLiteral("b4120");
    b.drift = {DriftRef{QStringLiteral("9a3f"), QStringLiteral("jetson-orin"), QStringLiteral("b4050"), QStringLiteral("sha256:1c2d")}};
    return b;
}

BackendUpgrade plain(const QString &name, bool system = false, bool meta = false)
{
    BackendUpgrade b;
    b.name = name;
    b.isSystem = system;
    b.isMeta = meta;
    b.nodeCount = 2;
    b.installedVersion = QStringLiteral("1.0");
    return b;
}

UpgradesResult result(const QList<BackendUpgrade> &backends, qint64 checkedAt = kNow - 120'000)
{
    UpgradesResult r;
    r.checkedAt = checkedAt;
    r.backends = backends;
    return r;
}

Operation op(const QString &id, const QString &backend, OpState state, OpKind kind = OpKind::Upgrade, int progress = 0)
{
    Operation o;
    o.id = id;
    o.backend = backend;
    o.kind = kind;
    o.state = state;
    o.progress = progress;
    o.progressAt = kNow;
    if (state == OpState::Failed)
        o.error = QStringLiteral("jetson-orin: upgrade failed");
    return o;
}

int rowOf(const ManageModel &m, const QString &name)
{
    for (int r = 0; r < m.rowCount(); ++r)
        if (m.index(r, 0).data(ManageModel::BackendNameRole).toString() == name)
            return r;
    return -1;
}

QStringList chipTexts(const QVariant &chips)
{
    QStringList out;
    for (const QVariant &c : chips.toList())
        out << c.toMap().value(QStringLiteral("text")).toString();
    return out;
}

QStringList actionIds(const QVariant &actions)
{
    QStringList out;
    for (const QVariant &a : actions.toList())
        out << a.toMap().value(QStringLiteral("id")).toString();
    return out;
}
} // namespace

class TstManageModel final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void testerThroughUpdates()
    {
        ManageModel model;
        TreeFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(ManageModel::NameColumn);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setUpgrades(result({llama(), plain(QStringLiteral("whisper")), plain(QStringLiteral("piper"))}), kNow);
        QCOMPARE(model.rowCount(), 3);
        model.setOps({op(QStringLiteral("op-a"), QStringLiteral("whisper"), OpState::Running, OpKind::Install, 42)}, kNow, 60'000);
        BackendUpgrade done = llama();
        done.installedVersion = QStringLiteral("b4120");
        done.upgradeAvailable = false;
        done.drift.clear();
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setUpgrades(result({done, plain(QStringLiteral("piper")), plain(QStringLiteral("bark"))}), kNow + 1000);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(rowOf(model, QStringLiteral("whisper")), -1);
        model.setOps({}, kNow + 2000, 60'000);
        model.setNow(kNow + 5000);
        proxy.setSearchText(QStringLiteral("bark"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setSearchText({});
        model.setUpgrades(std::nullopt, kNow + 6000);
        QCOMPARE(model.rowCount(), 0);
    }

    void badges()
    {
        ManageModel model;
        model.setUpgrades(result({llama(), plain(QStringLiteral("cuda-runtime"), true), plain(QStringLiteral("llama-cpp"), false, true),
                                  plain(QStringLiteral("vllm-development"))}),
                          kNow);
        const int l = rowOf(model, QStringLiteral("llama-cpp-cuda12"));
        QCOMPARE(model.index(l, ManageModel::VersionColumn).data().toString(), QStringLiteral("b4100"));
        QCOMPARE(chipTexts(model.index(l, ManageModel::VersionColumn).data(TableRole::Chips)),
                 (QStringList{QStringLiteral("Update b4120"), QStringLiteral("Drift: 1 node")}));
        const QVariantList chips = model.index(l, ManageModel::VersionColumn).data(TableRole::Chips).toList();
        QCOMPARE(chips.at(0).toMap().value(QStringLiteral("tone")).toInt(), int(Tone::Info));
        QCOMPARE(chips.at(1).toMap().value(QStringLiteral("tone")).toInt(), int(Tone::Warning));
        QCOMPARE(chips.at(1).toMap().value(QStringLiteral("toolTip")).toString(), QStringLiteral("jetson-orin: b4050"));
        QCOMPARE(model.index(l, ManageModel::NodesColumn).data().toInt(), 3);
        QCOMPARE(model.index(l, ManageModel::InstalledColumn).data().toString(), QStringLiteral("1 d ago"));
        QCOMPARE(actionIds(model.index(l, ManageModel::ActionsColumn).data(TableRole::Actions)),
                 (QStringList{QStringLiteral("upgrade"), QStringLiteral("reinstall"), QStringLiteral("delete")}));
        QVERIFY(model.index(l, 0).data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("update b4120 available")));

        // Two drifting nodes: plural.
        BackendUpgrade two = llama();
        two.drift << DriftRef{QStringLiteral("x"), QStringLiteral("gpu-a100-2"), QStringLiteral("b4000"), {}};
        model.setUpgrades(result({two}), kNow);
        QCOMPARE(chipTexts(model.index(0, ManageModel::VersionColumn).data(TableRole::Chips)).at(1), QStringLiteral("Drift: 2 nodes"));
        QCOMPARE(model.index(0, ManageModel::VersionColumn).data(TableRole::Chips).toList().at(1).toMap().value(QStringLiteral("toolTip")).toString(),
                 QStringLiteral("jetson-orin: b4050\ngpu-a100-2: b4000"));

        model.setUpgrades(result({llama(), plain(QStringLiteral("cuda-runtime"), true), plain(QStringLiteral("llama-cpp"), false, true),
                                  plain(QStringLiteral("vllm-development"))}),
                          kNow);
        const int sys = rowOf(model, QStringLiteral("cuda-runtime"));
        QCOMPARE(chipTexts(model.index(sys, ManageModel::NameColumn).data(TableRole::Chips)), QStringList{QStringLiteral("System")});
        QCOMPARE(chipTexts(model.index(sys, ManageModel::ActionsColumn).data(TableRole::Chips)), QStringList{QStringLiteral("Protected")});
        QVERIFY(model.index(sys, ManageModel::ActionsColumn).data(TableRole::Actions).toList().isEmpty());
        const int meta = rowOf(model, QStringLiteral("llama-cpp"));
        QCOMPARE(chipTexts(model.index(meta, ManageModel::NameColumn).data(TableRole::Chips)), QStringList{QStringLiteral("Meta")});
        // Not flagged: no Update badge and no Upgrade action.
        QVERIFY(chipTexts(model.index(meta, ManageModel::VersionColumn).data(TableRole::Chips)).isEmpty());
        QCOMPARE(actionIds(model.index(meta, ManageModel::ActionsColumn).data(TableRole::Actions)),
                 (QStringList{QStringLiteral("reinstall"), QStringLiteral("delete")}));
        const int dev = rowOf(model, QStringLiteral("vllm-development"));
        QCOMPARE(chipTexts(model.index(dev, ManageModel::NameColumn).data(TableRole::Chips)), QStringList{QStringLiteral("Development")});
        QCOMPARE(model.upgradableNames(), QStringList{QStringLiteral("llama-cpp-cuda12")});

        // Writes disabled: actions stay listed but disabled, with the reason.
        model.setActionsEnabled(false, QStringLiteral("store unreachable"));
        const QVariantMap first = model.index(l, ManageModel::ActionsColumn).data(TableRole::Actions).toList().at(0).toMap();
        QCOMPARE(first.value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(first.value(QStringLiteral("toolTip")).toString(), QStringLiteral("store unreachable"));
    }

    void opStateColumn_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("progress");
        QTest::addColumn<qint64>("progressAgeMs");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("tone");
        QTest::newRow("queued") << int(OpState::Queued) << int(OpKind::Upgrade) << 0 << qint64(0) << QStringLiteral("Queued") << int(Tone::Info);
        QTest::newRow("upgrading") << int(OpState::Running) << int(OpKind::Upgrade) << 42 << qint64(0) << QStringLiteral("Upgrading · 42 %") << int(Tone::Info);
        QTest::newRow("installing") << int(OpState::Running) << int(OpKind::Install) << 7 << qint64(0) << QStringLiteral("Installing · 7 %") << int(Tone::Info);
        QTest::newRow("deleting") << int(OpState::Running) << int(OpKind::Delete) << 0 << qint64(120'000) << QStringLiteral("Deleting…") << int(Tone::Info);
        QTest::newRow("worker busy") << int(OpState::RunningOnWorker) << int(OpKind::Upgrade) << 50 << qint64(0) << QStringLiteral("Worker busy") << int(Tone::Warning);
        QTest::newRow("stalled") << int(OpState::Running) << int(OpKind::Upgrade) << 42 << qint64(75'000) << QStringLiteral("Stalled · 42 %") << int(Tone::Warning);
        QTest::newRow("failed shows nothing") << int(OpState::Failed) << int(OpKind::Upgrade) << 42 << qint64(0) << QString() << -1;
    }
    void opStateColumn()
    {
        QFETCH(int, state);
        QFETCH(int, kind);
        QFETCH(int, progress);
        QFETCH(qint64, progressAgeMs);
        QFETCH(QString, text);
        QFETCH(int, tone);
        ManageModel model;
        model.setUpgrades(result({llama()}), kNow);
        Operation o = op(QStringLiteral("op-1"), QStringLiteral("llama-cpp-cuda12"), OpState(state), OpKind(kind), progress);
        o.progressAt = kNow - progressAgeMs;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setOps({o}, kNow, 60'000);
        const QModelIndex cell = model.index(0, ManageModel::StateColumn);
        QCOMPARE(cell.data().toString(), text);
        QCOMPARE(cell.data(TableRole::Tone).isValid() ? cell.data(TableRole::Tone).toInt() : -1, tone);
        QCOMPARE(model.index(0, 0).data(ManageModel::BusyRole).toBool(), !text.isEmpty());
        QCOMPARE(changed.isEmpty(), text.isEmpty());
        if (!text.isEmpty()) {
            // A running op disables the row's actions.
            const QVariantList actions = model.index(0, ManageModel::ActionsColumn).data(TableRole::Actions).toList();
            QCOMPARE(actions.at(0).toMap().value(QStringLiteral("enabled")).toBool(), false);
        }
    }

    void noStallWhileNotLive()
    {
        ManageModel model;
        model.setUpgrades(result({llama()}), kNow);
        Operation o = op(QStringLiteral("op-1"), QStringLiteral("llama-cpp-cuda12"), OpState::Running, OpKind::Upgrade, 42);
        o.progressAt = kNow - 120'000;
        model.setOps({o}, kNow, 0);
        QCOMPARE(model.index(0, ManageModel::StateColumn).data().toString(), QStringLiteral("Upgrading · 42 %"));
    }

    void stallByTheClockAloneAndLateRows()
    {
        // The clock alone turns a row stalled and moves its age on; an op whose backend has no
        // row yet is worded when the row appears.
        ManageModel model;
        model.setUpgrades(result({llama()}), kNow);
        Operation o = op(QStringLiteral("op-1"), QStringLiteral("llama-cpp-cuda12"), OpState::Running, OpKind::Upgrade, 42);
        o.progressAt = kNow - 30'000;
        Operation w = op(QStringLiteral("op-2"), QStringLiteral("whisper"), OpState::Running, OpKind::Install, 7);
        w.createdAt = 1;
        ClusterSnapshot s;
        s.applyOps(OpsListDelta{true, {o, w}, {}});
        model.setSnapshot(s, kNow, 60'000);
        const QModelIndex cell = model.index(0, ManageModel::StateColumn);
        QCOMPARE(cell.data().toString(), QStringLiteral("Upgrading · 42 %"));
        model.setSnapshot(s, kNow + 31'000, 60'000);
        QCOMPARE(cell.data().toString(), QStringLiteral("Stalled · 42 %"));
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("1 min 1 s")));
        model.setSnapshot(s, kNow + 46'000, 60'000);
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("1 min 16 s")));
        model.setUpgrades(result({llama(), plain(QStringLiteral("whisper"))}), kNow + 46'000);
        const int row = rowOf(model, QStringLiteral("whisper"));
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, ManageModel::StateColumn).data().toString(), QStringLiteral("Installing · 7 %"));
        QVERIFY(model.index(row, 0).data(ManageModel::BusyRole).toBool());
    }

    void a16_same_count_id_set_change_rechecks()
    {
        SettleWatcher w;
        const QString b = QStringLiteral("llama-cpp-cuda12");
        QCOMPARE(w.shouldRecheck({}), false);
        SettleWatcher::Verdict v = w.feed({op(QStringLiteral("op-a"), b, OpState::Running)});
        QVERIFY(v.activeSetChanged);
        QVERIFY(!v.terminal);
        // The same set again (progress moved): nothing to re-check.
        QCOMPARE(w.shouldRecheck({op(QStringLiteral("op-a"), b, OpState::Running, OpKind::Upgrade, 60)}), false);
        // {op-a} → {op-b}: the same count, another set. The set rule alone asks for a re-check (op-a
        // leaving the list is a terminal event as well).
        v = w.feed({op(QStringLiteral("op-b"), b, OpState::Queued)});
        QVERIFY(v.activeSetChanged);
        QVERIFY(v.recheck());
        QCOMPARE(w.activeIds(), QSet<QString>{QStringLiteral("op-b")});
        QCOMPARE(w.shouldRecheck({op(QStringLiteral("op-b"), b, OpState::Running)}), false);
        // {op-b} → {op-b, op-c} → {op-b, op-d}: same count twice, the set differs each time.
        QVERIFY(w.feed({op(QStringLiteral("op-b"), b, OpState::Running), op(QStringLiteral("op-c"), b, OpState::Queued)}).activeSetChanged);
        v = w.feed({op(QStringLiteral("op-b"), b, OpState::Running), op(QStringLiteral("op-d"), b, OpState::Queued)});
        QVERIFY(v.activeSetChanged);
    }

    void recheckOnTerminalEvents()
    {
        const QString b = QStringLiteral("whisper");
        {
            // The op succeeded and was evicted by the list read: it left the list.
            SettleWatcher w;
            w.feed({op(QStringLiteral("op-a"), b, OpState::Running)});
            QVERIFY(w.feed({}).terminal);
            QVERIFY(!w.feed({}).recheck());
        }
        {
            // The op turned failed and stays listed until dismissed: one re-check, then quiet.
            SettleWatcher w;
            w.feed({op(QStringLiteral("op-a"), b, OpState::Running)});
            const SettleWatcher::Verdict v = w.feed({op(QStringLiteral("op-a"), b, OpState::Failed)});
            QVERIFY(v.terminal);
            QVERIFY(!w.feed({op(QStringLiteral("op-a"), b, OpState::Failed)}).recheck());
            // Dismissing the failed op changes nothing installed.
            QVERIFY(!w.feed({}).recheck());
        }
        {
            // Admitted and failed between two list reads: seen only as failed.
            SettleWatcher w;
            w.feed({});
            QVERIFY(w.feed({op(QStringLiteral("op-z"), b, OpState::Failed)}).terminal);
        }
        {
            // running → running_on_worker is still active and the set is unchanged.
            SettleWatcher w;
            w.feed({op(QStringLiteral("op-a"), b, OpState::Running)});
            QVERIFY(!w.feed({op(QStringLiteral("op-a"), b, OpState::RunningOnWorker)}).recheck());
        }
    }

    void delegateRowHeightAndActionClicks()
    {
        ManageModel model;
        model.setUpgrades(result({llama()}), kNow);
        QTreeView view;
        TableCellDelegate delegate;
        view.setItemDelegate(&delegate);
        view.setModel(&model);
        view.setRootIsDecorated(false);
        view.header()->resizeSection(ManageModel::ActionsColumn, view.fontMetrics().height() * 20);
        view.resize(view.fontMetrics().height() * 80, view.fontMetrics().height() * 12);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QModelIndex actions = model.index(0, ManageModel::ActionsColumn);
        // UI.md: rows are 2 em high.
        QCOMPARE(view.visualRect(actions).height(), 2 * view.fontMetrics().height());
        QStyleOptionViewItem opt;
        opt.initFrom(view.viewport());
        opt.font = view.font();
        opt.rect = view.visualRect(actions);
        const auto rects = TableCellDelegate::actionRects(opt, actions);
        QCOMPARE(rects.size(), 3);
        QSignalSpy clicked(&delegate, &TableCellDelegate::actionTriggered);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, rects.at(1).second.center());
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.at(0).at(1).toString(), QStringLiteral("reinstall"));
        // A running op disables the buttons: a click reports nothing.
        model.setOps({op(QStringLiteral("op-1"), QStringLiteral("llama-cpp-cuda12"), OpState::Running, OpKind::Upgrade, 5)}, kNow, 60'000);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, rects.at(1).second.center());
        QCOMPARE(clicked.size(), 1);
    }

    void pageShowsEmptyState()
    {
        EngineHost host(EngineStarter{});
        ManagePage page(&host);
        page.resize(900, 600);
        page.show();
        QVERIFY(page.isShowingEmptyState());
        bool found = false;
        for (const QLabel *l : page.findChildren<QLabel *>())
            found = found || (l->isVisibleTo(&page) && l->text() == QStringLiteral("No installed backends"));
        QVERIFY(found);
        QCOMPARE(page.checkedText(), QStringLiteral("not checked yet"));
        QCOMPARE(page.badgeText(), QString());
    }
};

QTEST_MAIN(TstManageModel)
#include "tst_manage_model.moc"
