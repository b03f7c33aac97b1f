#pragma once
// The cluster's health at a glance, for the tray icon (issue #7): one level, drawn as a status dot
// on the app icon, and a tooltip "Fleetdeck — 5/6 nodes healthy, 2 operations running, 1 failed".
// - Error: an undismissed failed op.
// - Warning: an unhealthy or offline node, or an op in running_on_worker.
// - Ok: otherwise, i.e. every approved node healthy (a draining node is the admin's intent, not a
//   fault, and a pending node is not approved yet; neither lowers the level).
// "Nodes" counts approved ones (every status but pending); "running" counts active ops (queued,
// running, running_on_worker), like the operations bar.
#include "core/node.h"
#include "core/operation.h"
#include "theme/theme.h"

#include <QCoreApplication>
#include <QList>

namespace fleetdeck::ui {

struct TrayHealth {
    Q_DECLARE_TR_FUNCTIONS(fleetdeck::ui::TrayHealth)
public:
    enum class Level { Ok, Warning, Error };

    Level level = Level::Ok;
    int healthyNodes = 0;
    int approvedNodes = 0;
    int runningOps = 0;
    int failedOps = 0;

    static TrayHealth compute(const QList<Operation> &ops, const QList<Node> &nodes);
    Tone tone() const { return toneOf(level); }
    static Tone toneOf(Level level);
    QString toolTip() const;
    bool operator==(const TrayHealth &) const = default;
};

} // namespace fleetdeck::ui
