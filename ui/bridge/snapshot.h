#pragma once
// What the GUI knows about the cluster at one moment (docs/gui.md#data-flow): each part is replaced
// whole when the engine thread sends a newer copy, so views never see a half-applied change.
#include "cluster/cluster_listing.h"
#include "cluster/node_registry.h"
#include "cluster/reconcile_report.h"
#include "cluster/upgrade_detection.h"
#include "config/cluster_settings.h"
#include "core/connection_status.h"
#include "core/history_entry.h"
#include "core/node.h"
#include "core/operation.h"
#include "gallery/gallery_index.h"

#include <QList>
#include <optional>

namespace fleetdeck {

struct ClusterSnapshot {
    QList<Operation> ops;                  // the list read (docs/operations.md#operations-list), ordered by (created_at, id)
    QList<Node> nodes;                     // name order
    QList<HistoryEntry> history;           // newest first
    std::optional<UpgradesResult> upgrades;
    QList<GalleryEntry> gallery;           // first gallery listing a name wins (docs/architecture.md#terms)
    ClusterSettings settings;
    std::optional<ReconcileReport> lastReport;
    qint64 lastReportReceivedMs = 0;
    ConnectionStatus connection = ConnectionStatus::beforeStart(); // never Live before it is (docs/gui.md#connection-indicator-and-re-seed)
    qint64 opsAtMs = 0;                    // engine clock when `ops` was read
};

// A part is present when it changed since the previous delta.
struct SnapshotDelta {
    std::optional<QList<Operation>> ops;
    qint64 opsAtMs = 0;
    std::optional<QList<Node>> nodes;
    std::optional<QList<HistoryEntry>> history;
    std::optional<UpgradesResult> upgrades;
    std::optional<QList<GalleryEntry>> gallery;
    std::optional<ClusterSettings> settings;
    std::optional<ReconcileReport> report;
    std::optional<ConnectionStatus> connection;
    bool reseeded = false;
    QStringList notices;

    bool isEmpty() const
    {
        return !ops && !nodes && !history && !upgrades && !gallery && !settings && !report && !connection && !reseeded
               && notices.isEmpty();
    }
};

} // namespace fleetdeck
