// The Nodes table's tree of rows and its diffing by node id (docs/gui.md#nodes-page); what each
// cell shows is in nodes_model_cells.cpp.
#include "models/nodes_model.h"

#include "models/nodes_model_item.h"
#include "models/row_ranges.h"

#include <QSet>

namespace fleetdeck::ui {

NodesModel::NodesModel(QObject *parent) : TwoLevelModel(parent) {}
NodesModel::~NodesModel() = default;

void NodesModel::renumber()
{
    for (size_t i = 0; i < m_items.size(); ++i)
        m_items[i]->row = int(i);
}

void NodesModel::setNodes(const QList<Node> &nodes, qint64 nowMs)
{
    QHash<QString, const Node *> incoming;
    incoming.reserve(nodes.size());
    for (const Node &n : nodes)
        incoming.insert(n.id, &n);

    // Removals, as contiguous ranges from the end so earlier rows keep their numbers.
    forEachRemovedRange(
        int(m_items.size()), [&](int row) { return incoming.contains(m_items[size_t(row)]->node.id); },
        [&](int first, int last) {
            beginRemoveRows({}, first, last);
            for (int i = first; i <= last; ++i)
                m_byId.remove(m_items[size_t(i)]->node.id);
            m_items.erase(m_items.begin() + first, m_items.begin() + last + 1);
            renumber();
            endRemoveRows();
        });

    const bool clockMoved = nowMs != m_now;
    m_now = nowMs;
    QList<const Node *> added;
    for (const Node &n : nodes) {
        Item *item = m_byId.value(n.id);
        if (!item) {
            added << &n;
            continue;
        }
        if (item->node == n)
            continue;
        item->node = n;
        if (!clockMoved)
            Q_EMIT dataChanged(index(item->row, 0), index(item->row, ColumnCount - 1));
    }
    if (clockMoved && !m_items.empty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_items.size()) - 1, ColumnCount - 1));

    if (!added.isEmpty()) {
        const int first = int(m_items.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const Node *n : added) {
            auto item = std::make_unique<Item>();
            item->node = *n;
            item->row = int(m_items.size());
            m_byId.insert(n->id, item.get());
            m_items.push_back(std::move(item));
        }
        endInsertRows();
    }
}

void NodesModel::setNow(qint64 nowMs)
{
    if (nowMs == m_now)
        return;
    m_now = nowMs;
    if (!m_items.empty())
        Q_EMIT dataChanged(index(0, StatusColumn), index(int(m_items.size()) - 1, HeartbeatColumn));
}

void NodesModel::setListing(const QString &nodeId, ListState state, const QList<wire::ListedBackend> &backends,
                            const QString &error)
{
    Item *item = m_byId.value(nodeId);
    if (!item)
        return;
    const QModelIndex parentIndex = index(item->row, 0);
    const int before = childCount(*item);
    const bool wereBackends = item->listState == ListState::Listed && !item->backends.isEmpty();
    const bool areBackends = state == ListState::Listed && !backends.isEmpty();
    if (before > 0 && wereBackends == areBackends && (!areBackends || backends.size() == item->backends.size())) {
        item->listState = state;
        item->backends = backends;
        item->listError = error;
        Q_EMIT dataChanged(index(0, 0, parentIndex), index(before - 1, ColumnCount - 1, parentIndex));
        return;
    }
    if (before > 0) {
        beginRemoveRows(parentIndex, 0, before - 1);
        item->hideChildren = true;
        endRemoveRows();
    }
    item->listState = state;
    item->backends = backends;
    item->listError = error;
    beginInsertRows(parentIndex, 0, (areBackends ? int(backends.size()) : 1) - 1);
    item->hideChildren = false;
    endInsertRows();
}

NodesModel::ListState NodesModel::listState(const QString &nodeId) const
{
    const Item *item = m_byId.value(nodeId);
    return item ? item->listState : ListState::NotListed;
}

const Node *NodesModel::node(const QString &nodeId) const
{
    const Item *item = m_byId.value(nodeId);
    return item ? &item->node : nullptr;
}

NodesModel::Item *NodesModel::itemOf(const QModelIndex &index) const
{
    return static_cast<Item *>(subtreeItem(index));
}

int NodesModel::topLevelCount() const
{
    return int(m_items.size());
}

void *NodesModel::topLevelItem(int row) const
{
    return m_items[size_t(row)].get();
}

int NodesModel::rowOf(const void *item) const
{
    return static_cast<const Item *>(item)->row;
}

int NodesModel::childRows(const void *item) const
{
    return childCount(*static_cast<const Item *>(item));
}

const Node *NodesModel::nodeAt(const QModelIndex &index) const
{
    const Item *item = itemOf(index);
    return item ? &item->node : nullptr;
}

const wire::ListedBackend *NodesModel::backendAt(const QModelIndex &index) const
{
    if (!index.isValid() || !index.internalPointer())
        return nullptr;
    const Item *item = itemOf(index);
    if (item->listState != ListState::Listed || index.row() >= item->backends.size())
        return nullptr;
    return &item->backends[index.row()];
}

QModelIndex NodesModel::indexOf(const QString &nodeId, int column) const
{
    const Item *item = m_byId.value(nodeId);
    return item ? index(item->row, column) : QModelIndex();
}

int NodesModel::healthyCount() const
{
    int n = 0;
    for (const auto &item : m_items)
        n += item->node.status == NodeStatus::Healthy ? 1 : 0;
    return n;
}

int NodesModel::childCount(const Item &item) const
{
    if (item.hideChildren)
        return 0;
    if (item.listState == ListState::Listed && !item.backends.isEmpty())
        return int(item.backends.size());
    return 1; // the placeholder
}

int NodesModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags NodesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalPointer() && index.data(TableRole::RowKind).toInt() == PlaceholderRow)
        return Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    return index.internalPointer() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren
                                   : Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

void NodesModel::setAvailableVersions(const QHash<QString, QString> &versions)
{
    if (versions == m_available)
        return;
    m_available = versions;
    for (const auto &item : m_items) {
        if (item->listState != ListState::Listed || item->backends.isEmpty() || item->hideChildren)
            continue;
        const QModelIndex parent = index(item->row, 0);
        Q_EMIT dataChanged(index(0, VersionColumn, parent), index(int(item->backends.size()) - 1, VersionColumn, parent));
    }
}

} // namespace fleetdeck::ui
