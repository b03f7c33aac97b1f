#pragma once
// The demo's gallery and artifacts (docs/architecture.md#demo-cluster), written into the demo
// directory at start: real .tar.gz archives made with libarchive (a few MiB of incompressible
// payload each, so transfers show progress), their sha256, and the gallery index
// (docs/gallery.md#index-format) referencing them by file:// URIs. `piper`'s index entry carries a
// sha256 its artifact never matches.
#include "core/result.h"

#include <QList>
#include <QString>

namespace fleetdeck {

struct DemoArtifact {
    QString name;
    QString version;
    QString path;   // absolute
    QString uri;    // file://
    QString sha256; // of the file, lower-case hex
    qint64 size = 0;
};

class DemoArtifacts final {
public:
    // dir: the demo directory (canonical). payloadBytes: size of each archive's payload file.
    explicit DemoArtifacts(QString dir, qint64 payloadBytes = 3 << 20);

    // Writes every archive and gallery.json; errors name the file.
    Status write();

    QString galleryPath() const;
    QString galleryUrl() const; // file://…/gallery.json
    // The artifact of name@version (also the pre-installed b4100 and b4050 builds).
    const DemoArtifact *find(const QString &name, const QString &version) const;
    const QList<DemoArtifact> &artifacts() const { return m_artifacts; }

    // The sha256 the gallery gives piper (never its artifact's).
    static QString piperWrongSha256();

private:
    Result<DemoArtifact> writeArchive(const QString &name, const QString &version) const;
    QByteArray galleryJson() const;

    QString m_dir;
    qint64 m_payloadBytes;
    QList<DemoArtifact> m_artifacts;
};

} // namespace fleetdeck
