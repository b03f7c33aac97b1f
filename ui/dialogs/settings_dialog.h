#pragma once
// Settings (docs/gui.md#settings-and-first-start): the cluster-wide settings (SettingsForm; saved
// through EngineHost::setSetting, one call per changed key, refusals inline) and, read-only, this
// process's own store and NATS configuration. In demo mode the settings live in the demo's
// temporary store, which the dialog says.
#include <QDialog>

class QLabel;
class QPushButton;

namespace fleetdeck {
class EngineHost;
}

namespace fleetdeck::ui {

class SettingsForm;

class SettingsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(EngineHost *host, QWidget *parent = nullptr);

    SettingsForm *form() const { return m_form; }
    QString statusText() const;

    // Validates and saves the changed keys; the dialog closes when every one was saved.
    void save();

private:
    void updateSaveButton();

    EngineHost *m_host;
    SettingsForm *m_form;
    QLabel *m_status;
    QPushButton *m_save;
    bool m_closeWhenDone = false;
};

} // namespace fleetdeck::ui
