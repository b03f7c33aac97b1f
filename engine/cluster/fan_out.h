#pragma once
// The fan-out of docs/operations.md#fan-out ("enqueue and drain"), the executor's OpRunner:
// computes the target nodes (docs/operations.md#target-nodes), creates their rows up front, writes
// every intent in one transaction (docs/operations.md#fan-out step 1), then contacts the nodes in
// name order with at most ops/fanout_parallel requests in flight, applying the result table of
// docs/operations.md#fan-out and the progress ticks of docs/protocol.md#progress-subscription; ends
// with RunningOp::complete().
#include "cluster/cluster_listing.h"
#include "cluster/op_canceller.h"
#include "cluster/worker_client.h"
#include "config/cluster_settings.h"
#include "ops/op_runner.h"

#include <QHash>
#include <QObject>
#include <memory>

namespace fleetdeck {

class Bus;
class Clock;
class NodeEvents;
class OperationService;
class StoreThread;
struct FanOutRun;

class FanOut final : public QObject, public OpRunner {
    Q_OBJECT
public:
    struct Deps {
        StoreThread *store = nullptr;
        Bus *bus = nullptr;
        Clock *clock = nullptr;
        NodeEvents *events = nullptr; // may be null (then nothing is reported)
    };
    explicit FanOut(Deps deps, QObject *parent = nullptr);
    ~FanOut() override;

    // The service whose settings the fan-out reads and whose superseded ops it re-evaluates
    // (docs/operations.md#fan-out step 1, docs/operations.md#confirmation). Without it the defaults
    // of docs/architecture.md#settings apply.
    void setOperationService(OperationService *service)
    {
        m_service = service;
        m_canceller->setService(service);
    }

    void run(RunningOp *op) override;
    QString nodeStatusName(const QString &nodeId) const override;

    WorkerClient *client() const { return m_client; }
    ClusterListing *listing() const { return m_listing; }
    OpCanceller *canceller() const { return m_canceller; }
    // Requests of this replica's fan-outs in flight right now (all ops).
    int requestsInFlight() const { return m_requestsInFlight; }

    // Internals shared by fan_out_*.cpp.
    ClusterSettings settings() const;
    const Deps &deps() const { return m_deps; }
    OperationService *service() const { return m_service; }
    void noteNodeStatus(const QString &nodeId, NodeStatus status) { m_nodeStatus.insert(nodeId, status); }
    void requestStarted() { ++m_requestsInFlight; }
    void requestEnded() { --m_requestsInFlight; }
    void runEnded(FanOutRun *run);

private:
    Deps m_deps;
    OperationService *m_service = nullptr;
    WorkerClient *m_client;
    ClusterListing *m_listing;
    OpCanceller *m_canceller;
    QHash<QString, NodeStatus> m_nodeStatus;
    int m_requestsInFlight = 0;
    std::vector<std::unique_ptr<FanOutRun>> m_runs;
};

} // namespace fleetdeck
