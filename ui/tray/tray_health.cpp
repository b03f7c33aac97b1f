#include "tray/tray_health.h"

#include "presentation/op_presentation.h"

namespace fleetdeck::ui {

TrayHealth TrayHealth::compute(const QList<Operation> &ops, const QList<Node> &nodes)
{
    TrayHealth h;
    bool nodeTrouble = false;
    for (const Node &n : nodes) {
        if (n.status == NodeStatus::Pending)
            continue;
        ++h.approvedNodes;
        h.healthyNodes += n.status == NodeStatus::Healthy ? 1 : 0;
        nodeTrouble = nodeTrouble || n.status == NodeStatus::Unhealthy || n.status == NodeStatus::Offline;
    }
    bool onWorker = false;
    for (const Operation &op : ops) {
        // The op's state as every other view words it; the tray's level does not follow stalls.
        const OpPresentation p = presentOp(op, 0, 0, false);
        if (p.phase == OpPresentation::Phase::Failed && !op.dismissedAt)
            ++h.failedOps;
        else if (p.active)
            ++h.runningOps;
        onWorker = onWorker || p.phase == OpPresentation::Phase::WorkerBusy;
    }
    if (h.failedOps > 0)
        h.level = Level::Error;
    else if (nodeTrouble || onWorker)
        h.level = Level::Warning;
    return h;
}

Tone TrayHealth::toneOf(Level level)
{
    switch (level) {
    case Level::Ok: return Tone::Ok;
    case Level::Warning: return Tone::Warning;
    case Level::Error: break;
    }
    return Tone::Error;
}

QString TrayHealth::toolTip() const
{
    QStringList parts;
    if (approvedNodes == 0)
        parts.append(tr("no nodes"));
    else
        parts.append(tr("%1/%n node(s) healthy", nullptr, approvedNodes).arg(healthyNodes));
    if (runningOps > 0)
        parts.append(tr("%n operation(s) running", nullptr, runningOps));
    if (failedOps > 0)
        parts.append(tr("%n failed", nullptr, failedOps));
    return tr("Fleetdeck — %1").arg(parts.join(QStringLiteral(", ")));
}

} // namespace fleetdeck::ui
