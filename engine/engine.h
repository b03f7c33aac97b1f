#pragma once
// The facade every binary uses (ARCHITECTURE "engine.h/.cpp"): one configuration in, every part
// wired, signals out. Start-up follows docs/architecture.md#start-up-and-hydration: store and
// migrations → cluster check → startup reap → subscribe (buffered) → hydrate → apply buffered →
// queue group, executor, passes. An Engine lives on one thread (the engine thread); other threads
// talk to it with queued calls.
#include "cluster/reconcile_report.h"
#include "cluster/upgrade_detection.h"
#include "core/connection_status.h"
#include "core/deferred.h"
#include "core/history_entry.h"
#include "core/node.h"
#include "core/operation.h"
#include "core/result.h"
#include "engine_config.h"
#include "gallery/gallery_index.h"
#include "ops/operation_service.h"

#include <QFuture>
#include <QObject>
#include <atomic>
#include <memory>
#include <optional>

namespace fleetdeck {

class Bus;
class ClusterHello;
class ClusterListing;
class ConnectionMonitor;
class FanOut;
class GalleryCatalog;
class GalleryLoader;
class HealthMonitor;
class NodeRegistry;
class Reconciler;
class ReplicaLock;
class StoreThread;
class UpgradeChecker;
class WorkerClient;

class Engine final : public QObject {
    Q_OBJECT
public:
    explicit Engine(EngineConfig config, QObject *parent = nullptr);
    ~Engine() override;

    // Resolves with an error and an exit code: 3 for an unreachable store or NATS (unless
    // config().waitForServers: then retried), bad credentials, a newer major schema, a foreign
    // cluster or a held SQLite file; 2 for configuration errors.
    struct StartError {
        int exitCode = 0;
        QString message;
        Reason reason; // message's code and args (store_open_failed, foreign_cluster); none for a text alone
    };
    QFuture<StartError> start();
    QFuture<void> stop();

    OperationService *ops() const { return m_ops.get(); }
    NodeRegistry *registry() const { return m_registry.get(); }
    Reconciler *reconciler() const { return m_reconciler.get(); }
    UpgradeChecker *upgrades() const { return m_upgrades.get(); }
    ClusterListing *listing() const;
    StoreThread *store() const { return m_store.get(); }
    Bus *bus() const { return m_bus; }
    GalleryCatalog *catalog() const { return m_catalog.get(); }
    const ReplicaIdentity &identity() const { return m_identity; }
    QString clusterId() const { return m_clusterId; }
    bool anyLongLivedPeer() const { return m_anyLongLivedPeer; }
    const EngineConfig &config() const { return m_config; }
    // True once start() succeeded (started() was emitted).
    bool isStarted() const { return m_started; }
    // Progress events from workers for the requests of this replica (its executor's installs and
    // upgrades), counted by the WorkerClient that subscribed to them; 0 before the parts exist.
    quint64 workerProgressReceived() const;

    // The connection indicator (docs/gui.md#connection-indicator-and-re-seed): Live, Stale (a flush
    // or store query older than gui/stale_s) or Disconnected (NATS not connected); storeReachable
    // false while store queries fail. Until started, the start-up phase (never Live). ctl replicas
    // and the demo are always Live once started.
    ConnectionStatus connectionStatus() const;
    ConnectionMonitor *connectionMonitor() const { return m_monitor.get(); }

    // Manual actions (docs/gui.md#reconcile-actions).
    QFuture<ReconcileReport> reconcileNow();
    QFuture<int> reapStaleOperations();
    QFuture<int> cleanStalePendingOps();

    // What views show (docs/gui.md#data-flow), asked on the engine thread once the store is open.
    // The engine's clock.
    qint64 nowMs() const;
    // The cluster settings in force (defaults before the store was read).
    ClusterSettings settings() const;
    // The list read (OperationService::listOps): the OpCache's only eviction point
    // (docs/operations.md#opcache-and-eviction). Once started.
    QList<Operation> listOps();
    // The same read as changes since the reader's cursor (engine/ops/op_list.h): the GUI feed's.
    OpsListDelta listOpsDelta(OpsListCursor &cursor);
    // Before start there is no status map: the ops hydration would load at atMs
    // (docs/architecture.md#start-up-and-hydration), as the store has them.
    QFuture<Result<QList<Operation>>> previewOps(qint64 atMs);
    QFuture<Result<QList<Node>>> listNodes();                     // name order
    QFuture<Result<QList<HistoryEntry>>> listHistory(int limit);  // newest first
    // The loaded galleries' entries, the first gallery listing a name winning
    // (docs/architecture.md#terms).
    QList<GalleryEntry> gallery() const;
    std::optional<UpgradesResult> latestUpgrades() const;

Q_SIGNALS:
    // A reconcile pass of this replica reported (the /metrics counters follow only these).
    void reconcileReport(const fleetdeck::ReconcileReport &report);
    // Another replica's pass reported (its fleetdeck.reconcile.report broadcast; this replica's own
    // echo is dropped, it was reconcileReport).
    void peerReconcileReport(const fleetdeck::ReconcileReport &report);
    void settingsChanged(const fleetdeck::ClusterSettings &settings);
    // The nodes may have changed: this replica's registry changed or removed one, a peer announced
    // a change (fleetdeck.nodes.changed), or a re-seed. The broadcast names no replica, so this
    // replica's own change is announced twice (its registry, then its echo).
    void nodesChanged();
    // An op's entry in the status map changed or an op left it, the owner's and peers' alike.
    void opsChanged();
    // A History entry was appended, here or by a peer (fleetdeck.history.appended, dead letters
    // included); once per entry.
    void historyAppended();
    // The galleries were (re)loaded.
    void galleryLoaded();
    // The latest upgrade check, this replica's or the leader's broadcast.
    void upgradesChanged(const fleetdeck::UpgradesResult &result);
    // A store write failed in a way the admin should see (code store_unreachable, docs/reason-codes.md).
    void storeError(const fleetdeck::Reason &reason);
    // The connection indicator changed (docs/gui.md#connection-indicator-and-re-seed), start-up
    // phases included.
    void connectionChanged(const fleetdeck::ConnectionStatus &status);
    // Start-up reached the store: parts exist and the store's data can be read (the GUI shows it
    // while start-up waits for NATS, docs/gui.md#connection-indicator-and-re-seed), nothing is
    // started yet.
    void storeOpened();
    // start() succeeded: every part exists and runs (emitted once, just before its future resolves).
    void started();
    // A re-seed finished (docs/gui.md#connection-indicator-and-re-seed: after a NATS reconnect, or
    // the first good store query after failures): ops, settings were reloaded from the store; views
    // reload nodes and History.
    void reseeded();

protected:
    // Peers' broadcasts behind nodesChanged, historyAppended and peerReconcileReport are
    // subscribed to once something listens to that signal (the GUI's feed): --headless and
    // fleetdeckctl receive nothing they do not use, and tests/sim's runs (each delivery draws from
    // the seeded source) stay as they were.
    void connectNotify(const QMetaMethod &signal) override;

private:
    enum Watch : unsigned { WatchNodes = 1, WatchHistory = 2, WatchReports = 4 };
    void watchBroadcasts();
    void openStore(fleetdeck::Deferred<StartError> done);
    void storeUnreachable(fleetdeck::Deferred<StartError> done, const QString &failure);
    void afterStore(fleetdeck::Deferred<StartError> done);
    void checkCluster(fleetdeck::Deferred<StartError> done);
    void setStartup(fleetdeck::ConnectionStatus::Startup phase, const fleetdeck::Reason &reason);
    void afterHello(fleetdeck::Deferred<StartError> done);
    void wireParts();
    void subscribeBroadcasts();
    void reloadSettings();
    void applySettings(const ClusterSettings &settings);
    QStringList galleryUrls() const;
    void startMonitor();
    void applyConnectivity();
    void reseed();

    EngineConfig m_config;
    Clock *m_clock;
    ReplicaIdentity m_identity;
    QString m_clusterId;
    bool m_anyLongLivedPeer = false;
    std::shared_ptr<ReplicaLock> m_replicaLock;
    std::unique_ptr<StoreThread> m_store;
    std::unique_ptr<Bus> m_ownedBus;
    Bus *m_bus = nullptr;
    std::unique_ptr<GalleryCatalog> m_catalog;
    GalleryLoader *m_galleryLoader = nullptr;
    std::unique_ptr<ClusterHello> m_hello;
    std::unique_ptr<NodeRegistry> m_registry;
    std::unique_ptr<HealthMonitor> m_health;
    std::unique_ptr<FanOut> m_fanOut;
    std::unique_ptr<OperationService> m_ops;
    std::unique_ptr<Reconciler> m_reconciler;
    std::unique_ptr<UpgradeChecker> m_upgrades;
    std::unique_ptr<ConnectionMonitor> m_monitor;
    QList<quint64> m_subscriptions;
    bool m_broadcasting = false;            // subscribeBroadcasts ran
    std::atomic<unsigned> m_watchWanted{0}; // Watch bits: connectNotify may run on any thread
    unsigned m_watching = 0;                // Watch bits subscribed
    QList<qint64> m_ownHistoryIds;          // announced here, their echo is not announced again
    QStringList m_loadedGalleryUrls; // the cluster's list last loaded (no --gallery override)
    bool m_started = false;
    bool m_stopping = false;
    Deferred<StartError> m_startDone; // start()'s result; dies with the engine if never resolved
    ConnectionStatus m_startStatus = ConnectionStatus::beforeStart(); // until m_monitor exists
    int m_storeAttempts = 0;
    quint64 m_startRetry = 0;       // clock handle of the next store attempt
    QMetaObject::Connection m_natsWait;
    bool m_reseeding = false;
    bool m_reseedAgain = false;
    bool m_lossReseedArmed = false; // a re-seed after lost messages is due within a second
};

} // namespace fleetdeck
