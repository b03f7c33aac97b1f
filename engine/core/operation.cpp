#include "core/operation.h"

#include <QHash>

#include <algorithm>

namespace fleetdeck {

void NodeProgress::setMessage(const Reason &r)
{
    message = englishText(r);
    messageCode = withCode(r);
}

void NodeProgress::setError(const Reason &r)
{
    setMessage(r);
    error = message;
    errorCode = messageCode;
}

void NodeProgress::clearError()
{
    error.reset();
    errorCode = {};
}

void Operation::setMessage(const Reason &r)
{
    message = englishText(r);
    messageCode = withCode(r);
}

void Operation::setFailed(const Reason &e)
{
    setError(e);
    setMessage(failedMessage(e));
}

Reason failedMessage(const Reason &error)
{
    return Reason::make("op_error", {{"error", reasonToJson(error)}});
}

void Operation::setError(const std::optional<Reason> &e)
{
    if (e) {
        error = englishText(*e);
        errorCode = withCode(*e);
    } else {
        error.reset();
        errorCode = {};
    }
}

void Operation::mergeNodes(const QList<NodeProgress> &incoming)
{
    // By node id through an index once there are several rows to merge (a reconcile pass merges
    // thousands of rows into ops of hundreds, docs/operations.md#reconcile-pass).
    QHash<QString, qsizetype> at;
    if (incoming.size() > 4)
        for (qsizetype i = 0; i < nodes.size(); ++i)
            at.insert(nodes[i].nodeId, i);
    for (const NodeProgress &n : incoming) {
        qsizetype i = -1;
        if (incoming.size() > 4) {
            i = at.value(n.nodeId, -1);
        } else {
            const auto it = std::find_if(nodes.cbegin(), nodes.cend(), [&](const NodeProgress &e) { return e.nodeId == n.nodeId; });
            i = it == nodes.cend() ? -1 : it - nodes.cbegin();
        }
        if (i < 0) {
            if (incoming.size() > 4)
                at.insert(n.nodeId, nodes.size());
            nodes.append(n);
        } else if (n.revision >= nodes[i].revision) { // an older row (a late broadcast, a throttled store row) changes nothing
            nodes[i] = n;
        }
    }
    // A stable sort of sorted rows changes nothing: only its cost is saved.
    const auto less = [](const NodeProgress &a, const NodeProgress &b) { return nameLess(a.nodeName, b.nodeName); };
    if (!std::is_sorted(nodes.cbegin(), nodes.cend(), less))
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
    // UTF-8 byte order is code point order. UTF-16 units follow it except that surrogates (code
    // points above U+FFFF) sort below U+E000–U+FFFF; shifting those two ranges fixes that, without
    // converting either name (sorting 1,000 node rows per progress tick converted them each time).
    auto key = [](char16_t c) { return c >= 0xE000 ? char16_t(c - 0x800) : c >= 0xD800 ? char16_t(c + 0x2000) : c; };
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t x = a.at(i).unicode(), y = b.at(i).unicode();
        if (x != y)
            return key(x) < key(y);
    }
    return a.size() < b.size();
}

} // namespace fleetdeck
