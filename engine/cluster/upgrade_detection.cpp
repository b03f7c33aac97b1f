#include "cluster/upgrade_detection.h"

#include <QJsonArray>
#include <QMap>

namespace fleetdeck {

namespace {

QJsonArray driftJson(const QList<DriftRef> &drift)
{
    QJsonArray out;
    for (const DriftRef &d : drift) {
        if (out.size() >= 50)
            break;
        out.append(QJsonObject{{QStringLiteral("node_id"), d.nodeId},
                               {QStringLiteral("node_name"), d.nodeName},
                               {QStringLiteral("version"), d.version},
                               {QStringLiteral("digest"), d.digest}});
    }
    return out;
}

} // namespace

UpgradesResult detectUpgrades(const ClusterListingResult &listing, const GalleryCatalog &catalog)
{
    UpgradesResult result;
    result.unknownNodes = listing.unknownNodes;
    for (const ListedBackendSummary &b : listing.backends) {
        BackendUpgrade u;
        u.name = b.name;
        u.isSystem = b.isSystem;
        u.isMeta = b.isMeta;
        u.metaBackendFor = b.metaBackendFor;
        u.nodeCount = static_cast<int>(b.nodes.size());
        // 1. The most frequent (version, digest); a tie goes to the pair of the first node in name order.
        QMap<QPair<QString, QString>, int> counts;
        for (const ListedNode &n : b.nodes)
            ++counts[{n.version, n.digest}];
        QPair<QString, QString> best;
        int bestCount = -1;
        for (const ListedNode &n : b.nodes) { // nodes are in name order
            const int c = counts.value({n.version, n.digest});
            if (c > bestCount) {
                bestCount = c;
                best = {n.version, n.digest};
            }
        }
        for (const ListedNode &n : b.nodes) {
            if (n.version == best.first && n.digest == best.second) {
                if (u.installedAt.isEmpty() || n.installedAt > u.installedAt)
                    u.installedAt = n.installedAt;
                continue;
            }
            u.drift.append(DriftRef{n.nodeId, n.nodeName, n.version, n.digest});
        }
        u.installedVersion = best.first;
        u.installedDigest = best.second;
        const auto entry = catalog.resolve(b.name);
        const bool checkable = !b.isSystem && !b.isMeta && entry.ok() && !entry->entry.isMeta();
        if (checkable) {
            const GalleryEntry &g = entry->entry;
            u.availableVersion = g.version;
            u.availableDigest = g.sha256.isEmpty() ? QString() : QStringLiteral("sha256:") + g.sha256;
            const bool drifting = !u.drift.isEmpty();
            if (!g.version.isEmpty() && !u.installedVersion.isEmpty())
                u.upgradeAvailable = g.version != u.installedVersion || drifting;       // rule 2
            else if (!g.version.isEmpty())
                u.upgradeAvailable = true;                                            // rule 3
            else if (!g.sha256.isEmpty())
                u.upgradeAvailable = u.installedDigest.isEmpty() || u.installedDigest != u.availableDigest || drifting; // rule 4
            else
                u.upgradeAvailable = drifting;                                        // rule 5
        }
        result.backends.append(u);
    }
    return result;
}

QJsonObject UpgradesResult::toJson(bool onlyUpgradable) const
{
    QJsonArray backendsJson;
    for (const BackendUpgrade &u : backends) {
        if (onlyUpgradable && !u.upgradeAvailable)
            continue;
        backendsJson.append(QJsonObject{{QStringLiteral("name"), u.name},
                                        {QStringLiteral("is_system"), u.isSystem},
                                        {QStringLiteral("is_meta"), u.isMeta},
                                        {QStringLiteral("meta_backend_for"), u.metaBackendFor},
                                        {QStringLiteral("node_count"), u.nodeCount},
                                        {QStringLiteral("installed_version"), u.installedVersion},
                                        {QStringLiteral("installed_digest"), u.installedDigest},
                                        {QStringLiteral("installed_at"), u.installedAt},
                                        {QStringLiteral("upgrade_available"), u.upgradeAvailable},
                                        {QStringLiteral("available_version"), u.availableVersion},
                                        {QStringLiteral("available_digest"), u.availableDigest},
                                        {QStringLiteral("drift_count"), static_cast<int>(u.drift.size())},
                                        {QStringLiteral("node_drift"), driftJson(u.drift)}});
    }
    QJsonArray unknown;
    for (const UnknownNode &n : unknownNodes) {
        QJsonObject u{{QStringLiteral("node_id"), n.nodeId}, {QStringLiteral("node_name"), n.nodeName}, {QStringLiteral("error"), n.error}};
        insertReason(u, QLatin1StringView("error"), n.errorCode);
        unknown.append(u);
    }
    return QJsonObject{{QStringLiteral("replica_id"), replicaId},
                       {QStringLiteral("checked_at"), checkedAt},
                       {QStringLiteral("backends"), backendsJson},
                       {QStringLiteral("unknown_nodes"), unknown}};
}

UpgradesResult UpgradesResult::fromJson(const QJsonObject &o)
{
    UpgradesResult r;
    r.replicaId = o.value(QLatin1String("replica_id")).toString();
    r.checkedAt = o.value(QLatin1String("checked_at")).toInteger();
    for (const QJsonValue &v : o.value(QLatin1String("backends")).toArray()) {
        const QJsonObject b = v.toObject();
        BackendUpgrade u;
        u.name = b.value(QLatin1String("name")).toString();
        u.isSystem = b.value(QLatin1String("is_system")).toBool();
        u.isMeta = b.value(QLatin1String("is_meta")).toBool();
        u.metaBackendFor = b.value(QLatin1String("meta_backend_for")).toString();
        u.nodeCount = b.value(QLatin1String("node_count")).toInt();
        u.installedVersion = b.value(QLatin1String("installed_version")).toString();
        u.installedDigest = b.value(QLatin1String("installed_digest")).toString();
        u.installedAt = b.value(QLatin1String("installed_at")).toString();
        u.upgradeAvailable = b.value(QLatin1String("upgrade_available")).toBool();
        u.availableVersion = b.value(QLatin1String("available_version")).toString();
        u.availableDigest = b.value(QLatin1String("available_digest")).toString();
        for (const QJsonValue &d : b.value(QLatin1String("node_drift")).toArray()) {
            const QJsonObject dj = d.toObject();
            u.drift.append(DriftRef{dj.value(QLatin1String("node_id")).toString(), dj.value(QLatin1String("node_name")).toString(),
                                    dj.value(QLatin1String("version")).toString(), dj.value(QLatin1String("digest")).toString()});
        }
        r.backends.append(u);
    }
    for (const QJsonValue &v : o.value(QLatin1String("unknown_nodes")).toArray()) {
        const QJsonObject n = v.toObject();
        r.unknownNodes.append(UnknownNode{n.value(QLatin1String("node_id")).toString(), n.value(QLatin1String("node_name")).toString(),
                                          n.value(QLatin1String("error")).toString(), readReason(n, QLatin1StringView("error"))});
    }
    return r;
}

const BackendUpgrade *UpgradesResult::find(const QString &name) const
{
    for (const BackendUpgrade &u : backends)
        if (u.name == name)
            return &u;
    return nullptr;
}

} // namespace fleetdeck
