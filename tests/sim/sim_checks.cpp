// SimWorld: the invariants of docs/testing.md, checked while the run goes (terminal finality,
// monotonic progress) and at quiescence (liveness, the listed ops, History, disks, sweep).
#include "sim_world.h"

#include "store/store.h"
#include "worker/installed_backends.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <limits>

namespace fleetdeck::sim {

void SimWorld::violate(const QString &invariant, const QString &detail)
{
    const QString key = invariant + QLatin1Char('|') + detail;
    if (m_violationKeys.contains(key))
        return;
    m_violationKeys.insert(key);
    m_violations.append(Violation{invariant, detail, simulatedMs()});
    note(QStringLiteral("VIOLATION %1: %2").arg(invariant, detail));
}

void SimWorld::onOpChanged(int slot, const Operation &op)
{
    // Per replica instance: a replica started later never saw what ended before it.
    const QString key = m_replicas.at(size_t(slot))->name + QLatin1Char('|') + op.id;
    if (!m_firstSeen.contains(op.id))
        m_firstSeen.insert(op.id, simulatedMs());
    for (const NodeProgress &row : op.nodes) {
        const QString rowKey = op.id + QLatin1Char('|') + row.nodeId;
        if (isTerminal(row.status) && !m_rowSettledAt.contains(rowKey))
            m_rowSettledAt.insert(rowKey, simulatedMs());
    }
    const QString who = QStringLiteral("r%1").arg(slot);
    note(QStringLiteral("%1 sees %2 %3 %4%% %5").arg(who, op.id.left(8), toString(op.state)).arg(op.progress).arg(op.message.left(60)));
    if (const auto it = m_terminalSeen.constFind(key); it != m_terminalSeen.constEnd()) {
        if (op.state != *it)
            violate(QStringLiteral("terminal-final"),
                    QStringLiteral("%1 showed op %2 %3, later %4").arg(who, op.id, toString(*it), toString(op.state)));
        return;
    }
    if (op.processed()) {
        m_terminalSeen.insert(key, op.state);
        if (op.state == OpState::Success && op.progress != 100)
            violate(QStringLiteral("progress"), QStringLiteral("%1 showed op %2 success at %3%").arg(who, op.id).arg(op.progress));
        return;
    }
    const qint64 revisionBefore = m_revisionSeen.value(key, 0);
    if (op.revision < revisionBefore)
        violate(QStringLiteral("terminal-final"), QStringLiteral("%1 applied op %2 at revision %3 over revision %4")
                                                      .arg(who, op.id).arg(op.revision).arg(revisionBefore));
    m_revisionSeen.insert(key, qMax(revisionBefore, op.revision));
    const int before = m_progressSeen.value(key, 0);
    if (op.progress < before)
        violate(QStringLiteral("progress"),
                QStringLiteral("%1 showed op %2 (%3) at %4% after %5%").arg(who, op.id, toString(op.state)).arg(op.progress).arg(before));
    m_progressSeen.insert(key, qMax(before, op.progress));
    for (const NodeProgress &row : op.nodes) {
        const QString rowKey = key + QLatin1Char('|') + row.nodeId;
        const bool contacted = row.status == NodeRowStatus::Downloading || row.status == NodeRowStatus::Verifying
                               || row.status == NodeRowStatus::Extracting;
        if (!contacted) {
            m_rowProgress.remove(rowKey); // a new attempt starts from 0
            continue;
        }
        const int rowBefore = m_rowProgress.value(rowKey, 0);
        if (row.percentage < rowBefore)
            violate(QStringLiteral("progress"), QStringLiteral("%1 showed op %2 node %3 at %4% after %5% in one attempt")
                                                    .arg(who, op.id, row.nodeName).arg(row.percentage).arg(rowBefore));
        m_rowProgress.insert(rowKey, qMax(rowBefore, row.percentage));
    }
}

QList<Operation> SimWorld::storeOps(bool withNodes)
{
    QList<Operation> out;
    QSqlQuery q(QSqlDatabase::database(QStringLiteral("sim-admin"), false));
    if (!q.exec(QStringLiteral("SELECT id, status, dismissed_at, progress FROM operations ORDER BY created_at, id")))
        return out;
    while (q.next()) {
        Operation op;
        op.id = q.value(0).toString();
        op.state = opStateFromString(q.value(1).toString()).value_or(OpState::Queued);
        if (!q.value(2).isNull())
            op.dismissedAt = q.value(2).toLongLong();
        op.progress = q.value(3).toInt();
        out.append(op);
    }
    if (!withNodes)
        return out;
    for (Operation &op : out) {
        if (auto full = m_admin->getOp(op.id); full && full.value())
            op = *full.value();
    }
    return out;
}

void SimWorld::sampleStore()
{
    for (const Operation &op : storeOps(false)) {
        const auto it = m_terminalInStore.constFind(op.id);
        if (it != m_terminalInStore.constEnd()) {
            if (*it != op.state)
                violate(QStringLiteral("terminal-final"),
                        QStringLiteral("store: op %1 was %2, later %3").arg(op.id, toString(*it), toString(op.state)));
        } else if (op.processed()) {
            m_terminalInStore.insert(op.id, op.state);
        }
    }
}

void SimWorld::checkQuiescence()
{
    sampleStore();
    const QList<Operation> ops = storeOps(true);
    QSet<QString> expected;
    for (const Operation &op : ops) {
        if (!op.processed())
            violate(QStringLiteral("liveness"), QStringLiteral("op %1 (%2 %3) still %4 %5 s after the faults stopped: %6")
                                                    .arg(op.id, toString(op.kind), op.backend, toString(op.state))
                                                    .arg(livenessBoundMs() / 1000).arg(op.message));
        if (!op.processed() || (op.state == OpState::Failed && !op.dismissedAt))
            expected.insert(op.id);
    }
    // What the GUI reads, on every live replica.
    for (auto &r : m_replicas) {
        if (!r->up || !r->engine)
            continue;
        QSet<QString> listed;
        for (const Operation &op : r->engine->ops()->listOps())
            listed.insert(op.id);
        for (const QString &id : expected - listed)
            violate(QStringLiteral("listed"), QStringLiteral("%1 hides op %2 that the store shows active or failed").arg(r->name, id));
        for (const QString &id : listed - expected)
            violate(QStringLiteral("listed"), QStringLiteral("%1 lists op %2 that the store shows ended or dismissed").arg(r->name, id));
    }
    // History: one entry per finished op.
    QSqlQuery q(QSqlDatabase::database(QStringLiteral("sim-admin"), false));
    QHash<QString, int> entries;
    if (q.exec(QStringLiteral("SELECT op_id FROM history WHERE entry_kind = 'operation'")))
        while (q.next())
            entries[q.value(0).toString()] += 1;
    for (const Operation &op : ops) {
        const int n = entries.value(op.id);
        if (op.processed() && n != 1)
            violate(QStringLiteral("history"), QStringLiteral("op %1 (%2) has %3 History entries").arg(op.id, toString(op.state)).arg(n));
    }
    checkDisks(ops);
    // Sweep and drain: after the last completed pass, no pending row it should have swept.
    if (m_lastPassStart > 0) {
        const auto pending = m_admin->listPending();
        const auto nodes = m_admin->listNodes();
        if (pending && nodes) {
            QHash<QString, Node> byId;
            for (const Node &n : nodes.value())
                byId.insert(n.id, n);
            const qint64 grace = m_settings.value(QStringLiteral("reconcile/pending_grace_s")) * 1000;
            for (const PendingNodeOp &p : pending.value()) {
                const Node n = byId.value(p.nodeId);
                if (p.createdAt >= m_lastPassStart - 30'000) // replica clocks differ by a few seconds
                    continue;
                const bool adminDrained = n.status == NodeStatus::Draining && n.statusReason == QLatin1String("drained by admin");
                const bool gone = (n.status == NodeStatus::Offline || n.status == NodeStatus::Unhealthy)
                                  && n.lastHeartbeat <= m_lastPassStart - grace;
                if (adminDrained || gone)
                    violate(QStringLiteral("sweep"), QStringLiteral("pending row %1 (%2 on %3) survived a pass although the node is %4")
                                                         .arg(p.id).arg(p.backend, n.name, toString(n.status)));
            }
        }
    }
}

void SimWorld::checkDisks(const QList<Operation> &ops)
{
    // The row that settled last (in simulated time, which every replica's skewed clock hides)
    // decides: the worker ran its job last. A row no replica was seen settling counts from when
    // its op was admitted.
    struct Last {
        qint64 at = -1;
        const Operation *op = nullptr;
        NodeProgress row;
    };
    QHash<QString, Last> last; // "node|backend" → the row of the newest op
    for (const Operation &op : ops) {
        const qint64 admitted = m_firstSeen.value(op.id, std::numeric_limits<qint64>::max());
        for (const NodeProgress &row : op.nodes) {
            const qint64 seen = m_rowSettledAt.value(op.id + QLatin1Char('|') + row.nodeId, admitted);
            Last &l = last[row.nodeName + QLatin1Char('|') + op.backend];
            if (seen >= l.at)
                l = Last{seen, &op, row};
        }
    }
    for (auto it = last.constBegin(); it != last.constEnd(); ++it) {
        const Last &l = it.value();
        if (l.row.status != NodeRowStatus::Success)
            continue; // any other outcome states the difference in its message
        const QString node = l.row.nodeName, backend = l.op->backend;
        QString dir;
        for (const auto &w : m_workers)
            if (w->name == node)
                dir = w->dir;
        if (dir.isEmpty())
            continue;
        const auto meta = backends_dir::readMetadata(dir + QLatin1Char('/') + backend, backend);
        if (l.op->kind == OpKind::Delete) {
            if (meta)
                violate(QStringLiteral("disk"), QStringLiteral("%1 still has %2 %3 although op %4 deleted it (%5)")
                                                    .arg(node, backend, meta->version, l.op->id, l.row.message));
            continue;
        }
        QString version;
        for (const QJsonValue &e : l.op->params.value(QLatin1String("entries")).toArray())
            if (e.toObject().value(QLatin1String("name")).toString() == backend)
                version = e.toObject().value(QLatin1String("version")).toString();
        // A non-force install is satisfied by any version already there (§4.4 "backend present").
        const bool anyVersion = l.op->kind == OpKind::Install && !l.op->force;
        if (!meta)
            violate(QStringLiteral("disk"), QStringLiteral("%1 lacks %2 although op %3 says %4").arg(node, backend, l.op->id, l.row.message));
        else if (!anyVersion && !version.isEmpty() && meta->version != version)
            violate(QStringLiteral("disk"), QStringLiteral("%1 has %2 %3 although op %4 installed %5 (%6)")
                                                .arg(node, backend, meta->version, l.op->id, version, l.row.message));
    }
}

} // namespace fleetdeck::sim
