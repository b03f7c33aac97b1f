// NodeSimulator: the public API, the simulator thread, registration and heartbeats
// (docs/nodes.md#registration, docs/nodes.md#heartbeats) of every simulated node.
#include "node_sim_p.h"

#include "bus/nats_bus.h"
#include "bus/subjects.h"
#include "core/clock.h"
#include "wire/worker_messages.h"

#include <QRegularExpression>
#include <QSemaphore>
#include <QSet>
#include <QThread>
#include <cstdio>
#include <utility>

namespace fleetdeck::bench {

namespace {

constexpr qint64 kRegisterTimeoutMs = 5000; // docs/nodes.md#registration
constexpr int kBackoffInitialS = 2, kBackoffCapS = 30;
constexpr qint64 kFlushTimeoutMs = 10000;

QString stampKey(const QString &opId, const QString &node)
{
    return opId + QLatin1Char('\n') + node;
}

} // namespace

// ---- SimCore: connection, registration, heartbeats (simulator thread) ----

SimCore::SimCore(SimShared *shared, NodeSimulator::Options options, QObject *parent)
    : QObject(parent), m_shared(shared), m_options(std::move(options))
{
}

SimCore::~SimCore()
{
    m_stopping = true;
    for (SimNode &n : m_nodes)
        SystemClock::instance()->cancel(n.heartbeatTimer);
    m_jobs.clear(); // their timers are children of this object
    m_bus.reset();  // unsubscribes and closes the connection
}

Status SimCore::connectAndSubscribe(const QString &natsUrl, const QStringList &names)
{
    NatsConfig config;
    config.url = natsUrl;
    config.name = QStringLiteral("fleetdeck-nodesim");
    config.noEcho = true; // like a worker (docs/worker.md#start-and-concurrency)
    auto bus = NatsBus::connect(config, SystemClock::instance(), nullptr);
    if (!bus)
        return Status::failure(bus.error());
    m_bus = std::move(bus.value());
    m_nodes.resize(size_t(names.size()));
    for (int i = 0; i < names.size(); ++i) {
        SimNode &n = m_nodes[size_t(i)];
        n.name = names.at(i);
        n.prefix = QStringLiteral("nodes.") + subjects::sanitizeToken(n.name) + QLatin1Char('.');
        // One subscription per node, as each worker has (nodes.<name>.>): requests to a name nobody
        // serves still end in "no responders".
        const SubscriptionId id = m_bus->subscribe(n.prefix + QLatin1Char('>'), this,
                                                   [this, i](const BusMessage &m) { onMessage(i, m); });
        if (!id)
            return Status::failure(QStringLiteral("cannot subscribe %1>").arg(n.prefix));
    }
    return okStatus();
}

void SimCore::startRegistrations()
{
    for (int i = 0; i < int(m_nodes.size()); ++i)
        queueRegistration(i);
}

void SimCore::queueRegistration(int node)
{
    SimNode &n = m_nodes[size_t(node)];
    if (n.registering)
        return;
    n.registering = true;
    n.backoffS = kBackoffInitialS;
    m_registerQueue.append(node);
    pumpRegistrations();
}

void SimCore::pumpRegistrations()
{
    const int limit = qMax(1, m_options.registerConcurrency);
    while (m_registerInFlight < limit && !m_registerQueue.isEmpty()) {
        const int node = m_registerQueue.takeFirst();
        const SimNode &n = m_nodes[size_t(node)];
        wire::RegisterRequest req;
        req.name = n.name;
        req.labels = QJsonObject{{QStringLiteral("fleetdeck.sim"), QStringLiteral("true")}};
        req.resources = resources();
        req.workerVersion = m_options.workerVersion;
        req.token = m_options.registrationToken;
        ++m_registerInFlight;
        m_bus->request(subjects::nodesRegister(), wire::encode(req), kRegisterTimeoutMs, this,
                       [this, node](const RequestResult &r) { onRegisterResult(node, r); });
    }
}

void SimCore::onRegisterResult(int node, const RequestResult &r)
{
    if (m_stopping)
        return;
    --m_registerInFlight;
    SimNode &n = m_nodes[size_t(node)];
    if (r.outcome != RequestOutcome::Reply) {
        retryRegistration(node, r.outcome == RequestOutcome::NoResponders ? QStringLiteral("no responders")
                                : r.outcome == RequestOutcome::Timeout   ? QStringLiteral("timeout")
                                                                         : r.error);
    } else if (const auto reply = wire::decodeRegisterReply(r.data); !reply) {
        retryRegistration(node, QStringLiteral("malformed reply: ") + reply.error());
    } else if (!reply->error.isEmpty()) {
        // A refusal is final for a worker (exit 2/3); here the node just stays unregistered.
        std::fprintf(stderr, "nodesim: %s: registration refused: %s\n", qPrintable(n.name), qPrintable(reply->error));
        n.registering = false;
    } else {
        n.registering = false;
        n.nodeId = reply->id;
        n.heartbeatIntervalS = m_options.heartbeatIntervalS > 0 ? m_options.heartbeatIntervalS
                                                                : qMax(1, reply->heartbeatIntervalS);
        m_shared->counters.registrations.fetch_add(1);
        if (!n.everRegistered) {
            n.everRegistered = true;
            m_shared->counters.registered.fetch_add(1);
        }
        scheduleHeartbeat(node, m_options.spreadHeartbeats ? qint64(n.heartbeatIntervalS) * 1000 * node / qint64(m_nodes.size()) : 0);
    }
    pumpRegistrations();
}

void SimCore::retryRegistration(int node, const QString &why)
{
    SimNode &n = m_nodes[size_t(node)];
    const int delayS = n.backoffS;
    n.backoffS = qMin(n.backoffS * 2, kBackoffCapS);
    std::fprintf(stderr, "nodesim: %s: registration failed (%s); retrying in %d s\n", qPrintable(n.name), qPrintable(why),
                 delayS);
    SystemClock::instance()->callAfter(qint64(delayS) * 1000, this, [this, node]() {
        m_registerQueue.append(node);
        pumpRegistrations();
    });
}

// Like WorkerAgent: one interval (+ extraMs) after registration, then every interval.
void SimCore::scheduleHeartbeat(int node, qint64 extraMs)
{
    SimNode &n = m_nodes[size_t(node)];
    SystemClock::instance()->cancel(n.heartbeatTimer);
    n.heartbeatTimer = SystemClock::instance()->callAfter(qint64(n.heartbeatIntervalS) * 1000 + extraMs, this, [this, node]() {
        m_nodes[size_t(node)].heartbeatTimer = 0;
        sendHeartbeat(node);
        scheduleHeartbeat(node);
    });
}

void SimCore::sendHeartbeat(int node)
{
    const SimNode &n = m_nodes[size_t(node)];
    if (n.nodeId.isEmpty() || m_bus->connectionState() != ConnectionState::Connected)
        return; // skipped while disconnected, like a worker (docs/nodes.md#heartbeats)
    wire::Heartbeat hb;
    hb.nodeId = n.nodeId;
    hb.name = n.name;
    hb.state = QStringLiteral("running");
    hb.sentAt = SystemClock::instance()->nowMs();
    hb.resources = resources();
    hb.workerVersion = m_options.workerVersion;
    if (m_bus->publish(subjects::nodeHeartbeat(n.name), wire::encode(hb)))
        m_shared->counters.heartbeatsSent.fetch_add(1);
}

QJsonObject SimCore::resources() const
{
    return QJsonObject{{QStringLiteral("gpu_vendor"), QStringLiteral("cpu")}, {QStringLiteral("gpus"), 0},
                       {QStringLiteral("total_vram"), 0},                   {QStringLiteral("available_vram"), 0},
                       {QStringLiteral("total_ram"), qint64(64) << 30},     {QStringLiteral("available_ram"), qint64(48) << 30},
                       {QStringLiteral("cpu_cores"), 16},                   {QStringLiteral("disk_free"), qint64(500) << 30}};
}

// ---- NodeSimulator: the thread-safe facade ----

struct NodeSimulator::Private {
    SimShared shared;
    QThread thread;
    QObject anchor; // lives on the simulator thread: the target of invokeMethod
    SimCore *core = nullptr;
    int nodes = 0;
    bool started = false;
};

NodeSimulator::NodeSimulator() : d(std::make_unique<Private>())
{
    d->thread.setObjectName(QStringLiteral("nodesim"));
    d->anchor.moveToThread(&d->thread);
}

NodeSimulator::~NodeSimulator()
{
    stop();
}

Status NodeSimulator::start(const QString &natsUrl, const QStringList &nodeNames, const Options &options)
{
    if (d->started)
        return Status::failure(QStringLiteral("the node simulator was started already"));
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"));
    QSet<QString> seen;
    for (const QString &name : nodeNames) {
        if (!valid.match(name).hasMatch())
            return Status::failure(QStringLiteral("invalid node name \"%1\"").arg(name));
        if (seen.contains(name.toLower()))
            return Status::failure(QStringLiteral("duplicate node name \"%1\"").arg(name));
        seen.insert(name.toLower());
    }
    d->started = true;
    d->nodes = int(nodeNames.size());
    d->shared.keepStamps = options.keepStamps;
    d->shared.counters.downloadMs.store(options.downloadMs);
    d->shared.counters.tickMs.store(options.tickIntervalMs);
    d->thread.start();

    struct Flush {
        QSemaphore done;
        bool ok = false;
        QString error;
    };
    auto flush = std::make_shared<Flush>();
    Status st = okStatus();
    QMetaObject::invokeMethod(&d->anchor, [&]() {
        d->core = new SimCore(&d->shared, options);
        st = d->core->connectAndSubscribe(natsUrl, nodeNames);
        if (!st) {
            delete d->core;
            d->core = nullptr;
            return;
        }
        // Handlers run on d->core's thread, so this flush confirms every subscription above.
        d->core->bus()->flush(kFlushTimeoutMs, d->core, [flush](bool ok, const QString &error) {
            flush->ok = ok;
            flush->error = error;
            flush->done.release();
        });
    }, Qt::BlockingQueuedConnection);
    if (!st) {
        stop();
        return st;
    }
    if (!flush->done.tryAcquire(1, int(kFlushTimeoutMs) + 2000) || !flush->ok) {
        stop();
        return Status::failure(QStringLiteral("subscriptions not confirmed: ") + flush->error);
    }
    QMetaObject::invokeMethod(&d->anchor, [core = d->core]() { core->startRegistrations(); }, Qt::QueuedConnection);
    return okStatus();
}

void NodeSimulator::stop()
{
    if (!d->thread.isRunning())
        return;
    QMetaObject::invokeMethod(&d->anchor, [this]() {
        delete d->core;
        d->core = nullptr;
    }, Qt::BlockingQueuedConnection);
    d->thread.quit();
    d->thread.wait();
}

bool NodeSimulator::waitRegistered(qint64 timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (registeredCount() < d->nodes) {
        if (t.elapsed() >= timeoutMs)
            return false;
        QThread::msleep(10);
    }
    return true;
}

int NodeSimulator::registeredCount() const
{
    return d->shared.counters.registered.load();
}

int NodeSimulator::nodeCount() const
{
    return d->nodes;
}

void NodeSimulator::setDownloadMs(qint64 ms)
{
    d->shared.counters.downloadMs.store(ms);
}

void NodeSimulator::setTickIntervalMs(qint64 ms)
{
    d->shared.counters.tickMs.store(ms);
}

NodeSimulator::Counters NodeSimulator::counters() const
{
    const SimCounters &c = d->shared.counters;
    Counters out;
    out.requestsAnswered = c.requestsAnswered.load();
    out.installsAnswered = c.installsAnswered.load();
    out.deletesAnswered = c.deletesAnswered.load();
    out.listsAnswered = c.listsAnswered.load();
    out.cancelsAnswered = c.cancelsAnswered.load();
    out.progressPublished = c.progressPublished.load();
    out.heartbeatsSent = c.heartbeatsSent.load();
    out.registrations = c.registrations.load();
    out.openInstalls = c.openInstalls.load();
    out.installBusyUs = c.installBusyUs.load();
    return out;
}

void NodeSimulator::setProgressHook(ProgressHook hook)
{
    QMutexLocker lock(&d->shared.mutex);
    d->shared.hook = hook ? std::make_shared<const ProgressHook>(std::move(hook)) : nullptr;
}

ProgressStamp NodeSimulator::lastStamp(const QString &opId, const QString &node) const
{
    QMutexLocker lock(&d->shared.mutex);
    return d->shared.stamps.value(stampKey(opId, node));
}

QList<ProgressStamp> NodeSimulator::takeStamps()
{
    QMutexLocker lock(&d->shared.mutex);
    QList<ProgressStamp> out = d->shared.stamps.values();
    d->shared.stamps.clear();
    return out;
}

QList<qint64> NodeSimulator::takeSlotGapsUs()
{
    QMutexLocker lock(&d->shared.mutex);
    return std::exchange(d->shared.slotGapsUs, {});
}

QString nodeSimStampKey(const QString &opId, const QString &node)
{
    return stampKey(opId, node);
}

} // namespace fleetdeck::bench
