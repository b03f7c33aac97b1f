#pragma once
// The report of a reconcile pass (docs/operations.md#reconcile-report) and its one-line summary
// (docs/gui.md#reconcile-actions).
#include "core/reason.h"

#include <QJsonObject>
#include <QString>

namespace fleetdeck {

struct ReconcileReport {
    bool lockAcquired = false;
    int stalePendingDeleted = 0;
    int confirmed = 0;
    int retried = 0;
    int succeeded = 0;
    int failed = 0;
    int inFlight = 0;
    int deadLettered = 0;
    int opsReaped = 0;
    qint64 durationMs = 0;
    qint64 startedAt = 0;
    QString replicaId;

    QJsonObject toJson() const;
    static ReconcileReport fromJson(const QJsonObject &o);
    // "Reconcile: 2 stale pending deleted, 1 confirmed, 3 retried (2 succeeded, 1 failed),
    // 0 dead-lettered, 1 op reaped — 812 ms" or "Another replica is reconciling; nothing done":
    // the English text of reason() (reconcile_report with toJson()'s counts as args, or
    // reconcile_lock_busy; docs/reason-codes.md).
    QString summary() const { return englishText(reason()); }
    Reason reason() const;
};

} // namespace fleetdeck
