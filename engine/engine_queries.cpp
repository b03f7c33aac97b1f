// What views ask the engine (docs/gui.md#data-flow): the parts' state on the engine thread, and the
// store's rows through the store thread (a QFuture resolved on the caller's thread).
#include "engine.h"

#include "cluster/upgrade_checker.h"
#include "core/clock.h"
#include "gallery/gallery_catalog.h"
#include "store/store_thread.h"

#include <QSet>

namespace fleetdeck {

qint64 Engine::nowMs() const
{
    return m_clock->nowMs();
}

ClusterSettings Engine::settings() const
{
    return m_ops ? m_ops->settings() : ClusterSettings();
}

QList<Operation> Engine::listOps()
{
    return m_ops->listOps();
}

OpsListDelta Engine::listOpsDelta(OpsListCursor &cursor)
{
    return m_ops->listOpsDelta(cursor);
}

QFuture<Result<QList<Operation>>> Engine::previewOps(qint64 atMs)
{
    const qint64 failedSince = atMs - settings().retentionMs();
    return m_store->call([failedSince](Store &s) { return s.loadOpsForHydration(failedSince); });
}

QFuture<Result<QList<Node>>> Engine::listNodes()
{
    return m_store->call([](Store &s) { return s.listNodes(); });
}

QFuture<Result<QList<HistoryEntry>>> Engine::listHistory(int limit)
{
    return m_store->call([limit](Store &s) { return s.listHistory(limit); });
}

QList<GalleryEntry> Engine::gallery() const
{
    QList<GalleryEntry> out;
    QSet<QString> seen;
    for (const GalleryIndex &index : m_catalog->indexes()) {
        for (const GalleryEntry &e : index.entries) {
            if (!seen.contains(e.name)) {
                seen.insert(e.name);
                out.append(e);
            }
        }
    }
    return out;
}

std::optional<UpgradesResult> Engine::latestUpgrades() const
{
    return m_upgrades ? m_upgrades->latest() : std::nullopt;
}

} // namespace fleetdeck
