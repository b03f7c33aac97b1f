#include "worker/installed_backends.h"

#include "core/id_source.h"

#include "core/json_reader.h"
#include "gallery/gallery_index.h"
#include "worker/worker_types.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMap>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fleetdeck {

namespace {
constexpr qint64 kMaxMetadataBytes = 1 << 20;
const QString kMetadataFile = QStringLiteral("metadata.json");
} // namespace

QJsonObject BackendMetadata::toJson() const
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("version"), version},
                       {QStringLiteral("uri"), uri},
                       {QStringLiteral("digest"), digest},
                       {QStringLiteral("installed_at"), installedAt},
                       {QStringLiteral("op_id"), opId},
                       {QStringLiteral("gallery_url"), galleryUrl},
                       {QStringLiteral("size_bytes"), sizeBytes},
                       {QStringLiteral("meta_backend_for"), metaBackendFor}};
}

QJsonObject BackendMetadata::toListEntry(bool isSystem) const
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("is_system"), isSystem},
                       {QStringLiteral("is_meta"), !metaBackendFor.isEmpty()},
                       {QStringLiteral("meta_backend_for"), metaBackendFor},
                       {QStringLiteral("installed_at"), installedAt},
                       {QStringLiteral("op_id"), opId},
                       {QStringLiteral("gallery_url"), galleryUrl},
                       {QStringLiteral("version"), version},
                       {QStringLiteral("uri"), uri},
                       {QStringLiteral("digest"), digest}};
}

std::optional<BackendMetadata> BackendMetadata::fromJson(const QJsonObject &o, QString *error)
{
    JsonReader r(o);
    BackendMetadata m;
    m.name = r.requiredString("name");
    m.version = r.optionalString("version");
    m.uri = r.optionalString("uri");
    m.digest = r.optionalString("digest");
    m.installedAt = r.optionalString("installed_at");
    m.opId = r.optionalString("op_id");
    m.galleryUrl = r.optionalString("gallery_url");
    m.sizeBytes = r.optionalInt("size_bytes");
    m.metaBackendFor = r.optionalString("meta_backend_for");
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return m;
}

namespace backends_dir {

std::optional<BackendMetadata> readMetadata(const QString &dir, const QString &expectedName, QString *error)
{
    QString err;
    auto failed = [&](QString msg) -> std::optional<BackendMetadata> {
        if (error)
            *error = std::move(msg);
        return std::nullopt;
    };
    QFile f(dir + QLatin1Char('/') + kMetadataFile);
    if (!f.open(QIODevice::ReadOnly))
        return failed(QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString()));
    if (f.size() > kMaxMetadataBytes)
        return failed(QStringLiteral("%1 is larger than %2 bytes").arg(f.fileName()).arg(kMaxMetadataBytes));
    const std::optional<QJsonObject> o = parseJsonObject(f.readAll(), kMaxMetadataBytes, &err);
    if (!o)
        return failed(QStringLiteral("%1: %2").arg(f.fileName(), err));
    std::optional<BackendMetadata> m = BackendMetadata::fromJson(*o, &err);
    if (!m)
        return failed(QStringLiteral("%1: %2").arg(f.fileName(), err));
    if (m->name != expectedName)
        return failed(QStringLiteral("%1 names backend \"%2\"").arg(f.fileName(), m->name));
    return m;
}

bool writeMetadata(const QString &dir, const BackendMetadata &meta, QString *error)
{
    QFile f(dir + QLatin1Char('/') + kMetadataFile);
    const QByteArray data = QJsonDocument(meta.toJson()).toJson(QJsonDocument::Indented);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size() || !f.flush()
        || ::fsync(f.handle()) != 0) {
        *error = QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString());
        return false;
    }
    f.close();
    fsyncDir(dir);
    return true;
}

QJsonArray list(const QString &backendsDir, const QString &systemDir)
{
    QMap<QString, QJsonObject> byName;
    const QDir base(backendsDir);
    for (const QFileInfo &fi : base.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString name = fi.fileName();
        if (name.startsWith(QLatin1Char('.')))
            continue;
        QString err;
        const std::optional<BackendMetadata> m = readMetadata(fi.filePath(), name, &err);
        if (!m) {
            qCInfo(lcWorker, "not listing %s: %s", qUtf8Printable(name), qUtf8Printable(err));
            continue;
        }
        byName.insert(name, m->toListEntry(false));
    }
    if (!systemDir.isEmpty()) {
        for (const QFileInfo &fi : QDir(systemDir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString name = fi.fileName();
            if (name.startsWith(QLatin1Char('.')) || byName.contains(name))
                continue;
            if (!QFileInfo::exists(fi.filePath() + QLatin1Char('/') + kMetadataFile)) {
                BackendMetadata bare;
                bare.name = name;
                byName.insert(name, bare.toListEntry(true));
                continue;
            }
            QString err;
            const std::optional<BackendMetadata> m = readMetadata(fi.filePath(), name, &err);
            if (!m) {
                qCInfo(lcWorker, "not listing system backend %s: %s", qUtf8Printable(name), qUtf8Printable(err));
                continue;
            }
            byName.insert(name, m->toListEntry(true));
        }
    }
    QJsonArray out;
    for (const QJsonObject &o : std::as_const(byName))
        out.append(o);
    return out;
}

bool isSystemBackend(const QString &systemDir, const QString &name)
{
    return !systemDir.isEmpty() && !name.startsWith(QLatin1Char('.'))
        && QFileInfo(systemDir + QLatin1Char('/') + name).isDir();
}

void recover(const QString &backendsDir)
{
    const QString staging = backendsDir + QLatin1Char('/') + QLatin1String(kStaging);
    const QDir dir(staging);
    if (!dir.exists())
        return;
    const auto filter = QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot;
    for (const QFileInfo &fi : dir.entryInfoList(filter)) {
        const QString id = fi.fileName();
        const QString old = fi.filePath() + QStringLiteral("/old");
        const qsizetype dash = id.lastIndexOf(QLatin1Char('-'));
        const QString name = dash > 0 ? id.left(dash) : QString();
        if (fi.isDir() && !fi.isSymLink() && isValidBackendName(name) && QFileInfo(old).isDir()
            && !pathExists(backendsDir + QLatin1Char('/') + name)) {
            const QString live = backendsDir + QLatin1Char('/') + name;
            if (::rename(QFile::encodeName(old).constData(), QFile::encodeName(live).constData()) == 0)
                qCWarning(lcWorker, "recovered %s from an interrupted commit", qUtf8Printable(name));
            else
                qCWarning(lcWorker, "cannot restore %s: %s", qUtf8Printable(name), std::strerror(errno));
        }
        if (!removeTree(fi.filePath()))
            qCWarning(lcWorker, "cannot remove %s", qUtf8Printable(fi.filePath()));
    }
    fsyncDir(backendsDir);
}

QString newStagingId(const QString &name)
{
    return name + QLatin1Char('-') + QStringLiteral("%1").arg(ids::random32(), 8, 16, QLatin1Char('0'));
}

QString rfc3339Ms(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
}

bool pathExists(const QString &path)
{
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0;
}

bool removeTree(const QString &path)
{
    const QFileInfo fi(path);
    if (!fi.exists() && !fi.isSymLink())
        return true;
    if (fi.isDir() && !fi.isSymLink())
        return QDir(path).removeRecursively();
    return QFile::remove(path);
}

void fsyncDir(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace backends_dir
} // namespace fleetdeck
