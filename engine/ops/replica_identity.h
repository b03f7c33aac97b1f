#pragma once
#include <QString>

namespace fleetdeck {

// Who this process is on the bus and in the store (docs/architecture.md#terms "Replica").
struct ReplicaIdentity {
    QString replicaId;                       // UUID v4, new at every start
    QString kind = QStringLiteral("gui");    // gui | headless | ctl | demo
    QString host;
    QString requestedBy;                     // gui:<user>@<host> / ctl:<user>@<host>
    bool longLived() const { return kind != QLatin1String("ctl"); }

    // A fresh identity of `kind` for this OS user and host.
    static ReplicaIdentity create(const QString &kind);
};

} // namespace fleetdeck
