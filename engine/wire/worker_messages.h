#pragma once
// Codecs of the worker messages of docs/protocol.md#worker-messages, with the validation rules of
// docs/protocol.md#rules: every decode takes the raw payload and returns the message or the exact
// error text (payload too large, invalid JSON at offset, missing/typed field, invalid backend
// name). Unknown fields are ignored.
#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace fleetdeck::wire {

constexpr qint64 kDefaultMaxPayload = 1048576;

struct RegisterRequest {
    QString name;
    QJsonObject labels;
    QJsonObject resources;
    QString workerVersion;
    QString token;
};
struct RegisterReply {
    QString id, name, status;
    int heartbeatIntervalS = 10;
    QString error; // non-empty: {"error":…}
};
struct Heartbeat {
    QString nodeId, name, state; // running|draining|stopped
    qint64 sentAt = 0;
    QJsonObject resources;
    QString workerVersion;
};
struct InstallRequest { // install and upgrade
    QString backend;
    QJsonArray galleries;
    QJsonObject entry;
    bool force = false;
    QString opId;
};
struct InstalledInfo {
    QString version, digest, installedAt;
};
struct CommandReply { // install, upgrade, delete
    bool success = false;
    bool cancelled = false;
    QString error;
    Reason errorCode; // "error_code"/"error_args" (docs/reason-codes.md); none from an older worker
    // The error as a reason: its code, else the worker's English text.
    Reason errorReason() const { return codedOrPlain(errorCode, error); }
    std::optional<InstalledInfo> installed;
};
struct ProgressEvent {
    QString opId, nodeId, backend, fileName, phase;
    double percentage = 0;
    qint64 currentBytes = 0, totalBytes = 0;
};
struct DeleteRequest {
    QString backend, opId;
};
struct ListedBackend {
    QString name;
    bool isSystem = false, isMeta = false;
    QString metaBackendFor, installedAt, opId, galleryUrl, version, uri, digest;
};
struct ListedJob {
    QString backend, opId, kind, phase;
    double percentage = 0;
};
struct ListReply {
    QList<ListedBackend> backends;
    QList<ListedJob> jobs;
    QString error;
};
struct CancelRequest {
    QString opId;
};
struct CancelReply {
    bool success = false, found = false, tooLate = false;
    QString error;
};

QByteArray encode(const RegisterRequest &m);
QByteArray encode(const RegisterReply &m);
QByteArray encode(const Heartbeat &m);
QByteArray encode(const InstallRequest &m, bool upgrade);
QByteArray encode(const CommandReply &m);
QByteArray encode(const ProgressEvent &m);
QByteArray encode(const DeleteRequest &m);
QByteArray encode(const ListReply &m);
QByteArray encode(const CancelRequest &m);
QByteArray encode(const CancelReply &m);

Result<RegisterRequest> decodeRegisterRequest(const QByteArray &payload, qint64 maxBytes = kDefaultMaxPayload);
Result<RegisterReply> decodeRegisterReply(const QByteArray &payload, qint64 maxBytes = kDefaultMaxPayload);
Result<Heartbeat> decodeHeartbeat(const QByteArray &payload, qint64 maxBytes = kDefaultMaxPayload);
Result<InstallRequest> decodeInstallRequest(const QByteArray &payload, qint64 maxBytes = kDefaultMaxPayload);
Result<CommandReply> decodeCommandReply(const QByteArray &payload, qint64 maxBytes = kDefaultMaxPayload);
Result<ProgressEvent> decodeProgressEvent(const QByteArray &payload, qint64 maxBytes = kDefaultMaxPayload);
Result<DeleteRequest> decodeDeleteRequest(const QByteArray &payload, qint64 maxBytes = kDefaultMaxPayload);
Result<ListReply> decodeListReply(const QByteArray &payload, qint64 maxBytes = kDefaultMaxPayload);
Result<CancelRequest> decodeCancelRequest(const QByteArray &payload, qint64 maxBytes = kDefaultMaxPayload);
Result<CancelReply> decodeCancelReply(const QByteArray &payload, qint64 maxBytes = kDefaultMaxPayload);

// Error replies in each request's normal shape (docs/protocol.md#rules).
QByteArray commandError(const QString &error);  // {"success":false,"error":…}
QByteArray commandError(const Reason &error);   // … with "error_code" and "error_args"
QByteArray listError(const QString &error);     // {"backends":[],"error":…}
QByteArray registerError(const QString &error); // {"error":…}

} // namespace fleetdeck::wire
