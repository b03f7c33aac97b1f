#include "tray/notification_digest.h"

namespace fleetdeck::ui {

namespace {
// The ids of failed ops are kept beyond the list only up to this many (the list itself is short).
constexpr qsizetype kMaxFailedSeen = 4096;
} // namespace

QString Notification::text() const
{
    QString list = items.mid(0, kMaxItems).join(QStringLiteral("; "));
    const int more = int(items.size()) - kMaxItems;
    if (more > 0)
        list = NotificationDigest::tr("%1; and %n more", nullptr, more).arg(list);
    return list.isEmpty() ? summary : NotificationDigest::tr("%1: %2").arg(summary, list);
}

QString NotificationDigest::opItem(const Operation &op)
{
    QStringList failedOn;
    for (const NodeProgress &n : op.nodes)
        if (n.status == NodeRowStatus::Error && !n.nodeName.isEmpty())
            failedOn.append(n.nodeName);
    if (failedOn.isEmpty())
        return op.backend;
    return tr("%1 on %2").arg(op.backend, failedOn.join(QStringLiteral(", ")));
}

std::optional<Notification> NotificationDigest::feed(const QList<Operation> &ops, const QList<Node> &nodes,
                                                     qint64 nowMs, bool suppress)
{
    const bool baseline = !m_started;
    if (baseline) {
        m_started = true;
        m_baselineMs = nowMs;
    }

    QHash<QString, Operation> nextOps;
    nextOps.reserve(ops.size());
    for (const Operation &op : ops) {
        nextOps.insert(op.id, op);
        if (op.state != OpState::Failed || op.dismissedAt || m_failedSeen.contains(op.id))
            continue;
        m_failedSeen.insert(op.id);
        // Seen before in another state: it turned failed now. Never seen: only if it failed since we watch.
        const bool fresh = m_ops.contains(op.id) || op.finishedAt.value_or(nowMs) >= m_baselineMs;
        if (!baseline && !suppress && fresh)
            m_pendingOps.append(op.id);
    }
    if (m_failedSeen.size() > kMaxFailedSeen) {
        QSet<QString> kept;
        for (const Operation &op : ops)
            if (m_failedSeen.contains(op.id))
                kept.insert(op.id);
        m_failedSeen = std::move(kept);
    }
    m_ops = std::move(nextOps);

    QHash<QString, Node> nextNodes;
    nextNodes.reserve(nodes.size());
    for (const Node &n : nodes) {
        nextNodes.insert(n.id, n);
        const auto before = m_nodes.constFind(n.id);
        const bool wentOffline = before != m_nodes.cend() && before->status != NodeStatus::Offline
                                 && n.status == NodeStatus::Offline;
        if (wentOffline && !suppress && !m_pendingNodes.contains(n.id))
            m_pendingNodes.append(n.id);
    }
    m_nodes = std::move(nextNodes);

    return flush(nowMs, suppress);
}

std::optional<Notification> NotificationDigest::flush(qint64 nowMs, bool suppress)
{
    if (suppress) {
        dropPending();
        return std::nullopt;
    }
    if (!hasPending() || (m_lastDeliveredMs && nowMs - *m_lastDeliveredMs < m_windowMs))
        return std::nullopt;
    return deliver(nowMs);
}

void NotificationDigest::dropPending()
{
    m_pendingOps.clear();
    m_pendingNodes.clear();
}

std::optional<qint64> NotificationDigest::dueAtMs() const
{
    if (!hasPending())
        return std::nullopt;
    return m_lastDeliveredMs ? *m_lastDeliveredMs + m_windowMs : m_baselineMs;
}

std::optional<Notification> NotificationDigest::deliver(qint64 nowMs)
{
    Notification n;
    QStringList nodeItems;
    for (const QString &id : std::as_const(m_pendingOps)) {
        const auto op = m_ops.constFind(id);
        if (op == m_ops.cend() || op->state != OpState::Failed || op->dismissedAt)
            continue; // dismissed or retried meanwhile: the admin has dealt with it
        ++n.failedOps;
        n.items.append(opItem(*op));
    }
    for (const QString &id : std::as_const(m_pendingNodes)) {
        const auto node = m_nodes.constFind(id);
        if (node == m_nodes.cend() || node->status != NodeStatus::Offline)
            continue; // back (or deleted) before we could tell
        ++n.offlineNodes;
        nodeItems.append(node->name);
    }
    dropPending();
    if (n.failedOps == 0 && n.offlineNodes == 0)
        return std::nullopt;

    n.items.append(nodeItems);
    const QString ops = tr("%n operation(s) failed", nullptr, n.failedOps);
    const QString offline = tr("%n node(s) offline", nullptr, n.offlineNodes);
    if (n.failedOps > 0 && n.offlineNodes > 0)
        n.summary = tr("%1, %2").arg(ops, offline);
    else
        n.summary = n.failedOps > 0 ? ops : offline;
    m_lastDeliveredMs = nowMs;
    return n;
}

} // namespace fleetdeck::ui
