#include "cluster/reconciler.h"

#include "bus/subjects.h"
#include "cluster/reconcile_pass.h"
#include "core/clock.h"
#include "core/deferred.h"
#include "ops/op_publisher.h"
#include "ops/operation_service.h"
#include "store/store_thread.h"

#include <QLoggingCategory>
#include <QPointer>

Q_DECLARE_LOGGING_CATEGORY(lcReconcile)

namespace fleetdeck {

Reconciler::Reconciler(Deps deps, QObject *parent) : QObject(parent), m_deps(deps) {}

Reconciler::~Reconciler()
{
    m_deps.ops->clock()->cancel(m_timer);
}

void Reconciler::start()
{
    m_stopped = false;
    schedule();
}

void Reconciler::stop()
{
    m_stopped = true;
    m_deps.ops->clock()->cancel(m_timer);
}

void Reconciler::schedule()
{
    m_timer = m_deps.ops->clock()->callAfter(m_deps.ops->settings().reconcileTickMs(), this, [this]() {
        if (m_stopped)
            return;
        // Context-free continuation with a guard: a pass cut short by the replica's destruction
        // must not resolve into a dead context (Qt 6.4 asserts on that).
        runPass(false).then([guard = QPointer<Reconciler>(this)](const ReconcileReport &) {
            if (guard && !guard->m_stopped)
                guard->schedule();
        });
    });
}

QFuture<int> Reconciler::cleanStalePending()
{
    return ReconcilePass::sweep(m_deps.ops);
}

QFuture<ReconcileReport> Reconciler::runPass(bool manual)
{
    OperationService *ops = m_deps.ops;
    Deferred<ReconcileReport> done;
    ReconcileReport report;
    report.startedAt = ops->clock()->nowMs();
    report.replicaId = ops->identity().replicaId;
    if (m_running) { // one pass at a time per replica
        done.resolve(report);
        return done.future();
    }
    m_running = true;
    auto afterReap = [this, ops, done, report](int reaped) mutable {
        report.opsReaped = reaped;
        auto withLock = [this, ops, done, report](bool locked) {
            if (!locked) {
                finishPass(report, false);
                done.resolve(report);
                return;
            }
            ReconcileReport r = report;
            r.lockAcquired = true;
            Deferred<ReconcileReport> passDone;
            auto *pass = new ReconcilePass(ops, m_deps.client, m_deps.listing, m_deps.events, r, passDone);
            // The pass resolves on this thread; it is a child of the operation service, which may
            // destroy it (unresolved) after this reconciler is gone: no context, a guard instead.
            passDone.future().then([guard = QPointer<Reconciler>(this), done](const ReconcileReport &final) {
                if (guard)
                    guard->finishPass(final, true);
                done.resolve(final);
            });
            pass->start();
        };
        if (!m_deps.passLocks) {
            withLock(true);
            return;
        }
        ops->store()->call([](Store &s) { return s.tryPassLock(PassLock::Reconcile); }).then(this, [withLock](Result<bool> r) {
            if (!r)
                qCWarning(lcReconcile) << "reconcile lock:" << r.error();
            withLock(r && r.value());
        });
    };
    // Step 0: a manual pass reaps first; the periodic reap runs on the service's own schedule.
    if (manual)
        ops->reapStaleOperations().then(this, afterReap);
    else
        afterReap(0);
    return done.future();
}

void Reconciler::finishPass(const ReconcileReport &report, bool locked)
{
    m_running = false;
    OperationService *ops = m_deps.ops;
    if (locked && m_deps.passLocks)
        ops->store()->call([](Store &s) { return s.releasePassLock(PassLock::Reconcile); });
    if (!locked)
        return;
    m_last = report;
    ops->publisher()->publishJson(subjects::reconcileReport(), report.toJson());
    Q_EMIT reportReady(report);
    qCInfo(lcReconcile).noquote() << report.summary();
}

} // namespace fleetdeck
