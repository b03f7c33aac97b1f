#include "models/two_level_model.h"

namespace fleetdeck::ui {

void *TwoLevelModel::subtreeItem(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    if (void *parentItem = index.internalPointer())
        return parentItem;
    return index.row() < topLevelCount() ? topLevelItem(index.row()) : nullptr;
}

QModelIndex TwoLevelModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= columnCount(parent))
        return {};
    if (!parent.isValid())
        return row < topLevelCount() ? createIndex(row, column, nullptr) : QModelIndex();
    if (parent.internalPointer() || parent.column() != 0)
        return {};
    void *item = subtreeItem(parent);
    if (!item || row >= childRows(item))
        return {};
    return createIndex(row, column, item);
}

QModelIndex TwoLevelModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !child.internalPointer())
        return {};
    return createIndex(rowOf(child.internalPointer()), 0, nullptr);
}

int TwoLevelModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return topLevelCount();
    if (parent.internalPointer() || parent.column() != 0)
        return 0;
    const void *item = subtreeItem(parent);
    return item ? childRows(item) : 0;
}

} // namespace fleetdeck::ui
