// Engine start-up (docs/architecture.md#start-up-and-hydration, #outages): the store (retried every
// 5 s by a long-lived replica while it is unreachable), NATS and the cluster check (waiting for
// NATS), then the parts in order. Each phase is reported through connectionChanged, so no window
// says Live before it is.
#include "engine.h"

#include "bus/local_bus.h"
#include "bus/nats_bus.h"
#include "bus/subjects.h"
#include "cluster/cluster_hello.h"
#include "cluster/health_monitor.h"
#include "cluster/node_registry.h"
#include "cluster/reconciler.h"
#include "cluster/upgrade_checker.h"
#include "core/clock.h"
#include "gallery/gallery_loader.h"
#include "ops/op_publisher.h"
#include "store/replica_lock.h"
#include "store/store_start_errors.h"
#include "store/store_thread.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace fleetdeck {

namespace {
constexpr qint64 kStartRetryMs = 5000; // docs/architecture.md#outages: an unreachable store is retried every 5 s
} // namespace

QFuture<Engine::StartError> Engine::start()
{
    const Deferred<StartError> done = m_startDone;
    const bool longLived = m_identity.longLived();
    if (longLived && m_config.replicaLock && m_config.store.driver == StoreConfig::Driver::Sqlite) {
        auto lock = ReplicaLock::acquire(m_config.store.path);
        if (!lock) {
            done.resolve(StartError{3, lock.error()});
            return done.future();
        }
        m_replicaLock = lock.value();
    }
    openStore(done);
    return done.future();
}

void Engine::setStartup(ConnectionStatus::Startup phase, const Reason &reason)
{
    ConnectionStatus s = ConnectionStatus::beforeStart();
    s.startup = phase;
    s.setReason(reason);
    s.storeReachable = phase != ConnectionStatus::Startup::Store;
    s.storeAttempt = phase == ConnectionStatus::Startup::Store ? m_storeAttempts : 0;
    if (s == m_startStatus)
        return;
    m_startStatus = s;
    Q_EMIT connectionChanged(s);
}

// One attempt at the store (open and migrate, then the settings), retried every 5 s
// (docs/architecture.md#outages).
void Engine::openStore(Deferred<StartError> done)
{
    if (m_stopping)
        return;
    ++m_storeAttempts;
    setStartup(ConnectionStatus::Startup::Store, Reason{});
    m_store = std::make_unique<StoreThread>(m_config.store, m_clock, QStringLiteral("engine-") + m_identity.replicaId, nullptr,
                                           m_config.storeGate);
    if (const Status st = m_store->start(); !st) {
        m_store.reset();
        storeUnreachable(done, st.error());
        return;
    }
    m_store->call([](Store &s) { return s.settings(); }).then(this, [this, done](Result<QHash<QString, QJsonValue>> rows) {
        if (m_stopping)
            return;
        if (!rows) {
            m_store->stop();
            m_store.reset();
            storeUnreachable(done, rows.error());
            return;
        }
        const ClusterSettings settings(rows.value());
        m_clusterId = settings.clusterId();
        if (m_storeAttempts > 1)
            qCInfo(lcEngine).noquote() << "store" << m_config.store.dsn() << "reached at attempt" << m_storeAttempts;
        afterStore(done);
        if (m_ops)
            applySettings(settings);
    });
}

void Engine::storeUnreachable(Deferred<StartError> done, const QString &failure)
{
    // One line, without the DSN twice ("open <dsn>: " comes from Store::open).
    QString error = failure;
    if (const QString open = QStringLiteral("open %1: ").arg(m_config.store.dsn()); error.startsWith(open))
        error = error.mid(open.size());
    error = error.simplified();
    const Reason why = Reason::make("store_open_failed", {{"dsn", m_config.store.dsn()}, {"detail", error}});
    const QString message = englishText(why);
    if (!m_config.waitForServers || isFinalStoreError(error)) {
        done.resolve(StartError{3, message, why});
        return;
    }
    qCWarning(lcEngine).noquote() << message << QStringLiteral("(attempt %1); retrying in 5 s").arg(m_storeAttempts);
    setStartup(ConnectionStatus::Startup::Store, Reason::plain(error)); // the driver's text
    // The timer holds no copy of `done`: a stop() while waiting must not leave the start future
    // to die with a timer after the application (Qt asserts on a continuation's dead context).
    m_startRetry = m_clock->callAfter(kStartRetryMs, this, [this]() { openStore(m_startDone); });
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
    if (!m_config.waitForServers) {
        checkCluster(done);
        return;
    }
    // docs/architecture.md#outages: with NATS unreachable, wait at the cluster check; the store's
    // data can be read (announced once the settings just read are applied).
    QMetaObject::invokeMethod(this, [this]() { Q_EMIT storeOpened(); }, Qt::QueuedConnection);
    auto natsUp = [this]() {
        const Deferred<StartError> done = m_startDone;
        switch (m_bus->connectionState()) {
        case ConnectionState::Connected:
            QObject::disconnect(m_natsWait);
            checkCluster(done);
            return true;
        case ConnectionState::Closed:
            // nats.c closes for good when the server refuses the connection (authorization).
            QObject::disconnect(m_natsWait);
            done.resolve(StartError{3, m_config.nats ? NatsBus::closedReason(*m_config.nats)
                                                     : QStringLiteral("bus %1 closed").arg(m_bus->url())});
            return true;
        default:
            setStartup(ConnectionStatus::Startup::Nats, Reason::make("nats_unreachable", {{"url", m_bus->url()}}));
            return false;
        }
    };
    if (!natsUp())
        m_natsWait = connect(m_bus, &Bus::connectionStateChanged, this, [natsUp]() { natsUp(); });
}

void Engine::checkCluster(Deferred<StartError> done)
{
    setStartup(ConnectionStatus::Startup::Finishing, Reason::make("checking_cluster", {{"url", m_bus->url()}}));
    // The cluster check (docs/architecture.md#cluster-identity) before subscribing to anything.
    m_hello = std::make_unique<ClusterHello>(m_bus, m_identity, m_clusterId);
    m_hello->check(m_config.helloWindowMs, [this, done](const HelloResult &r) {
        if (!r.foreignError.isEmpty()) {
            done.resolve(StartError{3, r.foreignError, r.foreignErrorCode});
            return;
        }
        m_anyLongLivedPeer = r.anyLongLived();
        afterHello(done);
    });
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
            Q_EMIT started();
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

} // namespace fleetdeck
