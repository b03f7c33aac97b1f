#include "models/nodes_model.h"

#include "models/row_ranges.h"
#include "widgets/format.h"

#include <QDateTime>
#include <QJsonValue>
#include <QLocale>
#include <QSet>
#include <limits>

namespace fleetdeck::ui {

namespace {
constexpr qint64 kAmberMs = 30'000;   // docs/gui.md#nodes-page: amber from 30 s
constexpr qint64 kLastSeenMs = 60'000; // "last seen … ago" beyond 60 s

qint64 isoToMs(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}
} // namespace

struct NodesModel::Item {
    Node node;
    int row = 0;
    ListState listState = ListState::NotListed;
    QList<wire::ListedBackend> backends;
    QString listError;
    bool hideChildren = false; // between a removal and an insertion of all child rows
};

NodesModel::NodesModel(QObject *parent) : QAbstractItemModel(parent) {}
NodesModel::~NodesModel() = default;

QString NodesModel::statusShape(NodeStatus s)
{
    switch (s) {
    case NodeStatus::Healthy: return QStringLiteral("●");
    case NodeStatus::Unhealthy: return QStringLiteral("▲");
    case NodeStatus::Offline: return QStringLiteral("■");
    case NodeStatus::Draining: return QStringLiteral("◆");
    case NodeStatus::Pending: break;
    }
    return QStringLiteral("○");
}

QString NodesModel::statusText(NodeStatus s)
{
    switch (s) {
    case NodeStatus::Healthy: return tr("Healthy");
    case NodeStatus::Unhealthy: return tr("Unhealthy");
    case NodeStatus::Offline: return tr("Offline");
    case NodeStatus::Draining: return tr("Draining");
    case NodeStatus::Pending: break;
    }
    return tr("Pending approval");
}

Tone NodesModel::statusTone(NodeStatus s)
{
    switch (s) {
    case NodeStatus::Healthy: return Tone::Ok;
    case NodeStatus::Unhealthy: return Tone::Error;
    case NodeStatus::Offline: return Tone::Neutral;
    case NodeStatus::Draining: return Tone::Draining;
    case NodeStatus::Pending: break;
    }
    return Tone::Pending;
}

QString NodesModel::heartbeatText(const Node &n, qint64 nowMs)
{
    if (n.lastHeartbeat <= 0)
        return tr("never");
    const qint64 age = nowMs - n.lastHeartbeat;
    if (age > kLastSeenMs)
        return tr("last seen %1").arg(relativeAge(age));
    return relativeAge(age);
}

Tone NodesModel::heartbeatTone(const Node &n, qint64 nowMs)
{
    if (n.lastHeartbeat <= 0)
        return Tone::Neutral;
    return nowMs - n.lastHeartbeat >= kAmberMs ? Tone::Warning : Tone::Neutral;
}

QString NodesModel::statusDisplay(const Node &n, qint64 nowMs)
{
    // A27 / D11: a pending node never turns offline; the view says how long it has been silent.
    if (n.status == NodeStatus::Pending && n.lastHeartbeat > 0 && nowMs - n.lastHeartbeat > kLastSeenMs)
        return tr("%1 · %2").arg(statusText(n.status), heartbeatText(n, nowMs));
    return statusText(n.status);
}

QString NodesModel::resourcesText(const QJsonObject &r)
{
    QStringList parts;
    const QString vendor = r.value(QLatin1String("gpu_vendor")).toString();
    const int gpus = r.value(QLatin1String("gpus")).toInt();
    if (!vendor.isEmpty())
        parts << (gpus > 1 ? tr("%1 ×%2").arg(vendor).arg(gpus) : vendor);
    const qint64 vram = r.value(QLatin1String("total_vram")).toInteger();
    if (vram > 0)
        parts << tr("%1 VRAM").arg(bytes(vram));
    const qint64 ram = r.value(QLatin1String("total_ram")).toInteger();
    if (ram > 0)
        parts << tr("%1 RAM").arg(bytes(ram));
    const int cores = r.value(QLatin1String("cpu_cores")).toInt();
    if (cores > 0)
        parts << (cores == 1 ? tr("1 core") : tr("%1 cores").arg(cores));
    return parts.join(QStringLiteral(" · "));
}

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
    if (!index.isValid() || index.model() != this)
        return nullptr;
    if (auto *parentItem = static_cast<Item *>(index.internalPointer()))
        return parentItem;
    return index.row() < int(m_items.size()) ? m_items[size_t(index.row())].get() : nullptr;
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

QModelIndex NodesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < int(m_items.size()) ? createIndex(row, column, nullptr) : QModelIndex();
    if (parent.internalPointer() || parent.column() != 0)
        return {};
    Item *item = itemOf(parent);
    if (!item || row >= childCount(*item))
        return {};
    return createIndex(row, column, item);
}

QModelIndex NodesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !child.internalPointer())
        return {};
    const auto *item = static_cast<const Item *>(child.internalPointer());
    return createIndex(item->row, 0, nullptr);
}

int NodesModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_items.size());
    if (parent.internalPointer() || parent.column() != 0)
        return 0;
    const Item *item = itemOf(parent);
    return item ? childCount(*item) : 0;
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

QVariant NodesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatusColumn: return tr("Status");
    case NameColumn: return tr("Name");
    case HeartbeatColumn: return tr("Heartbeat");
    case ReasonColumn: return tr("Reason");
    case ResourcesColumn: return tr("Resources");
    case LabelsColumn: return tr("Labels");
    case VersionColumn: return tr("Worker");
    default: return {};
    }
}

QVariant NodesModel::data(const QModelIndex &index, int role) const
{
    const Item *item = itemOf(index);
    if (!item || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case NodeIdRole: return item->node.id;
    case NodeNameRole: return item->node.name;
    case NodeStatusRole: return toString(item->node.status);
    default: break;
    }
    if (index.internalPointer())
        return childData(*item, index.row(), index.column(), role);
    return nodeData(*item, index.column(), role);
}

QVariant NodesModel::nodeData(const Item &item, int column, int role) const
{
    const Node &n = item.node;
    switch (role) {
    case TableRole::Key: return n.id;
    case TableRole::RowKind: return int(NodeRow);
    case HeartbeatAgeRole: return n.lastHeartbeat > 0 ? m_now - n.lastHeartbeat : qint64(-1);
    case Qt::AccessibleTextRole:
        if (column == StatusColumn)
            return tr("%1: %2, heartbeat %3").arg(n.name, statusDisplay(n, m_now), heartbeatText(n, m_now));
        return tr("%1, %2: %3").arg(n.name, headerData(column, Qt::Horizontal).toString(),
                                     column == LabelsColumn ? data(index(item.row, column), Qt::ToolTipRole).toString()
                                                            : nodeData(item, column, Qt::DisplayRole).toString());
    default: break;
    }
    switch (column) {
    case StatusColumn:
        switch (role) {
        case Qt::DisplayRole: return statusDisplay(n, m_now);
        case TableRole::Shape: return statusShape(n.status);
        case TableRole::Tone: return int(statusTone(n.status));
        case TableRole::Sort: return int(n.status);
        case Qt::ToolTipRole: return n.statusReason.isEmpty() ? statusText(n.status)
                                                              : tr("%1: %2").arg(statusText(n.status), n.statusReason);
        }
        break;
    case NameColumn:
        switch (role) {
        case Qt::DisplayRole: return n.name;
        case TableRole::Sort: return n.name.toLower();
        case Qt::ToolTipRole: return tr("%1 (id %2)").arg(n.name, n.id);
        }
        break;
    case HeartbeatColumn:
        switch (role) {
        case Qt::DisplayRole: return heartbeatText(n, m_now);
        case TableRole::Tone:
            return heartbeatTone(n, m_now) == Tone::Warning ? QVariant(int(Tone::Warning)) : QVariant();
        case TableRole::Sort: return n.lastHeartbeat > 0 ? m_now - n.lastHeartbeat : std::numeric_limits<qint64>::max();
        case Qt::ToolTipRole: return n.lastHeartbeat > 0 ? exactTime(n.lastHeartbeat) : QVariant();
        }
        break;
    case ReasonColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == TableRole::Sort)
            return n.statusReason;
        break;
    case ResourcesColumn:
        switch (role) {
        case Qt::DisplayRole:
        case TableRole::Sort: return resourcesText(n.resources);
        case Qt::ToolTipRole: {
            QStringList lines;
            for (auto it = n.resources.begin(); it != n.resources.end(); ++it)
                lines << tr("%1: %2").arg(it.key(), it.value().isString() ? it.value().toString()
                                                                          : QLocale().toString(it.value().toDouble(), 'f', 0));
            return lines.join(QLatin1Char('\n'));
        }
        }
        break;
    case LabelsColumn: {
        if (role == TableRole::Chips) {
            QVariantList chips;
            for (auto it = n.labels.begin(); it != n.labels.end(); ++it)
                chips << makeChip(tr("%1=%2").arg(it.key(), it.value().toString()), Tone::Neutral);
            return chips;
        }
        if (role == Qt::ToolTipRole || role == TableRole::Sort) {
            QStringList parts;
            for (auto it = n.labels.begin(); it != n.labels.end(); ++it)
                parts << tr("%1=%2").arg(it.key(), it.value().toString());
            return parts.join(QStringLiteral(", "));
        }
        break;
    }
    case VersionColumn:
        if (role == Qt::DisplayRole || role == TableRole::Sort || role == Qt::ToolTipRole)
            return n.workerVersion;
        break;
    default: break;
    }
    return {};
}

QVariant NodesModel::childData(const Item &item, int row, int column, int role) const
{
    const bool isBackend = item.listState == ListState::Listed && row < item.backends.size();
    if (!isBackend) {
        QString text;
        switch (item.listState) {
        case ListState::NotListed: text = tr("Expand to list this node's backends"); break;
        case ListState::Listing: text = tr("Listing backends…"); break;
        case ListState::Listed: text = tr("No backends installed"); break;
        case ListState::Failed: text = tr("Listing failed: %1").arg(item.listError); break;
        case ListState::Unavailable: text = item.listError; break;
        }
        switch (role) {
        case TableRole::RowKind: return int(PlaceholderRow);
        case TableRole::Spanned: return true;
        case TableRole::Key: return QString(item.node.id + QStringLiteral("/"));
        case Qt::DisplayRole:
        case Qt::ToolTipRole: return column == 0 ? QVariant(text) : QVariant();
        case Qt::AccessibleTextRole: return tr("%1: %2").arg(item.node.name, text);
        case TableRole::Tone:
            return column == 0 && item.listState == ListState::Failed ? QVariant(int(Tone::Error)) : QVariant();
        default: return {};
        }
    }
    const wire::ListedBackend &b = item.backends[row];
    switch (role) {
    case TableRole::RowKind: return int(BackendRow);
    case TableRole::Key: return QString(item.node.id + QLatin1Char('/') + b.name);
    case BackendNameRole: return b.name;
    case IsSystemRole: return b.isSystem;
    case Qt::AccessibleTextRole:
        return tr("%1 on %2: installed, version %3").arg(b.name, item.node.name, b.version.isEmpty() ? tr("unknown") : b.version);
    default: break;
    }
    switch (column) {
    case StatusColumn:
        switch (role) {
        case Qt::DisplayRole: return tr("Installed");
        case TableRole::Shape: return QStringLiteral("●");
        case TableRole::Tone: return int(Tone::Ok);
        }
        break;
    case NameColumn:
        switch (role) {
        case Qt::DisplayRole:
        case TableRole::Sort: return b.name;
        case Qt::ToolTipRole: return b.uri.isEmpty() ? b.name : tr("%1\n%2").arg(b.name, b.uri);
        case TableRole::Chips: {
            QVariantList chips;
            if (b.isSystem)
                chips << makeChip(tr("System"), Tone::Neutral);
            if (b.isMeta)
                chips << makeChip(tr("Meta"), Tone::Neutral);
            return chips;
        }
        }
        break;
    case HeartbeatColumn: {
        const qint64 at = isoToMs(b.installedAt);
        switch (role) {
        case Qt::DisplayRole: return at > 0 ? tr("installed %1").arg(relativeAge(m_now - at)) : QVariant();
        case Qt::ToolTipRole: return at > 0 ? exactTime(at) : QVariant();
        case TableRole::Sort: return at;
        }
        break;
    }
    case ReasonColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return b.metaBackendFor.isEmpty() ? QVariant() : tr("for %1").arg(b.metaBackendFor);
        break;
    case ResourcesColumn:
        if (role == Qt::DisplayRole)
            return elideMiddle(b.digest, 24);
        if (role == Qt::ToolTipRole)
            return b.digest;
        break;
    case VersionColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == TableRole::Sort)
            return b.version;
        if (role == TableRole::Chips && hasUpdate(b))
            return QVariantList{makeChip(tr("Update %1").arg(m_available.value(b.name)), Tone::Info)};
        break;
    default: break;
    }
    return {};
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

bool NodesModel::hasUpdate(const wire::ListedBackend &b) const
{
    const auto it = m_available.constFind(b.name);
    return !b.isSystem && it != m_available.constEnd() && !it->isEmpty() && *it != b.version;
}

} // namespace fleetdeck::ui
