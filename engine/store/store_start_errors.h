#pragma once
// Which failures of a store's start (open and migrate) no retry cures
// (docs/architecture.md#configuration, #pass-locks, #outages): the server refused the credentials
// (PostgreSQL authentication failure, unknown role, no pg_hba.conf entry, no password supplied),
// the schema is of a newer major version, or another replica held the migration lock for 60 s.
// Everything else (a refused or timed-out connection, a server starting up or shutting down, a
// missing database) is an outage that a long-lived replica waits out, retrying every 5 s; ctl exits
// 3 on either kind.
#include <QString>

namespace fleetdeck {

bool isFinalStoreError(const QString &error);

} // namespace fleetdeck
