#pragma once
// The gallery as cards (docs/gui.md#backend-cards): one row per gallery entry, joined with the
// latest upgrades result (installed version, update, drift, node count) and the ops list (card
// state). Updated by diff: a snapshot that changes one card emits dataChanged for that row only.
#include "bridge/snapshot.h"
#include "cluster/upgrade_detection.h"
#include "core/node.h"
#include "gallery/gallery_index.h"
#include "models/card_state.h"

#include <QAbstractListModel>
#include <optional>

namespace fleetdeck::ui {

struct BackendRow {
    GalleryEntry entry;
    bool installed = false;
    QString installedVersion;
    QString availableVersion;
    bool updateAvailable = false;
    int driftCount = 0;
    QStringList driftDetails;  // "jetson-orin b4050"
    int nodeCount = 0;         // nodes reporting it
    int totalNodes = 0;        // approved nodes (not pending)
    bool isSystem = false;
    CardState state;

    bool operator==(const BackendRow &o) const;
};

class BackendsModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        RowRole,            // BackendRow (QVariant)
        InstalledRole,
        UpdateAvailableRole,
        DevelopmentRole,
        TagsRole,
        BusyRole,
        StateTextRole,
        ProgressRole,
        OpIdRole,
    };
    explicit BackendsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setGallery(const QList<GalleryEntry> &entries);
    void setUpgrades(const std::optional<UpgradesResult> &result);
    void setNodes(const QList<Node> &nodes);
    // The card states depend on the ops, the clock (stalled) and the connection
    // (docs/gui.md#connection-indicator-and-re-seed).
    void setOps(const QList<Operation> &ops, qint64 nowMs, qint64 stalledMs, bool live);
    // The same from the snapshot: after a delta that follows the last one seen, only the cards of
    // the backends whose ops changed are recomputed, and on a new second the cards whose stall
    // begins or goes on.
    void setSnapshot(const ClusterSnapshot &s, qint64 nowMs, qint64 stalledMs, bool live);

    const BackendRow *row(const QString &name) const;
    const BackendRow &rowAt(int row) const { return m_rows.at(row); }
    bool anyBusy() const;
    QStringList allTags() const;
    QString accessibleText(const BackendRow &r) const;

private:
    void rebuild();                  // gallery changed: rows inserted/removed by name
    void refresh();                  // recompute every row, emit dataChanged where it differs
    void refresh(const QSet<QString> &backends);
    bool refreshRow(int row); // true when the row changed
    void announce(QList<int> rows);
    void noteDue(const QString &backend);
    void dropOp(const QString &opId, QSet<QString> *touched);
    void keepOp(const Operation &op); // in list order, when it can spin a card
    bool replaceOp(const Operation &op); // in place, when kept under the same backend and place
    BackendRow compute(const GalleryEntry &e) const;

    QList<GalleryEntry> m_gallery;
    std::optional<UpgradesResult> m_upgrades;
    QHash<QString, BackendUpgrade> m_upgradeByName;
    QList<Node> m_nodes;
    QHash<QString, QString> m_nodeNames;
    QHash<QString, QList<Operation>> m_opsByBackend; // only ops that can spin a card, in list order
    QHash<QString, QString> m_backendOf;             // op id → its key in m_opsByBackend
    quint64 m_opsSeq = 0;                            // the snapshot delta shown (OpsChange::seq)
    int m_totalNodes = 0;
    qint64 m_nowMs = 0;
    qint64 m_stalledMs = 60'000;
    bool m_live = true;
    QList<BackendRow> m_rows;
    QHash<QString, int> m_rowOf;        // entry name → row
    QHash<QString, qint64> m_cardDueMs; // backend → when the clock alone next changes its card
};

} // namespace fleetdeck::ui

Q_DECLARE_METATYPE(fleetdeck::ui::BackendRow)
