#pragma once
// The replica's view of its two connections (docs/gui.md#connection-indicator-and-re-seed,
// docs/architecture.md#outages): flushes NATS every 10 s (2 s timeout), queries the store every 5 s
// (a failed query closes and reopens the connection, so the same tick is the "reopen every 5 s" of
// docs/architecture.md#outages), and derives the ConnectionStatus: Disconnected while the bus is
// not connected, Stale when the last good flush or store query is older than gui/stale_s, else
// Live; storeReachable is false from a failed store query to the next good one. Reports the two
// moments that call for a re-seed: NATS reconnected, store back after failures. Lives on the engine
// thread; timers read the injected clock.
#include "core/connection_status.h"

#include <QObject>

namespace fleetdeck {

class Bus;
class Clock;
class StoreThread;

class ConnectionMonitor final : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kFlushIntervalMs = 10'000;
    static constexpr qint64 kFlushTimeoutMs = 2'000;
    static constexpr qint64 kStoreIntervalMs = 5'000;

    // alwaysLive: demo mode (in-process bus, private store) shows Live whatever happens.
    ConnectionMonitor(Bus *bus, StoreThread *store, Clock *clock, bool alwaysLive, QObject *parent = nullptr);
    ~ConnectionMonitor() override;

    void setStaleMs(qint64 ms);
    void start();
    void stop();

    ConnectionStatus status() const { return m_status; }
    bool storeReachable() const { return m_storeError.isEmpty(); }
    QString storeError() const { return m_storeError; }
    bool natsConnected() const;
    qint64 lastFlushOkMs() const { return m_lastFlushOk; }
    qint64 lastStoreOkMs() const { return m_lastStoreOk; }

    // A store call elsewhere failed (e.g. a terminal write): check the store now.
    void storeFailed(const QString &error);
    // Runs the store query now (also what the 5-s timer does).
    void checkStore();

Q_SIGNALS:
    void statusChanged(const fleetdeck::ConnectionStatus &status);
    void natsReconnected();
    void storeLost(const QString &error);
    // The first good store query after failures; `reopened`: the connection is a new session.
    void storeRecovered(bool reopened);

private:
    void flush();
    void onBusState();
    void recompute();
    void scheduleFlush();
    void scheduleStore();

    Bus *m_bus;
    StoreThread *m_store;
    Clock *m_clock;
    bool m_alwaysLive;
    qint64 m_staleMs = 30'000;
    qint64 m_lastFlushOk = 0;
    qint64 m_lastStoreOk = 0;
    QString m_flushError;
    QString m_storeError;
    int m_reopens = 0;
    bool m_natsWasDown = false;
    bool m_flushing = false;
    bool m_querying = false;
    bool m_running = false;
    quint64 m_flushTimer = 0;
    quint64 m_storeTimer = 0;
    ConnectionStatus m_status;
};

} // namespace fleetdeck
