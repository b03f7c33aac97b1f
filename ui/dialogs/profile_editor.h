#pragma once
// The form of one connection profile (ProfilesDialog's right side): name, kind, NATS URL and
// authentication, the store (PostgreSQL or an SQLite file) and the galleries. Secret fields start
// empty: a typed value replaces the stored one, an empty one keeps it.
#include "connection/profile_store.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace fleetdeck::ui {

class ProfileEditor final : public QWidget {
    Q_OBJECT
public:
    explicit ProfileEditor(QWidget *parent = nullptr);

    void setProfile(const ProfileRecord &profile);
    ProfileRecord profile() const;
    // What the admin typed into the secret fields (empty = keep the stored secret).
    ProfileSecrets typedSecrets() const;
    void clearSecrets();
    // Placeholder of the secret fields: stored in the keychain, or typed once per session.
    void setKeychainAvailable(bool available);
    QLineEdit *nameEdit() const { return m_name; }

Q_SIGNALS:
    void changed();

private:
    QLineEdit *addFileRow(QFormLayout *form, const QString &label, const QString &accessible, const QString &objectName,
                          const QString &filter, bool save);
    QLineEdit *addLine(QFormLayout *form, const QString &label, const QString &accessible, const QString &objectName,
                       bool secret = false);
    void updateVisibility();

    QFormLayout *m_natsForm = nullptr;
    QFormLayout *m_storeForm = nullptr;
    QWidget *m_natsBox = nullptr;
    QWidget *m_storeBox = nullptr;
    QWidget *m_galleryBox = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_natsUrl = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_natsUser = nullptr;
    QLineEdit *m_natsPassword = nullptr;
    QLineEdit *m_natsToken = nullptr;
    QLineEdit *m_natsCreds = nullptr;
    QLineEdit *m_natsTlsCa = nullptr;
    QComboBox *m_storeKind = nullptr;
    QLineEdit *m_pgHost = nullptr;
    QSpinBox *m_pgPort = nullptr;
    QLineEdit *m_pgDatabase = nullptr;
    QLineEdit *m_pgUser = nullptr;
    QLineEdit *m_pgPassword = nullptr;
    QLineEdit *m_sqlitePath = nullptr;
    QPlainTextEdit *m_galleries = nullptr;
    ProfileRecord m_loaded; // keeps the fields the form does not show (secret file names)
};

} // namespace fleetdeck::ui
