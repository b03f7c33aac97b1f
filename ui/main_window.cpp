#include "main_window.h"

#include "bridge/engine_host.h"
#include "presentation/clock_tick.h"
#include "presentation/reason_text.h"
#include "theme/theme.h"
#include "views/activity_page.h"
#include "views/backends_page.h"
#include "views/manage_page.h"
#include "views/nodes_page.h"
#include "widgets/connecting_panel.h"
#include "widgets/connection_indicator.h"
#include "widgets/format.h"
#include "widgets/ops_bar.h"
#include "widgets/tour_banner.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace fleetdeck::ui {

MainWindow::MainWindow(EngineHost *host, QWidget *parent) : QMainWindow(parent), m_host(host)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Fleetdeck"));
    const int em = fontMetrics().height();
    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    outer->addWidget(new TourBanner(host, central));
    // Start-up before the store answered shows the connecting panel instead of empty pages.
    m_body = new QStackedWidget(central);
    auto *content = new QWidget(m_body);
    auto *inner = new QVBoxLayout(content);
    inner->setContentsMargins(0, 0, 0, 0);
    inner->setSpacing(0);
    auto *row = new QHBoxLayout;
    row->setSpacing(0);
    buildRail();
    row->addWidget(m_rail);
    m_stack = new QStackedWidget(content);
    m_backends = new BackendsPage(host, m_stack);
    m_manage = new ManagePage(host, m_stack);
    m_nodes = new NodesPage(host, m_stack);
    m_activity = new ActivityPage(host, m_stack);
    m_stack->addWidget(m_backends);
    m_stack->addWidget(m_manage);
    m_stack->addWidget(m_nodes);
    m_stack->addWidget(m_activity);
    row->addWidget(m_stack, 1);
    inner->addLayout(row, 1);
    auto *line = new QFrame(content);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Plain);
    line->setForegroundRole(QPalette::Mid);
    inner->addWidget(line);
    m_opsBar = new OpsBar(host, content);
    inner->addWidget(m_opsBar);
    m_connecting = new ConnectingPanel(m_body);
    m_body->addWidget(content);
    m_body->addWidget(m_connecting);
    outer->addWidget(m_body, 1);
    connect(m_connecting, &ConnectingPanel::settingsRequested, this, &MainWindow::profilesRequested);
    connect(m_connecting, &ConnectingPanel::demoRequested, this, &MainWindow::demoRequested);
    setCentralWidget(central);
    buildToolbar();
    buildMenus();

    m_reportLabel = new QLabel(this);
    m_reportLabel->setObjectName(QStringLiteral("lastReport"));
    m_clusterLabel = new QLabel(this);
    statusBar()->addWidget(m_reportLabel, 1);
    statusBar()->addPermanentWidget(m_clusterLabel);

    connect(m_backends, &BackendsPage::badgeChanged, this, [this](const QString &b) { setRailBadge(Page::Backends, b); });
    connect(m_manage, &ManagePage::badgeChanged, this, [this](const QString &b) { setRailBadge(Page::Manage, b); });
    connect(m_nodes, &NodesPage::badgeChanged, this, [this](const QString &b) { setRailBadge(Page::Nodes, b); });
    connect(m_activity, &ActivityPage::badgeChanged, this, [this](const QString &b) { setRailBadge(Page::Activity, b); });
    // Table pages announce their first badge from their constructors: read it once.
    setRailBadge(Page::Manage, m_manage->badgeText());
    setRailBadge(Page::Nodes, m_nodes->badgeText());
    setRailBadge(Page::Activity, m_activity->badgeText());
    connect(m_backends, &BackendsPage::opAdmitted, m_opsBar, [this](const QString &id, bool) { m_opsBar->highlight(id); });
    connect(m_backends, &BackendsPage::message, this, [this](const QString &t) { statusBar()->showMessage(t, 8000); });
    connect(m_backends, &BackendsPage::openSettingsRequested, this, &MainWindow::settingsRequested);
    connect(m_opsBar, &OpsBar::message, this, [this](const QString &t) { statusBar()->showMessage(t, 10000); });
    connect(m_host, &EngineHost::notice, this, [this](const Reason &r) { statusBar()->showMessage(reasonText(r), 10000); });
    connect(m_host, &EngineHost::reportChanged, this, &MainWindow::updateStatus);
    connect(m_host, &EngineHost::nodesChanged, this, &MainWindow::updateStatus);
    connect(m_host, &EngineHost::connectionChanged, this, &MainWindow::updateConnection);
    connect(m_rail, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_rail, &QListWidget::currentRowChanged, this, [this] {
        if (m_search)
            m_search->clear();
    });
    // Ages in the status bar and the stale counter move on the pages' tick.
    connect(&ClockTick::instance(), &ClockTick::tick, this, &MainWindow::updateStatus);
    connect(&ClockTick::instance(), &ClockTick::tick, this, &MainWindow::updateConnection);
    m_rail->setCurrentRow(0);
    updateRail();
    updateStatus();
    updateConnection();
    resize(em * 80, em * 50);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildRail()
{
    m_rail = new QListWidget(this);
    m_rail->setObjectName(QStringLiteral("navRail"));
    m_rail->setAccessibleName(tr("Pages"));
    m_rail->setFrameShape(QFrame::NoFrame);
    const int em = fontMetrics().height();
    m_rail->setFixedWidth(em * 9);
    m_rail->setSpacing(em / 6);
    m_rail->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto recolour = [this] {
        QPalette p = QApplication::palette();
        p.setColor(QPalette::Base, p.color(QPalette::Window));
        m_rail->setPalette(p);
    };
    recolour();
    connect(&Theme::instance(), &Theme::changed, m_rail, recolour);
    for (int i = 0; i < 4; ++i)
        new QListWidgetItem(m_rail);
}

void MainWindow::setRailBadge(Page page, const QString &badge)
{
    m_badges[int(page)] = badge;
    updateRail();
}

void MainWindow::updateRail()
{
    const QStringList names{tr("Backends"), tr("Manage"), tr("Nodes"), tr("Activity")};
    const QStringList keys{QStringLiteral("Ctrl+1"), QStringLiteral("Ctrl+2"), QStringLiteral("Ctrl+3"), QStringLiteral("Ctrl+4")};
    const int em = fontMetrics().height();
    for (int i = 0; i < 4; ++i) {
        QListWidgetItem *item = m_rail->item(i);
        const QString badge = m_badges.value(i);
        item->setText(badge.isEmpty() ? names.at(i) : names.at(i) + QStringLiteral("\n") + badge);
        item->setToolTip(tr("%1 (%2)").arg(names.at(i), keys.at(i)));
        item->setData(Qt::AccessibleTextRole, badge.isEmpty() ? names.at(i) : tr("%1, %2").arg(names.at(i), badge));
        item->setSizeHint(QSize(em * 8, em * 3));
    }
}

void MainWindow::buildToolbar()
{
    auto *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolbar"));
    bar->setMovable(false);
    const int em = fontMetrics().height();
    m_profile = new QLabel(this);
    m_profile->setContentsMargins(em / 2, 0, em, 0);
    QFont f = m_profile->font();
    f.setBold(true);
    m_profile->setFont(f);
    bar->addWidget(m_profile);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search backends, nodes, ops…  (Ctrl+K)"));
    m_search->setAccessibleName(tr("Search the current page"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(em * 20);
    m_search->setMaximumWidth(em * 32);
    bar->addWidget(m_search);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &t) {
        switch (currentPage()) {
        case Page::Backends: m_backends->setFilterText(t); break;
        case Page::Manage: m_manage->setFilterText(t); break;
        case Page::Nodes: m_nodes->setFilterText(t); break;
        case Page::Activity: m_activity->setFilterText(t); break;
        }
    });
    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_reconcileButton = new QToolButton(this);
    m_reconcileButton->setText(tr("⟳ Reconcile"));
    m_reconcileButton->setToolTip(tr("Reconcile now (Ctrl+R); more in the menu"));
    m_reconcileButton->setPopupMode(QToolButton::MenuButtonPopup);
    auto *menu = new QMenu(m_reconcileButton);
    menu->addAction(tr("Reconcile now"), QKeySequence(QStringLiteral("Ctrl+R")), this, &MainWindow::runReconcile);
    menu->addAction(tr("Reap stale operations"), this, &MainWindow::runReap);
    menu->addAction(tr("Clean stale pending ops"), this, &MainWindow::runCleanPending);
    m_reconcileButton->setMenu(menu);
    connect(m_reconcileButton, &QToolButton::clicked, this, &MainWindow::runReconcile);
    bar->addWidget(m_reconcileButton);
    m_indicator = new ConnectionIndicator(this);
    bar->addWidget(m_indicator);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Connection &profiles…"), this, &MainWindow::profilesRequested);
    file->addAction(tr("Cluster &settings…"), QKeySequence(QStringLiteral("Ctrl+,")), this, &MainWindow::settingsRequested);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QStringList names{tr("&Backends"), tr("&Manage"), tr("&Nodes"), tr("&Activity")};
    for (int i = 0; i < 4; ++i)
        view->addAction(names.at(i), QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)), this,
                        [this, i] { showPage(static_cast<Page>(i)); });
    view->addAction(tr("Search"), QKeySequence(QStringLiteral("Ctrl+K")), this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    view->addSeparator();
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *group = new QActionGroup(theme);
    const QList<QPair<QString, Theme::Mode>> modes{{tr("System"), Theme::Mode::System},
                                                   {tr("Light"), Theme::Mode::Light},
                                                   {tr("Dark"), Theme::Mode::Dark}};
    for (const auto &[label, mode] : modes) {
        QAction *a = theme->addAction(label);
        a->setCheckable(true);
        a->setChecked(Theme::instance().mode() == mode);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, mode = mode] {
            Theme::instance().apply(mode);
            update();
        });
    }

    QMenu *cluster = menuBar()->addMenu(tr("&Cluster"));
    cluster->addAction(tr("&Reconcile now"), this, &MainWindow::runReconcile);
    cluster->addAction(tr("Reap &stale operations"), this, &MainWindow::runReap);
    cluster->addAction(tr("Clean stale &pending ops"), this, &MainWindow::runCleanPending);
    cluster->addSeparator();
    cluster->addAction(tr("Check for &updates"), QKeySequence(QStringLiteral("Ctrl+U")), this,
                       [this] { m_host->requestUpgradeCheck(QStringLiteral("manage-table")); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence(QStringLiteral("?")), this, &MainWindow::showShortcuts);
    help->addAction(tr("&About Fleetdeck"), this, [this] {
        QMessageBox::about(this, tr("About Fleetdeck"),
                           tr("Fleetdeck %1\nInstall, upgrade and delete inference backends on every node, live.")
                               .arg(QStringLiteral(FLEETDECK_VERSION)));
    });
}

void MainWindow::showShortcuts()
{
    const QList<QPair<QString, QString>> keys{
        {QStringLiteral("Ctrl+1 … Ctrl+4"), tr("Backends, Manage, Nodes, Activity")},
        {QStringLiteral("Ctrl+K"), tr("Search the current page")},
        {QStringLiteral("Ctrl+R"), tr("Reconcile now")},
        {QStringLiteral("Ctrl+U"), tr("Check for updates")},
        {QStringLiteral("Ctrl+,"), tr("Cluster settings")},
        {QStringLiteral("Enter"), tr("Run a card's primary action")},
        {QStringLiteral("Ctrl+C"), tr("Copy the selected operation or error")},
        {QStringLiteral("Delete"), tr("Delete the selected node (asks first)")},
        {QStringLiteral("?"), tr("This help")},
        {QStringLiteral("Ctrl+Q"), tr("Quit")},
    };
    QString html = QStringLiteral("<table cellspacing=6>");
    for (const auto &[k, v] : keys)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    html += QStringLiteral("</table>");
    QMessageBox box(QMessageBox::NoIcon, tr("Keyboard shortcuts"), html, QMessageBox::Close, this);
    box.setTextFormat(Qt::RichText);
    box.exec();
}

void MainWindow::showPage(Page page)
{
    m_rail->setCurrentRow(int(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(std::max(0, m_stack->currentIndex()));
}

std::optional<MainWindow::Page> MainWindow::pageFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("backends"))
        return Page::Backends;
    if (n == QLatin1String("manage"))
        return Page::Manage;
    if (n == QLatin1String("nodes"))
        return Page::Nodes;
    if (n == QLatin1String("activity"))
        return Page::Activity;
    return std::nullopt;
}

void MainWindow::setProfileName(const QString &name)
{
    m_profile->setText(QStringLiteral("◉ ") + name);
    setWindowTitle(tr("%1 — Fleetdeck").arg(name));
}

QString MainWindow::statusText() const
{
    return m_reportLabel->text();
}

void MainWindow::updateStatus()
{
    const ClusterSnapshot &s = m_host->snapshot();
    if (s.lastReport) {
        const qint64 age = m_host->nowMs() - s.lastReportReceivedMs;
        m_reportLabel->setText(tr("Last reconcile %1: %2").arg(relativeAge(age), reasonText(s.lastReport->reason(), s.lastReport->summary())));
        m_reportLabel->setToolTip(exactTime(s.lastReport->startedAt));
    } else {
        m_reportLabel->setText(tr("No reconcile report yet"));
    }
    int healthy = 0;
    for (const Node &n : s.nodes)
        healthy += n.status == NodeStatus::Healthy ? 1 : 0;
    if (s.connection.startup == ConnectionStatus::Startup::Store) {
        m_clusterLabel->setText(tr("not connected yet")); // no "0/0 nodes healthy" before the store answered
        return;
    }
    const QString cluster = s.settings.clusterId().left(4);
    m_clusterLabel->setText(tr("cluster %1… · %2/%3 nodes healthy").arg(cluster).arg(healthy).arg(s.nodes.size()));
}

void MainWindow::updateConnection()
{
    const ConnectionStatus &c = m_host->snapshot().connection;
    m_indicator->setStatus(c, m_host->nowMs());
    const bool live = c.state == ConnectionStatus::State::Live;
    m_backends->setDimmed(!live);
    m_manage->setDimmed(!live);
    m_nodes->setDimmed(!live);
    m_activity->setDimmed(!live);
    m_opsBar->setDimmed(!live);
    // docs/gui.md#connection-indicator-and-re-seed: actions that write need the store, and start-up
    // completed (only NATS down: enabled).
    const bool writes = c.storeReachable && !c.starting();
    const QString reason = c.storeReachable ? tr("not connected yet: Fleetdeck is starting") : tr("store unreachable");
    m_backends->setWritesEnabled(writes, reason);
    m_manage->setWritesEnabled(writes, reason);
    m_nodes->setWritesEnabled(writes, reason);
    m_activity->setWritesEnabled(writes, reason);
    m_opsBar->setWritesEnabled(writes, reason);
    m_reconcileButton->setEnabled(writes);
    const bool connecting = c.startup == ConnectionStatus::Startup::Store && c.storeAttempt > 0;
    if (connecting)
        m_connecting->setStatus(m_host->storeDsn(), c);
    m_body->setCurrentIndex(connecting ? 1 : 0);
    m_rail->setEnabled(!connecting);
    m_search->setEnabled(!connecting);
}

QString MainWindow::connectionSummary() const
{
    const ConnectionStatus &c = m_host->snapshot().connection;
    QString line = ConnectionIndicator::describe(c, m_host->nowMs());
    if (!m_indicator->toolTip().isEmpty())
        line += QStringLiteral(" — ") + m_indicator->toolTip();
    if (m_body->currentWidget() == m_connecting)
        line += QStringLiteral(" — ") + m_connecting->message();
    return line;
}

void MainWindow::runReconcile()
{
    statusBar()->showMessage(tr("Reconciling…"));
    m_host->reconcileNow(this, [this](const ReconcileReport &r) { statusBar()->showMessage(reasonText(r.reason(), r.summary()), 15000); });
}

void MainWindow::runReap()
{
    m_host->reapStaleOperations(this, [this](int n) {
        statusBar()->showMessage(tr("Reap stale operations: %n op(s) reaped", nullptr, n), 15000);
    });
}

void MainWindow::runCleanPending()
{
    m_host->cleanStalePendingOps(this, [this](int n) {
        statusBar()->showMessage(tr("Clean stale pending ops: %n stale pending op(s) deleted", nullptr, n), 15000);
    });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closing || !m_confirmQuit) {
        event->accept();
        return;
    }
    int mine = 0;
    for (const Operation &op : m_host->snapshot().ops)
        if (op.state == OpState::Running && op.ownerReplicaId == m_host->replicaId())
            ++mine;
    if (mine > 0 && !m_host->isDemo()) {
        const auto answer = QMessageBox::question(
            this, tr("Quit Fleetdeck"),
            tr("%n operation(s) are running on this Fleetdeck instance. Quit anyway? The reconciler will finish them.",
               nullptr, mine));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    m_closing = true;
    event->accept();
}

} // namespace fleetdeck::ui
