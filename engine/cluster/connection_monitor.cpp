#include "cluster/connection_monitor.h"

#include "bus/bus.h"
#include "core/clock.h"
#include "store/store_thread.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcConnection, "fleetdeck.engine.connection")

namespace fleetdeck {

namespace {
struct StoreCheck {
    QString error;
    int reopens = 0;
};
} // namespace

ConnectionMonitor::ConnectionMonitor(Bus *bus, StoreThread *store, Clock *clock, bool alwaysLive, QObject *parent)
    : QObject(parent), m_bus(bus), m_store(store), m_clock(clock), m_alwaysLive(alwaysLive)
{
}

ConnectionMonitor::~ConnectionMonitor()
{
    stop();
}

void ConnectionMonitor::setStaleMs(qint64 ms)
{
    m_staleMs = qMax<qint64>(1000, ms);
    recompute();
}

bool ConnectionMonitor::natsConnected() const
{
    return m_bus->connectionState() == ConnectionState::Connected;
}

void ConnectionMonitor::start()
{
    if (m_running)
        return;
    m_running = true;
    // Start-up has just queried the store and the bus (cluster check): both count as good.
    m_lastFlushOk = m_lastStoreOk = m_clock->nowMs();
    m_natsWasDown = !natsConnected();
    connect(m_bus, &Bus::connectionStateChanged, this, &ConnectionMonitor::onBusState);
    scheduleFlush();
    scheduleStore();
    recompute();
}

void ConnectionMonitor::stop()
{
    if (!m_running)
        return;
    m_running = false;
    disconnect(m_bus, nullptr, this, nullptr);
    m_clock->cancel(m_flushTimer);
    m_clock->cancel(m_storeTimer);
}

void ConnectionMonitor::scheduleFlush()
{
    m_flushTimer = m_clock->callAfter(kFlushIntervalMs, this, [this]() {
        if (!m_running)
            return;
        flush();
        scheduleFlush();
    });
}

void ConnectionMonitor::scheduleStore()
{
    m_storeTimer = m_clock->callAfter(kStoreIntervalMs, this, [this]() {
        if (!m_running)
            return;
        checkStore();
        scheduleStore();
    });
}

void ConnectionMonitor::flush()
{
    if (m_flushing || !natsConnected()) {
        recompute();
        return;
    }
    m_flushing = true;
    m_bus->flush(kFlushTimeoutMs, this, [this](bool ok, const QString &error) {
        m_flushing = false;
        if (ok) {
            m_lastFlushOk = m_clock->nowMs();
            m_flushError.clear();
        } else {
            m_flushError = error;
            qCInfo(lcConnection).noquote() << "NATS flush failed:" << error;
        }
        recompute();
    });
}

void ConnectionMonitor::checkStore()
{
    if (m_querying || !m_store->isRunning())
        return;
    m_querying = true;
    m_store
        ->call([](Store &s) {
            StoreCheck c;
            if (Status st = s.ping(); !st)
                c.error = st.error();
            c.reopens = s.reopenCount();
            return c;
        })
        .then(this, [this](const StoreCheck &c) {
            m_querying = false;
            if (!m_running)
                return;
            const bool wasDown = !m_storeError.isEmpty();
            const bool reopened = c.reopens != m_reopens;
            m_reopens = c.reopens;
            if (!c.error.isEmpty()) {
                m_storeError = c.error;
                if (!wasDown) {
                    qCWarning(lcConnection).noquote() << "store unreachable:" << c.error;
                    recompute();
                    Q_EMIT storeLost(c.error);
                    return;
                }
                recompute();
                return;
            }
            m_lastStoreOk = m_clock->nowMs();
            m_storeError.clear();
            recompute();
            if (wasDown || reopened) {
                qCInfo(lcConnection) << "store reachable again" << (reopened ? "(new session)" : "");
                Q_EMIT storeRecovered(reopened);
            }
        });
}

void ConnectionMonitor::storeFailed(const QString &error)
{
    qCDebug(lcConnection).noquote() << "store call failed:" << error;
    checkStore();
}

void ConnectionMonitor::onBusState()
{
    if (!m_running)
        return;
    const bool up = natsConnected();
    if (!up) {
        m_natsWasDown = true;
        recompute();
        return;
    }
    m_lastFlushOk = m_clock->nowMs(); // the reconnect itself was a round-trip
    m_flushError.clear();
    recompute();
    if (std::exchange(m_natsWasDown, false)) {
        qCInfo(lcConnection).noquote() << "NATS" << m_bus->url() << "reconnected";
        Q_EMIT natsReconnected();
    }
}

void ConnectionMonitor::recompute()
{
    ConnectionStatus s;
    s.storeReachable = m_storeError.isEmpty();
    if (!s.storeReachable)
        s.setReason(Reason::make("store_unreachable", {{"detail", m_storeError}}));
    if (!m_alwaysLive) {
        const qint64 now = m_clock->nowMs();
        const bool flushOld = now - m_lastFlushOk > m_staleMs;
        const bool storeOld = now - m_lastStoreOk > m_staleMs;
        if (!natsConnected()) {
            s.state = ConnectionStatus::State::Disconnected;
            s.setReason(Reason::make("nats_unreachable", {{"url", m_bus->url()}}));
        } else if (flushOld || storeOld) {
            s.state = ConnectionStatus::State::Stale;
            if (storeOld && flushOld)
                s.staleSinceMs = qMin(m_lastFlushOk, m_lastStoreOk);
            else
                s.staleSinceMs = storeOld ? m_lastStoreOk : m_lastFlushOk;
            if (!storeOld)
                s.setReason(m_flushError.isEmpty()                              ? Reason::make("no_nats_round_trip")
                            : m_flushError.contains(QLatin1String("flush failed")) ? Reason::plain(m_flushError) // "NATS <url>: flush failed: timeout"
                                                                                   : Reason::make("nats_flush_failed", {{"detail", m_flushError}}));
            else if (s.storeReachable)
                s.setReason(Reason::make("no_store_query"));
        }
    } else {
        s.storeReachable = true;
        s.setReason(Reason{});
    }
    if (s == m_status)
        return;
    m_status = s;
    Q_EMIT statusChanged(s);
}

} // namespace fleetdeck
