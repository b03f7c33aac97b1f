#pragma once
// What the demo writes through the ordinary store and installer code before and while it runs
// (docs/architecture.md#demo-cluster): the node specs, the demo settings and node rows,
// pre-installed backends, and the orphaned op the tour reaps.
#include "core/operation.h"
#include "core/op_types.h"
#include "core/result.h"
#include "store/store_config.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace fleetdeck {

class Clock;
class DemoArtifacts;
class Store;

struct DemoNodeSpec {
    QString name;
    QString vendor;          // gpu_vendor
    QJsonObject labels;
    qint64 transferMs = 0;   // one artifact transfer on this node's simulated link
    bool seeded = false;     // a row exists before its worker registers
    NodeStatus status = NodeStatus::Healthy;
    Reason statusReason;      // of the seeded row (docs/reason-codes.md)
    qint64 heartbeatAgeMs = 0; // of the seeded row
    bool worker = true;      // an in-process WorkerAgent runs for it
    QString preinstalled;    // llama-cpp-cuda12 version installed before start, or empty
    qint64 installedAgoMs = 0;
};

namespace demo {

// gpu-a100-1, gpu-a100-2, jetson-orin, mac-mini-m4, cpu-edge-1, new-node-7; transfer times are
// divided by paceFactor.
QList<DemoNodeSpec> nodeSpecs(double paceFactor);

// On any thread, before the engine opens the file: migrations, the demo settings (install and
// upgrade timeouts 20 s, the demo gallery) and the rows of every seeded node.
Status seedStore(const StoreConfig &config, Clock *clock, const QString &galleryUrl, const QList<DemoNodeSpec> &nodes);

// Installs `version` of llama-cpp-cuda12 into backendsDir with the real installer, stamped
// installedAgoMs in the past.
Status preinstall(const QString &backendsDir, const QString &allowedRoot, const DemoArtifacts &artifacts,
                  const QString &version, Clock *clock, qint64 installedAgoMs);

// On the engine's store thread (so no engine call interleaves): an install of `backend` owned by
// the dead replica `deadReplicaId`, running at 40 % on `nodeName`, last updated ageMs ago.
Result<Operation> seedOrphan(const StoreConfig &config, Clock *clock, qint64 ageMs, const QString &deadReplicaId,
                             const QJsonObject &entry, const QJsonObject &gallery, const QString &nodeId,
                             const QString &nodeName);

} // namespace demo
} // namespace fleetdeck
