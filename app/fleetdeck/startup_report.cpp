#include "startup_report.h"

#include "bridge/engine_host.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>
#include <cstdio>

namespace fleetdeck {

namespace {

class StartupPaints final : public QObject {
public:
    StartupPaints(QWidget *window, EngineHost *host) : QObject(window), m_window(window), m_host(host) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || !watched->isWidgetType()
            || static_cast<QWidget *>(watched)->window() != m_window)
            return false;
        if (!m_firstPaint) {
            m_firstPaint = true;
            std::fprintf(stderr, "fleetdeck: startup: first paint\n");
        }
        const ClusterSnapshot &s = m_host->snapshot();
        if (!s.gallery.isEmpty() && !s.nodes.isEmpty() && s.connection.state == ConnectionStatus::State::Live) {
            std::fprintf(stderr, "fleetdeck: startup: cluster painted\n");
            qApp->removeEventFilter(this);
            deleteLater();
        }
        std::fflush(stderr);
        return false;
    }

private:
    QWidget *m_window;
    EngineHost *m_host;
    bool m_firstPaint = false;
};

} // namespace

void reportStartupPaints(QWidget *window, EngineHost *host)
{
    if (qEnvironmentVariableIntValue("FLEETDECK_STARTUP_REPORT") != 1)
        return;
    qApp->installEventFilter(new StartupPaints(window, host));
}

} // namespace fleetdeck
