#include "widgets/chips.h"

#include <QPainter>
#include <QPainterPath>

namespace fleetdeck::ui {

int chipWidth(const QFontMetrics &fm, const QString &text)
{
    return fm.horizontalAdvance(text) + fm.height(); // half an em of padding each side
}

QRect paintChip(QPainter *p, QPoint at, const QFontMetrics &fm, const QString &text, Tone tone)
{
    const Theme &t = Theme::instance();
    const QRect r(at, QSize(chipWidth(fm, text), fm.height() + fm.height() / 4));
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), r.height() / 2.0, r.height() / 2.0);
    p->fillPath(path, t.chipBackground(tone));
    QColor edge = t.color(tone);
    edge.setAlphaF(0.55);
    p->setPen(edge);
    p->drawPath(path);
    // Text keeps ≥ 4.5:1 on the soft tint in both themes.
    p->setPen(t.readable(tone, t.chipBackground(tone)));
    p->drawText(r, Qt::AlignCenter, text);
    p->restore();
    return r;
}

} // namespace fleetdeck::ui
