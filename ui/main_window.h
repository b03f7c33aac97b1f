#pragma once
// The main window (docs/gui.md#window): toolbar (profile, search, Reconcile menu, connection
// indicator), navigation rail with live counts, the pages, the operations bar docked at the bottom
// and a status bar with the last reconcile report and its age.
#include <QMainWindow>

class QLabel;
class QLineEdit;
class QListWidget;
class QStackedWidget;
class QToolButton;

namespace fleetdeck {
class EngineHost;
}

namespace fleetdeck::ui {

class ActivityPage;
class BackendsPage;
class ConnectingPanel;
class ConnectionIndicator;
class ManagePage;
class NodesPage;
class OpsBar;

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    enum class Page { Backends, Manage, Nodes, Activity };
    explicit MainWindow(EngineHost *host, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    Page currentPage() const;
    static std::optional<Page> pageFromName(const QString &name);
    void setProfileName(const QString &name);
    // Whether closing asks first (tests and --quit-after close without asking).
    void setConfirmQuit(bool on) { m_confirmQuit = on; }

    BackendsPage *backendsPage() const { return m_backends; }
    ManagePage *managePage() const { return m_manage; }
    NodesPage *nodesPage() const { return m_nodes; }
    ActivityPage *activityPage() const { return m_activity; }
    OpsBar *opsBar() const { return m_opsBar; }
    QString statusText() const;
    // The indicator's text and reason, and the connecting panel's message while it shows
    // (logged by the app on every change: what an operator or a test reads of the start-up).
    QString connectionSummary() const;

Q_SIGNALS:
    void settingsRequested();
    void profilesRequested();
    void demoRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildToolbar();
    void buildMenus();
    void buildRail();
    void updateRail();
    void updateStatus();
    void updateConnection();
    void runReconcile();
    void runReap();
    void runCleanPending();
    void showShortcuts();
    void setRailBadge(Page page, const QString &badge);

    EngineHost *m_host;
    QListWidget *m_rail = nullptr;
    QStackedWidget *m_body = nullptr;     // the pages, or the connecting panel
    ConnectingPanel *m_connecting = nullptr;
    QStackedWidget *m_stack = nullptr;
    BackendsPage *m_backends = nullptr;
    ManagePage *m_manage = nullptr;
    NodesPage *m_nodes = nullptr;
    ActivityPage *m_activity = nullptr;
    OpsBar *m_opsBar = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_profile = nullptr;
    ConnectionIndicator *m_indicator = nullptr;
    QLabel *m_reportLabel = nullptr;
    QLabel *m_clusterLabel = nullptr;
    QToolButton *m_reconcileButton = nullptr;
    QStringList m_badges{QString(), QString(), QString(), QString()};
    bool m_confirmQuit = true;
    bool m_closing = false;
};

} // namespace fleetdeck::ui
