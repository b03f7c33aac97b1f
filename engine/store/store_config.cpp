#include "store/store_config.h"

#include <QUrl>

namespace fleetdeck {

QString StoreConfig::dsn() const
{
    if (driver == Driver::Sqlite)
        return QStringLiteral("sqlite:") + path;
    return QStringLiteral("postgresql://") + user + QLatin1Char('@') + host + QLatin1Char(':') + QString::number(port)
           + QLatin1Char('/') + database;
}

Result<StoreConfig> StoreConfig::fromDsn(const QString &dsn)
{
    StoreConfig c;
    if (dsn.startsWith(QLatin1String("sqlite:"))) {
        c.driver = Driver::Sqlite;
        c.path = dsn.mid(7);
        if (c.path.isEmpty())
            return Result<StoreConfig>::failure(QStringLiteral("invalid store DSN \"%1\": empty SQLite path").arg(dsn));
        return c;
    }
    if (!dsn.startsWith(QLatin1String("postgresql://")) && !dsn.startsWith(QLatin1String("postgres://"))) {
        return Result<StoreConfig>::failure(
            QStringLiteral("invalid store DSN \"%1\": expected postgresql://<user>@<host>:<port>/<db> or sqlite:<path>")
                .arg(dsn));
    }
    const QUrl url(dsn, QUrl::StrictMode);
    if (!url.isValid())
        return Result<StoreConfig>::failure(QStringLiteral("invalid store DSN \"%1\": %2").arg(dsn, url.errorString()));
    if (!url.password().isEmpty())
        return Result<StoreConfig>::failure(
            QStringLiteral("invalid store DSN: a password is not allowed in the DSN (use store/password_file)"));
    c.driver = Driver::Postgres;
    c.user = url.userName();
    c.host = url.host();
    c.port = url.port(5432);
    c.database = url.path().mid(1);
    if (c.user.isEmpty())
        return Result<StoreConfig>::failure(QStringLiteral("invalid store DSN \"%1\": missing user").arg(dsn));
    if (c.host.isEmpty())
        return Result<StoreConfig>::failure(QStringLiteral("invalid store DSN \"%1\": missing host").arg(dsn));
    if (c.database.isEmpty() || c.database.contains(QLatin1Char('/')))
        return Result<StoreConfig>::failure(QStringLiteral("invalid store DSN \"%1\": missing database").arg(dsn));
    if (c.port <= 0 || c.port > 65535)
        return Result<StoreConfig>::failure(QStringLiteral("invalid store DSN \"%1\": invalid port").arg(dsn));
    return c;
}

} // namespace fleetdeck
