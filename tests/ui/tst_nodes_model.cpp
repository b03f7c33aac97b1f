// NodesModel (SPEC §11.5, A27), its proxy and the Nodes page's empty state.
#include "bridge/engine_host.h"
#include "models/nodes_model.h"
#include "models/tree_filter_proxy.h"
#include "table_fit.h"
#include "views/nodes_page.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QHeaderView>
#include <QScrollBar>
#include <QTest>
#include <QTreeView>

using namespace fleetdeck;
using namespace fleetdeck::ui;

namespace {
constexpr qint64 kNow = 1'767'225'600'000;

Node makeNode(const QString &name, NodeStatus status, qint64 ageMs, const QString &reason = {})
{
    Node n;
    n.id = QStringLiteral("id-") + name;
    n.name = name;
    n.status = status;
    n.statusReason = reason;
    n.lastHeartbeat = kNow - ageMs;
    n.labels = QJsonObject{{QStringLiteral("rack"), QStringLiteral("r2")}};
    n.resources = QJsonObject{{QStringLiteral("gpu_vendor"), QStringLiteral("nvidia")}, {QStringLiteral("gpus"), 2}};
    n.workerVersion = QStringLiteral("1.0.0");
    return n;
}

wire::ListedBackend backend(const QString &name, const QString &version, bool system = false)
{
    wire::ListedBackend b;
    b.name = name;
    b.version = version;
    b.isSystem = system;
    b.installedAt = QStringLiteral("2026-08-30T09:00:00.000Z");
    return b;
}

QString cell(const NodesModel &m, const QString &id, int column, int role = Qt::DisplayRole)
{
    return m.indexOf(id, column).data(role).toString();
}
} // namespace

class TstNodesModel final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void testerThroughUpdates()
    {
        NodesModel model;
        TreeFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(NodesModel::NameColumn);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        const Node a = makeNode(QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, 3000);
        const Node b = makeNode(QStringLiteral("gpu-a100-2"), NodeStatus::Healthy, 4000);
        const Node c = makeNode(QStringLiteral("jetson-orin"), NodeStatus::Unhealthy, 5000);
        model.setNodes({a, b, c}, kNow);
        QCOMPARE(model.rowCount(), 3);
        model.setListing(a.id, NodesModel::ListState::Listing);
        model.setListing(a.id, NodesModel::ListState::Listed,
                         {backend(QStringLiteral("llama-cpp-cuda12"), QStringLiteral("b4100")),
                          backend(QStringLiteral("cuda-runtime"), QStringLiteral("12.4"), true)});
        QCOMPARE(model.rowCount(model.indexOf(a.id)), 2);
        model.setListing(a.id, NodesModel::ListState::Listed, {backend(QStringLiteral("whisper"), QStringLiteral("1"))});
        QCOMPARE(model.rowCount(model.indexOf(a.id)), 1);
        model.setListing(a.id, NodesModel::ListState::Failed, {}, QStringLiteral("nats: timeout"));
        QCOMPARE(cell(model, a.id, 0).isEmpty(), false);
        QCOMPARE(model.index(0, 0, model.indexOf(a.id)).data().toString(), QStringLiteral("Listing failed: nats: timeout"));

        // A change of one node, a removal in the middle, an addition, and a tick.
        Node c2 = c;
        c2.status = NodeStatus::Healthy;
        const Node d = makeNode(QStringLiteral("cpu-edge-1"), NodeStatus::Offline, 7'200'000);
        model.setNodes({a, c2, d}, kNow);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.indexOf(b.id).isValid());
        QCOMPARE(cell(model, c.id, NodesModel::StatusColumn), QStringLiteral("Healthy"));
        QCOMPARE(model.rowCount(model.indexOf(a.id)), 1); // a's listing survived the removal of b
        model.setNow(kNow + 1000);
        proxy.setSearchText(QStringLiteral("edge"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setSearchText({});
        model.setNodes({}, kNow + 2000);
        QCOMPARE(model.rowCount(), 0);
    }

    void updatesAreDiffsNotResets()
    {
        NodesModel model;
        const Node a = makeNode(QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, 3000);
        const Node b = makeNode(QStringLiteral("gpu-a100-2"), NodeStatus::Healthy, 3000);
        model.setNodes({a, b}, kNow);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        Node b2 = b;
        b2.status = NodeStatus::Draining;
        b2.statusReason = QStringLiteral("drained by admin");
        model.setNodes({a, b2}, kNow);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        model.setNodes({b2}, kNow);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(reset.size(), 0);
    }

    void statusShapesWordsAndTones_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QString>("word");
        QTest::addColumn<int>("tone");
        QTest::newRow("healthy") << QStringLiteral("healthy") << QStringLiteral("●") << QStringLiteral("Healthy") << int(Tone::Ok);
        QTest::newRow("unhealthy") << QStringLiteral("unhealthy") << QStringLiteral("▲") << QStringLiteral("Unhealthy") << int(Tone::Error);
        QTest::newRow("offline") << QStringLiteral("offline") << QStringLiteral("■") << QStringLiteral("Offline") << int(Tone::Neutral);
        QTest::newRow("draining") << QStringLiteral("draining") << QStringLiteral("◆") << QStringLiteral("Draining") << int(Tone::Draining);
        QTest::newRow("pending") << QStringLiteral("pending") << QStringLiteral("○") << QStringLiteral("Pending approval") << int(Tone::Pending);
    }
    void statusShapesWordsAndTones()
    {
        QFETCH(QString, status);
        QFETCH(QString, shape);
        QFETCH(QString, word);
        QFETCH(int, tone);
        NodesModel model;
        const Node n = makeNode(QStringLiteral("n1"), *nodeStatusFromString(status), 12'000);
        model.setNodes({n}, kNow);
        QCOMPARE(cell(model, n.id, NodesModel::StatusColumn), word);
        QCOMPARE(cell(model, n.id, NodesModel::StatusColumn, TableRole::Shape), shape);
        QCOMPARE(model.indexOf(n.id, NodesModel::StatusColumn).data(TableRole::Tone).toInt(), tone);
        QCOMPARE(cell(model, n.id, NodesModel::StatusColumn, NodesModel::NodeStatusRole), status);
        QCOMPARE(cell(model, n.id, NodesModel::StatusColumn, Qt::AccessibleTextRole),
                 QStringLiteral("n1: %1, heartbeat 12 s ago").arg(word));
    }

    void heartbeatWording()
    {
        NodesModel model;
        const Node fresh = makeNode(QStringLiteral("fresh"), NodeStatus::Healthy, 12'000);
        const Node amber = makeNode(QStringLiteral("amber"), NodeStatus::Healthy, 30'000);
        const Node just = makeNode(QStringLiteral("under"), NodeStatus::Healthy, 29'000);
        const Node gone = makeNode(QStringLiteral("gone"), NodeStatus::Offline, 10 * 60'000, QStringLiteral("heartbeat stale"));
        model.setNodes({fresh, amber, just, gone}, kNow);
        QCOMPARE(cell(model, fresh.id, NodesModel::HeartbeatColumn), QStringLiteral("12 s ago"));
        QVERIFY(!model.indexOf(fresh.id, NodesModel::HeartbeatColumn).data(TableRole::Tone).isValid());
        QVERIFY(!model.indexOf(just.id, NodesModel::HeartbeatColumn).data(TableRole::Tone).isValid());
        QCOMPARE(model.indexOf(amber.id, NodesModel::HeartbeatColumn).data(TableRole::Tone).toInt(), int(Tone::Warning));
        QCOMPARE(cell(model, amber.id, NodesModel::HeartbeatColumn), QStringLiteral("30 s ago"));
        QCOMPARE(cell(model, gone.id, NodesModel::HeartbeatColumn), QStringLiteral("last seen 10 min ago"));
        QCOMPARE(cell(model, gone.id, NodesModel::StatusColumn), QStringLiteral("Offline"));
        QCOMPARE(cell(model, gone.id, NodesModel::ReasonColumn), QStringLiteral("heartbeat stale"));
        QCOMPARE(cell(model, gone.id, NodesModel::StatusColumn, Qt::ToolTipRole), QStringLiteral("Offline: heartbeat stale"));

        // The heartbeat ticks: 12 s becomes 42 s (amber) without a new snapshot.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setNow(kNow + 30'000);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(cell(model, fresh.id, NodesModel::HeartbeatColumn), QStringLiteral("42 s ago"));
        QCOMPARE(model.indexOf(fresh.id, NodesModel::HeartbeatColumn).data(TableRole::Tone).toInt(), int(Tone::Warning));
        model.setNow(kNow + 61'000);
        QCOMPARE(cell(model, fresh.id, NodesModel::HeartbeatColumn), QStringLiteral("last seen 1 min ago"));
    }

    void a27_stale_pending_stays_pending_view()
    {
        NodesModel model;
        const Node n = makeNode(QStringLiteral("new-node-7"), NodeStatus::Pending, 10 * 60'000);
        const Node recent = makeNode(QStringLiteral("new-node-8"), NodeStatus::Pending, 5000);
        model.setNodes({n, recent}, kNow);
        QCOMPARE(cell(model, n.id, NodesModel::StatusColumn), QStringLiteral("Pending approval · last seen 10 min ago"));
        QCOMPARE(cell(model, n.id, NodesModel::StatusColumn, TableRole::Shape), QStringLiteral("○"));
        QCOMPARE(cell(model, recent.id, NodesModel::StatusColumn), QStringLiteral("Pending approval"));
        QVERIFY(cell(model, n.id, NodesModel::StatusColumn, Qt::AccessibleTextRole)
                    .startsWith(QStringLiteral("new-node-7: Pending approval · last seen 10 min ago")));
    }

    void labelsResourcesAndBackendRows()
    {
        NodesModel model;
        const Node n = makeNode(QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, 1000);
        model.setNodes({n}, kNow);
        const QVariantList chips = model.indexOf(n.id, NodesModel::LabelsColumn).data(TableRole::Chips).toList();
        QCOMPARE(chips.size(), 1);
        QCOMPARE(chips.at(0).toMap().value(QStringLiteral("text")).toString(), QStringLiteral("rack=r2"));
        QCOMPARE(cell(model, n.id, NodesModel::ResourcesColumn), QStringLiteral("nvidia ×2"));
        QCOMPARE(cell(model, n.id, NodesModel::VersionColumn), QStringLiteral("1.0.0"));
        // Before a listing: one placeholder child, not selectable.
        const QModelIndex parent = model.indexOf(n.id);
        QCOMPARE(model.rowCount(parent), 1);
        QCOMPARE(model.index(0, 0, parent).data(TableRole::RowKind).toInt(), int(NodesModel::PlaceholderRow));
        QVERIFY(!(model.flags(model.index(0, 0, parent)) & Qt::ItemIsSelectable));
        model.setListing(n.id, NodesModel::ListState::Listed,
                         {backend(QStringLiteral("llama-cpp-cuda12"), QStringLiteral("b4100")),
                          backend(QStringLiteral("cuda-runtime"), QStringLiteral("12.4"), true)});
        const QModelIndex b0 = model.index(0, NodesModel::NameColumn, parent);
        QCOMPARE(b0.data().toString(), QStringLiteral("llama-cpp-cuda12"));
        QCOMPARE(b0.data(TableRole::RowKind).toInt(), int(NodesModel::BackendRow));
        QCOMPARE(model.backendAt(b0)->version, QStringLiteral("b4100"));
        QCOMPARE(model.nodeAt(b0)->name, QStringLiteral("gpu-a100-1"));
        QCOMPARE(b0.data(Qt::AccessibleTextRole).toString(), QStringLiteral("llama-cpp-cuda12 on gpu-a100-1: installed, version b4100"));
        const QVariantList sys = model.index(1, NodesModel::NameColumn, parent).data(TableRole::Chips).toList();
        QCOMPARE(sys.size(), 1);
        QCOMPARE(sys.at(0).toMap().value(QStringLiteral("text")).toString(), QStringLiteral("System"));
        // The upgrades result offers b4120: the listed b4100 shows an Update chip; system backends never.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setAvailableVersions({{QStringLiteral("llama-cpp-cuda12"), QStringLiteral("b4120")},
                                    {QStringLiteral("cuda-runtime"), QStringLiteral("12.5")}});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, NodesModel::VersionColumn, parent).data(TableRole::Chips).toList().at(0).toMap()
                     .value(QStringLiteral("text")).toString(),
                 QStringLiteral("Update b4120"));
        QVERIFY(model.hasUpdate(*model.backendAt(b0)));
        QVERIFY(!model.hasUpdate(*model.backendAt(model.index(1, 0, parent))));
        model.setAvailableVersions({{QStringLiteral("llama-cpp-cuda12"), QStringLiteral("b4100")}});
        QVERIFY(!model.hasUpdate(*model.backendAt(b0)));
        QVERIFY(model.index(0, NodesModel::VersionColumn, parent).data(TableRole::Chips).toList().isEmpty());
        model.setListing(n.id, NodesModel::ListState::Listed, {});
        QCOMPARE(model.rowCount(parent), 1);
        QCOMPARE(model.index(0, 0, parent).data().toString(), QStringLiteral("No backends installed"));
        model.setListing(n.id, NodesModel::ListState::Unavailable, {}, QStringLiteral("not listed: offline"));
        QCOMPARE(model.index(0, 0, parent).data().toString(), QStringLiteral("not listed: offline"));
        QVERIFY(model.index(0, 0, parent).data(TableRole::Spanned).toBool());
    }

    void pageActionsFollowSelectionAndWrites()
    {
        EngineHost host(EngineStarter{});
        NodesPage page(&host);
        page.resize(900, 600);
        page.show();
        page.model()->setNodes({makeNode(QStringLiteral("new-node-7"), NodeStatus::Pending, 1000),
                                makeNode(QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, 1000)},
                               kNow);
        auto action = [&page](const QString &text) -> QAction * {
            for (QAction *a : page.findChildren<QAction *>())
                if (a->text() == text)
                    return a;
            return nullptr;
        };
        QAction *approve = action(QStringLiteral("Approve"));
        QAction *drain = action(QStringLiteral("Drain…"));
        QVERIFY(approve && drain);
        QVERIFY(!approve->isVisible()); // nothing selected
        QTreeView *view = page.tableView();
        const QModelIndex pending = page.model()->indexOf(QStringLiteral("id-new-node-7"));
        QModelIndex proxyIndex;
        for (int r = 0; r < view->model()->rowCount(); ++r)
            if (view->model()->index(r, 0).data(NodesModel::NodeIdRole) == pending.data(NodesModel::NodeIdRole))
                proxyIndex = view->model()->index(r, 0);
        view->selectionModel()->select(proxyIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(approve->isVisible());
        QVERIFY(approve->isEnabled());
        QVERIFY(!drain->isVisible()); // a pending node cannot be drained
        page.setWritesEnabled(false, QStringLiteral("store unreachable"));
        QVERIFY(!approve->isEnabled());
        QCOMPARE(approve->toolTip(), QStringLiteral("store unreachable"));
        page.setWritesEnabled(true, {});
        QVERIFY(approve->isEnabled());
        page.setDimmed(true);
        QVERIFY(page.isDimmed());
    }

    void healthyCount()
    {
        NodesModel model;
        model.setNodes({makeNode(QStringLiteral("a"), NodeStatus::Healthy, 1), makeNode(QStringLiteral("b"), NodeStatus::Pending, 1),
                        makeNode(QStringLiteral("c"), NodeStatus::Healthy, 1)},
                       kNow);
        QCOMPARE(model.healthyCount(), 2);
        QCOMPARE(model.nodeCount(), 3);
    }

    void pageFitsA1120PixelWindow_data() { test::addLanguageRows(); }
    void pageFitsA1120PixelWindow()
    {
        // The page's share of a 1,120 px window (the rail takes the rest), in each language: every
        // column shows without a horizontal scroll bar, every status word whole ("Wartet auf
        // Freigabe"); Resources and Labels elide, their full text in tooltips.
        QFETCH(QString, lang);
        const test::ScopedLanguage language(lang);
        QVERIFY2(language.loaded(), qPrintable(lang));
        EngineHost host(EngineStarter{});
        NodesPage page(&host);
        QTreeView *view = page.tableView();
        test::showAtPageWidth(page, view);
        QList<Node> nodes;
        for (NodeStatus s : {NodeStatus::Pending, NodeStatus::Healthy, NodeStatus::Unhealthy, NodeStatus::Offline, NodeStatus::Draining})
            nodes << makeNode(QStringLiteral("gpu-a100-%1").arg(int(s)), s, 5000);
        Node &wide = nodes.first();
        wide.resources = QJsonObject{{QStringLiteral("gpu_vendor"), QStringLiteral("nvidia")},
                                     {QStringLiteral("gpus"), 8},
                                     {QStringLiteral("memory_bytes"), 2LL * 1024 * 1024 * 1024 * 1024},
                                     {QStringLiteral("cpu_cores"), 256}};
        wide.labels = QJsonObject{{QStringLiteral("gpu"), QStringLiteral("a100")}, {QStringLiteral("rack"), QStringLiteral("r12")},
                                  {QStringLiteral("site"), QStringLiteral("frankfurt-edge")}, {QStringLiteral("tier"), QStringLiteral("gold")}};
        page.model()->setNodes(nodes, kNow);
        test::verifyColumnsFit(view, {NodesModel::StatusColumn, NodesModel::NameColumn, NodesModel::HeartbeatColumn});
        const QModelIndex resources = page.model()->index(0, NodesModel::ResourcesColumn);
        QVERIFY(resources.data(Qt::ToolTipRole).toString().contains(QStringLiteral("nvidia")));
        QVERIFY(page.model()->index(0, NodesModel::LabelsColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("frankfurt-edge")));
    }

    void pageShowsEmptyState()
    {
        EngineHost host(EngineStarter{});
        NodesPage page(&host);
        QSignalSpy badge(&page, &NodesPage::badgeChanged);
        page.resize(900, 600);
        page.show();
        QVERIFY(page.isShowingEmptyState());
        const QList<QLabel *> labels = page.findChildren<QLabel *>();
        bool found = false;
        for (const QLabel *l : labels)
            found = found || (l->isVisibleTo(&page) && l->text().contains(QStringLiteral("No nodes yet")));
        QVERIFY(found);
        // Open registration is the default setting: the banner shows.
        bool banner = false;
        for (const QLabel *l : labels)
            banner = banner || (l->isVisibleTo(&page) && l->text().contains(QStringLiteral("Registration is open")));
        QVERIFY(banner);
    }
};

QTEST_MAIN(TstNodesModel)
#include "tst_nodes_model.moc"
