#pragma once
// Paints the operations bar's lines (docs/gui.md#operations-bar): state icon, text, a thin progress
// bar with its percentage and the buttons at the right edge; node lines with label, node, file,
// bytes, percentage, a mini bar and the error. Clicks on painted buttons become buttonClicked().
#include "models/ops_model.h"

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

namespace fleetdeck::ui {

QString opButtonLabel(OpButton b);

class OpsDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit OpsDelegate(QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // Button rects of a row, right-aligned (public for tests that click them).
    static QList<QPair<OpButton, QRect>> buttonRects(const QStyleOptionViewItem &option, const QModelIndex &index);

Q_SIGNALS:
    void buttonClicked(const QModelIndex &index, fleetdeck::ui::OpButton button);

private:
    void paintOp(QPainter *p, const QStyleOptionViewItem &o, const QModelIndex &index) const;
    void paintNode(QPainter *p, const QStyleOptionViewItem &o, const QModelIndex &index) const;
    void paintButtons(QPainter *p, const QStyleOptionViewItem &o, const QModelIndex &index) const;

    QPersistentModelIndex m_pressedIndex;
    OpButton m_pressed = OpButton::None;
};

} // namespace fleetdeck::ui

Q_DECLARE_METATYPE(fleetdeck::ui::OpButton)
