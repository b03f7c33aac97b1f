#pragma once
// The operations list of docs/operations.md#operations-list as a reader that keeps its own copy
// reads it: whole the first time, then only what changed since its last read
// (docs/gui.md#data-flow: the GUI feed sends these deltas, so a frame with 300 ticks among 5,000
// listed ops costs 300 ops, not 5,000).
#include "core/operation.h"
#include "ops/op_cache.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

namespace fleetdeck {

// Whether a status-map op is shown by the list read: active, or failed and not dismissed.
bool isListedState(const Operation &op);
// The list's order: (created_at, id).
bool listOrderLess(const Operation &a, const Operation &b);

struct OpsListDelta {
    bool whole = false;    // `ops` is the whole list: replace what you have
    QList<Operation> ops;  // whole: the list; else the listed ops that changed or joined. List order.
    QStringList removed;   // ops that left the list since the last read
    bool isEmpty() const { return !whole && ops.isEmpty() && removed.isEmpty(); }
};

// What one reader has read: each listed op's status-map version (StatusMap::readChanged).
struct OpsListCursor {
    QHash<QString, quint64> versions;
    bool primed = false; // false: the next read is whole
    // The OpCache listing of the last read (held, so that the same listing is known by its
    // data), the ids it holds and the status map's last version then: while the listing stays
    // the same, the next read looks only at the ops written since (StatusMap::readSince).
    QList<OpCacheEntry> listing;
    QSet<QString> listingIds;
    quint64 statusVersion = 0;
    void reset()
    {
        versions.clear();
        listing.clear();
        listingIds.clear();
        statusVersion = 0;
        primed = false;
    }
};

} // namespace fleetdeck
