#include "dialogs/settings_dialog.h"

#include "bridge/engine_host.h"
#include "dialogs/settings_form.h"
#include "theme/theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

namespace fleetdeck::ui {

SettingsDialog::SettingsDialog(EngineHost *host, QWidget *parent) : QDialog(parent), m_host(host)
{
    setWindowTitle(tr("Settings"));
    const int em = fontMetrics().height();

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(host->isDemo()
                                 ? tr("<b>Demo mode.</b> These settings live in the demo's temporary store and are "
                                      "discarded when Fleetdeck exits.")
                                 : tr("Cluster-wide settings: stored in the cluster's store and used by every replica "
                                      "from the next tick of the pass they govern."),
                             this);
    intro->setObjectName(QStringLiteral("intro"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_form = new SettingsForm(
        [this](const QString &key, const QString &value, std::function<void(Status)> done) {
            m_host->setSetting(key, value, this, std::move(done));
        },
        this);
    m_form->setSettings(host->snapshot().settings);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 1);

    // This process's own configuration (the process keys of docs/architecture.md#configuration):
    // read-only, selectable for support mails.
    auto *own = new QGroupBox(tr("This console's connection (read-only; change it in Connection profiles)"), this);
    auto *ownForm = new QFormLayout(own);
    const auto readOnly = [own](const QString &text, const QString &name) {
        auto *edit = new QLineEdit(text, own);
        edit->setReadOnly(true);
        edit->setAccessibleName(name);
        edit->setObjectName(name);
        return edit;
    };
    const QString none = tr("(not configured)");
    ownForm->addRow(tr("S&tore:"), readOnly(host->storeDsn().isEmpty() ? none : host->storeDsn(), tr("Store")));
    ownForm->addRow(tr("NATS &URL:"), readOnly(host->busUrl().isEmpty() ? none : host->busUrl(), tr("NATS URL")));
    layout->addWidget(own);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setDefault(true);
    layout->addWidget(buttons);
    connect(m_save, &QPushButton::clicked, this, &SettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(host, &EngineHost::settingsChanged, this, [this]() { m_form->setSettings(m_host->snapshot().settings); });
    connect(host, &EngineHost::connectionChanged, this, &SettingsDialog::updateSaveButton);
    updateSaveButton();
    connect(m_form, &SettingsForm::finished, this, [this](bool ok) {
        updateSaveButton();
        const QColor window = palette().color(QPalette::Window);
        QPalette pal = m_status->palette();
        pal.setColor(QPalette::WindowText, Theme::instance().readable(ok ? Tone::Ok : Tone::Error, window));
        m_status->setPalette(pal);
        m_status->setText(ok ? tr("Saved.") : tr("Some settings were not saved; see the messages under them."));
        if (ok && m_closeWhenDone)
            accept();
        m_closeWhenDone = false;
    });
    // Wide enough for the form without a horizontal scroll bar.
    const int scrollBar = scroll->verticalScrollBar()->sizeHint().width();
    resize(std::max(44 * em, m_form->sizeHint().width() + scrollBar + 2 * em), 48 * em);
}

QString SettingsDialog::statusText() const
{
    return m_status->text();
}

void SettingsDialog::save()
{
    if (m_form->isApplying())
        return;
    m_status->clear();
    m_closeWhenDone = !m_form->changedKeys().isEmpty();
    m_save->setEnabled(false);
    m_form->apply();
    updateSaveButton();
}

void SettingsDialog::updateSaveButton()
{
    // docs/gui.md#connection-indicator-and-re-seed: while the store is unreachable every action
    // that writes is disabled.
    const bool reachable = m_host->snapshot().connection.storeReachable;
    m_save->setEnabled(reachable && !m_form->isApplying());
    m_save->setToolTip(reachable ? QString() : tr("store unreachable"));
}

} // namespace fleetdeck::ui
