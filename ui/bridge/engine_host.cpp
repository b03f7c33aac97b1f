#include "bridge/engine_host.h"

#include "bridge/engine_feed.h"
#include "bus/subjects.h"
#include "cluster/cluster_listing.h"
#include "cluster/node_registry.h"
#include "core/clock.h"
#include "ops/op_publisher.h"
#include "store/store_thread.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcHost, "fleetdeck.ui.host")

namespace fleetdeck {

EngineStarter EngineStarter::forConfig(const EngineConfig &config)
{
    EngineStarter s;
    s.create = [config]() -> QObject * { return new Engine(config); };
    s.engine = [](QObject *owner) { return static_cast<Engine *>(owner); };
    s.start = [](QObject *owner) { return static_cast<Engine *>(owner)->start(); };
    s.stop = [](QObject *owner) { return static_cast<Engine *>(owner)->stop(); };
    s.clock = [config](QObject *) { return config.clock; };
    return s;
}

EngineHost::EngineHost(EngineStarter starter, QObject *parent) : QObject(parent), m_starter(std::move(starter))
{
    qRegisterMetaType<fleetdeck::Engine::StartError>();
    m_thread.setObjectName(QStringLiteral("fleetdeck-engine"));
}

EngineHost::~EngineHost()
{
    if (m_thread.isRunning()) {
        if (!m_stoppedDone) {
            // Bounded shutdown when the window goes without stop() (tests, crashes of the GUI).
            bool done = false;
            stop([&done] { done = true; });
            QElapsedTimer t;
            t.start();
            while (!done && t.elapsed() < 7000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        }
        m_thread.quit();
        m_thread.wait();
    }
}

void EngineHost::post(std::function<void()> onEngineThread)
{
    // Once stop() began, the engine thread deletes m_owner at a moment this thread does not see
    // (it learns it one queued call later): nothing more is posted (bench_gui_load crashed in ~1
    // run of 3 when a delta's ack was posted in that gap).
    if (!m_owner || m_stopping)
        return;
    QMetaObject::invokeMethod(m_owner, std::move(onEngineThread), Qt::QueuedConnection);
}

qint64 EngineHost::nowMs() const
{
    return m_clock ? m_clock->nowMs() : SystemClock::instance()->nowMs();
}

void EngineHost::start()
{
    if (m_thread.isRunning())
        return;
    m_thread.start();
    // The owner is created on the engine thread, so its timers and sockets belong there.
    QObject *anchor = new QObject;
    anchor->moveToThread(&m_thread);
    QMetaObject::invokeMethod(anchor, [this, anchor]() {
        anchor->deleteLater();
        QObject *owner = m_starter.create();
        Engine *early = m_starter.engine(owner); // null for the demo until it has started
        const QString earlyDsn = early ? early->config().store.dsn() : QString();
        QMetaObject::invokeMethod(this, [this, owner, earlyDsn]() {
            m_owner = owner;
            m_storeDsn = earlyDsn;
        }, Qt::BlockingQueuedConnection);
        if (early)
            watchStartup(early);
        // The engine may exist only once the owner has started (the demo builds it in start()).
        m_starter.start(owner).then(owner, [this, owner](const Engine::StartError &e) {
            Engine *engine = m_starter.engine(owner);
            Clock *clock = m_starter.clock ? m_starter.clock(owner) : nullptr;
            if (e.exitCode == 0 && engine) {
                if (!m_feed)
                    m_feed = new EngineFeed(engine, this);
                m_feed->start();
                if (m_starter.attach)
                    m_starter.attach(owner, this);
            }
            const QString replica = engine ? engine->identity().replicaId : QString();
            const QString url = engine && engine->bus() ? engine->bus()->url() : QString();
            const QString dsn = engine ? engine->config().store.dsn() : QString();
            const bool demo = engine && engine->config().kind == QLatin1String("demo");
            QMetaObject::invokeMethod(this, [this, e, engine, clock, replica, url, dsn, demo]() {
                m_engine = engine;
                m_clock = clock;
                m_storeDsn = dsn;
                m_demo = demo;
                m_startError = e;
                m_started = e.exitCode == 0;
                m_replicaId = replica;
                m_busUrl = url;
                m_hasTour = bool(m_tourControl);
                Q_EMIT started(e);
            }, Qt::QueuedConnection);
        });
    }, Qt::QueuedConnection);
}

// Start-up (docs/gui.md#connection-indicator-and-re-seed, engine thread): its phases reach the
// indicator before any feed exists (the feed reports the monitor's statuses once started), and once
// the store is open its data is shown read-only while start-up waits for NATS.
void EngineHost::watchStartup(Engine *engine)
{
    connect(engine, &Engine::connectionChanged, this, [this](const ConnectionStatus &c) {
        if (!c.starting())
            return;
        SnapshotDelta d;
        d.connection = c;
        QMetaObject::invokeMethod(this, [this, d]() { applySnapshot(d); }, Qt::QueuedConnection);
    }, Qt::DirectConnection);
    connect(engine, &Engine::storeOpened, engine, [this, engine]() {
        if (m_feed)
            return;
        m_feed = new EngineFeed(engine, this);
        m_feed->preview();
    });
}

void EngineHost::stop(std::function<void()> done)
{
    if (m_stoppedDone || !m_thread.isRunning()) {
        if (done)
            done();
        return;
    }
    if (m_stopping) {
        if (done)
            connect(this, &EngineHost::stopped, this, [done] { done(); }, Qt::SingleShotConnection);
        return;
    }
    m_stopping = true;
    if (done)
        connect(this, &EngineHost::stopped, this, [done] { done(); }, Qt::SingleShotConnection);
    auto finish = [this]() {
        if (m_stoppedDone)
            return;
        m_stoppedDone = true;
        Q_EMIT stopped();
    };
    // docs/operations.md#executor: a replica's clean shutdown takes at most 5 s; do not let a stuck
    // part hold the window.
    QTimer::singleShot(6000, this, finish);
    if (!m_owner) {
        finish();
        return;
    }
    QMetaObject::invokeMethod(m_owner, [this, finish]() {
        if (m_feed) {
            m_feed->stop();
        }
        m_starter.stop(m_owner).then(m_owner, [this, finish]() {
            // Drain continuations bound to the engine's objects before they die (Qt 6.4 asserts
            // when a `.then` context is destroyed with a continuation queued).
            if (m_engine && m_engine->store())
                m_engine->store()->stop();
            QCoreApplication::sendPostedEvents();
            delete m_feed;
            m_feed = nullptr;
            delete m_owner;
            QMetaObject::invokeMethod(this, [this, finish]() {
                m_owner = nullptr;
                m_engine = nullptr;
                finish();
            }, Qt::QueuedConnection);
        });
    }, Qt::QueuedConnection);
}

void EngineHost::applySnapshot(const SnapshotDelta &d)
{
    if (d.ops) {
        m_snapshot.applyOps(*d.ops);
        m_snapshot.opsAtMs = d.opsAtMs;
    }
    if (d.nodes)
        m_snapshot.nodes = *d.nodes;
    if (d.history)
        m_snapshot.history = *d.history;
    if (d.upgrades)
        m_snapshot.upgrades = *d.upgrades;
    if (d.gallery)
        m_snapshot.gallery = *d.gallery;
    if (d.settings)
        m_snapshot.settings = *d.settings;
    if (d.report) {
        m_snapshot.lastReport = *d.report;
        m_snapshot.lastReportReceivedMs = nowMs();
    }
    if (d.connection)
        m_snapshot.connection = *d.connection;
    if (d.ops)
        Q_EMIT opsChanged();
    if (d.nodes)
        Q_EMIT nodesChanged();
    if (d.history)
        Q_EMIT historyChanged();
    if (d.upgrades)
        Q_EMIT upgradesChanged();
    if (d.gallery)
        Q_EMIT galleryChanged();
    if (d.settings)
        Q_EMIT settingsChanged();
    if (d.report)
        Q_EMIT reportChanged();
    if (d.connection)
        Q_EMIT connectionChanged();
    if (d.reseeded)
        Q_EMIT reseeded();
    for (const Reason &n : d.notices)
        Q_EMIT notice(n);
    // Let the repaints this delta caused run first, then ask for the next delta.
    QMetaObject::invokeMethod(this, [this]() {
        post([this]() {
            if (m_feed)
                m_feed->ack();
        });
    }, Qt::QueuedConnection);
}

void EngineHost::admit(const AdmitRequest &request, QObject *receiver, std::function<void(Result<AdmitResult>)> done)
{
    run<Result<AdmitResult>>([request](Engine &e) { return e.ops()->admit(request); }, receiver, std::move(done));
}

void EngineHost::cancel(const QString &opId, QObject *receiver, std::function<void(Result<QString>)> done)
{
    run<Result<QString>>([opId](Engine &e) { return e.ops()->cancel(opId); }, receiver, std::move(done));
}

void EngineHost::dismiss(const QString &opId, QObject *receiver, std::function<void(Result<QString>)> done)
{
    run<Result<QString>>([opId](Engine &e) { return e.ops()->dismiss(opId); }, receiver, std::move(done));
}

void EngineHost::retry(const QString &opId, QObject *receiver, std::function<void(Result<AdmitResult>)> done)
{
    run<Result<AdmitResult>>([opId](Engine &e) { return e.ops()->retry(opId); }, receiver, std::move(done));
}

void EngineHost::retryHistory(qint64 historyId, QObject *receiver, std::function<void(Result<AdmitResult>)> done)
{
    run<Result<AdmitResult>>([historyId](Engine &e) { return e.ops()->retryHistory(historyId); }, receiver,
                             std::move(done));
}

void EngineHost::nodeAction(NodeAction action, const QString &node, QObject *receiver,
                            std::function<void(Result<Node>)> done)
{
    run<Result<Node>>(
        [action, node](Engine &e) {
            switch (action) {
            case NodeAction::Approve: return e.registry()->approve(node);
            case NodeAction::Drain: return e.registry()->drain(node);
            case NodeAction::Resume: break;
            }
            return e.registry()->resume(node);
        },
        receiver, std::move(done));
}

void EngineHost::deleteNode(const QString &node, QObject *receiver, std::function<void(Result<DeletedNode>)> done)
{
    run<Result<DeletedNode>>([node](Engine &e) { return e.registry()->deleteNode(node); }, receiver, std::move(done));
}

void EngineHost::reconcileNow(QObject *receiver, std::function<void(ReconcileReport)> done)
{
    run<ReconcileReport>([](Engine &e) { return e.reconcileNow(); }, receiver, std::move(done));
}

void EngineHost::reapStaleOperations(QObject *receiver, std::function<void(int)> done)
{
    run<int>([](Engine &e) { return e.reapStaleOperations(); }, receiver, std::move(done));
}

void EngineHost::cleanStalePendingOps(QObject *receiver, std::function<void(int)> done)
{
    run<int>([](Engine &e) { return e.cleanStalePendingOps(); }, receiver, std::move(done));
}

void EngineHost::listNode(const Node &node, QObject *receiver, std::function<void(ClusterListingResult)> done)
{
    run<ClusterListingResult>(
        [node](Engine &e) {
            Deferred<ClusterListingResult> d;
            e.listing()->runOn({node}, [d](const ClusterListingResult &r) { d.resolve(r); });
            return d.future();
        },
        receiver, std::move(done));
}

void EngineHost::setTourPaused(bool paused)
{
    post([this, paused]() {
        if (m_tourControl)
            m_tourControl(paused);
    });
}

void EngineHost::listCluster(QObject *receiver, std::function<void(ClusterListingResult)> done)
{
    run<ClusterListingResult>(
        [](Engine &e) {
            Deferred<ClusterListingResult> d;
            e.listing()->run([d](const ClusterListingResult &r) { d.resolve(r); });
            return d.future();
        },
        receiver, std::move(done));
}

void EngineHost::requestUpgradeCheck(const QString &reason)
{
    post([this, reason]() {
        if (!m_engine || !m_engine->ops())
            return;
        m_engine->ops()->publisher()->publishJson(
            subjects::upgradesCheck(),
            QJsonObject{{QStringLiteral("replica_id"), m_engine->identity().replicaId}, {QStringLiteral("reason"), reason}});
    });
}

void EngineHost::setSetting(const QString &key, const QString &value, QObject *receiver, std::function<void(Status)> done)
{
    auto v = ClusterSettings::validate(key, value);
    if (!v) {
        if (done)
            done(Status::failure(v.error()));
        return;
    }
    const QJsonValue stored = v.value();
    run<Status>(
        [key, stored](Engine &e) {
            const QString by = e.identity().requestedBy;
            Bus *bus = e.bus();
            OpPublisher *pub = e.ops()->publisher();
            return e.store()->call([key, stored, by](Store &s) { return s.setSetting(key, stored, by); })
                .then(&e, [key, bus, pub](Status st) {
                    Q_UNUSED(bus);
                    if (st)
                        pub->publishJson(subjects::settingsChanged(), QJsonObject{{QStringLiteral("key"), key}});
                    return st;
                });
        },
        receiver, std::move(done));
}

} // namespace fleetdeck
