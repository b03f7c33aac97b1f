#include "ops/op_aggregate.h"

#include <algorithm>
#include <functional>

namespace fleetdeck {

QString humanSize(qint64 bytes)
{
    static const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = static_cast<double>(bytes);
    int u = 0;
    while (v >= 1024.0 && u < 5) {
        v /= 1024.0;
        ++u;
    }
    if (u == 0)
        return QStringLiteral("%1 B").arg(bytes);
    return QStringLiteral("%1 %2").arg(v, 0, 'f', 1).arg(QLatin1String(units[u]));
}

QString processingBackendMessage(const QString &backend)
{
    return QStringLiteral("processing backend: ") + backend;
}

QString runningOnWorkerMessage(const Operation &op, const QStringList &nodeNames)
{
    const QString verb = op.kind == OpKind::Delete ? QStringLiteral("deleting") : QStringLiteral("installing");
    return QStringLiteral("backend %1: worker still %2 in background; reconciler will confirm completion (%3)")
        .arg(op.backend, verb, nodeNames.join(QStringLiteral(", ")));
}

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
    if (!a.fileName.isEmpty())
        a.message = QStringLiteral("processing file: %1. Total: %2. Current: %3")
                        .arg(a.fileName, humanSize(a.totalBytes), humanSize(a.currentBytes));
    return a;
}

Outcome computeOutcome(const Operation &op, const std::function<QString(const NodeProgress &)> &nodeStatusOf)
{
    QList<NodeProgress> nodes = op.nodes;
    std::stable_sort(nodes.begin(), nodes.end(),
                     [](const NodeProgress &a, const NodeProgress &b) { return nameLess(a.nodeName, b.nodeName); });
    QStringList errors, busy, notAccepted;
    bool anySuccess = false;
    for (const NodeProgress &n : std::as_const(nodes)) {
        switch (n.status) {
        case NodeRowStatus::Error:
            errors.append(n.nodeName + QStringLiteral(": ") + n.error.value_or(n.message));
            break;
        case NodeRowStatus::RunningOnWorker:
            busy.append(n.nodeName);
            break;
        case NodeRowStatus::Success:
            anySuccess = true;
            break;
        case NodeRowStatus::Cancelled:
            notAccepted.append(QStringLiteral("%1 (cancelled)").arg(n.nodeName));
            break;
        default:
            notAccepted.append(QStringLiteral("%1 (%2)").arg(n.nodeName, nodeStatusOf ? nodeStatusOf(n) : QStringLiteral("queued")));
            break;
        }
    }
    Outcome o;
    if (!errors.isEmpty()) {
        o.state = OpState::Failed;
        o.error = errors.join(QStringLiteral("; "));
    } else if (!busy.isEmpty()) {
        o.state = OpState::RunningOnWorker;
        o.message = runningOnWorkerMessage(op, busy);
        return o;
    } else if (!anySuccess) {
        o.state = OpState::Failed;
        o.error = nodes.isEmpty() ? QStringLiteral("no eligible nodes for %1 of %2").arg(toString(op.kind), op.backend)
                                  : QStringLiteral("no target node accepted the operation: ") + notAccepted.join(QStringLiteral(", "));
    } else {
        o.state = OpState::Success;
        o.message = QStringLiteral("completed");
        return o;
    }
    o.message = QStringLiteral("error: ") + o.error;
    return o;
}

} // namespace fleetdeck
