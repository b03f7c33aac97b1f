#pragma once
// The operations bar (docs/gui.md#operations-bar, docs/gui.md): docked at the bottom, collapsed
// when empty, growing up to a third of the window before it scrolls. Retry / Dismiss on failed ops,
// Cancel on cancellable ones (busy until the cancel returns, its error shown inline), "Retry on
// this node" on failed node rows. Lines are copyable (context menu, Ctrl+C), and so are the
// engine's own words behind them ("Copy details").
#include <QWidget>

class QTreeView;
class QLabel;

namespace fleetdeck {
class EngineHost;
}

namespace fleetdeck::ui {

class OpsModel;
class OpsDelegate;

class OpsBar final : public QWidget {
    Q_OBJECT
public:
    explicit OpsBar(EngineHost *host, QWidget *parent = nullptr);
    ~OpsBar() override;

    OpsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    void highlight(const QString &opId);
    void setDimmed(bool dimmed);
    void setWritesEnabled(bool enabled, const QString &reason);
    // Applies the button's action (tests call it the way a click does).
    void press(const QString &opId, int button, const QString &nodeId = {});
    QSize sizeHint() const override;

Q_SIGNALS:
    void countChanged(int active, int failed);
    void message(const QString &text);

private:
    void refresh();
    void updateHeight();
    // Copies the current line's text (Qt::AccessibleTextRole) or details (OpsModel::DetailsRole).
    void copyCurrent(int role);

    EngineHost *m_host;
    OpsModel *m_model;
    OpsDelegate *m_delegate;
    QTreeView *m_view;
    QLabel *m_header;
    QHash<QString, QString> m_nodeNames; // id → name, kept in step with the nodes snapshot
};

} // namespace fleetdeck::ui
