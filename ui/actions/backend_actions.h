#pragma once
// Runs a card's action (docs/gui.md#backend-cards): confirmation naming the nodes, then one
// admission (or one node-scoped admission per chosen node for "Install on nodes…"), reporting
// refusals and deduplications to the admin. Used by the Backends page and the Manage table.
#include "delegates/card_delegate.h"

#include <QObject>

class QWidget;

namespace fleetdeck {
class EngineHost;
}

namespace fleetdeck::ui {

class BackendActions final : public QObject {
    Q_OBJECT
public:
    BackendActions(EngineHost *host, QWidget *dialogParent);

    void trigger(CardAction action, const BackendRow &row);
    // Asks nothing: used by tests and by "Upgrade all", which confirms once for every backend.
    void admit(OpKind kind, const QString &backend, bool force, const QString &targetNode = {});
    // Skip confirmations (tests drive the page offscreen).
    void setConfirm(bool confirm) { m_confirm = confirm; }

Q_SIGNALS:
    // The admitted (or the existing, deduplicated) op: the operations bar scrolls to it.
    void opAdmitted(const QString &opId, bool deduplicated);
    void message(const QString &text);

private:
    bool confirm(const QString &title, const QString &text, const QString &okLabel);
    void confirmWithListing(CardAction action, const BackendRow &row);
    void installOnNodes(const BackendRow &row);

    EngineHost *m_host;
    QWidget *m_parent;
    bool m_confirm = true;
};

} // namespace fleetdeck::ui
