#pragma once
// One cluster per bus (docs/architecture.md#cluster-identity): before subscribing to anything a
// replica asks `fleetdeck.cluster.hello {cluster_id, replica_id}` and collects replies for 1 s; a
// reply from another cluster stops it (exit 3). Long-lived replicas answer the hello with
// {cluster_id, replica_id, kind, host} and log a foreign cluster_id.
#include "bus/bus.h"
#include "core/reason.h"
#include "ops/replica_identity.h"

#include <QObject>

namespace fleetdeck {

struct HelloPeer {
    QString clusterId, replicaId, kind, host;
};

struct HelloResult {
    QList<HelloPeer> peers;   // long-lived replicas of this cluster that answered
    QString foreignError;     // non-empty: another cluster owns the bus (exit 3)
    Reason foreignErrorCode;  // its code and args (foreign_cluster)
    bool anyLongLived() const { return !peers.isEmpty(); }
};

class ClusterHello final : public QObject {
    Q_OBJECT
public:
    ClusterHello(Bus *bus, ReplicaIdentity identity, QString clusterId, QObject *parent = nullptr);
    ~ClusterHello() override;

    // The start-up check; `done` runs on this object's thread.
    void check(qint64 windowMs, std::function<void(const HelloResult &)> done);
    // Long-lived replicas: answer hellos from now on.
    void answer();

private:
    Bus *m_bus;
    ReplicaIdentity m_identity;
    QString m_clusterId;
    SubscriptionId m_sub = 0;
};

} // namespace fleetdeck
