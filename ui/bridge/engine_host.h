#pragma once
// The GUI's one door to the engine (ARCHITECTURE rule 3). The Engine lives on its own thread;
// EngineHost lives on the GUI thread and holds the latest immutable snapshot of everything the
// views show (ops list read, nodes, History, upgrades result, gallery, settings, last reconcile
// report, connection status). An EngineFeed on the engine thread coalesces engine signals into at
// most one snapshot per frame. Actions hop to the engine thread and return their result through a
// callback on the GUI thread; nothing here ever waits on NATS or SQL.
#include "bridge/snapshot.h"
#include "engine.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <functional>
#include <memory>

namespace fleetdeck {

class EngineFeed;
class EngineHost;

// How the host creates, starts and stops what it runs (a plain Engine, or the demo cluster that
// owns one). Every function runs on the engine thread.
struct EngineStarter {
    std::function<QObject *()> create;                       // the owner (Engine or DemoCluster)
    std::function<Engine *(QObject *owner)> engine;
    std::function<QFuture<Engine::StartError>(QObject *owner)> start;
    std::function<QFuture<void>(QObject *owner)> stop;
    std::function<Clock *(QObject *owner)> clock;            // nullptr: the system clock
    // Optional: runs on the engine thread once the owner has started (the demo connects its tour).
    std::function<void(QObject *owner, EngineHost *host)> attach;

    static EngineStarter forConfig(const EngineConfig &config);
};

class EngineHost final : public QObject {
    Q_OBJECT
public:
    explicit EngineHost(EngineStarter starter, QObject *parent = nullptr);
    ~EngineHost() override; // stops the engine (bounded) and joins its thread

    void start();
    // Stops the engine; `done` runs on the GUI thread once it has stopped (or after 6 s).
    void stop(std::function<void()> done = {});
    bool isStarted() const { return m_started; }
    bool isStopping() const { return m_stopping; }
    const Engine::StartError &startError() const { return m_startError; }

    const ClusterSnapshot &snapshot() const { return m_snapshot; }
    qint64 nowMs() const;          // the engine's clock (simulated in tests and the demo tour)
    QString replicaId() const { return m_replicaId; }
    QString busUrl() const { return m_busUrl; }
    QString storeDsn() const { return m_storeDsn; }
    bool isDemo() const { return m_demo; }
    // Engine-side owner object (DemoCluster in demo mode); only to be used on the engine thread.
    QObject *ownerOnEngineThread() const { return m_owner; }
    Engine *engineOnEngineThread() const { return m_engine; }

    // Runs `call` on the engine thread; its future's result reaches `done` on the GUI thread,
    // unless `receiver` is gone by then.
    template <typename R>
    void run(std::function<QFuture<R>(Engine &)> call, QObject *receiver, std::function<void(R)> done);

    // Actions (docs/operations.md#admission, #cancel, #dismiss, #retry, docs/nodes.md#statuses,
    // docs/operations.md#reconciler, docs/gui.md#manage). Results arrive on the GUI thread.
    void admit(const AdmitRequest &request, QObject *receiver, std::function<void(Result<AdmitResult>)> done);
    void cancel(const QString &opId, QObject *receiver, std::function<void(Result<QString>)> done);
    void dismiss(const QString &opId, QObject *receiver, std::function<void(Result<QString>)> done);
    void retry(const QString &opId, QObject *receiver, std::function<void(Result<AdmitResult>)> done);
    void retryHistory(qint64 historyId, QObject *receiver, std::function<void(Result<AdmitResult>)> done);
    enum class NodeAction { Approve, Drain, Resume };
    void nodeAction(NodeAction action, const QString &node, QObject *receiver, std::function<void(Result<Node>)> done);
    void deleteNode(const QString &node, QObject *receiver, std::function<void(Result<DeletedNode>)> done);
    void reconcileNow(QObject *receiver, std::function<void(ReconcileReport)> done);
    void reapStaleOperations(QObject *receiver, std::function<void(int)> done);
    void cleanStalePendingOps(QObject *receiver, std::function<void(int)> done);
    // One `backend.list` of a node (Nodes view expander).
    void listNode(const Node &node, QObject *receiver, std::function<void(ClusterListingResult)> done);
    // A cluster listing (docs/operations.md#cluster-listing): which nodes hold which backends, for
    // confirmations naming nodes.
    void listCluster(QObject *receiver, std::function<void(ClusterListingResult)> done);
    // `fleetdeck.upgrades.check {replica_id, reason}` (docs/gui.md#manage, D19).
    void requestUpgradeCheck(const QString &reason);
    void setSetting(const QString &key, const QString &value, QObject *receiver, std::function<void(Status)> done);
    // Demo tour (docs/architecture.md#demo-cluster): pause or resume the script; the admin can act
    // at any time either way.
    void setTourPaused(bool paused);
    bool hasTour() const { return m_hasTour; }
    // Set by the demo starter's attach hook (engine thread → GUI thread through queued signals).
    void setTourControl(std::function<void(bool)> onEngineThread) { m_tourControl = std::move(onEngineThread); }

Q_SIGNALS:
    void started(const fleetdeck::Engine::StartError &error);
    void stopped();
    // One of these per coalesced snapshot part that changed.
    void opsChanged();
    void nodesChanged();
    void historyChanged();
    void upgradesChanged();
    void galleryChanged();
    void settingsChanged();
    void reportChanged();
    void connectionChanged();
    void reseeded();
    void tourStep(const QString &id, const QString &caption);
    void tourPausedChanged(bool paused);
    void tourFinished();
    // A one-line notice for the status bar (store errors, refusals of background work), worded
    // by the window.
    void notice(const fleetdeck::Reason &reason);

private:
    friend class EngineFeed;
    void applySnapshot(const SnapshotDelta &delta);
    void watchStartup(Engine *engine);
    void post(std::function<void()> onEngineThread);

    EngineStarter m_starter;
    QThread m_thread;
    QObject *m_owner = nullptr;     // engine thread
    Engine *m_engine = nullptr;     // engine thread
    EngineFeed *m_feed = nullptr;   // engine thread
    Clock *m_clock = nullptr;
    ClusterSnapshot m_snapshot;
    Engine::StartError m_startError;
    QString m_replicaId, m_busUrl, m_storeDsn;
    bool m_demo = false;
    bool m_hasTour = false;
    std::function<void(bool)> m_tourControl; // runs on the engine thread
    bool m_started = false;
    bool m_stopping = false;
    bool m_stoppedDone = false;
};

template <typename R>
void EngineHost::run(std::function<QFuture<R>(Engine &)> call, QObject *receiver, std::function<void(R)> done)
{
    QPointer<QObject> guard(receiver);
    QPointer<EngineHost> self(this);
    post([this, self, guard, call = std::move(call), done = std::move(done)]() {
        if (!m_engine)
            return;
        call(*m_engine).then(m_engine, [self, guard, done](R result) {
            if (!self)
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [guard, done, result = std::move(result)]() {
                    if (guard && done)
                        done(result);
                },
                Qt::QueuedConnection);
        });
    });
}

} // namespace fleetdeck
