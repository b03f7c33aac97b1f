#include "views/column_widths.h"

#include <QEvent>
#include <QHeaderView>
#include <QTreeView>

namespace fleetdeck::ui {

ColumnWidths::ColumnWidths(QTreeView *view) : QObject(view), m_view(view)
{
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setMinimumSectionSize(m_view->fontMetrics().height() * 2);
    m_view->viewport()->installEventFilter(this);
}

int ColumnWidths::textWidth(int column, const QStringList &values, double extraEm) const
{
    const QFontMetrics fm = m_view->fontMetrics();
    const int em = fm.height();
    int widest = 0;
    for (const QString &v : values)
        widest = std::max(widest, fm.horizontalAdvance(v));
    // TableCellDelegate's padding around a cell's text (em / 2 each side, the shape's gap) and the
    // header's own size for its label and sort indicator.
    int cell = widest + em + em / 2 + int(extraEm * em);
    // The tree's column also holds the expand arrow of its rows.
    const int treeColumn = m_view->header()->logicalIndex(std::max(0, m_view->treePosition()));
    if (column == treeColumn && m_view->rootIsDecorated())
        cell += m_view->indentation();
    return std::max(cell, m_view->header()->sectionSizeHint(column));
}

void ColumnWidths::fit(int column, const QStringList &values, double extraEm)
{
    m_columns.append({column, 0, textWidth(column, values, extraEm)});
    m_view->header()->setSectionResizeMode(column, QHeaderView::Interactive);
}

void ColumnWidths::share(int column, int weight, const QStringList &minValues)
{
    m_columns.append({column, std::max(1, weight), textWidth(column, minValues, 0)});
    m_view->header()->setSectionResizeMode(column, QHeaderView::Interactive);
}

void ColumnWidths::apply()
{
    QHeaderView *header = m_view->header();
    int left = m_view->viewport()->width();
    // Columns this object does not lay out keep their width.
    for (int c = 0; c < header->count(); ++c) {
        const bool managed = std::any_of(m_columns.cbegin(), m_columns.cend(), [c](const Column &m) { return m.column == c; });
        if (!managed && !header->isSectionHidden(c))
            left -= header->sectionSize(c);
    }
    QList<Column> shared;
    for (const Column &c : std::as_const(m_columns)) {
        if (c.weight == 0) {
            header->resizeSection(c.column, c.width);
            left -= c.width;
        } else {
            shared.append(c);
        }
    }
    // A share below its minimum takes its minimum and leaves the pool; the rest share again.
    bool changed = true;
    while (changed && !shared.isEmpty()) {
        changed = false;
        int weights = 0;
        for (const Column &c : std::as_const(shared))
            weights += c.weight;
        for (qsizetype i = 0; i < shared.size(); ++i) {
            if (std::max(left, 0) * shared[i].weight / weights < shared[i].width) {
                header->resizeSection(shared[i].column, shared[i].width);
                left -= shared[i].width;
                shared.removeAt(i);
                changed = true;
                break;
            }
        }
    }
    int weights = 0;
    for (const Column &c : std::as_const(shared))
        weights += c.weight;
    for (qsizetype i = 0; i < shared.size(); ++i) {
        // The last one takes the rounding remainder, so the columns end at the viewport's edge.
        const int w = i + 1 == shared.size() ? left : left * shared[i].weight / weights;
        header->resizeSection(shared[i].column, w);
        left -= w;
        weights -= shared[i].weight;
    }
}

bool ColumnWidths::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        apply();
    return QObject::eventFilter(watched, event);
}

} // namespace fleetdeck::ui
