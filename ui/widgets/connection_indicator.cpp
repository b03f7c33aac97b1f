#include "widgets/connection_indicator.h"

#include "theme/theme.h"

namespace fleetdeck::ui {

ConnectionIndicator::ConnectionIndicator(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("connectionIndicator"));
    const int em = fontMetrics().height();
    setContentsMargins(em / 2, 0, em / 2, 0);
}

QString ConnectionIndicator::describe(const ConnectionStatus &s, qint64 nowMs)
{
    switch (s.state) {
    case ConnectionStatus::State::Live: return tr("● Live");
    case ConnectionStatus::State::Stale:
        return tr("◐ Stale %1 s").arg(std::max<qint64>(0, (nowMs - s.staleSinceMs) / 1000));
    case ConnectionStatus::State::Disconnected: break;
    }
    return tr("○ Disconnected");
}

void ConnectionIndicator::setStatus(const ConnectionStatus &s, qint64 nowMs)
{
    Tone tone = Tone::Ok;
    if (s.state == ConnectionStatus::State::Stale)
        tone = Tone::Warning;
    else if (s.state == ConnectionStatus::State::Disconnected)
        tone = Tone::Error;
    const QColor c = Theme::instance().readable(tone, palette().color(QPalette::Window));
    setText(QStringLiteral("<span style=\"color:%1; font-weight:600\">%2</span>").arg(c.name(), describe(s, nowMs).toHtmlEscaped()));
    const QString reason = s.reason.isEmpty() ? (s.state == ConnectionStatus::State::Live ? tr("Connected; data is live") : QString())
                                              : s.reason;
    setToolTip(reason);
    setAccessibleName(tr("Connection: %1. %2").arg(describe(s, nowMs), reason));
}

} // namespace fleetdeck::ui
