#include "delegates/ops_delegate.h"

#include "presentation/progress_text.h"
#include "theme/theme.h"
#include "widgets/spinner.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleOptionButton>
#include <QToolTip>

namespace fleetdeck::ui {

namespace {
int emOf(const QStyleOptionViewItem &o)
{
    return o.fontMetrics.height();
}

void paintBar(QPainter *p, const QRect &r, int pct, Tone tone)
{
    const Theme &t = Theme::instance();
    QColor track = t.color(tone);
    track.setAlphaF(0.2);
    p->fillRect(r, track);
    p->fillRect(QRect(r.topLeft(), QSize(r.width() * std::clamp(pct, 0, 100) / 100, r.height())), t.color(tone));
}

void paintIcon(QPainter *p, const QRectF &r, OpLine::Icon icon, const QColor &bg)
{
    const Theme &t = Theme::instance();
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const qreal w = std::max<qreal>(1.5, r.width() / 9.0);
    switch (icon) {
    case OpLine::Icon::Spinner: Spinner::paint(p, r, t.readable(Tone::Info, bg)); break;
    case OpLine::Icon::Error: {
        const QColor c = t.readable(Tone::Error, bg);
        p->setPen(QPen(c, w * 1.3, Qt::SolidLine, Qt::RoundCap));
        const QRectF x = r.adjusted(r.width() * 0.2, r.height() * 0.2, -r.width() * 0.2, -r.height() * 0.2);
        p->drawLine(x.topLeft(), x.bottomRight());
        p->drawLine(x.topRight(), x.bottomLeft());
        break;
    }
    case OpLine::Icon::Trash: {
        const QColor c = t.readable(Tone::Neutral, bg);
        p->setPen(QPen(c, w));
        const QRectF can = r.adjusted(r.width() * 0.25, r.height() * 0.3, -r.width() * 0.25, -r.height() * 0.05);
        p->drawRect(can);
        p->drawLine(QPointF(r.left() + r.width() * 0.15, can.top() - w), QPointF(r.right() - r.width() * 0.15, can.top() - w));
        break;
    }
    case OpLine::Icon::Clock: {
        const QColor c = t.readable(Tone::Warning, bg);
        p->setPen(QPen(c, w));
        p->drawEllipse(r.adjusted(1, 1, -1, -1));
        p->drawLine(r.center(), r.center() + QPointF(0, -r.height() * 0.3));
        p->drawLine(r.center(), r.center() + QPointF(r.width() * 0.22, 0));
        break;
    }
    case OpLine::Icon::Pause: {
        p->setPen(Qt::NoPen);
        p->setBrush(t.readable(Tone::Warning, bg));
        const qreal bw = r.width() / 4.0;
        p->drawRect(QRectF(r.left() + r.width() * 0.2, r.top() + r.height() * 0.15, bw, r.height() * 0.7));
        p->drawRect(QRectF(r.right() - r.width() * 0.2 - bw, r.top() + r.height() * 0.15, bw, r.height() * 0.7));
        break;
    }
    }
    p->restore();
}
} // namespace

QString opButtonLabel(OpButton b)
{
    switch (b) {
    case OpButton::Retry: return OpsDelegate::tr("Retry");
    case OpButton::Dismiss: return OpsDelegate::tr("Dismiss");
    case OpButton::Cancel: return OpsDelegate::tr("Cancel");
    case OpButton::RetryNode: return OpsDelegate::tr("Retry on this node");
    case OpButton::None: break;
    }
    return {};
}

OpsDelegate::OpsDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QSize OpsDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {emOf(option) * 40, emOf(option) * 2};
}

QList<QPair<OpButton, QRect>> OpsDelegate::buttonRects(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    QList<OpButton> buttons;
    if (index.data(OpsModel::IsNodeRole).toBool()) {
        if (index.data(OpsModel::NodeLineRole).value<NodeLine>().retry)
            buttons << OpButton::RetryNode;
    } else {
        buttons = index.data(OpsModel::OpLineRole).value<OpLine>().buttons;
    }
    const int e = emOf(option);
    QList<QPair<OpButton, QRect>> out;
    int right = option.rect.right() - e / 2;
    for (int i = int(buttons.size()) - 1; i >= 0; --i) {
        const int w = option.fontMetrics.horizontalAdvance(opButtonLabel(buttons.at(i))) + e * 3 / 2;
        const int h = e * 3 / 2;
        const QRect r(right - w + 1, option.rect.top() + (option.rect.height() - h) / 2, w, h);
        out.prepend({buttons.at(i), r});
        right = r.left() - e / 3;
    }
    return out;
}

void OpsDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem o = option;
    initStyleOption(&o, index);
    p->save();
    if (index.data(OpsModel::HighlightRole).toBool())
        p->fillRect(o.rect, Theme::instance().chipBackground(Tone::Info));
    else if (o.state & QStyle::State_Selected)
        p->fillRect(o.rect, o.palette.color(QPalette::AlternateBase));
    // A hairline between lines.
    p->setPen(Theme::instance().border());
    p->drawLine(o.rect.bottomLeft(), o.rect.bottomRight());
    if (index.data(OpsModel::IsNodeRole).toBool())
        paintNode(p, o, index);
    else
        paintOp(p, o, index);
    paintButtons(p, o, index);
    p->restore();
}

void OpsDelegate::paintOp(QPainter *p, const QStyleOptionViewItem &o, const QModelIndex &index) const
{
    const Theme &t = Theme::instance();
    const auto line = index.data(OpsModel::OpLineRole).value<OpLine>();
    const int e = emOf(o);
    const QColor bg = o.palette.color(QPalette::Base);
    const QRectF icon(o.rect.left() + e / 3, o.rect.center().y() - e * 0.45, e * 0.9, e * 0.9);
    paintIcon(p, icon, line.icon, bg);
    const auto buttons = buttonRects(o, index);
    int right = buttons.isEmpty() ? o.rect.right() - e / 2 : buttons.first().second.left() - e;
    // Progress bar with its percentage, before the buttons.
    if (line.progress > 0) {
        const int barW = e * 7;
        const QString pct = percentText(line.progress);
        const int pctW = o.fontMetrics.horizontalAdvance(percentText(100));
        p->setPen(o.palette.color(QPalette::Text));
        p->drawText(QRect(right - pctW, o.rect.top(), pctW, o.rect.height()), Qt::AlignRight | Qt::AlignVCenter, pct);
        const QRect bar(right - pctW - e / 2 - barW, o.rect.center().y() - e / 8, barW, std::max(3, e / 4));
        paintBar(p, bar, line.progress, line.warning ? Tone::Warning : Tone::Info);
        right = bar.left() - e;
    }
    const QString inlineError = index.data(OpsModel::InlineErrorRole).toString();
    if (!inlineError.isEmpty()) {
        const int w = std::min(o.fontMetrics.horizontalAdvance(inlineError), e * 16);
        p->setPen(t.readable(Tone::Error, bg));
        p->drawText(QRect(right - w, o.rect.top(), w, o.rect.height()), Qt::AlignRight | Qt::AlignVCenter,
                    o.fontMetrics.elidedText(inlineError, Qt::ElideRight, w));
        right -= w + e;
    }
    if (!line.nodesLabel.isEmpty()) {
        const QString label = line.nodesLabel;
        const int w = o.fontMetrics.horizontalAdvance(label);
        p->setPen(t.secondaryText());
        p->drawText(QRect(right - w, o.rect.top(), w, o.rect.height()), Qt::AlignRight | Qt::AlignVCenter, label);
        right -= w + e;
    }
    const QRect text(int(icon.right()) + e / 2, o.rect.top(), right - int(icon.right()) - e / 2, o.rect.height());
    QColor color = o.palette.color(QPalette::Text);
    if (line.icon == OpLine::Icon::Error)
        color = t.readable(Tone::Error, bg);
    else if (line.warning)
        color = t.readable(Tone::Warning, bg);
    p->setPen(color);
    p->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, o.fontMetrics.elidedText(line.text, Qt::ElideRight, text.width()));
}

void OpsDelegate::paintNode(QPainter *p, const QStyleOptionViewItem &o, const QModelIndex &index) const
{
    const Theme &t = Theme::instance();
    const auto n = index.data(OpsModel::NodeLineRole).value<NodeLine>();
    const int e = emOf(o);
    const QColor bg = o.palette.color(QPalette::Base);
    int x = o.rect.left() + e / 3;
    auto cell = [&](const QString &s, int width, const QColor &c, Qt::Alignment a = Qt::AlignLeft) {
        p->setPen(c);
        p->drawText(QRect(x, o.rect.top(), width, o.rect.height()), a | Qt::AlignVCenter, o.fontMetrics.elidedText(s, Qt::ElideRight, width));
        x += width + e / 2;
    };
    const Tone tone = n.tone;
    cell(n.label, e * 7, t.readable(tone, bg));
    cell(n.node, e * 8, o.palette.color(QPalette::Text));
    const auto buttons = buttonRects(o, index);
    const int right = buttons.isEmpty() ? o.rect.right() - e / 2 : buttons.first().second.left() - e;
    if (!n.error.isEmpty()) {
        cell(n.error, std::max(e * 4, right - x), t.readable(tone == Tone::Error ? Tone::Error : Tone::Neutral, bg));
        return;
    }
    cell(n.file, e * 12, t.secondaryText());
    cell(n.bytes, e * 10, t.secondaryText(), Qt::AlignRight);
    cell(percentText(n.percentage), e * 3, o.palette.color(QPalette::Text), Qt::AlignRight);
    if (n.bar && x + e * 4 < right)
        paintBar(p, QRect(x, o.rect.center().y() - e / 10, std::min(e * 6, right - x), std::max(2, e / 5)), n.percentage,
                 tone == Tone::Warning ? Tone::Warning : Tone::Info);
}

void OpsDelegate::paintButtons(QPainter *p, const QStyleOptionViewItem &o, const QModelIndex &index) const
{
    const bool busy = index.data(OpsModel::CancelBusyRole).toBool();
    const QWidget *w = o.widget;
    QStyle *style = w ? w->style() : QApplication::style();
    for (const auto &[button, rect] : buttonRects(o, index)) {
        QStyleOptionButton b;
        b.rect = rect;
        b.text = button == OpButton::Cancel && busy ? tr("Cancelling…") : opButtonLabel(button);
        b.fontMetrics = o.fontMetrics;
        b.palette = o.palette;
        b.state = QStyle::State_Raised;
        if (!(button == OpButton::Cancel && busy) && (o.state & QStyle::State_Enabled))
            b.state |= QStyle::State_Enabled;
        else
            b.palette.setCurrentColorGroup(QPalette::Disabled);
        if (m_pressedIndex == index && m_pressed == button)
            b.state |= QStyle::State_Sunken;
        if (button == OpButton::Retry)
            b.features |= QStyleOptionButton::DefaultButton;
        style->drawControl(QStyle::CE_PushButton, &b, p, w);
    }
}

bool OpsDelegate::editorEvent(QEvent *event, QAbstractItemModel *, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::MouseButtonPress && event->type() != QEvent::MouseButtonRelease)
        return false;
    auto *me = static_cast<QMouseEvent *>(event);
    OpButton hit = OpButton::None;
    for (const auto &[button, rect] : buttonRects(option, index))
        if (rect.contains(me->position().toPoint()))
            hit = button;
    if (event->type() == QEvent::MouseButtonPress) {
        m_pressedIndex = index;
        m_pressed = me->button() == Qt::LeftButton ? hit : OpButton::None;
        return hit != OpButton::None;
    }
    const bool fire = hit != OpButton::None && m_pressedIndex == index && m_pressed == hit;
    m_pressed = OpButton::None;
    if (!fire)
        return hit != OpButton::None;
    if (hit == OpButton::Cancel && index.data(OpsModel::CancelBusyRole).toBool())
        return true;
    Q_EMIT buttonClicked(index, hit);
    return true;
}

bool OpsDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    for (const auto &[button, rect] : buttonRects(option, index)) {
        if (rect.contains(event->pos())) {
            QString tip;
            switch (button) {
            case OpButton::Retry: tip = tr("Start this operation again"); break;
            case OpButton::Dismiss: tip = tr("Remove this failure from the bar (it stays in Activity)"); break;
            case OpButton::Cancel: tip = tr("Cancel this operation on every node"); break;
            case OpButton::RetryNode: tip = tr("Run this operation again on this node only"); break;
            case OpButton::None: break;
            }
            QToolTip::showText(event->globalPos(), tip, view);
            return true;
        }
    }
    const QString tip = index.data(Qt::ToolTipRole).toString();
    const QString full = index.data(Qt::AccessibleTextRole).toString();
    // The line, then the engine's own words under "Details" (docs/gui.md#operations-bar).
    QToolTip::showText(event->globalPos(), tip.isEmpty() ? full : full + QStringLiteral("\n\n") + tr("Details:\n%1").arg(tip), view);
    return true;
}

} // namespace fleetdeck::ui
