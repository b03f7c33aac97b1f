#include "widgets/connection_indicator.h"

#include "theme/theme.h"
#include "presentation/reason_text.h"

namespace fleetdeck::ui {

ConnectionIndicator::ConnectionIndicator(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("connectionIndicator"));
    const int em = fontMetrics().height();
    setContentsMargins(em / 2, 0, em / 2, 0);
}

// Start-up (docs/gui.md#connection-indicator-and-re-seed) is never Live: "Connecting" until the
// store answered and NATS connected (then the cluster check and hydration), "Disconnected" while
// only NATS is missing.
QString ConnectionIndicator::describe(const ConnectionStatus &s, qint64 nowMs)
{
    if (s.starting() && s.startup != ConnectionStatus::Startup::Nats)
        return tr("◌ Connecting…");
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
    if (s.starting() && s.startup != ConnectionStatus::Startup::Nats)
        tone = Tone::Info;
    else if (s.state == ConnectionStatus::State::Stale)
        tone = Tone::Warning;
    else if (s.state == ConnectionStatus::State::Disconnected)
        tone = Tone::Error;
    const QColor c = Theme::instance().readable(tone, palette().color(QPalette::Window));
    setText(QStringLiteral("<span style=\"color:%1; font-weight:600\">%2</span>").arg(c.name(), describe(s, nowMs).toHtmlEscaped()));
    QString reason = reasonText(s.reasonCode, s.reason);
    if (s.startup == ConnectionStatus::Startup::Store)
        reason = s.reason.isEmpty() ? tr("connecting to the store") : tr("store unreachable: %1").arg(reason);
    else if (reason.isEmpty() && s.state == ConnectionStatus::State::Live)
        reason = tr("Connected; data is live");
    setToolTip(reason);
    setAccessibleName(tr("Connection: %1. %2").arg(describe(s, nowMs), reason));
}

} // namespace fleetdeck::ui
