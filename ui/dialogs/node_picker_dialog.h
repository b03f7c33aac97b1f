#pragma once
// "Install on nodes…" (docs/gui.md#backend-cards): a checklist of nodes; pending, draining and
// `requires`-excluded nodes are shown but cannot be chosen, with the reason beside them.
#include "core/node.h"
#include "gallery/gallery_index.h"

#include <QDialog>

class QListWidget;
class QPushButton;

namespace fleetdeck::ui {

class NodePickerDialog final : public QDialog {
    Q_OBJECT
public:
    NodePickerDialog(const GalleryEntry &entry, const QList<Node> &nodes, QWidget *parent = nullptr);
    QStringList chosenNodeIds() const;

private:
    void updateOk();
    QListWidget *m_list;
    QPushButton *m_ok;
};

} // namespace fleetdeck::ui
