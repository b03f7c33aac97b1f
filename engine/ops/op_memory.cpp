// The one writer of op state in a replica's memory (docs/operations.md#one-writer): every
// change of the status map happens in an OperationService method, which writes the map, emits
// opChanged and, where peers must learn it, publishes. StatusMap's mutators are private to
// OperationService (the build fails elsewhere); the receivers of bus messages and the
// admission, control and reaper paths are OperationService methods in their own files.
#include "core/clock.h"
#include "ops/executor.h"
#include "ops/op_publisher.h"
#include "ops/operation_service.h"
#include "store/store_thread.h"

namespace fleetdeck {

void OperationService::showOwnerState(Operation &op)
{
    // A peer's cancel (or the reaper) may have ended the op meanwhile: a terminal state in memory
    // is final, only node rows keep settling (docs/operations.md#terminal-outcomes, #receivers).
    const std::optional<Operation> cur = m_statusMap.get(op.id);
    if (cur && cur->processed()) {
        Operation merged = *cur;
        merged.mergeNodes(op.nodes);
        m_statusMap.put(merged);
        Q_EMIT opChanged(merged);
        return;
    }
    ++op.revision; // every state the owner shows is a new revision
    m_statusMap.put(op);
    Q_EMIT opChanged(op);
}

void OperationService::adoptStoreState(Operation op)
{
    // Rows settled after their op ended (a reconciler retry that installed a failed op's node,
    // sim seed 1436; a listing, 379) settle in a terminal memory and on every peer, as
    // mergeNodeRows does. A terminal state itself comes through adoptTerminal, with its History.
    if (op.processed()) {
        if (const auto cur = m_statusMap.get(op.id); cur && cur->processed())
            mergeNodeRows(op.id, op.nodes, RowMerge::MirrorProgress);
        return;
    }
    // An op in state `running` is left to its owner: its fan-out's memory and broadcasts are
    // newer than any store snapshot (throttled writes), and a snapshot broadcast from here would
    // take every replica's progress backwards (sim seed 1).
    if (op.state == OpState::Running || (m_executor && m_executor->isRunning(op.id)))
        return;
    if (auto cur = m_statusMap.get(op.id); cur && !cur->cacheKey.isEmpty())
        op.cacheKey = cur->cacheKey;
    m_statusMap.put(op);
    m_publisher->publishNow(op);
    Q_EMIT opChanged(op);
}

void OperationService::mergeNodeRows(const QString &opId, const QList<NodeProgress> &rows, RowMerge how)
{
    // A terminal op's rows still settle (a row confirmed by listing after its op ended, sim seed
    // 379): its state stays, its rows change here and, through the publisher's terminal
    // broadcast, on every peer.
    auto cur = m_statusMap.get(opId);
    if (!cur)
        return;
    const QList<NodeProgress> before = cur->nodes;
    cur->mergeNodes(rows);
    if (cur->nodes == before)
        return;
    m_statusMap.put(*cur);
    Q_EMIT opChanged(*cur);
    if (how == RowMerge::MirrorProgress) {
        QStringList nodeIds;
        for (const NodeProgress &n : rows)
            nodeIds.append(n.nodeId);
        m_publisher->changed(opId, nodeIds);
    }
}

void OperationService::applyHydration(const QList<Operation> &ops)
{
    for (const Operation &op : ops) {
        // A running fan-out of this replica keeps its own, newer memory.
        if (m_executor && m_executor->isRunning(op.id))
            continue;
        // Newer state wins (docs/operations.md "Revisions"): a terminal state in memory is final
        // (the load may have read the store before the terminal write; sim seed 24), and a
        // non-terminal memory stays unless the store holds a strictly newer revision: the owner's
        // throttled writes carry the revision it broadcast, but its node rows lag behind (sim
        // seeds 11, 30).
        if (auto cur = m_statusMap.get(op.id); cur && (cur->processed() || (!op.processed() && cur->revision >= op.revision))) {
            if (isActive(cur->state) || (cur->state == OpState::Failed && !cur->dismissedAt))
                m_opCache->add(op.cacheKey, op.id); // listed, with its newer memory
            if (cur->processed() && op.processed()) { // rows settled after the op ended (sim seed 379)
                const QList<NodeProgress> before = cur->nodes;
                cur->mergeNodes(op.nodes);
                if (cur->nodes != before) {
                    m_statusMap.put(*cur);
                    Q_EMIT opChanged(*cur);
                }
            }
            continue;
        }
        Operation merged = op;
        if (const auto cur = m_statusMap.get(op.id))
            merged.mergeNodes(cur->nodes); // rows newer in memory than in the store stay
        m_statusMap.put(merged);
        m_opCache->add(op.cacheKey, op.id);
        Q_EMIT opChanged(merged);
    }
}

QFuture<Status> OperationService::reseed()
{
    const qint64 issuedAt = m_deps.clock->nowMs();
    const qint64 failedSince = issuedAt - m_settings.retentionMs();
    return m_deps.store->call([failedSince](Store &s) { return s.loadOpsForHydration(failedSince); })
        .then(this, [this, issuedAt](Result<QList<Operation>> ops) -> Status {
            if (!ops)
                return Status::failure(QStringLiteral("re-seed failed: ") + ops.error());
            QSet<QString> loaded;
            for (const Operation &op : ops.value())
                loaded.insert(op.id);
            QList<QPair<QString, QString>> keep; // (cache_key, op_id) of ops run here
            for (const Operation &cur : m_statusMap.snapshot()) {
                if (m_executor && m_executor->isRunning(cur.id)) {
                    keep.append({cur.cacheKey, cur.id});
                    continue;
                }
                // Loaded, or changed while the load ran (admitted here, or a broadcast newer than it).
                if (loaded.contains(cur.id) || cur.updatedAt >= issuedAt) {
                    if (!loaded.contains(cur.id)) {
                        keep.append({cur.cacheKey, cur.id});
                        // updated_at comes from another replica's clock, which may run ahead:
                        // an active op the load did not return is asked for (sim seed 216).
                        if (isActive(cur.state))
                            verifyWithStore(cur.id);
                    }
                    continue;
                }
                m_statusMap.retire(cur.id, m_deps.clock->nowMs()); // ended meanwhile: History has it
                Q_EMIT opRemoved(cur.id);
            }
            // Keys of ops whose start arrived but whose end was missed go too.
            m_opCache->clear();
            for (const auto &[key, id] : std::as_const(keep))
                m_opCache->add(key, id);
            applyHydration(ops.value());
            return okStatus();
        });
}

} // namespace fleetdeck
