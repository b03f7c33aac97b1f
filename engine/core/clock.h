#pragma once
// Injected time source and timers (docs/architecture.md#layers: every time-dependent behaviour reads an injected clock,
// so every scenario can run on simulated time). Timers scheduled here fire on the context
// object's thread; with ManualClock they fire when a test advances the clock.
#include <QtGlobal>

#include <QMutex>
#include <QPointer>
#include <atomic>
#include <functional>
#include <map>

class QObject;

namespace fleetdeck {

class Clock {
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMs() const = 0;
    // Calls fn once on ctx's thread after delayMs (never when ctx is gone). Returns a handle for cancel().
    virtual quint64 callAfter(qint64 delayMs, QObject *ctx, std::function<void()> fn) = 0;
    virtual void cancel(quint64 handle) = 0;
};

// Wall clock with QTimer-based timers.
class SystemClock final : public Clock {
public:
    qint64 nowMs() const override;
    quint64 callAfter(qint64 delayMs, QObject *ctx, std::function<void()> fn) override;
    void cancel(quint64 handle) override;
    static SystemClock *instance();

private:
    QMutex m_mutex;
    std::map<quint64, std::shared_ptr<std::atomic<bool>>> m_live;
    quint64 m_next = 1;
};

// Clock advanced by tests; safe from any thread. Due timers are posted (queued) to their
// contexts in due order when the clock advances.
class ManualClock final : public Clock {
public:
    explicit ManualClock(qint64 startMs = 1767225600000) : m_now(startMs) {}
    qint64 nowMs() const override { return m_now.load(std::memory_order_acquire); }
    quint64 callAfter(qint64 delayMs, QObject *ctx, std::function<void()> fn) override;
    void cancel(quint64 handle) override;
    void setMs(qint64 ms);
    void advanceMs(qint64 ms) { setMs(nowMs() + ms); }
    // Earliest due time of a scheduled timer, or -1.
    qint64 nextDueMs() const;
    int pendingTimers() const;

private:
    struct Entry {
        quint64 handle;
        QPointer<QObject> ctx;
        std::function<void()> fn;
    };
    std::atomic<qint64> m_now;
    mutable QMutex m_mutex;
    std::multimap<qint64, Entry> m_timers;
    quint64 m_next = 1;
};

} // namespace fleetdeck
