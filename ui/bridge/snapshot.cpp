#include "bridge/snapshot.h"

#include <algorithm>

namespace fleetdeck {

void ClusterSnapshot::applyOps(const OpsListDelta &d)
{
    OpsChange c;
    c.seq = opsChange.seq + 1;
    if (d.whole) {
        ops = d.ops;
        opsChange = c;
        reindexOps();
        return;
    }
    c.whole = false;
    c.joinedOrLeft = !d.removed.isEmpty();
    if (!d.removed.isEmpty()) {
        c.removed = QSet<QString>(d.removed.cbegin(), d.removed.cend());
        ops.removeIf([&](const Operation &op) { return c.removed.contains(op.id); });
    }
    // `ops` is this window's only copy (views keep none), so these writes copy nothing else.
    for (const Operation &op : d.ops) {
        c.changed.insert(op.id);
        auto at = std::lower_bound(ops.begin(), ops.end(), op, listOrderLess);
        if (at != ops.end() && at->id == op.id) {
            *at = op;
            continue;
        }
        // Joined, or its order moved (a created_at that changed): one entry per id.
        const auto old = std::find_if(ops.begin(), ops.end(), [&](const Operation &o) { return o.id == op.id; });
        if (old != ops.end())
            ops.erase(old);
        c.joinedOrLeft = true;
        ops.insert(std::lower_bound(ops.begin(), ops.end(), op, listOrderLess), op);
    }
    opsChange = std::move(c);
    if (opsChange.joinedOrLeft)
        reindexOps();
}

void ClusterSnapshot::reindexOps()
{
    m_opRow.clear();
    m_opRow.reserve(ops.size());
    for (qsizetype i = 0; i < ops.size(); ++i)
        m_opRow.insert(ops.at(i).id, i);
}

const Operation *ClusterSnapshot::findOp(const QString &opId) const
{
    const qsizetype i = m_opRow.value(opId, -1);
    return i >= 0 && i < ops.size() && ops.at(i).id == opId ? &ops.at(i) : nullptr;
}

} // namespace fleetdeck
