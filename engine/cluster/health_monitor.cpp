#include "cluster/health_monitor.h"

#include "bus/bus.h"
#include "bus/subjects.h"
#include "cluster/node_registry.h"
#include "cluster/node_transitions.h"
#include "cluster/worker_client.h"
#include "core/clock.h"
#include "store/store_thread.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcNodes)

namespace fleetdeck {
namespace {

struct Snapshot {
    bool locked = false; // the pass may run (lock taken, or no locks in demo mode)
    QList<Node> nodes;
};

} // namespace

HealthMonitor::HealthMonitor(StoreThread *store, Bus *bus, Clock *clock, NodeRegistry *registry, Locking locking,
                             QObject *parent)
    : QObject(parent), m_store(store), m_bus(bus), m_clock(clock), m_registry(registry), m_locking(locking),
      m_client(std::make_unique<WorkerClient>(bus))
{
    setSettings(m_settings);
}

HealthMonitor::~HealthMonitor()
{
    stop();
}

void HealthMonitor::setSettings(const ClusterSettings &settings)
{
    m_settings = settings;
    WorkerTimeouts t = m_client->timeouts();
    t.listMs = settings.listTimeoutMs();
    m_client->setTimeouts(t);
}

void HealthMonitor::start()
{
    if (m_running)
        return;
    m_running = true;
    scheduleNext(); // first tick one period after start (docs/nodes.md#health-monitor)
}

void HealthMonitor::stop()
{
    m_running = false;
    if (m_timer != 0) {
        m_clock->cancel(m_timer);
        m_timer = 0;
    }
}

void HealthMonitor::scheduleNext()
{
    // A changed health/tick_s takes effect from the next tick (docs/architecture.md#configuration).
    m_timer = m_clock->callAfter(m_settings.healthTickMs(), this, [this]() {
        m_timer = 0;
        if (!m_running)
            return;
        scheduleNext();
        tick();
    });
}

void HealthMonitor::tick()
{
    if (m_inPass || !m_store->isRunning()) {
        qCDebug(lcNodes) << "health pass skipped:" << (m_inPass ? "previous pass still running" : "store not running");
        ++m_skipped;
        Q_EMIT tickFinished(false, 0);
        return;
    }
    m_inPass = true;
    const bool takeLock = m_locking == Locking::PassLock;
    m_store
        ->call([takeLock](Store &s) -> Result<Snapshot> {
            Snapshot snap;
            if (takeLock) {
                auto got = s.tryPassLock(PassLock::Health);
                if (!got)
                    return Result<Snapshot>::failure(got.error());
                if (!got.value())
                    return snap; // another replica runs this tick's pass
            }
            snap.locked = true;
            auto listed = s.listNodes();
            if (!listed) {
                if (takeLock)
                    s.releasePassLock(PassLock::Health);
                return Result<Snapshot>::failure(listed.error());
            }
            snap.nodes = listed.value();
            return snap;
        })
        .then(this, [this, takeLock](Result<Snapshot> r) {
            if (!r) {
                qCWarning(lcNodes).noquote() << "health pass skipped: store unreachable:" << r.error();
                finish(false, 0, false);
                return;
            }
            if (!r->locked) {
                qCDebug(lcNodes) << "health pass skipped: lock held by another replica";
                finish(false, 0, false);
                return;
            }
            const qint64 now = m_clock->nowMs();
            const qint64 staleMs = m_settings.healthStaleMs();
            const bool probes = m_bus->connectionState() == ConnectionState::Connected; // docs/architecture.md#outages
            nodes::EventInput in;
            in.event = nodes::NodeEvent::MonitorTick;
            in.staleMs = staleMs;
            in.offlineSuppressed = now < m_suppressUntilMs;
            auto pending = std::make_shared<int>(1); // 1 = this loop
            auto changed = std::make_shared<int>(0);
            auto done = [this, pending, changed, takeLock]() {
                if (--*pending == 0)
                    finish(true, *changed, takeLock);
            };
            for (const Node &node : std::as_const(r->nodes)) {
                const qint64 age = now - node.lastHeartbeat;
                nodes::EventInput mine = in;
                mine.heartbeatAgeMs = age;
                if (nodes::apply(node, mine).changed) {
                    ++*pending;
                    // The registry re-reads the row and applies the rule again: a heartbeat
                    // that arrived since the list read wins.
                    m_registry->applyEvent(node.id, in).then(this, [changed, done](Result<NodeChange> c) {
                        if (c && c->changed)
                            ++*changed;
                        else if (!c)
                            qCWarning(lcNodes).noquote() << "health transition not recorded:" << c.error();
                        done();
                    });
                }
                if (probes && nodes::wantsProbe(node, age, staleMs))
                    probe(node.id, node.name);
            }
            done();
        });
}

void HealthMonitor::finish(bool ran, int changed, bool release)
{
    if (release && m_store->isRunning())
        m_store->call([](Store &s) {
            if (Status st = s.releasePassLock(PassLock::Health); !st)
                qCWarning(lcNodes).noquote() << "health lock not released:" << st.error();
        });
    m_inPass = false;
    if (ran)
        ++m_passes;
    else
        ++m_skipped;
    Q_EMIT tickFinished(ran, changed);
}

void HealthMonitor::probe(const QString &id, const QString &name)
{
    if (m_probing.contains(id))
        return; // at most one in flight per node
    m_probing.insert(id);
    m_client->list(NodeAddress{id, name}, [this, id, name](const ListOutcome &o) {
        m_probing.remove(id);
        if (o.transport == RequestOutcome::Reply)
            m_registry->answered(id);
        else if (o.transport == RequestOutcome::NoResponders)
            m_registry->noResponders(id, subjects::nodeCommand(name, "list"));
        else
            qCDebug(lcNodes).noquote() << "probe of node" << name << "got no answer:" << englishText(describeOutcome(o, name));
    });
}

} // namespace fleetdeck
