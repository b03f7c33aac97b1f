#pragma once
// The Manage table (docs/gui.md#manage): one row per backend of the latest upgrades result, diffed
// by name, with the state of the backend's active op (from the ops list read) in the first column.
#include "bridge/snapshot.h"
#include "cluster/upgrade_detection.h"
#include "core/operation.h"
#include "models/table_roles.h"

#include <QAbstractTableModel>
#include <QHash>
#include <optional>

namespace fleetdeck::ui {

class ManageModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { StateColumn, NameColumn, VersionColumn, NodesColumn, InstalledColumn, ActionsColumn, ColumnCount };
    enum Role {
        BackendNameRole = TableRole::User,
        UpgradeAvailableRole, // bool
        IsSystemRole,         // bool
        BusyRole,             // bool: an active op without error runs for the backend
        DriftCountRole,       // int
    };
    // What the state column shows for an op (the wording of docs/gui.md#backend-cards).
    struct OpView {
        QString text, shape, toolTip;
        Tone tone = Tone::Info;
        bool operator==(const OpView &) const = default;
    };
    static std::optional<OpView> opView(const Operation &op, qint64 nowMs, qint64 stalledMs);

    explicit ManageModel(QObject *parent = nullptr);

    void setUpgrades(const std::optional<UpgradesResult> &result, qint64 nowMs);
    // stalledMs 0: no stall is computed (connection not live,
    // docs/gui.md#connection-indicator-and-re-seed).
    void setOps(const QList<Operation> &ops, qint64 nowMs, qint64 stalledMs);
    // The same from the snapshot: after a delta that follows the last one seen, only the backends
    // of the ops it changed are looked at, and on a new second those whose state the clock
    // changes (a stall that begins or goes on).
    void setSnapshot(const ClusterSnapshot &s, qint64 nowMs, qint64 stalledMs);
    void setNow(qint64 nowMs);
    void setActionsEnabled(bool enabled, const QString &reason);

    qint64 checkedAt() const { return m_checkedAt; }
    bool hasResult() const { return m_hasResult; }
    const BackendUpgrade *backendAt(int row) const;
    const BackendUpgrade *backend(const QString &name) const;
    int upgradableCount() const;
    QStringList upgradableNames() const;
    std::optional<OpView> stateOf(const QString &backend) const { return m_opViews.value(backend); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant cell(const BackendUpgrade &b, int column, int role) const;
    QVariantList actionsOf(const BackendUpgrade &b) const;
    void emitColumns(int first, int last);

    QList<BackendUpgrade> m_rows;
    QHash<QString, int> m_rowOf;
    QHash<QString, OpView> m_opViews;     // of the rows' backends
    QHash<QString, Operation> m_speakers; // backend → its oldest active op without error
    QHash<QString, QString> m_backendOfOp; // every listed op → its backend
    QHash<QString, QStringList> m_opsOf;   // backend → its listed ops, in list order
    // backend → when the clock alone next changes its view (a stall begins; a stalled one's age)
    QHash<QString, qint64> m_viewDueMs;
    quint64 m_opsSeq = 0;                  // the snapshot delta shown (OpsChange::seq)
    qint64 m_opsStalledMs = 0;
    // Finds every backend's speaker in `ops`, then as updateViews().
    void applyOpViews(const QList<Operation> &ops, qint64 stalledMs);
    // The same for `backends` only, their ops found through m_opsOf in the snapshot.
    void applyOpViews(const ClusterSnapshot &s, qint64 stalledMs, const QSet<QString> &backends);
    // Words the views of `backends` that have a row from their speakers and announces the rows
    // whose view changed.
    void updateViews(const QSet<QString> &backends);
    qint64 viewDue(const Operation &op, qint64 stalledMs) const;
    qint64 m_now = 0;
    qint64 m_checkedAt = 0;
    bool m_hasResult = false;
    bool m_actionsEnabled = true;
    QString m_disabledReason;
};

} // namespace fleetdeck::ui
