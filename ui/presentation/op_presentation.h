#pragma once
// One op as the GUI words it (issue #12): the state word, its colour, the percentage (only one the
// op reported), whether it is stalled (docs/gui.md#stalled) and whether a spinner turns. The
// backend cards, the Manage table, the operations bar and the tray take an op's wording from
// presentOp() and from nowhere else, so the same op reads the same everywhere. Texts are translated
// in one context, fleetdeck::ui::OpPresentation.
#include "core/operation.h"
#include "theme/theme.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace fleetdeck::ui {

struct OpPresentation {
    Q_DECLARE_TR_FUNCTIONS(fleetdeck::ui::OpPresentation)
public:
    enum class Phase { Queued, Running, WorkerBusy, Stalled, Failed, Cancelled, Succeeded };
    enum class Shape { Spinner, Clock, Pause, Error, Stopped, Done };

    Phase phase = Phase::Queued;
    // "Queued", "Installing", "Upgrading", "Deleting", "Worker busy", "Stalled", "Failed", "Cancelled", "Done".
    QString word;
    // The state in a few characters (card corner, Manage state column): "Queued", "Installing · 42 %",
    // "Installing…", "Deleting…", "Worker busy", "Stalled · 42 %", "Failed", …
    QString label;
    // One line about it: "Waiting for a free executor slot", "the worker on jetson-orin is still
    // installing; the reconciler will confirm", "no progress for 1 min 15 s", its progress composed
    // from its fields ("llama.tar.zst · 512.0 MiB of 1.2 GiB", opProgressText), its error. Never the
    // engine's English message: that is a detail (opDetails, progress_text.h).
    QString detail;
    Tone tone = Tone::Info;
    Shape shape = Shape::Spinner;
    std::optional<int> percent; // only a percentage the op reported: none while queued or before the first
    bool stalled = false;
    QString stalledFor;  // "1 min 15 s" while stalled
    bool busy = false;   // a spinner turns: the op really runs (queued or running), not stalled or ended
    bool active = false; // an active op without error: it holds its backend (a card's actions disabled, docs/gui.md#backend-cards)
    QString node;        // a node-scoped op's node name, else empty

    // The label with " on <node>" for a node-scoped op.
    QString labelOnNode() const;
    // The shape as a glyph for table cells: ⟳ ◷ ❚❚ ✖ ■ ●.
    QString glyph() const;
    bool operator==(const OpPresentation &) const = default;
};

// `stalledMs`: gui/stalled_s; `live`: the connection indicator is live (no stall is computed
// otherwise, docs/gui.md#connection-indicator-and-re-seed); `nodeName`: the name of a node-scoped
// op's node (its id when empty).
OpPresentation presentOp(const Operation &op, qint64 nowMs, qint64 stalledMs, bool live, const QString &nodeName = {});

// One node row of an op (the per-node list of docs/gui.md#operations-bar, the stalled node row of
// docs/gui.md#stalled): "Queued", "Deleting", "Waiting for node", "Downloading", "Verifying", "Extracting",
// "Worker busy", "Stalled", "Done", "Failed", "Cancelled", in the same context and colours as the
// op's own words.
struct NodeRowPresentation {
    QString word;
    Tone tone = Tone::Info;
    bool stalled = false;
    bool operator==(const NodeRowPresentation &) const = default;
};
NodeRowPresentation presentNodeRow(const Operation &op, const NodeProgress &row, qint64 nowMs, qint64 stalledMs,
                                   bool live);

// The operations bar's headline verb (docs/gui.md#operations-bar): "Installing", "Upgrading",
// "Removing".
QString opHeadlineVerb(OpKind kind);
// The verb of "Failed to <verb> backend" (D20): "install", "upgrade", "delete".
QString opFailedVerb(OpKind kind);

} // namespace fleetdeck::ui
