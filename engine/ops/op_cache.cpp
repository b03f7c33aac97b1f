#include "ops/op_cache.h"

#include "bus/bus.h"
#include "bus/subjects.h"
#include "core/clock.h"
#include "ops/status_map.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

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
    m_keyToOp.insert(cacheKey, opId);
}

QList<QPair<QString, QString>> OpCache::copyPairs() const
{
    QMutexLocker lock(&m_mutex);
    QList<QPair<QString, QString>> pairs;
    pairs.reserve(m_keyToOp.size());
    for (auto it = m_keyToOp.constBegin(); it != m_keyToOp.constEnd(); ++it)
        pairs.append({it.key(), it.value()});
    return pairs;
}

QList<OpCacheEntry> OpCache::list()
{
    // 1. Copy the pairs under the mutex; the live map is never iterated unlocked.
    const QList<QPair<QString, QString>> pairs = copyPairs();
    const qint64 expiredBefore = m_clock->nowMs() - m_retentionMs.load();
    QList<OpCacheEntry> result;
    QStringList evict;
    for (const auto &[key, opId] : pairs) {
        if (opId.isEmpty())
            continue;
        // 2. Read the status through the thread-safe accessor.
        const std::optional<Operation> st = m_statusMap->get(opId);
        // 3. Evict clean successes, cancellations and expired failures.
        if (st && st->processed()
            && ((st->progress == 100 && st->message == QLatin1String("completed")) || st->cancelled()
                || (st->state == OpState::Failed && st->finishedAt && *st->finishedAt <= expiredBefore))) {
            if (!evict.contains(opId))
                evict.append(opId);
            continue;
        }
        // 4. Include the rest (queued when no status exists yet).
        result.append(OpCacheEntry{key, opId, st ? st->state : OpState::Queued});
    }
    // 5. Apply evictions after the loop through the locked removeOp.
    for (const QString &opId : std::as_const(evict))
        removeOp(opId);
    return result;
}

bool OpCache::removeOpSilently(const QString &opId)
{
    QMutexLocker lock(&m_mutex);
    bool removed = false;
    for (auto it = m_keyToOp.begin(); it != m_keyToOp.end();) {
        if (it.value() == opId) {
            it = m_keyToOp.erase(it);
            removed = true;
        } else {
            ++it;
        }
    }
    return removed;
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
    for (auto it = m_keyToOp.constBegin(); it != m_keyToOp.constEnd(); ++it)
        if (it.value() == opId)
            return true;
    return false;
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
}

} // namespace fleetdeck
