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
#include "ops/op_list.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <optional>

namespace fleetdeck {

// What the last ops delta changed, for views that keep something per op (docs/gui.md#data-flow):
// they look at these ops only, or at every op when `whole`.
struct OpsChange {
    bool whole = true;       // the list was replaced (first read, preview, re-seed)
    QSet<QString> changed;   // listed ops that changed or joined
    QSet<QString> removed;   // ops that left the list
    bool joinedOrLeft = true; // an op joined, left or moved in the order (always when whole)
    quint64 seq = 0;         // counts the deltas applied: a view that saw seq - 1 may use this one,
                             // one that missed a delta looks at every op
    bool follows(quint64 seenSeq) const { return !whole && seq == seenSeq + 1; }
};

struct ClusterSnapshot {
    QList<Operation> ops;                  // the list read (docs/operations.md#operations-list), ordered by (created_at, id)
    OpsChange opsChange;                   // what the last delta changed in `ops`
    QList<Node> nodes;                     // name order
    QList<HistoryEntry> history;           // newest first
    std::optional<UpgradesResult> upgrades;
    QList<GalleryEntry> gallery;           // first gallery listing a name wins (docs/architecture.md#terms)
    ClusterSettings settings;
    std::optional<ReconcileReport> lastReport;
    qint64 lastReportReceivedMs = 0;
    ConnectionStatus connection = ConnectionStatus::beforeStart(); // never Live before it is (docs/gui.md#connection-indicator-and-re-seed)
    qint64 opsAtMs = 0;                    // engine clock when `ops` was read

    // Applies a list delta to `ops` (kept in list order) and says what it changed in `opsChange`.
    void applyOps(const OpsListDelta &delta);
    // The listed op with this id, or null.
    const Operation *findOp(const QString &opId) const;

private:
    void reindexOps();
    QHash<QString, qsizetype> m_opRow; // op id → index in `ops`, rebuilt when an op joins or leaves
};

// A part is present when it changed since the previous delta. Ops come as a list delta
// (engine/ops/op_list.h): whole, or the changed and removed ops only.
struct SnapshotDelta {
    std::optional<OpsListDelta> ops;
    qint64 opsAtMs = 0;
    std::optional<QList<Node>> nodes;
    std::optional<QList<HistoryEntry>> history;
    std::optional<UpgradesResult> upgrades;
    std::optional<QList<GalleryEntry>> gallery;
    std::optional<ClusterSettings> settings;
    std::optional<ReconcileReport> report;
    std::optional<ConnectionStatus> connection;
    bool reseeded = false;
    QList<Reason> notices; // worded by the window (ui/presentation/reason_text.h)

    bool isEmpty() const
    {
        return !ops && !nodes && !history && !upgrades && !gallery && !settings && !report && !connection && !reseeded
               && notices.isEmpty();
    }
};

} // namespace fleetdeck
