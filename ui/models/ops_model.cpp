#include "models/ops_model.h"

#include "presentation/op_presentation.h"
#include "presentation/progress_text.h"
#include "presentation/reason_text.h"
#include "widgets/format.h"

#include <QSet>

namespace fleetdeck::ui {

namespace {
constexpr quintptr kTop = ~quintptr(0); // internal id of top-level rows; children carry their parent row
} // namespace

OpLine opLine(const Operation &op, qint64 nowMs, qint64 stalledMs, bool live, const QString &targetNodeName)
{
    OpLine l;
    const OpPresentation p = presentOp(op, nowMs, stalledMs, live, targetNodeName);
    const QString on = p.node.isEmpty() ? QString() : OpsModel::tr(" on %1").arg(p.node);
    if (p.phase == OpPresentation::Phase::Failed) {
        l.icon = OpLine::Icon::Error;
        l.text = OpsModel::tr("Failed to %1 backend: %2%3 (%4)").arg(opFailedVerb(op.kind), op.backend, on, p.detail);
        if (op.state == OpState::Failed)
            l.buttons = {OpButton::Retry, OpButton::Dismiss};
    } else {
        const QString head = OpsModel::tr("%1 backend: %2%3").arg(opHeadlineVerb(op.kind), op.backend, on);
        auto detail = [](const QString &d) { return d.isEmpty() ? QString() : QStringLiteral(" (") + d + QStringLiteral(")"); };
        switch (p.phase) {
        case OpPresentation::Phase::Queued: l.text = head + detail(p.word); break;
        case OpPresentation::Phase::WorkerBusy:
            l.icon = OpLine::Icon::Clock;
            l.text = head + QStringLiteral(" · ") + p.label + detail(p.detail);
            break;
        case OpPresentation::Phase::Stalled: // docs/gui.md#stalled: "Stalled · NN % · no progress for 1 min 15 s"
            l.icon = OpLine::Icon::Pause;
            l.stalled = true;
            l.text = head + QStringLiteral(" · ") + p.label + QStringLiteral(" · ") + p.detail;
            break;
        default:
            // The headline's verb says "Installing" / "Upgrading"; a delete says its state word too.
            l.text = (op.kind == OpKind::Delete ? head + QStringLiteral(" · ") + p.label : head) + detail(p.detail);
            break;
        }
        if (op.kind == OpKind::Delete && l.icon == OpLine::Icon::Spinner)
            l.icon = OpLine::Icon::Trash;
        l.warning = p.tone == Tone::Warning;
        l.progress = p.percent.value_or(-1);
        if (op.cancellable)
            l.buttons = {OpButton::Cancel};
    }
    if (!op.nodes.isEmpty())
        l.nodesLabel = OpsModel::tr("%n node(s)", nullptr, int(op.nodes.size()));
    return l;
}

NodeLine nodeLine(const Operation &op, const NodeProgress &n, qint64 nowMs, qint64 stalledMs, bool live)
{
    NodeLine l;
    l.node = n.nodeName;
    const NodeRowPresentation r = presentNodeRow(op, n, nowMs, stalledMs, live);
    l.label = r.word;
    l.tone = r.tone;
    l.file = n.fileName;
    l.bytes = bytesOf(n.currentBytes, n.totalBytes);
    l.percentage = n.percentage;
    l.bar = n.percentage > 0 && n.percentage < 100;
    if (n.status == NodeRowStatus::Error) {
        l.fullError = n.error ? reasonText(n.errorCode, *n.error) : reasonText(n.messageCode, n.message);
        l.error = l.fullError.size() > 120 ? l.fullError.left(119) + QChar(0x2026) : l.fullError;
        l.retry = true;
    } else if (n.status == NodeRowStatus::RunningOnWorker) {
        l.error = l.fullError = workerBusyText(op.kind);
    }
    // The engine's words ("cancelled before contact", "superseded by op …", "worker still busy;
    // reconciler will confirm") only as details.
    l.details = nodeDetails(n);
    return l;
}

QString opAccessibleText(const Operation &op, const OpLine &line)
{
    QString s = line.text;
    if (line.progress > 0)
        s += QStringLiteral(", ") + percentText(line.progress);
    if (!op.nodes.isEmpty())
        s += QStringLiteral(", ") + line.nodesLabel;
    return s;
}

OpsModel::OpsModel(QObject *parent) : QAbstractItemModel(parent) {}

QModelIndex OpsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_entries.size() ? createIndex(row, 0, kTop) : QModelIndex();
    if (parent.internalId() != kTop || parent.row() >= m_entries.size())
        return {};
    return row < m_entries.at(parent.row()).nodes.size() ? createIndex(row, 0, quintptr(parent.row())) : QModelIndex();
}

QModelIndex OpsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTop)
        return {};
    return createIndex(int(child.internalId()), 0, kTop);
}

int OpsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_entries.size());
    if (parent.internalId() == kTop && parent.column() == 0)
        return int(m_entries.at(parent.row()).nodes.size());
    return 0;
}

int OpsModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant OpsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool isNode = index.internalId() != kTop;
    const Entry &e = m_entries.at(isNode ? int(index.internalId()) : index.row());
    if (isNode) {
        const NodeLine &n = e.nodes.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            return QStringLiteral("%1: %2%3%4").arg(n.node, n.label, n.percentage > 0 ? QStringLiteral(", ") + percentText(n.percentage) : QString(),
                                                    n.fullError.isEmpty() ? QString() : QStringLiteral(", ") + n.fullError);
        case Qt::ToolTipRole: // below the row's whole text (which holds the whole error): only what it lacks
            return n.details.isEmpty() || n.details == n.fullError ? QVariant() : QVariant(n.details);
        case DetailsRole: return n.details;
        case IsNodeRole: return true;
        case NodeLineRole: return QVariant::fromValue(n);
        case OpIdRole: return e.op.id;
        case NodeIdRole: return e.op.nodes.at(index.row()).nodeId;
        default: return {};
        }
    }
    switch (role) {
    case Qt::DisplayRole: return e.line.text;
    case Qt::AccessibleTextRole: return opAccessibleText(e.op, e.line);
    case Qt::ToolTipRole: return opDetails(e.op);
    case DetailsRole: return opDetails(e.op, true);
    case OpIdRole: return e.op.id;
    case IsNodeRole: return false;
    case OpLineRole: return QVariant::fromValue(e.line);
    case CancelBusyRole: return e.cancelBusy;
    case InlineErrorRole: return e.inlineError;
    case HighlightRole: return e.op.id == m_highlighted;
    default: return {};
    }
}

OpsModel::Entry OpsModel::makeEntry(const Operation &op) const
{
    Entry e;
    e.op = op;
    const QString target = op.targetNodeId ? m_nodeNames.value(*op.targetNodeId) : QString();
    e.line = opLine(op, m_nowMs, m_stalledMs, m_live, target);
    for (const NodeProgress &n : op.nodes)
        e.nodes.append(nodeLine(op, n, m_nowMs, m_stalledMs, m_live));
    // Only a running op's lines depend on the clock, through the stall of the op or of a row.
    if (op.state == OpState::Running && m_live) {
        qint64 since = op.progressAt;
        for (const NodeProgress &n : op.nodes)
            if (n.updatedAt > 0)
                since = std::min(since, n.updatedAt);
        e.timeDueMs = since + m_stalledMs;
    }
    return e;
}

int OpsModel::rowOf(const QString &opId) const
{
    return m_rowById.value(opId, -1);
}

void OpsModel::reindex()
{
    m_rowById.clear();
    m_rowById.reserve(m_entries.size());
    for (int i = 0; i < m_entries.size(); ++i)
        m_rowById.insert(m_entries.at(i).op.id, i);
}

bool OpsModel::sameOp(const Operation &a, const Operation &b)
{
    return a.state == b.state && a.progress == b.progress && a.message == b.message && a.error == b.error
           && a.fileName == b.fileName && a.currentBytes == b.currentBytes && a.totalBytes == b.totalBytes
           && a.cancellable == b.cancellable && a.updatedAt == b.updatedAt && a.progressAt == b.progressAt
           && a.nodes == b.nodes;
}

void OpsModel::updateEntry(int row, Entry next)
{
    Entry &cur = m_entries[row];
    next.cancelBusy = cur.cancelBusy && !next.op.processed();
    const QModelIndex parentIdx = index(row, 0);
    const int oldN = int(cur.nodes.size()), newN = int(next.nodes.size());
    // The node lines both have, compared in place (no copies: hundreds of rows a frame).
    const int kept = std::min(oldN, newN);
    bool nodeLinesChanged = false;
    for (int i = 0; i < kept && !nodeLinesChanged; ++i)
        nodeLinesChanged = cur.nodes.at(i) != next.nodes.at(i);
    if (newN < oldN) {
        beginRemoveRows(parentIdx, newN, oldN - 1);
        cur.nodes.resize(newN);
        endRemoveRows();
    }
    if (newN > oldN) {
        beginInsertRows(parentIdx, oldN, newN - 1);
        cur.nodes = next.nodes;
        endInsertRows();
    }
    cur.op = std::move(next.op);
    cur.line = std::move(next.line);
    cur.nodes = std::move(next.nodes);
    cur.cancelBusy = next.cancelBusy;
    cur.timeDueMs = next.timeDueMs;
    // The row itself is announced by the caller, with the other rows of the same list, in one
    // range: a tree view looks each announced row up by a linear search.
    if (nodeLinesChanged)
        Q_EMIT dataChanged(index(0, 0, parentIdx), index(kept - 1, 0, parentIdx));
}

void OpsModel::setOps(const QList<Operation> &ops, qint64 nowMs, qint64 stalledMs, bool live,
                      const QHash<QString, QString> &nodeNames)
{
    // Lines depend on time only through "stalled" and its age: on a new second, recompute the
    // entries whose time is due (Entry::timeDueMs); every line when the stall time, the
    // connection or the node names changed; else only the ops that changed.
    const bool everyLine = live != m_live || stalledMs != m_stalledMs || nodeNames != m_nodeNames;
    const bool newSecond = nowMs / 1000 != m_nowMs / 1000;
    m_nowMs = nowMs;
    m_stalledMs = stalledMs;
    m_live = live;
    m_nodeNames = nodeNames;
    QSet<QString> wanted;
    wanted.reserve(ops.size());
    for (const Operation &op : ops)
        wanted.insert(op.id);
    // Rows no longer listed go in runs, from the bottom; the index is rebuilt once.
    bool removedAny = false;
    for (int i = int(m_entries.size()) - 1; i >= 0;) {
        if (wanted.contains(m_entries.at(i).op.id)) {
            --i;
            continue;
        }
        const int last = i;
        while (i >= 0 && !wanted.contains(m_entries.at(i).op.id))
            --i;
        beginRemoveRows({}, i + 1, last);
        m_entries.remove(i + 1, last - i);
        endRemoveRows();
        removedAny = true;
    }
    if (removedAny)
        reindex();
    // The list is ordered by (created_at, id): walk it, updating rows in place and inserting
    // each run of new ops where it belongs, at once (5,000 ops on first load: one insertion).
    // Updated rows are announced as one range before each insertion and at the end.
    int changedFrom = -1, changedTo = -1;
    auto announce = [&] {
        if (changedFrom >= 0)
            Q_EMIT dataChanged(index(changedFrom, 0), index(changedTo, 0));
        changedFrom = changedTo = -1;
    };
    for (int i = 0; i < ops.size();) {
        const Operation &op = ops.at(i);
        const int at = rowOf(op.id);
        if (at == i) {
            const Entry &cur = m_entries.at(i);
            if (everyLine || (newSecond && cur.timeDueMs <= nowMs) || !sameOp(cur.op, op)) {
                updateEntry(i, makeEntry(op));
                changedFrom = changedFrom < 0 ? i : changedFrom;
                changedTo = i;
            }
            ++i;
            continue;
        }
        announce();
        int end = i + 1;
        if (at >= 0) { // moved (rare: a re-seed reorders): remove and re-insert
            beginRemoveRows({}, at, at);
            m_entries.removeAt(at);
            endRemoveRows();
        } else {
            while (end < ops.size() && rowOf(ops.at(end).id) < 0)
                ++end;
        }
        QList<Entry> run;
        run.reserve(end - i);
        for (int k = i; k < end; ++k)
            run.append(makeEntry(ops.at(k)));
        const int pos = std::min<int>(i, int(m_entries.size()));
        beginInsertRows({}, pos, pos + int(run.size()) - 1);
        m_entries = m_entries.mid(0, pos) + run + m_entries.mid(pos);
        reindex();
        endInsertRows();
        i = end;
    }
    announce();
}

void OpsModel::setSnapshot(const ClusterSnapshot &s, qint64 nowMs, qint64 stalledMs, bool live,
                           const QHash<QString, QString> &nodeNames)
{
    const OpsChange &c = s.opsChange;
    const bool seen = c.seq == m_opsSeq && m_opsSeq != 0;
    const bool inPlace = seen || (c.follows(m_opsSeq) && !c.joinedOrLeft);
    const bool everyLine = live != m_live || stalledMs != m_stalledMs || nodeNames != m_nodeNames;
    m_opsSeq = c.seq;
    if (!inPlace || everyLine || m_entries.size() != s.ops.size()) {
        setOps(s.ops, nowMs, stalledMs, live, nodeNames);
        return;
    }
    m_nodeNames = nodeNames; // equal: now shared, so the next comparison is one of pointers
    const bool newSecond = nowMs / 1000 != m_nowMs / 1000;
    m_nowMs = nowMs;
    QSet<QString> ids = seen ? QSet<QString>() : c.changed;
    if (newSecond)
        for (const Entry &e : std::as_const(m_entries))
            if (e.timeDueMs <= nowMs)
                ids.insert(e.op.id);
    int from = -1, to = -1;
    for (const QString &id : std::as_const(ids)) {
        const int row = rowOf(id);
        const Operation *op = s.findOp(id);
        if (row < 0 || !op) { // not where the delta says: look at the whole list
            setOps(s.ops, nowMs, stalledMs, live, nodeNames);
            return;
        }
        if (!c.changed.contains(id) && sameOp(m_entries.at(row).op, *op) && m_entries.at(row).timeDueMs > nowMs)
            continue;
        updateEntry(row, makeEntry(*op));
        from = from < 0 ? row : std::min(from, row);
        to = std::max(to, row);
    }
    // One range: a tree view looks each announced range up by a linear search.
    if (from >= 0)
        Q_EMIT dataChanged(index(from, 0), index(to, 0));
}

void OpsModel::setCancelBusy(const QString &opId, bool busy)
{
    const int row = rowOf(opId);
    if (row < 0)
        return;
    m_entries[row].cancelBusy = busy;
    if (busy)
        m_entries[row].inlineError.clear();
    Q_EMIT dataChanged(index(row, 0), index(row, 0));
}

void OpsModel::setInlineError(const QString &opId, const QString &error)
{
    const int row = rowOf(opId);
    if (row < 0)
        return;
    m_entries[row].inlineError = error;
    Q_EMIT dataChanged(index(row, 0), index(row, 0));
}

void OpsModel::setHighlighted(const QString &opId)
{
    const int old = rowOf(m_highlighted);
    m_highlighted = opId;
    if (old >= 0)
        Q_EMIT dataChanged(index(old, 0), index(old, 0));
    const int row = rowOf(opId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, 0));
}

QModelIndex OpsModel::indexOf(const QString &opId) const
{
    const int row = rowOf(opId);
    return row < 0 ? QModelIndex() : index(row, 0);
}

const Operation *OpsModel::op(const QString &opId) const
{
    const int row = rowOf(opId);
    return row < 0 ? nullptr : &m_entries.at(row).op;
}

bool OpsModel::anySpinning() const
{
    for (const Entry &e : m_entries)
        if (e.line.icon == OpLine::Icon::Spinner)
            return true;
    return false;
}

} // namespace fleetdeck::ui
