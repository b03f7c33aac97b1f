#pragma once
// Per-replica map cache_key → op_id of the ops "being processed"
// (docs/operations.md#opcache-and-eviction, exact). list() is the only place where successes are
// evicted. Safe to call from any thread: the mutex guards the map, status reads go through the
// thread-safe StatusMap, publishing is thread-safe, and nothing is published while the mutex is
// held. list() keeps its last listing while neither the keys, the list facts of the status map
// (StatusMap::listGeneration) nor the clock's passing of a failure's expiry changed it: a read
// between changes is a copy of an implicitly shared list (tests/bench/bench_opcache.cpp).
#include "core/op_types.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QSet>
#include <QString>
#include <atomic>
#include <optional>

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

    void setRetentionMs(qint64 ms);

private:
    // The keys and op ids, and the key generation they were copied at.
    QList<QPair<QString, QString>> copyPairs(quint64 *keysGeneration) const;

    struct Listing {
        quint64 keysGeneration = 0, factsGeneration = 0;
        qint64 validUntilMs = 0; // the first expiry of a listed failure
        QList<OpCacheEntry> entries;
    };

    const StatusMap *m_statusMap;
    Bus *m_bus;
    const Clock *m_clock;
    std::atomic<qint64> m_retentionMs{7LL * 24 * 3600 * 1000};
    mutable QMutex m_mutex;
    QHash<QString, QString> m_keyToOp;
    QHash<QString, QSet<QString>> m_keysOfOp; // the reverse of m_keyToOp: a progress event asks containsOp
                                              // (was a scan of every key: 5,000 string compares a tick)
    quint64 m_keysGeneration = 0; // bumped by every change of m_keyToOp and of the retention
    std::optional<Listing> m_listing;
};

} // namespace fleetdeck
