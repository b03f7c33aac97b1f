#include "worker/archive_extractor.h"

#include "worker/archive_guard.h"
#include "worker/worker_types.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <memory>
#include <unistd.h>

namespace fleetdeck {
namespace {

constexpr size_t kReadBlock = 64 * 1024;

struct ReadCtx {
    int fd = -1;
    qint64 consumed = 0;
    char buf[kReadBlock];
};

la_ssize_t readCb(struct archive *a, void *data, const void **buffer)
{
    auto *ctx = static_cast<ReadCtx *>(data);
    const ssize_t n = ::read(ctx->fd, ctx->buf, kReadBlock);
    if (n < 0) {
        archive_set_error(a, errno, "read error: %s", std::strerror(errno));
        return -1;
    }
    ctx->consumed += n;
    *buffer = ctx->buf;
    return n;
}

la_int64_t skipCb(struct archive *, void *data, la_int64_t request)
{
    auto *ctx = static_cast<ReadCtx *>(data);
    const off_t cur = ::lseek(ctx->fd, 0, SEEK_CUR);
    if (cur < 0 || ::lseek(ctx->fd, cur + request, SEEK_SET) < 0)
        return 0; // libarchive falls back to reading
    ctx->consumed += request;
    return request;
}

la_int64_t seekCb(struct archive *, void *data, la_int64_t offset, int whence)
{
    auto *ctx = static_cast<ReadCtx *>(data);
    const off_t r = ::lseek(ctx->fd, offset, whence);
    return r < 0 ? ARCHIVE_FATAL : r;
}

struct ArchiveFree {
    void operator()(struct archive *a) const { archive_read_free(a); }
};
struct DiskFree {
    void operator()(struct archive *a) const { archive_write_free(a); }
};

ExtractResult fail(const Reason &why)
{
    return failedStep<ExtractResult>(why);
}

// "extraction failed: <detail>"
ExtractResult failExtraction(const QString &detail)
{
    return fail(Reason::make("extraction_failed", {{"detail", detail}}));
}

QString sysError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

ExtractResult cancelled()
{
    return cancelledStep<ExtractResult>();
}

Reason limitsReason()
{
    return Reason::make("archive_too_large");
}

QString fromArchive(const char *utf8, const char *mb)
{
    if (utf8)
        return QString::fromUtf8(utf8);
    return mb ? QString::fromLocal8Bit(mb) : QString();
}

ArchiveGuard::Kind kindOf(struct archive_entry *e)
{
    if (archive_entry_hardlink(e))
        return ArchiveGuard::Kind::HardLink;
    switch (archive_entry_filetype(e)) {
    case AE_IFREG: return ArchiveGuard::Kind::File;
    case AE_IFDIR: return ArchiveGuard::Kind::Dir;
    case AE_IFLNK: return ArchiveGuard::Kind::Symlink;
    default: return ArchiveGuard::Kind::Other;
    }
}

} // namespace

ArtifactKind artifactKindForUri(const QString &uri)
{
    const QString path = QUrl(uri).path().toLower();
    if (path.endsWith(QLatin1String(".tar.gz")) || path.endsWith(QLatin1String(".tgz")))
        return ArtifactKind::TarGz;
    if (path.endsWith(QLatin1String(".tar.zst")) || path.endsWith(QLatin1String(".tzst")))
        return ArtifactKind::TarZst;
    if (path.endsWith(QLatin1String(".tar")))
        return ArtifactKind::Tar;
    if (path.endsWith(QLatin1String(".zip")))
        return ArtifactKind::Zip;
    return ArtifactKind::Plain;
}

QString artifactFileName(const QString &uri)
{
    const QString name = QUrl(uri).fileName();
    if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String("..") || name.contains(QLatin1Char('\\')))
        return QStringLiteral("artifact");
    return name;
}

ArchiveExtractor::ArchiveExtractor(QString baseDir, ExtractLimits limits)
    : m_baseDir(std::move(baseDir)), m_limits(limits)
{
}

ExtractResult ArchiveExtractor::extract(const QString &artifactRel, ArtifactKind kind, const QString &treeRel,
                                        const QString &fileName) const
{
    // Entries are written through absolute paths below the canonical base, so several workers of
    // one process (the demo) need no shared working directory.
    const QString canonicalBase = QFileInfo(m_baseDir).canonicalFilePath();
    if (canonicalBase.isEmpty() || canonicalBase != QDir::cleanPath(m_baseDir))
        return fail(Reason::make("internal_error",
                                 {{"detail", QStringLiteral("the backends directory %1 is not canonical").arg(m_baseDir)}}));
    if (!QDir(m_baseDir).mkpath(treeRel))
        return failExtraction(QStringLiteral("cannot create %1").arg(treeRel));
    if (kind == ArtifactKind::Plain)
        return storePlain(artifactRel, treeRel, fileName);
    return extractArchive(artifactRel, kind, treeRel);
}

ExtractResult ArchiveExtractor::storePlain(const QString &artifactRel, const QString &treeRel,
                                           const QString &fileName) const
{
    const QString from = m_baseDir + QLatin1Char('/') + artifactRel;
    const QString to = m_baseDir + QLatin1Char('/') + treeRel + QLatin1Char('/') + fileName;
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return failExtraction(QStringLiteral("cannot store %1: %2").arg(fileName, sysError()));
    if (::chmod(QFile::encodeName(to).constData(), 0755) != 0)
        return failExtraction(QStringLiteral("cannot chmod %1: %2").arg(fileName, sysError()));
    ExtractResult r;
    r.ok = true;
    r.entries = 1;
    r.bytes = QFileInfo(to).size();
    if (m_progress)
        m_progress(r.bytes, r.bytes);
    return r;
}

ExtractResult ArchiveExtractor::extractArchive(const QString &artifactRel, ArtifactKind kind,
                                               const QString &treeRel) const
{
    const QString artifactPath = m_baseDir + QLatin1Char('/') + artifactRel;
    const qint64 total = QFileInfo(artifactPath).size();
    auto ctx = std::make_unique<ReadCtx>();
    ctx->fd = ::open(QFile::encodeName(artifactPath).constData(), O_RDONLY | O_CLOEXEC);
    if (ctx->fd < 0)
        return failExtraction(QStringLiteral("cannot open %1: %2").arg(artifactRel, sysError()));
    struct FdClose {
        int fd;
        ~FdClose() { ::close(fd); }
    } fdGuard{ctx->fd};

    std::unique_ptr<struct archive, ArchiveFree> in(archive_read_new());
    int expectedFilter = ARCHIVE_FILTER_NONE;
    int filterOk = ARCHIVE_OK;
    switch (kind) {
    case ArtifactKind::TarGz:
        filterOk = archive_read_support_filter_gzip(in.get());
        expectedFilter = ARCHIVE_FILTER_GZIP;
        break;
    case ArtifactKind::TarZst:
        filterOk = archive_read_support_filter_zstd(in.get());
        expectedFilter = ARCHIVE_FILTER_ZSTD;
        break;
    default: break;
    }
    if (filterOk != ARCHIVE_OK) // ARCHIVE_WARN = only an external program: not used
        return failExtraction(QStringLiteral("decompressor for %1 unavailable").arg(artifactRel));
    if (kind == ArtifactKind::Zip)
        archive_read_support_format_zip(in.get());
    else
        archive_read_support_format_tar(in.get());
    archive_read_set_read_callback(in.get(), readCb);
    archive_read_set_skip_callback(in.get(), skipCb);
    archive_read_set_seek_callback(in.get(), seekCb);
    archive_read_set_callback_data(in.get(), ctx.get());
    auto readError = [&]() {
        return fail(Reason::make("archive_invalid", {{"file", QFileInfo(artifactRel).fileName()},
                                                     {"detail", QString::fromUtf8(archive_error_string(in.get()))}}));
    };
    if (archive_read_open1(in.get()) != ARCHIVE_OK)
        return readError();

    // The guard has already refused absolute names (SECURE_NOABSOLUTEPATHS's job) before the
    // absolute tree prefix is added below, so libarchive gets NODOTDOT and SYMLINKS only; the
    // symlink check walks the whole absolute path, which is canonical up to the tree.
    std::unique_ptr<struct archive, DiskFree> disk(archive_write_disk_new());
    archive_write_disk_set_options(disk.get(), ARCHIVE_EXTRACT_SECURE_NODOTDOT | ARCHIVE_EXTRACT_SECURE_SYMLINKS);
    const QString treePrefix = m_baseDir + QLatin1Char('/') + treeRel + QLatin1Char('/');
    auto writeError = [&](const QString &rel) {
        return failExtraction(QStringLiteral("cannot write %1: %2").arg(rel, QString::fromUtf8(archive_error_string(disk.get()))));
    };

    ArchiveGuard guard;
    ExtractResult result;
    bool filterChecked = false;
    struct archive_entry *entry = nullptr;
    for (;;) {
        if (m_abort && m_abort->load(std::memory_order_acquire))
            return cancelled();
        const int rh = archive_read_next_header(in.get(), &entry);
        if (rh == ARCHIVE_EOF)
            break;
        if (rh < ARCHIVE_WARN)
            return readError();
        if (!filterChecked) {
            if (archive_filter_code(in.get(), 0) != expectedFilter)
                return fail(Reason::make("archive_compression_mismatch", {{"file", QFileInfo(artifactRel).fileName()}}));
            filterChecked = true;
        }
        if (++result.entries > m_limits.maxEntries)
            return fail(limitsReason());

        const QString name = fromArchive(archive_entry_pathname_utf8(entry), archive_entry_pathname(entry));
        const ArchiveGuard::Kind kind = kindOf(entry);
        QString target;
        if (kind == ArchiveGuard::Kind::Symlink)
            target = fromArchive(archive_entry_symlink_utf8(entry), archive_entry_symlink(entry));
        else if (kind == ArchiveGuard::Kind::HardLink)
            target = fromArchive(archive_entry_hardlink_utf8(entry), archive_entry_hardlink(entry));
        const ArchiveGuard::Verdict v = guard.check(name, kind, target);
        if (!v.error.isEmpty())
            return fail(v.errorCode);
        if (v.skip)
            continue;
        if (kind == ArchiveGuard::Kind::File && archive_entry_size_is_set(entry)
            && archive_entry_size(entry) > m_limits.maxBytes - result.bytes)
            return fail(limitsReason());

        // Drop setuid/setgid/sticky; directories stay writable by us so staging can be removed.
        mode_t perm = archive_entry_perm(entry) & 0777;
        if (kind == ArchiveGuard::Kind::Dir)
            perm |= 0700;
        archive_entry_set_perm(entry, perm);
        // v.rel and v.hardlinkRel are normalised, relative and free of "..": the prefix keeps
        // them below the tree.
        archive_entry_update_pathname_utf8(entry, (treePrefix + v.rel).toUtf8().constData());
        if (kind == ArchiveGuard::Kind::HardLink)
            archive_entry_update_hardlink_utf8(entry, (treePrefix + v.hardlinkRel).toUtf8().constData());

        if (archive_write_header(disk.get(), entry) < ARCHIVE_WARN)
            return writeError(v.rel);
        if (kind == ArchiveGuard::Kind::File || kind == ArchiveGuard::Kind::HardLink) {
            const void *buf = nullptr;
            size_t size = 0;
            la_int64_t offset = 0;
            for (;;) {
                const int rd = archive_read_data_block(in.get(), &buf, &size, &offset);
                if (rd == ARCHIVE_EOF)
                    break;
                if (rd < ARCHIVE_WARN)
                    return readError();
                result.bytes += qint64(size);
                if (result.bytes > m_limits.maxBytes)
                    return fail(limitsReason());
                if (archive_write_data_block(disk.get(), buf, size, offset) < ARCHIVE_WARN)
                    return writeError(v.rel);
                if (m_abort && m_abort->load(std::memory_order_acquire))
                    return cancelled();
            }
        }
        if (archive_write_finish_entry(disk.get()) < ARCHIVE_WARN)
            return writeError(v.rel);
        guard.record(v.rel, kind);
        if (m_progress)
            m_progress(qMin(ctx->consumed, total), total);
        if (m_afterEntry)
            m_afterEntry(v.rel, result.entries - 1);
    }
    if (archive_write_close(disk.get()) != ARCHIVE_OK)
        return writeError(treeRel);

    if (const std::optional<QString> top = guard.singleTopDir()) {
        if (guard.collapseError().hasCode())
            return fail(guard.collapseError());
        // tree/<top> becomes tree: move it beside tree, drop the now empty tree, move it back.
        const QString tree = m_baseDir + QLatin1Char('/') + treeRel;
        const QString aside = tree + QStringLiteral(".collapse");
        if (::rename(QFile::encodeName(tree + QLatin1Char('/') + *top).constData(), QFile::encodeName(aside).constData()) != 0
            || ::rmdir(QFile::encodeName(tree).constData()) != 0
            || ::rename(QFile::encodeName(aside).constData(), QFile::encodeName(tree).constData()) != 0)
            return failExtraction(QStringLiteral("cannot move %1 to the tree root: %2").arg(*top, sysError()));
    }
    if (m_progress)
        m_progress(total, total);
    result.ok = true;
    return result;
}

} // namespace fleetdeck
