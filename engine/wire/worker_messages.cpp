#include "wire/worker_messages.h"

#include "core/json_reader.h"
#include "gallery/gallery_index.h"

#include <QJsonDocument>

namespace fleetdeck::wire {
namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

template <typename T>
Result<T> fail(const QString &e)
{
    return Result<T>::failure(e);
}

// Parses the payload, then runs `fill` with a reader; returns the message or the first error.
template <typename T, typename F>
Result<T> decodeWith(const QByteArray &payload, qint64 maxBytes, F fill)
{
    QString error;
    const auto obj = parseJsonObject(payload, maxBytes, &error);
    if (!obj)
        return fail<T>(error);
    JsonReader r(*obj);
    T msg;
    const QString extra = fill(r, msg, *obj);
    if (!r.ok())
        return fail<T>(r.error());
    if (!extra.isEmpty())
        return fail<T>(extra);
    return msg;
}

QString checkBackend(const QString &b)
{
    if (!isValidBackendName(b))
        return QStringLiteral("invalid backend name \"%1\"").arg(b);
    return {};
}

} // namespace

QByteArray encode(const RegisterRequest &m)
{
    QJsonObject o{{QStringLiteral("name"), m.name},
                  {QStringLiteral("labels"), m.labels},
                  {QStringLiteral("resources"), m.resources},
                  {QStringLiteral("worker_version"), m.workerVersion}};
    if (!m.token.isEmpty())
        o.insert(QStringLiteral("token"), m.token);
    return compact(o);
}

QByteArray encode(const RegisterReply &m)
{
    if (!m.error.isEmpty())
        return registerError(m.error);
    return compact(QJsonObject{{QStringLiteral("id"), m.id},
                               {QStringLiteral("name"), m.name},
                               {QStringLiteral("status"), m.status},
                               {QStringLiteral("heartbeat_interval_s"), m.heartbeatIntervalS}});
}

QByteArray encode(const Heartbeat &m)
{
    return compact(QJsonObject{{QStringLiteral("node_id"), m.nodeId},
                               {QStringLiteral("name"), m.name},
                               {QStringLiteral("state"), m.state},
                               {QStringLiteral("sent_at"), m.sentAt},
                               {QStringLiteral("resources"), m.resources},
                               {QStringLiteral("worker_version"), m.workerVersion}});
}

QByteArray encode(const InstallRequest &m, bool upgrade)
{
    QJsonObject o{{QStringLiteral("backend"), m.backend},
                  {QStringLiteral("galleries"), m.galleries},
                  {QStringLiteral("entry"), m.entry}};
    if (!upgrade)
        o.insert(QStringLiteral("force"), m.force);
    if (!m.opId.isEmpty())
        o.insert(QStringLiteral("op_id"), m.opId);
    return compact(o);
}

QByteArray encode(const CommandReply &m)
{
    QJsonObject o{{QStringLiteral("success"), m.success}};
    if (m.cancelled)
        o.insert(QStringLiteral("cancelled"), true);
    if (!m.error.isEmpty())
        o.insert(QStringLiteral("error"), m.error);
    insertReason(o, QLatin1StringView("error"), m.errorCode);
    if (m.installed)
        o.insert(QStringLiteral("installed"), QJsonObject{{QStringLiteral("version"), m.installed->version},
                                                          {QStringLiteral("digest"), m.installed->digest},
                                                          {QStringLiteral("installed_at"), m.installed->installedAt}});
    return compact(o);
}

QByteArray encode(const ProgressEvent &m)
{
    return compact(QJsonObject{{QStringLiteral("op_id"), m.opId},
                               {QStringLiteral("node_id"), m.nodeId},
                               {QStringLiteral("backend"), m.backend},
                               {QStringLiteral("file_name"), m.fileName},
                               {QStringLiteral("percentage"), m.percentage},
                               {QStringLiteral("phase"), m.phase},
                               {QStringLiteral("current_bytes"), m.currentBytes},
                               {QStringLiteral("total_bytes"), m.totalBytes}});
}

QByteArray encode(const DeleteRequest &m)
{
    QJsonObject o{{QStringLiteral("backend"), m.backend}};
    if (!m.opId.isEmpty())
        o.insert(QStringLiteral("op_id"), m.opId);
    return compact(o);
}

QByteArray encode(const ListReply &m)
{
    QJsonArray backends, jobs;
    for (const ListedBackend &b : m.backends)
        backends.append(QJsonObject{{QStringLiteral("name"), b.name},
                                    {QStringLiteral("is_system"), b.isSystem},
                                    {QStringLiteral("is_meta"), b.isMeta},
                                    {QStringLiteral("meta_backend_for"), b.metaBackendFor},
                                    {QStringLiteral("installed_at"), b.installedAt},
                                    {QStringLiteral("op_id"), b.opId},
                                    {QStringLiteral("gallery_url"), b.galleryUrl},
                                    {QStringLiteral("version"), b.version},
                                    {QStringLiteral("uri"), b.uri},
                                    {QStringLiteral("digest"), b.digest}});
    for (const ListedJob &j : m.jobs)
        jobs.append(QJsonObject{{QStringLiteral("backend"), j.backend},
                                {QStringLiteral("op_id"), j.opId},
                                {QStringLiteral("kind"), j.kind},
                                {QStringLiteral("phase"), j.phase},
                                {QStringLiteral("percentage"), j.percentage}});
    QJsonObject o{{QStringLiteral("backends"), backends}, {QStringLiteral("jobs"), jobs}};
    if (!m.error.isEmpty())
        o.insert(QStringLiteral("error"), m.error);
    return compact(o);
}

QByteArray encode(const CancelRequest &m)
{
    return compact(QJsonObject{{QStringLiteral("op_id"), m.opId}});
}

QByteArray encode(const CancelReply &m)
{
    QJsonObject o{{QStringLiteral("success"), m.success},
                  {QStringLiteral("found"), m.found},
                  {QStringLiteral("too_late"), m.tooLate}};
    if (!m.error.isEmpty())
        o.insert(QStringLiteral("error"), m.error);
    return compact(o);
}

QByteArray commandError(const QString &error)
{
    return compact(QJsonObject{{QStringLiteral("success"), false}, {QStringLiteral("error"), error}});
}

QByteArray commandError(const Reason &error)
{
    QJsonObject o{{QStringLiteral("success"), false}, {QStringLiteral("error"), englishText(error)}};
    insertReason(o, QLatin1StringView("error"), error);
    return compact(o);
}

QByteArray listError(const QString &error)
{
    return compact(QJsonObject{{QStringLiteral("backends"), QJsonArray()}, {QStringLiteral("error"), error}});
}

QByteArray registerError(const QString &error)
{
    return compact(QJsonObject{{QStringLiteral("error"), error}});
}

Result<RegisterRequest> decodeRegisterRequest(const QByteArray &p, qint64 max)
{
    return decodeWith<RegisterRequest>(p, max, [](JsonReader &r, RegisterRequest &m, const QJsonObject &) {
        m.name = r.requiredString("name");
        m.labels = r.optionalObject("labels");
        m.resources = r.optionalObject("resources");
        m.workerVersion = r.optionalString("worker_version");
        m.token = r.optionalString("token");
        return QString();
    });
}

Result<RegisterReply> decodeRegisterReply(const QByteArray &p, qint64 max)
{
    return decodeWith<RegisterReply>(p, max, [](JsonReader &r, RegisterReply &m, const QJsonObject &o) {
        m.error = r.optionalString("error");
        if (!m.error.isEmpty() || o.contains(QLatin1String("error")))
            return QString();
        m.id = r.requiredString("id");
        m.name = r.requiredString("name");
        m.status = r.requiredString("status");
        m.heartbeatIntervalS = static_cast<int>(r.optionalInt("heartbeat_interval_s", 10));
        return QString();
    });
}

Result<Heartbeat> decodeHeartbeat(const QByteArray &p, qint64 max)
{
    return decodeWith<Heartbeat>(p, max, [](JsonReader &r, Heartbeat &m, const QJsonObject &) {
        m.nodeId = r.requiredString("node_id");
        m.name = r.requiredString("name");
        m.state = r.requiredString("state");
        m.sentAt = r.optionalInt("sent_at");
        m.resources = r.optionalObject("resources");
        m.workerVersion = r.optionalString("worker_version");
        if (r.ok() && m.state != QLatin1String("running") && m.state != QLatin1String("draining") && m.state != QLatin1String("stopped"))
            return QStringLiteral("field \"state\": expected running, draining or stopped");
        return QString();
    });
}

Result<InstallRequest> decodeInstallRequest(const QByteArray &p, qint64 max)
{
    return decodeWith<InstallRequest>(p, max, [](JsonReader &r, InstallRequest &m, const QJsonObject &) {
        m.backend = r.requiredString("backend");
        m.galleries = r.requiredArray("galleries");
        m.entry = r.requiredObject("entry");
        m.force = r.optionalBool("force");
        m.opId = r.optionalString("op_id");
        if (!r.ok())
            return QString();
        if (const QString e = checkBackend(m.backend); !e.isEmpty())
            return e;
        JsonReader er(m.entry, QStringLiteral("entry."));
        const QString name = er.requiredString("name");
        er.requiredString("uri");
        er.optionalString("sha256");
        er.optionalInt("size");
        if (!er.ok())
            return er.error();
        return checkBackend(name);
    });
}

Result<CommandReply> decodeCommandReply(const QByteArray &p, qint64 max)
{
    return decodeWith<CommandReply>(p, max, [](JsonReader &r, CommandReply &m, const QJsonObject &o) {
        m.success = r.requiredBool("success");
        m.cancelled = r.optionalBool("cancelled");
        m.error = r.optionalString("error");
        m.errorCode = readReason(o, QLatin1StringView("error"));
        const QJsonObject inst = r.optionalObject("installed");
        if (!inst.isEmpty()) {
            JsonReader ir(inst, QStringLiteral("installed."));
            m.installed = InstalledInfo{ir.optionalString("version"), ir.optionalString("digest"), ir.optionalString("installed_at")};
            if (!ir.ok())
                return ir.error();
        }
        return QString();
    });
}

Result<ProgressEvent> decodeProgressEvent(const QByteArray &p, qint64 max)
{
    return decodeWith<ProgressEvent>(p, max, [](JsonReader &r, ProgressEvent &m, const QJsonObject &) {
        m.opId = r.requiredString("op_id");
        m.nodeId = r.requiredString("node_id");
        m.backend = r.requiredString("backend");
        m.percentage = r.requiredNumber("percentage");
        m.fileName = r.optionalString("file_name");
        m.phase = r.optionalString("phase");
        m.currentBytes = r.optionalInt("current_bytes");
        m.totalBytes = r.optionalInt("total_bytes");
        return QString();
    });
}

Result<DeleteRequest> decodeDeleteRequest(const QByteArray &p, qint64 max)
{
    return decodeWith<DeleteRequest>(p, max, [](JsonReader &r, DeleteRequest &m, const QJsonObject &) {
        m.backend = r.requiredString("backend");
        m.opId = r.optionalString("op_id");
        return r.ok() ? checkBackend(m.backend) : QString();
    });
}

Result<ListReply> decodeListReply(const QByteArray &p, qint64 max)
{
    return decodeWith<ListReply>(p, max, [](JsonReader &r, ListReply &m, const QJsonObject &) {
        m.error = r.optionalString("error");
        for (const QJsonValue &v : r.optionalArray("backends")) {
            JsonReader b(v.toObject(), QStringLiteral("backends[]."));
            ListedBackend lb;
            lb.name = b.requiredString("name");
            lb.isSystem = b.optionalBool("is_system");
            lb.isMeta = b.optionalBool("is_meta");
            lb.metaBackendFor = b.optionalString("meta_backend_for");
            lb.installedAt = b.optionalString("installed_at");
            lb.opId = b.optionalString("op_id");
            lb.galleryUrl = b.optionalString("gallery_url");
            lb.version = b.optionalString("version");
            lb.uri = b.optionalString("uri");
            lb.digest = b.optionalString("digest");
            if (!b.ok())
                return b.error();
            m.backends.append(lb);
        }
        for (const QJsonValue &v : r.optionalArray("jobs")) {
            JsonReader j(v.toObject(), QStringLiteral("jobs[]."));
            ListedJob lj{j.requiredString("backend"), j.optionalString("op_id"), j.optionalString("kind"),
                         j.optionalString("phase"), 0};
            lj.percentage = j.requiredNumber("percentage");
            if (!j.ok())
                return j.error();
            m.jobs.append(lj);
        }
        return QString();
    });
}

Result<CancelRequest> decodeCancelRequest(const QByteArray &p, qint64 max)
{
    return decodeWith<CancelRequest>(p, max, [](JsonReader &r, CancelRequest &m, const QJsonObject &) {
        m.opId = r.requiredString("op_id");
        return QString();
    });
}

Result<CancelReply> decodeCancelReply(const QByteArray &p, qint64 max)
{
    return decodeWith<CancelReply>(p, max, [](JsonReader &r, CancelReply &m, const QJsonObject &) {
        m.success = r.requiredBool("success");
        m.found = r.optionalBool("found");
        m.tooLate = r.optionalBool("too_late");
        m.error = r.optionalString("error");
        return QString();
    });
}

} // namespace fleetdeck::wire
