#pragma once
// The Nodes page (docs/gui.md#nodes-page, #tables): every registered node with its status,
// heartbeat age (ticking each second), reason, resources, labels and worker version; Approve,
// Drain, Resume and Delete from the context menu, the bulk-action bar and the Delete key; expanding
// a node lists its backends (one `backend.list`) with node-scoped Upgrade, Reinstall and Delete.
#include "bridge/engine_host.h"
#include "models/settle_watcher.h"
#include "views/table_page.h"

#include <QSet>

class QLabel;

namespace fleetdeck::ui {

class NodesModel;

class NodesPage final : public TablePage {
    Q_OBJECT
public:
    explicit NodesPage(EngineHost *host, QWidget *parent = nullptr);

    NodesModel *model() const { return m_model; }
    bool isRegistrationBannerShown() const;

protected:
    void refreshActions() override;
    void showEvent(QShowEvent *event) override;

private:
    struct BackendRef {
        Node node;
        wire::ListedBackend backend;
    };
    void applyNodes();
    void applySettings();
    void applyOps();
    void applyUpgrades();
    void listNode(const QString &nodeId);
    void contextMenu(const QPoint &pos);
    QList<Node> selectedNodes() const;
    QList<BackendRef> selectedBackends() const;
    void runNodeAction(EngineHost::NodeAction action);
    void deleteNodes();
    void runBackendAction(OpKind kind, bool force);
    void updateEmptyText();
    void spanPlaceholders(const QModelIndex &proxyParent, int first, int last);

    NodesModel *m_model;
    QLabel *m_openBanner;
    QAction *m_approve, *m_drain, *m_resume, *m_deleteNode;
    QAction *m_upgradeOn, *m_reinstallOn, *m_deleteOn;
    SettleWatcher m_settle;
    QSet<QString> m_expanded; // node ids whose backends are shown
};

} // namespace fleetdeck::ui
