// SimWorld: set-up, replicas, workers and the event loop.
#include "sim_world.h"

#include "archive_builder.h"
#include "bus/subjects.h"
#include "cluster/node_registry.h"
#include "ops/op_publisher.h"
#include "store/store.h"
#include "worker/worker_agent.h"

#include <QCoreApplication>
#include <cstdio>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fleetdeck::sim {

qint64 &eventCounter()
{
    static qint64 count = 0;
    return count;
}

SimWorld::SimWorld(SimOptions options)
    : m_options(std::move(options)), m_clock(1767225600000), m_origin(m_clock.nowMs()), m_rng(m_options.seed)
{
    m_trace.setPrint(m_options.printTrace);
    m_trace.setClock(&m_clock, m_origin);
}

SimWorld::~SimWorld()
{
    for (auto &w : m_workers)
        killWorker(*w);
    for (auto &r : m_replicas)
        killReplica(*r);
    drain();
    m_admin.reset();
}

bool SimWorld::run()
{
    if (!setup())
        return false;
    const int replicas = int(m_rng.range(2, 4));
    for (int i = 0; i < replicas; ++i) {
        auto r = std::make_unique<Replica>();
        r->slot = i;
        m_replicas.push_back(std::move(r));
        startReplica(*m_replicas.back());
    }
    runUntil(5'000);
    const int workers = int(m_rng.range(3, 12));
    for (int i = 0; i < workers; ++i) {
        auto w = std::make_unique<Worker>();
        w->name = QStringLiteral("node-%1").arg(i + 1, 2, 10, QLatin1Char('0'));
        w->dir = m_dir + QStringLiteral("/nodes/") + w->name;
        w->vendor = m_rng.chance(0.6) ? QStringLiteral("nvidia") : QStringLiteral("cpu");
        QDir().mkpath(w->dir);
        m_workers.push_back(std::move(w));
        startWorker(*m_workers.back());
    }
    note(QStringLiteral("cluster %1 replicas, %2 workers").arg(replicas).arg(workers));
    m_faultsEnd = simulatedMs() + m_options.faultSeconds * 1000;
    scheduleAction();
    scheduleFault();
    runUntil(m_faultsEnd);
    heal();
    runUntil(m_faultsEnd + livenessBoundMs());
    checkQuiescence();
    return true;
}

qint64 SimWorld::livenessBoundMs() const
{
    // docs/testing.md "Liveness bound": an orphaned op is reaped stale_age after its last update,
    // at the next reaper tick; a live owner's op waits at most one request timeout, then the
    // reconciler's lease, backoff and pass; nodes need the stale and grace windows to settle.
    auto s = [this](const char *key) { return m_settings.value(QLatin1String(key)) * 1000; };
    const qint64 timeout = qMax(qMax(s("nats/timeout_install_s"), s("nats/timeout_upgrade_s")), s("nats/timeout_delete_s"));
    return s("ops/stale_age_s") + s("ops/reap_interval_s") + timeout + s("reconcile/tick_s") + s("reconcile/pass_wait_s")
           + s("reconcile/backoff_cap_s") + s("health/stale_s") + s("health/tick_s") + s("reconcile/pending_grace_s") + 60'000;
}

void SimWorld::setSetting(const QString &key, const QJsonValue &value)
{
    if (value.isDouble())
        m_settings.insert(key, qint64(value.toDouble()));
    if (const Status st = m_admin->setSetting(key, value, QStringLiteral("sim")); !st)
        note(QStringLiteral("settings set %1 failed: %2").arg(key, st.error()));
    else
        note(QStringLiteral("settings set %1 %2").arg(key, QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))));
    if (m_adminBus)
        m_adminBus->publish(subjects::settingsChanged(), QJsonDocument(QJsonObject{{QStringLiteral("key"), key}}).toJson(QJsonDocument::Compact));
}

bool SimWorld::setup()
{
    m_tmp = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/fleetdeck-sim-XXXXXX"));
    if (!m_tmp->isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    m_dir = QDir(m_tmp->path()).canonicalPath();
    if (qEnvironmentVariableIsSet("FLEETDECK_SIM_KEEP")) { // for a post-mortem of the store and the disks
        m_tmp->setAutoRemove(false);
        std::fprintf(stderr, "fleetdeck-sim: keeping %s\n", qUtf8Printable(m_dir));
    }
    m_net = std::make_unique<SimNetwork>(&m_clock, &m_rng, &m_trace);
    m_net->setRedacted(m_dir.toUtf8());
    m_gate = std::make_unique<SimStoreGate>(&m_clock, &m_rng, &m_trace, !m_options.postgres);
    m_adminBus = m_net->connect(QStringLiteral("admin"));
    return writeArtifacts() && seedStore();
}

bool SimWorld::writeArtifacts()
{
    using namespace fleetdeck::test;
    struct Spec {
        const char *name;
        const char *version;
        char gallery; // 'a' or 'b'
        int kind;     // 0 good, 1 sha256 mismatch, 2 hostile (escapes its directory)
    };
    const Spec specs[] = {{"alpha", "1.0", 'a', 0}, {"alpha", "2.0", 'b', 0}, {"beta", "1.0", 'a', 0},
                          {"beta", "1.1", 'b', 0},  {"gamma", "0.9", 'a', 1}, {"delta", "3.1", 'a', 2},
                          {"omega", "5.0", 'b', 0}};
    QJsonArray a, b;
    QDir().mkpath(m_dir + QStringLiteral("/art"));
    for (const Spec &s : specs) {
        const QString name = QString::fromLatin1(s.name), version = QString::fromLatin1(s.version);
        QByteArray filler(int(m_rng.range(48, 160)) << 10, Qt::Uninitialized);
        for (char &c : filler)
            c = char(m_rng.next());
        const QString top = name + QLatin1Char('-') + version + QLatin1Char('/');
        QList<ArchiveItem> items{ArchiveItem::dir(top), ArchiveItem::file(top + QStringLiteral("run.sh"), "#!/bin/sh\n", 0755),
                                 ArchiveItem::file(top + QStringLiteral("payload.bin"), filler)};
        if (s.kind == 2)
            items.append(ArchiveItem::file(QStringLiteral("../../escaped.txt"), "out"));
        const QByteArray archive = buildArchive(ArchiveFormat::TarGz, items);
        const QString file = name + QLatin1Char('-') + version + QStringLiteral(".tar.gz");
        QFile f(m_dir + QStringLiteral("/art/") + file);
        if (!f.open(QIODevice::WriteOnly) || f.write(archive) != archive.size()) {
            m_error = QStringLiteral("cannot write %1").arg(f.fileName());
            return false;
        }
        const QString sha = s.kind == 1 ? QString(64, QLatin1Char('0')) : sha256Hex(archive);
        const QJsonObject entry{{QStringLiteral("name"), name}, {QStringLiteral("version"), version},
                                {QStringLiteral("uri"), file}, {QStringLiteral("sha256"), sha},
                                {QStringLiteral("size"), archive.size()}};
        (s.gallery == 'a' ? a : b).append(entry);
        m_backends.append(Backend{name, version, s.gallery == 'a' ? QStringLiteral("a") : QStringLiteral("b"), s.kind != 0});
    }
    auto writeGallery = [this](const QString &path, const QString &name, const QJsonArray &entries) {
        QFile f(path);
        const QJsonObject index{{QStringLiteral("fleetdeck_gallery"), 1}, {QStringLiteral("name"), name},
                                {QStringLiteral("backends"), entries}};
        return f.open(QIODevice::WriteOnly) && f.write(QJsonDocument(index).toJson()) > 0;
    };
    m_galleryA = m_dir + QStringLiteral("/art/gallery-a.json");
    m_galleryB = m_dir + QStringLiteral("/art/gallery-b.json");
    if (!writeGallery(m_galleryA, QStringLiteral("main"), a) || !writeGallery(m_galleryB, QStringLiteral("next"), b)) {
        m_error = QStringLiteral("cannot write the galleries");
        return false;
    }
    return true;
}

bool SimWorld::seedStore()
{
    StoreConfig cfg;
    if (m_options.postgres) {
        auto parsed = StoreConfig::fromDsn(m_options.pgDsn);
        if (!parsed) {
            m_error = parsed.error();
            return false;
        }
        cfg = parsed.value();
    } else {
        cfg.driver = StoreConfig::Driver::Sqlite;
        cfg.path = m_dir + QStringLiteral("/fleet.sqlite");
    }
    auto store = Store::open(cfg, &m_clock, QStringLiteral("sim-admin"));
    if (!store) {
        m_error = store.error();
        return false;
    }
    m_admin = std::move(store.value());
    if (m_options.postgres) { // every seed starts from an empty database
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("sim-admin"), false));
        q.exec(QStringLiteral("SET client_min_messages TO WARNING"));
        if (!q.exec(QStringLiteral("DROP SCHEMA public CASCADE")) || !q.exec(QStringLiteral("CREATE SCHEMA public"))) {
            m_error = QStringLiteral("cannot empty %1: %2").arg(m_options.pgDsn, q.lastError().text());
            return false;
        }
    }
    if (const auto v = m_admin->migrate(); !v) {
        m_error = v.error();
        return false;
    }
    // Settings small enough that a run sees every timer many times; drawn from the seed.
    auto set = [this](const char *key, qint64 lo, qint64 hi) { setSetting(QLatin1String(key), QJsonValue(m_rng.range(lo, hi))); };
    setSetting(QStringLiteral("nodes/auto_approve"), QJsonValue(true));
    set("nodes/heartbeat_interval_s", 3, 10);
    set("health/tick_s", 5, 15);
    set("health/stale_s", 20, 60);
    set("reconcile/tick_s", 5, 30);
    set("reconcile/pass_wait_s", 10, 30);
    set("reconcile/backoff_base_s", 5, 30);
    set("reconcile/backoff_cap_s", 60, 240);
    set("reconcile/max_attempts", 3, 10);
    set("reconcile/pending_grace_s", 60, 300);
    set("ops/claim_poll_s", 1, 5);
    set("ops/keepalive_s", 10, 30);
    set("ops/stale_age_s", 120, 400);
    set("ops/reap_interval_s", 20, 120);
    set("ops/history_size", 100000, 100000);
    set("nats/timeout_install_s", 5, 60);
    set("nats/timeout_upgrade_s", 5, 60);
    set("nats/timeout_delete_s", 5, 30);
    set("nats/timeout_list_s", 3, 10);
    set("nats/timeout_cancel_s", 2, 5);
    set("upgrades/first_check_s", 0, 10);
    setSetting(QStringLiteral("galleries"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("main")},
                                                                   {QStringLiteral("url"), m_galleryA}}});
    return true;
}

void SimWorld::startReplica(Replica &r)
{
    ++r.generation;
    r.name = QStringLiteral("r%1.%2").arg(r.slot).arg(r.generation);
    if (r.clock) // an engine being destroyed may still read it (dropEngine)
        m_oldClocks.push_back(std::move(r.clock));
    r.clock = std::make_unique<OffsetClock>(&m_clock, m_rng.range(-3000, 3000));
    r.bus = m_net->connect(r.name);
    EngineConfig cfg;
    cfg.kind = QStringLiteral("headless");
    if (m_options.postgres) {
        cfg.store = StoreConfig::fromDsn(m_options.pgDsn).value();
    } else {
        cfg.store.driver = StoreConfig::Driver::Sqlite;
        cfg.store.path = m_dir + QStringLiteral("/fleet.sqlite");
    }
    cfg.storeGate = m_gate.get();
    cfg.externalBus = r.bus.get();
    cfg.clock = r.clock.get();
    cfg.replicaLock = false;
    cfg.helloWindowMs = 500;
    r.engine = std::make_unique<Engine>(cfg);
    r.connection = QStringLiteral("engine-") + r.engine->identity().replicaId;
    r.starting = true;
    note(QStringLiteral("replica %1 starting (skew %2 ms)").arg(r.name).arg(r.clock->offset()));
    watch(r);
    Engine *engine = r.engine.get();
    engine->start().then(this, [this, &r, engine](Engine::StartError e) {
        if (r.engine.get() != engine)
            return;
        r.starting = false;
        r.up = e.exitCode == 0;
        if (r.up) // the ops service exists now; what it hydrated came from the store
            QObject::connect(engine->ops(), &OperationService::opChanged, this,
                             [this, slot = r.slot](const Operation &op) { onOpChanged(slot, op); });
        note(QStringLiteral("replica %1 %2").arg(r.name, r.up ? QStringLiteral("started") : QStringLiteral("failed to start: ") + e.message));
        if (!r.up) {
            killReplica(r);
            if (m_healed) // after the faults every replica comes back
                m_clock.callAfter(5'000, this, [this, &r]() {
                    if (!r.engine)
                        startReplica(r);
                });
        }
    });
}

void SimWorld::watch(Replica &r)
{
    QObject::connect(r.engine.get(), &Engine::reconcileReport, this, [this, name = r.name](const ReconcileReport &rep) {
        if (rep.lockAcquired && m_healed)
            m_lastPassStart = qMax(m_lastPassStart, rep.startedAt);
        note(QStringLiteral("report %1 lock=%2 swept=%3 confirmed=%4 retried=%5 ok=%6 failed=%7 dead=%8 reaped=%9")
                 .arg(name).arg(rep.lockAcquired).arg(rep.stalePendingDeleted).arg(rep.confirmed).arg(rep.retried)
                 .arg(rep.succeeded).arg(rep.failed).arg(rep.deadLettered).arg(rep.opsReaped));
    });
}

void SimWorld::killReplica(Replica &r)
{
    if (!r.engine)
        return;
    note(QStringLiteral("replica %1 killed").arg(r.name));
    m_gate->kill(r.connection);
    m_net->setCut(r.name, true); // nothing it still sends goes out
    r.up = false;
    r.starting = false;
    dropEngine(r);
}

void SimWorld::dropEngine(Replica &r)
{
    // The engine, then its bus, from locals: ~Engine sends the posted events, and one of them may
    // start this slot's next replica, which replaces r's bus and clock (sim seed 125: the dying
    // engine's reconciler read a deleted clock). Clocks are kept to the end (startReplica).
    std::unique_ptr<Engine> engine = std::move(r.engine);
    std::unique_ptr<SimBus> bus = std::move(r.bus);
    engine.reset();
}

void SimWorld::stopReplica(Replica &r)
{
    if (!r.engine || !r.up)
        return;
    note(QStringLiteral("replica %1 stopping").arg(r.name));
    r.up = false;
    Engine *engine = r.engine.get();
    engine->stop().then(this, [this, &r, engine]() {
        if (r.engine.get() != engine)
            return;
        note(QStringLiteral("replica %1 stopped").arg(r.name));
        dropEngine(r);
        if (m_healed && !r.engine)
            startReplica(r);
    });
}

SimWorld::Replica *SimWorld::liveReplica()
{
    QList<Replica *> live;
    for (auto &r : m_replicas)
        if (r->up && r->engine)
            live.append(r.get());
    return live.isEmpty() ? nullptr : m_rng.pick(live);
}

void SimWorld::startWorker(Worker &w)
{
    w.runner = std::make_shared<SimJobRunner>(&m_clock, &m_rng, &m_trace, w.name);
    w.runner->setLink(w.link);
    w.bus = m_net->connect(w.name);
    WorkerAgentConfig c;
    c.name = w.name;
    c.backendsDir = w.dir;
    c.gpuVendor = w.vendor;
    c.allowFileRoot = {m_dir + QStringLiteral("/art")};
    c.nvidiaSmi.clear();
    c.jobRunner = w.runner;
    c.fixedResources = QJsonObject{{QStringLiteral("gpu_vendor"), w.vendor}, {QStringLiteral("gpus"), w.vendor == QLatin1String("cpu") ? 0 : 2},
                                   {QStringLiteral("total_ram"), qint64(64) << 30}, {QStringLiteral("available_ram"), qint64(48) << 30},
                                   {QStringLiteral("cpu_cores"), 16}, {QStringLiteral("disk_free"), qint64(500) << 30},
                                   {QStringLiteral("total_vram"), 0}, {QStringLiteral("available_vram"), 0}};
    c.fetch.fileChunkBytes = 16 << 10;
    c.fetch.fileThrottle = w.runner->throttle();
    c.registerBackoffInitialS = 1;
    c.registerBackoffCapS = 8;
    w.agent = std::make_unique<WorkerAgent>(c, w.bus.get(), &m_clock);
    SimJobRunner *runner = w.runner.get();
    w.agent->setInstallerHooks([runner](const QString &p) { runner->parkAtPoint(p); },
                               [runner](const QString &e, qint64 i) { runner->parkAfterEntry(e, i); });
    if (const Status st = w.agent->start(); !st)
        note(QStringLiteral("worker %1 failed to start: %2").arg(w.name, st.error()));
    else
        note(QStringLiteral("worker %1 started").arg(w.name));
}

void SimWorld::killWorker(Worker &w)
{
    if (!w.agent)
        return;
    note(QStringLiteral("worker %1 killed (%2 jobs)").arg(w.name).arg(w.runner->running()));
    m_net->setCut(w.name, true);
    w.runner->kill();
    w.agent.reset();
    w.bus.reset();
    w.runner.reset();
    m_net->setCut(w.name, false);
}

void SimWorld::drain()
{
    // Every posted event (deliveries, continuations, due timers) runs before the clock moves.
    // In PostgreSQL mode the store threads run calls: the clock waits for them too.
    for (int guard = 0; guard < 1000000; ++guard) {
        const qint64 before = eventCounter();
        // Read before the events are sent: a call that ended by now has posted its result, so
        // the sending below delivers it.
        const int inFlight = m_gate ? m_gate->inFlight() : 0;
        QCoreApplication::sendPostedEvents(nullptr, 0);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        if (eventCounter() != before)
            continue;
        if (inFlight > 0) {
            QThread::usleep(200);
            continue;
        }
        return;
    }
    violate(QStringLiteral("liveness"), QStringLiteral("events kept posting themselves without time passing"));
}

void SimWorld::runUntil(qint64 simMs)
{
    const qint64 until = m_origin + simMs;
    for (;;) {
        drain();
        const qint64 next = m_clock.nextDueMs();
        if (next < 0 || next > until) {
            m_clock.setMs(until);
            drain();
            return;
        }
        m_clock.setMs(next);
    }
}

QStringList SimWorld::nodeNames() const
{
    QStringList names;
    for (const auto &w : m_workers)
        names.append(w->name);
    return names;
}

} // namespace fleetdeck::sim

namespace fleetdeck::sim {

QString SimWorld::summary() const
{
    return QStringLiteral("(%1 replicas, %2 workers, %3 actions, %4 faults, %5 messages, %6 lost, %7 store calls)")
        .arg(m_replicas.size())
        .arg(m_workers.size())
        .arg(m_actions)
        .arg(m_faults)
        .arg(m_net ? m_net->delivered() : 0)
        .arg(m_net ? m_net->lost() : 0)
        .arg(m_gate ? m_gate->calls() : 0);
}

} // namespace fleetdeck::sim
