#include "dialogs/profiles_dialog.h"

#include "connection/connection_tester.h"
#include "dialogs/profile_editor.h"
#include "connection/secret_collector.h"
#include "connection/secret_vault.h"
#include "theme/theme.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <memory>

namespace fleetdeck::ui {

namespace {

const QString &kStorePassword = SecretCollector::kStorePassword;
const QString &kNatsPassword = SecretCollector::kNatsPassword;
const QString &kNatsToken = SecretCollector::kNatsToken;

} // namespace

ProfilesDialog::ProfilesDialog(const QString &iniPath, QWidget *parent)
    : QDialog(parent), m_store(iniPath), m_vault(new SecretVault(this)), m_tester(new ConnectionTester(this))
{
    setWindowTitle(tr("Connection profiles"));
    const int em = fontMetrics().height();

    auto *left = new QVBoxLayout;
    auto *listLabel = new QLabel(tr("&Profiles:"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Connection profiles"));
    m_list->setMinimumWidth(12 * em);
    listLabel->setBuddy(m_list);
    auto *add = new QPushButton(tr("&New"), this);
    m_delete = new QPushButton(tr("De&lete"), this);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(m_delete);
    left->addWidget(listLabel);
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    m_editor = new ProfileEditor(this);
    m_editor->setKeychainAvailable(m_vault->keychainEnabled());
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_editor);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(30 * em);

    auto *panes = new QHBoxLayout;
    panes->addLayout(left);
    panes->addWidget(scroll, 1);

    m_testView = new QLabel(this);
    m_testView->setObjectName(QStringLiteral("testResults"));
    m_testView->setAccessibleName(tr("Connection test results"));
    m_testView->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_testView->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    m_test = buttons->addButton(tr("&Test connection"), QDialogButtonBox::ActionRole);
    auto *save = buttons->addButton(tr("&Save"), QDialogButtonBox::ApplyRole);
    auto *demo = buttons->addButton(tr("Try the &demo"), QDialogButtonBox::ActionRole);
    m_connect = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_connect->setDefault(true);
    // Connect closes the dialog itself once its asynchronous steps succeed (no accepted() hook).
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(panes, 1);
    layout->addWidget(m_testView);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(60 * em, 44 * em);

    connect(add, &QPushButton::clicked, this, &ProfilesDialog::newProfile);
    connect(m_delete, &QPushButton::clicked, this, [this]() {
        const auto answer = QMessageBox::question(this, tr("Delete profile"),
                                                  tr("Delete the profile \"%1\" and its saved secrets?").arg(m_current),
                                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer == QMessageBox::Yes)
            deleteProfile();
    });
    connect(m_test, &QPushButton::clicked, this, &ProfilesDialog::testConnection);
    connect(save, &QPushButton::clicked, this, [this]() { saveProfile(); });
    connect(demo, &QPushButton::clicked, this, &ProfilesDialog::chooseDemo);
    connect(m_connect, &QPushButton::clicked, this, &ProfilesDialog::connectProfile);
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (name.isEmpty() || name == m_current)
            return;
        // Moving to another profile keeps the edits of this one (an unnamed new one is dropped).
        if (hasUnsavedEdits() && !m_editor->profile().name.isEmpty() && !saveProfile()) {
            const QSignalBlocker block(m_list);
            const auto back = m_list->findItems(m_current, Qt::MatchExactly);
            m_list->setCurrentItem(back.isEmpty() ? nullptr : back.first());
            return; // the status names why the edits could not be kept
        }
        selectProfile(name);
    });
    connect(m_editor, &ProfileEditor::changed, this, &ProfilesDialog::updateButtons);
    connect(m_tester, &ConnectionTester::lineChanged, this, &ProfilesDialog::updateTestView);
    connect(m_tester, &ConnectionTester::finished, this, [this](bool ok) {
        updateTestView();
        updateButtons();
        Q_EMIT testFinished(ok);
    });

    setTabOrder(m_list, add);
    setTabOrder(add, m_delete);
    setTabOrder(m_delete, m_editor->nameEdit());

    const QList<ProfileRecord> profiles = m_store.load();
    if (profiles.isEmpty()) {
        newProfile();
    } else {
        const QString active = m_store.activeProfile();
        reloadList(m_store.find(active) ? active : profiles.first().name);
    }
}

ProfilesDialog::~ProfilesDialog() = default;

bool ProfilesDialog::hasUnsavedEdits() const
{
    const ProfileSecrets typed = m_editor->typedSecrets();
    if (!typed.storePassword.isEmpty() || !typed.natsPassword.isEmpty() || !typed.natsToken.isEmpty())
        return true;
    const auto stored = m_current.isEmpty() ? std::nullopt : m_store.find(m_current);
    return stored ? !(*stored == m_editor->profile()) : !(ProfileRecord() == m_editor->profile());
}

QString ProfilesDialog::testReport() const
{
    return m_tester->report();
}

QString ProfilesDialog::statusText() const
{
    return m_status->text();
}

void ProfilesDialog::reloadList(const QString &select)
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const ProfileRecord &p : m_store.load())
        m_list->addItem(p.name);
    const QList<QListWidgetItem *> hits = m_list->findItems(select, Qt::MatchExactly);
    if (!hits.isEmpty()) {
        m_list->setCurrentItem(hits.first());
        selectProfile(select);
    }
    updateButtons();
}

void ProfilesDialog::selectProfile(const QString &name)
{
    const auto p = m_store.find(name);
    if (!p)
        return;
    m_current = name;
    m_editor->setProfile(*p);
    const QSignalBlocker block(m_list);
    if (const auto hits = m_list->findItems(name, Qt::MatchExactly); !hits.isEmpty())
        m_list->setCurrentItem(hits.first());
    showStatus({}, false);
    updateButtons();
}

void ProfilesDialog::newProfile()
{
    m_current.clear();
    ProfileRecord p;
    m_editor->setProfile(p);
    {
        const QSignalBlocker block(m_list);
        m_list->clearSelection();
        m_list->setCurrentItem(nullptr);
    }
    m_editor->nameEdit()->setFocus();
    updateButtons();
}

bool ProfilesDialog::saveProfile()
{
    const ProfileRecord p = m_editor->profile();
    if (p.name.isEmpty()) {
        showStatus(tr("Give the profile a name first."), true);
        m_editor->nameEdit()->setFocus();
        return false;
    }
    if (Status s = m_store.save(p, m_current); !s) {
        showStatus(tr("Could not save the profile: %1").arg(s.error()), true);
        return false;
    }
    const ProfileSecrets typed = m_editor->typedSecrets();
    if (!m_current.isEmpty() && m_current != p.name) {
        // Renamed: the stored secrets move with the profile (typed ones replace them below).
        for (const QString &what : {kStorePassword, kNatsPassword, kNatsToken}) {
            const QString from = SecretVault::keyFor(m_current, what);
            const QString to = SecretVault::keyFor(p.name, what);
            m_vault->read(from, m_vault, [vault = m_vault, from, to](std::optional<QString> v, const QString &) {
                if (v && !vault->sessionValue(to))
                    vault->write(to, *v, vault, {});
                vault->remove(from);
            });
        }
    }
    const QList<std::pair<QString, QString>> secrets = {
        {kStorePassword, typed.storePassword}, {kNatsPassword, typed.natsPassword}, {kNatsToken, typed.natsToken}};
    for (const auto &[what, secret] : secrets) {
        if (secret.isEmpty())
            continue;
        m_vault->write(SecretVault::keyFor(p.name, what), secret, this, [this](const QString &error) {
            m_editor->setKeychainAvailable(m_vault->keychainEnabled());
            if (!error.isEmpty())
                showStatus(tr("The secret is kept for this session only: %1").arg(error), true);
        });
    }
    m_current = p.name;
    reloadList(p.name);
    showStatus(tr("Saved \"%1\".").arg(p.name), false);
    Q_EMIT profileSaved(p.name);
    return true;
}

void ProfilesDialog::deleteProfile()
{
    if (m_current.isEmpty())
        return;
    const QString name = m_current;
    if (Status s = m_store.remove(name); !s) {
        showStatus(s.error(), true);
        return;
    }
    for (const QString &what : {kStorePassword, kNatsPassword, kNatsToken})
        m_vault->remove(SecretVault::keyFor(name, what));
    m_current.clear();
    const QList<ProfileRecord> rest = m_store.load();
    if (rest.isEmpty())
        newProfile();
    reloadList(rest.isEmpty() ? QString() : rest.first().name);
    showStatus(tr("Deleted \"%1\".").arg(name), false);
}

void ProfilesDialog::testConnection()
{
    const ProfileRecord p = m_editor->profile();
    if (const QStringList problems = p.problems(); !problems.isEmpty()) {
        showStatus(problems.join(QLatin1Char('\n')), true);
        return;
    }
    m_test->setEnabled(false);
    SecretCollector::collect(m_vault, p, m_editor->typedSecrets(), this, [this, p](const ProfileSecrets &secrets, const QString &missing) {
        if (!missing.isEmpty()) {
            showStatus(tr("Enter the %1 to test the connection.").arg(missing), true);
            updateButtons();
            return;
        }
        showStatus({}, false);
        m_tester->start(p, secrets);
        updateTestView();
    });
}

void ProfilesDialog::connectProfile()
{
    if (m_busy)
        return;
    ProfileRecord p = m_editor->profile();
    if (const QStringList problems = p.problems(); !problems.isEmpty()) {
        showStatus(problems.join(QLatin1Char('\n')), true);
        return;
    }
    if (!saveProfile())
        return;
    p = m_editor->profile();
    m_busy = true;
    updateButtons();
    SecretCollector::collect(m_vault, p, m_editor->typedSecrets(), this, [this, p](const ProfileSecrets &secrets, const QString &missing) {
        m_busy = false;
        updateButtons();
        if (!missing.isEmpty()) {
            showStatus(tr("Enter the %1 to connect.").arg(missing), true);
            return;
        }
        if (Status s = m_store.activate(p, secrets); !s) {
            showStatus(tr("Could not write the configuration: %1").arg(s.error()), true);
            return;
        }
        m_chosen = p.name;
        m_demo = p.kind == ProfileRecord::Kind::Demo;
        accept();
    });
}

void ProfilesDialog::chooseDemo()
{
    m_demo = true;
    m_chosen.clear();
    accept();
}

void ProfilesDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette pal = m_status->palette();
    pal.setColor(QPalette::WindowText, error ? Theme::instance().readable(Tone::Error, palette().color(QPalette::Window))
                                             : palette().color(QPalette::WindowText));
    m_status->setPalette(pal);
}

void ProfilesDialog::updateButtons()
{
    const bool cluster = m_editor->profile().kind == ProfileRecord::Kind::Cluster;
    m_test->setEnabled(cluster && !m_tester->isRunning() && !m_busy);
    m_connect->setEnabled(!m_busy);
    m_delete->setEnabled(!m_current.isEmpty());
}

void ProfilesDialog::updateTestView()
{
    const QColor window = palette().color(QPalette::Window);
    QStringList html;
    for (const ConnectionTester::Line &l : m_tester->lines()) {
        const QString mark = !l.done ? QStringLiteral("…") : (l.ok ? QStringLiteral("✓") : QStringLiteral("✗"));
        const QColor colour = !l.done ? palette().color(QPalette::WindowText)
                                      : Theme::instance().readable(l.ok ? Tone::Ok : Tone::Error, window);
        html << QStringLiteral("<span style=\"color:%1\">%2</span> %3").arg(colour.name(), mark, l.text.toHtmlEscaped());
    }
    m_testView->setText(html.join(QStringLiteral("<br>")));
}

} // namespace fleetdeck::ui
