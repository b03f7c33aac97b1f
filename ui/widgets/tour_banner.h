#pragma once
// The demo tour's caption line (docs/architecture.md#demo-cluster, issue "demo"): what the script
// just did, with Pause / Resume. Hidden outside the demo. The tour never fights the admin:
// everything stays clickable.
#include <QFrame>

class QLabel;
class QPushButton;

namespace fleetdeck {
class EngineHost;
}

namespace fleetdeck::ui {

class TourBanner final : public QFrame {
    Q_OBJECT
public:
    explicit TourBanner(EngineHost *host, QWidget *parent = nullptr);
    QString caption() const;

private:
    void setPaused(bool paused);
    EngineHost *m_host;
    QLabel *m_label;
    QPushButton *m_pause;
    QPushButton *m_close;
    bool m_paused = false;
};

} // namespace fleetdeck::ui
