#include "cluster/node_transitions.h"

namespace fleetdeck::nodes {
namespace {

bool adminDrained(const Node &n)
{
    return n.status == NodeStatus::Draining && isReason(n, "drained_by_admin");
}

Transition unchanged(const Node &n)
{
    return Transition{n.status, codedOrPlain(n.statusReasonCode, n.statusReason), std::nullopt, false};
}

Transition refused(const Node &n, const Reason &error)
{
    Transition t = unchanged(n);
    t.error = error;
    return t;
}

Transition to(const Node &n, NodeStatus status, const Reason &reason = {})
{
    return Transition{status, reason, std::nullopt, status != n.status || englishText(reason) != n.statusReason};
}

Transition to(const Node &n, NodeStatus status, const char *reasonCode)
{
    return to(n, status, Reason::make(reasonCode));
}

Reason nodeArg(const char *code, const Node &n)
{
    return Reason::make(code, {{"node", n.name}});
}

Transition monitor(const Node &n, const EventInput &in)
{
    const bool stale = in.heartbeatAgeMs > in.staleMs;
    switch (n.status) {
    case NodeStatus::Pending: // D11: stays pending at any age
        return unchanged(n);
    case NodeStatus::Healthy:
    case NodeStatus::Unhealthy: // D12: a fresh heartbeat alone does not clear unhealthy
        return stale && !in.offlineSuppressed ? to(n, NodeStatus::Offline, "heartbeat_stale") : unchanged(n);
    case NodeStatus::Draining:
        if (adminDrained(n))
            return unchanged(n); // skipped
        return stale && !in.offlineSuppressed ? to(n, NodeStatus::Offline, "heartbeat_stale") : unchanged(n);
    case NodeStatus::Offline:
        // A stopped worker returns only by re-registering.
        if (isReason(n, "worker_stopped") || stale)
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
        return refused(n, Reason::make("node_offline", {{"node", n.name}, {"heartbeat_age_ms", in.heartbeatAgeMs}}));
    case NodeStatus::Pending:
        return refused(n, nodeArg("node_pending_resume", n));
    }
    return unchanged(n);
}

} // namespace

bool isReason(const Node &n, const char *code)
{
    if (n.statusReasonCode.hasCode())
        return n.statusReasonCode.code == QLatin1String(code);
    return n.statusReason == englishText(Reason::make(code)); // a row written before codes
}

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
            return refused(n, nodeArg("node_not_pending", n));
        return to(n, NodeStatus::Healthy);
    case NodeEvent::Drain:
        if (n.status == NodeStatus::Pending)
            return refused(n, nodeArg("node_pending_approval", n));
        return to(n, NodeStatus::Draining, "drained_by_admin");
    case NodeEvent::Resume:
        return resume(n, in);
    case NodeEvent::HeartbeatRunning:
        return unchanged(n); // refreshes last_heartbeat and resources only
    case NodeEvent::HeartbeatDraining:
        if (n.status == NodeStatus::Healthy || n.status == NodeStatus::Unhealthy || n.status == NodeStatus::Offline)
            return to(n, NodeStatus::Draining, "worker_shutting_down");
        return unchanged(n);
    case NodeEvent::HeartbeatStopped:
        if (n.status == NodeStatus::Pending || adminDrained(n))
            return unchanged(n); // D11 / admin intent kept
        return to(n, NodeStatus::Offline, "worker_stopped");
    case NodeEvent::MonitorTick:
        return monitor(n, in);
    case NodeEvent::NoResponders:
        // An unhealthy node keeps the reason it first failed with.
        if (n.status == NodeStatus::Healthy)
            return to(n, NodeStatus::Unhealthy, Reason::make("no_responders_on", {{"subject", in.subject}}));
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

} // namespace fleetdeck::nodes
