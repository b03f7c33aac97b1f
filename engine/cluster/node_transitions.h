#pragma once
// The node status rules of docs/nodes.md#statuses as pure functions: the one place they live.
// NodeRegistry and HealthMonitor only read and write rows and publish; what a node becomes is
// decided here.
#include "core/node.h"
#include "core/units.h"

#include <QLatin1String>
#include <QString>
#include <optional>

namespace fleetdeck::nodes {

// Status reasons written by the rules (docs/reason-codes.md): drained_by_admin,
// worker_shutting_down, worker_stopped, heartbeat_stale, no_responders_on. A row written before
// codes has the English text alone; isReason() reads either.
bool isReason(const Node &n, const char *code);

enum class NodeEvent {
    Reregister,        // nodes.register of an existing name
    Approve,           // admin
    Drain,             // admin
    Resume,            // admin
    HeartbeatRunning,  // state "running"
    HeartbeatDraining, // state "draining"
    HeartbeatStopped,  // state "stopped"
    MonitorTick,       // health monitor, with the heartbeat age
    NoResponders,      // "no responders" on a command or a probe
    Answered,          // a probe or any other request answered
};

QString toString(NodeEvent e);

struct EventInput {
    NodeEvent event = NodeEvent::MonitorTick;
    bool autoApprove = false;       // Reregister
    qint64 heartbeatAgeMs = 0;      // MonitorTick; Resume (refusal text)
    qint64 staleMs = 60'000;        // MonitorTick: health/stale_s
    bool offlineSuppressed = false; // MonitorTick: no node goes offline after a store outage (docs/architecture.md#outages)
    QString subject;                // NoResponders
};

struct Transition {
    NodeStatus status = NodeStatus::Pending;
    Reason reason;                // the status reason (none: empty)
    std::optional<Reason> error;  // the admin action is refused, nothing changes
    bool changed = false;         // status or reason differs from the node's
};

// Status of a newly registered name.
NodeStatus initialStatus(bool autoApprove);

// What `node` becomes on `in` (docs/nodes.md#statuses). Unknown or unchanged cases return the
// node's own status and reason with changed == false.
Transition apply(const Node &node, const EventInput &in);

// docs/nodes.md#health-monitor: an `unhealthy` node with a fresh heartbeat gets a backend.list
// probe.
bool wantsProbe(const Node &node, qint64 heartbeatAgeMs, qint64 staleMs);

// "12 s", "10 min", "2 h", "3 d" (refusal texts, logs).
using fleetdeck::formatAge;

} // namespace fleetdeck::nodes
