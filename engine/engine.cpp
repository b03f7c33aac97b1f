#include "engine.h"

#include "bus/local_bus.h"
#include "bus/nats_bus.h"
#include "bus/subjects.h"
#include "cluster/cluster_hello.h"
#include "cluster/connection_monitor.h"
#include "cluster/fan_out.h"
#include "cluster/health_monitor.h"
#include "cluster/node_registry.h"
#include "cluster/op_canceller.h"
#include "cluster/op_reevaluation.h"
#include "cluster/reconciler.h"
#include "cluster/upgrade_checker.h"
#include "cluster/worker_client.h"
#include "core/clock.h"
#include "core/deferred.h"
#include "gallery/gallery_catalog.h"
#include "gallery/gallery_loader.h"
#include "ops/op_publisher.h"
#include "store/replica_lock.h"
#include "store/store_thread.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEngine, "fleetdeck.engine")

namespace fleetdeck {

Engine::Engine(EngineConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_clock(m_config.clock ? m_config.clock : SystemClock::instance()),
      m_identity(ReplicaIdentity::create(m_config.kind)), m_catalog(std::make_unique<GalleryCatalog>())
{
}

Engine::~Engine()
{
    m_monitor.reset();
    for (quint64 sub : std::as_const(m_subscriptions))
        m_bus->unsubscribe(sub);
    if (m_upgrades && m_store && m_store->isRunning())
        m_upgrades->stop(); // releases the leader lock through the store: before the store stops
    if (m_store)
        m_store->stop();
    // Continuations of finished store calls may still be queued for the parts (each stage of a
    // chain posts the next): run them while their context objects exist. Qt 6.4 asserts when a
    // continuation's context dies first.
    for (int i = 0; i < 8; ++i)
        QCoreApplication::sendPostedEvents();
}

ClusterListing *Engine::listing() const
{
    return m_fanOut ? m_fanOut->listing() : nullptr;
}

QFuture<Engine::StartError> Engine::start()
{
    Deferred<StartError> done;
    const bool longLived = m_identity.longLived();
    if (longLived && m_config.replicaLock && m_config.store.driver == StoreConfig::Driver::Sqlite) {
        auto lock = ReplicaLock::acquire(m_config.store.path);
        if (!lock) {
            done.resolve(StartError{3, lock.error()});
            return done.future();
        }
        m_replicaLock = lock.value();
    }
    m_store = std::make_unique<StoreThread>(m_config.store, m_clock, QStringLiteral("engine-") + m_identity.replicaId, nullptr,
                                           m_config.storeGate);
    if (const Status st = m_store->start(); !st) {
        done.resolve(StartError{3, QStringLiteral("store %1: %2").arg(m_config.store.dsn(), st.error())});
        return done.future();
    }
    m_store->call([](Store &s) { return s.settings(); }).then(this, [this, done](Result<QHash<QString, QJsonValue>> rows) {
        if (!rows) {
            done.resolve(StartError{3, QStringLiteral("store %1: %2").arg(m_config.store.dsn(), rows.error())});
            return;
        }
        const ClusterSettings settings(rows.value());
        m_clusterId = settings.clusterId();
        afterStore(done);
        if (m_ops)
            applySettings(settings);
    });
    return done.future();
}

void Engine::afterStore(Deferred<StartError> done)
{
    if (m_config.externalBus) {
        m_bus = m_config.externalBus;
    } else if (!m_config.nats) {
        m_ownedBus = std::make_unique<LocalBus>(m_clock);
        m_bus = m_ownedBus.get();
    } else {
        NatsConfig nats = *m_config.nats;
        nats.retryInitialConnect = m_identity.longLived();
        if (nats.name.isEmpty())
            nats.name = QStringLiteral("fleetdeck-%1-%2").arg(m_identity.kind, m_identity.replicaId);
        auto bus = NatsBus::connect(nats, m_clock);
        if (!bus) {
            done.resolve(StartError{3, bus.error()});
            return;
        }
        m_ownedBus = std::move(bus.value());
        m_bus = m_ownedBus.get();
    }
    wireParts();
    // The cluster check (§1.5) before subscribing to anything.
    m_hello = std::make_unique<ClusterHello>(m_bus, m_identity, m_clusterId);
    m_hello->check(m_config.helloWindowMs, [this, done](const HelloResult &r) {
        if (!r.foreignError.isEmpty()) {
            done.resolve(StartError{3, r.foreignError});
            return;
        }
        m_anyLongLivedPeer = r.anyLongLived();
        afterHello(done);
    });
}

void Engine::wireParts()
{
    FanOut::Deps fd;
    fd.store = m_store.get();
    fd.bus = m_bus;
    fd.clock = m_clock;
    m_registry = std::make_unique<NodeRegistry>(m_store.get(), m_bus, m_clock, m_clusterId);
    fd.events = m_registry.get();
    m_fanOut = std::make_unique<FanOut>(fd);
    OperationService::Deps od;
    od.store = m_store.get();
    od.bus = m_bus;
    od.clock = m_clock;
    od.catalog = m_catalog.get();
    od.runner = m_identity.longLived() ? m_fanOut.get() : nullptr;
    od.identity = m_identity;
    OpCanceller *canceller = m_fanOut->canceller();
    od.cancelWorkers = [canceller](const QString &opId) { canceller->cancelWorkers(opId); };
    m_ops = std::make_unique<OperationService>(od);
    m_fanOut->setOperationService(m_ops.get());
    m_health = std::make_unique<HealthMonitor>(m_store.get(), m_bus, m_clock, m_registry.get(),
                                               m_config.passLocks ? HealthMonitor::Locking::PassLock : HealthMonitor::Locking::None);
    Reconciler::Deps rd{m_ops.get(), m_fanOut->client(), m_fanOut->listing(), m_registry.get(), m_config.passLocks};
    m_reconciler = std::make_unique<Reconciler>(rd);
    connect(m_reconciler.get(), &Reconciler::reportReady, this, &Engine::reconcileReport);
    m_upgrades = std::make_unique<UpgradeChecker>(
        UpgradeChecker::Deps{m_ops.get(), m_fanOut->listing(), m_catalog.get(), m_config.passLocks});
    connect(m_registry.get(), &NodeRegistry::nodeChanged, this, [this] { Q_EMIT nodesChanged(); });
    // An op whose last row to confirm went with a deleted node finishes now, not never (sim seed 7).
    connect(m_registry.get(), &NodeRegistry::opRowsChanged, this, [this](const QStringList &ids) { reevaluateOps(m_ops.get(), ids); });
    m_galleryLoader = new GalleryLoader(m_catalog.get(), m_clock, this);
}

void Engine::afterHello(Deferred<StartError> done)
{
    reloadSettings();
    auto startOps = [this, done]() {
        m_ops->start().then(this, [this, done](Status st) {
            if (!st) {
                done.resolve(StartError{3, st.error()});
                return;
            }
            subscribeBroadcasts();
            if (m_identity.longLived()) {
                m_hello->answer();
                m_registry->start();
                m_health->start();
                m_reconciler->start();
                m_upgrades->start();
                m_ops->publisher()->publishJson(subjects::upgradesCheck(),
                                                QJsonObject{{QStringLiteral("replica_id"), m_identity.replicaId},
                                                            {QStringLiteral("reason"), QStringLiteral("start")}});
            }
            m_started = true;
            startMonitor();
            qCInfo(lcEngine).noquote() << "replica" << m_identity.replicaId << "(" << m_identity.kind << ") of cluster" << m_clusterId
                                       << "started on" << m_config.store.dsn() << "and" << m_bus->url();
            done.resolve(StartError{});
        });
    };
    const QStringList urls = galleryUrls();
    m_loadedGalleryUrls = urls;
    if (urls.isEmpty()) {
        startOps();
        return;
    }
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = connect(m_galleryLoader, &GalleryLoader::loaded, this, [conn, startOps]() {
        QObject::disconnect(*conn);
        startOps();
    });
    m_galleryLoader->load(urls);
}

QStringList Engine::galleryUrls() const
{
    if (!m_config.galleryUrls.isEmpty())
        return m_config.galleryUrls;
    QStringList urls;
    for (const GallerySource &g : m_ops->settings().galleries())
        urls.append(g.url);
    return urls;
}

void Engine::reloadSettings()
{
    m_store->call([](Store &s) { return s.settings(); }).then(this, [this](Result<QHash<QString, QJsonValue>> rows) {
        if (!rows) {
            qCWarning(lcEngine) << "reading settings failed:" << rows.error();
            return;
        }
        applySettings(ClusterSettings(rows.value()));
    });
}

void Engine::applySettings(const ClusterSettings &settings)
{
    m_ops->setSettings(settings);
    m_registry->setSettings(settings);
    m_health->setSettings(settings);
    WorkerTimeouts t;
    t.installMs = settings.timeoutMs(OpKind::Install);
    t.upgradeMs = settings.timeoutMs(OpKind::Upgrade);
    t.deleteMs = settings.timeoutMs(OpKind::Delete);
    t.listMs = settings.listTimeoutMs();
    t.cancelMs = settings.cancelTimeoutMs();
    m_fanOut->client()->setTimeouts(t);
    if (m_config.galleryUrls.isEmpty() && m_started) {
        const QStringList urls = galleryUrls();
        if (urls != m_loadedGalleryUrls) {
            m_loadedGalleryUrls = urls;
            m_galleryLoader->load(urls);
        }
    }
    if (m_monitor)
        m_monitor->setStaleMs(settings.staleMs());
    Q_EMIT settingsChanged(settings);
}

void Engine::subscribeBroadcasts()
{
    // Every replica re-reads `settings` on the event (§1.5); applySettings reloads the galleries
    // when their list changed.
    const SubscriptionId s = m_bus->subscribe(subjects::settingsChanged(), this, [this](const BusMessage &) { reloadSettings(); });
    if (s)
        m_subscriptions.append(s);
}

QFuture<void> Engine::stop()
{
    Deferred<void> done;
    if (!m_ops) {
        if (m_store)
            m_store->stop();
        done.resolve();
        return done.future();
    }
    m_stopping = true;
    if (m_monitor)
        m_monitor->stop();
    m_reconciler->stop();
    m_upgrades->stop();
    m_health->stop();
    m_registry->stop();
    m_ops->stop().then(this, [this, done]() {
        m_store->stop();
        done.resolve();
    });
    return done.future();
}

ConnectionStatus Engine::connectionStatus() const
{
    return m_monitor ? m_monitor->status() : ConnectionStatus{};
}

void Engine::startMonitor()
{
    if (!m_identity.longLived())
        return; // ctl: short-lived, always Live
    const bool demo = m_identity.kind == QLatin1String("demo");
    m_monitor = std::make_unique<ConnectionMonitor>(m_bus, m_store.get(), m_clock, demo);
    m_monitor->setStaleMs(m_ops->settings().staleMs());
    connect(m_monitor.get(), &ConnectionMonitor::statusChanged, this, [this](const ConnectionStatus &status) {
        applyConnectivity();
        Q_EMIT connectionChanged(status);
    });
    connect(m_monitor.get(), &ConnectionMonitor::natsReconnected, this, [this]() {
        applyConnectivity();
        reseed();
    });
    connect(m_monitor.get(), &ConnectionMonitor::storeRecovered, this, [this](bool reopened) {
        applyConnectivity();
        // §10.4: back from an outage, no node is marked offline for health/stale_s.
        m_health->suppressOfflineUntil(m_clock->nowMs() + m_ops->settings().healthStaleMs());
        if (reopened)
            m_upgrades->leadershipLost(); // a new PostgreSQL session holds no advisory lock
        reseed();
    });
    connect(m_ops.get(), &OperationService::storeError, m_monitor.get(), &ConnectionMonitor::storeFailed);
    // A slow consumer lost broadcasts (an opcache.end, a terminal status): memory may be stale
    // until the store is read again (sim seed 12: a dismissed op stayed in the list).
    // Losses come in bursts: one re-seed a second at most.
    connect(m_bus, &Bus::messagesLost, this, [this]() {
        if (std::exchange(m_lossReseedArmed, true))
            return;
        m_clock->callAfter(1000, this, [this]() {
            m_lossReseedArmed = false;
            reseed();
        });
    });
    m_monitor->start();
    applyConnectivity();
}

void Engine::applyConnectivity()
{
    if (!m_monitor || m_stopping)
        return;
    const bool storeOk = m_monitor->storeReachable();
    m_ops->setConnectivity(storeOk ? QString() : m_monitor->storeError(), m_monitor->natsConnected());
    // §10.4: while the store is down registrations and heartbeats go to replicas that can record them.
    if (!storeOk && m_registry->isStarted()) {
        qCInfo(lcEngine) << "store unreachable: leaving the registration queue group";
        m_registry->stop();
    } else if (storeOk && !m_registry->isStarted()) {
        m_registry->start();
    }
}

void Engine::reseed()
{
    if (!m_started || m_stopping)
        return;
    if (m_reseeding) {
        m_reseedAgain = true;
        return;
    }
    m_reseeding = true;
    m_ops->reseed().then(this, [this](Status st) {
        m_reseeding = false;
        if (m_stopping)
            return;
        if (!st) {
            // The store failed again: its recovery re-seeds.
            qCWarning(lcEngine).noquote() << st.error();
            m_monitor->storeFailed(st.error());
            return;
        }
        reloadSettings();
        Q_EMIT nodesChanged();
        m_ops->publisher()->publishJson(subjects::upgradesCheck(),
                                        QJsonObject{{QStringLiteral("replica_id"), m_identity.replicaId},
                                                    {QStringLiteral("reason"), QStringLiteral("reseed")}});
        qCInfo(lcEngine) << "re-seeded from the store";
        Q_EMIT reseeded();
        if (std::exchange(m_reseedAgain, false))
            reseed();
    });
}

QFuture<ReconcileReport> Engine::reconcileNow()
{
    return m_reconciler->runPass(true);
}

QFuture<int> Engine::reapStaleOperations()
{
    return m_ops->reapStaleOperations();
}

QFuture<int> Engine::cleanStalePendingOps()
{
    return m_reconciler->cleanStalePending();
}

} // namespace fleetdeck
