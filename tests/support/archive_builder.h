#pragma once
// Builds archives in memory with libarchive's writer, hostile ones included (tests only).
#include <QByteArray>
#include <QList>
#include <QString>

namespace fleetdeck::test {

struct ArchiveItem {
    enum class Type { File, Dir, Symlink, HardLink, CharDevice, Fifo };
    Type type = Type::File;
    QString path;
    QByteArray data;
    QString target; // symlink or hard-link target
    int mode = 0644;

    static ArchiveItem file(const QString &path, const QByteArray &data, int mode = 0644)
    {
        return {Type::File, path, data, {}, mode};
    }
    static ArchiveItem dir(const QString &path, int mode = 0755) { return {Type::Dir, path, {}, {}, mode}; }
    static ArchiveItem symlink(const QString &path, const QString &target)
    {
        return {Type::Symlink, path, {}, target, 0777};
    }
    static ArchiveItem hardlink(const QString &path, const QString &target)
    {
        return {Type::HardLink, path, {}, target, 0644};
    }
    static ArchiveItem device(const QString &path) { return {Type::CharDevice, path, {}, {}, 0644}; }
    static ArchiveItem fifo(const QString &path) { return {Type::Fifo, path, {}, {}, 0644}; }
};

enum class ArchiveFormat { TarGz, TarZst, Tar, Zip };

QByteArray buildArchive(ArchiveFormat format, const QList<ArchiveItem> &items);
// ".tar.gz", ".tar.zst", ".tar", ".zip"
QString archiveSuffix(ArchiveFormat format);
// Lower-case hex SHA-256.
QString sha256Hex(const QByteArray &data);

} // namespace fleetdeck::test
