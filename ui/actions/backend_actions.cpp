#include "actions/backend_actions.h"

#include "bridge/engine_host.h"
#include "actions/install_plan.h"
#include "dialogs/node_picker_dialog.h"
#include "presentation/reason_text.h"

#include <QMessageBox>
#include <QPushButton>

namespace fleetdeck::ui {

BackendActions::BackendActions(EngineHost *host, QWidget *dialogParent)
    : QObject(dialogParent), m_host(host), m_parent(dialogParent)
{
}

bool BackendActions::confirm(const QString &title, const QString &text, const QString &okLabel)
{
    if (!m_confirm)
        return true;
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, m_parent);
    QPushButton *ok = box.addButton(okLabel, QMessageBox::AcceptRole);
    box.setDefaultButton(ok);
    box.exec();
    return box.clickedButton() == ok;
}

void BackendActions::admit(OpKind kind, const QString &backend, bool force, const QString &targetNode)
{
    AdmitRequest req;
    req.kind = kind;
    req.backend = backend;
    req.force = force;
    req.targetNode = targetNode;
    m_host->admit(req, this, [this, backend](const Result<AdmitResult> &r) {
        if (!r) {
            const QString why = reasonText(r.reason(), r.error());
            Q_EMIT message(why);
            if (m_confirm)
                QMessageBox::warning(m_parent, tr("Not started"), why);
            return;
        }
        if (r->deduplicated)
            Q_EMIT message(tr("%1 is already running as op %2").arg(backend, r->opId.left(8)));
        Q_EMIT opAdmitted(r->opId, r->deduplicated);
    });
}

void BackendActions::trigger(CardAction action, const BackendRow &row)
{
    const QString name = row.entry.name;
    switch (action) {
    case CardAction::Install: {
        const InstallPlan plan = planInstall(row.entry, m_host->snapshot().nodes);
        if (plan.targets.isEmpty()) {
            QMessageBox::information(m_parent, tr("Install %1").arg(name),
                                     tr("No node can take %1.").arg(name)
                                         + (plan.skipped.isEmpty() ? QString()
                                                                   : QStringLiteral("\n\n") + tr("skipped: %1").arg(plan.skipped.join(QStringLiteral(", ")))));
            return;
        }
        if (confirm(tr("Install %1").arg(name), installConfirmation(row.entry, plan, false),
                    cardActionLabel(CardAction::Install, row.entry.isMeta())))
            admit(OpKind::Install, name, false);
        return;
    }
    case CardAction::InstallOnNodes: installOnNodes(row); return;
    case CardAction::Reinstall:
    case CardAction::Upgrade:
    case CardAction::Delete: confirmWithListing(action, row); return;
    }
}

void BackendActions::confirmWithListing(CardAction action, const BackendRow &row)
{
    // Name the nodes that hold the backend: one cluster listing, never on the GUI thread.
    Q_EMIT message(tr("Checking which nodes have %1…").arg(row.entry.name));
    m_host->listCluster(this, [this, action, row](const ClusterListingResult &listing) {
        QStringList holders;
        for (const ListedBackendSummary &b : listing.backends)
            if (b.name == row.entry.name)
                for (const ListedNode &n : b.nodes)
                    holders << n.nodeName;
        QStringList unknown;
        for (const UnknownNode &u : listing.unknownNodes)
            unknown << QStringLiteral("%1 (%2)").arg(u.nodeName, reasonText(u.errorCode, u.error));
        const QString name = row.entry.name;
        const QString on = holders.isEmpty() ? tr("no reachable node") : holders.join(QStringLiteral(", "));
        QString text;
        QString title;
        if (action == CardAction::Delete) {
            title = tr("Delete %1").arg(name);
            text = tr("Delete %1 from %2? Running inference on it stops.").arg(name, on);
        } else if (action == CardAction::Upgrade) {
            title = tr("Upgrade %1").arg(name);
            text = tr("Upgrade %1 to %2 on %3?").arg(name, row.availableVersion, on);
        } else {
            title = tr("Reinstall %1").arg(name);
            text = tr("Reinstall %1 on %2? Each node downloads it again.").arg(name, on);
        }
        if (!unknown.isEmpty())
            text += QStringLiteral("\n\n") + tr("Not answering: %1").arg(unknown.join(QStringLiteral(", ")));
        if (!confirm(title, text, cardActionLabel(action, row.entry.isMeta())))
            return;
        switch (action) {
        case CardAction::Delete: admit(OpKind::Delete, name, false); break;
        case CardAction::Upgrade: admit(OpKind::Upgrade, name, false); break;
        default: admit(OpKind::Install, name, true); break;
        }
    });
}

void BackendActions::installOnNodes(const BackendRow &row)
{
    NodePickerDialog dialog(row.entry, m_host->snapshot().nodes, m_parent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // One node-scoped op per chosen node, each followed separately (docs/gui.md#backend-cards).
    for (const QString &nodeId : dialog.chosenNodeIds())
        admit(OpKind::Install, row.entry.name, false, nodeId);
}

} // namespace fleetdeck::ui
