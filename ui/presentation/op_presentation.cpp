#include "presentation/op_presentation.h"

#include "presentation/progress_text.h"
#include "presentation/reason_text.h"
#include "widgets/format.h"

namespace fleetdeck::ui {

namespace {
using P = OpPresentation;

// The card's state corner is narrow: its verb is a message of its own, so that a language whose verb
// is long ("Actualizando") can shorten it there and only there.
QString shortVerb(OpKind kind)
{
    switch (kind) {
    case OpKind::Install: return OpPresentation::tr("Installing", "card state, short");
    case OpKind::Upgrade: return OpPresentation::tr("Upgrading", "card state, short");
    case OpKind::Delete: break;
    }
    return OpPresentation::tr("Removing", "card state, short");
}

// The nodes whose worker is still busy, "jetson-orin, gpu-a100-2".
QString busyNodes(const Operation &op)
{
    QStringList names;
    for (const NodeProgress &n : op.nodes)
        if (n.status == NodeRowStatus::RunningOnWorker && !n.nodeName.isEmpty())
            names.append(n.nodeName);
    return names.join(QStringLiteral(", "));
}

// `state`: the op's, or failed for an op with an error.
void ended(P &p, const Operation &op, OpState state)
{
    p.shape = P::Shape::Done;
    switch (state) {
    case OpState::Failed:
        p.phase = P::Phase::Failed;
        p.word = p.label = OpPresentation::tr("Failed");
        // The error in the admin's language; the engine's English stays a detail (opDetails).
        p.detail = op.error ? reasonText(op.errorCode, *op.error) : reasonText(op.messageCode, op.message);
        p.tone = Tone::Error;
        p.shape = P::Shape::Error;
        return;
    case OpState::Cancelled:
        p.phase = P::Phase::Cancelled;
        p.word = p.label = OpPresentation::tr("Cancelled");
        p.tone = Tone::Neutral;
        p.shape = P::Shape::Stopped;
        break;
    default:
        p.phase = P::Phase::Succeeded;
        p.word = p.label = OpPresentation::tr("Succeeded");
        p.tone = Tone::Ok;
        break;
    }
    // The word says it all; the engine's message ("completed", "cancelled") is a detail only.
}
} // namespace

QString opHeadlineVerb(OpKind kind)
{
    switch (kind) {
    case OpKind::Install: return OpPresentation::tr("Installing");
    case OpKind::Upgrade: return OpPresentation::tr("Upgrading");
    case OpKind::Delete: break;
    }
    return OpPresentation::tr("Removing");
}

QString opFailedVerb(OpKind kind)
{
    switch (kind) {
    case OpKind::Install: return OpPresentation::tr("install");
    case OpKind::Upgrade: return OpPresentation::tr("upgrade");
    case OpKind::Delete: break;
    }
    return OpPresentation::tr("delete");
}

OpPresentation presentOp(const Operation &op, qint64 nowMs, qint64 stalledMs, bool live, const QString &nodeName)
{
    P p;
    if (op.targetNodeId)
        p.node = nodeName.isEmpty() ? *op.targetNodeId : nodeName;
    // An op with an error is failed whatever its state says: it never spins
    // (docs/gui.md#backend-cards).
    if (op.error || !isActive(op.state)) {
        ended(p, op, op.error ? OpState::Failed : op.state);
        return p;
    }
    p.active = true;
    const QString pct = percentText(op.progress);
    switch (op.state) {
    case OpState::Queued:
        p.phase = P::Phase::Queued;
        p.word = p.label = OpPresentation::tr("Queued");
        p.detail = OpPresentation::tr("Waiting for a free executor slot");
        p.busy = true;
        return p;
    case OpState::RunningOnWorker:
        p.phase = P::Phase::WorkerBusy;
        p.word = p.label = OpPresentation::tr("Worker busy");
        p.detail = workerBusyText(op.kind, busyNodes(op));
        p.tone = Tone::Warning;
        p.shape = P::Shape::Clock;
        if (op.progress > 0)
            p.percent = op.progress;
        return p;
    default: break;
    }
    // running (docs/gui.md#stalled: only while live; never a delete).
    if (live && op.isStalled(nowMs, stalledMs)) {
        p.phase = P::Phase::Stalled;
        p.stalled = true;
        p.stalledFor = duration(nowMs - op.progressAt);
        p.word = OpPresentation::tr("Stalled");
        p.label = OpPresentation::tr("Stalled · %1", "stalled · percentage").arg(pct);
        p.detail = OpPresentation::tr("no progress for %1").arg(p.stalledFor);
        p.tone = Tone::Warning;
        p.shape = P::Shape::Pause;
        p.percent = op.progress; // 0 % after a minute without any is true
        return p;
    }
    p.phase = P::Phase::Running;
    p.busy = true;
    p.detail = opProgressText(op);
    if (op.progress > 0)
        p.percent = op.progress;
    if (op.kind == OpKind::Delete) {
        p.word = OpPresentation::tr("Deleting");
        p.label = OpPresentation::tr("Deleting…");
    } else {
        p.word = opHeadlineVerb(op.kind);
        // Translatable, so that a language with a longer verb can drop the separator to fit the card.
        p.label = p.percent ? OpPresentation::tr("%1 · %2", "verb · percentage").arg(shortVerb(op.kind), pct)
                            : OpPresentation::tr("%1…", "verb…").arg(shortVerb(op.kind));
    }
    return p;
}

NodeRowPresentation presentNodeRow(const Operation &op, const NodeProgress &n, qint64 nowMs, qint64 stalledMs, bool live)
{
    NodeRowPresentation r;
    switch (n.status) {
    case NodeRowStatus::Queued:
        if (n.phase == QLatin1String("deferred")) {
            r.word = OpPresentation::tr("Waiting for node");
            r.tone = Tone::Neutral;
        } else {
            r.word = n.phase == QLatin1String("deleting") ? OpPresentation::tr("Deleting") : OpPresentation::tr("Queued");
        }
        break;
    case NodeRowStatus::Downloading: r.word = OpPresentation::tr("Downloading"); break;
    case NodeRowStatus::Verifying: r.word = OpPresentation::tr("Verifying"); break;
    case NodeRowStatus::Extracting: r.word = OpPresentation::tr("Extracting"); break;
    case NodeRowStatus::RunningOnWorker:
        r.word = OpPresentation::tr("Worker busy");
        r.tone = Tone::Warning;
        break;
    case NodeRowStatus::Success:
        r.word = OpPresentation::tr("Done");
        r.tone = Tone::Ok;
        break;
    case NodeRowStatus::Error:
        r.word = OpPresentation::tr("Failed");
        r.tone = Tone::Error;
        break;
    case NodeRowStatus::Cancelled:
        r.word = OpPresentation::tr("Cancelled");
        r.tone = Tone::Neutral;
        break;
    }
    // docs/gui.md#stalled: a row that moves bytes, unchanged for the stall time, of a running
    // install or upgrade.
    const bool moving = n.status == NodeRowStatus::Downloading || n.status == NodeRowStatus::Verifying
                        || n.status == NodeRowStatus::Extracting;
    if (live && moving && op.state == OpState::Running && op.kind != OpKind::Delete && n.updatedAt > 0
        && nowMs - n.updatedAt >= stalledMs) {
        r.word = OpPresentation::tr("Stalled");
        r.tone = Tone::Warning;
        r.stalled = true;
    }
    return r;
}

QString OpPresentation::labelOnNode() const
{
    return node.isEmpty() ? label : tr("%1 on %2", "state on node").arg(label, node);
}

QString OpPresentation::glyph() const
{
    switch (shape) {
    case Shape::Spinner: return QStringLiteral("⟳");
    case Shape::Clock: return QStringLiteral("◷");
    case Shape::Pause: return QStringLiteral("❚❚");
    case Shape::Error: return QStringLiteral("✖");
    case Shape::Stopped: return QStringLiteral("■");
    case Shape::Done: break;
    }
    return QStringLiteral("●");
}

} // namespace fleetdeck::ui
