#pragma once
// "Connection profiles" (docs/gui.md#first-start, #settings-and-first-start): the named ways to
// reach a cluster, kept in the GUI's INI file (ProfileStore), their secrets in the keychain
// (SecretVault), and "Test connection" (ConnectionTester). exec() returns Accepted when the admin
// chose "Connect" with a saved profile — its process keys are then in the INI file for ConfigLoader
// — or chose the demo (demoChosen()).
#include "connection/profile_store.h"

#include <QDialog>
#include <functional>

class QLabel;
class QListWidget;
class QPushButton;

namespace fleetdeck::ui {

class ConnectionTester;
class ProfileEditor;
class SecretVault;

class ProfilesDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ProfilesDialog(const QString &iniPath, QWidget *parent = nullptr);
    ~ProfilesDialog() override;

    // After exec(): the admin chose the demo (the button, or a Demo profile).
    bool demoChosen() const { return m_demo; }
    // After an Accepted exec(): the profile connected with.
    QString chosenProfile() const { return m_chosen; }

    ProfileEditor *editor() const { return m_editor; }
    SecretVault *vault() const { return m_vault; }
    // The last "Test connection" report, one line per part ("✓ Store …", "✗ NATS …: <error>").
    QString testReport() const;
    QString statusText() const;
    // The form differs from the saved profile, or a secret was typed.
    bool hasUnsavedEdits() const;

    // The buttons' actions (public for tests and for callers that preselect a profile).
    void selectProfile(const QString &name);
    void newProfile();
    bool saveProfile();
    void deleteProfile();
    void testConnection();
    void connectProfile();
    void chooseDemo();

Q_SIGNALS:
    void testFinished(bool allOk);
    // Saved to the INI (and typed secrets handed to the keychain).
    void profileSaved(const QString &name);

private:
    void reloadList(const QString &select);
    void showStatus(const QString &text, bool error);
    void updateButtons();
    void updateTestView();

    ProfileStore m_store;
    SecretVault *m_vault;
    ConnectionTester *m_tester;
    QListWidget *m_list;
    ProfileEditor *m_editor;
    QLabel *m_testView;
    QLabel *m_status;
    QPushButton *m_delete;
    QPushButton *m_test;
    QPushButton *m_connect;
    QString m_current; // the name the editor's profile was loaded with ("" = new)
    QString m_chosen;
    bool m_demo = false;
    bool m_busy = false;
};

} // namespace fleetdeck::ui
