#include "widgets/empty_state.h"

#include "theme/theme.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fleetdeck::ui {

EmptyState::EmptyState(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    m_title = new QLabel(this);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setAlignment(Qt::AlignCenter);
    m_detail = new QLabel(this);
    m_detail->setAlignment(Qt::AlignCenter);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action = new QPushButton(this);
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, &EmptyState::actionTriggered);
    layout->addWidget(m_title);
    layout->addWidget(m_detail);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_action);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
}

void EmptyState::set(const QString &title, const QString &detail, const QString &actionLabel)
{
    m_title->setText(title);
    m_detail->setText(detail);
    QPalette p = m_detail->palette();
    p.setColor(QPalette::WindowText, Theme::instance().secondaryText());
    m_detail->setPalette(p);
    m_action->setText(actionLabel);
    m_action->setVisible(!actionLabel.isEmpty());
    setAccessibleName(title);
}

QString EmptyState::title() const
{
    return m_title->text();
}

} // namespace fleetdeck::ui
