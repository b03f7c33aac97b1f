#include "core/reason.h"

#include "core/units.h"

#include <QJsonArray>
#include <cstring>
#include <functional>

namespace fleetdeck {
namespace {

// Every code and its English text, the one list (docs/reason-codes.md lists the same, and
// tst_reason checks that it does). `{key}` is an arg; `{key:format}` formats it (size, age,
// duration, list, reason, node_errors, node_states, ops_word); a `[…]` part is written only when
// every arg it names is present.
struct Entry {
    const char *code;
    const char *text;
};

const Entry kTable[] = {
    // Worker: install, upgrade and delete replies (docs/worker.md)
    {"sha256_mismatch", "sha256 mismatch for {backend}: expected {expected}, got {actual}"},
    {"archive_escape", "archive entry escapes target directory: {entry}"},
    {"symlink_escape", "symlink escapes target directory: {entry} -> {target}"},
    {"archive_entry_unsupported", "unsupported entry type: {entry}"},
    {"archive_hardlink_invalid", "hard link {entry} -> {target} does not name an earlier regular file"},
    {"archive_invalid", "invalid archive {file}: {detail}"},
    {"archive_compression_mismatch", "invalid archive {file}: not compressed as its name says"},
    {"archive_too_large", "archive exceeds extraction limits"},
    {"extraction_failed", "extraction failed: {detail}"},
    {"download_failed", "download failed: {detail}"},
    {"download_http_status", "download failed: HTTP {status} for {uri}"},
    {"download_too_large", "download failed: artifact exceeds the size limit of {limit} bytes: {uri}"},
    {"download_stalled", "download stalled: no data for {stall_ms:duration}"},
    {"file_not_allowed", "file:// path {path} is not below an allowed root"},
    {"gallery_not_allowed", "gallery {gallery} is not allowed on this node"},
    {"unsupported_uri_scheme", "unsupported URI scheme \"{scheme}\""},
    {"invalid_backend_name", "invalid backend name \"{backend}\""},
    {"system_backend", "backend {backend} is a system backend and cannot be deleted"},
    {"cannot_create", "cannot create {path}"},
    {"commit_failed", "commit failed: {detail}"},
    {"delete_failed", "cannot delete {backend}: {detail}"},
    {"cancelled_by_request", "cancelled by request"},
    {"node_shutting_down", "node is shutting down"},
    {"internal_error", "internal error: {detail}"},
    // Node rows of an op (docs/operations.md#fan-out, #reconcile-pass)
    {"command_failed", "{kind} failed: {error:reason}"},
    {"no_responders", "no responders from node {node}"},
    {"request_timeout", "nats: timeout"},
    {"transport_error", "nats: {detail}"},
    {"invalid_reply", "invalid reply: {detail}"},
    {"store_unreachable", "store unreachable: {detail}"},
    {"enqueue_failed", "enqueue failed: {detail}"},
    {"cancelled_before_contact", "cancelled before contact"},
    {"cancelled", "cancelled"},
    {"node_deleted", "node deleted by admin"},
    {"node_deferred", "node {status}, will retry when healthy"},
    {"pending_taken_over", "pending row taken over by another op"},
    {"completed_before_cancel", "completed before cancel took effect"},
    {"deleted", "deleted"},
    {"installed", "installed[ {version}]"},
    {"worker_still_busy", "worker still busy; reconciler will confirm"},
    {"replica_shut_down", "replica shut down; reconciler will confirm"},
    {"node_left_before_confirm", "node {status} before confirming"},
    {"node_offline_before_confirm", "node went offline before confirming"},
    {"pending_dropped", "pending op dropped: node {status}"},
    {"node_superseded", "superseded by op {op}"},
    {"confirmed_by_listing", "confirmed by listing"},
    {"cancel_outcome_unknown", "cancel sent; outcome unknown"},
    {"dead_lettered", "dead-lettered after {attempts} attempts[: {error:reason}]"},
    {"attempt_failed", "attempt {attempt} failed: {error:reason}"},
    {"reaped_node", "reaped"},
    {"failed", "failed"},
    {"backend_state_unknown", "backend state unknown: {detail}"},
    {"meta_no_match", "no capability of meta backend {backend} matches this node ({gpu_vendor})"},
    // Ops (docs/operations.md#states, #fan-out-result, #reaper, #supersede)
    {"queued", "Queued"},
    {"processing_backend", "processing backend: {backend}"},
    {"processing_file", "processing file: {file}. Total: {total_bytes:size}. Current: {current_bytes:size}"},
    {"worker_still_installing",
     "backend {backend}: worker still installing in background; reconciler will confirm completion ({nodes:list})"},
    {"worker_still_deleting",
     "backend {backend}: worker still deleting in background; reconciler will confirm completion ({nodes:list})"},
    {"completed", "completed"},
    {"op_error", "error: {error:reason}"},
    {"node_errors", "{errors:node_errors}"},
    {"no_eligible_nodes", "no eligible nodes for {kind} of {backend}"},
    {"no_node_accepted", "no target node accepted the operation: {nodes:node_states}"},
    {"reaped", "stale operation reaped (abandoned by a crashed or restarted replica)"},
    {"superseded", "superseded by {op}"},
    {"node_backends_unknown", "node {node} is {status}; its backends are unknown"},
    {"backend_not_installed", "backend \"{backend}\" is not installed on node {node}"},
    {"backend_not_installed_anywhere", "backend \"{backend}\" is not installed on any node"},
    // Admission, retry, cancel and dismiss refusals (docs/operations.md#admission, #cancel, #dismiss)
    {"unknown_backend", "unknown backend \"{backend}\": not in any configured gallery"},
    {"meta_capability_unknown", "meta backend {backend}: capability {capability} names unknown backend \"{target}\""},
    {"gpu_vendor_mismatch", "backend {backend} requires gpu_vendor {required:list}; node {node} has {actual}"},
    {"unknown_node", "unknown node \"{node}\""},
    {"node_pending_approval", "node {node} is pending approval"},
    {"node_draining", "node {node} is draining"},
    {"already_active", "{kind} of {backend} is already active as op {op}; wait for it or cancel it"},
    {"op_not_found", "operation {op} not found"},
    {"retry_not_allowed", "operation {op} is {state}; only failed or cancelled operations can be retried"},
    {"history_not_found", "history entry {id} not found"},
    {"history_not_retryable", "history entry {id} ({outcome}) cannot be retried"},
    {"already_cancelled", "operation {op} is already cancelled"},
    {"already_finished", "operation {op} already finished ({state})"},
    {"not_cancellable", "operation {op} cannot be cancelled while running (delete)"},
    {"dismiss_not_failed", "only failed operations can be dismissed; cancel active ones"},
    // Nodes: status reasons and refused admin actions (docs/nodes.md#statuses)
    {"drained_by_admin", "drained by admin"},
    {"deleted_by_admin", "deleted by admin"},
    {"worker_shutting_down", "worker shutting down"},
    {"worker_stopped", "worker stopped"},
    {"heartbeat_stale", "heartbeat stale"},
    {"no_responders_on", "no responders on {subject}"},
    {"node_offline", "node {node} is offline (last heartbeat {heartbeat_age_ms:age} ago)"},
    {"node_pending_resume", "node {node} is pending approval; approve it instead"},
    {"node_not_pending", "node {node} is not pending approval"},
    // Connection indicator and connecting screen (docs/gui.md#connection-indicator-and-re-seed)
    {"nats_unreachable", "NATS {url} unreachable, retrying"},
    {"no_nats_round_trip", "no NATS round-trip since the last flush"},
    {"nats_flush_failed", "NATS flush failed: {detail}"},
    {"no_store_query", "no store query answered yet"},
    {"checking_cluster", "checking the cluster on {url}"},
    {"store_open_failed", "store {dsn}: {detail}"},
    {"foreign_cluster",
     "NATS {url} already carries Fleetdeck cluster {cluster} (replica {replica} on {host}); this store belongs to cluster "
     "{own_cluster}"},
    // Reconcile report (docs/operations.md#reconcile-report)
    {"reconcile_report",
     "Reconcile: {stale_pending_deleted} stale pending deleted, {confirmed} confirmed, {retried} retried "
     "({succeeded} succeeded, {failed} failed), {dead_lettered} dead-lettered, {ops_reaped} "
     "{ops_reaped:ops_word} reaped — {duration_ms} ms"},
    {"reconcile_lock_busy", "Another replica is reconciling; nothing done"},
};

const Entry *find(const QString &code)
{
    for (const Entry &e : kTable)
        if (code == QLatin1String(e.code))
            return &e;
    return nullptr;
}

QString scalarText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble()) {
        const double d = v.toDouble();
        const qint64 i = v.toInteger();
        return double(i) == d ? QString::number(i) : QString::number(d);
    }
    return {};
}

QString joined(const QJsonArray &items, const QString &sep, const std::function<QString(const QJsonValue &)> &one)
{
    QStringList out;
    for (const QJsonValue &v : items)
        out << one(v);
    return out.join(sep);
}

QString formatted(const QJsonValue &v, const QString &format)
{
    if (format.isEmpty())
        return scalarText(v);
    if (format == QLatin1String("size"))
        return humanSize(v.toInteger());
    if (format == QLatin1String("age"))
        return formatAge(v.toInteger());
    if (format == QLatin1String("duration")) {
        const qint64 ms = v.toInteger();
        return ms % 1000 == 0 ? QStringLiteral("%1 s").arg(ms / 1000) : QStringLiteral("%1 ms").arg(ms);
    }
    if (format == QLatin1String("list"))
        return joined(v.toArray(), QStringLiteral(", "), scalarText);
    if (format == QLatin1String("reason"))
        return englishText(reasonFromJson(v));
    if (format == QLatin1String("node_errors")) // [{node, error}] → "a: …; b: …"
        return joined(v.toArray(), QStringLiteral("; "), [](const QJsonValue &e) -> QString {
            const QJsonObject o = e.toObject();
            return o.value(QLatin1String("node")).toString() + QStringLiteral(": ")
                   + englishText(reasonFromJson(o.value(QLatin1String("error"))));
        });
    if (format == QLatin1String("node_states")) // [{node, status}] → "a (cancelled), b (offline)"
        return joined(v.toArray(), QStringLiteral(", "), [](const QJsonValue &e) -> QString {
            const QJsonObject o = e.toObject();
            return QStringLiteral("%1 (%2)").arg(o.value(QLatin1String("node")).toString(),
                                                 o.value(QLatin1String("status")).toString());
        });
    if (format == QLatin1String("ops_word"))
        return v.toInteger() == 1 ? QStringLiteral("op") : QStringLiteral("ops");
    return scalarText(v);
}

// Fills `text` from `args`; *missing is set when a placeholder's arg is absent.
QString fill(QStringView text, const QJsonObject &args, bool *missing)
{
    QString out;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('[')) {
            const qsizetype end = text.indexOf(QLatin1Char(']'), i);
            bool partMissing = false;
            const QString part = fill(text.mid(i + 1, end - i - 1), args, &partMissing);
            if (!partMissing)
                out += part;
            i = end + 1;
        } else if (c == QLatin1Char('{')) {
            const qsizetype end = text.indexOf(QLatin1Char('}'), i);
            const QStringView spec = text.mid(i + 1, end - i - 1);
            const qsizetype colon = spec.indexOf(QLatin1Char(':'));
            const QString key = (colon < 0 ? spec : spec.left(colon)).toString();
            const QString format = colon < 0 ? QString() : spec.mid(colon + 1).toString();
            if (!args.contains(key))
                *missing = true;
            out += formatted(args.value(key), format);
            i = end + 1;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

} // namespace

Reason Reason::make(const char *code, std::initializer_list<Arg> args)
{
    Reason r;
    r.code = QString::fromLatin1(code);
    Q_ASSERT_X(find(r.code), "Reason::make", code);
    for (const Arg &a : args)
        r.args.insert(QString::fromLatin1(a.first), a.second);
    return r;
}

Reason Reason::plain(const QString &text)
{
    return Reason{QString(), QJsonObject{{QStringLiteral("text"), text}}};
}

QString englishText(const Reason &r)
{
    if (!r.hasCode())
        return r.args.value(QLatin1String("text")).toString();
    const Entry *e = find(r.code);
    if (!e) // a newer peer's code: its text travels beside it, never here
        return r.code;
    bool missing = false;
    return fill(QString::fromUtf8(e->text), r.args, &missing);
}

Reason withCode(const Reason &r)
{
    return r.hasCode() ? r : Reason{};
}

QJsonObject reasonToJson(const Reason &r)
{
    QJsonObject o{{QStringLiteral("text"), englishText(r)}};
    if (r.hasCode()) {
        o.insert(QStringLiteral("code"), r.code);
        o.insert(QStringLiteral("args"), r.args);
    }
    return o;
}

Reason reasonFromJson(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    const QString code = o.value(QLatin1String("code")).toString();
    if (!find(code)) // no code, or a newer peer's: its English text
        return Reason::plain(o.value(QLatin1String("text")).toString());
    return Reason{code, o.value(QLatin1String("args")).toObject()};
}

Reason codedOrPlain(const Reason &coded, const QString &text)
{
    return coded.hasCode() ? coded : Reason::plain(text);
}

void insertReason(QJsonObject &o, QLatin1StringView field, const Reason &r)
{
    if (!r.hasCode())
        return;
    o.insert(QString(field) + QStringLiteral("_code"), r.code);
    o.insert(QString(field) + QStringLiteral("_args"), r.args);
}

Reason readReason(const QJsonObject &o, QLatin1StringView field)
{
    // Read for the op and each node row of every status message on the engine thread: the keys
    // are built on the stack, and a message without a code (most of them) costs one search.
    char key[64];
    const qsizetype n = field.size();
    if (n + 5 > qsizetype(sizeof key))
        return {};
    std::memcpy(key, field.data(), size_t(n));
    std::memcpy(key + n, "_code", 5);
    const QJsonValue code = o.value(QLatin1StringView(key, n + 5));
    if (!code.isString())
        return {};
    std::memcpy(key + n, "_args", 5);
    const QJsonValue args = o.value(QLatin1StringView(key, n + 5));
    if (!find(code.toString()) || !(args.isObject() || args.isUndefined() || args.isNull()))
        return {}; // none, malformed, or a newer peer's code: the English text beside it is the word
    return Reason{code.toString(), args.toObject()};
}

QStringList reasonCodes()
{
    QStringList out;
    for (const Entry &e : kTable)
        out << QString::fromLatin1(e.code);
    return out;
}

QStringList reasonArgKeys(const QString &code)
{
    QStringList keys;
    const Entry *e = find(code);
    if (!e)
        return keys;
    const QString text = QString::fromUtf8(e->text);
    for (qsizetype i = text.indexOf(QLatin1Char('{')); i >= 0; i = text.indexOf(QLatin1Char('{'), i + 1)) {
        const QString spec = text.mid(i + 1, text.indexOf(QLatin1Char('}'), i) - i - 1);
        const QString key = spec.section(QLatin1Char(':'), 0, 0);
        if (!keys.contains(key))
            keys << key;
    }
    return keys;
}

bool isKnownReasonCode(const QString &code)
{
    return find(code) != nullptr;
}

QString reasonTemplate(const QString &code)
{
    const Entry *e = find(code);
    return e ? QString::fromUtf8(e->text) : QString();
}

} // namespace fleetdeck
