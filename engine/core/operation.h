#pragma once
// One operation: the `operations` row plus its `operation_nodes` rows (docs/architecture.md#store,
// docs/protocol.md#replica-broadcasts). The same value is the store row, the status-map entry
// (OpStatus) and the op record.
#include "core/op_types.h"
#include "core/reason.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace fleetdeck {

struct NodeProgress {
    QString opId;
    QString nodeId;
    QString nodeName;
    NodeRowStatus status = NodeRowStatus::Queued;
    int percentage = 0;
    qint64 currentBytes = 0;
    qint64 totalBytes = 0;
    QString fileName;
    QString phase; // waiting|deferred|resolving|downloading|verifying|extracting|deleting
    QString message;
    std::optional<QString> error;
    // The codes and args of `message` and `error` (docs/reason-codes.md); no code for a row written
    // before codes or from a worker without them. Set with setMessage/setError, which keep the
    // English text and the code together.
    Reason messageCode;
    Reason errorCode;
    qint64 updatedAt = 0;
    // The row's own revision (docs/operations.md "Revisions"): rows are written and throttled
    // apart from their op, so a merge keeps the newer of two rows, not the newer op.
    qint64 revision = 0;

    void setMessage(const Reason &r);
    void setError(const Reason &r); // error and message both
    void clearError();
    // Whether a writer may replace this stored row (docs/operations.md#store-operations): a row
    // that is not terminal, always; a terminal one only by a reconciler result or a listing
    // confirmation (`allowTerminalRewrite`), and never one cancelled because another op took over
    // its node's intent (`node_superseded`): what that node holds is the other op's to report
    // (sim seed 58: a reconcile retry's late success claimed a backend the superseding delete removed).
    bool rewritable(bool allowTerminalRewrite) const
    {
        if (!isTerminal(status))
            return true;
        return allowTerminalRewrite && !(status == NodeRowStatus::Cancelled && messageCode.code == QLatin1String("node_superseded"));
    }

    bool operator==(const NodeProgress &) const = default;
};

struct Operation {
    QString id;
    OpKind kind = OpKind::Install;
    QString backend;
    bool force = false;
    QString cacheKey;
    std::optional<QString> targetNodeId;
    QJsonObject params;
    OpState state = OpState::Queued;
    bool cancellable = true;
    int progress = 0;
    QString message;
    std::optional<QString> error;
    Reason messageCode; // the codes of `message` and `error`, as on NodeProgress
    Reason errorCode;
    QString fileName;
    qint64 currentBytes = 0;
    qint64 totalBytes = 0;
    std::optional<QString> ownerReplicaId;
    QString requestedBy;
    std::optional<QString> retryOf;
    std::optional<qint64> dismissedAt;
    qint64 progressAt = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    std::optional<qint64> finishedAt;
    // Newer state wins (docs/operations.md "Revisions"): bumped by every writer of the op's state;
    // a replica never applies a non-terminal snapshot of a lower revision over the one it holds.
    qint64 revision = 0;
    QList<NodeProgress> nodes; // sorted by node name (byte order) where it matters

    bool processed() const { return isTerminal(state); }
    bool cancelled() const { return state == OpState::Cancelled; }
    bool isStalled(qint64 nowMs, qint64 stalledMs) const
    {
        return state == OpState::Running && kind != OpKind::Delete && nowMs - progressAt >= stalledMs;
    }
    void setMessage(const Reason &r);
    // A failure: `error` and its code, message "error: <error>" (op_error).
    void setFailed(const Reason &error);
    void setError(const std::optional<Reason> &error); // the error alone; nullopt clears it
    // Merge node entries by node id (docs/operations.md#receivers).
    void mergeNodes(const QList<NodeProgress> &incoming);
    void sortNodesByName();
};

// The message of a failed op: "error: <error>" (op_error, docs/operations.md#states).
Reason failedMessage(const Reason &error);

// Cache key of an op (docs/operations.md#admission step 2).
QString makeCacheKey(const QString &backend, const std::optional<QString> &targetNodeId);
struct ScopedKey {
    QString nodeId;
    QString backend;
};
// "node:<id>:<backend>" → {id, backend}; std::nullopt when not a scoped key.
std::optional<ScopedKey> parseScopedCacheKey(const QString &key);

// Name order: byte order of the UTF-8 name (docs/architecture.md#store).
bool nameLess(const QString &a, const QString &b);

} // namespace fleetdeck
