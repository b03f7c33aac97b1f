#pragma once
// The frame shared by the table pages (Nodes, Manage, Activity; docs/gui.md#tables): a title row,
// optional banners, a bulk-action bar shown while rows are selected, a one-line result message, and
// the table (model + TreeFilterProxy + TableCellDelegate) or the page's empty state. The public API
// is what the main window drives: the search text, dimming while not live
// (docs/gui.md#connection-indicator-and-re-seed), disabling writes while the store is unreachable,
// and the rail badge.
#include "theme/theme.h"

#include <QModelIndexList>
#include <QWidget>

class QAbstractItemModel;
class QAction;
class QHBoxLayout;
class QLabel;
class QStackedWidget;
class QTreeView;
class QVBoxLayout;

namespace fleetdeck {
class EngineHost;
}

namespace fleetdeck::ui {

class TableCellDelegate;
class TreeFilterProxy;

class TablePage : public QWidget {
    Q_OBJECT
public:
    ~TablePage() override;

    // The window's search field filters the page's rows.
    void setFilterText(const QString &text);
    // docs/gui.md#connection-indicator-and-re-seed: while not live the data is drawn dimmed.
    void setDimmed(bool dimmed);
    bool isDimmed() const { return m_dimmed; }
    // Store unreachable: every action that writes is disabled with `reason` as its tooltip.
    void setWritesEnabled(bool enabled, const QString &reason);
    bool writesEnabled() const { return m_writesEnabled; }
    QString badgeText() const { return m_badge; }
    bool isShowingEmptyState() const;
    QString messageText() const;
    QTreeView *tableView() const { return m_view; }

Q_SIGNALS:
    void badgeChanged(const QString &text);

protected:
    TablePage(EngineHost *host, const QString &title, QWidget *parent);

    EngineHost *host() const { return m_host; }
    TreeFilterProxy *proxy() const { return m_proxy; }
    TableCellDelegate *delegate() const { return m_delegate; }
    QHBoxLayout *headerLayout() const { return m_header; }  // the title row; add controls at its end
    QVBoxLayout *bannerLayout() const { return m_banners; } // banners and filter rows above the table
    void setSourceModel(QAbstractItemModel *model);
    QModelIndex toSource(const QModelIndex &proxyIndex) const;
    // Source indexes (column 0) of the selected rows, in view order.
    QModelIndexList selectedSourceRows() const;
    // A button for `action` in the bulk-action bar (also reachable from the context menu); the
    // button follows the action's visibility.
    void addBulkAction(QAction *action);
    void refreshAll(); // refreshActions() and the bulk bar's buttons
    void showMessage(const QString &text, Tone tone = Tone::Neutral);
    void setEmptyState(const QString &title, const QString &detail, QWidget *action = nullptr);
    void setEmptyDetail(const QString &detail);
    void setEmpty(bool empty);
    void setBadge(const QString &text);
    QString disabledReason() const { return m_writesReason; }
    // Called after the selection or the writes state changed: enable, hide and retitle actions.
    virtual void refreshActions() = 0;
    // Called when the dimmed or writes state changed (models that paint actions follow it).
    virtual void writesChanged() {}
    static QLabel *makeBanner(const QString &text, Tone tone, QWidget *parent);

private:
    EngineHost *m_host;
    TreeFilterProxy *m_proxy;
    TableCellDelegate *m_delegate;
    QTreeView *m_view;
    QStackedWidget *m_stack;
    QHBoxLayout *m_header;
    QVBoxLayout *m_banners;
    QWidget *m_bulkBar;
    QList<QPair<QAction *, QWidget *>> m_bulkButtons;
    QHBoxLayout *m_bulkLayout;
    QLabel *m_selectionLabel;
    QLabel *m_message;
    QLabel *m_emptyTitle;
    QLabel *m_emptyDetail;
    QVBoxLayout *m_emptyLayout;
    QString m_badge;
    QString m_writesReason;
    bool m_badgeSent = false;
    bool m_dimmed = false;
    bool m_writesEnabled = true;
};

} // namespace fleetdeck::ui
