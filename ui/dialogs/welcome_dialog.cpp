#include "dialogs/welcome_dialog.h"

#include "theme/theme.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace fleetdeck::ui {

namespace {

// A big choice button: a bold title over one line of explanation.
QPushButton *choiceButton(const QString &title, const QString &detail, QWidget *parent)
{
    auto *button = new QPushButton(parent);
    button->setText(title + QLatin1Char('\n') + detail);
    button->setAccessibleName(QString(title).remove(QLatin1Char('&')));
    button->setAccessibleDescription(detail);
    button->setToolTip(detail);
    QFont f = button->font();
    f.setPointSizeF(f.pointSizeF() * 1.05);
    button->setFont(f);
    // Wide enough for the explanation line: a button never clips its text.
    const QFontMetrics fm(f);
    const int em = fm.height();
    const int text = std::max(fm.horizontalAdvance(title), fm.horizontalAdvance(detail));
    button->setMinimumSize(std::max(16 * em, text + 2 * em), 5 * em);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    return button;
}

} // namespace

WelcomeDialog::WelcomeDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Welcome to Fleetdeck"));
    const int em = fontMetrics().height();

    auto *icon = new QLabel(this);
    const QIcon appIcon = QApplication::windowIcon();
    if (!appIcon.isNull())
        icon->setPixmap(appIcon.pixmap(4 * em, 4 * em));
    icon->setAccessibleName(tr("Fleetdeck logo"));

    auto *title = new QLabel(tr("Fleetdeck"), this);
    title->setObjectName(QStringLiteral("title"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    title->setFont(big);

    auto *tagline = new QLabel(tr("Install, upgrade and remove inference backends on every node of your cluster, "
                                  "and watch each operation to its end."),
                               this);
    tagline->setWordWrap(true);

    auto *question = new QLabel(tr("No cluster is configured yet. How do you want to start?"), this);
    question->setWordWrap(true);
    QPalette secondary = question->palette();
    secondary.setColor(QPalette::WindowText, Theme::instance().secondaryText());
    question->setPalette(secondary);

    m_demo = choiceButton(tr("Try the &demo"),
                          tr("An offline sample cluster with six nodes; nothing is saved."), this);
    m_demo->setObjectName(QStringLiteral("demoButton"));
    m_connect = choiceButton(tr("&Connect to a cluster…"),
                             tr("Enter your NATS server and store, then save them as a profile."), this);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_quit = new QPushButton(tr("&Quit"), this);
    m_quit->setObjectName(QStringLiteral("quitButton"));
    m_quit->setAccessibleName(tr("Quit"));
    m_connect->setDefault(true);
    m_connect->setAutoDefault(true);
    m_demo->setAutoDefault(true);

    auto *head = new QHBoxLayout;
    head->addWidget(icon, 0, Qt::AlignTop);
    auto *headText = new QVBoxLayout;
    headText->addWidget(title);
    headText->addWidget(tagline);
    head->addLayout(headText, 1);

    auto *choices = new QHBoxLayout;
    choices->setSpacing(em);
    choices->addWidget(m_demo);
    choices->addWidget(m_connect);

    auto *bottom = new QHBoxLayout;
    bottom->addStretch(1);
    bottom->addWidget(m_quit);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2 * em, 2 * em, 2 * em, em);
    layout->setSpacing(em);
    layout->addLayout(head);
    layout->addWidget(question);
    layout->addLayout(choices, 1);
    layout->addLayout(bottom);

    setTabOrder(m_demo, m_connect);
    setTabOrder(m_connect, m_quit);
    connect(m_demo, &QPushButton::clicked, this, [this]() { choose(Choice::Demo); });
    connect(m_connect, &QPushButton::clicked, this, [this]() { choose(Choice::Connect); });
    connect(m_quit, &QPushButton::clicked, this, [this]() { choose(Choice::Quit); });
    m_connect->setFocus();
}

void WelcomeDialog::choose(Choice choice)
{
    m_choice = choice;
    if (choice == Choice::Quit)
        reject();
    else
        accept();
}

} // namespace fleetdeck::ui
