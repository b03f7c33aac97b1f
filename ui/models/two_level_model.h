#pragma once
// The index plumbing of a table with top-level rows and one level of child rows (History entries
// and their per-node results, nodes and their backends). A top-level index carries no pointer; a
// child index carries its parent's item, which stays valid while rows move (the subclass keeps
// each item's row number current), so the diffing updates keep persistent indexes right
// (docs/architecture.md#scale).
#include <QAbstractItemModel>

namespace fleetdeck::ui {

class TwoLevelModel : public QAbstractItemModel {
public:
    using QAbstractItemModel::QAbstractItemModel;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;

protected:
    // The subclass's items: how many top-level rows, the item of one, the row an item is at, and
    // how many child rows it shows.
    virtual int topLevelCount() const = 0;
    virtual void *topLevelItem(int row) const = 0;
    virtual int rowOf(const void *item) const = 0;
    virtual int childRows(const void *item) const = 0;
    // The top-level item of any row of its subtree; null for an invalid or another model's index.
    void *subtreeItem(const QModelIndex &index) const;
};

} // namespace fleetdeck::ui
