// Target nodes (docs/operations.md#target-nodes) and each target's entry
// (docs/operations.md#fan-out step 1).
#include "cluster/fan_out_run.h"
#include "store/store_thread.h"

#include <QLoggingCategory>
#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcFanOut)

namespace fleetdeck {

namespace {

QStringList requiredVendors(const QJsonObject &entry)
{
    QStringList out;
    const QJsonArray a = entry.value(QLatin1String("requires")).toObject().value(QLatin1String("gpu_vendor")).toArray();
    for (const QJsonValue &v : a)
        out.append(v.toString());
    return out;
}

NodeProgress rowFor(const Node &n)
{
    NodeProgress r;
    r.nodeId = n.id;
    r.nodeName = n.name;
    r.status = NodeRowStatus::Queued;
    r.phase = QStringLiteral("waiting");
    return r;
}

NodeProgress errorRow(const Node &n, const Reason &error)
{
    NodeProgress r = rowFor(n);
    r.status = NodeRowStatus::Error;
    r.phase.clear();
    r.setError(error);
    return r;
}

Reason noEligibleNodes(const Operation &o)
{
    return Reason::make("no_eligible_nodes", {{"kind", toString(o.kind)}, {"backend", o.backend}});
}

} // namespace

void FanOutRun::fail(const Reason &error)
{
    completed = true;
    if (opAlive())
        op->fail(error);
    owner->runEnded(this);
}

void FanOutRun::start()
{
    const Operation &o = snapshot;
    galleries = o.params.value(QLatin1String("galleries")).toArray();
    owner->deps().store->call([](Store &s) { return s.listNodes(); }).then(owner, [this](Result<QList<Node>> nodes) {
        if (!opAlive())
            return owner->runEnded(this);
        if (!nodes)
            return fail(Reason::make("store_unreachable", {{"detail", nodes.error()}}));
        for (const Node &n : nodes.value())
            owner->noteNodeStatus(n.id, n.status);
        const Operation &o = snapshot;
        const bool listed = o.kind == OpKind::Upgrade || (o.kind == OpKind::Install && o.force);
        if (!listed)
            return chooseTargets(nodes.value());
        QList<Node> candidates;
        for (const Node &n : nodes.value()) {
            if (o.targetNodeId && n.id != *o.targetNodeId)
                continue;
            if (o.targetNodeId && !ClusterListing::isListable(n.status))
                return fail(Reason::make("node_backends_unknown", {{"node", n.name}, {"status", toString(n.status)}}));
            if (n.status != NodeStatus::Pending)
                candidates.append(n);
        }
        if (o.targetNodeId && candidates.isEmpty())
            return fail(noEligibleNodes(o));
        owner->listing()->runOn(candidates, [this, candidates](const ClusterListingResult &listing) {
            if (!opAlive())
                return owner->runEnded(this);
            chooseListedTargets(candidates, listing);
        });
    });
}

// install without force and delete: every node but pending ones (and, for install, those the
// entry's `requires` excludes: they get no row).
void FanOutRun::chooseTargets(const QList<Node> &nodes)
{
    const Operation &o = snapshot;
    const QJsonArray entries = o.params.value(QLatin1String("entries")).toArray();
    const QJsonObject entry = entries.isEmpty() ? QJsonObject() : entries.first().toObject();
    const QStringList requires_ = o.kind == OpKind::Install ? requiredVendors(entry) : QStringList();
    QList<FanOutTarget> out;
    for (const Node &n : nodes) {
        if (n.status == NodeStatus::Pending || (o.targetNodeId && n.id != *o.targetNodeId))
            continue;
        if (!requires_.isEmpty() && !requires_.contains(n.gpuVendor()))
            continue;
        FanOutTarget t;
        t.node = n;
        t.row = rowFor(n);
        out.append(t);
    }
    if (out.isEmpty())
        return fail(noEligibleNodes(o));
    createRows(out);
}

// Reinstall and upgrade: the nodes a fresh listing shows holding the backend; nodes that failed
// to answer get an error row.
void FanOutRun::chooseListedTargets(const QList<Node> &nodes, const ClusterListingResult &listing)
{
    const Operation &o = snapshot;
    QList<FanOutTarget> out;
    for (const Node &n : nodes) {
        FanOutTarget t;
        t.node = n;
        if (const UnknownNode *u = listing.unknownOf(n.id)) {
            t.row = errorRow(n, Reason::make("backend_state_unknown", {{"detail", u->error}}));
            t.handled = true;
            out.append(t);
            continue;
        }
        const NodeListing *l = listing.replyOf(n.id);
        if (!l)
            continue; // not listable (offline, draining): its backends are not known to be there
        const bool has = std::any_of(l->reply.backends.begin(), l->reply.backends.end(),
                                     [&](const wire::ListedBackend &b) { return b.name == o.backend; });
        if (!has)
            continue;
        t.row = rowFor(n);
        out.append(t);
    }
    if (out.isEmpty()) {
        if (o.targetNodeId && !nodes.isEmpty())
            return fail(Reason::make("backend_not_installed", {{"backend", o.backend}, {"node", nodes.first().name}}));
        return fail(Reason::make("backend_not_installed_anywhere", {{"backend", o.backend}}));
    }
    createRows(out);
}

void FanOutRun::createRows(const QList<FanOutTarget> &targetsIn)
{
    const Operation &o = snapshot;
    const QJsonArray entries = o.params.value(QLatin1String("entries")).toArray();
    const QJsonObject entry = entries.isEmpty() ? QJsonObject() : entries.first().toObject();
    const QJsonObject caps = entry.value(QLatin1String("capabilities")).toObject();
    targets = targetsIn;
    std::stable_sort(targets.begin(), targets.end(),
                     [](const FanOutTarget &a, const FanOutTarget &b) { return nameLess(a.node.name, b.node.name); });
    for (FanOutTarget &t : targets) {
        if (t.handled || o.kind == OpKind::Delete)
            continue;
        if (caps.isEmpty()) {
            t.entry = entry;
            continue;
        }
        // A meta: the capability of the node's gpu_vendor, else `default`.
        const QString vendor = t.node.gpuVendor();
        const QString concrete = caps.value(vendor).toString(caps.value(QLatin1String("default")).toString());
        for (const QJsonValue &v : entries)
            if (!concrete.isEmpty() && v.toObject().value(QLatin1String("name")).toString() == concrete)
                t.entry = v.toObject();
        if (t.entry.isEmpty()) {
            t.row = errorRow(t.node, Reason::make("meta_no_match", {{"backend", o.backend},
                                                                    {"gpu_vendor", vendor.isEmpty() ? QStringLiteral("unknown") : vendor}}));
            t.handled = true;
        }
    }
    QList<NodeProgress> rows;
    for (const FanOutTarget &t : std::as_const(targets))
        rows.append(t.row);
    op->createNodeRows(rows);
    for (const FanOutTarget &t : std::as_const(targets))
        if (t.row.status == NodeRowStatus::Error)
            op->updateNode(t.row); // terminal rows count in the aggregate
    enqueue();
}

} // namespace fleetdeck
