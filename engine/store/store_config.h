#pragma once
// Where the store lives: an SQLite file or a PostgreSQL database (`store/*` and `--store DSN` in
// docs/architecture.md#configuration).
#include "core/result.h"

#include <QString>

namespace fleetdeck {

struct StoreConfig {
    enum class Driver { Sqlite, Postgres };
    Driver driver = Driver::Sqlite;
    QString path;          // sqlite
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString database;
    QString user;
    QString password;      // only from store/password_file; never logged

    // "postgresql://user@host:port/db" or "sqlite:/path"; never contains the password.
    QString dsn() const;
    // Parses `postgresql://<user>@<host>:<port>/<db>` or `sqlite:<path>`; errors name what is wrong.
    static Result<StoreConfig> fromDsn(const QString &dsn);
};

} // namespace fleetdeck
