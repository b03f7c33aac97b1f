#include "views/install_plan.h"

#include <QCoreApplication>

namespace fleetdeck::ui {

namespace {
QString tr(const char *s, int n = -1)
{
    return QCoreApplication::translate("InstallPlan", s, nullptr, n);
}

bool allowed(const GalleryEntry &entry, const Node &n)
{
    return entry.isMeta() || entry.requiresGpuVendor.isEmpty() || entry.requiresGpuVendor.contains(n.gpuVendor());
}

QString vendorOf(const Node &n)
{
    return n.gpuVendor().isEmpty() ? tr("unknown vendor") : n.gpuVendor();
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
        return tr("pending approval");
    if (node.status == NodeStatus::Draining)
        return tr("draining");
    if (!allowed(entry, node))
        return tr("requires gpu_vendor %1; node has %2").arg(entry.requiresGpuVendor.join(QStringLiteral(", ")), vendorOf(node));
    return {};
}

QString installConfirmation(const GalleryEntry &entry, const InstallPlan &plan, bool reinstall)
{
    QString text = reinstall ? tr("Reinstall %1 on %2?").arg(entry.name, plan.targets.join(QStringLiteral(", ")))
                             : tr("Install %1 on %2?").arg(entry.name, plan.targets.join(QStringLiteral(", ")));
    if (!plan.skipped.isEmpty())
        text += QStringLiteral("\n\n") + tr("skipped: %1").arg(plan.skipped.join(QStringLiteral(", ")));
    if (!plan.notNow.isEmpty())
        text += QStringLiteral("\n\n")
                + tr("Not reachable now, kept pending until they return: %1").arg(plan.notNow.join(QStringLiteral(", ")));
    return text;
}

} // namespace fleetdeck::ui
