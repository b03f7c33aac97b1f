#include "dialogs/profile_editor.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace fleetdeck::ui {

namespace {

// The widget QFormLayout holds for a field: the edit itself, or its row container (file rows).
QWidget *rowOf(QWidget *field, QWidget *box)
{
    return field->parentWidget() == box ? field : field->parentWidget();
}

} // namespace

ProfileEditor::ProfileEditor(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *top = new QFormLayout;
    m_name = addLine(top, tr("&Name:"), tr("Profile name"), QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. production"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->setAccessibleName(tr("Profile kind"));
    m_kind->addItem(tr("Cluster (PostgreSQL or SQLite store, NATS)"), int(ProfileRecord::Kind::Cluster));
    m_kind->addItem(tr("Demo (offline, temporary)"), int(ProfileRecord::Kind::Demo));
    top->addRow(tr("&Kind:"), m_kind);
    layout->addLayout(top);

    auto *natsBox = new QGroupBox(tr("NATS"), this);
    m_natsBox = natsBox;
    m_natsForm = new QFormLayout(natsBox);
    m_natsUrl = addLine(m_natsForm, tr("&URL:"), tr("NATS URL"), QStringLiteral("natsUrl"));
    m_natsUrl->setPlaceholderText(QStringLiteral("nats://nats.example.org:4222"));
    m_auth = new QComboBox(natsBox);
    m_auth->setObjectName(QStringLiteral("natsAuth"));
    m_auth->setAccessibleName(tr("NATS authentication"));
    m_auth->addItem(tr("None"), int(ProfileRecord::Auth::None));
    m_auth->addItem(tr("User and password"), int(ProfileRecord::Auth::User));
    m_auth->addItem(tr("Token"), int(ProfileRecord::Auth::Token));
    m_auth->addItem(tr("Credentials file"), int(ProfileRecord::Auth::Creds));
    m_auth->addItem(tr("TLS CA only"), int(ProfileRecord::Auth::Tls));
    m_natsForm->addRow(tr("&Authentication:"), m_auth);
    m_natsUser = addLine(m_natsForm, tr("U&ser:"), tr("NATS user"), QStringLiteral("natsUser"));
    m_natsPassword = addLine(m_natsForm, tr("&Password:"), tr("NATS password"), QStringLiteral("natsPassword"), true);
    m_natsToken = addLine(m_natsForm, tr("&Token:"), tr("NATS token"), QStringLiteral("natsToken"), true);
    m_natsCreds = addFileRow(m_natsForm, tr("&Credentials file:"), tr("NATS credentials file"),
                             QStringLiteral("natsCreds"), tr("NATS credentials (*.creds);;All files (*)"), false);
    m_natsTlsCa = addFileRow(m_natsForm, tr("TLS C&A file:"), tr("TLS CA certificates file"), QStringLiteral("natsTlsCa"),
                             tr("Certificates (*.pem *.crt);;All files (*)"), false);
    m_natsTlsCa->setPlaceholderText(tr("optional; a tls:// URL also turns TLS on"));
    layout->addWidget(natsBox);

    auto *storeBox = new QGroupBox(tr("Store"), this);
    m_storeBox = storeBox;
    m_storeForm = new QFormLayout(storeBox);
    m_storeKind = new QComboBox(storeBox);
    m_storeKind->setObjectName(QStringLiteral("storeKind"));
    m_storeKind->setAccessibleName(tr("Store type"));
    m_storeKind->addItem(tr("PostgreSQL (shared by replicas)"), int(ProfileRecord::StoreKind::Postgres));
    m_storeKind->addItem(tr("SQLite file (one replica)"), int(ProfileRecord::StoreKind::Sqlite));
    m_storeForm->addRow(tr("T&ype:"), m_storeKind);
    m_pgHost = addLine(m_storeForm, tr("&Host:"), tr("PostgreSQL host"), QStringLiteral("pgHost"));
    m_pgPort = new QSpinBox(storeBox);
    m_pgPort->setObjectName(QStringLiteral("pgPort"));
    m_pgPort->setAccessibleName(tr("PostgreSQL port"));
    m_pgPort->setRange(1, 65535);
    m_pgPort->setValue(5432);
    m_storeForm->addRow(tr("P&ort:"), m_pgPort);
    m_pgDatabase = addLine(m_storeForm, tr("&Database:"), tr("PostgreSQL database"), QStringLiteral("pgDatabase"));
    m_pgUser = addLine(m_storeForm, tr("Us&er:"), tr("PostgreSQL user"), QStringLiteral("pgUser"));
    m_pgPassword = addLine(m_storeForm, tr("Pass&word:"), tr("PostgreSQL password"), QStringLiteral("pgPassword"), true);
    m_sqlitePath = addFileRow(m_storeForm, tr("&File:"), tr("SQLite store file"), QStringLiteral("sqlitePath"),
                              tr("SQLite store (*.sqlite *.db);;All files (*)"), true);
    layout->addWidget(storeBox);

    auto *galleryBox = new QGroupBox(tr("Galleries"), this);
    m_galleryBox = galleryBox;
    auto *galleryLayout = new QVBoxLayout(galleryBox);
    auto *galleryLabel = new QLabel(tr("&Gallery URLs for this console only, one per line (empty: the cluster's):"), galleryBox);
    galleryLabel->setWordWrap(true);
    m_galleries = new QPlainTextEdit(galleryBox);
    m_galleries->setObjectName(QStringLiteral("galleries"));
    m_galleries->setAccessibleName(tr("Gallery URLs, one per line"));
    m_galleries->setTabChangesFocus(true);
    m_galleries->setMaximumHeight(fontMetrics().lineSpacing() * 5);
    galleryLabel->setBuddy(m_galleries);
    galleryLayout->addWidget(galleryLabel);
    galleryLayout->addWidget(m_galleries);
    layout->addWidget(galleryBox);
    layout->addStretch(1);

    setKeychainAvailable(false);
    for (QLineEdit *e : findChildren<QLineEdit *>())
        connect(e, &QLineEdit::textEdited, this, &ProfileEditor::changed);
    connect(m_galleries, &QPlainTextEdit::textChanged, this, &ProfileEditor::changed);
    connect(m_pgPort, &QSpinBox::valueChanged, this, &ProfileEditor::changed);
    for (QComboBox *c : {m_kind, m_auth, m_storeKind}) {
        connect(c, &QComboBox::currentIndexChanged, this, [this]() {
            updateVisibility();
            Q_EMIT changed();
        });
    }
    updateVisibility();
}

QLineEdit *ProfileEditor::addLine(QFormLayout *form, const QString &label, const QString &accessible,
                                  const QString &objectName, bool secret)
{
    auto *edit = new QLineEdit(form->parentWidget() ? form->parentWidget() : this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessible);
    if (secret)
        edit->setEchoMode(QLineEdit::Password);
    form->addRow(label, edit); // the row's label gets the edit as its buddy
    return edit;
}

QLineEdit *ProfileEditor::addFileRow(QFormLayout *form, const QString &label, const QString &accessible,
                                     const QString &objectName, const QString &filter, bool save)
{
    auto *row = new QWidget(form->parentWidget());
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(row);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessible);
    auto *browse = new QToolButton(row);
    browse->setText(tr("Browse…"));
    browse->setAccessibleName(tr("Browse for %1").arg(accessible));
    browse->setToolTip(browse->accessibleName());
    h->addWidget(edit, 1);
    h->addWidget(browse);
    auto *labelWidget = new QLabel(label, form->parentWidget());
    labelWidget->setBuddy(edit);
    form->addRow(labelWidget, row);
    connect(browse, &QToolButton::clicked, this, [this, edit, filter, save, accessible]() {
        const QString path = save ? QFileDialog::getSaveFileName(this, accessible, edit->text(), filter, nullptr,
                                                                 QFileDialog::DontConfirmOverwrite)
                                  : QFileDialog::getOpenFileName(this, accessible, edit->text(), filter);
        if (!path.isEmpty()) {
            edit->setText(path);
            Q_EMIT changed();
        }
    });
    return edit;
}

void ProfileEditor::setKeychainAvailable(bool available)
{
    const QString hint = available ? tr("saved in the keychain; type to replace")
                                   : tr("asked once per session; never saved to disk");
    for (QLineEdit *e : {m_natsPassword, m_natsToken, m_pgPassword})
        e->setPlaceholderText(hint);
}

void ProfileEditor::updateVisibility()
{
    const bool cluster = m_kind->currentData().toInt() == int(ProfileRecord::Kind::Cluster);
    m_natsBox->setVisible(cluster);
    m_storeBox->setVisible(cluster);
    m_galleryBox->setVisible(cluster);
    const auto auth = ProfileRecord::Auth(m_auth->currentData().toInt());
    m_natsForm->setRowVisible(m_natsUser, auth == ProfileRecord::Auth::User);
    m_natsForm->setRowVisible(m_natsPassword, auth == ProfileRecord::Auth::User);
    m_natsForm->setRowVisible(m_natsToken, auth == ProfileRecord::Auth::Token);
    m_natsForm->setRowVisible(rowOf(m_natsCreds, m_natsBox), auth == ProfileRecord::Auth::Creds);
    const bool sqlite = m_storeKind->currentData().toInt() == int(ProfileRecord::StoreKind::Sqlite);
    for (QWidget *w : {static_cast<QWidget *>(m_pgHost), static_cast<QWidget *>(m_pgPort), static_cast<QWidget *>(m_pgDatabase),
                       static_cast<QWidget *>(m_pgUser), static_cast<QWidget *>(m_pgPassword)})
        m_storeForm->setRowVisible(w, !sqlite);
    m_storeForm->setRowVisible(rowOf(m_sqlitePath, m_storeBox), sqlite);
}

void ProfileEditor::setProfile(const ProfileRecord &p)
{
    m_loaded = p;
    m_name->setText(p.name);
    m_kind->setCurrentIndex(m_kind->findData(int(p.kind)));
    m_natsUrl->setText(p.natsUrl);
    m_auth->setCurrentIndex(m_auth->findData(int(p.auth)));
    m_natsUser->setText(p.natsUser);
    m_natsCreds->setText(p.natsCredsFile);
    m_natsTlsCa->setText(p.natsTlsCaFile);
    m_storeKind->setCurrentIndex(m_storeKind->findData(int(p.storeKind)));
    m_pgHost->setText(p.pgHost);
    m_pgPort->setValue(p.pgPort);
    m_pgDatabase->setText(p.pgDatabase);
    m_pgUser->setText(p.pgUser);
    m_sqlitePath->setText(p.sqlitePath);
    m_galleries->setPlainText(p.galleryUrls.join(QLatin1Char('\n')));
    clearSecrets();
    updateVisibility();
}

ProfileRecord ProfileEditor::profile() const
{
    ProfileRecord p = m_loaded;
    p.name = m_name->text().trimmed();
    p.kind = ProfileRecord::Kind(m_kind->currentData().toInt());
    p.natsUrl = m_natsUrl->text().trimmed();
    p.auth = ProfileRecord::Auth(m_auth->currentData().toInt());
    p.natsUser = m_natsUser->text().trimmed();
    p.natsCredsFile = m_natsCreds->text().trimmed();
    p.natsTlsCaFile = m_natsTlsCa->text().trimmed();
    p.storeKind = ProfileRecord::StoreKind(m_storeKind->currentData().toInt());
    p.pgHost = m_pgHost->text().trimmed();
    p.pgPort = m_pgPort->value();
    p.pgDatabase = m_pgDatabase->text().trimmed();
    p.pgUser = m_pgUser->text().trimmed();
    p.sqlitePath = m_sqlitePath->text().trimmed();
    p.galleryUrls.clear();
    for (const QString &line : m_galleries->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            p.galleryUrls << line.trimmed();
    }
    return p;
}

ProfileSecrets ProfileEditor::typedSecrets() const
{
    return ProfileSecrets{m_pgPassword->text(), m_natsPassword->text(), m_natsToken->text()};
}

void ProfileEditor::clearSecrets()
{
    for (QLineEdit *e : {m_natsPassword, m_natsToken, m_pgPassword})
        e->clear();
}

} // namespace fleetdeck::ui
