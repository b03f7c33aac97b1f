#include "widgets/tour_banner.h"

#include "bridge/engine_host.h"
#include "theme/theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace fleetdeck::ui {

TourBanner::TourBanner(EngineHost *host, QWidget *parent) : QFrame(parent), m_host(host)
{
    setObjectName(QStringLiteral("tourBanner"));
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    const int em = fontMetrics().height();
    layout->setContentsMargins(em, em / 4, em / 2, em / 4);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pause = new QPushButton(tr("Pause tour"), this);
    m_pause->setToolTip(tr("Stop the scripted tour from starting new steps; what runs goes on"));
    m_close = new QPushButton(tr("Hide"), this);
    m_close->setToolTip(tr("Hide the tour captions (the tour keeps playing unless paused)"));
    layout->addWidget(m_label, 1);
    layout->addWidget(m_pause);
    layout->addWidget(m_close);
    hide();
    auto recolour = [this] {
        QPalette p = palette();
        p.setColor(QPalette::Window, Theme::instance().chipBackground(Tone::Info));
        setPalette(p);
    };
    recolour();
    connect(&Theme::instance(), &Theme::changed, this, recolour);
    connect(host, &EngineHost::tourStep, this, [this](const QString &, const QString &caption) {
        m_label->setText(tr("Demo tour: %1").arg(caption));
        setAccessibleName(m_label->text());
        if (!property("hiddenByUser").toBool())
            show();
    });
    connect(host, &EngineHost::tourPausedChanged, this, &TourBanner::setPaused);
    connect(host, &EngineHost::tourFinished, this, [this] {
        m_label->setText(tr("Demo tour finished. Everything on screen is live: install, upgrade, delete and watch."));
        m_pause->hide();
    });
    connect(m_pause, &QPushButton::clicked, this, [this] { m_host->setTourPaused(!m_paused); });
    connect(m_close, &QPushButton::clicked, this, [this] {
        setProperty("hiddenByUser", true);
        hide();
    });
}

QString TourBanner::caption() const
{
    return m_label->text();
}

void TourBanner::setPaused(bool paused)
{
    m_paused = paused;
    m_pause->setText(paused ? tr("Resume tour") : tr("Pause tour"));
}

} // namespace fleetdeck::ui
