#pragma once
// The toolbar's connection indicator (docs/gui.md#connection-indicator-and-re-seed, docs/gui.md):
// "● Live", "◐ Stale 42 s", "○ Disconnected", shape + word + colour, the reason in the tooltip.
#include "core/connection_status.h"

#include <QLabel>

namespace fleetdeck::ui {

class ConnectionIndicator final : public QLabel {
    Q_OBJECT
public:
    explicit ConnectionIndicator(QWidget *parent = nullptr);
    void setStatus(const ConnectionStatus &status, qint64 nowMs);
    static QString describe(const ConnectionStatus &status, qint64 nowMs);
};

} // namespace fleetdeck::ui
