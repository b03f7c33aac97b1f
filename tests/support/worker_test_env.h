#pragma once
// A throw-away worker disk for install tests: <tmp>/backends (canonical, made the working
// directory as the worker does at start), <tmp>/system and <tmp>/artifacts (an allowed file root).
#include "archive_builder.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace fleetdeck::test {

class WorkerDisk {
public:
    WorkerDisk()
    {
        QDir(m_tmp.path()).mkpath(QStringLiteral("backends"));
        QDir(m_tmp.path()).mkpath(QStringLiteral("system"));
        QDir(m_tmp.path()).mkpath(QStringLiteral("artifacts"));
        m_root = QFileInfo(m_tmp.path()).canonicalFilePath();
        QDir::setCurrent(backends());
    }
    ~WorkerDisk() { QDir::setCurrent(QDir::tempPath()); }

    QString root() const { return m_root; }
    QString backends() const { return m_root + QStringLiteral("/backends"); }
    QString system() const { return m_root + QStringLiteral("/system"); }
    QString artifacts() const { return m_root + QStringLiteral("/artifacts"); }
    QString staging() const { return backends() + QStringLiteral("/.staging"); }

    // Writes an artifact below the allowed file root; returns its file:// URI.
    QString putArtifact(const QString &fileName, const QByteArray &data) const
    {
        QFile f(artifacts() + QLatin1Char('/') + fileName);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(data);
        f.close();
        return QStringLiteral("file://") + f.fileName();
    }

    // Every path under the temporary root with its type and size (symlinks not followed).
    QStringList snapshot() const
    {
        QStringList out;
        QDirIterator it(m_root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo fi(it.next());
            const QString kind = fi.isSymLink() ? QStringLiteral("l") : fi.isDir() ? QStringLiteral("d") : QStringLiteral("f");
            out.append(fi.filePath().mid(m_root.size()) + QLatin1Char(' ') + kind + QString::number(fi.isDir() ? 0 : fi.size()));
        }
        out.sort();
        return out;
    }

    QStringList stagingEntries() const
    {
        return QDir(staging()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    }

    QJsonObject metadata(const QString &name) const
    {
        QFile f(backends() + QLatin1Char('/') + name + QStringLiteral("/metadata.json"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }
    QString installedVersion(const QString &name) const
    {
        return metadata(name).value(QStringLiteral("version")).toString();
    }

private:
    QTemporaryDir m_tmp;
    QString m_root;
};

// A backend archive: one top-level directory <name>-<version>/ with bin/run naming the version.
inline QByteArray backendArchive(const QString &name, const QString &version,
                                 ArchiveFormat format = ArchiveFormat::TarGz)
{
    const QString top = name + QLatin1Char('-') + version;
    return buildArchive(format, {ArchiveItem::dir(top), ArchiveItem::dir(top + QStringLiteral("/bin")),
                                 ArchiveItem::file(top + QStringLiteral("/bin/run"), "#!/bin/sh\necho " + version.toUtf8() + '\n', 0755),
                                 ArchiveItem::file(top + QStringLiteral("/README"), "readme " + version.toUtf8())});
}

} // namespace fleetdeck::test
