#include "ops/status_map.h"

namespace fleetdeck {

ListFacts ListFacts::of(const Operation &op)
{
    return ListFacts{op.state, op.state == OpState::Success && op.progress == 100 && op.message == QLatin1String("completed"),
                     op.finishedAt};
}

void StatusMap::noteFacts(const std::optional<ListFacts> &before, const Operation *after)
{
    const std::optional<ListFacts> now = after ? std::optional<ListFacts>(ListFacts::of(*after)) : std::nullopt;
    if (now != before)
        m_listGeneration.fetch_add(1, std::memory_order_release);
}

QList<std::optional<ListFacts>> StatusMap::listFacts(const QList<QString> &opIds) const
{
    QList<std::optional<ListFacts>> facts;
    facts.reserve(opIds.size());
    std::shared_lock lock(m_lock);
    for (const QString &id : opIds) {
        auto it = m_ops.constFind(id);
        facts.append(it == m_ops.constEnd() ? std::nullopt : std::optional<ListFacts>(ListFacts::of(*it)));
    }
    return facts;
}

std::optional<Operation> StatusMap::get(const QString &opId) const
{
    std::shared_lock lock(m_lock);
    auto it = m_ops.constFind(opId);
    if (it == m_ops.constEnd())
        return std::nullopt;
    return *it;
}

void StatusMap::bump(const QString &opId)
{
    const quint64 version = ++m_lastVersion;
    const auto it = m_versions.find(opId);
    if (it == m_versions.end()) {
        m_versions.insert(opId, version);
        m_byVersion.emplace(version, opId);
        return;
    }
    // The op's entry moves to its new version without a new allocation (one write per event).
    auto node = m_byVersion.extract(*it);
    *it = version;
    if (node.empty()) {
        m_byVersion.emplace(version, opId);
        return;
    }
    node.key() = version;
    m_byVersion.insert(std::move(node));
}

void StatusMap::dropVersion(const QString &opId)
{
    const auto it = m_versions.find(opId);
    if (it == m_versions.end())
        return;
    m_byVersion.erase(*it);
    m_versions.erase(it);
}

QList<StatusMap::Change> StatusMap::readSince(quint64 after, quint64 *latest) const
{
    QList<Change> out;
    std::shared_lock lock(m_lock);
    *latest = m_lastVersion;
    for (auto it = m_byVersion.upper_bound(after); it != m_byVersion.end(); ++it)
        if (const auto op = m_ops.constFind(it->second); op != m_ops.constEnd())
            out.append(Change{it->first, *op});
    return out;
}

QList<StatusMap::Read> StatusMap::readChanged(const QList<QString> &opIds, const QHash<QString, quint64> &known,
                                              quint64 *latest) const
{
    QList<Read> out;
    out.reserve(opIds.size());
    std::shared_lock lock(m_lock);
    if (latest)
        *latest = m_lastVersion;
    for (const QString &id : opIds) {
        Read r;
        r.version = m_versions.value(id, 0);
        if (r.version != 0 && known.value(id, 0) != r.version)
            r.op = m_ops.value(id);
        out.append(std::move(r));
    }
    return out;
}

bool StatusMap::contains(const QString &opId) const
{
    std::shared_lock lock(m_lock);
    return m_ops.contains(opId);
}

namespace {
std::optional<ListFacts> factsAt(const QHash<QString, Operation> &ops, const QString &opId)
{
    auto it = ops.constFind(opId);
    return it == ops.constEnd() ? std::nullopt : std::optional<ListFacts>(ListFacts::of(*it));
}
} // namespace

void StatusMap::put(const Operation &op)
{
    std::unique_lock lock(m_lock);
    const std::optional<ListFacts> before = factsAt(m_ops, op.id);
    noteFacts(before, &*m_ops.insert(op.id, op));
    bump(op.id);
}

void StatusMap::remove(const QString &opId)
{
    std::unique_lock lock(m_lock);
    dropVersion(opId);
    if (m_ops.remove(opId))
        m_listGeneration.fetch_add(1, std::memory_order_release);
}

void StatusMap::retire(const QString &opId, qint64 nowMs)
{
    std::unique_lock lock(m_lock);
    dropVersion(opId);
    if (m_ops.remove(opId))
        m_listGeneration.fetch_add(1, std::memory_order_release);
    m_retired.insert(opId, nowMs);
}

bool StatusMap::isRetired(const QString &opId) const
{
    std::shared_lock lock(m_lock);
    return m_retired.contains(opId);
}

void StatusMap::forgetRetiredBefore(qint64 cutoffMs)
{
    std::unique_lock lock(m_lock);
    for (auto it = m_retired.begin(); it != m_retired.end();)
        it = it.value() < cutoffMs ? m_retired.erase(it) : std::next(it);
}

QList<Operation> StatusMap::snapshot() const
{
    std::shared_lock lock(m_lock);
    return m_ops.values();
}

int StatusMap::size() const
{
    std::shared_lock lock(m_lock);
    return static_cast<int>(m_ops.size());
}

StatusMap::Applied StatusMap::applyIncoming(const Operation &incoming)
{
    std::unique_lock lock(m_lock);
    auto it = m_ops.find(incoming.id);
    if (it == m_ops.end()) {
        if (m_retired.contains(incoming.id))
            return Applied::Ignored; // ended and dropped here: a late broadcast of it
        noteFacts(std::nullopt, &*m_ops.insert(incoming.id, incoming));
        bump(incoming.id);
        return Applied::Created;
    }
    const ListFacts before = ListFacts::of(*it);
    if (it->processed()) {
        if (!incoming.processed())
            return Applied::Ignored;
        const QList<NodeProgress> before = it->nodes;
        it->mergeNodes(incoming.nodes);
        if (it->nodes == before)
            return Applied::Ignored;
        bump(incoming.id);
        return Applied::Merged;
    }
    if (incoming.processed()) {
        Operation replaced = incoming;
        // A terminal broadcast carries every node entry; keep local rows it does not mention.
        QList<NodeProgress> merged = it->nodes;
        Operation tmp;
        tmp.nodes = merged;
        tmp.mergeNodes(incoming.nodes);
        replaced.nodes = tmp.nodes;
        replaced.cacheKey = it->cacheKey.isEmpty() ? incoming.cacheKey : it->cacheKey;
        replaced.params = it->params;
        replaced.dismissedAt = it->dismissedAt;
        *it = replaced;
        noteFacts(before, &*it);
        bump(incoming.id);
        return Applied::Replaced;
    }
    if (incoming.revision < it->revision)
        return Applied::Ignored; // an older snapshot (a late broadcast): newer state wins
    const QList<NodeProgress> nodes = it->nodes;
    const QJsonObject params = it->params;
    const QString cacheKey = it->cacheKey;
    *it = incoming;
    it->nodes = nodes;
    it->params = params;
    if (!cacheKey.isEmpty())
        it->cacheKey = cacheKey;
    it->mergeNodes(incoming.nodes);
    noteFacts(before, &*it);
    bump(incoming.id);
    return Applied::Merged;
}

bool StatusMap::markCancelled(const QString &opId, qint64 nowMs)
{
    std::unique_lock lock(m_lock);
    auto it = m_ops.find(opId);
    if (it == m_ops.end() || it->processed())
        return false;
    const ListFacts before = ListFacts::of(*it);
    it->state = OpState::Cancelled;
    it->cancellable = false;
    it->setMessage(Reason::make("cancelled"));
    it->finishedAt = nowMs;
    it->updatedAt = nowMs;
    noteFacts(before, &*it);
    bump(opId);
    return true;
}

void StatusMap::reset(const QList<Operation> &ops)
{
    std::unique_lock lock(m_lock);
    m_ops.clear();
    m_versions.clear();
    m_byVersion.clear();
    for (const Operation &op : ops) {
        m_ops.insert(op.id, op);
        bump(op.id);
    }
    m_listGeneration.fetch_add(1, std::memory_order_release);
}

} // namespace fleetdeck
