// Node registry rows (`nodes` in docs/architecture.md#store, docs/nodes.md#registration) and admin
// deletion (D10).
#include "store/store_codec.h"
#include "store/store_impl.h"

#include <algorithm>

namespace fleetdeck {

using namespace storecodec;

Status Store::insertNode(const Node &node)
{
    const qint64 now = d->now();
    auto q = d->exec("insertNode",
                     QStringLiteral("INSERT INTO nodes (id, name, status, status_reason, labels, last_heartbeat, resources, "
                                    "worker_version, created_at, updated_at, status_reason_code, status_reason_args) VALUES "
                                    "(:id, :name, :status, :reason, :labels, :heartbeat, :resources, :version, :created, "
                                    ":updated, :rc, :ra)"),
                     {{"id", node.id},
                      {"name", node.name},
                      {"status", toString(node.status)},
                      {"reason", node.statusReason},
                      {"labels", jsonText(node.labels)},
                      {"heartbeat", node.lastHeartbeat},
                      {"resources", jsonText(node.resources)},
                      {"version", node.workerVersion},
                      {"created", node.createdAt > 0 ? node.createdAt : now},
                      {"updated", node.updatedAt > 0 ? node.updatedAt : now},
                      {"rc", reasonCode(node.statusReasonCode)},
                      {"ra", reasonArgs(node.statusReasonCode)}});
    if (!q)
        return Status::failure(q.error());
    return okStatus();
}

Status Store::updateNode(const Node &node)
{
    auto q = d->exec("updateNode",
                     QStringLiteral("UPDATE nodes SET name = :name, status = :status, status_reason = :reason, "
                                    "status_reason_code = :rc, status_reason_args = :ra, labels = :labels, "
                                    "last_heartbeat = :heartbeat, resources = :resources, worker_version = :version, "
                                    "updated_at = :now WHERE id = :id"),
                     {{"name", node.name},
                      {"status", toString(node.status)},
                      {"reason", node.statusReason},
                      {"labels", jsonText(node.labels)},
                      {"heartbeat", node.lastHeartbeat},
                      {"resources", jsonText(node.resources)},
                      {"version", node.workerVersion},
                      {"rc", reasonCode(node.statusReasonCode)},
                      {"ra", reasonArgs(node.statusReasonCode)},
                      {"now", d->now()},
                      {"id", node.id}});
    if (!q)
        return Status::failure(q.error());
    if (q.value().numRowsAffected() != 1)
        return Status::failure(storeError("updateNode", QStringLiteral("node %1 not found").arg(node.id)));
    return okStatus();
}

Result<std::optional<Node>> Store::findNode(const QString &idOrName)
{
    using R = Result<std::optional<Node>>;
    // lower() of both engines folds ASCII only; node names are ASCII (docs/nodes.md#registration).
    auto q = d->exec("findNode",
                     QStringLiteral("SELECT ") + QLatin1String(kNodeColumns)
                         + QStringLiteral(" FROM nodes WHERE id = :id OR lower(name) = lower(:name)"),
                     {{"id", idOrName}, {"name", idOrName}});
    if (!q)
        return R::failure(q.error());
    std::optional<Node> byName;
    while (q.value().next()) {
        Node n = nodeFromRow(q.value());
        if (n.id == idOrName)
            return std::optional<Node>(n); // an id match wins over a name match
        byName = n;
    }
    return byName;
}

Result<QList<Node>> Store::listNodes()
{
    auto rows = rowsOf(d->exec("listNodes", QStringLiteral("SELECT ") + QLatin1String(kNodeColumns) + QStringLiteral(" FROM nodes")),
                       nodeFromRow);
    if (!rows)
        return rows;
    QList<Node> nodes = std::move(rows.value());
    std::stable_sort(nodes.begin(), nodes.end(), [](const Node &a, const Node &b) { return nameLess(a.name, b.name); });
    return nodes;
}

Result<QStringList> Store::deleteNode(const QString &id)
{
    using R = Result<QStringList>;
    const char *op = "deleteNode";
    Transaction tx(*d, op);
    if (Status s = tx.begin(); !s)
        return R::failure(s.error());
    const qint64 now = d->now();
    QStringList opIds;
    {
        auto q = d->exec(op,
                         QStringLiteral("SELECT DISTINCT op_id FROM operation_nodes WHERE node_id = :id AND "
                                        "status NOT IN ('success','error','cancelled')"),
                         {{"id", id}});
        if (!q)
            return R::failure(q.error());
        while (q.value().next())
            opIds << q.value().value(0).toString();
    }
    std::sort(opIds.begin(), opIds.end());
    const Reason deleted = Reason::make("node_deleted");
    if (auto q = d->exec(op,
                         QStringLiteral("UPDATE operation_nodes SET status = 'cancelled', message = :message, "
                                        "message_code = :mc, message_args = :ma, updated_at = :now, revision = revision + 1 "
                                        "WHERE node_id = :id AND status NOT IN ('success','error','cancelled')"),
                         {{"message", englishText(deleted)}, {"mc", reasonCode(deleted)}, {"ma", reasonArgs(deleted)},
                          {"now", now}, {"id", id}});
        !q)
        return R::failure(q.error());
    for (const QString &opId : opIds) {
        if (auto q = d->exec(op,
                             QStringLiteral("UPDATE operations SET updated_at = :now WHERE id = :id AND status IN "
                                            "('queued','running','running_on_worker')"),
                             {{"now", now}, {"id", opId}});
            !q)
            return R::failure(q.error());
    }
    // Its pending_node_ops rows go with it (ON DELETE CASCADE; foreign_keys=ON on SQLite).
    auto del = d->exec(op, QStringLiteral("DELETE FROM nodes WHERE id = :id"), {{"id", id}});
    if (!del)
        return R::failure(del.error());
    if (del.value().numRowsAffected() != 1)
        return R::failure(storeError(op, QStringLiteral("node %1 not found").arg(id))); // tx rolls back
    if (Status s = tx.commit(); !s)
        return R::failure(s.error());
    return opIds;
}

} // namespace fleetdeck
