// Admission (docs/operations.md#admission) and Retry (docs/operations.md#retry), part of
// OperationService.
#include "bus/subjects.h"

#include "core/id_source.h"
#include "core/clock.h"
#include "core/deferred.h"
#include "core/operation_codec.h"
#include "gallery/gallery_catalog.h"
#include "ops/executor.h"
#include "ops/op_publisher.h"
#include "ops/operation_service.h"
#include "store/store_thread.h"

#include <QJsonArray>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcOps)

namespace fleetdeck {

namespace {

template <typename T>
QFuture<Result<T>> failed(const Reason &error)
{
    return readyFuture(Result<T>::failure(error));
}

Reason storeUnreachable(const QString &detail)
{
    return Reason::make("store_unreachable", {{"detail", detail}});
}

QString nodeLabel(const Node &n) { return n.name; }

} // namespace

Result<Operation> OperationService::prepareOp(const AdmitRequest &req, const std::optional<Node> &target) const
{
    using R = Result<Operation>;
    QJsonArray galleries = req.galleries;
    QJsonArray entries;
    if (req.kind != OpKind::Delete) {
        if (!m_deps.catalog)
            return R::failure(Reason::make("unknown_backend", {{"backend", req.backend}}));
        auto resolved = m_deps.catalog->resolve(req.backend, req.galleries);
        if (!resolved)
            return R::failure(resolved.errorReason());
        entries = resolved->wireEntries();
        galleries = resolved->galleries;
        const GalleryEntry &e = resolved->entry;
        if (target && req.kind == OpKind::Install && !e.isMeta() && !e.requiresGpuVendor.isEmpty()
            && !e.requiresGpuVendor.contains(target->gpuVendor())) {
            return R::failure(Reason::make(
                "gpu_vendor_mismatch", {{"backend", req.backend},
                                        {"required", QJsonArray::fromStringList(e.requiresGpuVendor)},
                                        {"node", target->name},
                                        {"actual", target->gpuVendor().isEmpty() ? QStringLiteral("unknown") : target->gpuVendor()}}));
        }
    } else if (galleries.isEmpty() && m_deps.catalog) {
        galleries = m_deps.catalog->galleries();
    }
    const qint64 now = m_deps.clock->nowMs();
    Operation op;
    op.id = ids::newUuid();
    op.kind = req.kind;
    op.backend = req.backend;
    op.force = req.force;
    if (target)
        op.targetNodeId = target->id;
    op.cacheKey = makeCacheKey(op.backend, op.targetNodeId);
    op.params = QJsonObject{{QStringLiteral("kind"), toString(op.kind)},
                            {QStringLiteral("backend"), op.backend},
                            {QStringLiteral("force"), op.force},
                            {QStringLiteral("target_node_id"), target ? QJsonValue(target->id) : QJsonValue(QJsonValue::Null)},
                            {QStringLiteral("galleries"), galleries},
                            {QStringLiteral("entries"), entries}};
    op.state = OpState::Queued;
    op.cancellable = true;
    op.setMessage(Reason::make("queued"));
    op.requestedBy = req.requestedBy.isEmpty() ? m_deps.identity.requestedBy : req.requestedBy;
    op.retryOf = req.retryOf;
    op.createdAt = op.updatedAt = op.progressAt = now;
    op.revision = 1;
    return op;
}

QFuture<Result<AdmitResult>> OperationService::admit(const AdmitRequest &req)
{
    if (!isValidBackendName(req.backend))
        return failed<AdmitResult>(Reason::make("invalid_backend_name", {{"backend", req.backend}}));
    if (!m_storeError.isEmpty()) // docs/architecture.md#outages: nothing is admitted while the store is unreachable
        return failed<AdmitResult>(storeUnreachable(m_storeError));
    if (req.targetNode.isEmpty()) {
        auto op = prepareOp(req, std::nullopt);
        if (!op)
            return failed<AdmitResult>(op.errorReason());
        return admitPrepared(op.value(), false);
    }
    Deferred<Result<AdmitResult>> done;
    const QString wanted = req.targetNode;
    m_deps.store->call([wanted](Store &s) { return s.findNode(wanted); })
        .then(this, [this, req, done](Result<std::optional<Node>> found) {
            if (!found) {
                done.resolve(Result<AdmitResult>::failure(storeUnreachable(found.error())));
                return;
            }
            if (!found.value()) {
                done.resolve(Result<AdmitResult>::failure(Reason::make("unknown_node", {{"node", req.targetNode}})));
                return;
            }
            const Node node = *found.value();
            if (node.status == NodeStatus::Pending) {
                done.resolve(Result<AdmitResult>::failure(Reason::make("node_pending_approval", {{"node", nodeLabel(node)}})));
                return;
            }
            if (node.status == NodeStatus::Draining) {
                done.resolve(Result<AdmitResult>::failure(Reason::make("node_draining", {{"node", nodeLabel(node)}})));
                return;
            }
            auto op = prepareOp(req, node);
            if (!op) {
                done.resolve(Result<AdmitResult>::failure(op.errorReason()));
                return;
            }
            admitPrepared(op.value(), false).then(this, [done](Result<AdmitResult> r) { done.resolve(r); });
        });
    return done.future();
}

QFuture<Result<AdmitResult>> OperationService::admitPrepared(Operation op, bool reapedOnce)
{
    Deferred<Result<AdmitResult>> done;
    const qint64 staleBefore = m_deps.clock->nowMs() - m_settings.staleAgeMs();
    m_deps.store->call([op](Store &s) { return s.createOp(op); })
        .then(this, [this, op, done, reapedOnce, staleBefore](Result<CreateOpResult> r) {
            if (!r) {
                done.resolve(Result<AdmitResult>::failure(storeUnreachable(r.error())));
                return;
            }
            if (r->created) {
                for (const QString &old : std::as_const(r->superseded))
                    markSuperseded(old, op.id);
                m_opCache->add(op.cacheKey, op.id);
                m_publisher->publishJson(subjects::opcacheStart(),
                                         QJsonObject{{QStringLiteral("job_id"), op.id},
                                                     {QStringLiteral("cache_key"), op.cacheKey},
                                                     {QStringLiteral("supersedes"), QJsonArray::fromStringList(r->superseded)}});
                m_statusMap.put(op);
                m_publisher->publishNow(op);
                Q_EMIT opChanged(op);
                if (m_executor)
                    m_executor->wakeFor(op.id);
                done.resolve(AdmitResult{op.id, false, OpState::Queued});
                return;
            }
            const Operation existing = r->existing;
            // docs/operations.md#admission step 3: an active op not updated for the stale age is
            // reaped first.
            if (!reapedOnce && existing.updatedAt < staleBefore) {
                reapStaleOperations().then(this, [this, op, done](int) {
                    admitPrepared(op, true).then(this, [done](Result<AdmitResult> again) { done.resolve(again); });
                });
                return;
            }
            if (existing.kind == op.kind && existing.force == op.force && existing.targetNodeId == op.targetNodeId) {
                if (!m_statusMap.contains(existing.id)) {
                    m_statusMap.put(existing);
                    m_opCache->add(existing.cacheKey, existing.id);
                    Q_EMIT opChanged(existing);
                }
                done.resolve(AdmitResult{existing.id, true, existing.state});
                return;
            }
            done.resolve(Result<AdmitResult>::failure(Reason::make(
                "already_active",
                {{"kind", kindWord(existing.kind, existing.force)}, {"backend", existing.backend}, {"op", existing.id}})));
        });
    return done.future();
}

QFuture<Result<AdmitResult>> OperationService::admitThenDismiss(const AdmitRequest &request, const QString &original)
{
    Deferred<Result<AdmitResult>> done;
    admit(request).then(this, [this, done, original](Result<AdmitResult> r) {
        if (!r) {
            done.resolve(r);
            return;
        }
        // Once admitted or deduplicated, an undismissed failed original is dismissed.
        const std::optional<Operation> orig = m_statusMap.get(original);
        if (original.isEmpty() || (orig && orig->state != OpState::Failed)) {
            done.resolve(r);
            return;
        }
        dismiss(original).then(this, [done, r](Result<QString>) { done.resolve(r); });
    });
    return done.future();
}

static AdmitRequest requestFromParams(const QJsonObject &params, OpKind kind, const QString &backend)
{
    AdmitRequest req;
    req.kind = kind;
    req.backend = backend;
    req.force = params.value(QLatin1String("force")).toBool();
    req.targetNode = params.value(QLatin1String("target_node_id")).toString();
    req.galleries = params.value(QLatin1String("galleries")).toArray();
    return req;
}

QFuture<Result<AdmitResult>> OperationService::retry(const QString &opId)
{
    Deferred<Result<AdmitResult>> done;
    m_deps.store->call([opId](Store &s) { return s.getOp(opId); })
        .then(this, [this, opId, done](Result<std::optional<Operation>> r) {
            if (const auto refusal = lookupRefusal(r, opId)) {
                done.resolve(Result<AdmitResult>::failure(*refusal));
                return;
            }
            const Operation op = *r.value();
            if (op.state != OpState::Failed && op.state != OpState::Cancelled) {
                done.resolve(Result<AdmitResult>::failure(
                    Reason::make("retry_not_allowed", {{"op", opId}, {"state", toString(op.state)}})));
                return;
            }
            AdmitRequest req = requestFromParams(op.params, op.kind, op.backend);
            req.force = op.force;
            req.targetNode = op.targetNodeId.value_or(QString());
            req.retryOf = op.id;
            if (!m_statusMap.contains(op.id))
                m_statusMap.put(op);
            admitThenDismiss(req, op.state == OpState::Failed && !op.dismissedAt ? op.id : QString())
                .then(this, [done](Result<AdmitResult> a) { done.resolve(a); });
        });
    return done.future();
}

QFuture<Result<AdmitResult>> OperationService::retryHistory(qint64 historyId)
{
    Deferred<Result<AdmitResult>> done;
    m_deps.store->call([historyId](Store &s) { return s.historyEntry(historyId); })
        .then(this, [this, historyId, done](Result<std::optional<HistoryEntry>> r) {
            if (!r || !r.value()) {
                done.resolve(Result<AdmitResult>::failure(r ? Reason::make("history_not_found", {{"id", historyId}})
                                                            : storeUnreachable(r.error())));
                return;
            }
            const HistoryEntry h = *r.value();
            const auto kind = opKindFromString(h.kind);
            if (!kind || h.outcome == QLatin1String("success")) {
                done.resolve(Result<AdmitResult>::failure(
                    Reason::make("history_not_retryable", {{"id", historyId}, {"outcome", h.outcome}})));
                return;
            }
            if (h.entryKind == QLatin1String("operation") && h.opId) {
                retry(*h.opId).then(this, [done](Result<AdmitResult> a) { done.resolve(a); });
                return;
            }
            // A dead letter: a node-scoped op of the row's kind on the row's node
            // (docs/operations.md#retry).
            AdmitRequest req = requestFromParams(h.params, *kind, h.backend);
            req.targetNode = h.nodeId.value_or(QString());
            req.retryOf = h.opId;
            admit(req).then(this, [done](Result<AdmitResult> a) { done.resolve(a); });
        });
    return done.future();
}

} // namespace fleetdeck
