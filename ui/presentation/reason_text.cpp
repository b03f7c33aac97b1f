#include "presentation/reason_text.h"

#include "widgets/format.h"

#include <QJsonArray>
#include <QLocale>

namespace fleetdeck::ui {

namespace {

struct Source {
    const char *text;
    const char *comment;
};

// One wording of a code: its text with %1… for `args` in order ("key" or "key:format"). A code may
// have two wordings, the first used when all its args are present (the `[…]` parts of the table).
struct Wording {
    const char *code;
    Source source;
    const char *args;
};

const Wording kWordings[] = {
    {"sha256_mismatch", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "sha256 mismatch for %1: expected %2, got %3", "sha256_mismatch"), "backend,expected,actual"},
    {"archive_escape", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "archive entry escapes target directory: %1", "archive_escape"), "entry"},
    {"symlink_escape", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "symlink escapes target directory: %1 -> %2", "symlink_escape"), "entry,target"},
    {"archive_entry_unsupported", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "unsupported entry type: %1", "archive_entry_unsupported"), "entry"},
    {"archive_hardlink_invalid", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "hard link %1 -> %2 does not name an earlier regular file", "archive_hardlink_invalid"), "entry,target"},
    {"archive_invalid", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "invalid archive %1: %2", "archive_invalid"), "file,detail"},
    {"archive_compression_mismatch", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "invalid archive %1: not compressed as its name says", "archive_compression_mismatch"), "file"},
    {"archive_too_large", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "archive exceeds extraction limits", "archive_too_large"), ""},
    {"extraction_failed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "extraction failed: %1", "extraction_failed"), "detail"},
    {"download_failed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "download failed: %1", "download_failed"), "detail"},
    {"download_http_status", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "download failed: HTTP %1 for %2", "download_http_status"), "status:raw,uri"},
    {"download_too_large", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "download failed: artifact exceeds the size limit of %1: %2", "download_too_large"), "limit:size,uri"},
    {"download_stalled", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "download stalled: no data for %1", "download_stalled"), "stall_ms:duration"},
    {"file_not_allowed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "file:// path %1 is not below an allowed root", "file_not_allowed"), "path"},
    {"gallery_not_allowed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "gallery %1 is not allowed on this node", "gallery_not_allowed"), "gallery"},
    {"unsupported_uri_scheme", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "unsupported URI scheme \"%1\"", "unsupported_uri_scheme"), "scheme"},
    {"invalid_backend_name", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "invalid backend name \"%1\"", "invalid_backend_name"), "backend"},
    {"system_backend", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "backend %1 is a system backend and cannot be deleted", "system_backend"), "backend"},
    {"cannot_create", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "cannot create %1", "cannot_create"), "path"},
    {"commit_failed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "commit failed: %1", "commit_failed"), "detail"},
    {"delete_failed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "cannot delete %1: %2", "delete_failed"), "backend,detail"},
    {"cancelled_by_request", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "cancelled by request", "cancelled_by_request"), ""},
    {"node_shutting_down", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "node is shutting down", "node_shutting_down"), ""},
    {"internal_error", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "internal error: %1", "internal_error"), "detail"},
    {"command_failed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "%1 failed: %2", "command_failed"), "kind:word,error:reason"},
    {"no_responders", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "no responders from node %1", "no_responders"), "node"},
    {"request_timeout", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "NATS: timeout", "request_timeout"), ""},
    {"transport_error", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "NATS: %1", "transport_error"), "detail"},
    {"invalid_reply", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "invalid reply: %1", "invalid_reply"), "detail"},
    {"store_unreachable", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "store unreachable: %1", "store_unreachable"), "detail"},
    {"enqueue_failed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "enqueue failed: %1", "enqueue_failed"), "detail"},
    {"cancelled_before_contact", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "cancelled before contact", "cancelled_before_contact"), ""},
    {"cancelled", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "cancelled", "cancelled"), ""},
    {"node_deleted", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "node deleted by admin", "node_deleted"), ""},
    {"node_deferred", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "node %1; will retry when healthy", "node_deferred"), "status:predicate"},
    {"pending_taken_over", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "pending row taken over by another op", "pending_taken_over"), ""},
    {"completed_before_cancel", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "completed before cancel took effect", "completed_before_cancel"), ""},
    {"deleted", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "deleted", "deleted"), ""},
    {"installed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "installed %1", "installed"), "version"},
    {"installed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "installed", "installed"), ""},
    {"worker_still_busy", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "worker still busy; reconciler will confirm", "worker_still_busy"), ""},
    {"replica_shut_down", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "replica shut down; reconciler will confirm", "replica_shut_down"), ""},
    {"node_left_before_confirm", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "not confirmed: node %1", "node_left_before_confirm"), "status:predicate"},
    {"node_offline_before_confirm", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "node went offline before confirming", "node_offline_before_confirm"), ""},
    {"pending_dropped", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "pending op dropped: node %1", "pending_dropped"), "status:predicate"},
    {"node_superseded", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "superseded by op %1", "node_superseded"), "op"},
    {"confirmed_by_listing", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "confirmed by listing", "confirmed_by_listing"), ""},
    {"cancel_outcome_unknown", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "cancel sent; outcome unknown", "cancel_outcome_unknown"), ""},
    {"dead_lettered", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "dead-lettered after %1 attempts: %2", "dead_lettered"), "attempts,error:reason"},
    {"dead_lettered", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "dead-lettered after %1 attempts", "dead_lettered"), "attempts"},
    {"attempt_failed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "attempt %1 failed: %2", "attempt_failed"), "attempt,error:reason"},
    {"reaped_node", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "reaped", "reaped_node"), ""},
    {"failed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "failed", "failed"), ""},
    {"backend_state_unknown", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "backend state unknown: %1", "backend_state_unknown"), "detail"},
    {"meta_no_match", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "no capability of meta backend %1 matches this node (%2)", "meta_no_match"), "backend,gpu_vendor"},
    {"queued", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "Queued", "queued"), ""},
    {"processing_backend", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "processing backend: %1", "processing_backend"), "backend"},
    {"processing_file", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "processing file: %1. Total: %2. Current: %3", "processing_file"), "file,total_bytes:size,current_bytes:size"},
    {"worker_still_installing",
     QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "backend %1: the worker is still installing in the background; the reconciler will confirm completion (%2)",
        "worker_still_installing"),
     "backend,nodes:list"},
    {"worker_still_deleting",
     QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "backend %1: the worker is still deleting in the background; the reconciler will confirm completion (%2)",
        "worker_still_deleting"),
     "backend,nodes:list"},
    {"completed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "completed", "completed"), ""},
    {"op_error", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "error: %1", "op_error"), "error:reason"},
    {"no_eligible_nodes", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "no eligible nodes for %1 of %2", "no_eligible_nodes"), "kind:word,backend"},
    {"no_node_accepted", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "no target node accepted the operation: %1", "no_node_accepted"), "nodes:node_states"},
    {"reaped", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "stale operation reaped (abandoned by a crashed or restarted replica)", "reaped"), ""},
    {"superseded", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "superseded by %1", "superseded"), "op"},
    {"node_backends_unknown", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "node %1 %2; its backends are unknown", "node_backends_unknown"), "node,status:predicate"},
    {"backend_not_installed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "backend \"%1\" is not installed on node %2", "backend_not_installed"), "backend,node"},
    {"backend_not_installed_anywhere", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "backend \"%1\" is not installed on any node", "backend_not_installed_anywhere"), "backend"},
    {"unknown_backend", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "unknown backend \"%1\": not in any configured gallery", "unknown_backend"), "backend"},
    {"meta_capability_unknown", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "meta backend %1: capability %2 names unknown backend \"%3\"", "meta_capability_unknown"),
     "backend,capability,target"},
    {"gpu_vendor_mismatch", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "backend %1 requires GPU vendor %2; node %3 has %4", "gpu_vendor_mismatch"),
     "backend,required:list,node,actual"},
    {"unknown_node", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "unknown node \"%1\"", "unknown_node"), "node"},
    {"node_pending_approval", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "node %1 is pending approval", "node_pending_approval"), "node"},
    {"node_draining", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "node %1 is draining", "node_draining"), "node"},
    {"already_active", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "%1 of %2 is already active as op %3; wait for it or cancel it", "already_active"), "kind:word,backend,op"},
    {"op_not_found", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "operation %1 not found", "op_not_found"), "op"},
    {"retry_not_allowed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "operation %1 is %2; only failed or cancelled operations can be retried", "retry_not_allowed"),
     "op,state:word"},
    {"history_not_found", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "history entry %1 not found", "history_not_found"), "id:raw"},
    {"history_not_retryable", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "history entry %1 (%2) cannot be retried", "history_not_retryable"), "id:raw,outcome:word"},
    {"already_cancelled", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "operation %1 is already cancelled", "already_cancelled"), "op"},
    {"already_finished", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "operation %1 already finished (%2)", "already_finished"), "op,state:word"},
    {"not_cancellable", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "operation %1 cannot be cancelled while running (delete)", "not_cancellable"), "op"},
    {"dismiss_not_failed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "only failed operations can be dismissed; cancel active ones", "dismiss_not_failed"), ""},
    {"drained_by_admin", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "drained by admin", "drained_by_admin"), ""},
    {"deleted_by_admin", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "deleted by admin", "deleted_by_admin"), ""},
    {"worker_shutting_down", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "worker shutting down", "worker_shutting_down"), ""},
    {"worker_stopped", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "worker stopped", "worker_stopped"), ""},
    {"heartbeat_stale", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "heartbeat stale", "heartbeat_stale"), ""},
    {"no_responders_on", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "no responders on %1", "no_responders_on"), "subject"},
    {"node_offline", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "node %1 is offline (last heartbeat %2 ago)", "node_offline"), "node,heartbeat_age_ms:duration"},
    {"node_pending_resume", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "node %1 is pending approval; approve it instead", "node_pending_resume"), "node"},
    {"node_not_pending", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "node %1 is not pending approval", "node_not_pending"), "node"},
    {"nats_unreachable", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "NATS %1 unreachable, retrying", "nats_unreachable"), "url"},
    {"no_nats_round_trip", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "no NATS round-trip since the last flush", "no_nats_round_trip"), ""},
    {"nats_flush_failed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "NATS flush failed: %1", "nats_flush_failed"), "detail"},
    {"no_store_query", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "no store query answered yet", "no_store_query"), ""},
    {"checking_cluster", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "checking the cluster on %1", "checking_cluster"), "url"},
    {"store_open_failed", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "store %1: %2", "store_open_failed"), "dsn,detail"},
    {"foreign_cluster",
     QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "NATS %1 already carries Fleetdeck cluster %2 (replica %3 on %4); this store belongs to cluster %5", "foreign_cluster"),
     "url,cluster,replica,host,own_cluster"},
    {"reconcile_lock_busy", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "Another replica is reconciling; nothing done", "reconcile_lock_busy"), ""},
};

// The protocol's enumerations (kind, status, state, outcome) as words; an unknown one as it is.
QString enumWord(const QString &v)
{
    static const Source kWords[] = {
        QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "install", "operation kind"),     QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "reinstall", "operation kind"),  QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "upgrade", "operation kind"),
        QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "delete", "operation kind"),      QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "pending", "node status"),       QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "healthy", "node status"),
        QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "unhealthy", "node status"),      QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "offline", "node status"),       QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "draining", "node status"),
        QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "deleted", "node status"),        QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "queued", "operation state"),    QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "running", "operation state"),
        QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "running_on_worker", "operation state"), QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "success", "operation state"), QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "failed", "operation state"),
        QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "cancelled", "operation state"),
    };
    for (const Source &w : kWords)
        if (v == QLatin1String(w.text))
            return QCoreApplication::translate("fleetdeck::ui::ReasonText", w.text, w.comment);
    return v;
}

} // namespace

QString nodeStatusPredicate(const QString &v)
{
    static const struct {
        const char *status;
        Source source;
    } kPredicates[] = {
        {"pending", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "is pending approval", "node status as a predicate")},
        {"healthy", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "is healthy", "node status as a predicate")},
        {"unhealthy", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "is unhealthy", "node status as a predicate")},
        {"offline", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "is offline", "node status as a predicate")},
        {"draining", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "is draining", "node status as a predicate")},
        {"deleted", QT_TRANSLATE_NOOP3("fleetdeck::ui::ReasonText", "is deleted", "node status as a predicate")},
    };
    for (const auto &p : kPredicates)
        if (v == QLatin1String(p.status))
            return QCoreApplication::translate("fleetdeck::ui::ReasonText", p.source.text, p.source.comment);
    return ReasonText::tr("is %1", "node status as a predicate, one this build does not know").arg(v);
}

namespace {

QString formatted(const QJsonValue &v, const QString &format)
{
    const QLocale locale;
    if (format == QLatin1String("reason"))
        return reasonText(reasonFromJson(v));
    if (format == QLatin1String("size"))
        return bytes(v.toInteger());
    if (format == QLatin1String("duration"))
        return duration(v.toInteger());
    if (format == QLatin1String("word"))
        return enumWord(v.toString());
    if (format == QLatin1String("predicate"))
        return nodeStatusPredicate(v.toString());
    if (format == QLatin1String("list")) {
        QStringList items;
        for (const QJsonValue &i : v.toArray())
            items << i.toString();
        return items.join(QStringLiteral(", "));
    }
    if (format == QLatin1String("node_errors")) { // "a: …; b: …"
        QStringList items;
        for (const QJsonValue &e : v.toArray()) {
            const QJsonObject o = e.toObject();
            items << ReasonText::tr("%1: %2", "node: error")
                         .arg(o.value(QLatin1String("node")).toString(), reasonText(reasonFromJson(o.value(QLatin1String("error")))));
        }
        return items.join(QStringLiteral("; "));
    }
    if (format == QLatin1String("node_states")) { // "a (cancelled), b (offline)"
        QStringList items;
        for (const QJsonValue &e : v.toArray()) {
            const QJsonObject o = e.toObject();
            items << ReasonText::tr("%1 (%2)", "node (status)")
                         .arg(o.value(QLatin1String("node")).toString(), enumWord(o.value(QLatin1String("status")).toString()));
        }
        return items.join(QStringLiteral(", "));
    }
    if (v.isDouble())
        return format == QLatin1String("raw") ? QString::number(v.toInteger()) : locale.toString(v.toInteger());
    return v.toString();
}

bool hasArgs(const QJsonObject &args, const QStringList &specs)
{
    for (const QString &s : specs)
        if (!args.contains(s.section(QLatin1Char(':'), 0, 0)))
            return false;
    return true;
}

// Its "%n op(s)" reads as English only through a catalogue: without one (English, no .qm) the
// engine's own text says "op" or "ops".
QString reconcileReport(const QJsonObject &a, const QString &english)
{
    static const char *const kSource = "Reconcile: %1 stale pending deleted, %2 confirmed, %3 retried (%4 succeeded, "
                                       "%5 failed), %6 dead-lettered, %n op(s) reaped — %7 ms";
    if (QCoreApplication::translate("fleetdeck::ui::ReasonText", kSource, "reconcile_report") == QString::fromUtf8(kSource))
        return english;
    const QLocale l;
    auto n = [&](const char *key) { return l.toString(a.value(QLatin1String(key)).toInteger()); };
    return ReasonText::tr("Reconcile: %1 stale pending deleted, %2 confirmed, %3 retried (%4 succeeded, %5 failed), "
                          "%6 dead-lettered, %n op(s) reaped — %7 ms",
                          "reconcile_report", int(a.value(QLatin1String("ops_reaped")).toInteger()))
        .arg(n("stale_pending_deleted"), n("confirmed"), n("retried"), n("succeeded"), n("failed"), n("dead_lettered"),
             n("duration_ms"));
}

} // namespace

QString reasonText(const Reason &r, const QString &englishFallback)
{
    const QString fallback = englishFallback.isEmpty() ? englishText(r) : englishFallback;
    if (!r.hasCode())
        return fallback;
    if (r.code == QLatin1String("reconcile_report"))
        return reconcileReport(r.args, fallback);
    if (r.code == QLatin1String("node_errors")) // the nodes' own reasons, nothing around them to word
        return formatted(r.args.value(QLatin1String("errors")), QStringLiteral("node_errors"));
    for (const Wording &w : kWordings) {
        if (r.code != QLatin1String(w.code))
            continue;
        const QStringList specs = QString::fromLatin1(w.args).split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (!hasArgs(r.args, specs))
            continue; // a wording without the optional part follows, or the English text
        QString text = QCoreApplication::translate("fleetdeck::ui::ReasonText", w.source.text, w.source.comment);
        QStringList values;
        for (const QString &s : specs)
            values << formatted(r.args.value(s.section(QLatin1Char(':'), 0, 0)), s.section(QLatin1Char(':'), 1));
        // One multi-arg pass: a value holding "%1" is never substituted again.
        switch (values.size()) {
        case 0: return text;
        case 1: return text.arg(values[0]);
        case 2: return text.arg(values[0], values[1]);
        case 3: return text.arg(values[0], values[1], values[2]);
        case 4: return text.arg(values[0], values[1], values[2], values[3]);
        default: return text.arg(values[0], values[1], values[2], values[3], values[4]);
        }
    }
    return fallback;
}

std::optional<QString> reasonText(const Reason &r, const std::optional<QString> &englishFallback)
{
    if (!englishFallback)
        return std::nullopt;
    return reasonText(r, *englishFallback);
}

} // namespace fleetdeck::ui
