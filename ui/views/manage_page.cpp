#include "views/manage_page.h"

#include "delegates/table_cell_delegate.h"
#include "models/manage_model.h"
#include "models/tree_filter_proxy.h"
#include "presentation/clock_tick.h"
#include "actions/batch_report.h"
#include "widgets/format.h"
#include "presentation/reason_text.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeView>
#include <memory>

namespace fleetdeck::ui {

namespace {
constexpr int kMaxNodesToName = 64; // beyond this a delete confirmation counts the nodes instead of listing them

QString names(const QStringList &list)
{
    return QLocale().createSeparatedList(list);
}
} // namespace

ManagePage::ManagePage(EngineHost *host, QWidget *parent)
    : TablePage(host, tr("Manage"), parent), m_model(new ManageModel(this))
{
    setSourceModel(m_model);
    const int em = fontMetrics().height();
    QTreeView *view = tableView();
    view->setRootIsDecorated(false);
    view->setAccessibleName(tr("Installed backends"));
    view->sortByColumn(ManageModel::NameColumn, Qt::AscendingOrder);
    view->header()->resizeSection(ManageModel::StateColumn, em * 9);
    view->header()->resizeSection(ManageModel::NameColumn, em * 13);
    view->header()->resizeSection(ManageModel::NodesColumn, em * 4);
    view->header()->resizeSection(ManageModel::InstalledColumn, em * 7);
    // The version column gives way; the row buttons (Upgrade, Reinstall, Delete) never clip.
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(ManageModel::VersionColumn, QHeaderView::Stretch);
    view->header()->resizeSection(ManageModel::ActionsColumn, em * 17);

    m_checked = new QLabel(this);
    QPalette pal = m_checked->palette();
    pal.setColor(QPalette::WindowText, Theme::instance().secondaryText());
    m_checked->setPalette(pal);
    m_check = new QPushButton(tr("Check for updates"), this);
    m_check->setToolTip(tr("Ask the upgrade leader to list every node and compare with the galleries"));
    m_upgradeAll = new QPushButton(tr("Upgrade all"), this);
    headerLayout()->addWidget(m_checked);
    headerLayout()->addWidget(m_check);
    headerLayout()->addWidget(m_upgradeAll);
    connect(m_check, &QPushButton::clicked, this, [this] {
        this->host()->requestUpgradeCheck(QStringLiteral("manage-table"));
        showMessage(tr("Update check requested"));
    });
    connect(m_upgradeAll, &QPushButton::clicked, this, &ManagePage::upgradeAll);

    m_upgrade = new QAction(tr("Upgrade"), this);
    m_reinstall = new QAction(tr("Reinstall"), this);
    m_delete = new QAction(tr("Delete…"), this);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    for (QAction *a : {m_upgrade, m_reinstall, m_delete}) {
        addAction(a);
        addBulkAction(a);
    }
    connect(m_upgrade, &QAction::triggered, this, [this] {
        QStringList flagged;
        for (const QString &name : selectedBackends())
            if (const BackendUpgrade *b = m_model->backend(name); b && b->upgradeAvailable)
                flagged << name;
        admitEach(flagged, OpKind::Upgrade, false, tr("Upgrade"));
    });
    connect(m_reinstall, &QAction::triggered, this, [this] { admitEach(selectedBackends(), OpKind::Install, true, tr("Reinstall")); });
    connect(m_delete, &QAction::triggered, this, [this] { confirmDelete(selectedBackends()); });
    connect(delegate(), &TableCellDelegate::actionTriggered, this, [this](const QModelIndex &index, const QString &id) {
        const QString name = index.data(ManageModel::BackendNameRole).toString();
        if (id == QLatin1String("upgrade"))
            admitEach({name}, OpKind::Upgrade, false, tr("Upgrade"));
        else if (id == QLatin1String("reinstall"))
            admitEach({name}, OpKind::Install, true, tr("Reinstall"));
        else if (id == QLatin1String("delete"))
            confirmDelete({name});
    });
    connect(view, &QTreeView::customContextMenuRequested, this, &ManagePage::contextMenu);

    auto *checkNow = new QPushButton(tr("Check for updates"), this);
    connect(checkNow, &QPushButton::clicked, m_check, &QPushButton::click);
    setEmptyState(tr("No installed backends"), QString(), checkNow);

    connect(&ClockTick::instance(), &ClockTick::tick, this, [this] {
        if (!isVisible())
            return;
        m_model->setNow(this->host()->nowMs());
        updateHeader();
    });

    connect(host, &EngineHost::upgradesChanged, this, &ManagePage::applyUpgrades);
    connect(host, &EngineHost::opsChanged, this, &ManagePage::applyOps);
    connect(host, &EngineHost::connectionChanged, this, &ManagePage::applyOps);
    applyUpgrades();
    applyOps();
    refreshAll();
}

QString ManagePage::checkedText() const
{
    if (!m_model->hasResult())
        return tr("not checked yet");
    return tr("checked %1").arg(relativeAge(host()->nowMs() - m_model->checkedAt()));
}

void ManagePage::showEvent(QShowEvent *event)
{
    m_model->setNow(host()->nowMs());
    updateHeader();
    TablePage::showEvent(event);
}

void ManagePage::updateHeader()
{
    m_checked->setText(checkedText());
    if (m_model->hasResult())
        m_checked->setToolTip(exactTime(m_model->checkedAt()));
    const int n = m_model->upgradableCount();
    m_upgradeAll->setEnabled(n > 0 && writesEnabled());
    m_upgradeAll->setToolTip(!writesEnabled() ? disabledReason()
                             : n > 0          ? tr("Upgrade %1").arg(names(m_model->upgradableNames()))
                                              : tr("No backend has an update"));
    m_upgradeAll->setText(n > 0 ? tr("Upgrade all (%1)").arg(n) : tr("Upgrade all"));
}

void ManagePage::applyUpgrades()
{
    m_model->setUpgrades(host()->snapshot().upgrades, host()->nowMs());
    setEmpty(m_model->rowCount() == 0);
    setEmptyDetail(m_model->hasResult()
                       ? tr("No node reports an installed backend. Install one from the Backends page.")
                       : tr("No update check has reported yet; the upgrade leader runs one shortly after it starts."));
    const int n = m_model->upgradableCount();
    setBadge(n > 0 ? tr("%1 ⬆").arg(n) : QString());
    updateHeader();
    refreshAll();
}

void ManagePage::applyOps()
{
    const ClusterSnapshot &s = host()->snapshot();
    const bool live = s.connection.state == ConnectionStatus::State::Live;
    m_model->setSnapshot(s, host()->nowMs(), live ? s.settings.stalledMs() : 0);
    // D19 / A16: the set of active op ids changed, or an op ended: the installed versions may have.
    if (m_settle.feedChange(s).recheck())
        host()->requestUpgradeCheck(QStringLiteral("manage-table"));
    refreshAll();
}

void ManagePage::writesChanged()
{
    m_model->setActionsEnabled(writesEnabled(), disabledReason());
    updateHeader();
}

QStringList ManagePage::selectedBackends() const
{
    QStringList out;
    for (const QModelIndex &src : selectedSourceRows())
        if (!src.data(ManageModel::IsSystemRole).toBool() && !src.data(ManageModel::BusyRole).toBool())
            out << src.data(ManageModel::BackendNameRole).toString();
    return out;
}

void ManagePage::refreshActions()
{
    const QModelIndexList rows = selectedSourceRows();
    int flagged = 0, editable = 0;
    for (const QModelIndex &src : rows) {
        // System backends are protected; a backend whose op runs waits for it (as its row's buttons do).
        if (src.data(ManageModel::IsSystemRole).toBool() || src.data(ManageModel::BusyRole).toBool())
            continue;
        ++editable;
        flagged += src.data(ManageModel::UpgradeAvailableRole).toBool() ? 1 : 0;
    }
    const bool writes = writesEnabled();
    const QString tip = writes ? QString() : disabledReason();
    m_upgrade->setVisible(!rows.isEmpty());
    m_upgrade->setEnabled(writes && flagged > 0);
    m_upgrade->setToolTip(writes ? (flagged ? tr("Upgrade the selected backends that have an update") : tr("No update available"))
                                 : tip);
    m_reinstall->setVisible(!rows.isEmpty());
    m_reinstall->setEnabled(writes && editable > 0);
    m_reinstall->setToolTip(writes ? (editable ? tr("Download and install again on the nodes that have it")
                                               : tr("System backends are protected"))
                                   : tip);
    m_delete->setVisible(!rows.isEmpty());
    m_delete->setEnabled(writes && editable > 0);
    m_delete->setToolTip(writes ? (editable ? tr("Delete from every node (Delete)") : tr("System backends are protected")) : tip);
}

void ManagePage::contextMenu(const QPoint &pos)
{
    QMenu menu(this);
    for (QAction *a : {m_upgrade, m_reinstall, m_delete})
        if (a->isVisible())
            menu.addAction(a);
    if (!menu.isEmpty())
        menu.exec(tableView()->viewport()->mapToGlobal(pos));
}

void ManagePage::admitEach(const QStringList &backends, OpKind kind, bool force, const QString &title)
{
    if (backends.isEmpty() || !writesEnabled())
        return;
    auto report = BatchReport::start(
        int(backends.size()), [](const QStringList &) { return QString(); },
        [this, title](const QString &text, bool failed) {
            showMessage(tr("%1: %2").arg(title, text), failed ? Tone::Error : Tone::Neutral);
        });
    for (const QString &name : backends) {
        AdmitRequest req;
        req.kind = kind;
        req.backend = name;
        req.force = force;
        host()->admit(req, this, [report, name](const Result<AdmitResult> &r) {
            if (!r)
                report->failed(name, reasonText(r.reason(), r.error()));
            else if (r->deduplicated)
                report->succeeded(name, tr("%1 already has a running operation").arg(name));
            else
                report->succeeded(name, tr("%1 admitted").arg(name));
        });
    }
}

void ManagePage::upgradeAll()
{
    admitEach(m_model->upgradableNames(), OpKind::Upgrade, false, tr("Upgrade all"));
}

void ManagePage::confirmDelete(const QStringList &backends)
{
    if (backends.isEmpty() || !writesEnabled())
        return;
    QList<Node> listable;
    for (const Node &n : host()->snapshot().nodes)
        if (n.status == NodeStatus::Healthy || n.status == NodeStatus::Unhealthy)
            listable << n;

    // Names the nodes from one `backend.list` per node (few nodes), else counts them.
    struct Found {
        int pending = 0;
        QHash<QString, QStringList> nodesOf;
        QStringList unreachable;
    };
    auto ask = [this, backends](const std::shared_ptr<Found> &found) {
        QStringList lines;
        for (const QString &b : backends) {
            const QStringList on = found ? found->nodesOf.value(b) : QStringList{};
            const BackendUpgrade *u = m_model->backend(b);
            if (!on.isEmpty())
                lines << tr("%1 from %2").arg(b, names(on));
            else
                lines << (u && u->nodeCount == 1 ? tr("%1 from its node").arg(b) : tr("%1 from its %2 nodes").arg(b).arg(u ? u->nodeCount : 0));
        }
        QString text = tr("Delete %1?").arg(lines.join(QStringLiteral("; ")));
        if (found && !found->unreachable.isEmpty())
            text += QLatin1String("\n\n") + tr("Not reachable, not checked: %1").arg(names(found->unreachable));
        showMessage(QString());
        if (QMessageBox::warning(this, tr("Delete backends"), text, QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel)
            == QMessageBox::Yes)
            admitEach(backends, OpKind::Delete, false, tr("Delete"));
    };
    if (listable.isEmpty() || listable.size() > kMaxNodesToName) {
        ask(nullptr);
        return;
    }
    showMessage(tr("Finding the nodes that have %1…").arg(names(backends)));
    auto found = std::make_shared<Found>();
    found->pending = int(listable.size());
    for (const Node &n : std::as_const(listable)) {
        host()->listNode(n, this, [found, ask, backends, id = n.id, name = n.name](const ClusterListingResult &r) {
            if (const NodeListing *reply = r.replyOf(id); reply && reply->reply.error.isEmpty()) {
                for (const wire::ListedBackend &b : reply->reply.backends)
                    if (backends.contains(b.name))
                        found->nodesOf[b.name] << name;
            } else {
                found->unreachable << name;
            }
            if (--found->pending == 0)
                ask(found);
        });
    }
}

} // namespace fleetdeck::ui
