#include "widgets/connecting_panel.h"

#include "theme/theme.h"
#include "presentation/reason_text.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fleetdeck::ui {

ConnectingPanel::ConnectingPanel(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("connectingPanel"));
    const int em = fontMetrics().height();
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(em * 3, em * 2, em * 3, em * 2);
    outer->addStretch(1);
    m_title = new QLabel(tr("Connecting to the cluster"), this);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setAlignment(Qt::AlignCenter);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("connectingMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A word-wrapped label in a centred row takes its narrowest width: give it a readable one.
    m_message->setMinimumWidth(em * 34);
    m_message->setMaximumWidth(em * 44);
    m_hint = new QLabel(tr("Fleetdeck tries again every 5 s and opens the cluster by itself once the store answers. "
                           "Check the store's address, or change the connection in Settings…, or look around the demo."),
                        this);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setMinimumWidth(em * 30);
    m_hint->setMaximumWidth(em * 40);
    auto recolour = [this] {
        QPalette p = m_hint->palette();
        p.setColor(QPalette::WindowText, Theme::instance().secondaryText());
        m_hint->setPalette(p);
    };
    recolour();
    connect(&Theme::instance(), &Theme::changed, this, recolour);
    auto *settings = new QPushButton(tr("Settings…"), this);
    settings->setToolTip(tr("Connection profiles: the store and NATS this window connects to"));
    auto *demo = new QPushButton(tr("Demo"), this);
    demo->setToolTip(tr("Open the offline demo cluster in a new window"));
    connect(settings, &QPushButton::clicked, this, &ConnectingPanel::settingsRequested);
    connect(demo, &QPushButton::clicked, this, &ConnectingPanel::demoRequested);
    auto centred = [outer](QWidget *w) {
        auto *row = new QHBoxLayout;
        row->addStretch(1);
        row->addWidget(w);
        row->addStretch(1);
        outer->addLayout(row);
    };
    centred(m_title);
    outer->addSpacing(em / 2);
    centred(m_message);
    outer->addSpacing(em / 2);
    centred(m_hint);
    outer->addSpacing(em);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(settings);
    buttons->addWidget(demo);
    buttons->addStretch(1);
    outer->addLayout(buttons);
    outer->addStretch(2);
}

QString ConnectingPanel::describe(const QString &storeDsn, const ConnectionStatus &s)
{
    if (s.reason.isEmpty())
        return tr("Connecting to store %1… (attempt %2)").arg(storeDsn).arg(qMax(1, s.storeAttempt));
    return tr("Connecting to store %1: %2 (attempt %3)").arg(storeDsn, reasonText(s.reasonCode, s.reason)).arg(s.storeAttempt);
}

void ConnectingPanel::setStatus(const QString &storeDsn, const ConnectionStatus &status)
{
    m_message->setText(describe(storeDsn, status));
    setAccessibleName(m_message->text());
}

QString ConnectingPanel::message() const
{
    return m_message->text();
}

} // namespace fleetdeck::ui
