#pragma once
// The galleries a replica has loaded, in the cluster's order (docs/gallery.md#configuration): the
// first gallery listing a name wins. Admission resolves entries here (docs/operations.md#admission
// step 1, D26).
#include "gallery/gallery_index.h"

#include <QJsonArray>
#include <mutex>
#include <shared_mutex>

namespace fleetdeck {

struct ResolvedBackend {
    GalleryEntry entry;
    QList<GalleryEntry> capabilityEntries; // meta only: the entries its capabilities name
    QJsonArray galleries;                  // [{name,url}] of the lookup
    QJsonArray wireEntries() const;        // params.entries
};

class GalleryCatalog final {
public:
    void setIndexes(const QList<GalleryIndex> &indexes);
    QList<GalleryIndex> indexes() const;
    QJsonArray galleries() const; // [{name,url}]
    // Resolves `backend` in the galleries named by `galleries` (by url; empty = every loaded one).
    // Error: "unknown backend \"<b>\": not in any configured gallery".
    Result<ResolvedBackend> resolve(const QString &backend, const QJsonArray &galleries = {}) const;

private:
    mutable std::shared_mutex m_lock; // visible to ThreadSanitizer, unlike QReadWriteLock
    QList<GalleryIndex> m_indexes;
};

} // namespace fleetdeck
