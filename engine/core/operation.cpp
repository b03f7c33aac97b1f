#include "core/operation.h"

#include <algorithm>

namespace fleetdeck {

void Operation::mergeNodes(const QList<NodeProgress> &incoming)
{
    for (const NodeProgress &n : incoming) {
        auto it = std::find_if(nodes.begin(), nodes.end(), [&](const NodeProgress &e) { return e.nodeId == n.nodeId; });
        if (it == nodes.end())
            nodes.append(n);
        else if (n.revision >= it->revision)
            *it = n; // an older row (a late broadcast, a throttled store row) changes nothing
    }
    sortNodesByName();
}

void Operation::sortNodesByName()
{
    std::stable_sort(nodes.begin(), nodes.end(),
                     [](const NodeProgress &a, const NodeProgress &b) { return nameLess(a.nodeName, b.nodeName); });
}

QString makeCacheKey(const QString &backend, const std::optional<QString> &targetNodeId)
{
    if (targetNodeId && !targetNodeId->isEmpty())
        return QStringLiteral("node:") + *targetNodeId + QLatin1Char(':') + backend;
    return backend;
}

std::optional<ScopedKey> parseScopedCacheKey(const QString &key)
{
    static const QString prefix = QStringLiteral("node:");
    if (!key.startsWith(prefix))
        return std::nullopt;
    const qsizetype colon = key.indexOf(QLatin1Char(':'), prefix.size());
    if (colon < 0)
        return std::nullopt;
    ScopedKey k{key.mid(prefix.size(), colon - prefix.size()), key.mid(colon + 1)};
    if (k.nodeId.isEmpty() || k.backend.isEmpty())
        return std::nullopt;
    return k;
}

bool nameLess(const QString &a, const QString &b)
{
    return a.toUtf8() < b.toUtf8();
}

} // namespace fleetdeck
