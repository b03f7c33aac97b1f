#pragma once
// The on-disk layout of a backends directory (docs/worker.md): `<name>/metadata.json` of every
// committed backend, `.staging/<name>-<rand>/` for runs in progress, start-up recovery, and the
// list entries (docs/protocol.md#worker-messages).
//
// Meta backends: a meta install commits the concrete entry's tree as `<entry.name>/` and then a
// directory `<meta>/` that holds only a metadata.json with `name` = the meta, the concrete
// install's version/uri/digest/size, and `meta_backend_for` = the concrete name. Listing then
// shows both, the meta with is_meta true (A52); deleting the meta removes only `<meta>/`.
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace fleetdeck {

struct BackendMetadata {
    QString name;
    QString version;
    QString uri;
    QString digest;     // "sha256:<hex>"
    QString installedAt; // RFC 3339 UTC with milliseconds
    QString opId;
    QString galleryUrl;
    qint64 sizeBytes = 0;
    QString metaBackendFor;

    QJsonObject toJson() const;                    // metadata.json, fields exactly as docs/worker.md#install
    QJsonObject toListEntry(bool isSystem) const;  // list entry (docs/protocol.md#worker-messages)
    static std::optional<BackendMetadata> fromJson(const QJsonObject &o, QString *error);
};

namespace backends_dir {

inline constexpr char kStaging[] = ".staging";

// Parses <dir>/metadata.json; nullopt (with *error) when missing, invalid, or naming another backend.
std::optional<BackendMetadata> readMetadata(const QString &dir, const QString &expectedName, QString *error = nullptr);
// Writes <dir>/metadata.json and fsyncs the file and the directory.
bool writeMetadata(const QString &dir, const BackendMetadata &meta, QString *error);

// Every directory not starting with '.' whose metadata parses and names it, plus the system
// backends (is_system true; a system directory without metadata is listed by its name alone; a
// user-installed backend of the same name hides it). Sorted by name.
QJsonArray list(const QString &backendsDir, const QString &systemDir);
bool isSystemBackend(const QString &systemDir, const QString &name);

// docs/worker.md#start-and-concurrency: a .staging/<id>/old whose live directory is missing is
// moved back; everything else in .staging is deleted.
void recover(const QString &backendsDir);

// "<name>-<8 hex>"; the name is what precedes the last '-'.
QString newStagingId(const QString &name);
QString rfc3339Ms(qint64 msSinceEpoch);
bool pathExists(const QString &path); // lstat: a dangling symlink exists
bool removeTree(const QString &path);
void fsyncDir(const QString &path);

} // namespace backends_dir
} // namespace fleetdeck
