#pragma once
// Paints every cell of the table pages (docs/gui.md#tables): rows 2 em high with a hairline between
// them, a status as shape + word + colour (TableRole::Shape/Tone), chips after the text
// (TableRole::Chips) and small action buttons (TableRole::Actions, clicks reported through
// actionTriggered). Colours come from ui::Theme; sizes from the font's metrics. While dimmed
// (docs/gui.md#connection-indicator-and-re-seed, not live) the content is drawn faded.
#include <QStyledItemDelegate>

namespace fleetdeck::ui {

class TableCellDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit TableCellDelegate(QObject *parent = nullptr);

    void setDimmed(bool dimmed) { m_dimmed = dimmed; }
    bool isDimmed() const { return m_dimmed; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // Where each action button of a cell sits (ids in order), for clicks and tests.
    static QList<QPair<QString, QRect>> actionRects(const QStyleOptionViewItem &option, const QModelIndex &index);

Q_SIGNALS:
    void actionTriggered(const QModelIndex &index, const QString &actionId);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    bool m_dimmed = false;
};

} // namespace fleetdeck::ui
