#include "gallery/gallery_index.h"

#include "core/json_reader.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace fleetdeck {
namespace {

const QStringList kVendors = {QStringLiteral("nvidia"), QStringLiteral("amd"), QStringLiteral("intel"),
                              QStringLiteral("apple"), QStringLiteral("cpu")};

QString absoluteUri(const QString &uri, const QString &galleryUrl)
{
    const QUrl u(uri);
    if (u.isRelative() && !uri.startsWith(QLatin1Char('/'))) {
        QUrl base(galleryUrl);
        if (base.scheme().isEmpty())
            base = QUrl::fromLocalFile(galleryUrl);
        return base.resolved(u).toString();
    }
    if (uri.startsWith(QLatin1Char('/')))
        return QUrl::fromLocalFile(uri).toString();
    return uri;
}

QString parseEntry(const QJsonObject &o, const QString &galleryUrl, GalleryEntry *e)
{
    JsonReader r(o);
    e->name = r.requiredString("name");
    if (!r.ok())
        return r.error();
    if (!isValidBackendName(e->name))
        return QStringLiteral("invalid backend name \"%1\"").arg(e->name);
    e->version = r.optionalString("version");
    e->sha256 = r.optionalString("sha256").toLower();
    e->size = r.optionalInt("size");
    e->description = r.optionalString("description");
    e->license = r.optionalString("license");
    e->icon = r.optionalString("icon");
    for (const QJsonValue &t : r.optionalArray("tags"))
        if (t.isString())
            e->tags.append(t.toString());
    const QJsonObject caps = r.optionalObject("capabilities");
    for (auto it = caps.begin(); it != caps.end(); ++it) {
        if (!it.value().isString() || !isValidBackendName(it.value().toString()))
            return QStringLiteral("field \"capabilities.%1\": expected a backend name").arg(it.key());
        e->capabilities.insert(it.key(), it.value().toString());
    }
    const QString uri = r.optionalString("uri");
    if (!r.ok())
        return r.error();
    if (uri.isEmpty() && caps.isEmpty())
        return QStringLiteral("missing required field \"uri\"");
    if (!uri.isEmpty())
        e->uri = absoluteUri(uri, galleryUrl);
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (!e->sha256.isEmpty() && !hex.match(e->sha256).hasMatch())
        return QStringLiteral("field \"sha256\": expected 64 hex digits");
    const QJsonObject req = r.optionalObject("requires");
    if (!r.ok())
        return r.error();
    if (req.contains(QLatin1String("gpu_vendor"))) {
        const QJsonValue v = req.value(QLatin1String("gpu_vendor"));
        if (!v.isArray())
            return QStringLiteral("field \"requires.gpu_vendor\": expected array");
        for (const QJsonValue &x : v.toArray()) {
            if (!kVendors.contains(x.toString()))
                return QStringLiteral("field \"requires.gpu_vendor\": unknown vendor \"%1\"").arg(x.toString());
            e->requiresGpuVendor.append(x.toString());
        }
    }
    return {};
}

} // namespace

bool isValidBackendName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"));
    return re.match(name).hasMatch();
}

QJsonObject GalleryEntry::toWireEntry() const
{
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("version"), version},
                  {QStringLiteral("uri"), uri},
                  {QStringLiteral("gallery_url"), galleryUrl}};
    if (!sha256.isEmpty())
        o.insert(QStringLiteral("sha256"), sha256);
    if (size > 0)
        o.insert(QStringLiteral("size"), size);
    if (!requiresGpuVendor.isEmpty())
        o.insert(QStringLiteral("requires"),
                 QJsonObject{{QStringLiteral("gpu_vendor"), QJsonArray::fromStringList(requiresGpuVendor)}});
    if (isMeta()) {
        QJsonObject caps;
        for (auto it = capabilities.begin(); it != capabilities.end(); ++it)
            caps.insert(it.key(), it.value());
        o.insert(QStringLiteral("capabilities"), caps);
    }
    return o;
}

const GalleryEntry *GalleryIndex::find(const QString &backend) const
{
    for (const GalleryEntry &e : entries)
        if (e.name == backend)
            return &e;
    return nullptr;
}

Result<GalleryIndex> GalleryIndex::parse(const QByteArray &json, const QString &url)
{
    QString error;
    const auto obj = parseJsonObject(json, 16LL * 1024 * 1024, &error);
    if (!obj)
        return Result<GalleryIndex>::failure(QStringLiteral("gallery %1: %2").arg(url, error));
    const QJsonValue version = obj->value(QLatin1String("fleetdeck_gallery"));
    if (version.toInt(-1) != 1 || !version.isDouble())
        return Result<GalleryIndex>::failure(
            QStringLiteral("gallery %1: unsupported gallery format version %2")
                .arg(url, version.isUndefined() ? QStringLiteral("(missing)") : version.toVariant().toString()));
    GalleryIndex index;
    index.url = url;
    index.name = obj->value(QLatin1String("name")).toString();
    const QJsonArray backends = obj->value(QLatin1String("backends")).toArray();
    for (qsizetype i = 0; i < backends.size(); ++i) {
        GalleryEntry e;
        e.galleryName = index.name;
        e.galleryUrl = url;
        const QString problem = parseEntry(backends.at(i).toObject(), url, &e);
        if (!problem.isEmpty()) {
            index.warnings.append(QStringLiteral("gallery %1: entry %2 skipped: %3").arg(url).arg(i).arg(problem));
            continue;
        }
        if (index.find(e.name)) {
            index.warnings.append(QStringLiteral("gallery %1: duplicate entry \"%2\" skipped").arg(url, e.name));
            continue;
        }
        index.entries.append(e);
    }
    return index;
}

} // namespace fleetdeck
