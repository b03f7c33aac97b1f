#include "models/card_state.h"

#include "presentation/op_presentation.h"

namespace fleetdeck::ui {

namespace {
bool spins(const Operation &op)
{
    // Only a matching op without error: queued, running or running_on_worker
    // (docs/gui.md#backend-cards).
    return !op.error && isActive(op.state);
}
} // namespace

CardState cardStateFor(const QString &backend, const QList<Operation> &ops, qint64 nowMs, qint64 stalledMs, bool live,
                       const QHash<QString, QString> &nodeNames)
{
    QList<const Operation *> mine;
    for (const Operation &op : ops)
        if (op.backend == backend)
            mine.append(&op);
    return cardStateFor(backend, mine, nowMs, stalledMs, live, nodeNames);
}

CardState cardStateFor(const QString &backend, const QList<const Operation *> &ops, qint64 nowMs, qint64 stalledMs,
                       bool live, const QHash<QString, QString> &nodeNames)
{
    const Operation *match = nullptr;
    for (const Operation *op : ops) {
        if (op->backend != backend || !spins(*op))
            continue;
        // A cluster-wide op describes the card better than a node-scoped one.
        if (!match || (match->targetNodeId && !op->targetNodeId))
            match = op;
    }
    CardState s;
    if (!match)
        return s;
    const Operation &op = *match;
    const QString node = op.targetNodeId ? nodeNames.value(*op.targetNodeId) : QString();
    const OpPresentation p = presentOp(op, nowMs, stalledMs, live, node);
    s.opId = op.id;
    switch (p.phase) {
    case OpPresentation::Phase::WorkerBusy: s.visual = CardState::Visual::WorkerBusy; break;
    case OpPresentation::Phase::Stalled: s.visual = CardState::Visual::Stalled; break;
    default: s.visual = CardState::Visual::Spinner; break;
    }
    s.shortText = p.label;
    s.text = p.labelOnNode();
    s.tooltip = p.detail;
    s.progress = p.percent.value_or(-1);
    s.tone = p.tone;
    return s;
}

} // namespace fleetdeck::ui
