#pragma once
// Who an install reaches (docs/operations.md#target-nodes, docs/gui.md#backend-cards): every
// approved node the entry's `requires` allows; the rest are named in the confirmation ("skipped:
// mac-mini-m4 (apple), cpu-edge-1 (cpu)"). A meta backend reaches every approved node (each gets
// its vendor's concrete backend).
#include "core/node.h"
#include "gallery/gallery_index.h"

#include <QStringList>

namespace fleetdeck::ui {

struct InstallPlan {
    QStringList targets;   // node names
    QStringList skipped;   // "name (vendor)"
    QStringList notNow;    // targets that are offline/draining/unhealthy: "name (offline)"
};

InstallPlan planInstall(const GalleryEntry &entry, const QList<Node> &nodes);
// Whether a node can be chosen in "Install on nodes…" (docs/gui.md#backend-cards): not pending, not
// draining, and allowed by `requires`; otherwise the reason.
QString nodeChoiceBlocker(const GalleryEntry &entry, const Node &node);
QString installConfirmation(const GalleryEntry &entry, const InstallPlan &plan, bool reinstall);

} // namespace fleetdeck::ui
