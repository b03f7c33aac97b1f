#pragma once
// One op's fan-out state (private to fan_out*.cpp).
#include "cluster/fan_out.h"
#include "core/node.h"
#include "core/operation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>

namespace fleetdeck {

struct FanOutTarget {
    Node node;
    QJsonObject entry;    // the node's entry ({} for delete)
    qint64 pendingId = 0; // its pending row, once enqueued
    NodeProgress row;     // the latest value of its node row
    bool handled = false;
    bool contacted = false; // its request is in flight
};

struct FanOutRun {
    FanOut *owner = nullptr;
    RunningOp *op = nullptr;
    QPointer<QObject> alive; // the RunningOp's QObject, when it is one
    Operation snapshot;      // the op as started
    QJsonArray galleries;
    QList<FanOutTarget> targets; // in name order
    int next = 0;
    int inFlight = 0;
    bool cancelled = false;  // the cancel token of docs/operations.md#cancel step 6, or the op found terminal in the store
    bool completed = false;

    bool opAlive() const { return op && (alive || !aliveTracked); }
    bool aliveTracked = false;

    // fan_out_targets.cpp: docs/operations.md#target-nodes and the per-node entry of
    // docs/operations.md#fan-out step 1.
    void start();
    void chooseTargets(const QList<Node> &nodes);
    void chooseListedTargets(const QList<Node> &nodes, const ClusterListingResult &listing);
    void createRows(const QList<FanOutTarget> &targets);
    void fail(const Reason &error);

    // fan_out_node.cpp: docs/operations.md#fan-out steps 1–5.
    void enqueue();
    void drain();
    void startNode(int index);
    void contact(int index);
    void onReply(int index, const CommandOutcome &o);
    void onTimeout(int index, NodeProgress row);
    void onTick(int index, const wire::ProgressEvent &ev);
    void setRow(int index, const NodeProgress &row);
    void nodeDone(int index);
    void finishIfDone();
    // Graceful replica shutdown (docs/operations.md#executor): pending rows of in-flight requests
    // recordInFlight, of nodes not yet contacted due at once.
    void abandon();
};

} // namespace fleetdeck
