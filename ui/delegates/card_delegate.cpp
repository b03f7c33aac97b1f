#include "delegates/card_delegate.h"

#include "theme/theme.h"
#include "widgets/chips.h"
#include "widgets/spinner.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionButton>
#include <QTextLayout>
#include <QToolTip>
#include <cmath>

namespace fleetdeck::ui {

namespace {
int em(const QFontMetrics &fm)
{
    return fm.height();
}

Tone iconTone(const QString &name)
{
    static const Tone tones[] = {Tone::Info, Tone::Ok, Tone::Draining, Tone::Pending, Tone::Warning};
    return tones[qHash(name) % 5];
}

// Whole pixels that `text` needs: QFontMetrics::horizontalAdvance rounds, and elidedText() elides a
// text whose fractional width exceeds the rounded one.
int textWidth(const QFont &font, const QString &text)
{
    return int(std::ceil(QFontMetricsF(font).horizontalAdvance(text)));
}

// Left of the state's text: its icon (0.9 em) and the gap before the text (1/3 em), which
// paintState() draws.
int stateIconRoom(int e)
{
    return e * 9 / 10 + e / 3 + 1;
}

// The state as it fits in `width`: the whole text, or without its " on <node>" when that is too
// wide (the tooltip has the whole).
QString fittingState(const CardState &s, const QFont &font, int width)
{
    return textWidth(font, s.text) <= width || s.shortText.isEmpty() ? s.text : s.shortText;
}

QFont scaled(QFont f, double factor, bool bold = false)
{
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * factor);
    else
        f.setPixelSize(int(f.pixelSize() * factor));
    f.setBold(bold);
    return f;
}
} // namespace

QString cardInitials(const QString &name)
{
    // The first letter of each part between '-', '_' and '.' (painted per card per frame: no regex).
    QString s;
    bool partStart = true;
    for (const QChar c : name) {
        const bool separator = c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.');
        if (!separator && partStart && s.size() < 2)
            s += c.toUpper();
        partStart = separator;
    }
    return s.isEmpty() ? QStringLiteral("?") : s;
}

QString cardActionLabel(CardAction action, bool meta)
{
    switch (action) {
    case CardAction::Install: return meta ? CardDelegate::tr("Install on all nodes") : CardDelegate::tr("Install");
    case CardAction::InstallOnNodes: return CardDelegate::tr("Install on nodes…");
    case CardAction::Reinstall: return CardDelegate::tr("Reinstall");
    case CardAction::Upgrade: return CardDelegate::tr("Upgrade");
    case CardAction::Delete: break;
    }
    return CardDelegate::tr("Delete");
}

CardDelegate::CardDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QSize CardDelegate::cardSize(const QFontMetrics &fm)
{
    return {24 * em(fm), 10 * em(fm)};
}

int CardDelegate::minCardWidth(const QFontMetrics &fm)
{
    return 21 * em(fm);
}

int CardDelegate::gap(const QFontMetrics &fm)
{
    return em(fm) * 3 / 4;
}

void CardDelegate::setItemWidth(int width)
{
    if (width == m_itemWidth)
        return;
    m_itemWidth = width;
    Q_EMIT sizeHintChanged(QModelIndex());
}

QSize CardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int g = gap(option.fontMetrics);
    const QSize card = cardSize(option.fontMetrics);
    return {m_itemWidth > 0 ? m_itemWidth : card.width() + g, card.height() + g};
}

CardAction CardDelegate::primaryAction(const BackendRow &row)
{
    if (row.updateAvailable)
        return CardAction::Upgrade;
    if (!row.installed)
        return CardAction::Install;
    return CardAction::Reinstall;
}

QList<CardAction> CardDelegate::menuActions(const BackendRow &row)
{
    QList<CardAction> all{CardAction::Install, CardAction::InstallOnNodes};
    if (row.installed) {
        all << CardAction::Reinstall;
        if (row.updateAvailable)
            all << CardAction::Upgrade;
        if (!row.isSystem)
            all << CardAction::Delete;
    }
    all.removeAll(primaryAction(row));
    return all;
}

CardDelegate::Layout CardDelegate::layout(const QStyleOptionViewItem &option, const BackendRow &row)
{
    const QFontMetrics &fm = option.fontMetrics;
    const int e = em(fm);
    const int pad = gap(fm);
    Layout l;
    // The card fills its cell but for the gap: the view decides how wide the cells are.
    l.card = QRect(option.rect.topLeft() + QPoint(pad / 2, pad / 2),
                   QSize(std::max(option.rect.width() - pad, minCardWidth(fm)), cardSize(fm).height()));
    const QRect in = l.card.adjusted(pad, pad, -pad, -pad);
    const int iconSide = e * 12 / 5;
    l.icon = QRect(in.topLeft(), QSize(iconSide, iconSide));
    const int textLeft = l.icon.right() + e * 3 / 5;
    // The state takes the width it needs; the name keeps its own width, or at least 8 em.
    int stateWidth = 0;
    if (row.state.busy()) {
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.9);
        small.setBold(true);
        QFont nameFont = option.font;
        nameFont.setPointSizeF(nameFont.pointSizeF() * 1.05);
        nameFont.setBold(true);
        const int nameWidth = std::min(textWidth(nameFont, row.entry.name), e * 8) + e / 2;
        const int room = in.right() - textLeft - nameWidth;
        stateWidth = std::min(textWidth(small, fittingState(row.state, small, room - stateIconRoom(e))) + stateIconRoom(e), room);
    }
    l.state = QRect(in.right() - stateWidth, in.top(), stateWidth, e * 13 / 10);
    l.name = QRect(textLeft, in.top(), l.state.left() - textLeft - e / 2, e * 13 / 10);
    l.version = QRect(textLeft, l.name.bottom() + 1, in.right() - textLeft, e * 13 / 10);
    l.description = QRect(textLeft, l.version.bottom() + e / 5, in.right() - textLeft, e * 2);
    l.footer = QRect(textLeft, l.description.bottom() + e / 5, in.right() - textLeft, e * 6 / 5);
    const int buttonH = e * 9 / 5;
    const int buttonTop = in.bottom() - buttonH + 1;
    l.primary = QRect(in.left(), buttonTop, e * 8, buttonH);
    l.more = QRect(l.primary.right() + e / 2, buttonTop, buttonH, buttonH);
    return l;
}

void CardDelegate::paint(QPainter *p, const QStyleOptionViewItem &opt, const QModelIndex &index) const
{
    const auto row = index.data(BackendsModel::RowRole).value<BackendRow>();
    QStyleOptionViewItem option = opt;
    initStyleOption(&option, index);
    const Theme &t = Theme::instance();
    const QPalette &pal = option.palette;
    const Layout l = layout(option, row);
    const int e = em(option.fontMetrics);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);

    // Card body: raised background, 1 px border, hover lifts the border, focus draws a 2 px ring.
    const qreal radius = e * 0.4;
    QPainterPath body;
    body.addRoundedRect(QRectF(l.card).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    p->fillPath(body, t.cardBackground());
    const bool hover = option.state & QStyle::State_MouseOver;
    p->setPen(QPen(hover ? t.borderHover() : t.border(), 1));
    p->drawPath(body);
    if (option.state & QStyle::State_HasFocus || option.state & QStyle::State_Selected) {
        p->setPen(QPen(pal.color(QPalette::Highlight), 2));
        p->drawRoundedRect(QRectF(l.card).adjusted(1, 1, -1, -1), radius, radius);
    }

    // Icon tile with initials.
    QPainterPath tile;
    tile.addRoundedRect(QRectF(l.icon), e * 0.35, e * 0.35);
    const Tone tone = iconTone(row.entry.name);
    p->fillPath(tile, t.chipBackground(tone));
    p->setPen(t.readable(tone, t.chipBackground(tone)));
    p->setFont(scaled(option.font, 1.1, true));
    p->drawText(l.icon, Qt::AlignCenter, cardInitials(row.entry.name));

    // Name (bold 1.05×), elided.
    p->setFont(scaled(option.font, 1.05, true));
    p->setPen(pal.color(QPalette::Text));
    const QFontMetrics nameFm(p->font());
    p->drawText(l.name, Qt::AlignLeft | Qt::AlignVCenter, nameFm.elidedText(row.entry.name, Qt::ElideRight, l.name.width()));

    paintState(p, l, row, option);

    // Version line with badges.
    p->setFont(option.font);
    const QFontMetrics fm(option.font);
    QString version = row.installed ? row.installedVersion : row.entry.version;
    if (row.installed && row.updateAvailable && !row.availableVersion.isEmpty() && row.availableVersion != row.installedVersion)
        version = QStringLiteral("%1 → %2").arg(row.installedVersion, row.availableVersion);
    p->setPen(pal.color(QPalette::Text));
    int x = l.version.left();
    p->drawText(QRect(x, l.version.top(), fm.horizontalAdvance(version) + 1, l.version.height()),
                Qt::AlignLeft | Qt::AlignVCenter, version);
    x += fm.horizontalAdvance(version) + e / 2;
    const QFont chipFont = scaled(option.font, 0.85);
    const QFontMetrics cfm(chipFont);
    p->setFont(chipFont);
    const int chipTop = l.version.top() + (l.version.height() - (cfm.height() + cfm.height() / 4)) / 2;
    auto chip = [&](const QString &text, Tone tone) {
        if (x + chipWidth(cfm, text) > l.version.right())
            return;
        x = paintChip(p, QPoint(x, chipTop), cfm, text, tone).right() + e / 3;
    };
    if (row.updateAvailable)
        chip(tr("Update"), Tone::Info);
    if (row.driftCount > 0)
        chip(tr("Drift %1").arg(row.driftCount), Tone::Warning);
    if (row.entry.isMeta())
        chip(tr("Meta"), Tone::Neutral);
    if (row.entry.isDevelopment())
        chip(tr("Development"), Tone::Neutral);
    if (row.isSystem)
        chip(tr("System"), Tone::Neutral);

    // Description: two lines, elided, secondary colour at 0.9×.
    const QFont small = scaled(option.font, 0.9);
    p->setFont(small);
    p->setPen(t.secondaryText());
    const QFontMetrics sfm(small);
    QString desc = row.entry.description.isEmpty() ? tr("No description") : row.entry.description;
    QTextLayout text(desc, small);
    text.beginLayout();
    int y = l.description.top();
    for (int lineNo = 0; lineNo < 2; ++lineNo) {
        QTextLine line = text.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(l.description.width());
        QString s = desc.mid(line.textStart(), line.textLength());
        if (lineNo == 1 && line.textStart() + line.textLength() < desc.size())
            s = sfm.elidedText(desc.mid(line.textStart()), Qt::ElideRight, l.description.width());
        p->drawText(QRect(l.description.left(), y, l.description.width(), sfm.height()), Qt::AlignLeft, s.trimmed());
        y += sfm.height();
    }
    text.endLayout();

    // Footer: tags at the left, "N/M nodes" with a dot per installed node at the right.
    const QString nodes = row.installed ? tr("%1/%2 nodes").arg(row.nodeCount).arg(row.totalNodes) : tr("not installed");
    const int dots = row.installed ? std::min(row.nodeCount, 6) : 0;
    const int dot = sfm.height() / 2;
    const int dotsWidth = dots * (dot + dot / 2);
    const int nodesWidth = sfm.horizontalAdvance(nodes);
    const QRect nodesRect(l.footer.right() - dotsWidth - nodesWidth - e / 3, l.footer.top(), nodesWidth + 1, l.footer.height());
    p->drawText(nodesRect, Qt::AlignLeft | Qt::AlignVCenter, nodes);
    p->setPen(Qt::NoPen);
    p->setBrush(t.color(Tone::Ok));
    for (int i = 0; i < dots; ++i)
        p->drawEllipse(QRect(l.footer.right() - dotsWidth + i * (dot + dot / 2), l.footer.center().y() - dot / 2, dot, dot));
    p->setPen(t.secondaryText());
    const QString tags = row.entry.tags.join(QStringLiteral(" · "));
    p->drawText(QRect(l.footer.left(), l.footer.top(), nodesRect.left() - l.footer.left() - e / 2, l.footer.height()),
                Qt::AlignLeft | Qt::AlignVCenter,
                sfm.elidedText(tags, Qt::ElideRight, nodesRect.left() - l.footer.left() - e / 2));

    paintButtons(p, l, row, option);

    // A thin progress line along the bottom edge while an op with progress runs.
    if (row.state.progress >= 0) {
        const int h = std::max(2, e / 5);
        const QRect track(l.card.left() + int(radius), l.card.bottom() - h, l.card.width() - int(2 * radius), h);
        QColor trackColor = t.color(row.state.tone);
        trackColor.setAlphaF(0.2);
        p->fillRect(track, trackColor);
        p->fillRect(QRect(track.topLeft(), QSize(track.width() * row.state.progress / 100, h)), t.color(row.state.tone));
    }
    p->restore();
}

void CardDelegate::paintState(QPainter *p, const Layout &l, const BackendRow &row, const QStyleOptionViewItem &option) const
{
    if (!row.state.busy())
        return;
    const Theme &t = Theme::instance();
    const QFont small = scaled(option.font, 0.9, true);
    const QFontMetrics fm(small);
    const int e = em(option.fontMetrics);
    const QColor bg = t.cardBackground();
    const QColor c = t.readable(row.state.tone, bg);
    const QString text = fittingState(row.state, small, l.state.width() - stateIconRoom(e));
    const int textW = std::min(textWidth(small, text), l.state.width() - stateIconRoom(e));
    const QRect textRect(l.state.right() - textW, l.state.top(), textW + 1, l.state.height());
    const int side = e * 9 / 10;
    const QRectF icon(textRect.left() - side - e / 3, l.state.center().y() - side / 2.0, side, side);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    if (row.state.visual == CardState::Visual::Spinner) {
        Spinner::paint(p, icon, c);
    } else if (row.state.visual == CardState::Visual::WorkerBusy) {
        // Amber clock.
        p->setPen(QPen(c, std::max(1.5, side / 9.0)));
        p->setBrush(Qt::NoBrush);
        p->drawEllipse(icon.adjusted(1, 1, -1, -1));
        p->drawLine(icon.center(), icon.center() + QPointF(0, -side * 0.3));
        p->drawLine(icon.center(), icon.center() + QPointF(side * 0.22, 0));
    } else {
        // Amber pause.
        p->setPen(Qt::NoPen);
        p->setBrush(c);
        const qreal w = side / 4.0;
        p->drawRect(QRectF(icon.left() + side * 0.2, icon.top() + side * 0.15, w, side * 0.7));
        p->drawRect(QRectF(icon.right() - side * 0.2 - w, icon.top() + side * 0.15, w, side * 0.7));
    }
    p->setFont(small);
    p->setPen(c);
    p->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, fm.elidedText(text, Qt::ElideRight, textW));
    p->restore();
}

void CardDelegate::paintButtons(QPainter *p, const Layout &l, const BackendRow &row, const QStyleOptionViewItem &option) const
{
    const bool enabled = !row.state.busy() && (option.state & QStyle::State_Enabled);
    const bool hoverHere = m_hovered == option.index;
    auto button = [&](const QRect &r, const QString &text, bool primary, int id) {
        QStyleOptionButton b;
        b.rect = r;
        b.text = text;
        b.fontMetrics = option.fontMetrics;
        b.palette = option.palette;
        b.state = QStyle::State_Raised;
        if (enabled)
            b.state |= QStyle::State_Enabled;
        else
            b.palette.setCurrentColorGroup(QPalette::Disabled);
        if (enabled && hoverHere && m_hoveredButton == id)
            b.state |= QStyle::State_MouseOver;
        if (enabled && hoverHere && m_pressedButton == id)
            b.state |= QStyle::State_Sunken;
        if (primary)
            b.features |= QStyleOptionButton::DefaultButton;
        const QWidget *w = option.widget;
        QStyle *style = w ? w->style() : QApplication::style();
        style->drawControl(QStyle::CE_PushButton, &b, p, w);
    };
    button(l.primary, cardActionLabel(primaryAction(row), row.entry.isMeta()), true, 1);
    button(l.more, QStringLiteral("⋯"), false, 2);
}

bool CardDelegate::editorEvent(QEvent *event, QAbstractItemModel *, const QStyleOptionViewItem &option,
                               const QModelIndex &index)
{
    const auto row = index.data(BackendsModel::RowRole).value<BackendRow>();
    const Layout l = layout(option, row);
    auto *view = qobject_cast<QAbstractItemView *>(const_cast<QWidget *>(option.widget));
    auto hit = [&](const QPoint &pos) { return l.primary.contains(pos) ? 1 : l.more.contains(pos) ? 2 : 0; };
    switch (event->type()) {
    case QEvent::MouseMove: {
        const int b = hit(static_cast<QMouseEvent *>(event)->position().toPoint());
        if (m_hovered != index || m_hoveredButton != b) {
            m_hovered = index;
            m_hoveredButton = b;
            if (view)
                view->viewport()->update();
        }
        return false;
    }
    case QEvent::MouseButtonPress: {
        auto *me = static_cast<QMouseEvent *>(event);
        m_pressedButton = me->button() == Qt::LeftButton ? hit(me->position().toPoint()) : 0;
        if (view && m_pressedButton)
            view->viewport()->update(l.card);
        return m_pressedButton != 0;
    }
    case QEvent::MouseButtonRelease: {
        auto *me = static_cast<QMouseEvent *>(event);
        const int b = hit(me->position().toPoint());
        const int pressed = m_pressedButton;
        m_pressedButton = 0;
        if (view)
            view->viewport()->update(l.card);
        if (!b || b != pressed || row.state.busy())
            return b != 0;
        if (b == 1)
            Q_EMIT actionTriggered(index, primaryAction(row));
        else
            Q_EMIT menuRequested(index, view ? view->viewport()->mapToGlobal(l.more.bottomLeft()) : me->globalPosition().toPoint());
        return true;
    }
    default: return false;
    }
}

bool CardDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                             const QModelIndex &index)
{
    const auto row = index.data(BackendsModel::RowRole).value<BackendRow>();
    const Layout l = layout(option, row);
    QString tip;
    if (l.more.contains(event->pos()))
        tip = tr("More actions for %1").arg(row.entry.name);
    else if (l.primary.contains(event->pos()))
        tip = row.state.busy() ? tr("%1 is busy: %2").arg(row.entry.name, row.state.text)
                               : tr("%1 %2").arg(cardActionLabel(primaryAction(row), row.entry.isMeta()), row.entry.name);
    else if (l.state.contains(event->pos()) && row.state.busy())
        tip = row.state.tooltip.isEmpty() ? row.state.text : row.state.text + QStringLiteral("\n") + row.state.tooltip;
    else if (l.version.contains(event->pos()) && row.driftCount > 0)
        tip = tr("Versions differ across nodes: %1").arg(row.driftDetails.join(QStringLiteral(", ")));
    else
        tip = index.data(Qt::AccessibleTextRole).toString() + QStringLiteral("\n") + row.entry.description;
    QToolTip::showText(event->globalPos(), tip, view);
    return true;
}

} // namespace fleetdeck::ui
