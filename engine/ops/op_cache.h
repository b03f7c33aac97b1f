#pragma once
// Per-replica map cache_key → op_id of the ops "being processed"
// (docs/operations.md#opcache-and-eviction, exact). list() is the only place where successes are
// evicted. Safe to call from any thread: the mutex guards the map, status reads go through the
// thread-safe StatusMap, publishing is thread-safe, and nothing is published while the mutex is
// held.
#include "core/op_types.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <atomic>

namespace fleetdeck {

class Bus;
class Clock;
class StatusMap;

struct OpCacheEntry {
    QString cacheKey;
    QString opId;
    OpState state = OpState::Queued;
};

class OpCache final {
public:
    OpCache(const StatusMap *statusMap, Bus *bus, const Clock *clock);

    // Adds key → op (local admission, peer start, hydration). Ignored when either is empty.
    void add(const QString &cacheKey, const QString &opId);
    // The list read of docs/operations.md#opcache-and-eviction (evicts clean successes,
    // cancellations and expired failures).
    QList<OpCacheEntry> list();
    // Removes every key mapping to opId; publishes gallery.opcache.end only when something was
    // removed locally. Returns whether something was removed.
    bool removeOp(const QString &opId);
    // Removes every key of opId without publishing (peer `end`).
    bool removeOpSilently(const QString &opId);
    bool containsOp(const QString &opId) const;
    std::optional<QString> opForKey(const QString &cacheKey) const;
    int size() const;
    void clear();

    void setRetentionMs(qint64 ms) { m_retentionMs.store(ms); }

private:
    QList<QPair<QString, QString>> copyPairs() const;

    const StatusMap *m_statusMap;
    Bus *m_bus;
    const Clock *m_clock;
    std::atomic<qint64> m_retentionMs{7LL * 24 * 3600 * 1000};
    mutable QMutex m_mutex;
    QHash<QString, QString> m_keyToOp;
};

} // namespace fleetdeck
