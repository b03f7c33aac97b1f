#pragma once
// The operation lifecycle of one replica (docs/operations.md#lifecycle): admission with dedup, the
// status map and OpCache, cancel, dismiss, retry, History, hydration at start, the broadcast
// receivers of docs/operations.md#receivers, the executor (long-lived replicas only) and the
// stale-op reaper. Lives on the engine thread; every store call goes through the StoreThread and
// returns through a continuation.
#include "bus/bus.h"
#include "config/cluster_settings.h"
#include "core/node.h"
#include "core/result.h"
#include "ops/history_builder.h"
#include "ops/op_cache.h"
#include "ops/op_list.h"
#include "ops/replica_identity.h"
#include "ops/status_map.h"
#include "store/store.h"

#include <QFuture>
#include <QJsonArray>
#include <QObject>
#include <QSet>
#include <atomic>
#include <functional>
#include <memory>

namespace fleetdeck {

class Bus;
class Clock;
class Executor;
class GalleryCatalog;
class OpPublisher;
class OpRunner;
class StoreThread;
struct HistoryEntry;

struct AdmitRequest {
    OpKind kind = OpKind::Install;
    QString backend;
    bool force = false;
    QString targetNode;          // id or name (case-insensitive); empty = cluster-wide
    QJsonArray galleries;        // empty = this process's galleries
    std::optional<QString> retryOf;
    QString requestedBy;         // empty = the replica's
};

struct AdmitResult {
    QString opId;
    bool deduplicated = false;
    OpState state = OpState::Queued;
};

class OperationService final : public QObject {
    Q_OBJECT
public:
    struct Deps {
        StoreThread *store = nullptr;
        Bus *bus = nullptr;
        Clock *clock = nullptr;
        GalleryCatalog *catalog = nullptr;
        OpRunner *runner = nullptr; // null: this replica executes nothing (ctl)
        // Cancel step 4 (docs/operations.md#cancel): tells the workers of the op's busy node rows;
        // set by the engine to OpCanceller::cancelWorkers. Called after a won cancel; may be empty.
        std::function<void(const QString &opId)> cancelWorkers;
        ReplicaIdentity identity;
    };
    explicit OperationService(Deps deps, QObject *parent = nullptr);
    ~OperationService() override;

    // Start-up order of docs/architecture.md#start-up-and-hydration: startup reap → subscribe
    // (buffering) → hydrate → apply buffered → executor and timers (long-lived replicas).
    QFuture<Status> start();
    // Graceful shutdown of docs/operations.md#executor (hand back claimed ops, stop timers,
    // unsubscribe).
    QFuture<void> stop();

    QFuture<Result<AdmitResult>> admit(const AdmitRequest &request);
    QFuture<Result<QString>> cancel(const QString &opId);
    QFuture<Result<QString>> dismiss(const QString &opId);
    QFuture<Result<AdmitResult>> retry(const QString &opId);
    QFuture<Result<AdmitResult>> retryHistory(qint64 historyId);
    // docs/operations.md#reaper: returns the number of ops this replica reaped.
    QFuture<int> reapStaleOperations(qint64 ageMs);
    QFuture<int> reapStaleOperations();

    // The operations list of docs/operations.md#operations-list (list read + status map), ordered
    // by (created_at, id). Safe from any thread.
    QList<Operation> listOps();
    // The same read as changes since `cursor`'s last read (engine/ops/op_list.h). Safe from any
    // thread; one cursor per reader.
    OpsListDelta listOpsDelta(OpsListCursor &cursor);
    // Loads active and failed-undismissed ops from the store (ctl `ops list`, re-seed).
    QFuture<Status> hydrate();
    // Re-seed (docs/gui.md#connection-indicator-and-re-seed): reloads active and failed-undismissed
    // ops with their node rows and replaces memory with them; ops that ended meanwhile are dropped
    // (they are in History). Ops this replica is running keep their own, newer memory.
    QFuture<Status> reseed();

    // Outages (docs/architecture.md#outages). A non-empty storeError refuses admissions ("store
    // unreachable: <error>") and, like a NATS connection that is down, stops the executor from
    // claiming.
    void setConnectivity(const QString &storeError, bool natsConnected);
    QString storeUnreachableError() const { return m_storeError; }
    bool canClaim() const { return m_storeError.isEmpty() && m_natsConnected; }
    static constexpr qint64 kTerminalRetryMs = 5'000;

    void setSettings(const ClusterSettings &settings);
    const ClusterSettings &settings() const { return m_settings; }
    const ReplicaIdentity &identity() const { return m_deps.identity; }
    const StatusMap &statusMap() const { return m_statusMap; }
    OpCache &opCache() { return *m_opCache; }
    Executor *executor() const { return m_executor.get(); }
    int runningCount() const;
    // Status broadcasts (gallery.<id>.progress) received so far, this replica's own included
    // (fleetdeck_progress_events_received_total{source="broadcast"}). Safe from any thread.
    quint64 progressBroadcastsReceived() const { return m_progressBroadcasts.load(std::memory_order_relaxed); }

    // Used by the executor and the reaper: the terminal write and what follows a won write.
    // Runs finishOp; when won appends History and publishes; when lost adopts the stored row.
    QFuture<bool> finishOp(const QString &opId, OpState state, const Reason &message,
                           const std::optional<Reason> &error);
    // finishOp for many ops at once, in one store call (the reconcile pass's re-evaluation).
    void finishOps(const QList<FinishRequest> &requests);
    // A request for finishOp(s): a failure keeps the progress this replica shows, a success is 100.
    FinishRequest finishRequest(const QString &opId, OpState state, const Reason &message, const std::optional<Reason> &error) const;
    void adoptTerminal(const Operation &op);
    // The refusal of a call on opId whose store read failed ("store unreachable: …") or found no
    // op ("operation <id> not found"); empty when the op was read.
    static std::optional<Reason> lookupRefusal(const Result<std::optional<Operation>> &read, const QString &opId);
    // A newer op took over opId's cache key (docs/operations.md#receivers): opId leaves the OpCache
    // and, if it is an undismissed failure, is marked dismissed in memory as the admission marked
    // it in the store.
    void markSuperseded(const QString &opId, const QString &by);
    // Maps key → opId in the OpCache (docs/operations.md#supersede): `supersedes` are the failures
    // the op's admission dismissed (its opcache.start says so); a key another op holds, or the late
    // start of an op that ended here, is settled by the store (settleKey).
    void holdKey(const QString &key, const QString &opId, const QStringList &supersedes = {});
    // Reads the op from the store and adopts its terminal state, if it has one; an op the store
    // no longer has is forgotten.
    void verifyWithStore(const QString &opId);
    // Every reaper tick: verifyWithStore for each listed active op this replica does not run.
    void auditListed();
    // A terminal node row write (docs/operations.md#terminal-outcomes); while the store is
    // unreachable it is retried every 5 s (docs/architecture.md#outages), like the terminal op
    // write.
    void writeTerminalNodeRow(const NodeProgress &row);
    // The owner hands an op over to the reconciler (state running_on_worker): retried every 5 s
    // like a terminal write; finishes the op if no row is left to confirm (op_handoff.cpp).
    void handOff(const OpProgressWrite &write);
    void publishTerminal(const Operation &op, std::optional<qint64> historyId);

    // The only writers of op state in memory besides the receivers, admission, control and
    // reaper paths of this class (op_memory.cpp; docs/operations.md#one-writer).
    // The owner's new state of an op it runs, shown as a new revision; when memory already holds
    // a terminal state (a peer's cancel, the reaper), only the node rows merge into it.
    void showOwnerState(Operation &op);
    // A store snapshot of an active op that is not `running` (its owner's memory leads then)
    // replaces memory and is broadcast (the reconcile pass refreshes the ops whose rows it
    // changed); of an op terminal here and in the store, only its rows merge (mergeNodeRows,
    // MirrorProgress): a retry or listing settled a row after the op ended.
    void adoptStoreState(Operation op);
    // Node rows changed elsewhere merge into memory. MirrorProgress: a worker job's phase and
    // percentage from a listing, into an active op only, broadcast; SettleRow: a row settled in
    // the store (a cancel's outcome), into the op whatever its state.
    enum class RowMerge { MirrorProgress, SettleRow };
    void mergeNodeRows(const QString &opId, const QList<NodeProgress> &rows, RowMerge how);
    OpPublisher *publisher() const { return m_publisher; }
    Bus *bus() const { return m_deps.bus; }
    Clock *clock() const { return m_deps.clock; }
    StoreThread *store() const { return m_deps.store; }

Q_SIGNALS:
    // Emitted on the engine thread whenever the status map entry of an op changed.
    void opChanged(const fleetdeck::Operation &op);
    void opRemoved(const QString &opId);
    void historyAppended(qint64 id);
    // Store writes failed in a way the admin should see (code store_unreachable, docs/reason-codes.md).
    void storeError(const fleetdeck::Reason &reason);

private:
    void subscribe();
    void onProgressMessage(const BusMessage &m);
    void onCancelMessage(const BusMessage &m);
    void onOpcacheStart(const BusMessage &m);
    void onOpcacheEnd(const BusMessage &m);
    void dispatch(const BusMessage &m, void (OperationService::*handler)(const BusMessage &));
    void applyHydration(const QList<Operation> &ops);
    void scheduleReaper();
    void scheduleKeepalive();
    // Runs fn after kTerminalRetryMs (a store write the store refused); cancelled with this object.
    void retryLater(std::function<void()> fn);
    // Lists for the key the op the store lists for it (Store::listedOpsForKey), if this replica
    // has not seen it end; what was listed here and the store no longer lists is forgotten.
    void settleKey(const QString &key);
    // opId leaves the OpCache (superseded by `by`, if given) and shows the store's row for it.
    void forgetListed(const QString &opId, const std::optional<Operation> &stored, const QString &by);
    QFuture<Result<AdmitResult>> admitPrepared(Operation op, bool reapedOnce);
    Result<Operation> prepareOp(const AdmitRequest &request, const std::optional<Node> &target) const;
    QFuture<Result<AdmitResult>> admitThenDismiss(const AdmitRequest &request, const QString &original);
    QFuture<Result<QString>> cancelResolved(const Operation &op);
    void finishAttempt(const QString &opId, OpState state, const Reason &message, const std::optional<Reason> &error,
                       const std::function<void(bool)> &done);
    void settleFinish(const FinishRequest &request, const FinishResult &result, const std::function<void(bool)> &done);

    Deps m_deps;
    ClusterSettings m_settings;
    StatusMap m_statusMap;
    std::unique_ptr<OpCache> m_opCache;
    OpPublisher *m_publisher = nullptr;
    std::unique_ptr<Executor> m_executor;
    QList<quint64> m_subscriptions;
    bool m_buffering = false;
    QList<QPair<BusMessage, void (OperationService::*)(const BusMessage &)>> m_buffered;
    quint64 m_reaperTimer = 0;
    quint64 m_keepaliveTimer = 0;
    QSet<quint64> m_retryTimers;
    qint64 m_lastReapMs = 0;
    bool m_stopped = false;
    QString m_storeError;
    bool m_natsConnected = true;
    std::atomic<quint64> m_progressBroadcasts{0};
};

} // namespace fleetdeck
