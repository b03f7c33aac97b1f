#pragma once
// D19 / A16: the Manage table asks the upgrade leader for a re-check whenever the SET of active op
// ids changes ({op-a} → {op-b} counts, not only a change of the count) and on every terminal event
// (an op that left the list or turned terminal, e.g. failed). Fed with each ops list read.
#include "bridge/snapshot.h"
#include "core/operation.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace fleetdeck::ui {

class SettleWatcher final {
public:
    struct Verdict {
        bool activeSetChanged = false; // the set of active op ids differs from the previous list's
        bool terminal = false;         // an op left the list or turned terminal
        bool recheck() const { return activeSetChanged || terminal; }
    };

    // Compares `ops` with the previous list fed.
    Verdict feed(const QList<Operation> &ops);
    // The same verdict from the snapshot's last delta: looks at the ops it changed only (all of
    // them when it was whole).
    Verdict feedChange(const ClusterSnapshot &s);
    bool shouldRecheck(const QList<Operation> &ops) { return feed(ops).recheck(); }
    const QSet<QString> &activeIds() const { return m_active; }

private:
    QSet<QString> m_active;
    QHash<QString, OpState> m_states; // every op of the previous list
    quint64 m_seq = 0;                // the snapshot's last delta seen (OpsChange::seq)
};

} // namespace fleetdeck::ui
