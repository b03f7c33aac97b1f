#include "demo/demo_cluster.h"

#include "bus/local_bus.h"
#include "core/clock.h"
#include "core/deferred.h"
#include "demo/demo_artifacts.h"
#include "demo/demo_log.h"
#include "demo/demo_pacer.h"
#include "demo/demo_tour.h"
#include "worker/worker_agent.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcDemo, "fleetdeck.engine.demo")

namespace fleetdeck {

DemoCluster::DemoCluster(DemoOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_clock(m_options.clock ? m_options.clock : SystemClock::instance()),
      m_specs(demo::nodeSpecs(m_options.paceFactor))
{
}

DemoCluster::~DemoCluster()
{
    m_destroying = true;
    if (m_prepare.isRunning())
        m_prepare.waitForFinished();
    // A start-up continuation may be queued for this object: run it now (it sees m_destroying
    // and does nothing); Qt 6.4 asserts when a continuation's context dies first.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    if (m_engine && !m_stopped) { // not stopped, or its stop() not finished
        // Destroyed without stop(): stop here, briefly pumping events (the engine's teardown
        // must not meet passes still in flight). Bounded: a simulated clock may not advance.
        QFuture<void> f = stop();
        QDeadlineTimer deadline(5000);
        while (!f.isFinished() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    if (m_tour)
        m_tour->stop();
    for (WorkerAgent *w : std::as_const(m_workers))
        delete w; // cancels its jobs and waits for its pool
    m_workers.clear();
    // The engine drains its queued continuations, some of which belong to the (stopped) tour:
    // it goes first, the tour after it.
    m_engine.reset();
    m_tour.reset();
    m_bus.reset();
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    if (m_tmp) {
        m_tmp.reset(); // removes the directory
    } else if (!m_dir.isEmpty()) {
        QDir(m_dir).removeRecursively();
    }
}

QString DemoCluster::galleryUrl() const
{
    return m_artifacts ? m_artifacts->galleryUrl() : QString();
}

QString DemoCluster::backendsDir(const QString &node) const
{
    return m_dir + QStringLiteral("/nodes/") + node;
}

WorkerAgent *DemoCluster::worker(const QString &node) const
{
    return m_workers.value(node);
}

DemoPacer *DemoCluster::pacer(const QString &node) const
{
    return m_pacers.value(node).get();
}

QFuture<Engine::StartError> DemoCluster::start()
{
    Deferred<Engine::StartError> done;
    if (m_options.baseDir.isEmpty()) {
        m_tmp = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/fleetdeck-demo-XXXXXX"));
        if (!m_tmp->isValid()) {
            done.resolve(Engine::StartError{2, QStringLiteral("demo: cannot create a temporary directory: %1").arg(m_tmp->errorString())});
            return done.future();
        }
        m_dir = QFileInfo(m_tmp->path()).canonicalFilePath();
    } else {
        // The destructor removes the directory: never take one that holds anything already.
        if (QDir(m_options.baseDir).exists() && !QDir(m_options.baseDir).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)) {
            done.resolve(Engine::StartError{2, QStringLiteral("demo: %1 is not empty").arg(m_options.baseDir)});
            return done.future();
        }
        QDir().mkpath(m_options.baseDir);
        m_dir = QFileInfo(m_options.baseDir).canonicalFilePath();
        if (m_dir.isEmpty()) {
            done.resolve(Engine::StartError{2, QStringLiteral("demo: cannot use %1").arg(m_options.baseDir)});
            return done.future();
        }
    }
    m_artifacts = std::make_unique<DemoArtifacts>(m_dir, m_options.artifactBytes);
    qCInfo(lcDemo).noquote() << "demo cluster in" << m_dir;
    // Writing a few dozen MiB of archives and installing three backends takes a moment: off the
    // engine thread.
    m_prepare = QtConcurrent::run([this]() { return prepareFiles(); });
    m_prepare.then(this, [this, done](Status prepared) {
        if (m_destroying) {
            done.resolve(Engine::StartError{2, QStringLiteral("demo: destroyed while starting")});
            return;
        }
        if (!prepared) {
            done.resolve(Engine::StartError{2, prepared.error()});
            return;
        }
        m_bus = std::make_unique<LocalBus>(m_clock);
        EngineConfig cfg;
        cfg.kind = QStringLiteral("demo");
        cfg.store.driver = StoreConfig::Driver::Sqlite;
        cfg.store.path = m_dir + QStringLiteral("/demo.sqlite");
        cfg.externalBus = m_bus.get();
        cfg.clock = m_clock;
        cfg.passLocks = false; // one replica (docs/architecture.md#pass-locks)
        cfg.helloWindowMs = 200;
        m_engine = std::make_unique<Engine>(cfg);
        m_engine->start().then(this, [this, done](Engine::StartError e) {
            if (m_destroying || m_stopping) {
                done.resolve(Engine::StartError{2, QStringLiteral("demo: stopped while starting")});
                return;
            }
            if (e.exitCode != 0) {
                done.resolve(e);
                return;
            }
            for (const DemoNodeSpec &spec : std::as_const(m_specs)) {
                if (!spec.worker)
                    continue;
                if (const Status st = startWorker(spec); !st) {
                    done.resolve(Engine::StartError{2, st.error()});
                    return;
                }
            }
            if (m_options.tour) {
                m_tour = std::make_unique<DemoTour>(this);
                m_tour->start();
            }
            Q_EMIT started();
            done.resolve(Engine::StartError{});
        });
    });
    return done.future();
}

Status DemoCluster::prepareFiles()
{
    if (const Status st = m_artifacts->write(); !st)
        return st;
    for (const DemoNodeSpec &spec : std::as_const(m_specs)) {
        if (!spec.worker)
            continue;
        if (!QDir().mkpath(backendsDir(spec.name)))
            return Status::failure(QStringLiteral("demo: cannot create %1").arg(backendsDir(spec.name)));
        if (spec.preinstalled.isEmpty())
            continue;
        if (const Status st = demo::preinstall(QFileInfo(backendsDir(spec.name)).canonicalFilePath(), m_dir, *m_artifacts,
                                               spec.preinstalled, m_clock, spec.installedAgoMs);
            !st)
            return st;
    }
    StoreConfig store;
    store.driver = StoreConfig::Driver::Sqlite;
    store.path = m_dir + QStringLiteral("/demo.sqlite");
    return demo::seedStore(store, m_clock, m_artifacts->galleryUrl(), m_specs);
}

Status DemoCluster::startWorker(const DemoNodeSpec &spec)
{
    auto &pacer = m_pacers[spec.name];
    if (!pacer)
        pacer = std::make_shared<DemoPacer>(m_clock, spec.transferMs);
    WorkerAgentConfig c;
    c.name = spec.name;
    c.backendsDir = backendsDir(spec.name);
    for (auto it = spec.labels.constBegin(); it != spec.labels.constEnd(); ++it)
        c.labels.insert(it.key(), it.value().toString());
    c.gpuVendor = spec.vendor;
    c.allowFileRoot = {m_dir};
    c.jobThreads = 4;
    c.nvidiaSmi.clear(); // simulated GPUs: no program is run
    c.fetch.fileChunkBytes = 128 << 10;
    c.fetch.fileThrottle = [pacer](const QString &uri) { return pacer->throttle(uri); };
    auto *w = new WorkerAgent(c, m_bus.get(), m_clock, this);
    if (const Status st = w->start(); !st) {
        delete w;
        return st;
    }
    m_workers.insert(spec.name, w);
    return okStatus();
}

void DemoCluster::cutWorker(const QString &node)
{
    WorkerAgent *w = m_workers.take(node);
    if (!w)
        return;
    qCInfo(lcDemo).noquote() << node << "drops off the network";
    delete w; // unsubscribes, stops heartbeats, cancels its jobs; nothing is replied
}

Status DemoCluster::restoreWorker(const QString &node)
{
    if (m_workers.contains(node) || m_stopping)
        return okStatus();
    for (const DemoNodeSpec &spec : std::as_const(m_specs)) {
        if (spec.name == node && spec.worker) {
            qCInfo(lcDemo).noquote() << node << "is back";
            return startWorker(spec);
        }
    }
    return Status::failure(QStringLiteral("demo: no worker for node %1").arg(node));
}

QFuture<void> DemoCluster::stop()
{
    if (m_stopping)
        return m_stopFuture;
    Deferred<void> done;
    m_stopping = true;
    m_stopFuture = done.future();
    auto stopRest = [this, done]() {
        for (WorkerAgent *w : std::as_const(m_workers))
            delete w;
        m_workers.clear();
        if (!m_engine) {
            m_stopped = true;
            done.resolve();
            return;
        }
        m_engine->stop().then(this, [this, done]() {
            m_stopped = true;
            Q_EMIT stopped();
            done.resolve();
        });
    };
    // The tour's own requests still in flight come back before the engine stops.
    if (m_tour)
        m_tour->stop().then(this, stopRest);
    else
        stopRest();
    return done.future();
}

} // namespace fleetdeck
