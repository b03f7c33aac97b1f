// Throttled non-terminal writes (docs/operations.md#store-operations): at most one write per second
// per op and per (op, node). The first value of a window is due at the next flush; later values in
// the window replace the queued one and wait until the window has passed. Windows run on the
// injected clock.
#include "store/store_impl.h"

namespace fleetdeck {
namespace {

constexpr qint64 kWindowMs = 1000; // ops/progress_write_ms

template <typename Key>
bool isDue(const QHash<Key, qint64> &writtenAt, const Key &key, qint64 nowMs)
{
    const auto it = writtenAt.constFind(key);
    return it == writtenAt.constEnd() || nowMs - *it >= kWindowMs;
}

template <typename Key>
void pruneWindows(QHash<Key, qint64> &writtenAt, qint64 nowMs)
{
    for (auto it = writtenAt.begin(); it != writtenAt.end();) {
        if (nowMs - *it >= kWindowMs)
            it = writtenAt.erase(it);
        else
            ++it;
    }
}

} // namespace

void Store::queueProgress(const OpProgressWrite &w)
{
    d->queuedOps.insert(w.opId, w);
}

void Store::queueNodeRow(const NodeProgress &row)
{
    d->queuedNodes.insert(NodeKey(row.opId, row.nodeId), row);
}

Status StoreImpl::flushQueued(const char *op, const QString *opId)
{
    const qint64 nowMs = now();
    QList<OpProgressWrite> ops;
    for (auto it = queuedOps.begin(); it != queuedOps.end();) {
        if (opId ? it.key() == *opId : isDue(opWrittenAt, it.key(), nowMs)) {
            ops << it.value();
            it = queuedOps.erase(it);
        } else {
            ++it;
        }
    }
    QList<NodeProgress> rows;
    for (auto it = queuedNodes.begin(); it != queuedNodes.end();) {
        if (opId ? it.key().first == *opId : isDue(nodeWrittenAt, it.key(), nowMs)) {
            rows << it.value();
            it = queuedNodes.erase(it);
        } else {
            ++it;
        }
    }
    if (!opId) {
        pruneWindows(opWrittenAt, nowMs);
        pruneWindows(nodeWrittenAt, nowMs);
    }
    if (ops.isEmpty() && rows.isEmpty())
        return okStatus();

    // Values taken out above are dropped when the batch fails (docs/architecture.md#outages: failed
    // non-terminal writes are dropped; the next tick carries newer values).
    Transaction tx(*this, op);
    if (Status s = tx.begin(); !s)
        return s;
    for (const OpProgressWrite &w : ops) {
        if (const auto r = writeProgress(op, w, nowMs); !r)
            return Status::failure(r.error());
    }
    for (const NodeProgress &row : rows) {
        if (const auto r = writeNodeRow(op, row, false, nowMs); !r)
            return Status::failure(r.error());
    }
    if (Status s = tx.commit(); !s)
        return s;
    for (const OpProgressWrite &w : ops)
        opWrittenAt.insert(w.opId, nowMs);
    for (const NodeProgress &row : rows)
        nodeWrittenAt.insert(NodeKey(row.opId, row.nodeId), nowMs);
    return okStatus();
}

Status Store::flushProgress()
{
    return d->flushQueued("flushProgress", nullptr);
}

Status Store::flushProgress(const QString &opId)
{
    return d->flushQueued("flushProgress", &opId);
}

} // namespace fleetdeck
