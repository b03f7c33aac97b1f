#pragma once
// Paints a backend card (docs/gui.md#backend-cards) and turns clicks on its painted buttons into
// actions: no child widgets, so a thousand cards cost what one does.
#include "models/backends_model.h"

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

namespace fleetdeck::ui {

enum class CardAction { Install, InstallOnNodes, Reinstall, Upgrade, Delete };
QString cardActionLabel(CardAction action, bool meta);

// A card's icon tile: the first letter of the name's first two parts ("LC" for llama-cpp-cuda12).
QString cardInitials(const QString &name);

class CardDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit CardDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    static CardAction primaryAction(const BackendRow &row);
    static QList<CardAction> menuActions(const BackendRow &row);
    // The card's natural size (24 em × 10 em) and the narrowest a card may get in the reflowing
    // grid (21 em: the name, a state such as "Worker busy" and "Install on all nodes" still fit).
    static QSize cardSize(const QFontMetrics &fm);
    static int minCardWidth(const QFontMetrics &fm);
    static int gap(const QFontMetrics &fm);
    // The width of one grid cell (a card and its gap) that the view shares out; 0 (the default)
    // means the natural card width. The card fills its cell.
    void setItemWidth(int width);
    int itemWidth() const { return m_itemWidth; }

Q_SIGNALS:
    void actionTriggered(const QModelIndex &index, fleetdeck::ui::CardAction action);
    void menuRequested(const QModelIndex &index, const QPoint &globalPos);

private:
    struct Layout {
        QRect card, icon, name, state, version, description, footer, primary, more;
    };
    static Layout layout(const QStyleOptionViewItem &option, const BackendRow &row);
    void paintState(QPainter *p, const Layout &l, const BackendRow &row, const QStyleOptionViewItem &option) const;
    void paintButtons(QPainter *p, const Layout &l, const BackendRow &row, const QStyleOptionViewItem &option) const;

    QPersistentModelIndex m_hovered;
    int m_hoveredButton = 0; // 1 primary, 2 more
    int m_pressedButton = 0;
    int m_itemWidth = 0;
};

} // namespace fleetdeck::ui

Q_DECLARE_METATYPE(fleetdeck::ui::CardAction)
