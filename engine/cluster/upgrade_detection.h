#pragma once
// Upgrade detection (docs/gallery.md#upgrade-detection): from a cluster listing and the galleries,
// the installed (majority) version of every backend, its drift across nodes and whether an upgrade
// is available. The result is the `fleetdeck.upgrades.result` object of
// docs/protocol.md#replica-broadcasts.
#include "cluster/cluster_listing.h"
#include "gallery/gallery_catalog.h"

#include <QJsonObject>

namespace fleetdeck {

struct DriftRef {
    QString nodeId, nodeName, version, digest;
};

struct BackendUpgrade {
    QString name;
    bool isSystem = false, isMeta = false;
    QString metaBackendFor;
    int nodeCount = 0;
    QString installedVersion, installedDigest, installedAt;
    bool upgradeAvailable = false;
    QString availableVersion, availableDigest;
    QList<DriftRef> drift; // every drifting node; the JSON carries at most 50
};

struct UpgradesResult {
    QString replicaId;
    qint64 checkedAt = 0;
    QList<BackendUpgrade> backends;
    QList<UnknownNode> unknownNodes;

    QJsonObject toJson(bool onlyUpgradable = false) const;
    static UpgradesResult fromJson(const QJsonObject &o);
    const BackendUpgrade *find(const QString &name) const;
};

UpgradesResult detectUpgrades(const ClusterListingResult &listing, const GalleryCatalog &catalog);

} // namespace fleetdeck
