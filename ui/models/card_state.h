#pragma once
// What a backend card shows at its top right (docs/gui.md#backend-cards, #stalled), derived from
// the one source of truth, the ops list: a spinner only for a matching op without error. A failed
// op never changes the card.
#include "core/operation.h"
#include "theme/theme.h"

#include <QList>
#include <QString>

namespace fleetdeck::ui {

struct CardState {
    enum class Visual { Idle, Spinner, WorkerBusy, Stalled };
    Visual visual = Visual::Idle;
    QString text;      // "Queued", "Upgrading · 42 %", "Deleting…", "Worker busy", "Stalled · 42 %"
    QString shortText; // text without its " on <node>" (a node-scoped op), for a narrow card
    QString tooltip;
    int progress = -1; // 0–100 while an op with progress runs, else -1
    Tone tone = Tone::Info; // of the state's text, icon and progress line
    QString opId;

    bool busy() const { return visual != Visual::Idle; } // action buttons disabled
    bool operator==(const CardState &) const = default;
};

// `live`: the connection indicator is live (no stall is computed otherwise,
// docs/gui.md#connection-indicator-and-re-seed).
CardState cardStateFor(const QString &backend, const QList<Operation> &ops, qint64 nowMs, qint64 stalledMs, bool live,
                       const QHash<QString, QString> &nodeNames = {});
// The same over a pre-grouped list (the model indexes ops by backend once per snapshot).
CardState cardStateFor(const QString &backend, const QList<const Operation *> &ops, qint64 nowMs, qint64 stalledMs,
                       bool live, const QHash<QString, QString> &nodeNames = {});

} // namespace fleetdeck::ui
