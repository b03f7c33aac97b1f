#include "views/backends_page.h"

#include "bridge/engine_host.h"
#include "delegates/card_delegate.h"
#include "models/backends_model.h"
#include "models/backends_proxy.h"
#include "presentation/clock_tick.h"
#include "actions/backend_actions.h"
#include "widgets/empty_state.h"
#include "widgets/spinner.h"

#include <QComboBox>
#include <QGraphicsOpacityEffect>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QResizeEvent>
#include <QScrollBar>
#include <QStackedLayout>
#include <QToolButton>
#include <QVBoxLayout>

namespace fleetdeck::ui {

BackendsPage::BackendsPage(EngineHost *host, QWidget *parent)
    : QWidget(parent), m_host(host), m_model(new BackendsModel(this)), m_proxy(new BackendsProxy(this)),
      m_delegate(new CardDelegate(this)), m_actions(new BackendActions(host, this))
{
    setObjectName(QStringLiteral("backendsPage"));
    m_proxy->setSourceModel(m_model);
    auto *layout = new QVBoxLayout(this);
    const int em = fontMetrics().height();
    layout->setContentsMargins(em, em * 3 / 4, em, 0);

    auto *header = new QHBoxLayout;
    auto *title = new QLabel(tr("Backends"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.4);
    tf.setBold(true);
    title->setFont(tf);
    header->addWidget(title);
    header->addStretch(1);
    m_installed = new QComboBox(this);
    m_installed->addItem(tr("All backends"));
    m_installed->addItem(tr("Installed"));
    m_installed->addItem(tr("Not installed"));
    m_installed->setAccessibleName(tr("Installed filter"));
    m_installed->setToolTip(tr("Show all, installed or not installed backends"));
    m_tag = new QComboBox(this);
    m_tag->addItem(tr("All tags"));
    m_tag->setAccessibleName(tr("Tag filter"));
    m_tag->setToolTip(tr("Show backends with this tag"));
    m_updates = new QToolButton(this);
    m_updates->setText(tr("Updates"));
    m_updates->setCheckable(true);
    m_updates->setToolTip(tr("Only backends with an update available"));
    m_dev = new QToolButton(this);
    m_dev->setText(tr("Development"));
    m_dev->setCheckable(true);
    m_dev->setChecked(true);
    m_dev->setToolTip(tr("Show development builds"));
    header->addWidget(m_installed);
    header->addWidget(m_tag);
    header->addWidget(m_updates);
    header->addWidget(m_dev);
    layout->addLayout(header);

    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("backendCards"));
    m_view->setAccessibleName(tr("Backend cards"));
    m_view->setViewMode(QListView::ListMode);
    m_view->setFlow(QListView::LeftToRight);
    m_view->setWrapping(true);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setUniformItemSizes(true);
    m_view->setMouseTracking(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->viewport()->setAutoFillBackground(false);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(m_delegate);
    m_view->installEventFilter(this);
    m_empty = new EmptyState(this);
    m_stack = new QStackedLayout;
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    layout->addLayout(m_stack, 1);

    connect(m_installed, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_proxy->setInstalled(static_cast<BackendsProxy::Installed>(i)); });
    connect(m_tag, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_proxy->setTag(i <= 0 ? QString() : m_tag->itemText(i)); });
    connect(m_updates, &QToolButton::toggled, m_proxy, &BackendsProxy::setUpdatesOnly);
    connect(m_dev, &QToolButton::toggled, m_proxy, &BackendsProxy::setShowDevelopment);
    connect(m_delegate, &CardDelegate::actionTriggered, this, [this](const QModelIndex &idx, CardAction a) {
        m_actions->trigger(a, idx.data(BackendsModel::RowRole).value<BackendRow>());
    });
    connect(m_delegate, &CardDelegate::menuRequested, this, &BackendsPage::showMenu);
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &idx) {
        const auto row = idx.data(BackendsModel::RowRole).value<BackendRow>();
        if (!row.state.busy())
            m_actions->trigger(CardDelegate::primaryAction(row), row);
    });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QListView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex idx = m_view->indexAt(pos);
        if (idx.isValid())
            showMenu(idx, m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_actions, &BackendActions::opAdmitted, this, &BackendsPage::opAdmitted);
    connect(m_actions, &BackendActions::message, this, &BackendsPage::message);
    connect(m_empty, &EmptyState::actionTriggered, this, &BackendsPage::openSettingsRequested);
    connect(&Spinner::instance(), &Spinner::tick, m_view->viewport(), [this] {
        if (m_model->anyBusy())
            m_view->viewport()->update();
    });

    connect(m_host, &EngineHost::galleryChanged, this, [this] {
        m_model->setGallery(m_host->snapshot().gallery);
        refreshTags();
        updateEmpty();
    });
    connect(m_host, &EngineHost::upgradesChanged, this, [this] { m_model->setUpgrades(m_host->snapshot().upgrades); });
    connect(m_host, &EngineHost::nodesChanged, this, [this] { m_model->setNodes(m_host->snapshot().nodes); });
    connect(m_host, &EngineHost::opsChanged, this, &BackendsPage::refreshOps);
    connect(m_host, &EngineHost::connectionChanged, this, &BackendsPage::refreshOps);
    connect(m_host, &EngineHost::connectionChanged, this, &BackendsPage::updateEmpty);
    // Stalled (docs/gui.md#stalled) is a matter of time passing: re-derive on every tick.
    connect(&ClockTick::instance(), &ClockTick::tick, this, &BackendsPage::refreshOps);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        Q_EMIT badgeChanged(QString::number(m_model->rowCount()));
        Spinner::instance().setActive(this, m_model->anyBusy());
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] { Q_EMIT badgeChanged(QString::number(m_model->rowCount())); });
    m_model->setGallery(m_host->snapshot().gallery);
    m_model->setUpgrades(m_host->snapshot().upgrades);
    m_model->setNodes(m_host->snapshot().nodes);
    refreshOps();
    updateEmpty();
}

BackendsPage::~BackendsPage()
{
    Spinner::instance().setActive(this, false);
}

bool BackendsPage::eventFilter(QObject *watched, QEvent *event)
{
    // Before the view's own resizeEvent, which lays the items out again with the new cell width.
    if (watched == m_view && (event->type() == QEvent::Resize || event->type() == QEvent::FontChange
                              || event->type() == QEvent::StyleChange))
        reflow();
    return QWidget::eventFilter(watched, event);
}

void BackendsPage::reflow()
{
    // The width QListView wraps in: it keeps room for a vertical scroll bar that is only needed
    // later, so that the bar appearing does not wrap the rows again (QListViewPrivate::
    // prepareItemsLayout); an item starts a new row unless it ends before that width.
    QScrollBar *bar = m_view->verticalScrollBar();
    int width = m_view->maximumViewportSize().width();
    if (m_view->verticalScrollBarPolicy() == Qt::ScrollBarAsNeeded
        && !m_view->style()->pixelMetric(QStyle::PM_ScrollView_ScrollBarOverlap, nullptr, bar))
        width -= m_view->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, bar);
    const QFontMetrics fm = m_view->fontMetrics();
    const int minItem = CardDelegate::minCardWidth(fm) + CardDelegate::gap(fm);
    const int usable = width - 1;
    m_columns = std::max(1, usable / minItem);
    m_delegate->setItemWidth(std::max(minItem, usable / m_columns));
}

void BackendsPage::refreshOps()
{
    const ClusterSnapshot &s = m_host->snapshot();
    const bool live = s.connection.state == ConnectionStatus::State::Live;
    m_model->setSnapshot(s, m_host->nowMs(), s.settings.stalledMs(), live);
    Spinner::instance().setActive(this, m_model->anyBusy());
}

void BackendsPage::refreshTags()
{
    const QString current = m_tag->currentIndex() > 0 ? m_tag->currentText() : QString();
    const QStringList tags = m_model->allTags();
    QSignalBlocker block(m_tag);
    m_tag->clear();
    m_tag->addItem(tr("All tags"));
    m_tag->addItems(tags);
    const int i = m_tag->findText(current);
    m_tag->setCurrentIndex(i > 0 ? i : 0);
}

void BackendsPage::updateEmpty()
{
    if (m_model->rowCount() > 0) {
        m_stack->setCurrentWidget(m_view);
        return;
    }
    if (m_host->snapshot().connection.starting()) {
        // Galleries are loaded once start-up has passed the cluster check
        // (docs/architecture.md#start-up-and-hydration).
        m_empty->set(tr("Connecting…"), tr("The gallery is read once Fleetdeck has connected to the cluster."));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_empty->set(tr("No gallery configured"),
                 tr("Add a gallery index in the settings (or start with --gallery URL) to see installable backends."),
                 tr("Open settings"));
    m_stack->setCurrentWidget(m_empty);
}

void BackendsPage::showMenu(const QModelIndex &index, const QPoint &pos)
{
    const auto row = index.data(BackendsModel::RowRole).value<BackendRow>();
    QMenu menu(this);
    const QList<CardAction> actions = CardDelegate::menuActions(row) << CardDelegate::primaryAction(row);
    for (CardAction a : actions) {
        QAction *act = menu.addAction(cardActionLabel(a, row.entry.isMeta()));
        act->setEnabled(!row.state.busy() && isEnabled());
        connect(act, &QAction::triggered, this, [this, a, row] { m_actions->trigger(a, row); });
    }
    menu.exec(pos);
}

void BackendsPage::setFilterText(const QString &text)
{
    m_proxy->setText(text);
}

void BackendsPage::setDimmed(bool dimmed)
{
    auto *effect = qobject_cast<QGraphicsOpacityEffect *>(m_view->graphicsEffect());
    if (dimmed && !effect) {
        effect = new QGraphicsOpacityEffect(m_view);
        effect->setOpacity(0.55);
        m_view->setGraphicsEffect(effect);
    } else if (!dimmed && effect) {
        m_view->setGraphicsEffect(nullptr);
    }
}

void BackendsPage::setWritesEnabled(bool enabled, const QString &reason)
{
    m_view->setEnabled(enabled);
    m_view->setToolTip(enabled ? QString() : reason);
}

} // namespace fleetdeck::ui
