#pragma once
// What the fan-out, the cluster listing, the reconciler and probes tell the node registry about a
// node's control channel (docs/nodes.md#statuses): "no responders" on a command makes a healthy or
// unhealthy node `unhealthy` ("no responders on <subject>"); any answered request clears
// `unhealthy`. The registry (NodeRegistry) owns every node status transition.
#include <QString>

namespace fleetdeck {

class NodeEvents {
public:
    virtual ~NodeEvents() = default;
    virtual void noResponders(const QString &nodeId, const QString &subject) = 0;
    virtual void answered(const QString &nodeId) = 0;
};

} // namespace fleetdeck
