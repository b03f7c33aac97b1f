#pragma once
// The one shared spinner clock (docs/gui.md#motion): a ~60 ms timer that runs only while something
// spins, and none when reduced motion is asked for. Views register while they show a spinner and
// repaint on tick(); painters read the phase.
#include <QObject>
#include <QSet>
#include <QTimer>

class QPainter;
class QRectF;

namespace fleetdeck::ui {

class Spinner final : public QObject {
    Q_OBJECT
public:
    static Spinner &instance();
    void setActive(const QObject *client, bool spinning);
    int phase() const { return m_phase; } // 0..11
    static void paint(QPainter *p, const QRectF &r, const QColor &color);

Q_SIGNALS:
    void tick();

private:
    Spinner();
    QTimer m_timer;
    QSet<const QObject *> m_clients;
    int m_phase = 0;
};

} // namespace fleetdeck::ui
