#pragma once
// The facade every binary uses (ARCHITECTURE "engine.h/.cpp"): one configuration in, every part
// wired, signals out. Start-up follows docs/architecture.md#start-up-and-hydration: store and
// migrations → cluster check → startup reap → subscribe (buffered) → hydrate → apply buffered →
// queue group, executor, passes. An Engine lives on one thread (the engine thread); other threads
// talk to it with queued calls.
#include "cluster/reconcile_report.h"
#include "core/connection_status.h"
#include "core/deferred.h"
#include "core/result.h"
#include "engine_config.h"
#include "ops/operation_service.h"

#include <QFuture>
#include <QObject>
#include <memory>

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

Q_SIGNALS:
    void reconcileReport(const fleetdeck::ReconcileReport &report);
    void settingsChanged(const fleetdeck::ClusterSettings &settings);
    void nodesChanged();
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

private:
    void openStore(fleetdeck::Deferred<StartError> done);
    void storeUnreachable(fleetdeck::Deferred<StartError> done, const QString &failure);
    void afterStore(fleetdeck::Deferred<StartError> done);
    void checkCluster(fleetdeck::Deferred<StartError> done);
    void setStartup(fleetdeck::ConnectionStatus::Startup phase, const QString &reason);
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
