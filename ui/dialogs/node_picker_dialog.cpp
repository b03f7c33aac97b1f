#include "dialogs/node_picker_dialog.h"

#include "actions/install_plan.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace fleetdeck::ui {

NodePickerDialog::NodePickerDialog(const GalleryEntry &entry, const QList<Node> &nodes, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Install %1 on nodes").arg(entry.name));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("Choose the nodes that get %1. Each node gets its own operation.").arg(entry.name), this);
    label->setWordWrap(true);
    layout->addWidget(label);
    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Nodes"));
    for (const Node &n : nodes) {
        const QString blocker = nodeChoiceBlocker(entry, n);
        auto *item = new QListWidgetItem(blocker.isEmpty() ? n.name : tr("%1 — %2").arg(n.name, blocker), m_list);
        item->setData(Qt::UserRole, n.id);
        item->setFlags(blocker.isEmpty() ? Qt::ItemIsEnabled | Qt::ItemIsUserCheckable : Qt::NoItemFlags);
        item->setCheckState(Qt::Unchecked);
        item->setToolTip(blocker.isEmpty() ? tr("%1 (%2)").arg(n.name, toString(n.status)) : blocker);
    }
    layout->addWidget(m_list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("Install"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemChanged, this, &NodePickerDialog::updateOk);
    layout->addWidget(buttons);
    updateOk();
    const int em = fontMetrics().height();
    resize(28 * em, 20 * em);
}

QStringList NodePickerDialog::chosenNodeIds() const
{
    QStringList ids;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            ids << m_list->item(i)->data(Qt::UserRole).toString();
    return ids;
}

void NodePickerDialog::updateOk()
{
    m_ok->setEnabled(!chosenNodeIds().isEmpty());
}

} // namespace fleetdeck::ui
