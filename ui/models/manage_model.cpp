#include "models/manage_model.h"

#include "presentation/op_presentation.h"
#include "widgets/format.h"

#include <QDateTime>
#include <QSet>
#include <algorithm>
#include <limits>

namespace fleetdeck::ui {

namespace {
bool sameRow(const BackendUpgrade &a, const BackendUpgrade &b)
{
    auto driftKey = [](const BackendUpgrade &u) {
        QStringList k;
        for (const DriftRef &d : u.drift)
            k << d.nodeId + QLatin1Char('=') + d.version + QLatin1Char('@') + d.digest;
        return k;
    };
    return a.name == b.name && a.isSystem == b.isSystem && a.isMeta == b.isMeta && a.metaBackendFor == b.metaBackendFor
           && a.nodeCount == b.nodeCount && a.installedVersion == b.installedVersion
           && a.installedDigest == b.installedDigest && a.installedAt == b.installedAt
           && a.upgradeAvailable == b.upgradeAvailable && a.availableVersion == b.availableVersion
           && a.availableDigest == b.availableDigest && driftKey(a) == driftKey(b);
}

qint64 isoToMs(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

QString onNode(const Operation &op)
{
    if (!op.targetNodeId || op.nodes.isEmpty())
        return {};
    return op.nodes.constFirst().nodeName;
}
} // namespace

ManageModel::ManageModel(QObject *parent) : QAbstractTableModel(parent) {}

std::optional<ManageModel::OpView> ManageModel::opView(const Operation &op, qint64 nowMs, qint64 stalledMs)
{
    // A failed op never changes the row (docs/gui.md#backend-cards): the failure lives in the
    // operations bar.
    const OpPresentation p = presentOp(op, nowMs, stalledMs, stalledMs > 0, onNode(op));
    if (!p.active)
        return std::nullopt;
    return OpView{p.labelOnNode(), p.glyph(), p.detail, p.tone};
}

void ManageModel::setUpgrades(const std::optional<UpgradesResult> &result, qint64 nowMs)
{
    m_now = nowMs;
    m_hasResult = result.has_value();
    m_checkedAt = result ? result->checkedAt : 0;
    const QList<BackendUpgrade> incoming = result ? result->backends : QList<BackendUpgrade>{};
    QSet<QString> names;
    for (const BackendUpgrade &b : incoming)
        names.insert(b.name);

    for (int last = int(m_rows.size()) - 1; last >= 0;) {
        if (names.contains(m_rows[last].name)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !names.contains(m_rows[first - 1].name))
            --first;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }
    m_rowOf.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows[i].name, i);

    QList<BackendUpgrade> added;
    for (const BackendUpgrade &b : incoming) {
        const auto it = m_rowOf.constFind(b.name);
        if (it == m_rowOf.constEnd()) {
            added << b;
        } else if (!sameRow(m_rows[*it], b)) {
            m_rows[*it] = b;
            Q_EMIT dataChanged(index(*it, 0), index(*it, ColumnCount - 1));
        }
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const BackendUpgrade &b : added) {
            m_rowOf.insert(b.name, int(m_rows.size()));
            m_rows << b;
        }
        endInsertRows();
    }
    emitColumns(InstalledColumn, InstalledColumn);
    updateViews(names + QSet<QString>(m_opViews.keyBegin(), m_opViews.keyEnd()));
}

void ManageModel::setOps(const QList<Operation> &ops, qint64 nowMs, qint64 stalledMs)
{
    m_now = nowMs;
    m_backendOfOp.clear();
    m_opsOf.clear();
    for (const Operation &op : ops) {
        m_backendOfOp.insert(op.id, op.backend);
        m_opsOf[op.backend].append(op.id);
    }
    applyOpViews(ops, stalledMs);
}

void ManageModel::setSnapshot(const ClusterSnapshot &s, qint64 nowMs, qint64 stalledMs)
{
    const OpsChange &c = s.opsChange;
    const bool seen = c.seq == m_opsSeq && m_opsSeq != 0;
    if ((!seen && !c.follows(m_opsSeq)) || stalledMs != m_opsStalledMs) {
        m_opsSeq = c.seq;
        setOps(s.ops, nowMs, stalledMs);
        return;
    }
    const bool newSecond = nowMs / 1000 != m_now / 1000;
    m_opsSeq = c.seq;
    m_now = nowMs;
    QSet<QString> touched;
    if (!seen) {
        for (const QString &id : c.removed)
            if (const auto it = m_backendOfOp.constFind(id); it != m_backendOfOp.constEnd()) {
                touched.insert(*it);
                if (auto ids = m_opsOf.find(*it); ids != m_opsOf.end() && (ids->removeOne(id), ids->isEmpty()))
                    m_opsOf.erase(ids);
                m_backendOfOp.erase(it);
            }
        for (const QString &id : c.changed)
            if (const Operation *op = s.findOp(id)) {
                touched.insert(op->backend);
                if (!m_backendOfOp.contains(id)) {
                    m_backendOfOp.insert(id, op->backend);
                    m_opsOf[op->backend].append(id);
                }
            }
        // Keep each touched backend's ops in list order after an op joined or moved in it.
        for (const QString &name : std::as_const(touched))
            if (auto ids = m_opsOf.find(name); c.joinedOrLeft && ids != m_opsOf.end() && ids->size() > 1)
                std::sort(ids->begin(), ids->end(), [&s](const QString &a, const QString &b) {
                    const Operation *x = s.findOp(a), *y = s.findOp(b);
                    return x && y ? listOrderLess(*x, *y) : a < b;
                });
    }
    if (newSecond)
        for (auto it = m_viewDueMs.constBegin(); it != m_viewDueMs.constEnd(); ++it)
            if (it.value() <= nowMs)
                touched.insert(it.key());
    if (!touched.isEmpty())
        applyOpViews(s, stalledMs, touched);
}

qint64 ManageModel::viewDue(const Operation &op, qint64 stalledMs) const
{
    // presentOp() reads the clock only for the stall of a running install or upgrade, while live.
    if (stalledMs <= 0 || op.error || op.state != OpState::Running || op.kind == OpKind::Delete)
        return std::numeric_limits<qint64>::max();
    return op.isStalled(m_now, stalledMs) ? m_now : op.progressAt + stalledMs;
}

namespace {
// The oldest active op without error speaks for its backend (opView() has a view exactly for these).
bool speaks(const Operation &op)
{
    return !op.error && isActive(op.state);
}
} // namespace

void ManageModel::applyOpViews(const QList<Operation> &ops, qint64 stalledMs)
{
    m_opsStalledMs = stalledMs;
    m_speakers.clear();
    for (const Operation &op : ops)
        if (!m_speakers.contains(op.backend) && speaks(op))
            m_speakers.insert(op.backend, op);
    updateViews(QSet<QString>(m_rowOf.keyBegin(), m_rowOf.keyEnd()) + QSet<QString>(m_opViews.keyBegin(), m_opViews.keyEnd()));
}

void ManageModel::applyOpViews(const ClusterSnapshot &s, qint64 stalledMs, const QSet<QString> &backends)
{
    m_opsStalledMs = stalledMs;
    for (const QString &name : backends) {
        m_speakers.remove(name);
        for (const QString &id : m_opsOf.value(name))
            if (const Operation *op = s.findOp(id); op && speaks(*op)) {
                m_speakers.insert(name, *op);
                break;
            }
    }
    updateViews(backends);
}

void ManageModel::updateViews(const QSet<QString> &backends)
{
    // Worded only for the table's rows: at 20,000 events/s most backends whose op moved have
    // none (bench_live_latency), and a row that appears is worded by setUpgrades().
    for (const QString &name : backends) {
        const int row = m_rowOf.value(name, -1);
        const auto speaker = row >= 0 ? m_speakers.constFind(name) : m_speakers.constEnd();
        std::optional<OpView> v;
        qint64 due = std::numeric_limits<qint64>::max();
        if (speaker != m_speakers.constEnd()) {
            v = opView(*speaker, m_now, m_opsStalledMs);
            due = viewDue(*speaker, m_opsStalledMs);
        }
        if (v && due != std::numeric_limits<qint64>::max())
            m_viewDueMs.insert(name, due);
        else
            m_viewDueMs.remove(name);
        if (v ? m_opViews.contains(name) && m_opViews.value(name) == *v : !m_opViews.remove(name))
            continue;
        if (v)
            m_opViews.insert(name, *v);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void ManageModel::setNow(qint64 nowMs)
{
    if (nowMs == m_now)
        return;
    m_now = nowMs;
    emitColumns(InstalledColumn, InstalledColumn);
}

void ManageModel::setActionsEnabled(bool enabled, const QString &reason)
{
    if (enabled == m_actionsEnabled && reason == m_disabledReason)
        return;
    m_actionsEnabled = enabled;
    m_disabledReason = reason;
    emitColumns(ActionsColumn, ActionsColumn);
}

void ManageModel::emitColumns(int first, int last)
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, first), index(int(m_rows.size()) - 1, last));
}

const BackendUpgrade *ManageModel::backendAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

const BackendUpgrade *ManageModel::backend(const QString &name) const
{
    const int row = m_rowOf.value(name, -1);
    return backendAt(row);
}

int ManageModel::upgradableCount() const
{
    return int(upgradableNames().size());
}

QStringList ManageModel::upgradableNames() const
{
    QStringList names;
    for (const BackendUpgrade &b : m_rows)
        if (b.upgradeAvailable && !b.isSystem)
            names << b.name;
    names.sort();
    return names;
}

int ManageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ManageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ManageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && section == NodesColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StateColumn: return tr("State");
    case NameColumn: return tr("Backend");
    case VersionColumn: return tr("Version");
    case NodesColumn: return tr("Nodes");
    case InstalledColumn: return tr("Installed");
    case ActionsColumn: return tr("Actions");
    default: return {};
    }
}

QVariant ManageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BackendUpgrade &b = m_rows[index.row()];
    switch (role) {
    case TableRole::Key:
    case BackendNameRole: return b.name;
    case UpgradeAvailableRole: return b.upgradeAvailable;
    case IsSystemRole: return b.isSystem;
    case BusyRole: return m_opViews.contains(b.name);
    case DriftCountRole: return int(b.drift.size());
    case Qt::AccessibleTextRole: {
        QStringList parts{b.name, tr("version %1").arg(b.installedVersion.isEmpty() ? tr("unknown") : b.installedVersion)};
        if (b.upgradeAvailable)
            parts << tr("update %1 available").arg(b.availableVersion);
        if (!b.drift.isEmpty())
            parts << (b.drift.size() == 1 ? tr("drift on 1 node") : tr("drift on %1 nodes").arg(b.drift.size()));
        parts << (b.nodeCount == 1 ? tr("on 1 node") : tr("on %1 nodes").arg(b.nodeCount));
        if (const auto v = m_opViews.value(b.name); m_opViews.contains(b.name))
            parts << v.text;
        if (b.isSystem)
            parts << tr("protected");
        return parts.join(QStringLiteral(", "));
    }
    default: return cell(b, index.column(), role);
    }
}

QVariantList ManageModel::actionsOf(const BackendUpgrade &b) const
{
    const bool busy = m_opViews.contains(b.name);
    const bool enabled = m_actionsEnabled && !busy;
    const QString tip = !m_actionsEnabled ? m_disabledReason : busy ? tr("An operation runs for this backend") : QString();
    QVariantList actions;
    if (b.upgradeAvailable)
        actions << makeAction(QStringLiteral("upgrade"), tr("Upgrade"), enabled,
                              tip.isEmpty() ? tr("Upgrade %1 to %2 on every node").arg(b.name, b.availableVersion) : tip);
    actions << makeAction(QStringLiteral("reinstall"), tr("Reinstall"), enabled,
                          tip.isEmpty() ? tr("Download and install %1 again on the nodes that have it").arg(b.name) : tip);
    actions << makeAction(QStringLiteral("delete"), tr("Delete"), enabled,
                          tip.isEmpty() ? tr("Delete %1 from every node").arg(b.name) : tip);
    return actions;
}

QVariant ManageModel::cell(const BackendUpgrade &b, int column, int role) const
{
    switch (column) {
    case StateColumn: {
        const auto it = m_opViews.constFind(b.name);
        if (it == m_opViews.constEnd())
            return role == TableRole::Sort ? QVariant(QString()) : QVariant();
        switch (role) {
        case Qt::DisplayRole:
        case TableRole::Sort: return it->text;
        case TableRole::Shape: return it->shape;
        case TableRole::Tone: return int(it->tone);
        case Qt::ToolTipRole: return it->toolTip.isEmpty() ? it->text : it->toolTip;
        }
        break;
    }
    case NameColumn:
        switch (role) {
        case Qt::DisplayRole: return b.name;
        case TableRole::Sort: return b.name.toLower();
        case Qt::ToolTipRole:
            return b.metaBackendFor.isEmpty() ? b.name : tr("%1 (for %2)").arg(b.name, b.metaBackendFor);
        case TableRole::Chips: {
            QVariantList chips;
            if (b.isSystem)
                chips << makeChip(tr("System"), Tone::Neutral);
            if (b.isMeta)
                chips << makeChip(tr("Meta"), Tone::Neutral);
            if (b.name.endsWith(QLatin1String("-development")))
                chips << makeChip(tr("Development"), Tone::Neutral);
            return chips;
        }
        }
        break;
    case VersionColumn:
        switch (role) {
        case Qt::DisplayRole:
        case TableRole::Sort:
            return !b.installedVersion.isEmpty() ? b.installedVersion : elideMiddle(b.installedDigest, 20);
        case Qt::ToolTipRole: {
            QStringList lines{tr("Installed: %1").arg(b.installedVersion.isEmpty() ? b.installedDigest : b.installedVersion)};
            if (b.upgradeAvailable)
                lines << tr("Available: %1").arg(b.availableVersion.isEmpty() ? b.availableDigest : b.availableVersion);
            for (const DriftRef &d : b.drift)
                lines << tr("%1: %2").arg(d.nodeName, d.version.isEmpty() ? d.digest : d.version);
            return lines.join(QLatin1Char('\n'));
        }
        case TableRole::Chips: {
            QVariantList chips;
            if (b.upgradeAvailable)
                chips << makeChip(b.availableVersion.isEmpty() ? tr("Update") : tr("Update %1").arg(b.availableVersion),
                                  Tone::Info);
            if (!b.drift.isEmpty()) {
                QStringList lines;
                for (const DriftRef &d : b.drift)
                    lines << tr("%1: %2").arg(d.nodeName, d.version.isEmpty() ? d.digest : d.version);
                chips << makeChip((b.drift.size() == 1 ? tr("Drift: 1 node") : tr("Drift: %1 nodes").arg(b.drift.size())), Tone::Warning,
                                  lines.join(QLatin1Char('\n')));
            }
            return chips;
        }
        }
        break;
    case NodesColumn:
        switch (role) {
        case Qt::DisplayRole:
        case TableRole::Sort: return b.nodeCount;
        case Qt::TextAlignmentRole: return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        break;
    case InstalledColumn: {
        const qint64 at = isoToMs(b.installedAt);
        switch (role) {
        case Qt::DisplayRole: return at > 0 ? relativeAge(m_now - at) : QVariant();
        case TableRole::Sort: return at;
        case Qt::ToolTipRole: return at > 0 ? exactTime(at) : QVariant();
        }
        break;
    }
    case ActionsColumn:
        switch (role) {
        case TableRole::Chips:
            return b.isSystem ? QVariantList{makeChip(tr("Protected"), Tone::Neutral,
                                                      tr("System backends come with the worker and cannot be changed here"))}
                              : QVariantList{};
        case TableRole::Actions: return b.isSystem ? QVariantList{} : actionsOf(b);
        case Qt::ToolTipRole: return b.isSystem ? tr("System backends come with the worker and cannot be changed here")
                                                : QVariant();
        }
        break;
    default: break;
    }
    return {};
}

} // namespace fleetdeck::ui
