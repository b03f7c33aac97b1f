#include "ops/op_cache.h"

#include "bus/bus.h"
#include "bus/subjects.h"
#include "core/clock.h"
#include "ops/status_map.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <limits>

Q_LOGGING_CATEGORY(lcOpCache, "fleetdeck.engine.opcache")

namespace fleetdeck {

OpCache::OpCache(const StatusMap *statusMap, Bus *bus, const Clock *clock)
    : m_statusMap(statusMap), m_bus(bus), m_clock(clock)
{
}

void OpCache::add(const QString &cacheKey, const QString &opId)
{
    if (cacheKey.isEmpty() || opId.isEmpty())
        return;
    QMutexLocker lock(&m_mutex);
    const auto was = m_keyToOp.constFind(cacheKey);
    if (was != m_keyToOp.constEnd() && *was != opId) { // the key moves to another op
        auto keys = m_keysOfOp.find(*was);
        keys->remove(cacheKey);
        if (keys->isEmpty())
            m_keysOfOp.erase(keys);
    }
    m_keyToOp.insert(cacheKey, opId);
    m_keysOfOp[opId].insert(cacheKey);
    ++m_keysGeneration;
}

void OpCache::setRetentionMs(qint64 ms)
{
    QMutexLocker lock(&m_mutex);
    m_retentionMs.store(ms);
    ++m_keysGeneration;
}

QList<QPair<QString, QString>> OpCache::copyPairs(quint64 *keysGeneration) const
{
    QMutexLocker lock(&m_mutex);
    *keysGeneration = m_keysGeneration;
    QList<QPair<QString, QString>> pairs;
    pairs.reserve(m_keyToOp.size());
    for (auto it = m_keyToOp.constBegin(); it != m_keyToOp.constEnd(); ++it)
        pairs.append({it.key(), it.value()});
    return pairs;
}

QList<OpCacheEntry> OpCache::list()
{
    const qint64 now = m_clock->nowMs();
    // 0. The last listing while nothing it depends on changed (read before the facts it covers).
    const quint64 factsGeneration = m_statusMap->listGeneration();
    {
        QMutexLocker lock(&m_mutex);
        if (m_listing && m_listing->keysGeneration == m_keysGeneration && m_listing->factsGeneration == factsGeneration
            && now < m_listing->validUntilMs)
            return m_listing->entries;
    }
    // 1. Copy the pairs under the mutex; the live map is never iterated unlocked.
    quint64 keysGeneration = 0;
    const QList<QPair<QString, QString>> pairs = copyPairs(&keysGeneration);
    const qint64 retention = m_retentionMs.load();
    QList<QString> ids;
    ids.reserve(pairs.size());
    for (const auto &pair : pairs)
        ids.append(pair.second);
    // 2. Read the statuses through the thread-safe accessor, under one lock.
    const QList<std::optional<ListFacts>> facts = m_statusMap->listFacts(ids);
    QList<OpCacheEntry> result;
    QStringList evict;
    qint64 validUntil = std::numeric_limits<qint64>::max();
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        const auto &[key, opId] = pairs[i];
        const std::optional<ListFacts> &st = facts[i];
        if (opId.isEmpty())
            continue;
        // 3. Evict clean successes, cancellations and expired failures.
        if (st && isTerminal(st->state)
            && (st->completedCleanly || st->state == OpState::Cancelled
                || (st->state == OpState::Failed && st->finishedAt && *st->finishedAt + retention <= now))) {
            if (!evict.contains(opId))
                evict.append(opId);
            continue;
        }
        if (st && st->state == OpState::Failed && st->finishedAt)
            validUntil = std::min(validUntil, *st->finishedAt + retention);
        // 4. Include the rest (queued when no status exists yet).
        result.append(OpCacheEntry{key, opId, st ? st->state : OpState::Queued});
    }
    // 5. Apply evictions after the loop through the locked removeOp; keep a listing that evicted
    //    nothing (an eviction changes the keys: the next read lists again).
    for (const QString &opId : std::as_const(evict))
        removeOp(opId);
    if (evict.isEmpty()) {
        QMutexLocker lock(&m_mutex);
        m_listing = Listing{keysGeneration, factsGeneration, validUntil, result};
    }
    return result;
}

bool OpCache::removeOpSilently(const QString &opId)
{
    QMutexLocker lock(&m_mutex);
    const auto keys = m_keysOfOp.constFind(opId);
    if (keys == m_keysOfOp.constEnd())
        return false;
    for (const QString &key : *keys)
        m_keyToOp.remove(key);
    m_keysOfOp.erase(keys);
    ++m_keysGeneration;
    return true;
}

bool OpCache::removeOp(const QString &opId)
{
    const bool removed = removeOpSilently(opId);
    // Published after the mutex is released, and only when something was removed locally.
    if (removed && m_bus) {
        const QByteArray payload = QJsonDocument(QJsonObject{{QStringLiteral("job_id"), opId}}).toJson(QJsonDocument::Compact);
        const Status st = m_bus->publish(subjects::opcacheEnd(), payload);
        if (!st)
            qCWarning(lcOpCache) << "publishing gallery.opcache.end for" << opId << "failed:" << st.error();
    }
    return removed;
}

bool OpCache::containsOp(const QString &opId) const
{
    QMutexLocker lock(&m_mutex);
    return m_keysOfOp.contains(opId);
}

std::optional<QString> OpCache::opForKey(const QString &cacheKey) const
{
    QMutexLocker lock(&m_mutex);
    auto it = m_keyToOp.constFind(cacheKey);
    if (it == m_keyToOp.constEnd())
        return std::nullopt;
    return *it;
}

int OpCache::size() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_keyToOp.size());
}

void OpCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_keyToOp.clear();
    m_keysOfOp.clear();
    ++m_keysGeneration;
}

} // namespace fleetdeck
