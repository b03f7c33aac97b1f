#pragma once
// Start-up with the store not reached yet (docs/gui.md#connection-indicator-and-re-seed): instead
// of empty pages (which would read as "no gallery configured", "0/0 nodes healthy"), "Connecting to
// store <dsn>: <error> (attempt <n>)", that Fleetdeck retries every 5 s, and Settings… (the
// connection profiles) and Demo. Shown by the main window while ConnectionStatus::startup is Store.
#include "core/connection_status.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace fleetdeck::ui {

class ConnectingPanel final : public QFrame {
    Q_OBJECT
public:
    explicit ConnectingPanel(QWidget *parent = nullptr);
    void setStatus(const QString &storeDsn, const ConnectionStatus &status);
    QString message() const;
    static QString describe(const QString &storeDsn, const ConnectionStatus &status);

Q_SIGNALS:
    void settingsRequested();
    void demoRequested();

private:
    QLabel *m_title;
    QLabel *m_message;
    QLabel *m_hint;
};

} // namespace fleetdeck::ui
