#pragma once
// The cluster listing of docs/operations.md#cluster-listing: `backend.list` to every healthy or
// unhealthy node at once (30 s each), aggregated per backend, with `unknown_nodes` for nodes that
// failed to answer and the raw replies (jobs included) for callers (fan-out targets, listing
// effects, reconciler). "No responders" goes to NodeEvents::noResponders, any answer to
// NodeEvents::answered.
#include "cluster/worker_client.h"
#include "core/node.h"

#include <QJsonObject>
#include <QObject>
#include <functional>

namespace fleetdeck {

class NodeEvents;
class StoreThread;

struct ListedNode {
    QString nodeId, nodeName;
    NodeStatus nodeStatus = NodeStatus::Healthy;
    QString version, digest, uri, installedAt, opId;
};

struct ListedBackendSummary {
    QString name;
    bool isSystem = false, isMeta = false;
    QString metaBackendFor;
    QList<ListedNode> nodes; // in name order
    bool upgradeAvailable = false; // filled by the upgrade computation (docs/gallery.md#upgrade-detection), not here
    QString availableVersion;
};

struct UnknownNode {
    QString nodeId, nodeName, error;
    Reason errorCode; // error's code and args (docs/reason-codes.md); none for a worker's list error
};

struct NodeListing {
    Node node;
    wire::ListReply reply; // backends and jobs as the worker sent them
};

struct ClusterListingResult {
    QList<ListedBackendSummary> backends; // in name order
    QList<UnknownNode> unknownNodes;      // in name order
    QList<NodeListing> replies;           // answered nodes, in name order
    QList<Node> nodes;                    // every registry node read for the listing

    const NodeListing *replyOf(const QString &nodeId) const;
    const UnknownNode *unknownOf(const QString &nodeId) const;
    QJsonObject toJson() const; // {"backends":[…],"unknown_nodes":[…]}
};

class ClusterListing final : public QObject {
    Q_OBJECT
public:
    ClusterListing(StoreThread *store, WorkerClient *client, NodeEvents *events, QObject *parent = nullptr);

    // Reads the registry, then lists every healthy or unhealthy node.
    void run(std::function<void(const ClusterListingResult &)> done);
    // Lists the listable nodes among `nodes` (the others are kept in result.nodes only).
    void runOn(const QList<Node> &nodes, std::function<void(const ClusterListingResult &)> done);

    static bool isListable(NodeStatus s) { return s == NodeStatus::Healthy || s == NodeStatus::Unhealthy; }

private:
    StoreThread *m_store;
    WorkerClient *m_client;
    NodeEvents *m_events;
};

// Aggregates answered replies per backend (the result shape of docs/operations.md#cluster-listing).
QList<ListedBackendSummary> aggregateListing(const QList<NodeListing> &replies);

} // namespace fleetdeck
