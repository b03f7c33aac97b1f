// NodeRegistry, second part: the read-modify-write job of docs/nodes.md#statuses shared by the
// admin actions, the NodeEvents and the health monitor, and the publication of every change.
#include "cluster/node_registry.h"

#include "bus/subjects.h"
#include "core/clock.h"
#include "core/deferred.h"
#include "store/store_thread.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcNodes)

namespace fleetdeck {
namespace {

Reason storeUnreachable(const QString &error)
{
    return Reason::make("store_unreachable", {{"detail", error}});
}

Reason unknownNode(const QString &key)
{
    return Reason::make("unknown_node", {{"node", key}});
}

// Store-thread half of every status change: read the row, apply the rule, write when changed.
Result<NodeChange> applyOnStore(Store &s, const QString &key, nodes::EventInput in, qint64 now, bool byIdOnly)
{
    using R = Result<NodeChange>;
    auto found = s.findNode(key);
    if (!found)
        return R::failure(storeUnreachable(found.error()));
    if (!found.value() || (byIdOnly && found.value()->id != key))
        return R::failure(unknownNode(key));
    NodeChange c;
    c.before = c.after = *found.value();
    in.heartbeatAgeMs = now - c.before.lastHeartbeat;
    const nodes::Transition t = nodes::apply(c.before, in);
    if (t.error) {
        c.refusal = t.error;
        return c;
    }
    if (!t.changed)
        return c;
    c.after.status = t.status;
    c.after.setStatusReason(t.reason);
    c.after.updatedAt = now;
    if (Status st = s.updateNode(c.after); !st)
        return R::failure(storeUnreachable(st.error()));
    c.changed = true;
    return c;
}

} // namespace

void NodeRegistry::published(const NodeChange &c)
{
    const Node &n = c.after;
    qCInfo(lcNodes).noquote() << "node" << n.name << toString(c.before.status) << "->" << toString(n.status)
                              << (n.statusReason.isEmpty() ? QString() : QString(QLatin1Char('(') + n.statusReason + QLatin1Char(')')));
    m_bus->publish(subjects::nodesChanged(), changedPayload(n.id, n.name, toString(n.status), c.before.status,
                                                            codedOrPlain(n.statusReasonCode, n.statusReason), n.updatedAt));
    Q_EMIT nodeChanged(n);
}

QFuture<Result<NodeChange>> NodeRegistry::applyEvent(const QString &node, const nodes::EventInput &in)
{
    if (!m_store->isRunning())
        return readyFuture(Result<NodeChange>::failure(storeUnreachable(QStringLiteral("store thread not running"))));
    const qint64 now = m_clock->nowMs();
    const bool byIdOnly = in.event == nodes::NodeEvent::NoResponders || in.event == nodes::NodeEvent::Answered
                          || in.event == nodes::NodeEvent::MonitorTick;
    return m_store->call([node, in, now, byIdOnly](Store &s) { return applyOnStore(s, node, in, now, byIdOnly); })
        .then(this, [this](Result<NodeChange> r) {
            if (r && r->changed)
                published(r.value());
            return r;
        });
}

QFuture<Result<Node>> NodeRegistry::admin(const QString &node, nodes::NodeEvent event)
{
    nodes::EventInput in;
    in.event = event;
    return applyEvent(node, in).then(this, [](Result<NodeChange> r) {
        if (!r)
            return Result<Node>::failure(r.errorReason());
        if (r->refusal)
            return Result<Node>::failure(*r->refusal);
        return Result<Node>(r->after);
    });
}

QFuture<Result<Node>> NodeRegistry::approve(const QString &node) { return admin(node, nodes::NodeEvent::Approve); }
QFuture<Result<Node>> NodeRegistry::drain(const QString &node) { return admin(node, nodes::NodeEvent::Drain); }
QFuture<Result<Node>> NodeRegistry::resume(const QString &node) { return admin(node, nodes::NodeEvent::Resume); }

QFuture<Result<DeletedNode>> NodeRegistry::deleteNode(const QString &node)
{
    using R = Result<DeletedNode>;
    if (!m_store->isRunning())
        return readyFuture(R::failure(storeUnreachable(QStringLiteral("store thread not running"))));
    struct Deleted {
        Node node;
        QStringList opIds;
    };
    const qint64 now = m_clock->nowMs();
    return m_store
        ->call([node](Store &s) -> Result<Deleted> {
            auto found = s.findNode(node);
            if (!found)
                return Result<Deleted>::failure(storeUnreachable(found.error()));
            if (!found.value())
                return Result<Deleted>::failure(unknownNode(node));
            auto ids = s.deleteNode(found.value()->id);
            if (!ids)
                return Result<Deleted>::failure(storeUnreachable(ids.error()));
            return Deleted{*found.value(), ids.value()};
        })
        .then(this, [this, now](Result<Deleted> r) {
            if (!r)
                return R::failure(r.errorReason());
            const Node &n = r->node;
            qCInfo(lcNodes).noquote() << "node" << n.name << n.id << "deleted by admin;" << r->opIds.size() << "ops affected";
            m_bus->publish(subjects::nodesChanged(),
                           changedPayload(n.id, n.name, QStringLiteral("deleted"), n.status, Reason::make("deleted_by_admin"), now));
            Q_EMIT nodeRemoved(n.id, n.name);
            if (!r->opIds.isEmpty())
                Q_EMIT opRowsChanged(r->opIds);
            return R(DeletedNode{n.id, n.name, r->opIds});
        });
}

void NodeRegistry::noResponders(const QString &nodeId, const QString &subject)
{
    nodes::EventInput in;
    in.event = nodes::NodeEvent::NoResponders;
    in.subject = subject;
    applyEvent(nodeId, in).then(this, [nodeId](Result<NodeChange> r) {
        if (!r)
            qCWarning(lcNodes).noquote() << "no-responders event of node" << nodeId << "not recorded:" << r.error();
    });
}

void NodeRegistry::answered(const QString &nodeId)
{
    nodes::EventInput in;
    in.event = nodes::NodeEvent::Answered;
    applyEvent(nodeId, in).then(this, [nodeId](Result<NodeChange> r) {
        if (!r)
            qCWarning(lcNodes).noquote() << "answered event of node" << nodeId << "not recorded:" << r.error();
    });
}


} // namespace fleetdeck
