#pragma once
// A parsed gallery index (docs/gallery.md#index-format) and its validation.
#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace fleetdeck {

struct GalleryEntry {
    QString name;
    QString version;
    QString uri;        // absolute (made absolute against the gallery URL when loaded)
    QString sha256;     // lower-case hex or empty
    qint64 size = 0;
    QStringList requiresGpuVendor; // empty = any node
    QString description;
    QStringList tags;
    QString license;
    QString icon;
    QMap<QString, QString> capabilities; // meta: gpu_vendor|default → backend name
    QString galleryName;
    QString galleryUrl;

    bool isMeta() const { return !capabilities.isEmpty(); }
    bool isDevelopment() const { return name.endsWith(QLatin1String("-development")); }
    // The resolved entry sent to workers (`entry` in docs/protocol.md#worker-messages).
    QJsonObject toWireEntry() const;
};

struct GalleryIndex {
    QString name;
    QString url;
    QList<GalleryEntry> entries;
    QStringList warnings; // skipped entries, naming the field

    const GalleryEntry *find(const QString &backend) const;
    // Parses and validates an index document; invalid entries are skipped with a warning,
    // duplicates keep the first, unknown fields are ignored.
    static Result<GalleryIndex> parse(const QByteArray &json, const QString &url);
};

bool isValidBackendName(const QString &name);

} // namespace fleetdeck
