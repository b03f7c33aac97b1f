#include "models/settle_watcher.h"

namespace fleetdeck::ui {

SettleWatcher::Verdict SettleWatcher::feed(const QList<Operation> &ops)
{
    QSet<QString> active;
    QHash<QString, OpState> states;
    states.reserve(ops.size());
    bool terminal = false;
    for (const Operation &op : ops) {
        states.insert(op.id, op.state);
        if (isActive(op.state)) {
            active.insert(op.id);
            continue;
        }
        // Turned terminal while listed (a failed op stays in the list until dismissed), or appeared
        // already terminal (admitted and failed between two list reads).
        const auto before = m_states.constFind(op.id);
        if (before == m_states.constEnd() || isActive(*before))
            terminal = true;
    }
    // An active op that left the list ended (success is evicted by the list read, cancel removes it).
    for (auto it = m_states.constBegin(); it != m_states.constEnd(); ++it)
        if (isActive(it.value()) && !states.contains(it.key()))
            terminal = true;

    const bool setChanged = active != m_active;
    m_active = std::move(active);
    m_states = std::move(states);
    return Verdict{setChanged, terminal};
}

SettleWatcher::Verdict SettleWatcher::feedChange(const ClusterSnapshot &s)
{
    const OpsChange &c = s.opsChange;
    if (c.seq == m_seq && m_seq != 0)
        return {}; // this delta was seen: nothing changed since
    const bool follows = c.follows(m_seq);
    m_seq = c.seq;
    if (!follows)
        return feed(s.ops);
    Verdict v;
    for (const QString &id : c.removed) {
        const auto it = m_states.constFind(id);
        if (it == m_states.constEnd())
            continue;
        if (isActive(*it)) { // left the list while active: it ended
            v.terminal = true;
            v.activeSetChanged = m_active.remove(id) || v.activeSetChanged;
        }
        m_states.erase(it);
    }
    for (const QString &id : c.changed) {
        const Operation *op = s.findOp(id);
        if (!op)
            continue;
        const auto before = m_states.constFind(id);
        const bool wasActive = before != m_states.constEnd() && isActive(*before);
        if (isActive(op->state)) {
            if (!m_active.contains(id)) {
                m_active.insert(id);
                v.activeSetChanged = true;
            }
        } else {
            if (before == m_states.constEnd() || wasActive)
                v.terminal = true; // turned terminal while listed, or joined already terminal
            v.activeSetChanged = m_active.remove(id) || v.activeSetChanged;
        }
        m_states.insert(id, op->state);
    }
    return v;
}

} // namespace fleetdeck::ui
