// Operation writes (docs/operations.md#store-operations): admission, claim, start, progress, the
// terminal write, keepalive.
#include "store/store_codec.h"
#include "store/store_impl.h"

#include <QSqlError>

namespace fleetdeck {
namespace {

using namespace storecodec;

bool isUniqueViolation(const QSqlError &e)
{
    // PostgreSQL: SQLSTATE 23505. QSQLITE enables extended result codes: 2067 SQLITE_CONSTRAINT_UNIQUE
    // (1555 SQLITE_CONSTRAINT_PRIMARYKEY is a duplicate op id, not an active key).
    const QString code = e.nativeErrorCode();
    return code == QLatin1String("23505") || code == QLatin1String("2067");
}

// The undismissed failed ops holding `op`'s cache key are dismissed: the new op supersedes them.
Result<QStringList> supersedeFailures(StoreImpl &d, const Operation &op, qint64 now)
{
    using R = Result<QStringList>;
    const char *name = "createOp";
    auto ids = d.exec(name,
                      QStringLiteral("SELECT id FROM operations WHERE cache_key = :key AND status = 'failed' "
                                     "AND dismissed_at IS NULL AND id <> :id ORDER BY created_at, id"),
                      {{"key", op.cacheKey}, {"id", op.id}});
    if (!ids)
        return R::failure(ids.error());
    QStringList out;
    while (ids.value().next())
        out.append(ids.value().value(0).toString());
    ids.value().finish();
    const Reason superseded = Reason::make("superseded", {{"op", op.id}});
    for (const QString &id : std::as_const(out)) {
        auto q = d.exec(name,
                        QStringLiteral("UPDATE operations SET dismissed_at = :now, message = :message, message_code = :mc, "
                                       "message_args = :ma WHERE id = :id AND status = 'failed' AND dismissed_at IS NULL"),
                        {{"now", now}, {"message", englishText(superseded)}, {"mc", reasonCode(superseded)},
                         {"ma", reasonArgs(superseded)}, {"id", id}});
        if (!q)
            return R::failure(q.error());
    }
    return out;
}

} // namespace

Result<CreateOpResult> Store::createOp(const Operation &op)
{
    using R = Result<CreateOpResult>;
    const char *name = "createOp";
    const qint64 now = d->now();
    const QString sql = QStringLiteral(
        "INSERT INTO operations (id, kind, backend, force, cache_key, active_key, target_node_id, params, status, "
        "cancellable, progress, message, error, file_name, current_bytes, total_bytes, owner_replica_id, "
        "requested_by, retry_of, dismissed_at, progress_at, created_at, updated_at, finished_at, revision, "
        "message_code, message_args) "
        "VALUES (:id, :kind, :backend, :force, :cache_key, :active_key, :target, :params, 'queued', "
        ":cancellable, :progress, :message, NULL, '', 0, 0, NULL, "
        ":requested_by, :retry_of, NULL, :progress_at, :created_at, :updated_at, NULL, :revision, :mc, :ma)");
    QString lastError;
    // A unique violation whose holder finished before we read it is retried. A unique violation
    // aborts a PostgreSQL transaction (docs/architecture.md#store): the transaction is rolled back
    // before the read.
    for (int attempt = 0; attempt < 5; ++attempt) {
        {
            if (const QString fault = d->injectedFault(name); !fault.isEmpty())
                return R::failure(fault);
            Transaction tx(*d, name);
            if (Status s = tx.begin(); !s)
                return R::failure(s.error());
            QSqlQuery q(d->db());
            const bool prepared = d->prepare(q, sql,
                                             {{"id", op.id},
                                              {"kind", toString(op.kind)},
                                              {"backend", op.backend},
                                              {"force", flag(op.force)},
                                              {"cache_key", op.cacheKey},
                                              {"active_key", op.cacheKey},
                                              {"target", text(op.targetNodeId)},
                                              {"params", jsonText(op.params)},
                                              {"cancellable", flag(op.cancellable)},
                                              {"progress", qBound(0, op.progress, 100)},
                                              {"message", op.message},
                                              {"requested_by", op.requestedBy},
                                              {"retry_of", text(op.retryOf)},
                                              {"progress_at", now},
                                              {"created_at", op.createdAt > 0 ? op.createdAt : now},
                                              {"updated_at", now},
                                              {"revision", op.revision},
                                              {"mc", reasonCode(op.messageCode)},
                                              {"ma", reasonArgs(op.messageCode)}});
            if (prepared && q.exec()) {
                q.finish();
                if (!op.nodes.isEmpty()) {
                    if (Status s = d->insertNodeRowsIn(name, op.nodes, now); !s)
                        return R::failure(s.error());
                }
                auto superseded = supersedeFailures(*d, op, now);
                if (!superseded)
                    return R::failure(superseded.error());
                if (Status s = tx.commit(); !s)
                    return R::failure(s.error());
                return CreateOpResult{true, {}, superseded.value()};
            }
            const QSqlError e = q.lastError();
            lastError = storeError(name, e.text());
            q.finish();
            d->rollback();
            if (!isUniqueViolation(e))
                return R::failure(lastError);
        }
        auto existing = d->activeOpForKey(name, op.cacheKey);
        if (!existing)
            return R::failure(existing.error());
        if (existing.value())
            return CreateOpResult{false, *existing.value()};
    }
    return R::failure(lastError);
}

Result<bool> Store::claimOp(const QString &me, const QString &id)
{
    auto q = d->exec("claimOp",
                     QStringLiteral("UPDATE operations SET owner_replica_id = :me, updated_at = :now "
                                    "WHERE id = :id AND status = 'queued' AND owner_replica_id IS NULL"),
                     {{"me", me}, {"now", d->now()}, {"id", id}});
    if (!q)
        return Result<bool>::failure(q.error());
    return q.value().numRowsAffected() == 1;
}

Result<std::optional<QString>> Store::claimOldest(const QString &me)
{
    using R = Result<std::optional<QString>>;
    // Another replica may win the oldest one between our read and our claim: take the next.
    for (int attempt = 0; attempt < 10; ++attempt) {
        const auto id = d->scalar("claimOldest",
                                  QStringLiteral("SELECT id FROM operations WHERE status = 'queued' AND "
                                                 "owner_replica_id IS NULL ORDER BY created_at, id LIMIT 1"));
        if (!id)
            return R::failure(id.error());
        if (!id.value())
            return std::optional<QString>();
        const QString opId = id.value()->toString();
        const auto claimed = claimOp(me, opId);
        if (!claimed)
            return R::failure(claimed.error());
        if (claimed.value())
            return std::optional<QString>(opId);
    }
    return std::optional<QString>();
}

Result<bool> Store::startOp(const QString &id, const QString &me, const Reason &message, bool cancellable)
{
    const qint64 now = d->now();
    auto q = d->exec("startOp",
                     QStringLiteral("UPDATE operations SET status = 'running', message = :message, message_code = :mc, "
                                    "message_args = :ma, cancellable = :cancellable, progress_at = :now1, updated_at = :now2, "
                                    "revision = revision + 1 WHERE id = :id AND status = 'queued' AND owner_replica_id = :me"),
                     {{"message", englishText(message)}, {"mc", reasonCode(message)}, {"ma", reasonArgs(message)},
                      {"cancellable", flag(cancellable)}, {"now1", now}, {"now2", now}, {"id", id}, {"me", me}});
    if (!q)
        return Result<bool>::failure(q.error());
    return q.value().numRowsAffected() == 1;
}

Result<bool> StoreImpl::writeProgress(const char *op, const OpProgressWrite &w, qint64 nowMs)
{
    if (w.state && *w.state != OpState::Running && *w.state != OpState::RunningOnWorker)
        return Result<bool>::failure(storeError(op, QStringLiteral("state %1 is not a progress state").arg(toString(*w.state))));
    const QString setState = w.state ? QStringLiteral("status = :status, ") : QString();
    const QString sql = QStringLiteral("UPDATE operations SET ") + setState
                        + QStringLiteral("cancellable = :cancellable, progress = :p1, message = :message, "
                                         "message_code = :mc, message_args = :ma, "
                                         "file_name = :f1, current_bytes = :c1, total_bytes = :t1, "
                                         "progress_at = CASE WHEN progress <> :p2 OR file_name <> :f2 OR "
                                         "current_bytes <> :c2 OR total_bytes <> :t2 THEN :now1 ELSE progress_at END, "
                                         "revision = CASE WHEN :rev > revision THEN :rev2 ELSE revision END, "
                                         "updated_at = :now2 WHERE id = :id AND status IN ('running','running_on_worker')");
    const int p = qBound(0, w.progress, 100);
    QList<Bind> binds{{"cancellable", flag(w.cancellable)},
                   {"p1", p},
                   {"message", w.message},
                   {"mc", reasonCode(w.messageCode)},
                   {"ma", reasonArgs(w.messageCode)},
                   {"f1", w.fileName},
                   {"c1", w.currentBytes},
                   {"t1", w.totalBytes},
                   {"p2", p},
                   {"f2", w.fileName},
                   {"c2", w.currentBytes},
                   {"t2", w.totalBytes},
                   {"now1", nowMs},
                   {"now2", nowMs},
                   {"rev", w.revision},
                   {"rev2", w.revision},
                   {"id", w.opId}};
    if (w.state)
        binds.append({"status", toString(*w.state)});
    auto q = exec(op, sql, binds);
    if (!q)
        return Result<bool>::failure(q.error());
    return q.value().numRowsAffected() == 1;
}

Result<bool> Store::updateProgress(const OpProgressWrite &w)
{
    // A value still queued for this op is older than this one.
    d->queuedOps.remove(w.opId);
    return d->writeProgress("updateProgress", w, d->now());
}

Result<bool> Store::finishOp(const QString &id, OpState state, int progress, const Reason &message,
                             const std::optional<Reason> &error, bool requireCancellable)
{
    const char *op = "finishOp";
    if (!isTerminal(state))
        return Result<bool>::failure(storeError(op, QStringLiteral("%1 is not a terminal state").arg(toString(state))));
    if (Status s = flushProgress(id); !s)
        qCWarning(lcStore).noquote() << "finishOp: queued progress of" << id << "lost:" << s.error();
    const qint64 now = d->now();
    QString sql = QStringLiteral("UPDATE operations SET status = :t, active_key = NULL, cancellable = 0, progress = :p, "
                                 "message = :m, error = :e, message_code = :mc, message_args = :ma, error_code = :ec, "
                                 "error_args = :ea, finished_at = :now1, updated_at = :now2, revision = revision + 1 "
                                 "WHERE id = :id AND status IN ('queued','running','running_on_worker')");
    if (requireCancellable)
        sql += QStringLiteral(" AND cancellable = 1");
    auto q = d->exec(op, sql,
                     {{"t", toString(state)},
                      {"p", qBound(0, progress, 100)},
                      {"m", englishText(message)},
                      {"e", error ? QVariant(englishText(*error)) : QVariant()},
                      {"mc", reasonCode(message)},
                      {"ma", reasonArgs(message)},
                      {"ec", error ? reasonCode(*error) : QVariant()},
                      {"ea", error ? reasonArgs(*error) : QVariant()},
                      {"now1", now},
                      {"now2", now},
                      {"id", id}});
    if (!q)
        return Result<bool>::failure(q.error());
    const bool won = q.value().numRowsAffected() == 1;
    if (won) {
        d->queuedOps.remove(id);
        d->opWrittenAt.remove(id);
    }
    return won;
}

Result<int> Store::keepalive(const QString &me)
{
    auto q = d->exec("keepalive",
                     QStringLiteral("UPDATE operations SET updated_at = :now WHERE status IN "
                                    "('queued','running','running_on_worker') AND (owner_replica_id = :me OR "
                                    "(owner_replica_id IS NULL AND status = 'queued'))"),
                     {{"now", d->now()}, {"me", me}});
    if (!q)
        return Result<int>::failure(q.error());
    return q.value().numRowsAffected();
}

Result<int> Store::handBack(const QString &me)
{
    auto q = d->exec("handBack",
                     QStringLiteral("UPDATE operations SET owner_replica_id = NULL, updated_at = :now "
                                    "WHERE owner_replica_id = :me AND status = 'queued'"),
                     {{"now", d->now()}, {"me", me}});
    if (!q)
        return Result<int>::failure(q.error());
    return q.value().numRowsAffected();
}

Result<bool> Store::dismissOp(const QString &id)
{
    const char *op = "dismissOp";
    Transaction tx(*d, op);
    if (Status s = tx.begin(); !s)
        return Result<bool>::failure(s.error());
    const qint64 now = d->now();
    auto q = d->exec(op,
                     QStringLiteral("UPDATE operations SET dismissed_at = COALESCE(dismissed_at, :now1), "
                                    "updated_at = :now2 WHERE id = :id AND status = 'failed'"),
                     {{"now1", now}, {"now2", now}, {"id", id}});
    if (!q)
        return Result<bool>::failure(q.error());
    if (q.value().numRowsAffected() != 1)
        return false; // rolled back by tx: nothing was written
    auto del = d->exec(op, QStringLiteral("DELETE FROM pending_node_ops WHERE op_id = :id"), {{"id", id}});
    if (!del)
        return Result<bool>::failure(del.error());
    if (Status s = tx.commit(); !s)
        return Result<bool>::failure(s.error());
    return true;
}

} // namespace fleetdeck
