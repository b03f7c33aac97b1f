// Per node (docs/operations.md#fan-out steps 1–5): intents, the start of each node in name order
// with at most ops/fanout_parallel requests in flight, the request, its result and progress ticks.
#include "bus/subjects.h"
#include "cluster/fan_out_run.h"
#include "cluster/node_events.h"
#include "core/clock.h"
#include "cluster/op_reevaluation.h"
#include "store/store_thread.h"

#include <QLoggingCategory>
#include <algorithm>
#include <cmath>

Q_DECLARE_LOGGING_CATEGORY(lcFanOut)

namespace fleetdeck {

namespace {

struct StartCheck {
    QString error;                  // store error
    bool opTerminal = false;
    std::optional<Node> node;
    bool leased = false;
    std::optional<NodeProgress> storedRow;
};

QString kindVerb(OpKind k)
{
    return toString(k);
}

} // namespace

void FanOutRun::enqueue()
{
    const Operation &o = snapshot;
    QList<PendingNodeOp> intents;
    const qint64 now = owner->deps().clock->nowMs();
    for (const FanOutTarget &t : std::as_const(targets)) {
        if (t.handled)
            continue;
        PendingNodeOp p;
        p.nodeId = t.node.id;
        p.backend = o.backend;
        p.op = o.kind;
        p.galleries = galleries;
        p.entry = t.entry;
        p.force = o.force;
        p.opId = o.id;
        p.nextRetryAt = now;
        intents.append(p);
    }
    owner->deps().store->call([intents](Store &s) { return s.enqueueIntents(intents); })
        .then(owner, [this](Result<EnqueueResult> r) {
            if (!opAlive())
                return owner->runEnded(this);
            if (!r) {
                for (int i = 0; i < targets.size(); ++i) {
                    if (targets[i].handled)
                        continue;
                    NodeProgress row = targets[i].row;
                    row.status = NodeRowStatus::Error;
                    row.setError(Reason::make("enqueue_failed", {{"detail", r.error()}}));
                    targets[i].handled = true;
                    setRow(i, row);
                }
                return finishIfDone();
            }
            for (FanOutTarget &t : targets)
                t.pendingId = r->rowIds.value(t.node.id);
            QStringList superseded;
            for (const SupersededRow &s : r->superseded) {
                if (!superseded.contains(s.opId))
                    superseded.append(s.opId);
                // The latest intent wins on the node too: the superseded op's job is cancelled
                // there before this op's request, which follows on the same connection. Requests
                // from two replicas may reach a worker in either order (sim seed 58: a superseded
                // install ran after the delete that superseded it).
                for (const FanOutTarget &t : std::as_const(targets))
                    if (t.node.id == s.nodeId)
                        owner->client()->cancel(NodeAddress{t.node.id, t.node.name}, s.opId, [](const CancelOutcome &) {});
            }
            if (!superseded.isEmpty() && owner->service())
                reevaluateOps(owner->service(), superseded);
            drain();
        });
}

void FanOutRun::drain()
{
    const int parallel = std::max(1, owner->settings().fanoutParallel());
    // After a graceful shutdown (docs/operations.md#executor) no further node is contacted: their
    // pending rows stay due.
    while (!completed && next < targets.size() && inFlight < parallel && !(opAlive() && op->ended())) {
        const int i = next++;
        if (targets[i].handled)
            continue;
        startNode(i);
    }
    finishIfDone();
}

void FanOutRun::startNode(int i)
{
    if (cancelled || (opAlive() && op->cancelRequested())) {
        cancelled = true;
        NodeProgress row = targets[i].row;
        row.status = NodeRowStatus::Cancelled;
        row.setMessage(Reason::make("cancelled_before_contact"));
        targets[i].handled = true;
        setRow(i, row);
        return;
    }
    ++inFlight;
    const QString opId = snapshot.id;
    const QString nodeId = targets[i].node.id;
    const qint64 rowId = targets[i].pendingId;
    const qint64 until = owner->deps().clock->nowMs() + owner->settings().timeoutMs(snapshot.kind);
    owner->deps().store->call([opId, nodeId, rowId, until](Store &s) {
        StartCheck c;
        auto op = s.getOp(opId);
        if (!op) {
            c.error = op.error();
            return c;
        }
        c.opTerminal = !op.value() || op.value()->processed();
        if (op.value())
            for (const NodeProgress &n : op.value()->nodes)
                if (n.nodeId == nodeId)
                    c.storedRow = n;
        auto node = s.findNode(nodeId);
        if (!node) {
            c.error = node.error();
            return c;
        }
        c.node = node.value();
        if (c.opTerminal || !c.node || c.node->status != NodeStatus::Healthy)
            return c;
        auto leased = s.leasePending(rowId, opId, until);
        if (!leased)
            c.error = leased.error();
        else
            c.leased = leased.value();
        return c;
    }).then(owner, [this, i](StartCheck c) {
        if (!opAlive()) {
            --inFlight;
            return;
        }
        NodeProgress row = targets[i].row;
        if (!c.error.isEmpty()) {
            row.status = NodeRowStatus::Error;
            row.setError(Reason::make("store_unreachable", {{"detail", c.error}}));
        } else if (c.opTerminal) {
            cancelled = true; // docs/operations.md#cancel step 6: the store shows the op terminal
            row.status = NodeRowStatus::Cancelled;
            row.setMessage(Reason::make("cancelled_before_contact"));
        } else if (!c.node) {
            row.status = NodeRowStatus::Cancelled;
            row.setMessage(Reason::make("node_deleted"));
        } else if (c.node->status != NodeStatus::Healthy) {
            owner->noteNodeStatus(c.node->id, c.node->status);
            row.status = NodeRowStatus::Queued;
            row.phase = QStringLiteral("deferred");
            row.setMessage(Reason::make("node_deferred", {{"status", toString(c.node->status)}}));
        } else if (!c.leased) {
            // Another op took the pending row over (docs/operations.md#store-operations): this node
            // is left to it.
            if (c.storedRow && isTerminal(c.storedRow->status)) {
                row = *c.storedRow;
            } else {
                row.status = NodeRowStatus::Cancelled;
                row.setMessage(Reason::make("pending_taken_over"));
            }
        } else if (op->ended()) {
            --inFlight; // shut down meanwhile: the node stays for the reconciler
            return finishIfDone();
        } else {
            targets[i].node = *c.node;
            contact(i);
            return;
        }
        --inFlight;
        targets[i].handled = true;
        setRow(i, row);
        drain();
    });
}

void FanOutRun::contact(int i)
{
    const Operation &o = snapshot;
    const FanOutTarget &t = targets[i];
    NodeProgress row = t.row;
    if (o.kind == OpKind::Delete) {
        row.status = NodeRowStatus::Queued;
        row.phase = QStringLiteral("deleting");
    } else {
        row.status = NodeRowStatus::Downloading;
        row.phase = QStringLiteral("resolving");
    }
    row.setMessage(Reason::plain(QString()));
    setRow(i, row);
    // Written at once, not throttled: a cancel on any replica reads which nodes were contacted
    // (docs/operations.md#cancel steps 3–4) and must not take this row for one still queued.
    NodeProgress now = row;
    now.opId = o.id;
    now.updatedAt = owner->deps().clock->nowMs();
    owner->deps().store->call([now](Store &s) { return s.updateNodeRow(now); });
    const NodeAddress addr{t.node.id, t.node.name};
    targets[i].contacted = true;
    owner->requestStarted();
    auto done = [this, i](const CommandOutcome &out) { onReply(i, out); };
    if (o.kind == OpKind::Delete) {
        owner->client()->remove(addr, wire::DeleteRequest{o.backend, o.id}, done);
        return;
    }
    wire::InstallRequest req;
    req.backend = o.backend;
    req.galleries = galleries;
    req.entry = t.entry;
    req.force = o.force; // Reinstall sends force: true (D8)
    req.opId = o.id;
    auto tick = [this, i](const wire::ProgressEvent &ev) { onTick(i, ev); };
    if (o.kind == OpKind::Upgrade)
        owner->client()->upgrade(addr, req, tick, done);
    else
        owner->client()->install(addr, req, tick, done);
}

void FanOutRun::onTick(int i, const wire::ProgressEvent &ev)
{
    if (!opAlive() || targets[i].handled)
        return;
    NodeProgress row = targets[i].row;
    if (isTerminal(row.status))
        return;
    const int pct = rowPercentage(ev.percentage);
    if (pct < row.percentage)
        return; // a lower percentage is ignored
    if (const auto status = rowStatusForPhase(ev.phase))
        row.status = *status;
    if (!ev.phase.isEmpty())
        row.phase = ev.phase;
    row.percentage = pct;
    row.currentBytes = ev.currentBytes;
    row.totalBytes = ev.totalBytes;
    if (!ev.fileName.isEmpty())
        row.fileName = ev.fileName;
    setRow(i, row);
}

void FanOutRun::onReply(int i, const CommandOutcome &out)
{
    owner->requestEnded();
    if (!opAlive()) {
        --inFlight;
        return;
    }
    const Operation &o = snapshot;
    FanOutTarget &t = targets[i];
    NodeEvents *events = owner->deps().events;
    StoreThread *store = owner->deps().store;
    const qint64 rowId = t.pendingId;
    const std::optional<QString> opId = o.id;
    NodeProgress row = t.row;
    row.setMessage(Reason::plain(QString()));
    row.clearError();
    if (out.transport == RequestOutcome::Reply && events)
        events->answered(t.node.id);
    if (out.replied()) {
        store->call([rowId, opId](Store &s) { return s.deletePending(rowId, opId); });
        const wire::CommandReply &r = out.reply;
        if (r.success) {
            row.status = NodeRowStatus::Success;
            row.percentage = 100;
            if (cancelled || (op && op->cancelRequested()))
                row.setMessage(Reason::make("completed_before_cancel"));
            else if (o.kind == OpKind::Delete)
                row.setMessage(Reason::make("deleted"));
            else
                row.setMessage(Reason::make(
                    "installed", {{"version", r.installed ? r.installed->version : t.entry.value(QLatin1String("version")).toString()}}));
        } else if (r.cancelled) {
            row.status = NodeRowStatus::Cancelled;
            row.setMessage(r.error.isEmpty() ? Reason::make("cancelled") : r.errorReason());
        } else {
            row.status = NodeRowStatus::Error;
            row.setError(Reason::make("command_failed", {{"kind", kindVerb(o.kind)}, {"error", reasonToJson(r.errorReason())}}));
        }
    } else if (out.transport == RequestOutcome::Timeout) {
        onTimeout(i, row);
        return;
    } else {
        const ClusterSettings s = owner->settings();
        const BackoffPolicy backoff{s.backoffBaseMs(), s.backoffCapMs()};
        const Reason why = describeOutcome(out, t.node.name);
        const QString error = englishText(why);
        store->call([rowId, opId, error, backoff](Store &st) { return st.recordFailure(rowId, opId, error, backoff); });
        if (out.transport == RequestOutcome::NoResponders && events)
            events->noResponders(t.node.id, subjects::nodeCommand(t.node.name, o.kind == OpKind::Delete ? "delete"
                                                                       : o.kind == OpKind::Upgrade ? "upgrade" : "install"));
        row.status = NodeRowStatus::Error;
        row.setError(why);
    }
    --inFlight;
    t.handled = true;
    t.contacted = false;
    setRow(i, row);
    drain();
}

namespace {
struct TimeoutCheck {
    bool kept = true;                 // the pending row is still this op's: the reconciler confirms
    std::optional<NodeProgress> row;  // when not kept: the node row as the store has it
    QString nodeStatus;               // when not kept: the node's status
};
} // namespace

// A request timed out: the node row becomes running_on_worker only while a pending row of this op
// is left to confirm it (docs/operations.md#reconcile-pass invariant: no node row stays
// non-terminal without a pending row or a live request that will settle it). A row swept meanwhile
// ends "node <status> before confirming"; a row another op superseded keeps the terminal state the
// store gave it (sim seed 7: an op stuck in running_on_worker for ever, kept alive by its owner's
// keepalive).
void FanOutRun::onTimeout(int i, NodeProgress row)
{
    const qint64 rowId = targets[i].pendingId;
    const QString opId = snapshot.id;
    const QString nodeId = targets[i].node.id;
    const qint64 delay = owner->settings().timeoutMs(snapshot.kind);
    owner->deps()
        .store
        ->call([rowId, opId, nodeId, delay](Store &s) {
            TimeoutCheck c;
            const auto kept = s.recordInFlight(rowId, opId, delay);
            if (!kept)
                return c; // store unreachable: the row is most likely still there
            c.kept = kept.value();
            if (c.kept)
                return c;
            if (const auto rows = s.nodeRows(opId))
                for (const NodeProgress &r : rows.value())
                    if (r.nodeId == nodeId)
                        c.row = r;
            const auto node = s.findNode(nodeId);
            c.nodeStatus = node && node.value() ? toString(node.value()->status) : QStringLiteral("deleted");
            return c;
        })
        .then(owner, [this, i, row](const TimeoutCheck &c) mutable {
            if (c.kept) {
                row.status = NodeRowStatus::RunningOnWorker;
                row.setMessage(Reason::make("worker_still_busy"));
            } else if (c.row && isTerminal(c.row->status)) {
                row = *c.row;
            } else {
                row.status = NodeRowStatus::Error;
                row.setError(Reason::make("node_left_before_confirm", {{"status", c.nodeStatus}}));
            }
            --inFlight;
            targets[i].handled = true;
            targets[i].contacted = false;
            setRow(i, row);
            drain();
        });
}

void FanOutRun::abandon()
{
    StoreThread *store = owner->deps().store;
    const std::optional<QString> opId = snapshot.id;
    const qint64 now = owner->deps().clock->nowMs();
    const qint64 delay = owner->settings().timeoutMs(snapshot.kind);
    for (const FanOutTarget &t : std::as_const(targets)) {
        if (t.handled || t.pendingId == 0)
            continue;
        const qint64 rowId = t.pendingId;
        if (t.contacted)
            store->call([rowId, opId, delay](Store &s) { return s.recordInFlight(rowId, opId, delay); });
        else // also undoes the lease of a node whose contact was being prepared
            store->call([rowId, opId, now](Store &s) { return s.leasePending(rowId, opId, now); });
    }
}

void FanOutRun::setRow(int i, const NodeProgress &row)
{
    targets[i].row = row;
    if (opAlive())
        op->updateNode(row);
}

void FanOutRun::finishIfDone()
{
    if (completed || inFlight > 0)
        return;
    if (opAlive() && op->ended()) {
        completed = true; // abandoned at shutdown: the op is running_on_worker already
        owner->runEnded(this);
        return;
    }
    for (const FanOutTarget &t : std::as_const(targets))
        if (!t.handled)
            return;
    completed = true;
    if (opAlive())
        op->complete();
    owner->runEnded(this);
}

} // namespace fleetdeck
