#include "models/backends_model.h"

#include <QSet>
#include <algorithm>
#include <limits>

namespace fleetdeck::ui {

bool BackendRow::operator==(const BackendRow &o) const
{
    return entry.name == o.entry.name && entry.version == o.entry.version && entry.description == o.entry.description
           && entry.tags == o.entry.tags && installed == o.installed && installedVersion == o.installedVersion
           && availableVersion == o.availableVersion && updateAvailable == o.updateAvailable
           && driftCount == o.driftCount && driftDetails == o.driftDetails && nodeCount == o.nodeCount
           && totalNodes == o.totalNodes && isSystem == o.isSystem && state == o.state;
}

BackendsModel::BackendsModel(QObject *parent) : QAbstractListModel(parent) {}

int BackendsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant BackendsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BackendRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.entry.name;
    case Qt::ToolTipRole: return r.entry.description.isEmpty() ? r.entry.name : r.entry.description;
    case Qt::AccessibleTextRole: return accessibleText(r);
    case RowRole: return QVariant::fromValue(r);
    case InstalledRole: return r.installed;
    case UpdateAvailableRole: return r.updateAvailable;
    case DevelopmentRole: return r.entry.isDevelopment();
    case TagsRole: return r.entry.tags;
    case BusyRole: return r.state.busy();
    case StateTextRole: return r.state.text;
    case ProgressRole: return r.state.progress;
    case OpIdRole: return r.state.opId;
    default: return {};
    }
}

QHash<int, QByteArray> BackendsModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(InstalledRole, "installed");
    names.insert(UpdateAvailableRole, "updateAvailable");
    names.insert(BusyRole, "busy");
    names.insert(StateTextRole, "stateText");
    names.insert(ProgressRole, "progress");
    return names;
}

QString BackendsModel::accessibleText(const BackendRow &r) const
{
    QStringList parts{r.entry.name};
    if (r.installed)
        parts << tr("installed %1 on %2 of %n node(s)", nullptr, r.totalNodes).arg(r.installedVersion).arg(r.nodeCount);
    else
        parts << tr("not installed, version %1 available").arg(r.entry.version);
    if (r.updateAvailable)
        parts << tr("update %1 available").arg(r.availableVersion);
    if (r.driftCount > 0)
        parts << tr("drift on %n node(s)", nullptr, r.driftCount);
    if (r.state.busy())
        parts << r.state.text;
    return parts.join(QStringLiteral(", "));
}

void BackendsModel::setGallery(const QList<GalleryEntry> &entries)
{
    m_gallery = entries;
    rebuild();
}

void BackendsModel::setUpgrades(const std::optional<UpgradesResult> &result)
{
    m_upgrades = result;
    m_upgradeByName.clear();
    if (result)
        for (const BackendUpgrade &u : result->backends)
            m_upgradeByName.insert(u.name, u);
    refresh();
}

void BackendsModel::setNodes(const QList<Node> &nodes)
{
    m_nodes = nodes;
    m_nodeNames.clear();
    m_totalNodes = 0;
    for (const Node &n : nodes) {
        m_nodeNames.insert(n.id, n.name);
        if (n.status != NodeStatus::Pending)
            ++m_totalNodes;
    }
    refresh();
}

void BackendsModel::setOps(const QList<Operation> &ops, qint64 nowMs, qint64 stalledMs, bool live)
{
    m_opsByBackend.clear();
    m_backendOf.clear();
    for (const Operation &op : ops)
        keepOp(op);
    m_nowMs = nowMs;
    m_stalledMs = stalledMs;
    m_live = live;
    refresh();
}

void BackendsModel::setSnapshot(const ClusterSnapshot &s, qint64 nowMs, qint64 stalledMs, bool live)
{
    const OpsChange &c = s.opsChange;
    const bool seen = c.seq == m_opsSeq && m_opsSeq != 0;
    if (!seen && !c.follows(m_opsSeq)) {
        m_opsSeq = c.seq;
        setOps(s.ops, nowMs, stalledMs, live);
        return;
    }
    m_opsSeq = c.seq;
    QSet<QString> touched;
    if (!seen) {
        for (const QString &id : c.removed)
            dropOp(id, &touched);
        for (const QString &id : c.changed) {
            const Operation *op = s.findOp(id);
            if (op && replaceOp(*op)) { // a tick: the op stays where it is
                touched.insert(op->backend);
                continue;
            }
            dropOp(id, &touched);
            if (op) {
                keepOp(*op);
                touched.insert(op->backend);
            }
        }
    }
    // The clock changes only the cards whose stall begins or goes on (m_cardDueMs): every card
    // each second was 5,000 cards, 17 % of the GUI thread at 20,000 events/s.
    const bool everyCard = live != m_live || stalledMs != m_stalledMs;
    const bool newSecond = nowMs / 1000 != m_nowMs / 1000;
    m_nowMs = nowMs;
    m_stalledMs = stalledMs;
    m_live = live;
    if (everyCard) {
        refresh();
        return;
    }
    if (newSecond)
        for (auto it = m_cardDueMs.constBegin(); it != m_cardDueMs.constEnd(); ++it)
            if (it.value() <= nowMs)
                touched.insert(it.key());
    if (!touched.isEmpty())
        refresh(touched);
}

void BackendsModel::noteDue(const QString &backend)
{
    // When the clock alone next changes this card: presentOp() reads it only for the stall of a
    // running install or upgrade, while live.
    qint64 due = std::numeric_limits<qint64>::max();
    const auto ops = m_opsByBackend.constFind(backend);
    if (m_live && ops != m_opsByBackend.constEnd())
        for (const Operation &op : *ops)
            if (op.state == OpState::Running && op.kind != OpKind::Delete)
                due = std::min(due, op.isStalled(m_nowMs, m_stalledMs) ? m_nowMs : op.progressAt + m_stalledMs);
    if (due == std::numeric_limits<qint64>::max())
        m_cardDueMs.remove(backend);
    else
        m_cardDueMs.insert(backend, due);
}

void BackendsModel::dropOp(const QString &opId, QSet<QString> *touched)
{
    const auto it = m_backendOf.constFind(opId);
    if (it == m_backendOf.constEnd())
        return;
    QList<Operation> &list = m_opsByBackend[*it];
    list.removeIf([&](const Operation &o) { return o.id == opId; });
    touched->insert(*it);
    if (list.isEmpty())
        m_opsByBackend.remove(*it);
    m_backendOf.erase(it);
}

bool BackendsModel::replaceOp(const Operation &op)
{
    if (op.error || op.processed() || m_backendOf.value(op.id) != op.backend)
        return false;
    QList<Operation> &list = m_opsByBackend[op.backend];
    for (Operation &kept : list)
        if (kept.id == op.id) {
            if (kept.createdAt != op.createdAt)
                return false; // its place in the list order moved
            kept = op;
            return true;
        }
    return false;
}

void BackendsModel::keepOp(const Operation &op)
{
    if (op.error || op.processed())
        return;
    QList<Operation> &list = m_opsByBackend[op.backend];
    list.insert(std::lower_bound(list.begin(), list.end(), op, listOrderLess), op);
    m_backendOf.insert(op.id, op.backend);
}

BackendRow BackendsModel::compute(const GalleryEntry &e) const
{
    BackendRow r;
    r.entry = e;
    r.totalNodes = m_totalNodes;
    {
        const auto it = m_upgradeByName.constFind(e.name);
        if (it != m_upgradeByName.constEnd()) {
            const BackendUpgrade *u = &it.value();
            r.installed = u->nodeCount > 0;
            r.installedVersion = u->installedVersion;
            r.availableVersion = u->availableVersion;
            r.updateAvailable = u->upgradeAvailable;
            r.driftCount = int(u->drift.size());
            for (const DriftRef &d : u->drift)
                r.driftDetails << QStringLiteral("%1 %2").arg(d.nodeName, d.version);
            r.nodeCount = u->nodeCount;
            r.isSystem = u->isSystem;
        }
    }
    const auto ops = m_opsByBackend.constFind(e.name);
    if (ops != m_opsByBackend.constEnd())
        r.state = cardStateFor(e.name, *ops, m_nowMs, m_stalledMs, m_live, m_nodeNames);
    return r;
}

void BackendsModel::rebuild()
{
    // Remove rows whose entry left the gallery, then append new ones; keep the rest in place.
    QSet<QString> wanted;
    for (const GalleryEntry &e : m_gallery)
        wanted.insert(e.name);
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (!wanted.contains(m_rows.at(i).entry.name)) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    QSet<QString> have;
    for (const BackendRow &r : std::as_const(m_rows))
        have.insert(r.entry.name);
    QList<BackendRow> added;
    for (const GalleryEntry &e : m_gallery)
        if (!have.contains(e.name))
            added.append(compute(e));
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
    }
    // Entries that stayed may have new versions or descriptions.
    QHash<QString, GalleryEntry> byName;
    for (const GalleryEntry &e : m_gallery)
        byName.insert(e.name, e);
    m_rowOf.clear();
    for (int i = 0; i < m_rows.size(); ++i) {
        m_rows[i].entry = byName.value(m_rows.at(i).entry.name, m_rows.at(i).entry);
        if (!m_rowOf.contains(m_rows.at(i).entry.name))
            m_rowOf.insert(m_rows.at(i).entry.name, i);
    }
    refresh();
}

bool BackendsModel::refreshRow(int i)
{
    BackendRow next = compute(m_rows.at(i).entry);
    noteDue(next.entry.name);
    if (next == m_rows.at(i))
        return false;
    m_rows[i] = std::move(next);
    return true;
}

void BackendsModel::announce(QList<int> rows)
{
    // Runs of adjacent rows in one signal each: the sort/filter proxy and the list view handle
    // each signal on its own (320 cards a frame at 20,000 events/s, mostly adjacent).
    std::sort(rows.begin(), rows.end());
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1)
            ++j;
        Q_EMIT dataChanged(index(rows.at(i)), index(rows.at(j)));
        i = j + 1;
    }
}

void BackendsModel::refresh(const QSet<QString> &backends)
{
    QList<int> changed;
    for (const QString &name : backends)
        if (const int i = m_rowOf.value(name, -1); i >= 0 && refreshRow(i))
            changed.append(i);
    announce(std::move(changed));
}

void BackendsModel::refresh()
{
    m_cardDueMs.clear();
    QList<int> changed;
    for (int i = 0; i < m_rows.size(); ++i)
        if (refreshRow(i))
            changed.append(i);
    announce(std::move(changed));
}

const BackendRow *BackendsModel::row(const QString &name) const
{
    const int i = m_rowOf.value(name, -1);
    return i >= 0 ? &m_rows.at(i) : nullptr;
}

bool BackendsModel::anyBusy() const
{
    for (const BackendRow &r : m_rows)
        if (r.state.busy())
            return true;
    return false;
}

QStringList BackendsModel::allTags() const
{
    QStringList tags;
    for (const BackendRow &r : m_rows)
        for (const QString &t : r.entry.tags)
            if (!tags.contains(t))
                tags << t;
    tags.sort();
    return tags;
}

} // namespace fleetdeck::ui
