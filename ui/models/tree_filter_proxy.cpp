#include "models/tree_filter_proxy.h"

#include "models/table_roles.h"

namespace fleetdeck::ui {

TreeFilterProxy::TreeFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(TableRole::Sort);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void TreeFilterProxy::setSearchText(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_search)
        return;
    m_search = t;
    invalidateRowsFilter();
}

void TreeFilterProxy::setRoleFilter(int role, const QString &text, Match match)
{
    const QString t = text.trimmed();
    if (t.isEmpty()) {
        if (m_roleFilters.remove(role) > 0)
            invalidateRowsFilter();
        return;
    }
    const auto it = m_roleFilters.constFind(role);
    if (it != m_roleFilters.constEnd() && it->text == t && it->match == match)
        return;
    m_roleFilters.insert(role, RoleFilter{t, match});
    invalidateRowsFilter();
}

bool TreeFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return true; // children follow their parent
    const QAbstractItemModel *m = sourceModel();
    const QModelIndex first = m->index(sourceRow, 0, sourceParent);
    for (auto it = m_roleFilters.constBegin(); it != m_roleFilters.constEnd(); ++it) {
        const QString value = first.data(it.key()).toString();
        const bool ok = it->match == Match::Exact ? value.compare(it->text, Qt::CaseInsensitive) == 0
                                                  : value.contains(it->text, Qt::CaseInsensitive);
        if (!ok)
            return false;
    }
    if (m_search.isEmpty())
        return true;
    const int columns = m->columnCount(sourceParent);
    for (int c = 0; c < columns; ++c) {
        const QModelIndex idx = m->index(sourceRow, c, sourceParent);
        if (idx.data(Qt::DisplayRole).toString().contains(m_search, Qt::CaseInsensitive)
            || idx.data(Qt::ToolTipRole).toString().contains(m_search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool TreeFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.parent().isValid()) // child rows keep the model's order
        return sortOrder() == Qt::AscendingOrder ? left.row() < right.row() : left.row() > right.row();
    const QVariant l = left.data(sortRole()), r = right.data(sortRole());
    if (l != r)
        return QSortFilterProxyModel::lessThan(left, right);
    // Ties keep a stable order by key so rows never jump between snapshots.
    return left.data(TableRole::Key).toString() < right.data(TableRole::Key).toString();
}

} // namespace fleetdeck::ui
