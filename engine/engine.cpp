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
#include "core/json_reader.h"
#include "gallery/gallery_catalog.h"
#include "gallery/gallery_loader.h"
#include "ops/op_publisher.h"
#include "store/replica_lock.h"
#include "store/store_thread.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QMetaMethod>

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

quint64 Engine::workerProgressReceived() const
{
    return m_fanOut ? m_fanOut->client()->progressEventsReceived() : 0;
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
    connect(m_registry.get(), &NodeRegistry::nodeRemoved, this, [this] { Q_EMIT nodesChanged(); });
    // An op whose last row to confirm went with a deleted node finishes now, not never (sim seed 7).
    connect(m_registry.get(), &NodeRegistry::opRowsChanged, this, [this](const QStringList &ids) { reevaluateOps(m_ops.get(), ids); });
    connect(m_ops.get(), &OperationService::opChanged, this, [this] { Q_EMIT opsChanged(); });
    connect(m_ops.get(), &OperationService::opRemoved, this, [this] { Q_EMIT opsChanged(); });
    connect(m_ops.get(), &OperationService::historyAppended, this, [this](qint64 id) {
        if (m_watching & WatchHistory) {
            m_ownHistoryIds.append(id);
            if (m_ownHistoryIds.size() > 64) // an echo lost with NATS down
                m_ownHistoryIds.removeFirst();
        }
        Q_EMIT historyAppended();
    });
    connect(m_ops.get(), &OperationService::storeError, this, &Engine::storeError);
    connect(m_upgrades.get(), &UpgradeChecker::resultChanged, this, &Engine::upgradesChanged);
    m_galleryLoader = new GalleryLoader(m_catalog.get(), m_clock, this);
    connect(m_galleryLoader, &GalleryLoader::loaded, this, &Engine::galleryLoaded);
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
    m_fanOut->client()->setTimeouts(WorkerTimeouts::from(settings));
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
    // Every replica re-reads `settings` on the event (docs/architecture.md#configuration);
    // applySettings reloads the galleries when their list changed.
    const SubscriptionId s = m_bus->subscribe(subjects::settingsChanged(), this, [this](const BusMessage &) { reloadSettings(); });
    if (s)
        m_subscriptions.append(s);
    m_broadcasting = true;
    watchBroadcasts();
}

void Engine::connectNotify(const QMetaMethod &signal)
{
    unsigned watch = 0;
    if (signal == QMetaMethod::fromSignal(&Engine::nodesChanged))
        watch = WatchNodes;
    else if (signal == QMetaMethod::fromSignal(&Engine::historyAppended))
        watch = WatchHistory;
    else if (signal == QMetaMethod::fromSignal(&Engine::peerReconcileReport))
        watch = WatchReports;
    if (!watch || (m_watchWanted.fetch_or(watch) & watch))
        return;
    // Not from here: connectNotify may run on the connecting thread, and must not re-enter this
    // object.
    QMetaObject::invokeMethod(this, [this]() { watchBroadcasts(); }, Qt::QueuedConnection);
}

static std::optional<QJsonObject> parseBroadcast(const BusMessage &m)
{
    QString error;
    auto obj = parseJsonObject(m.data, 1048576, &error);
    if (obj && obj->isEmpty())
        error = QStringLiteral("empty object");
    if (!obj || obj->isEmpty()) {
        qCWarning(lcEngine) << "dropped malformed message on" << m.subject << ":" << error;
        return std::nullopt;
    }
    return obj;
}

// Peers' changes reach this replica only as broadcasts (docs/gui.md#data-flow).
void Engine::watchBroadcasts()
{
    if (!m_broadcasting || m_stopping)
        return;
    const unsigned add = m_watchWanted.load() & ~m_watching;
    m_watching |= add;
    auto sub = [this](const QString &subject, MessageHandler handler) {
        if (const SubscriptionId id = m_bus->subscribe(subject, this, std::move(handler)))
            m_subscriptions.append(id);
    };
    if (add & WatchNodes)
        sub(subjects::nodesChanged(), [this](const BusMessage &) { Q_EMIT nodesChanged(); });
    if (add & WatchHistory) {
        sub(subjects::historyAppended(), [this](const BusMessage &m) {
            const auto o = parseBroadcast(m);
            if (!o || m_ownHistoryIds.removeOne(o->value(QLatin1String("id")).toInteger()))
                return;
            Q_EMIT historyAppended();
        });
    }
    if (add & WatchReports) {
        sub(subjects::reconcileReport(), [this](const BusMessage &m) {
            const auto o = parseBroadcast(m);
            if (!o)
                return;
            const ReconcileReport report = ReconcileReport::fromJson(*o);
            if (report.replicaId != m_identity.replicaId)
                Q_EMIT peerReconcileReport(report);
        });
    }
}

QFuture<void> Engine::stop()
{
    Deferred<void> done;
    m_clock->cancel(m_startRetry);
    QObject::disconnect(m_natsWait);
    if (!m_ops) {
        m_stopping = true; // a start-up still retrying ends here
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
    if (m_monitor)
        return m_monitor->status();
    return m_started ? ConnectionStatus{} : m_startStatus; // ctl: Live once started
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
        // docs/architecture.md#outages: back from an outage, no node is marked offline for
        // health/stale_s.
        m_health->suppressOfflineUntil(m_clock->nowMs() + m_ops->settings().healthStaleMs());
        if (reopened)
            m_upgrades->leadershipLost(); // a new PostgreSQL session holds no advisory lock
        reseed();
    });
    connect(m_ops.get(), &OperationService::storeError, m_monitor.get(),
            [monitor = m_monitor.get()](const Reason &r) { monitor->storeFailed(englishText(r)); });
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
    // docs/architecture.md#outages: while the store is down registrations and heartbeats go to
    // replicas that can record them.
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
