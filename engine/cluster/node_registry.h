#pragma once
// The node registry of one replica (docs/nodes.md): answers `nodes.register` and takes
// `nodes.*.heartbeat` in queue group `fleetdeck-<cluster_id>`, runs the admin actions approve /
// drain / resume / delete, and turns the control-channel events of NodeEvents into status changes.
// Lives on the engine thread. Each change is one read-modify-write job on the store thread that
// applies the rules of node_transitions (docs/nodes.md#statuses) to the row it just read; a change
// then publishes `fleetdeck.nodes.changed` and emits nodeChanged().
#include "bus/bus.h"
#include "cluster/node_events.h"
#include "cluster/node_transitions.h"
#include "config/cluster_settings.h"
#include "core/node.h"
#include "core/result.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QStringList>

namespace fleetdeck {

class Clock;
class StoreThread;

// What one registry job did to a node.
struct NodeChange {
    Node before;
    Node after;
    bool changed = false; // status or reason changed
    std::optional<Reason> refusal; // admin action refused (the refusals of docs/nodes.md#statuses); nothing written
};

struct DeletedNode {
    QString id;
    QString name;
    QStringList cancelledOpIds; // ops whose node rows were cancelled (D10)
};

class NodeRegistry final : public QObject, public NodeEvents {
    Q_OBJECT
public:
    NodeRegistry(StoreThread *store, Bus *bus, Clock *clock, QString clusterId, QObject *parent = nullptr);
    ~NodeRegistry() override;

    void setSettings(const ClusterSettings &settings) { m_settings = settings; }
    const ClusterSettings &settings() const { return m_settings; }
    QString queueGroup() const { return QStringLiteral("fleetdeck-") + m_clusterId; }

    // Joins the queue group (register, heartbeats); logs the open-registration warning.
    void start();
    // Leaves it (store outage, shutdown).
    void stop();
    bool isStarted() const { return !m_subscriptions.isEmpty(); }

    // Admin actions; `node` is an id or a name (case-insensitive). Errors: the refusals of
    // docs/nodes.md#statuses, "unknown node \"<n>\"", "store unreachable: <error>".
    QFuture<Result<Node>> approve(const QString &node);
    QFuture<Result<Node>> drain(const QString &node);
    QFuture<Result<Node>> resume(const QString &node);
    QFuture<Result<DeletedNode>> deleteNode(const QString &node);

    // NodeEvents: healthy → unhealthy "no responders on <subject>"; unhealthy → healthy.
    void noResponders(const QString &nodeId, const QString &subject) override;
    void answered(const QString &nodeId) override;

    // Applies one event (docs/nodes.md#statuses) to the node's current row (the heartbeat age is
    // computed from the row read). Used by the health monitor and the admin actions.
    QFuture<Result<NodeChange>> applyEvent(const QString &node, const nodes::EventInput &in);

    // Garbage messages dropped since start (invalid payload, subject/name mismatch).
    int droppedMessages() const { return m_droppedTotal; }

    // Validation of docs/nodes.md#registration: "" when valid, else the error text.
    static QString validateName(const QString &name);
    static QString validateLabels(const QJsonObject &labels);
    // fleetdeck.nodes.changed {node_id, name, status, previous_status, reason, at}
    // (docs/protocol.md#replica-broadcasts); a deleted node is announced with status "deleted", a
    // new one with previous_status null.
    static QByteArray changedPayload(const QString &id, const QString &name, const QString &status,
                                     const std::optional<NodeStatus> &previous, const Reason &reason, qint64 at);

Q_SIGNALS:
    void nodeChanged(const fleetdeck::Node &node);
    void nodeRemoved(const QString &id, const QString &name);
    // A node's deletion cancelled node rows of these ops (D10): they must be re-evaluated.
    void opRowsChanged(const QStringList &opIds);

private:
    void onRegister(const BusMessage &m);
    void onHeartbeat(const BusMessage &m);
    void reply(const BusMessage &m, const QByteArray &payload);
    void dropped(const QString &why);
    void scheduleDropLog();
    void published(const NodeChange &c);
    QFuture<Result<Node>> admin(const QString &node, nodes::NodeEvent event);

    StoreThread *m_store;
    Bus *m_bus;
    Clock *m_clock;
    QString m_clusterId;
    ClusterSettings m_settings;
    QList<SubscriptionId> m_subscriptions;
    int m_droppedSinceLog = 0;
    int m_droppedTotal = 0;
    quint64 m_dropLogTimer = 0;
};

} // namespace fleetdeck
