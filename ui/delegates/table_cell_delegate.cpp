#include "delegates/table_cell_delegate.h"

#include "models/table_roles.h"
#include "theme/theme.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace fleetdeck::ui {

namespace {
int em(const QFontMetrics &fm)
{
    return fm.height();
}

QFont smallFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.9 : base.pointSizeF());
    return f;
}

// The chips of a cell, laid out from `left` towards the right, vertically centred in `cell`.
QList<QPair<QVariantMap, QRect>> chipRects(const QStyleOptionViewItem &option, const QVariantList &chips, int left)
{
    QList<QPair<QVariantMap, QRect>> out;
    const QFontMetrics fm(smallFont(option.font));
    const int pad = fm.height() / 2, gap = fm.height() / 3, h = fm.height() + fm.height() / 3;
    int x = left;
    for (const QVariant &v : chips) {
        const QVariantMap chip = v.toMap();
        const int w = fm.horizontalAdvance(chip.value(QStringLiteral("text")).toString()) + 2 * pad;
        out.append({chip, QRect(x, option.rect.center().y() - h / 2, w, h)});
        x += w + gap;
    }
    return out;
}

int chipsWidth(const QStyleOptionViewItem &option, const QVariantList &chips)
{
    const auto rects = chipRects(option, chips, 0);
    return rects.isEmpty() ? 0 : rects.constLast().second.right() + QFontMetrics(option.font).height() / 3;
}
} // namespace

TableCellDelegate::TableCellDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QList<QPair<QString, QRect>> TableCellDelegate::actionRects(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    QList<QPair<QString, QRect>> out;
    const QVariantList actions = index.data(TableRole::Actions).toList();
    const QFontMetrics fm(option.font);
    const int pad = em(fm) / 2, gap = em(fm) / 3, h = em(fm) + em(fm) / 2;
    int x = option.rect.left() + em(fm) / 2;
    for (const QVariant &v : actions) {
        const QVariantMap a = v.toMap();
        const int w = fm.horizontalAdvance(a.value(QStringLiteral("text")).toString()) + 2 * pad;
        out.append({a.value(QStringLiteral("id")).toString(), QRect(x, option.rect.center().y() - h / 2, w, h)});
        x += w + gap;
    }
    return out;
}

QSize TableCellDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QFontMetrics fm(opt.font);
    int w = em(fm);
    if (const QString shape = index.data(TableRole::Shape).toString(); !shape.isEmpty())
        w += fm.horizontalAdvance(shape) + em(fm) / 3;
    w += fm.horizontalAdvance(opt.text);
    const QVariantList chips = index.data(TableRole::Chips).toList();
    if (!chips.isEmpty())
        w += em(fm) / 2 + chipsWidth(opt, chips);
    const auto actions = actionRects(opt, index);
    if (!actions.isEmpty())
        w = std::max(w, actions.constLast().second.right() - opt.rect.left() + em(fm));
    return QSize(w, 2 * em(fm));
}

void TableCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const Theme &theme = Theme::instance();
    const QFontMetrics fm(opt.font);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->save();
    // Hairline between rows (a cosmetic pen: one device pixel at any scale).
    painter->setPen(QPen(opt.palette.color(QPalette::Mid), 0));
    painter->drawLine(opt.rect.bottomLeft(), opt.rect.bottomRight());
    if (m_dimmed)
        painter->setOpacity(0.45);

    const QColor textColor = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QVariant toneVar = index.data(TableRole::Tone);
    const QColor toneColor = toneVar.isValid() && !selected ? theme.color(Tone(toneVar.toInt())) : textColor;
    QRect r = opt.rect.adjusted(em(fm) / 2, 0, -em(fm) / 2, 0);

    const auto actions = actionRects(opt, index);
    if (!actions.isEmpty()) {
        const QVariantList defs = index.data(TableRole::Actions).toList();
        for (int i = 0; i < actions.size(); ++i) {
            const QVariantMap a = defs.at(i).toMap();
            const bool enabled = a.value(QStringLiteral("enabled")).toBool() && (opt.state & QStyle::State_Enabled);
            const QRect br = actions[i].second;
            const qreal radius = em(fm) * 0.3;
            painter->setRenderHint(QPainter::Antialiasing, true);
            painter->setPen(QPen(enabled ? theme.border() : opt.palette.color(QPalette::Mid), 0));
            painter->setBrush(opt.palette.color(QPalette::Button));
            painter->drawRoundedRect(QRectF(br).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
            painter->setPen(enabled ? opt.palette.color(QPalette::ButtonText) : theme.secondaryText());
            painter->drawText(br, Qt::AlignCenter, a.value(QStringLiteral("text")).toString());
        }
        r.setLeft(actions.constLast().second.right() + em(fm) / 2);
    }

    if (const QString shape = index.data(TableRole::Shape).toString(); !shape.isEmpty()) {
        painter->setPen(toneColor);
        const int w = fm.horizontalAdvance(shape);
        painter->drawText(QRect(r.left(), r.top(), w, r.height()), Qt::AlignVCenter | Qt::AlignLeft, shape);
        r.setLeft(r.left() + w + em(fm) / 3);
    }

    const QVariantList chips = index.data(TableRole::Chips).toList();
    const int chipsW = chips.isEmpty() ? 0 : chipsWidth(opt, chips);
    const int textRoom = std::max(0, r.width() - (chipsW > 0 ? chipsW + em(fm) / 2 : 0));
    const QString elided = fm.elidedText(text, Qt::ElideRight, textRoom);
    const Qt::Alignment align = (opt.displayAlignment & Qt::AlignRight) ? Qt::AlignRight : Qt::AlignLeft;
    painter->setPen(toneColor);
    const QRect textRect(r.left(), r.top(), textRoom, r.height());
    painter->drawText(textRect, int(align | Qt::AlignVCenter), elided);

    if (!chips.isEmpty()) {
        const int left = text.isEmpty() ? r.left() : r.left() + fm.horizontalAdvance(elided) + em(fm) / 2;
        painter->setFont(smallFont(opt.font));
        painter->setRenderHint(QPainter::Antialiasing, true);
        const qreal radius = em(fm) * 0.4;
        for (const auto &[chip, cr] : chipRects(opt, chips, left)) {
            if (cr.left() >= opt.rect.right())
                break;
            const Tone tone = Tone(chip.value(QStringLiteral("tone")).toInt());
            painter->setPen(Qt::NoPen);
            painter->setBrush(theme.chipBackground(tone));
            painter->drawRoundedRect(QRectF(cr), radius, radius);
            painter->setPen(theme.color(tone));
            painter->drawText(cr.intersected(opt.rect), Qt::AlignCenter, chip.value(QStringLiteral("text")).toString());
        }
    }
    painter->restore();
}

bool TableCellDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                    const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto *me = static_cast<QMouseEvent *>(event);
        if (me->button() == Qt::LeftButton) {
            const QVariantList defs = index.data(TableRole::Actions).toList();
            const auto rects = actionRects(option, index);
            for (int i = 0; i < rects.size(); ++i) {
                if (!rects[i].second.contains(me->position().toPoint()))
                    continue;
                if (defs.at(i).toMap().value(QStringLiteral("enabled")).toBool())
                    Q_EMIT actionTriggered(index, rects[i].first);
                return true;
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool TableCellDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                  const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.isValid()) {
        const QVariantList defs = index.data(TableRole::Actions).toList();
        const auto rects = actionRects(option, index);
        for (int i = 0; i < rects.size(); ++i) {
            if (rects[i].second.contains(event->pos())) {
                QToolTip::showText(event->globalPos(), defs.at(i).toMap().value(QStringLiteral("toolTip")).toString(), view);
                return true;
            }
        }
        const QVariantList chips = index.data(TableRole::Chips).toList();
        if (!chips.isEmpty()) {
            QStyleOptionViewItem opt = option;
            initStyleOption(&opt, index);
            const QFontMetrics fm(opt.font);
            const int textW = opt.text.isEmpty() ? 0 : fm.horizontalAdvance(opt.text) + fm.height() / 2;
            for (const auto &[chip, cr] : chipRects(opt, chips, opt.rect.left() + fm.height() / 2 + textW)) {
                const QString tip = chip.value(QStringLiteral("toolTip")).toString();
                if (cr.contains(event->pos()) && !tip.isEmpty()) {
                    QToolTip::showText(event->globalPos(), tip, view);
                    return true;
                }
            }
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace fleetdeck::ui
