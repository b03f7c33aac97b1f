#pragma once
// The Manage page (docs/gui.md#manage, D19, A16): the installed backends of the latest upgrades
// result with their badges, the state of an active op, and Upgrade / Reinstall / Delete per row, in
// the bulk-action bar and in the context menu; "Check for updates" and "Upgrade all" in the header.
// A SettleWatcher sends `fleetdeck.upgrades.check` ("manage-table") when the set of active op ids
// changes and on every terminal event.
#include "bridge/engine_host.h"
#include "models/settle_watcher.h"
#include "views/table_page.h"

class QLabel;
class QPushButton;

namespace fleetdeck::ui {

class ManageModel;

class ManagePage final : public TablePage {
    Q_OBJECT
public:
    explicit ManagePage(EngineHost *host, QWidget *parent = nullptr);

    ManageModel *model() const { return m_model; }
    QString checkedText() const; // "checked 2 min ago"

protected:
    void refreshActions() override;
    void writesChanged() override;
    void showEvent(QShowEvent *event) override;

private:
    void applyUpgrades();
    void applyOps();
    void updateHeader();
    void contextMenu(const QPoint &pos);
    QStringList selectedBackends() const;
    void admitEach(const QStringList &backends, OpKind kind, bool force, const QString &title);
    void upgradeAll();
    void confirmDelete(const QStringList &backends);

    ManageModel *m_model;
    QLabel *m_checked;
    QPushButton *m_check, *m_upgradeAll;
    QAction *m_upgrade, *m_reinstall, *m_delete;
    SettleWatcher m_settle;
};

} // namespace fleetdeck::ui
