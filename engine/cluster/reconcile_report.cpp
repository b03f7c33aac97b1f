#include "cluster/reconcile_report.h"

namespace fleetdeck {

QJsonObject ReconcileReport::toJson() const
{
    return QJsonObject{{QStringLiteral("lock_acquired"), lockAcquired},
                       {QStringLiteral("stale_pending_deleted"), stalePendingDeleted},
                       {QStringLiteral("confirmed"), confirmed},
                       {QStringLiteral("retried"), retried},
                       {QStringLiteral("succeeded"), succeeded},
                       {QStringLiteral("failed"), failed},
                       {QStringLiteral("in_flight"), inFlight},
                       {QStringLiteral("dead_lettered"), deadLettered},
                       {QStringLiteral("ops_reaped"), opsReaped},
                       {QStringLiteral("duration_ms"), durationMs},
                       {QStringLiteral("started_at"), startedAt},
                       {QStringLiteral("replica_id"), replicaId}};
}

ReconcileReport ReconcileReport::fromJson(const QJsonObject &o)
{
    ReconcileReport r;
    r.lockAcquired = o.value(QLatin1String("lock_acquired")).toBool();
    r.stalePendingDeleted = o.value(QLatin1String("stale_pending_deleted")).toInt();
    r.confirmed = o.value(QLatin1String("confirmed")).toInt();
    r.retried = o.value(QLatin1String("retried")).toInt();
    r.succeeded = o.value(QLatin1String("succeeded")).toInt();
    r.failed = o.value(QLatin1String("failed")).toInt();
    r.inFlight = o.value(QLatin1String("in_flight")).toInt();
    r.deadLettered = o.value(QLatin1String("dead_lettered")).toInt();
    r.opsReaped = o.value(QLatin1String("ops_reaped")).toInt();
    r.durationMs = o.value(QLatin1String("duration_ms")).toInteger();
    r.startedAt = o.value(QLatin1String("started_at")).toInteger();
    r.replicaId = o.value(QLatin1String("replica_id")).toString();
    return r;
}

Reason ReconcileReport::reason() const
{
    if (!lockAcquired)
        return Reason::make("reconcile_lock_busy");
    Reason r = Reason::make("reconcile_report");
    r.args = toJson();
    return r;
}

} // namespace fleetdeck
