#include "ops/op_list.h"

#include "ops/op_cache.h"
#include "ops/operation_service.h"

#include <QSet>
#include <algorithm>

namespace fleetdeck {

bool isListedState(const Operation &op)
{
    return isActive(op.state) || (op.state == OpState::Failed && !op.dismissedAt);
}

bool listOrderLess(const Operation &a, const Operation &b)
{
    return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id;
}

QList<Operation> OperationService::listOps()
{
    OpsListCursor cursor;
    return listOpsDelta(cursor).ops;
}

OpsListDelta OperationService::listOpsDelta(OpsListCursor &cursor)
{
    // The list read (the OpCache's only eviction point). While it returns the listing of the
    // cursor's last read, the listed ids stand and an op's listed state can change only by a
    // write: the ops written since (StatusMap::readSince) are the whole delta. Otherwise one
    // status-map read of every listed id copies only the ops whose version moved.
    const QList<OpCacheEntry> entries = m_opCache->list();
    OpsListDelta delta;
    if (cursor.primed && entries.constData() == cursor.listing.constData() && entries.size() == cursor.listing.size()) {
        quint64 latest = 0;
        QList<StatusMap::Change> changes = m_statusMap.readSince(cursor.statusVersion, &latest);
        delta.ops.reserve(changes.size());
        for (StatusMap::Change &c : changes) {
            if (!cursor.listingIds.contains(c.op.id))
                continue;
            if (!isListedState(c.op)) {
                if (cursor.versions.remove(c.op.id))
                    delta.removed.append(c.op.id);
                continue;
            }
            cursor.versions.insert(c.op.id, c.version);
            delta.ops.append(std::move(c.op));
        }
        cursor.statusVersion = latest;
    } else {
        QList<QString> ids;
        ids.reserve(entries.size());
        QSet<QString> seen;
        seen.reserve(entries.size());
        for (const OpCacheEntry &e : entries)
            if (!seen.contains(e.opId)) {
                seen.insert(e.opId);
                ids.append(e.opId);
            }
        quint64 latest = 0;
        const QList<StatusMap::Read> reads =
            m_statusMap.readChanged(ids, cursor.primed ? cursor.versions : QHash<QString, quint64>{}, &latest);
        delta.whole = !cursor.primed;
        QHash<QString, quint64> listed;
        listed.reserve(ids.size());
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const StatusMap::Read &r = reads.at(i);
            if (r.version == 0)
                continue; // no status yet: not listed
            if (!r.op) {  // unchanged since the cursor's read, which listed it
                listed.insert(ids.at(i), r.version);
                continue;
            }
            if (!isListedState(*r.op))
                continue;
            listed.insert(ids.at(i), r.version);
            delta.ops.append(*r.op);
        }
        for (auto it = cursor.versions.constBegin(); it != cursor.versions.constEnd(); ++it)
            if (!listed.contains(it.key()))
                delta.removed.append(it.key());
        if (delta.whole)
            delta.removed.clear();
        cursor.versions = std::move(listed);
        cursor.listing = entries;
        cursor.listingIds = std::move(seen);
        cursor.statusVersion = latest;
        cursor.primed = true;
    }
    std::sort(delta.ops.begin(), delta.ops.end(), listOrderLess);
    for (Operation &op : delta.ops)
        op.sortNodesByName();
    return delta;
}

} // namespace fleetdeck
