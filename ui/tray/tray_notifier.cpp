#include "tray/tray_notifier.h"

#include "bridge/engine_host.h"
#include "presentation/reason_text.h"
#include "theme/theme.h"

#include <QAction>
#include <QApplication>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QSvgRenderer>
#include <QSystemTrayIcon>
#include <QWidget>

Q_LOGGING_CATEGORY(lcTray, "fleetdeck.ui.tray")

// resources/fleetdeck.qrc lives in the static fleetdeck_ui library, whose unreferenced resource
// initialiser the linker may drop; Q_INIT_RESOURCE has to be called outside any namespace.
static void initFleetdeckResources()
{
    Q_INIT_RESOURCE(fleetdeck);
}

namespace fleetdeck::ui {

namespace {
const QString kAppIcon = QStringLiteral(":/icons/fleetdeck.svg");
constexpr int kIconSizes[] = {16, 22, 24, 32, 48, 64, 128};
constexpr qint64 kMinFlushDelayMs = 100; // the engine clock and the timer may drift a little
} // namespace

TrayNotifier::TrayNotifier(EngineHost *host, QWidget *window, std::function<void()> quit, QObject *parent)
    : QObject(parent), m_host(host), m_window(window), m_quit(std::move(quit))
{
    if (!host || !QSystemTrayIcon::isSystemTrayAvailable()) {
        qCInfo(lcTray) << "no system tray; tray icon and notifications are off";
        return;
    }
    m_menu = std::make_unique<QMenu>();
    QAction *show = m_menu->addAction(tr("&Show Fleetdeck"));
    connect(show, &QAction::triggered, this, &TrayNotifier::showWindow);
    m_reconcileAction = m_menu->addAction(tr("&Reconcile now"));
    connect(m_reconcileAction, &QAction::triggered, this, &TrayNotifier::reconcile);
    m_menu->addSeparator();
    QAction *quitAction = m_menu->addAction(tr("&Quit"));
    connect(quitAction, &QAction::triggered, this, [this] {
        if (m_quit)
            m_quit();
    });

    m_tray = new QSystemTrayIcon(this);
    m_tray->setContextMenu(m_menu.get());
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            toggleWindow();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayNotifier::showWindow);

    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &TrayNotifier::flush);
    connect(host, &EngineHost::opsChanged, this, &TrayNotifier::refresh);
    connect(host, &EngineHost::nodesChanged, this, &TrayNotifier::refresh);
    connect(host, &EngineHost::started, this, &TrayNotifier::refresh);
    connect(host, &EngineHost::connectionChanged, this, &TrayNotifier::updateActions);
    connect(&Theme::instance(), &Theme::changed, this, [this] { updateIcon(true); });
    // The admin looked at Fleetdeck: what was waiting is seen.
    connect(qApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
        if (state == Qt::ApplicationActive)
            m_digest.dropPending();
    });

    refresh();
    updateIcon(true);
    updateActions();
    m_tray->show();
}

TrayNotifier::~TrayNotifier()
{
    if (m_tray)
        m_tray->hide();
}

void TrayNotifier::setNotificationsEnabled(bool enabled)
{
    if (m_notify == enabled)
        return;
    m_notify = enabled;
    if (!enabled)
        m_digest.dropPending();
}

void TrayNotifier::showWindow()
{
    if (!m_window)
        return;
    if (m_window->isMinimized())
        m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void TrayNotifier::toggleWindow()
{
    if (!m_window)
        return;
    // A click on the tray takes the focus from the window on most desktops, so "shown" is the test.
    if (m_window->isVisible() && !m_window->isMinimized())
        m_window->hide();
    else
        showWindow();
}

QPixmap TrayNotifier::statusPixmap(TrayHealth::Level level, int size)
{
    static const bool resources = (initFleetdeckResources(), true);
    Q_UNUSED(resources);
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    QSvgRenderer svg(kAppIcon);
    svg.render(&p, QRectF(0, 0, size, size));

    // The dot covers the bottom-right corner: shape as well as colour (● ▲ ■, as in the Nodes view).
    const Tone tone = TrayHealth::toneOf(level);
    const qreal ring = std::max<qreal>(1.0, size / 16.0);
    const qreal d = size * 0.5;
    const QRectF r(size - d + ring / 2, size - d + ring / 2, d - ring, d - ring);
    QPainterPath shape;
    switch (level) {
    case TrayHealth::Level::Ok: shape.addEllipse(r); break;
    case TrayHealth::Level::Warning:
        shape.moveTo(r.center().x(), r.top());
        shape.lineTo(r.bottomRight());
        shape.lineTo(r.bottomLeft());
        shape.closeSubpath();
        break;
    case TrayHealth::Level::Error: shape.addRect(r.adjusted(ring / 2, ring / 2, -ring / 2, -ring / 2)); break;
    }
    p.setPen(QPen(Theme::instance().onTone(tone), ring));
    p.setBrush(Theme::instance().color(tone));
    p.drawPath(shape);
    return pm;
}

QIcon TrayNotifier::statusIcon(TrayHealth::Level level)
{
    QIcon icon;
    for (const int s : kIconSizes)
        icon.addPixmap(statusPixmap(level, s));
    return icon;
}

void TrayNotifier::refresh()
{
    if (!m_host)
        return;
    const ClusterSnapshot &s = m_host->snapshot();
    const TrayHealth h = TrayHealth::compute(s.ops, s.nodes);
    const bool levelChanged = h.level != m_health.level;
    m_health = h;
    updateIcon(levelChanged);
    feed();
    updateActions();
}

void TrayNotifier::updateIcon(bool force)
{
    if (!m_tray)
        return;
    if (force || !m_iconValid) {
        m_tray->setIcon(statusIcon(m_health.level));
        m_iconValid = true;
    }
    const QString tip = m_health.toolTip();
    if (m_tray->toolTip() != tip)
        m_tray->setToolTip(tip);
}

bool TrayNotifier::windowActive() const
{
    return QApplication::activeWindow() != nullptr || (m_window && m_window->isActiveWindow());
}

void TrayNotifier::feed()
{
    // Before the engine has started the snapshot is empty; the first feed after it is the baseline.
    if (!m_host || !m_host->isStarted())
        return;
    const ClusterSnapshot &s = m_host->snapshot();
    if (const auto n = m_digest.feed(s.ops, s.nodes, m_host->nowMs(), !m_notify || windowActive()))
        show(*n);
    scheduleFlush();
}

void TrayNotifier::flush()
{
    if (!m_host)
        return;
    if (const auto n = m_digest.flush(m_host->nowMs(), !m_notify || windowActive()))
        show(*n);
    scheduleFlush();
}

void TrayNotifier::scheduleFlush()
{
    const auto due = m_digest.dueAtMs();
    if (!due || !m_host) {
        m_flushTimer.stop();
        return;
    }
    m_flushTimer.start(int(std::max(kMinFlushDelayMs, *due - m_host->nowMs())));
}

void TrayNotifier::show(const Notification &n)
{
    const QString title = tr("Fleetdeck");
    const QString text = n.text();
    qCInfo(lcTray).noquote() << "notification:" << text;
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, text, n.failedOps > 0 ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning);
    Q_EMIT notified(title, text);
}

void TrayNotifier::reconcile()
{
    if (!m_host || m_reconciling)
        return;
    m_reconciling = true;
    updateActions();
    m_host->reconcileNow(this, [this](const ReconcileReport &report) {
        m_reconciling = false;
        updateActions();
        if (m_tray)
            m_tray->showMessage(tr("Fleetdeck"), reasonText(report.reason(), report.summary()), QSystemTrayIcon::Information);
    });
}

void TrayNotifier::updateActions()
{
    if (!m_reconcileAction || !m_host)
        return;
    const bool reachable = m_host->snapshot().connection.storeReachable;
    m_reconcileAction->setEnabled(m_host->isStarted() && reachable && !m_reconciling);
    m_reconcileAction->setToolTip(reachable ? QString() : tr("store unreachable"));
}

} // namespace fleetdeck::ui
