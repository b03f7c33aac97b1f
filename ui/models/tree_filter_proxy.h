#pragma once
// The sort/filter proxy of the table pages: the window's search text matches any column of a
// top-level row, role filters narrow further (Activity's outcome and backend), child rows follow
// their parent and keep the model's order. Sorting uses TableRole::Sort.
#include <QHash>
#include <QSortFilterProxyModel>

namespace fleetdeck::ui {

class TreeFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Match { Exact, Contains };

    explicit TreeFilterProxy(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    // Keeps top-level rows whose `role` (on column 0) equals / contains `text`; empty text: no filter.
    void setRoleFilter(int role, const QString &text, Match match);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    struct RoleFilter {
        QString text;
        Match match = Match::Exact;
    };
    QString m_search;
    QHash<int, RoleFilter> m_roleFilters;
};

} // namespace fleetdeck::ui
