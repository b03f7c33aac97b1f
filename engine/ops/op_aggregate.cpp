#include "ops/op_aggregate.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <functional>

namespace fleetdeck {

Reason processingBackendMessage(const QString &backend)
{
    return Reason::make("processing_backend", {{"backend", backend}});
}

Reason runningOnWorkerMessage(const Operation &op, const QStringList &nodeNames)
{
    return Reason::make(op.kind == OpKind::Delete ? "worker_still_deleting" : "worker_still_installing",
                        {{"backend", op.backend}, {"nodes", QJsonArray::fromStringList(nodeNames)}});
}

namespace {

// A row's error, else its message, as a reason (the part of an op's error it contributes).
Reason rowError(const NodeProgress &n)
{
    return n.error ? codedOrPlain(n.errorCode, *n.error) : codedOrPlain(n.messageCode, n.message);
}

} // namespace

Aggregate computeAggregate(const QList<NodeProgress> &nodesIn, int previousProgress)
{
    QList<NodeProgress> nodes = nodesIn;
    std::stable_sort(nodes.begin(), nodes.end(),
                     [](const NodeProgress &a, const NodeProgress &b) { return nameLess(a.nodeName, b.nodeName); });
    Aggregate a;
    if (nodes.isEmpty()) {
        a.progress = previousProgress;
        return a;
    }
    qint64 sum = 0;
    for (const NodeProgress &n : std::as_const(nodes)) {
        if (isTerminal(n.status) || n.phase == QLatin1String("deferred"))
            sum += 100;
        else if (n.status == NodeRowStatus::Queued)
            sum += 0; // before contact, or a delete running
        else
            sum += n.percentage;
        if (n.status == NodeRowStatus::Downloading) {
            a.currentBytes += n.currentBytes;
            a.totalBytes += n.totalBytes;
            if (a.fileName.isEmpty() && !n.fileName.isEmpty())
                a.fileName = n.fileName;
        }
    }
    a.progress = std::max(previousProgress, static_cast<int>(sum / nodes.size()));
    if (!a.fileName.isEmpty()) {
        a.messageCode = Reason::make("processing_file", {{"file", a.fileName},
                                                         {"total_bytes", a.totalBytes},
                                                         {"current_bytes", a.currentBytes}});
        a.message = englishText(a.messageCode);
    }
    return a;
}

Outcome computeOutcome(const Operation &op, const std::function<QString(const NodeProgress &)> &nodeStatusOf)
{
    QList<NodeProgress> nodes = op.nodes;
    std::stable_sort(nodes.begin(), nodes.end(),
                     [](const NodeProgress &a, const NodeProgress &b) { return nameLess(a.nodeName, b.nodeName); });
    QStringList busy;
    QJsonArray errors, notAccepted; // node_errors' and no_node_accepted's args
    auto notAccepting = [&](const NodeProgress &n, const QString &status) {
        notAccepted.append(QJsonObject{{QStringLiteral("node"), n.nodeName}, {QStringLiteral("status"), status}});
    };
    bool anySuccess = false;
    for (const NodeProgress &n : std::as_const(nodes)) {
        switch (n.status) {
        case NodeRowStatus::Error:
            errors.append(QJsonObject{{QStringLiteral("node"), n.nodeName}, {QStringLiteral("error"), reasonToJson(rowError(n))}});
            break;
        case NodeRowStatus::RunningOnWorker:
            busy.append(n.nodeName);
            break;
        case NodeRowStatus::Success:
            anySuccess = true;
            break;
        case NodeRowStatus::Cancelled:
            notAccepting(n, QStringLiteral("cancelled"));
            break;
        default:
            notAccepting(n, nodeStatusOf ? nodeStatusOf(n) : QStringLiteral("queued"));
            break;
        }
    }
    Outcome o;
    auto setMessage = [&o](const Reason &m) {
        o.messageCode = m;
        o.message = englishText(m);
    };
    if (!errors.isEmpty()) {
        o.state = OpState::Failed;
        o.errorCode = Reason::make("node_errors", {{"errors", errors}});
    } else if (!busy.isEmpty()) {
        o.state = OpState::RunningOnWorker;
        setMessage(runningOnWorkerMessage(op, busy));
        return o;
    } else if (!anySuccess) {
        o.state = OpState::Failed;
        o.errorCode = nodes.isEmpty() ? Reason::make("no_eligible_nodes", {{"kind", toString(op.kind)}, {"backend", op.backend}})
                                      : Reason::make("no_node_accepted", {{"nodes", notAccepted}});
    } else {
        o.state = OpState::Success;
        setMessage(Reason::make("completed"));
        return o;
    }
    o.error = englishText(o.errorCode);
    setMessage(failedMessage(o.errorCode));
    return o;
}

} // namespace fleetdeck
