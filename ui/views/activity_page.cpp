#include "views/activity_page.h"

#include "delegates/table_cell_delegate.h"
#include "models/history_model.h"
#include "models/tree_filter_proxy.h"
#include "presentation/clock_tick.h"
#include "actions/batch_report.h"
#include "presentation/reason_text.h"
#include "views/column_widths.h"
#include "widgets/format.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QTreeView>

namespace fleetdeck::ui {

ActivityPage::ActivityPage(EngineHost *host, QWidget *parent)
    : TablePage(host, tr("Activity"), parent), m_model(new HistoryModel(this))
{
    setSourceModel(m_model);
    const int em = fontMetrics().height();
    QTreeView *view = tableView();
    view->setAccessibleName(tr("Activity"));
    view->sortByColumn(HistoryModel::TimeColumn, Qt::DescendingOrder);
    // docs/gui.md#tables: outcome, time, kind, duration and the Retry button fit their longest
    // value in the current language; backend, requester, node summary and error share the rest.
    auto *widths = new ColumnWidths(view);
    QStringList outcomes, kinds;
    for (const char *o : {"success", "failed", "cancelled", "dead_letter"})
        outcomes << HistoryModel::outcomeShape(QLatin1String(o)) + QLatin1Char(' ') + HistoryModel::outcomeText(QLatin1String(o));
    for (const char *k : {"install", "upgrade", "delete"}) {
        HistoryEntry e;
        e.kind = QLatin1String(k);
        kinds << HistoryModel::kindText(e);
        e.params.insert(QStringLiteral("force"), true);
        kinds << HistoryModel::kindText(e);
    }
    constexpr qint64 kMin = 60'000, kHour = 60 * kMin, kDay = 24 * kHour;
    widths->fit(HistoryModel::OutcomeColumn, outcomes);
    widths->fit(HistoryModel::TimeColumn, {relativeAge(0), relativeAge(59'000), relativeAge(59 * kMin), relativeAge(23 * kHour),
                                           relativeAge(99 * kDay)});
    widths->fit(HistoryModel::KindColumn, kinds);
    widths->fit(HistoryModel::DurationColumn, {duration(999), duration(59'900), duration(59 * kMin + 59'000), duration(23 * kHour + 59 * kMin)});
    widths->fit(HistoryModel::ActionsColumn, {HistoryModel::retryText()}, 1.0);
    HistoryEntry summary;
    summary.nodes = {QJsonObject{{QStringLiteral("status"), QStringLiteral("error")}}};
    widths->share(HistoryModel::BackendColumn, 3);
    widths->share(HistoryModel::RequestedByColumn, 2);
    widths->share(HistoryModel::NodesColumn, 2, {HistoryModel::nodeSummary(summary)});
    widths->share(HistoryModel::ErrorColumn, 4);
    connect(delegate(), &TableCellDelegate::actionTriggered, this, [this](const QModelIndex &index, const QString &id) {
        if (id == QLatin1String("retry"))
            if (const HistoryEntry *e = m_model->entryAt(index))
                retry({e});
    });

    auto *filters = new QHBoxLayout;
    m_outcome = new QComboBox(this);
    m_outcome->setAccessibleName(tr("Outcome filter"));
    m_outcome->addItem(tr("All outcomes"), QString());
    for (const char *o : {"success", "failed", "cancelled", "dead_letter"}) {
        const QString outcome = QLatin1String(o);
        m_outcome->addItem(HistoryModel::outcomeShape(outcome) + QLatin1Char(' ') + HistoryModel::outcomeText(outcome),
                           outcome);
    }
    m_backend = new QLineEdit(this);
    m_backend->setPlaceholderText(tr("Filter by backend"));
    m_backend->setAccessibleName(tr("Backend filter"));
    m_backend->setClearButtonEnabled(true);
    m_backend->setMaximumWidth(em * 16);
    filters->addWidget(m_outcome);
    filters->addWidget(m_backend);
    filters->addStretch(1);
    bannerLayout()->addLayout(filters);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, [this] {
        proxy()->setRoleFilter(HistoryModel::OutcomeRole, m_outcome->currentData().toString(), TreeFilterProxy::Match::Exact);
    });
    connect(m_backend, &QLineEdit::textChanged, this, [this](const QString &text) {
        proxy()->setRoleFilter(HistoryModel::BackendRole, text, TreeFilterProxy::Match::Contains);
    });

    m_retry = new QAction(tr("Retry"), this);
    m_copyError = new QAction(tr("Copy error"), this);
    m_copyError->setShortcut(QKeySequence::Copy);
    m_copyError->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_retry);
    addAction(m_copyError);
    addBulkAction(m_retry);
    addBulkAction(m_copyError);
    connect(m_retry, &QAction::triggered, this, &ActivityPage::retrySelected);
    connect(m_copyError, &QAction::triggered, this, &ActivityPage::copyError);
    connect(view, &QTreeView::customContextMenuRequested, this, &ActivityPage::contextMenu);

    setEmptyState(tr("Nothing happened yet"),
                  tr("Installs, upgrades and deletes appear here once they end, with their per-node results."));

    connect(&ClockTick::instance(), &ClockTick::tick, this, [this] {
        if (isVisible())
            m_model->setNow(this->host()->nowMs());
    });

    connect(host, &EngineHost::historyChanged, this, &ActivityPage::applyHistory);
    connect(host, &EngineHost::opsChanged, this, &ActivityPage::applyOps);
    applyHistory();
    applyOps();
    refreshAll();
}

void ActivityPage::setOutcomeFilter(const QString &outcome)
{
    const int i = m_outcome->findData(outcome);
    m_outcome->setCurrentIndex(i >= 0 ? i : 0);
}

void ActivityPage::setBackendFilter(const QString &text)
{
    m_backend->setText(text);
}

void ActivityPage::showEvent(QShowEvent *event)
{
    m_model->setNow(host()->nowMs());
    TablePage::showEvent(event);
}

void ActivityPage::applyHistory()
{
    m_model->setHistory(host()->snapshot().history, host()->nowMs());
    setEmpty(m_model->entryCount() == 0);
    refreshAll();
}

void ActivityPage::applyOps()
{
    // The rail counts the failures still waiting in the operations bar (undismissed failed ops).
    int failed = 0;
    for (const Operation &op : host()->snapshot().ops)
        failed += op.state == OpState::Failed ? 1 : 0;
    setBadge(failed > 0 ? QString::number(failed) : QString());
}

void ActivityPage::refreshActions()
{
    int retryable = 0, errors = 0;
    for (const QModelIndex &src : selectedSourceRows()) {
        if (!src.parent().isValid())
            retryable += src.data(HistoryModel::RetryableRole).toBool() ? 1 : 0;
        errors += src.data(HistoryModel::ErrorTextRole).toString().isEmpty() ? 0 : 1;
    }
    m_retry->setVisible(retryable > 0);
    m_retry->setEnabled(retryable > 0 && writesEnabled());
    m_retry->setToolTip(writesEnabled() ? tr("Admit the operation again (failed, cancelled and dead-letter entries)")
                                        : disabledReason());
    m_copyError->setVisible(errors > 0);
    m_copyError->setEnabled(errors > 0);
    m_copyError->setToolTip(tr("Copy the full error text"));
}

void ActivityPage::contextMenu(const QPoint &pos)
{
    QMenu menu(this);
    for (QAction *a : {m_retry, m_copyError})
        if (a->isVisible())
            menu.addAction(a);
    if (!menu.isEmpty())
        menu.exec(tableView()->viewport()->mapToGlobal(pos));
}

void ActivityPage::copyError()
{
    QStringList errors;
    for (const QModelIndex &src : selectedSourceRows()) {
        const QString e = src.data(HistoryModel::ErrorTextRole).toString();
        if (!e.isEmpty())
            errors << e;
    }
    if (!errors.isEmpty())
        QApplication::clipboard()->setText(errors.join(QLatin1Char('\n')));
}

void ActivityPage::writesChanged()
{
    m_model->setActionsEnabled(writesEnabled(), disabledReason());
}

void ActivityPage::retrySelected()
{
    QList<const HistoryEntry *> entries;
    for (const QModelIndex &src : selectedSourceRows())
        if (!src.parent().isValid() && src.data(HistoryModel::RetryableRole).toBool())
            entries << m_model->entryAt(src);
    retry(entries);
}

void ActivityPage::retry(const QList<const HistoryEntry *> &entries)
{
    if (entries.isEmpty() || !writesEnabled())
        return;
    auto report = BatchReport::start(
        int(entries.size()), [](const QStringList &ok) { return tr("Retrying %1").arg(QLocale().createSeparatedList(ok)); },
        [this](const QString &text, bool failed) { showMessage(text, failed ? Tone::Error : Tone::Neutral); });
    for (const HistoryEntry *e : std::as_const(entries)) {
        const QString label = e->nodeName && e->entryKind == QLatin1String("dead_letter")
                                  ? tr("%1 on %2").arg(e->backend, *e->nodeName)
                                  : e->backend;
        auto done = [report, label](const Result<AdmitResult> &r) {
            if (r)
                report->succeeded(label);
            else
                report->failed(label, reasonText(r.reason(), r.error()));
        };
        if (e->entryKind == QLatin1String("dead_letter") || e->outcome == QLatin1String("dead_letter"))
            host()->retryHistory(e->id, this, done);
        else
            host()->retry(e->opId.value_or(QString()), this, done);
    }
}

} // namespace fleetdeck::ui
