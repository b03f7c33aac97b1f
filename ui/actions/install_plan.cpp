#include "actions/install_plan.h"

#include <QCoreApplication>

namespace fleetdeck::ui {

namespace {
// lupdate takes the context of tr() from the class it is called on (Q_DECLARE_TR_FUNCTIONS's
// argument), not from a free helper: InstallPlanText::tr() puts these strings under "InstallPlan" for both.
struct InstallPlanText
{
    Q_DECLARE_TR_FUNCTIONS(InstallPlan)
};

bool allowed(const GalleryEntry &entry, const Node &n)
{
    return entry.isMeta() || entry.requiresGpuVendor.isEmpty() || entry.requiresGpuVendor.contains(n.gpuVendor());
}

QString vendorOf(const Node &n)
{
    return n.gpuVendor().isEmpty() ? InstallPlanText::tr("unknown vendor") : n.gpuVendor();
}
} // namespace

InstallPlan planInstall(const GalleryEntry &entry, const QList<Node> &nodes)
{
    InstallPlan plan;
    for (const Node &n : nodes) {
        if (n.status == NodeStatus::Pending)
            continue;
        if (!allowed(entry, n)) {
            plan.skipped << QStringLiteral("%1 (%2)").arg(n.name, vendorOf(n));
            continue;
        }
        plan.targets << n.name;
        if (n.status != NodeStatus::Healthy)
            plan.notNow << QStringLiteral("%1 (%2)").arg(n.name, toString(n.status));
    }
    return plan;
}

QString nodeChoiceBlocker(const GalleryEntry &entry, const Node &node)
{
    if (node.status == NodeStatus::Pending)
        return InstallPlanText::tr("pending approval");
    if (node.status == NodeStatus::Draining)
        return InstallPlanText::tr("draining");
    if (!allowed(entry, node))
        return InstallPlanText::tr("requires gpu_vendor %1; node has %2").arg(entry.requiresGpuVendor.join(QStringLiteral(", ")), vendorOf(node));
    return {};
}

QString installConfirmation(const GalleryEntry &entry, const InstallPlan &plan, bool reinstall)
{
    QString text = reinstall ? InstallPlanText::tr("Reinstall %1 on %2?").arg(entry.name, plan.targets.join(QStringLiteral(", ")))
                             : InstallPlanText::tr("Install %1 on %2?").arg(entry.name, plan.targets.join(QStringLiteral(", ")));
    if (!plan.skipped.isEmpty())
        text += QStringLiteral("\n\n") + InstallPlanText::tr("skipped: %1").arg(plan.skipped.join(QStringLiteral(", ")));
    if (!plan.notNow.isEmpty())
        text += QStringLiteral("\n\n")
                + InstallPlanText::tr("Not reachable now, kept pending until they return: %1").arg(plan.notNow.join(QStringLiteral(", ")));
    return text;
}

} // namespace fleetdeck::ui
