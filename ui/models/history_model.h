#pragma once
// The Activity table (docs/gui.md#activity, docs/operations.md#history): History newest first, one
// top-level row per entry, diffed by entry id; child rows are the per-node results (a dead letter:
// its one node).
#include "core/history_entry.h"
#include "models/table_roles.h"

#include "models/two_level_model.h"

#include <QHash>
#include <memory>
#include <vector>

namespace fleetdeck::ui {

class HistoryModel final : public TwoLevelModel {
    Q_OBJECT
public:
    enum Column { OutcomeColumn, TimeColumn, KindColumn, BackendColumn, DurationColumn, RequestedByColumn,
                  NodesColumn, ErrorColumn, ActionsColumn, ColumnCount };
    enum RowKind { EntryRow, NodeResultRow };
    enum Role {
        HistoryIdRole = TableRole::User, // qint64, every row
        OpIdRole,                        // QString ("" for a dead letter without op)
        OutcomeRole,                     // success|failed|cancelled|dead_letter
        BackendRole,
        RetryableRole,                   // bool: Retry is offered (failed, cancelled, dead_letter)
        RetryByHistoryRole,              // bool: Retry goes through retryHistory(id) (dead letters)
        ErrorTextRole,                   // the full error
    };

    explicit HistoryModel(QObject *parent = nullptr);
    ~HistoryModel() override;

    void setHistory(const QList<HistoryEntry> &entries, qint64 nowMs);
    void setNow(qint64 nowMs);
    // Store unreachable: the Retry buttons stay, disabled, with `reason` as their tooltip.
    void setActionsEnabled(bool enabled, const QString &reason);
    const HistoryEntry *entryAt(const QModelIndex &index) const; // any row of the entry's subtree
    int entryCount() const { return int(m_items.size()); }

    static QString outcomeShape(const QString &outcome);
    static QString outcomeText(const QString &outcome);
    static Tone outcomeTone(const QString &outcome);
    static bool isRetryable(const HistoryEntry &e);
    static QString kindText(const HistoryEntry &e);
    static QString nodeSummary(const HistoryEntry &e); // "2 ok, 1 failed"; dead letter "gpu-a100-1 · 5 attempts"
    static QString retryText(); // the Actions column's button

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Item;
    Item *itemOf(const QModelIndex &index) const;
    int topLevelCount() const override;
    void *topLevelItem(int row) const override;
    int rowOf(const void *item) const override;
    int childRows(const void *item) const override;
    QVariant entryData(const Item &item, int column, int role) const;
    QVariant nodeData(const Item &item, int row, int column, int role) const;
    void renumber();

    std::vector<std::unique_ptr<Item>> m_items;
    QHash<qint64, Item *> m_byId;
    qint64 m_now = 0;
    bool m_actionsEnabled = true;
    QString m_disabledReason;
};

} // namespace fleetdeck::ui
