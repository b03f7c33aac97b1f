#include "cluster/node_transitions.h"

namespace fleetdeck::nodes {
namespace {

bool adminDrained(const Node &n)
{
    return n.status == NodeStatus::Draining && n.statusReason == kDrainedByAdmin;
}

Transition unchanged(const Node &n)
{
    return Transition{n.status, n.statusReason, {}, false};
}

Transition refused(const Node &n, QString error)
{
    Transition t = unchanged(n);
    t.error = std::move(error);
    return t;
}

Transition to(const Node &n, NodeStatus status, const QString &reason = {})
{
    return Transition{status, reason, {}, status != n.status || reason != n.statusReason};
}

Transition monitor(const Node &n, const EventInput &in)
{
    const bool stale = in.heartbeatAgeMs > in.staleMs;
    switch (n.status) {
    case NodeStatus::Pending: // D11: stays pending at any age
        return unchanged(n);
    case NodeStatus::Healthy:
    case NodeStatus::Unhealthy: // D12: a fresh heartbeat alone does not clear unhealthy
        return stale && !in.offlineSuppressed ? to(n, NodeStatus::Offline, kHeartbeatStale) : unchanged(n);
    case NodeStatus::Draining:
        if (adminDrained(n))
            return unchanged(n); // skipped
        return stale && !in.offlineSuppressed ? to(n, NodeStatus::Offline, kHeartbeatStale) : unchanged(n);
    case NodeStatus::Offline:
        // A stopped worker returns only by re-registering.
        if (n.statusReason == kWorkerStopped || stale)
            return unchanged(n);
        return to(n, NodeStatus::Healthy);
    }
    return unchanged(n);
}

Transition resume(const Node &n, const EventInput &in)
{
    switch (n.status) {
    case NodeStatus::Draining:
    case NodeStatus::Unhealthy:
        return to(n, NodeStatus::Healthy);
    case NodeStatus::Healthy:
        return unchanged(n); // no-op
    case NodeStatus::Offline:
        return refused(n, QStringLiteral("node %1 is offline (last heartbeat %2 ago)").arg(n.name, formatAge(in.heartbeatAgeMs)));
    case NodeStatus::Pending:
        return refused(n, QStringLiteral("node %1 is pending approval; approve it instead").arg(n.name));
    }
    return unchanged(n);
}

} // namespace

QString toString(NodeEvent e)
{
    switch (e) {
    case NodeEvent::Reregister: return QStringLiteral("re-register");
    case NodeEvent::Approve: return QStringLiteral("approve");
    case NodeEvent::Drain: return QStringLiteral("drain");
    case NodeEvent::Resume: return QStringLiteral("resume");
    case NodeEvent::HeartbeatRunning: return QStringLiteral("heartbeat running");
    case NodeEvent::HeartbeatDraining: return QStringLiteral("heartbeat draining");
    case NodeEvent::HeartbeatStopped: return QStringLiteral("heartbeat stopped");
    case NodeEvent::MonitorTick: return QStringLiteral("monitor");
    case NodeEvent::NoResponders: return QStringLiteral("no responders");
    case NodeEvent::Answered: return QStringLiteral("answered");
    }
    return QStringLiteral("unknown");
}

NodeStatus initialStatus(bool autoApprove)
{
    return autoApprove ? NodeStatus::Healthy : NodeStatus::Pending;
}

Transition apply(const Node &n, const EventInput &in)
{
    switch (in.event) {
    case NodeEvent::Reregister:
        if (n.status == NodeStatus::Pending)
            return in.autoApprove ? to(n, NodeStatus::Healthy) : unchanged(n);
        if (adminDrained(n))
            return unchanged(n); // admin intent kept
        return to(n, NodeStatus::Healthy);
    case NodeEvent::Approve:
        if (n.status != NodeStatus::Pending)
            return refused(n, QStringLiteral("node %1 is not pending approval").arg(n.name));
        return to(n, NodeStatus::Healthy);
    case NodeEvent::Drain:
        if (n.status == NodeStatus::Pending)
            return refused(n, QStringLiteral("node %1 is pending approval").arg(n.name));
        return to(n, NodeStatus::Draining, kDrainedByAdmin);
    case NodeEvent::Resume:
        return resume(n, in);
    case NodeEvent::HeartbeatRunning:
        return unchanged(n); // refreshes last_heartbeat and resources only
    case NodeEvent::HeartbeatDraining:
        if (n.status == NodeStatus::Healthy || n.status == NodeStatus::Unhealthy || n.status == NodeStatus::Offline)
            return to(n, NodeStatus::Draining, kWorkerShuttingDown);
        return unchanged(n);
    case NodeEvent::HeartbeatStopped:
        if (n.status == NodeStatus::Pending || adminDrained(n))
            return unchanged(n); // D11 / admin intent kept
        return to(n, NodeStatus::Offline, kWorkerStopped);
    case NodeEvent::MonitorTick:
        return monitor(n, in);
    case NodeEvent::NoResponders:
        // An unhealthy node keeps the reason it first failed with.
        if (n.status == NodeStatus::Healthy)
            return to(n, NodeStatus::Unhealthy, QStringLiteral("no responders on ") + in.subject);
        return unchanged(n);
    case NodeEvent::Answered:
        return n.status == NodeStatus::Unhealthy ? to(n, NodeStatus::Healthy) : unchanged(n);
    }
    return unchanged(n);
}

bool wantsProbe(const Node &node, qint64 heartbeatAgeMs, qint64 staleMs)
{
    return node.status == NodeStatus::Unhealthy && heartbeatAgeMs <= staleMs;
}

QString formatAge(qint64 ms)
{
    const qint64 s = qMax<qint64>(0, ms) / 1000;
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1 min").arg(s / 60);
    if (s < 2 * 86400)
        return QStringLiteral("%1 h").arg(s / 3600);
    return QStringLiteral("%1 d").arg(s / 86400);
}

} // namespace fleetdeck::nodes
