#pragma once
// The persistent operation store (docs/architecture.md#store). Synchronous API: a Store lives on
// the replica's store thread and is only ever called there (StoreThread wraps it for the engine
// thread). Every time written comes from the injected clock. Every method that can fail returns a
// Result whose error text names the database error.
#include "core/clock.h"
#include "core/history_entry.h"
#include "core/node.h"
#include "core/operation.h"
#include "core/pending_node_op.h"
#include "core/result.h"
#include "store/store_config.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <functional>
#include <memory>

namespace fleetdeck {

class StoreCallGate;

enum class PassLock { Migration = 1, Reconcile = 2, Health = 3, Upgrade = 4 };

struct CreateOpResult {
    bool created = false;
    Operation existing; // when !created: the active op holding the cache key (with its node rows)
    QStringList superseded; // when created: undismissed failed ops of the key, now dismissed (docs/operations.md#receivers)
};

// Op-level non-terminal write (updateProgress in docs/operations.md#store-operations).
struct OpProgressWrite {
    QString opId;
    std::optional<OpState> state; // running <-> running_on_worker transitions; nullopt = unchanged
    bool cancellable = true;
    int progress = 0;
    QString message;
    QString fileName;
    qint64 currentBytes = 0;
    qint64 totalBytes = 0;
    qint64 revision = 0; // the writer's revision of the op; the stored one never goes down
    Reason messageCode;  // message's code and args (docs/reason-codes.md)
};

struct BackoffPolicy {
    qint64 baseMs = 30'000;
    qint64 capMs = 900'000;
    // min(base × 2^(attempt−1), cap) for attempt ≥ 1.
    qint64 delayForAttempt(int attempt) const;
};

// A node row of another op whose pending row a fan-out took over (docs/operations.md#fan-out step
// 1).
struct SupersededRow {
    QString opId;
    QString nodeId;
};

struct EnqueueResult {
    QHash<QString, qint64> rowIds; // node_id → pending row id
    QList<SupersededRow> superseded;
};

// A pending row deleted by the sweep, with the status of the node it was behind and whether the
// sweep settled its op's node row.
struct SweptPending {
    PendingNodeOp row; // id, node_id, backend, op, op_id and in_flight only
    NodeStatus nodeStatus = NodeStatus::Offline;
    bool nodeRowSettled = false;
};

// A node row by (op id, node id).
struct NodeRowKey {
    QString opId;
    QString nodeId;
};
// The new value of a node row, from its current value; nullopt leaves the row as it is.
using NodeRowChange = std::function<std::optional<NodeProgress>(const NodeProgress &current)>;

// An op as the store holds it, for a replica that holds the op in memory
// (docs/operations.md#reconcile-pass, "Refresh"): its op row, only the node rows written at or
// after a given time, and a fingerprint of all of its node rows to check the memory copy against.
struct OpDelta {
    Operation op;                 // the op row; nodes: the rows changed since, in name order
    qint64 rowCount = 0;          // every node row of the op
    qint64 revisionSum = 0;       // Σ revision
    qint64 revisionSquareSum = 0; // Σ revision²
};

// A pending row for a guarded write: its id and the op id it must still carry (nullopt: none).
struct PendingRef {
    qint64 id = 0;
    std::optional<QString> opId;
};

// Pending rows picked by where they are: every row of a listed (node id, backend) pair, and the
// `delete` rows of the nodes of `deleteNodes`.
struct PendingCandidates {
    QList<QPair<QString, QString>> pairs;
    QStringList deleteNodes;
};

// A pending row with what a listing's confirmation decides on (docs/operations.md#confirmation):
// its op's state (nullopt: no op, or the op is gone) and its node row's status (nullopt: none).
struct PendingState {
    PendingNodeOp row; // id, node_id, backend, op, force, op_id and created_at only
    std::optional<OpState> opState;
    std::optional<NodeRowStatus> nodeRowStatus;
};

class Store {
public:
    // Opens a connection (named `connectionName`, on the calling thread) and sets the SQLite pragmas.
    // A gate (the simulator's store-call seam, store_call_gate.h) may fail statements; null in production.
    static Result<std::unique_ptr<Store>> open(const StoreConfig &config, const Clock *clock, const QString &connectionName,
                                               StoreCallGate *gate = nullptr);
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    StoreConfig::Driver driver() const;
    const StoreConfig &config() const;

    // --- connection (docs/architecture.md#outages)
    // ----------------------------------------------------------------- `SELECT 1`; when it fails
    // the connection is closed and opened again once, then re-checked. A reopened PostgreSQL
    // session has lost its advisory locks, so the held pass locks are forgotten (the upgrade leader
    // must take its lock again). Ok when the store answers.
    Status ping();
    int reopenCount() const;

    // --- schema (docs/architecture.md#store)
    // ------------------------------------------------------------------- Applies missing
    // migrations (each in its own transaction, under the migration lock) and returns the schema
    // version. A newer major version fails with "store schema version 2001 is newer than this build
    // supports (1.x)"; a newer minor logs and runs.
    Result<int> migrate();
    Result<int> schemaVersion();
    Result<QString> clusterId();
    static int buildSchemaVersion();

    // --- settings (docs/architecture.md#configuration)
    // ----------------------------------------------------------------
    Result<QHash<QString, QJsonValue>> settings();
    Result<std::optional<QJsonValue>> setting(const QString &key);
    Status setSetting(const QString &key, const QJsonValue &value, const QString &updatedBy);

    // --- operations (docs/operations.md#store-operations)
    // ----------------------------------------------------------------- Inserts `op` (status
    // queued, owner NULL, active_key = cache_key) and, in the same transaction, dismisses the
    // undismissed failed ops of its cache key ("superseded by <id>", docs/operations.md
    // "Supersede"), so that hydration and re-seed show one op per key as every replica's memory
    // does. On a unique violation of active_key: created = false and `existing` is the active op.
    Result<CreateOpResult> createOp(const Operation &op);
    Result<bool> claimOp(const QString &me, const QString &id);
    // Claims the oldest handed-off queued op by (created_at, id); nullopt when none could be claimed.
    Result<std::optional<QString>> claimOldest(const QString &me);
    // The message's English text, code and args are written together (docs/reason-codes.md); a
    // QString is a text without a code.
    Result<bool> startOp(const QString &id, const QString &me, const Reason &message, bool cancellable);
    Result<bool> startOp(const QString &id, const QString &me, const QString &message, bool cancellable)
    {
        return startOp(id, me, Reason::plain(message), cancellable);
    }
    // Immediate guarded write WHERE status IN (running, running_on_worker); bumps updated_at,
    // and progress_at when a progress value changed. Throttled callers use queueProgress().
    Result<bool> updateProgress(const OpProgressWrite &w);
    // The only way into a terminal state (first terminal write wins). requireCancellable adds `AND
    // cancellable = 1` (cancel, docs/operations.md#cancel). Flushes queued progress of the op
    // first.
    Result<bool> finishOp(const QString &id, OpState state, int progress, const Reason &message,
                          const std::optional<Reason> &error, bool requireCancellable = false);
    Result<bool> finishOp(const QString &id, OpState state, int progress, const QString &message,
                          const std::optional<QString> &error, bool requireCancellable = false)
    {
        return finishOp(id, state, progress, Reason::plain(message),
                        error ? std::optional<Reason>(Reason::plain(*error)) : std::nullopt, requireCancellable);
    }
    Result<int> keepalive(const QString &me);
    // Graceful shutdown: claimed but unstarted ops of `me` → owner NULL.
    Result<int> handBack(const QString &me);
    // Sets dismissed_at on a failed op and deletes its pending rows; false when the op is not failed.
    Result<bool> dismissOp(const QString &id);
    Result<std::optional<Operation>> getOp(const QString &id); // with node rows
    // The ops of `ids` that exist, each with its node rows in name order, by (created_at, id): two
    // statements whatever the number of ops.
    Result<QList<Operation>> getOps(const QStringList &ids);
    // The ops of `ids` that exist, each with only the node rows whose updated_at ≥ changedSinceMs
    // and the fingerprint of all its rows (OpDelta): two statements, no unchanged row read out.
    Result<QList<OpDelta>> opDeltas(const QStringList &ids, qint64 changedSinceMs);
    // The ops of `ids` in state running_on_worker that an outcome (docs/operations.md#fan-out-result)
    // may move out of it: with an `error` row, or without a `running_on_worker` row. One statement,
    // no row read out.
    Result<QStringList> resolvableHandedOffOps(const QStringList &ids);
    // Active ops plus failed, undismissed ops finished at or after `failedSinceMs`, with node rows,
    // ordered by (created_at, id).
    Result<QList<Operation>> loadOpsForHydration(qint64 failedSinceMs);
    // The ops the operations list shows for a cache key: the active one and undismissed failures
    // (createOp dismisses the failures it supersedes, so at most one), active first.
    Result<QList<Operation>> listedOpsForKey(const QString &cacheKey);
    // Active ops with updated_at < cutoffMs.
    Result<QList<Operation>> listStaleActive(qint64 cutoffMs);
    // Deletes terminal ops finished before cutoffMs (node rows cascade).
    Result<int> deleteFinishedBefore(qint64 cutoffMs);
    Result<int> countOps();

    // --- operation_nodes -----------------------------------------------------------------
    // Inserts rows that do not exist yet (fan-out creates every target up front).
    Status insertNodeRows(const QList<NodeProgress> &rows);
    // Writes one row, guarded by the row's own state: a terminal row is rewritten only when
    // allowTerminalRewrite (reconciler retry result, listing confirmation). Bumps the op's
    // updated_at (and progress_at on a progress change) only while the op is active.
    Result<bool> updateNodeRow(const NodeProgress &row, bool allowTerminalRewrite = false);
    Result<QList<NodeProgress>> nodeRows(const QString &opId);
    // Set-based updateNodeRow, one transaction: reads the current rows of `keys` (one statement),
    // asks `change` for the new value of each (a terminal row only when allowTerminalRewrite) and
    // writes them (one statement) under updateNodeRow's guard and revision rule; each op of a
    // written row has its clocks (and, handed off, its revision) moved once. A key without a row
    // is skipped (no row is created). Returns the rows written, as written.
    Result<QList<NodeProgress>> updateNodeRows(const QList<NodeRowKey> &keys, const NodeRowChange &change,
                                               bool allowTerminalRewrite = false);
    // Reaper: non-terminal rows → error with `message`.
    Result<int> failOpenNodeRows(const QString &opId, const Reason &message);
    Result<int> failOpenNodeRows(const QString &opId, const QString &message)
    {
        return failOpenNodeRows(opId, Reason::plain(message));
    }
    // Cancel step 3 (docs/operations.md#cancel), one transaction: delete the op's pending rows;
    // node rows queued → cancelled with `message`.
    Status cancelQueuedWork(const QString &opId, const Reason &message);
    Status cancelQueuedWork(const QString &opId, const QString &message)
    {
        return cancelQueuedWork(opId, Reason::plain(message));
    }

    // Throttled non-terminal writes (≤ 1/s per op and per (op, node)): the first write of a window
    // is queued at once, later ones replace it. flushProgress() commits what is queued in one
    // transaction (the store thread calls it every 250 ms); finishOp flushes the op first.
    void queueProgress(const OpProgressWrite &w);
    void queueNodeRow(const NodeProgress &row);
    Status flushProgress();
    Status flushProgress(const QString &opId);

    // --- pending_node_ops (docs/operations.md#store-operations, #reconcile-pass)
    // ---------------------------------------------------
    Result<qint64> upsertPending(const PendingNodeOp &row);
    // docs/operations.md#fan-out step 1 in one transaction: upserts every row (returning node_id →
    // row id); a conflicting row that carried another op id whose node row is not terminal makes
    // that node row `cancelled` "superseded by op <the row's op id>" (returned, for re-evaluation).
    Result<EnqueueResult> enqueueIntents(const QList<PendingNodeOp> &rows);
    // next_retry_at ≤ now, node healthy, op (if any) not running; by (next_retry_at, id). The rows
    // come without galleries, entry and last_error (20,000 due rows with their JSON took a fifth of
    // a pass, bench_reconcile): leaseDue returns the whole row of the few that are sent.
    Result<QList<PendingNodeOp>> listDue();
    // The guarded pending writes below compare op_id null-safely with `opId`.
    Result<bool> recordFailure(qint64 rowId, const std::optional<QString> &opId, const QString &error,
                               const BackoffPolicy &backoff);
    Result<bool> recordInFlight(qint64 rowId, const std::optional<QString> &opId, qint64 delayMs);
    Result<bool> leasePending(qint64 rowId, const std::optional<QString> &opId, qint64 untilMs);
    // leasePending that returns the leased row, whole and as it is now; nullopt when not leased.
    Result<std::optional<PendingNodeOp>> leaseDue(qint64 rowId, const std::optional<QString> &opId, qint64 untilMs);
    Result<bool> deletePending(qint64 rowId, const std::optional<QString> &opId);
    // Set-based deletePending and recordInFlight: one statement each; the ids written.
    Result<QSet<qint64>> deletePendingRows(const QList<PendingRef> &rows);
    Result<QSet<qint64>> recordInFlightRows(const QList<PendingRef> &rows, qint64 delayMs);
    Result<int> deletePendingForOp(const QString &opId);
    // Sweep (docs/operations.md#reconcile-pass step 1), one transaction: deletes the rows behind
    // admin-drained nodes at once and behind offline, unhealthy and "worker shutting down" nodes
    // whose last_heartbeat ≤ now − grace (one statement), then settles the node rows of the
    // deleted rows (updateNodeRows): `queued` → `cancelled` "pending op dropped: node <status>";
    // `running_on_worker`, or any non-terminal row whose pending row was leased when deleted →
    // `error` "node went offline before confirming". Returns the deleted rows by id.
    Result<QList<SweptPending>> deleteStalePending(qint64 graceMs);
    Result<QList<PendingNodeOp>> listPending();
    // The pending rows of `c` with their op's state and node row's status, by id (one statement;
    // the candidates of a cluster listing, listing_effects.cpp listingCandidates: at 100,000 pending
    // rows, reading all of them took most of a reconcile pass, bench_reconcile).
    Result<QList<PendingState>> listPendingStates(const PendingCandidates &c);
    // The nodes of leased rows and of rows due (next_retry_at ≤ now) whose op, if any, is not
    // `running`: the nodes a pass lists (docs/operations.md#reconcile-pass step 3).
    Result<QSet<QString>> nodesWithDueOrLeasedRows();

    // --- nodes -----------------------------------------------------------------------------
    Status insertNode(const Node &node);
    Status updateNode(const Node &node);
    // By id, or by name case-insensitively.
    Result<std::optional<Node>> findNode(const QString &idOrName);
    Result<QList<Node>> listNodes(); // in name order (C++ byte order)
    // D10: one transaction: non-terminal node rows → cancelled "node deleted by admin", delete the
    // node (its pending rows cascade). Returns the ids of the ops whose rows changed.
    Result<QStringList> deleteNode(const QString &id);

    // --- history (docs/operations.md#history)
    // ------------------------------------------------------------------- Insert and prune to the
    // newest `size` entries in the same transaction; returns the new id.
    Result<qint64> appendHistory(const HistoryEntry &entry, int size);
    // appendHistory for many entries: one transaction, one prune; their ids in order.
    Result<QList<qint64>> appendHistoryEntries(const QList<HistoryEntry> &entries, int size);
    Result<QList<HistoryEntry>> listHistory(int limit); // newest first
    Result<std::optional<HistoryEntry>> historyEntry(qint64 id);

    // --- pass locks (docs/architecture.md#pass-locks)
    // -----------------------------------------------------------------
    Result<bool> tryPassLock(PassLock lock);
    Status releasePassLock(PassLock lock);

private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace fleetdeck
