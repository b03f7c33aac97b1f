#include "archive_builder.h"

#include <QCryptographicHash>

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace fleetdeck::test {
namespace {

la_ssize_t appendCb(struct archive *, void *data, const void *buf, size_t len)
{
    static_cast<QByteArray *>(data)->append(static_cast<const char *>(buf), qsizetype(len));
    return la_ssize_t(len);
}

} // namespace

QString archiveSuffix(ArchiveFormat format)
{
    switch (format) {
    case ArchiveFormat::TarGz: return QStringLiteral(".tar.gz");
    case ArchiveFormat::TarZst: return QStringLiteral(".tar.zst");
    case ArchiveFormat::Tar: return QStringLiteral(".tar");
    case ArchiveFormat::Zip: return QStringLiteral(".zip");
    }
    return {};
}

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QByteArray buildArchive(ArchiveFormat format, const QList<ArchiveItem> &items)
{
    QByteArray out;
    struct archive *a = archive_write_new();
    if (format == ArchiveFormat::Zip)
        archive_write_set_format_zip(a);
    else
        archive_write_set_format_pax_restricted(a);
    if (format == ArchiveFormat::TarGz) {
        archive_write_add_filter_gzip(a);
        archive_write_set_filter_option(a, "gzip", "timestamp", nullptr); // reproducible: no time in the header
    } else if (format == ArchiveFormat::TarZst)
        archive_write_add_filter_zstd(a);
    archive_write_set_bytes_in_last_block(a, 1);
    if (archive_write_open(a, &out, nullptr, appendCb, nullptr) != ARCHIVE_OK)
        qFatal("archive_write_open: %s", archive_error_string(a));
    for (const ArchiveItem &it : items) {
        struct archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, it.path.toUtf8().constData());
        archive_entry_set_perm(e, mode_t(it.mode));
        archive_entry_set_mtime(e, 1767225600, 0);
        switch (it.type) {
        case ArchiveItem::Type::File:
            archive_entry_set_filetype(e, AE_IFREG);
            archive_entry_set_size(e, it.data.size());
            break;
        case ArchiveItem::Type::Dir: archive_entry_set_filetype(e, AE_IFDIR); break;
        case ArchiveItem::Type::Symlink:
            archive_entry_set_filetype(e, AE_IFLNK);
            archive_entry_set_symlink(e, it.target.toUtf8().constData());
            break;
        case ArchiveItem::Type::HardLink:
            archive_entry_set_filetype(e, AE_IFREG);
            archive_entry_set_hardlink(e, it.target.toUtf8().constData());
            archive_entry_set_size(e, 0);
            break;
        case ArchiveItem::Type::CharDevice:
            archive_entry_set_filetype(e, AE_IFCHR);
            archive_entry_set_rdev(e, makedev(1, 3));
            break;
        case ArchiveItem::Type::Fifo: archive_entry_set_filetype(e, AE_IFIFO); break;
        }
        if (archive_write_header(a, e) != ARCHIVE_OK)
            qFatal("archive_write_header %s: %s", qPrintable(it.path), archive_error_string(a));
        if (it.type == ArchiveItem::Type::File && !it.data.isEmpty())
            archive_write_data(a, it.data.constData(), size_t(it.data.size()));
        archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
    return out;
}

} // namespace fleetdeck::test
