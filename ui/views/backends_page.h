#pragma once
// The Backends page (docs/gui.md#backend-cards): gallery cards in a QListView (model + filter
// proxy + delegate), the filter bar, and the empty state.
#include <QWidget>

class QComboBox;
class QListView;
class QStackedLayout;
class QToolButton;

namespace fleetdeck {
class EngineHost;
}

namespace fleetdeck::ui {

class BackendActions;
class BackendsModel;
class BackendsProxy;
class CardDelegate;
class EmptyState;

class BackendsPage final : public QWidget {
    Q_OBJECT
public:
    explicit BackendsPage(EngineHost *host, QWidget *parent = nullptr);
    ~BackendsPage() override;

    void setFilterText(const QString &text);
    void setDimmed(bool dimmed);
    void setWritesEnabled(bool enabled, const QString &reason);
    BackendsModel *model() const { return m_model; }
    BackendsProxy *proxy() const { return m_proxy; }
    QListView *view() const { return m_view; }
    BackendActions *actions() const { return m_actions; }
    // Cards per row in the reflowing grid (docs/gui.md#backend-cards): as many as fit at CardDelegate::minCardWidth,
    // widened to share the width.
    int columns() const { return m_columns; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void badgeChanged(const QString &text);
    void opAdmitted(const QString &opId, bool deduplicated);
    void message(const QString &text);
    void openSettingsRequested();

private:
    void refreshOps();
    void refreshTags();
    void updateEmpty();
    void reflow();
    void showMenu(const QModelIndex &index, const QPoint &pos);

    EngineHost *m_host;
    BackendsModel *m_model;
    BackendsProxy *m_proxy;
    CardDelegate *m_delegate;
    BackendActions *m_actions;
    QListView *m_view;
    QComboBox *m_installed;
    QComboBox *m_tag;
    QToolButton *m_updates;
    QToolButton *m_dev;
    QStackedLayout *m_stack;
    EmptyState *m_empty;
    int m_columns = 0;
};

} // namespace fleetdeck::ui
