#include "models/card_state.h"

#include "widgets/format.h"

#include <QCoreApplication>

namespace fleetdeck::ui {

namespace {
// lupdate takes the context of tr() from the class it is called on (Q_DECLARE_TR_FUNCTIONS's
// argument), not from a free helper: CardStateText::tr() puts these strings under "CardState" for both.
struct CardStateText
{
    Q_DECLARE_TR_FUNCTIONS(CardState)
};

// The card's state corner is narrow (24 em cards): its verb is a separate message, so that a
// language whose verb is long ("Actualizando") can shorten it there and only there.
QString cardVerb(OpKind kind)
{
    switch (kind) {
    case OpKind::Install: return CardStateText::tr("Installing", "card state, short");
    case OpKind::Upgrade: return CardStateText::tr("Upgrading", "card state, short");
    case OpKind::Delete: break;
    }
    return CardStateText::tr("Removing", "card state, short");
}

bool spins(const Operation &op)
{
    // Only a matching op without error: queued, running or running_on_worker (§11.2).
    return !op.error && (op.state == OpState::Queued || op.state == OpState::Running
                         || op.state == OpState::RunningOnWorker);
}
} // namespace

QString opVerb(OpKind kind)
{
    switch (kind) {
    case OpKind::Install: return CardStateText::tr("Installing");
    case OpKind::Upgrade: return CardStateText::tr("Upgrading");
    case OpKind::Delete: break;
    }
    return CardStateText::tr("Removing");
}

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
    s.opId = op.id;
    QString suffix;
    if (op.targetNodeId) {
        const QString name = nodeNames.value(*op.targetNodeId, *op.targetNodeId);
        suffix = CardStateText::tr(" on %1").arg(name);
    }
    const QString pct = QStringLiteral("%1 %").arg(op.progress);
    switch (op.state) {
    case OpState::Queued:
        s.visual = CardState::Visual::Spinner;
        s.text = CardStateText::tr("Queued");
        s.tooltip = CardStateText::tr("Waiting for a free executor slot");
        break;
    case OpState::RunningOnWorker:
        s.visual = CardState::Visual::WorkerBusy;
        s.text = CardStateText::tr("Worker busy");
        s.tooltip = CardStateText::tr("the worker is still installing; the reconciler will confirm");
        break;
    default:
        if (live && op.isStalled(nowMs, stalledMs)) {
            s.visual = CardState::Visual::Stalled;
            s.text = CardStateText::tr("Stalled · %1").arg(pct);
            s.tooltip = CardStateText::tr("No progress for %1").arg(duration(nowMs - op.progressAt));
            s.progress = op.progress;
            break;
        }
        s.visual = CardState::Visual::Spinner;
        if (op.kind == OpKind::Delete) {
            s.text = CardStateText::tr("Deleting…");
        } else {
            // Translatable, so that a language with a longer verb can drop the separator to fit the card.
            const QString what = op.progress > 0 ? CardStateText::tr("%1 · %2", "verb · percentage").arg(cardVerb(op.kind), pct)
                                                 : CardStateText::tr("%1…", "verb…").arg(cardVerb(op.kind));
            s.text = what;
            s.progress = op.progress;
        }
        s.tooltip = op.message;
        break;
    }
    s.shortText = s.text;
    s.text += suffix;
    return s;
}

} // namespace fleetdeck::ui
