#include "ops/replica_identity.h"

#include "core/id_source.h"

#include <QHostInfo>
#include <QtGlobal>

namespace fleetdeck {

ReplicaIdentity ReplicaIdentity::create(const QString &kind)
{
    ReplicaIdentity id;
    id.replicaId = ids::newUuid();
    id.kind = kind;
    id.host = QHostInfo::localHostName();
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME", QStringLiteral("unknown"));
    const QString prefix = kind == QLatin1String("ctl") ? QStringLiteral("ctl:") : QStringLiteral("gui:");
    id.requestedBy = prefix + user + QLatin1Char('@') + id.host;
    return id;
}

} // namespace fleetdeck
