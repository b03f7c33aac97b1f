// What each cell of the Nodes table shows (docs/gui.md#nodes-page): the status, heartbeat and
// resources wording of a node row and the columns of its backend rows. The tree and its diffing
// are in nodes_model.cpp.
#include "models/nodes_model.h"
#include "models/nodes_model_item.h"
#include "presentation/reason_text.h"
#include "widgets/format.h"

#include <QDateTime>
#include <QJsonValue>
#include <QLocale>
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
                                                              : tr("%1: %2").arg(statusText(n.status), reasonText(n.statusReasonCode, n.statusReason));
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
        // In the admin's language; the engine's English text in the tooltip when it says otherwise.
        if (role == Qt::DisplayRole || role == TableRole::Sort)
            return reasonText(n.statusReasonCode, n.statusReason);
        if (role == Qt::ToolTipRole)
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

bool NodesModel::hasUpdate(const wire::ListedBackend &b) const
{
    const auto it = m_available.constFind(b.name);
    return !b.isSystem && it != m_available.constEnd() && !it->isEmpty() && *it != b.version;
}

} // namespace fleetdeck::ui
