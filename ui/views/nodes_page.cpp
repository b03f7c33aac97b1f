#include "views/nodes_page.h"

#include "delegates/table_cell_delegate.h"
#include "models/nodes_model.h"
#include "models/tree_filter_proxy.h"
#include "presentation/clock_tick.h"
#include "actions/batch_report.h"
#include "presentation/reason_text.h"
#include "views/column_widths.h"
#include "widgets/format.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace fleetdeck::ui {

namespace {
QString names(const QStringList &list)
{
    return QLocale().createSeparatedList(list);
}

bool isListable(NodeStatus s)
{
    return s == NodeStatus::Healthy || s == NodeStatus::Unhealthy;
}
} // namespace

NodesPage::NodesPage(EngineHost *host, QWidget *parent)
    : TablePage(host, tr("Nodes"), parent), m_model(new NodesModel(this))
{
    setSourceModel(m_model);
    QTreeView *view = tableView();
    view->sortByColumn(NodesModel::NameColumn, Qt::AscendingOrder);
    // docs/gui.md#tables: the columns share the width (a 1,120 px window shows them all, without a
    // horizontal scroll bar, in every language): the status fits its longest word, the others
    // share the rest by weight and elide, their full text in the tooltip.
    auto *widths = new ColumnWidths(view);
    QStringList statuses;
    for (NodeStatus s : {NodeStatus::Pending, NodeStatus::Healthy, NodeStatus::Unhealthy, NodeStatus::Offline, NodeStatus::Draining})
        statuses << NodesModel::statusShape(s) + QLatin1Char(' ') + NodesModel::statusText(s);
    widths->fit(NodesModel::StatusColumn, statuses);
    widths->share(NodesModel::NameColumn, 2, {QStringLiteral("gpu-a100-10")});
    widths->share(NodesModel::HeartbeatColumn, 3, {relativeAge(59 * 60'000)});
    widths->share(NodesModel::ReasonColumn, 3);
    widths->share(NodesModel::ResourcesColumn, 4);
    widths->share(NodesModel::LabelsColumn, 4);
    widths->share(NodesModel::VersionColumn, 1);
    view->setAccessibleName(tr("Nodes"));

    m_openBanner = makeBanner(tr("Registration is open: any client on the bus can register a node"), Tone::Warning, this);
    m_openBanner->setToolTip(tr("Set nodes/registration_token in Settings so that only workers holding the token can register"));
    bannerLayout()->addWidget(m_openBanner);

    auto makeAction = [this](const QString &text) {
        auto *a = new QAction(text, this);
        addAction(a);
        return a;
    };
    m_approve = makeAction(tr("Approve"));
    m_drain = makeAction(tr("Drain…"));
    m_resume = makeAction(tr("Resume"));
    m_deleteNode = makeAction(tr("Delete node…"));
    m_upgradeOn = makeAction(tr("Upgrade on this node"));
    m_reinstallOn = makeAction(tr("Reinstall on this node"));
    m_deleteOn = makeAction(tr("Delete from this node…"));
    for (QAction *a : {m_approve, m_drain, m_resume, m_deleteNode, m_upgradeOn, m_reinstallOn, m_deleteOn})
        addBulkAction(a);
    connect(m_approve, &QAction::triggered, this, [this] { runNodeAction(EngineHost::NodeAction::Approve); });
    connect(m_drain, &QAction::triggered, this, [this] { runNodeAction(EngineHost::NodeAction::Drain); });
    connect(m_resume, &QAction::triggered, this, [this] { runNodeAction(EngineHost::NodeAction::Resume); });
    connect(m_deleteNode, &QAction::triggered, this, &NodesPage::deleteNodes);
    // The Delete key deletes what is selected: nodes, or backends from their nodes (an action of
    // its own, because a hidden or disabled action's shortcut does not fire).
    auto *deleteKey = new QAction(this);
    deleteKey->setShortcut(QKeySequence::Delete);
    deleteKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(deleteKey);
    connect(deleteKey, &QAction::triggered, this, [this] {
        if (!writesEnabled())
            return;
        if (!selectedNodes().isEmpty())
            deleteNodes();
        else if (!selectedBackends().isEmpty())
            runBackendAction(OpKind::Delete, false);
    });
    connect(m_upgradeOn, &QAction::triggered, this, [this] { runBackendAction(OpKind::Upgrade, false); });
    connect(m_reinstallOn, &QAction::triggered, this, [this] { runBackendAction(OpKind::Install, true); });
    connect(m_deleteOn, &QAction::triggered, this, [this] { runBackendAction(OpKind::Delete, false); });

    auto *copy = new QPushButton(tr("Copy command"), this);
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(QStringLiteral("fleetdeck-worker --name <node> --nats %1 --backends-dir <dir>")
                                               .arg(this->host()->busUrl().isEmpty() ? QStringLiteral("<url>")
                                                                                     : this->host()->busUrl()));
    });
    setEmptyState(tr("No nodes yet"), QString(), copy);
    updateEmptyText();

    connect(view, &QTreeView::customContextMenuRequested, this, &NodesPage::contextMenu);
    connect(view, &QTreeView::expanded, this, [this](const QModelIndex &proxyIndex) {
        const QModelIndex src = toSource(proxyIndex);
        if (src.parent().isValid())
            return;
        const QString id = src.data(NodesModel::NodeIdRole).toString();
        m_expanded.insert(id);
        listNode(id);
        spanPlaceholders(proxyIndex, 0, proxy()->rowCount(proxyIndex) - 1);
    });
    connect(view, &QTreeView::collapsed, this, [this](const QModelIndex &proxyIndex) {
        m_expanded.remove(toSource(proxyIndex).data(NodesModel::NodeIdRole).toString());
    });
    // Placeholder child rows ("Listing backends…") span the whole row.
    connect(proxy(), &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
        if (parent.isValid())
            spanPlaceholders(parent, first, last);
    });

    connect(&ClockTick::instance(), &ClockTick::tick, this, [this] {
        if (isVisible())
            m_model->setNow(this->host()->nowMs());
    });

    connect(host, &EngineHost::nodesChanged, this, &NodesPage::applyNodes);
    connect(host, &EngineHost::settingsChanged, this, &NodesPage::applySettings);
    connect(host, &EngineHost::opsChanged, this, &NodesPage::applyOps);
    connect(host, &EngineHost::upgradesChanged, this, &NodesPage::applyUpgrades);
    connect(host, &EngineHost::started, this, [this] { updateEmptyText(); });
    applyNodes();
    applySettings();
    applyUpgrades();
}

bool NodesPage::isRegistrationBannerShown() const
{
    return !m_openBanner->isHidden();
}

void NodesPage::showEvent(QShowEvent *event)
{
    m_model->setNow(host()->nowMs());
    TablePage::showEvent(event);
}

void NodesPage::updateEmptyText()
{
    const QString url = host()->busUrl().isEmpty() ? QStringLiteral("<url>") : host()->busUrl();
    setEmptyDetail(tr("Start %1 on a node")
                       .arg(QStringLiteral("fleetdeck-worker --name <node> --nats %1 --backends-dir <dir>").arg(url)));
}

void NodesPage::applyNodes()
{
    const QList<Node> &nodes = host()->snapshot().nodes;
    m_model->setNodes(nodes, host()->nowMs());
    setEmpty(nodes.isEmpty());
    setBadge(nodes.isEmpty() ? QString() : tr("%1/%2").arg(m_model->healthyCount()).arg(nodes.size()));
    refreshAll();
}

void NodesPage::applySettings()
{
    m_openBanner->setVisible(host()->snapshot().settings.registrationOpen());
}

void NodesPage::applyOps()
{
    // A node-scoped op that ended changed what its node has installed: list the shown ones again.
    if (!m_settle.feedChange(host()->snapshot()).terminal)
        return;
    for (const QString &id : std::as_const(m_expanded))
        listNode(id);
}

void NodesPage::listNode(const QString &nodeId)
{
    const Node *n = m_model->node(nodeId);
    if (!n)
        return;
    if (!isListable(n->status)) {
        m_model->setListing(nodeId, NodesModel::ListState::Unavailable, {},
                            tr("Backends are listed from healthy and unhealthy nodes only; this node %1")
                                .arg(nodeStatusPredicate(toString(n->status))));
        return;
    }
    if (m_model->listState(nodeId) == NodesModel::ListState::NotListed)
        m_model->setListing(nodeId, NodesModel::ListState::Listing);
    host()->listNode(*n, this, [this, nodeId](const ClusterListingResult &result) {
        if (const NodeListing *reply = result.replyOf(nodeId)) {
            if (!reply->reply.error.isEmpty())
                m_model->setListing(nodeId, NodesModel::ListState::Failed, {}, reply->reply.error);
            else
                m_model->setListing(nodeId, NodesModel::ListState::Listed, reply->reply.backends);
        } else if (const UnknownNode *unknown = result.unknownOf(nodeId)) {
            m_model->setListing(nodeId, NodesModel::ListState::Failed, {}, reasonText(unknown->errorCode, unknown->error));
        } else {
            m_model->setListing(nodeId, NodesModel::ListState::Failed, {}, tr("the node was not listed"));
        }
    });
}

QList<Node> NodesPage::selectedNodes() const
{
    QList<Node> out;
    for (const QModelIndex &src : selectedSourceRows())
        if (src.data(TableRole::RowKind).toInt() == NodesModel::NodeRow)
            if (const Node *n = m_model->nodeAt(src))
                out << *n;
    return out;
}

QList<NodesPage::BackendRef> NodesPage::selectedBackends() const
{
    QList<BackendRef> out;
    for (const QModelIndex &src : selectedSourceRows())
        if (const wire::ListedBackend *b = m_model->backendAt(src))
            out << BackendRef{*m_model->nodeAt(src), *b};
    return out;
}

void NodesPage::refreshActions()
{
    const QList<Node> nodes = selectedNodes();
    const QList<BackendRef> backends = selectedBackends();
    auto count = [&nodes](std::initializer_list<NodeStatus> statuses) {
        int n = 0;
        for (const Node &node : nodes)
            n += std::find(statuses.begin(), statuses.end(), node.status) != statuses.end() ? 1 : 0;
        return n;
    };
    const bool writes = writesEnabled();
    auto set = [&](QAction *a, bool visible, bool enabled, const QString &tip) {
        a->setVisible(visible);
        a->setEnabled(visible && enabled && writes);
        a->setToolTip(writes ? tip : disabledReason());
    };
    const bool anyNodes = !nodes.isEmpty();
    set(m_approve, anyNodes && count({NodeStatus::Pending}) > 0, true, tr("Approve the selected pending nodes"));
    set(m_drain, anyNodes && count({NodeStatus::Healthy, NodeStatus::Unhealthy}) > 0, true,
        tr("Stop sending requests to the selected nodes"));
    set(m_resume, anyNodes && count({NodeStatus::Draining, NodeStatus::Unhealthy}) > 0, true,
        tr("Let the selected nodes take requests again"));
    set(m_deleteNode, anyNodes, true, tr("Remove the selected nodes from the registry (Delete)"));
    int mutableBackends = 0, updatable = 0;
    for (const BackendRef &r : backends) {
        mutableBackends += r.backend.isSystem ? 0 : 1;
        updatable += m_model->hasUpdate(r.backend) ? 1 : 0;
    }
    const bool anyBackends = !backends.isEmpty() && !anyNodes;
    const QString protectedTip = tr("System backends are protected");
    set(m_upgradeOn, anyBackends, updatable > 0,
        updatable ? tr("Upgrade on the node it is installed on") : tr("No update available for this node"));
    set(m_reinstallOn, anyBackends, mutableBackends > 0,
        mutableBackends ? tr("Download and install again on that node") : protectedTip);
    set(m_deleteOn, anyBackends, mutableBackends > 0, mutableBackends ? tr("Delete from that node (Delete)") : protectedTip);
}

void NodesPage::contextMenu(const QPoint &pos)
{
    QMenu menu(this);
    for (QAction *a : {m_approve, m_drain, m_resume, m_deleteNode, m_upgradeOn, m_reinstallOn, m_deleteOn})
        if (a->isVisible())
            menu.addAction(a);
    if (!menu.isEmpty())
        menu.exec(tableView()->viewport()->mapToGlobal(pos));
}

void NodesPage::runNodeAction(EngineHost::NodeAction action)
{
    QList<Node> targets;
    for (const Node &n : selectedNodes()) {
        const bool ok = action == EngineHost::NodeAction::Approve ? n.status == NodeStatus::Pending
                        : action == EngineHost::NodeAction::Drain
                            ? n.status == NodeStatus::Healthy || n.status == NodeStatus::Unhealthy
                            : n.status == NodeStatus::Draining || n.status == NodeStatus::Unhealthy;
        if (ok)
            targets << n;
    }
    if (targets.isEmpty() || !writesEnabled())
        return;
    QStringList targetNames;
    for (const Node &n : std::as_const(targets))
        targetNames << n.name;
    if (action == EngineHost::NodeAction::Drain
        && QMessageBox::question(this, tr("Drain nodes"),
                                 tr("Drain %1?\n\nA draining node receives no new requests; what runs on it finishes. "
                                    "Resume it to take requests again.")
                                     .arg(names(targetNames)),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Yes)
        return;
    auto summary = [action](const QStringList &ok) {
        const int n = int(ok.size());
        switch (action) {
        case EngineHost::NodeAction::Approve: return (n == 1 ? tr("Approved 1 node") : tr("Approved %1 nodes").arg(n));
        case EngineHost::NodeAction::Drain: return (n == 1 ? tr("Drained 1 node") : tr("Drained %1 nodes").arg(n));
        case EngineHost::NodeAction::Resume: break;
        }
        return (n == 1 ? tr("Resumed 1 node") : tr("Resumed %1 nodes").arg(n));
    };
    auto report = BatchReport::start(int(targets.size()), summary, [this](const QString &text, bool failed) {
        showMessage(text, failed ? Tone::Error : Tone::Neutral);
    });
    for (const Node &n : std::as_const(targets)) {
        host()->nodeAction(action, n.id, this, [report, name = n.name](const Result<Node> &r) {
            if (r)
                report->succeeded(name);
            else
                report->failed(name, reasonText(r.reason(), r.error()));
        });
    }
}

void NodesPage::deleteNodes()
{
    const QList<Node> targets = selectedNodes();
    if (targets.isEmpty() || !writesEnabled())
        return;
    QStringList targetNames;
    for (const Node &n : targets)
        targetNames << n.name;
    if (QMessageBox::warning(this, tr("Delete nodes"),
                             tr("Delete %1?\n\nThe pending operations of these nodes are deleted. A worker that is still "
                                "running registers again, as pending approval, unless it is stopped first.")
                                 .arg(names(targetNames)),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    auto report = BatchReport::start(
        int(targets.size()), [](const QStringList &ok) { return (ok.size() == 1 ? tr("Deleted 1 node") : tr("Deleted %1 nodes").arg(ok.size())); },
        [this](const QString &text, bool failed) { showMessage(text, failed ? Tone::Error : Tone::Neutral); });
    for (const Node &n : targets) {
        host()->deleteNode(n.id, this, [report, name = n.name](const Result<DeletedNode> &r) {
            if (!r)
                report->failed(name, reasonText(r.reason(), r.error()));
            else if (!r->cancelledOpIds.isEmpty())
                report->succeeded(name, (r->cancelledOpIds.size() == 1 ? tr("%1: 1 operation cancelled").arg(name) : tr("%1: %2 operations cancelled").arg(name).arg(r->cancelledOpIds.size())));
            else
                report->succeeded(name);
        });
    }
}

void NodesPage::runBackendAction(OpKind kind, bool force)
{
    QList<BackendRef> targets;
    for (const BackendRef &r : selectedBackends())
        if (!r.backend.isSystem && (kind != OpKind::Upgrade || m_model->hasUpdate(r.backend)))
            targets << r;
    if (targets.isEmpty() || !writesEnabled())
        return;
    QStringList what;
    for (const BackendRef &r : std::as_const(targets))
        what << tr("%1 on %2").arg(r.backend.name, r.node.name);
    if (kind == OpKind::Delete
        && QMessageBox::warning(this, tr("Delete backends"), tr("Delete %1?").arg(names(what)),
                                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Yes)
        return;
    auto report = BatchReport::start(
        int(targets.size()),
        [kind, force](const QStringList &ok) {
            const QString list = names(ok);
            if (kind == OpKind::Delete)
                return tr("Deleting %1").arg(list);
            return kind == OpKind::Upgrade ? tr("Upgrading %1").arg(list)
                                           : force ? tr("Reinstalling %1").arg(list) : tr("Installing %1").arg(list);
        },
        [this](const QString &text, bool failed) { showMessage(text, failed ? Tone::Error : Tone::Neutral); });
    for (const BackendRef &r : std::as_const(targets)) {
        AdmitRequest req;
        req.kind = kind;
        req.backend = r.backend.name;
        req.force = force;
        req.targetNode = r.node.id;
        const QString label = tr("%1 on %2").arg(r.backend.name, r.node.name);
        host()->admit(req, this, [report, label](const Result<AdmitResult> &res) {
            if (res)
                report->succeeded(label);
            else
                report->failed(label, reasonText(res.reason(), res.error()));
        });
    }
}

void NodesPage::spanPlaceholders(const QModelIndex &proxyParent, int first, int last)
{
    for (int r = first; r <= last; ++r)
        tableView()->setFirstColumnSpanned(r, proxyParent, proxy()->index(r, 0, proxyParent).data(TableRole::Spanned).toBool());
}

void NodesPage::applyUpgrades()
{
    QHash<QString, QString> available;
    if (const auto &u = host()->snapshot().upgrades) {
        for (const BackendUpgrade &b : u->backends)
            if (b.upgradeAvailable && !b.availableVersion.isEmpty())
                available.insert(b.name, b.availableVersion);
    }
    m_model->setAvailableVersions(available);
    refreshAll();
}

} // namespace fleetdeck::ui
