#include "worker/backend_installer.h"

#include "core/clock.h"
#include "core/json_reader.h"
#include "gallery/gallery_index.h"
#include "worker/installed_backends.h"

#include <QDir>
#include <QFile>
#include <QUrl>

#include <cerrno>
#include <cstring>

namespace fleetdeck {
namespace bd = backends_dir;

namespace {

struct Entry {
    QString name, version, uri, sha256, galleryUrl;
    qint64 size = 0;
};

Reason invalidName(const QString &backend)
{
    return Reason::make("invalid_backend_name", {{"backend", backend}});
}

Reason cannotCreate(const QString &path)
{
    return Reason::make("cannot_create", {{"path", path}});
}

Reason commitFailed(const QString &detail)
{
    return Reason::make("commit_failed", {{"detail", detail}});
}

// A step's failure (FetchResult, ExtractResult) as the job's.
template <class StepResult>
JobResult stepFailure(const StepResult &step)
{
    return JobResult::failure(codedOrPlain(step.errorCode, step.error));
}

std::optional<Entry> parseEntry(const QJsonObject &o, Reason *error)
{
    JsonReader r(o, QStringLiteral("entry."));
    Entry e;
    e.name = r.requiredString("name");
    e.uri = r.requiredString("uri");
    e.version = r.optionalString("version");
    e.sha256 = r.optionalString("sha256");
    e.size = r.optionalInt("size");
    e.galleryUrl = r.optionalString("gallery_url");
    if (!r.ok()) {
        *error = Reason::plain(r.error());
        return std::nullopt;
    }
    if (!isValidBackendName(e.name)) {
        *error = invalidName(e.name);
        return std::nullopt;
    }
    return e;
}

QString sysError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool renamePath(const QString &from, const QString &to)
{
    return ::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

InstalledInfo installedFrom(const BackendMetadata &m)
{
    return InstalledInfo{m.version, m.digest, m.installedAt};
}

// Removes the staging directory when the run leaves without committing.
struct StagingGuard {
    QString path;
    ~StagingGuard()
    {
        if (!path.isEmpty() && !bd::removeTree(path))
            qCWarning(lcWorker, "cannot remove staging %s", qUtf8Printable(path));
    }
};

} // namespace

BackendInstaller::BackendInstaller(InstallerConfig config, Clock *clock) : m_config(std::move(config)), m_clock(clock) {}

void BackendInstaller::hook(const char *point) const
{
    if (m_pointHook)
        m_pointHook(QString::fromLatin1(point));
}

QJsonArray BackendInstaller::list() const
{
    return bd::list(m_config.backendsDir, m_config.systemBackendsDir);
}

void BackendInstaller::recover() const
{
    bd::recover(m_config.backendsDir);
}

JobResult BackendInstaller::install(const InstallRequest &req, JobControl &control, const ProgressFn &progress) const
{
    auto emitTick = [&](const char *phase, double pct, qint64 cur, qint64 total, const QString &file) {
        if (progress)
            progress(ProgressTick{QString::fromLatin1(phase), pct, cur, total, file});
    };
    Reason err;
    const std::optional<Entry> entry = parseEntry(req.entry, &err);
    if (!entry)
        return JobResult::failure(err);
    if (!isValidBackendName(req.backend))
        return JobResult::failure(invalidName(req.backend));
    const QString base = m_config.backendsDir;

    if (control.isCancelled()) // cancelled while waiting for the backend mutex
        return JobResult::cancelledByRequest();
    // Idempotent install: already there, nothing downloaded, no progress.
    if (!req.force) {
        if (const auto m = bd::readMetadata(base + QLatin1Char('/') + req.backend, req.backend))
            return JobResult::ok(installedFrom(*m));
    }

    // 1. resolving
    const QString fileName = artifactFileName(entry->uri);
    emitTick("resolving", 0, 0, 0, fileName);
    if (const Status st = checkAllowedGalleries(req.galleries, req.entry, m_config.allowedGalleryPrefixes); !st)
        return JobResult::failure(st.errorReason());
    if (QUrl(entry->uri).scheme().toLower() == QLatin1String("file")) {
        if (const Status st = ArtifactFetcher::checkFileRoot(QUrl(entry->uri).toLocalFile(), m_config.fetch.allowedFileRoots); !st)
            return JobResult::failure(st.errorReason());
    }
    const QString stagingRel = QLatin1String(bd::kStaging) + QLatin1Char('/') + bd::newStagingId(entry->name);
    const QString staging = base + QLatin1Char('/') + stagingRel;
    if (!QDir().mkpath(staging))
        return JobResult::failure(cannotCreate(staging));
    StagingGuard guard{staging};

    // 2. downloading (0–90 % by bytes)
    const ArtifactFetcher fetcher(m_config.fetch);
    const FetchResult fetched = fetcher.fetch(
        entry->uri, staging + QStringLiteral("/artifact"), control.abortFlag(), [&](qint64 cur, qint64 total) {
            const qint64 t = total > 0 ? total : entry->size;
            const double pct = t > 0 ? qMin(90.0, 90.0 * double(cur) / double(t)) : 0.0;
            emitTick("downloading", pct, cur, t, fileName);
        });
    if (fetched.cancelled)
        return JobResult::cancelledByRequest();
    if (!fetched.ok)
        return stepFailure(fetched);

    // 3. verifying (90–93)
    emitTick("verifying", 90, fetched.bytes, fetched.bytes, fileName);
    if (!entry->sha256.isEmpty() && entry->sha256.compare(fetched.sha256Hex, Qt::CaseInsensitive) != 0)
        return JobResult::failure(Reason::make(
            "sha256_mismatch", {{"backend", entry->name}, {"expected", entry->sha256}, {"actual", fetched.sha256Hex}}));
    emitTick("verifying", 93, fetched.bytes, fetched.bytes, fileName);
    if (control.isCancelled())
        return JobResult::cancelledByRequest();

    // 4. extracting (93–99 by compressed bytes consumed)
    ArchiveExtractor extractor(base, m_config.extract);
    extractor.setAbortFlag(control.abortFlag());
    extractor.setAfterEntryHook(m_afterEntry);
    extractor.setProgress([&](qint64 consumed, qint64 total) {
        const double pct = total > 0 ? 93.0 + 6.0 * double(consumed) / double(total) : 93.0;
        emitTick("extracting", qMin(99.0, pct), consumed, total, fileName);
    });
    const ArtifactKind kind = artifactKindForUri(entry->uri);
    const ExtractResult extracted =
        extractor.extract(stagingRel + QStringLiteral("/artifact"), kind, stagingRel + QStringLiteral("/tree"), fileName);
    if (extracted.cancelled)
        return JobResult::cancelledByRequest();
    if (!extracted.ok)
        return stepFailure(extracted);
    if (kind != ArtifactKind::Plain)
        QFile::remove(staging + QStringLiteral("/artifact"));

    // 5. commit: a cancel from here on is too late.
    if (!control.beginCommit())
        return JobResult::cancelledByRequest();
    BackendMetadata meta;
    meta.name = entry->name;
    meta.version = entry->version;
    meta.uri = entry->uri;
    meta.digest = QStringLiteral("sha256:") + fetched.sha256Hex;
    meta.installedAt = bd::rfc3339Ms(m_clock->nowMs());
    meta.opId = req.opId;
    meta.galleryUrl = entry->galleryUrl;
    meta.sizeBytes = fetched.bytes;
    if (const auto e = commitTree(entry->name, stagingRel, meta))
        return JobResult::failure(*e);

    if (req.backend != entry->name) {
        // The meta: a directory holding only its metadata, naming the concrete backend.
        const QString metaRel = QLatin1String(bd::kStaging) + QLatin1Char('/') + bd::newStagingId(req.backend);
        StagingGuard metaGuard{base + QLatin1Char('/') + metaRel};
        if (!QDir().mkpath(metaGuard.path + QStringLiteral("/tree")))
            return JobResult::failure(commitFailed(englishText(cannotCreate(metaGuard.path))));
        BackendMetadata metaMeta = meta;
        metaMeta.name = req.backend;
        metaMeta.metaBackendFor = entry->name;
        if (const auto e = commitTree(req.backend, metaRel, metaMeta))
            return JobResult::failure(*e);
    }
    emitTick("extracting", 100, fetched.bytes, fetched.bytes, fileName);
    return JobResult::ok(installedFrom(meta));
}

// Writes the metadata into <staging>/tree, swaps it with the live directory; nullopt on success.
std::optional<Reason> BackendInstaller::commitTree(const QString &name, const QString &stagingRel, const BackendMetadata &meta) const
{
    const QString base = m_config.backendsDir;
    const QString tree = base + QLatin1Char('/') + stagingRel + QStringLiteral("/tree");
    const QString old = base + QLatin1Char('/') + stagingRel + QStringLiteral("/old");
    const QString live = base + QLatin1Char('/') + name;
    QString err;
    if (!bd::writeMetadata(tree, meta, &err))
        return commitFailed(err);
    hook("commit:before-old-rename");
    const bool hadOld = bd::pathExists(live);
    if (hadOld && !renamePath(live, old))
        return commitFailed(QStringLiteral("cannot move %1 aside: %2").arg(name, sysError()));
    hook("commit:before-tree-rename");
    if (!renamePath(tree, live)) {
        const QString reason = sysError();
        if (hadOld && !renamePath(old, live))
            qCCritical(lcWorker, "cannot restore %s after a failed commit: %s", qUtf8Printable(name), std::strerror(errno));
        return commitFailed(QStringLiteral("cannot move the new %1 into place: %2").arg(name, reason));
    }
    bd::fsyncDir(base);
    if (hadOld && !bd::removeTree(old))
        qCWarning(lcWorker, "cannot remove the previous %s; start-up recovery removes it", qUtf8Printable(name));
    return std::nullopt;
}

JobResult BackendInstaller::remove(const QString &backend, JobControl &control) const
{
    if (!isValidBackendName(backend))
        return JobResult::failure(invalidName(backend));
    if (control.isCancelled())
        return JobResult::cancelledByRequest();
    const QString base = m_config.backendsDir;
    const QString live = base + QLatin1Char('/') + backend;
    if (!bd::pathExists(live)) {
        if (bd::isSystemBackend(m_config.systemBackendsDir, backend))
            return JobResult::failure(Reason::make("system_backend", {{"backend", backend}}));
        return JobResult::ok();
    }
    const QString staging = base + QLatin1Char('/') + QLatin1String(bd::kStaging) + QLatin1Char('/') + bd::newStagingId(backend);
    if (!QDir().mkpath(staging))
        return JobResult::failure(cannotCreate(staging));
    StagingGuard guard{staging};
    if (!control.beginCommit())
        return JobResult::cancelledByRequest();
    hook("delete:before-rename");
    if (!renamePath(live, staging + QStringLiteral("/trash")))
        return JobResult::failure(Reason::make("delete_failed", {{"backend", backend}, {"detail", sysError()}}));
    bd::fsyncDir(base);
    hook("delete:after-rename");
    return JobResult::ok(); // the guard removes the trash
}

} // namespace fleetdeck
