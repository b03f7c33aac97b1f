#include "views/table_page.h"

#include "delegates/table_cell_delegate.h"
#include "models/tree_filter_proxy.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace fleetdeck::ui {

namespace {
QFont scaled(const QFont &base, double factor, bool bold = false)
{
    QFont f = base;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * factor);
    f.setBold(bold);
    return f;
}
} // namespace

TablePage::TablePage(EngineHost *host, const QString &title, QWidget *parent)
    : QWidget(parent), m_host(host), m_proxy(new TreeFilterProxy(this)), m_delegate(new TableCellDelegate(this))
{
    const int em = fontMetrics().height();
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(em, em * 3 / 4, em, em / 2);
    root->setSpacing(em / 2);

    m_header = new QHBoxLayout;
    auto *titleLabel = new QLabel(title, this);
    titleLabel->setFont(scaled(font(), 1.4, true));
    titleLabel->setAccessibleName(title);
    m_header->addWidget(titleLabel);
    m_header->addStretch(1);
    root->addLayout(m_header);

    m_banners = new QVBoxLayout;
    m_banners->setSpacing(em / 3);
    root->addLayout(m_banners);

    m_bulkBar = new QWidget(this);
    m_bulkLayout = new QHBoxLayout(m_bulkBar);
    m_bulkLayout->setContentsMargins(0, 0, 0, 0);
    m_bulkLayout->setSpacing(em / 3);
    m_selectionLabel = new QLabel(m_bulkBar);
    m_bulkLayout->addWidget(m_selectionLabel);
    m_bulkLayout->addSpacing(em / 2);
    m_bulkLayout->addStretch(1);
    m_bulkBar->setVisible(false);
    root->addWidget(m_bulkBar);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->setVisible(false);
    root->addWidget(m_message);

    m_stack = new QStackedWidget(this);
    m_view = new QTreeView(m_stack);
    m_view->setItemDelegate(m_delegate);
    m_view->setAlternatingRowColors(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSortingEnabled(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setMouseTracking(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->header()->setDefaultSectionSize(em * 9);
    m_view->header()->setMinimumSectionSize(em * 3);
    m_stack->addWidget(m_view);

    auto *empty = new QWidget(m_stack);
    m_emptyLayout = new QVBoxLayout(empty);
    m_emptyLayout->addStretch(1);
    m_emptyTitle = new QLabel(empty);
    m_emptyTitle->setFont(scaled(font(), 1.2, true));
    m_emptyTitle->setAlignment(Qt::AlignCenter);
    m_emptyLayout->addWidget(m_emptyTitle);
    m_emptyDetail = new QLabel(empty);
    m_emptyDetail->setAlignment(Qt::AlignCenter);
    m_emptyDetail->setWordWrap(true);
    m_emptyDetail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QPalette pal = m_emptyDetail->palette();
    pal.setColor(QPalette::WindowText, Theme::instance().secondaryText());
    m_emptyDetail->setPalette(pal);
    m_emptyLayout->addWidget(m_emptyDetail);
    m_emptyLayout->addStretch(2);
    m_stack->addWidget(empty);
    root->addWidget(m_stack, 1);

    m_view->setModel(m_proxy);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TablePage::refreshAll);
}

TablePage::~TablePage() = default;

void TablePage::setSourceModel(QAbstractItemModel *model)
{
    m_proxy->setSourceModel(model);
}

QModelIndex TablePage::toSource(const QModelIndex &proxyIndex) const
{
    return proxyIndex.model() == m_proxy ? m_proxy->mapToSource(proxyIndex) : proxyIndex;
}

QModelIndexList TablePage::selectedSourceRows() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows(0);
    std::sort(rows.begin(), rows.end(), [this](const QModelIndex &a, const QModelIndex &b) {
        return m_view->visualRect(a).top() < m_view->visualRect(b).top();
    });
    QModelIndexList out;
    out.reserve(rows.size());
    for (const QModelIndex &r : std::as_const(rows))
        out << m_proxy->mapToSource(r);
    return out;
}

void TablePage::addBulkAction(QAction *action)
{
    auto *button = new QToolButton(m_bulkBar);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_bulkLayout->insertWidget(m_bulkLayout->count() - 1, button);
    m_bulkButtons.append({action, button});
    button->setVisible(action->isVisible());
}

void TablePage::refreshAll()
{
    const int n = int(selectedSourceRows().size());
    m_bulkBar->setVisible(n > 0);
    m_selectionLabel->setText(tr("%n selected", nullptr, n));
    refreshActions();
    for (const auto &[action, button] : std::as_const(m_bulkButtons))
        button->setVisible(action->isVisible());
}

void TablePage::showMessage(const QString &text, Tone tone)
{
    m_message->setText(text);
    m_message->setToolTip(text);
    QPalette pal = m_message->palette();
    pal.setColor(QPalette::WindowText, tone == Tone::Neutral ? palette().color(QPalette::WindowText)
                                                             : Theme::instance().color(tone));
    m_message->setPalette(pal);
    m_message->setVisible(!text.isEmpty());
}

QString TablePage::messageText() const
{
    return m_message->text();
}

void TablePage::setEmptyState(const QString &title, const QString &detail, QWidget *action)
{
    m_emptyTitle->setText(title);
    m_emptyDetail->setText(detail);
    if (action) {
        action->setParent(m_emptyTitle->parentWidget());
        m_emptyLayout->insertWidget(m_emptyLayout->count() - 1, action, 0, Qt::AlignHCenter);
    }
}

void TablePage::setEmptyDetail(const QString &detail)
{
    m_emptyDetail->setText(detail);
}

void TablePage::setEmpty(bool empty)
{
    m_stack->setCurrentIndex(empty ? 1 : 0);
}

bool TablePage::isShowingEmptyState() const
{
    return m_stack->currentIndex() == 1;
}

void TablePage::setBadge(const QString &text)
{
    if (m_badgeSent && text == m_badge)
        return;
    m_badge = text;
    m_badgeSent = true;
    Q_EMIT badgeChanged(text);
}

void TablePage::setFilterText(const QString &text)
{
    m_proxy->setSearchText(text);
}

void TablePage::setDimmed(bool dimmed)
{
    if (dimmed == m_dimmed)
        return;
    m_dimmed = dimmed;
    m_delegate->setDimmed(dimmed);
    m_view->viewport()->update();
}

void TablePage::setWritesEnabled(bool enabled, const QString &reason)
{
    m_writesEnabled = enabled;
    m_writesReason = enabled ? QString() : reason;
    writesChanged();
    refreshAll();
    m_view->viewport()->update();
}

QLabel *TablePage::makeBanner(const QString &text, Tone tone, QWidget *parent)
{
    auto *banner = new QLabel(text, parent);
    banner->setWordWrap(true);
    banner->setAutoFillBackground(true);
    const int em = banner->fontMetrics().height();
    banner->setContentsMargins(em / 2, em / 3, em / 2, em / 3);
    QPalette pal = banner->palette();
    pal.setColor(QPalette::Window, Theme::instance().chipBackground(tone));
    pal.setColor(QPalette::WindowText, Theme::instance().color(tone));
    banner->setPalette(pal);
    banner->setAccessibleName(text);
    return banner;
}

} // namespace fleetdeck::ui
