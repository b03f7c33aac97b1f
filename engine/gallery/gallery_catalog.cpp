#include "gallery/gallery_catalog.h"

namespace fleetdeck {

QJsonArray ResolvedBackend::wireEntries() const
{
    QJsonArray out{entry.toWireEntry()};
    for (const GalleryEntry &e : capabilityEntries)
        out.append(e.toWireEntry());
    return out;
}

void GalleryCatalog::setIndexes(const QList<GalleryIndex> &indexes)
{
    std::unique_lock lock(m_lock);
    m_indexes = indexes;
}

QList<GalleryIndex> GalleryCatalog::indexes() const
{
    std::shared_lock lock(m_lock);
    return m_indexes;
}

QJsonArray GalleryCatalog::galleries() const
{
    std::shared_lock lock(m_lock);
    QJsonArray out;
    for (const GalleryIndex &g : m_indexes)
        out.append(QJsonObject{{QStringLiteral("name"), g.name}, {QStringLiteral("url"), g.url}});
    return out;
}

Result<ResolvedBackend> GalleryCatalog::resolve(const QString &backend, const QJsonArray &galleries) const
{
    std::shared_lock lock(m_lock);
    QList<const GalleryIndex *> order;
    if (galleries.isEmpty()) {
        for (const GalleryIndex &g : m_indexes)
            order.append(&g);
    } else {
        for (const QJsonValue &v : galleries) {
            const QString url = v.toObject().value(QLatin1String("url")).toString();
            for (const GalleryIndex &g : m_indexes)
                if (g.url == url)
                    order.append(&g);
        }
    }
    auto lookup = [&](const QString &name) -> const GalleryEntry * {
        for (const GalleryIndex *g : order)
            if (const GalleryEntry *e = g->find(name))
                return e;
        return nullptr;
    };
    const GalleryEntry *e = lookup(backend);
    if (!e)
        return Result<ResolvedBackend>::failure(Reason::make("unknown_backend", {{"backend", backend}}));
    ResolvedBackend r;
    r.entry = *e;
    for (const GalleryIndex *g : order)
        r.galleries.append(QJsonObject{{QStringLiteral("name"), g->name}, {QStringLiteral("url"), g->url}});
    for (auto it = e->capabilities.constBegin(); it != e->capabilities.constEnd(); ++it) {
        const GalleryEntry *c = lookup(it.value());
        if (!c)
            return Result<ResolvedBackend>::failure(Reason::make(
                "meta_capability_unknown", {{"backend", backend}, {"capability", it.key()}, {"target", it.value()}}));
        r.capabilityEntries.append(*c);
    }
    return r;
}

} // namespace fleetdeck
