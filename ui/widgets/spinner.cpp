#include "widgets/spinner.h"

#include "theme/theme.h"

#include <QPainter>
#include <QtMath>

namespace fleetdeck::ui {

Spinner &Spinner::instance()
{
    static Spinner *s = new Spinner;
    return *s;
}

Spinner::Spinner()
{
    m_timer.setInterval(60);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_phase = (m_phase + 1) % 12;
        Q_EMIT tick();
    });
}

void Spinner::setActive(const QObject *client, bool spinning)
{
    if (spinning)
        m_clients.insert(client);
    else
        m_clients.remove(client);
    const bool run = !m_clients.isEmpty() && !Theme::instance().reducedMotion();
    if (run && !m_timer.isActive())
        m_timer.start();
    else if (!run)
        m_timer.stop();
}

void Spinner::paint(QPainter *p, const QRectF &r, const QColor &color)
{
    // Twelve spokes, the leading one opaque; a static ring when motion is reduced.
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QPointF c = r.center();
    const qreal radius = std::min(r.width(), r.height()) / 2.0;
    const int phase = instance().phase();
    QPen pen(color);
    pen.setCapStyle(Qt::RoundCap);
    pen.setWidthF(std::max<qreal>(1.5, radius / 4.0));
    for (int i = 0; i < 12; ++i) {
        const int age = (phase - i + 12) % 12;
        QColor spoke = color;
        spoke.setAlphaF(Theme::instance().reducedMotion() ? 0.8 : std::max(0.15, 1.0 - age / 10.0));
        pen.setColor(spoke);
        p->setPen(pen);
        const qreal a = qDegreesToRadians(i * 30.0);
        p->drawLine(QPointF(c.x() + std::cos(a) * radius * 0.45, c.y() + std::sin(a) * radius * 0.45),
                    QPointF(c.x() + std::cos(a) * radius * 0.95, c.y() + std::sin(a) * radius * 0.95));
    }
    p->restore();
}

} // namespace fleetdeck::ui
