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

} // namespace fleetdeck::ui
