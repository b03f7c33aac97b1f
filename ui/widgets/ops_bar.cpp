#include "widgets/ops_bar.h"

#include "bridge/engine_host.h"
#include "delegates/ops_delegate.h"
#include "models/ops_model.h"
#include "presentation/clock_tick.h"
#include "widgets/spinner.h"
#include "presentation/reason_text.h"

#include <QApplication>
#include <QClipboard>
#include <QGraphicsOpacityEffect>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QShortcut>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace fleetdeck::ui {

namespace {
// A change below a collapsed op (its node lines) changes nothing on screen, and QTreeView (Qt 6.4)
// looks each announced index up among its visible rows by a linear search: at 5,000 ops and a few
// hundred progress ticks a frame that search was the bar's largest cost (bench_live_latency).
// Expanding a row reads its lines afresh.
class OpsTreeView final : public QTreeView {
public:
    using QTreeView::QTreeView;

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) override
    {
        const QModelIndex parent = topLeft.parent();
        if (parent.isValid() && !isExpanded(parent))
            return;
        QTreeView::dataChanged(topLeft, bottomRight, roles);
    }
};
} // namespace


OpsBar::OpsBar(EngineHost *host, QWidget *parent)
    : QWidget(parent), m_host(host), m_model(new OpsModel(this)), m_delegate(new OpsDelegate(this))
{
    setObjectName(QStringLiteral("opsBar"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_header = new QLabel(this);
    m_header->setContentsMargins(fontMetrics().height() / 2, 2, 0, 2);
    layout->addWidget(m_header);
    m_view = new OpsTreeView(this);
    m_view->setObjectName(QStringLiteral("opsView"));
    m_view->setAccessibleName(tr("Operations"));
    m_view->setHeaderHidden(true);
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setUniformRowHeights(true);
    m_view->setMouseTracking(true);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    layout->addWidget(m_view);
    connect(m_delegate, &OpsDelegate::buttonClicked, this, [this](const QModelIndex &idx, OpButton b) {
        press(idx.data(OpsModel::OpIdRole).toString(), int(b), idx.data(OpsModel::NodeIdRole).toString());
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_view->indexAt(pos).isValid())
            return;
        m_view->setCurrentIndex(m_view->indexAt(pos));
        QMenu menu(this);
        menu.addAction(tr("Copy text"), QKeySequence(QKeySequence::Copy), this, [this] { copyCurrent(Qt::AccessibleTextRole); });
        // The engine's own words (its message and error), which the line does not show.
        QAction *details = menu.addAction(tr("Copy details"), this, [this] { copyCurrent(OpsModel::DetailsRole); });
        details->setEnabled(!m_view->currentIndex().data(OpsModel::DetailsRole).toString().isEmpty());
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    auto *copy = new QShortcut(QKeySequence::Copy, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, [this] { copyCurrent(Qt::AccessibleTextRole); });
    connect(m_host, &EngineHost::opsChanged, this, &OpsBar::refresh);
    connect(m_host, &EngineHost::connectionChanged, this, &OpsBar::refresh);
    connect(m_host, &EngineHost::nodesChanged, this, [this] {
        m_nodeNames.clear();
        for (const Node &n : m_host->snapshot().nodes)
            m_nodeNames.insert(n.id, n.name);
        refresh();
    });
    connect(&ClockTick::instance(), &ClockTick::tick, this, &OpsBar::refresh); // stalled and "no progress for …"
    connect(&Spinner::instance(), &Spinner::tick, m_view->viewport(), [this] {
        if (m_model->anySpinning())
            m_view->viewport()->update();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &OpsBar::updateHeight);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &OpsBar::updateHeight);
    connect(m_view, &QTreeView::expanded, this, &OpsBar::updateHeight);
    connect(m_view, &QTreeView::collapsed, this, &OpsBar::updateHeight);
    refresh();
}

OpsBar::~OpsBar()
{
    Spinner::instance().setActive(this, false);
}

void OpsBar::refresh()
{
    const ClusterSnapshot &s = m_host->snapshot();
    const bool live = s.connection.state == ConnectionStatus::State::Live;
    m_model->setSnapshot(s, m_host->nowMs(), s.settings.stalledMs(), live, m_nodeNames);
    int failed = 0;
    for (const Operation &op : s.ops)
        failed += op.state == OpState::Failed ? 1 : 0;
    const int active = int(s.ops.size()) - failed;
    m_header->setText(s.ops.isEmpty() ? QString()
                                      : tr("Operations — %1 active, %2 failed").arg(active).arg(failed));
    Spinner::instance().setActive(this, m_model->anySpinning());
    Q_EMIT countChanged(active, failed);
    updateHeight();
}

QSize OpsBar::sizeHint() const
{
    const int em = fontMetrics().height();
    int rows = 0;
    for (int i = 0; i < m_model->rowCount(); ++i) {
        ++rows;
        const QModelIndex idx = m_model->index(i, 0);
        if (m_view->isExpanded(idx))
            rows += m_model->rowCount(idx);
    }
    const int header = m_header->isVisible() ? m_header->sizeHint().height() : 0;
    return {em * 40, rows == 0 ? 0 : header + rows * em * 2 + 4};
}

void OpsBar::updateHeight()
{
    const bool empty = m_model->rowCount() == 0;
    setVisible(!empty); // collapsed when empty
    if (empty)
        return;
    // Up to a third of the window, then scroll.
    const int limit = window() ? window()->height() / 3 : 400;
    setFixedHeight(std::min(sizeHint().height(), std::max(limit, fontMetrics().height() * 4)));
}

void OpsBar::highlight(const QString &opId)
{
    m_model->setHighlighted(opId);
    const QModelIndex idx = m_model->indexOf(opId);
    if (idx.isValid())
        m_view->scrollTo(idx);
    QTimer::singleShot(3000, this, [this, opId] {
        if (m_model->data(m_model->indexOf(opId), OpsModel::HighlightRole).toBool())
            m_model->setHighlighted({});
    });
}

void OpsBar::press(const QString &opId, int buttonValue, const QString &nodeId)
{
    const auto button = static_cast<OpButton>(buttonValue);
    switch (button) {
    case OpButton::Retry:
        m_host->retry(opId, this, [this](const Result<AdmitResult> &r) {
            if (!r)
                Q_EMIT message(reasonText(r.reason(), r.error()));
            else
                highlight(r->opId);
        });
        break;
    case OpButton::Dismiss:
        m_host->dismiss(opId, this, [this](const Result<QString> &r) {
            if (!r)
                Q_EMIT message(reasonText(r.reason(), r.error()));
        });
        break;
    case OpButton::Cancel:
        m_model->setCancelBusy(opId, true);
        m_host->cancel(opId, this, [this, opId](const Result<QString> &r) {
            m_model->setCancelBusy(opId, false);
            if (!r)
                m_model->setInlineError(opId, reasonText(r.reason(), r.error()));
        });
        break;
    case OpButton::RetryNode: {
        const Operation *op = m_model->op(opId);
        if (!op)
            return;
        AdmitRequest req;
        req.kind = op->kind;
        req.backend = op->backend;
        req.force = op->force;
        req.targetNode = nodeId;
        req.galleries = op->params.value(QLatin1String("galleries")).toArray();
        m_host->admit(req, this, [this](const Result<AdmitResult> &r) {
            if (!r)
                Q_EMIT message(reasonText(r.reason(), r.error()));
            else
                highlight(r->opId);
        });
        break;
    }
    case OpButton::None: break;
    }
}

void OpsBar::copyCurrent(int role)
{
    const QModelIndex idx = m_view->currentIndex();
    if (idx.isValid())
        QApplication::clipboard()->setText(idx.data(role).toString());
}

void OpsBar::setDimmed(bool dimmed)
{
    if (dimmed == bool(m_view->graphicsEffect()))
        return;
    if (dimmed) {
        auto *e = new QGraphicsOpacityEffect(m_view);
        e->setOpacity(0.55);
        m_view->setGraphicsEffect(e);
    } else {
        m_view->setGraphicsEffect(nullptr);
    }
}

void OpsBar::setWritesEnabled(bool enabled, const QString &reason)
{
    m_view->setToolTip(enabled ? QString() : reason);
    m_delegate->setProperty("writesEnabled", enabled);
}

} // namespace fleetdeck::ui
