#include "config/process_config.h"

#include <QFile>

namespace fleetdeck {

QString toString(ConfigSource s)
{
    switch (s) {
    case ConfigSource::Default: return QStringLiteral("default");
    case ConfigSource::File: return QStringLiteral("file");
    case ConfigSource::Environment: return QStringLiteral("environment");
    case ConfigSource::Flag: return QStringLiteral("flag");
    }
    return {};
}

static bool anyKeyWithPrefix(const QHash<QString, ConfigSource> &sources, QLatin1String prefix)
{
    for (auto it = sources.cbegin(); it != sources.cend(); ++it) {
        if (it.key().startsWith(prefix) && it.value() != ConfigSource::Default)
            return true;
    }
    return false;
}

bool ProcessConfig::hasStoreConfigured() const
{
    return anyKeyWithPrefix(sources, QLatin1String("store/"));
}

bool ProcessConfig::hasNatsConfigured() const
{
    return anyKeyWithPrefix(sources, QLatin1String("nats/"));
}

Result<QString> readSecretFile(const QString &key, const QString &path)
{
    QFile file(path);
    if (path.isEmpty())
        return Result<QString>::failure(key + QStringLiteral(": no file given"));
    if (!file.open(QIODevice::ReadOnly))
        return Result<QString>::failure(key + QStringLiteral(": cannot read \"") + path
                                        + QStringLiteral("\": ") + file.errorString());
    QString secret = QString::fromUtf8(file.readAll());
    while (secret.endsWith(QLatin1Char('\n')) || secret.endsWith(QLatin1Char('\r')))
        secret.chop(1);
    return secret;
}

Result<StoreConfig> ProcessConfig::storeConfig() const
{
    using R = Result<StoreConfig>;
    QString driver = storeDriver;
    if (driver.isEmpty()) {
        // Unambiguous partial configurations name their driver themselves.
        if (!storePath.isEmpty() && storeDatabase.isEmpty())
            driver = QStringLiteral("sqlite");
        else if (storePath.isEmpty() && !storeDatabase.isEmpty())
            driver = QStringLiteral("postgres");
        else
            return R::failure(QStringLiteral("no store configured: set store/driver (sqlite or postgres) "
                                             "or give --store postgresql://user@host:port/db or --store sqlite:PATH"));
    }

    StoreConfig c;
    if (driver == QLatin1String("sqlite")) {
        if (storePath.isEmpty())
            return R::failure(QStringLiteral("store/path: required for the sqlite store"));
        c.driver = StoreConfig::Driver::Sqlite;
        c.path = storePath;
        return c;
    }
    if (driver != QLatin1String("postgres"))
        return R::failure(QStringLiteral("invalid value for store/driver: expected sqlite or postgres, got \"")
                          + driver + QLatin1Char('"'));
    if (storeDatabase.isEmpty())
        return R::failure(QStringLiteral("store/database: required for the postgres store"));
    c.driver = StoreConfig::Driver::Postgres;
    c.host = storeHost.isEmpty() ? QStringLiteral("127.0.0.1") : storeHost;
    c.port = storePort;
    c.database = storeDatabase;
    c.user = storeUser;
    if (!storePasswordFile.isEmpty()) {
        Result<QString> password = readSecretFile(QStringLiteral("store/password_file"), storePasswordFile);
        if (!password)
            return R::failure(password.error());
        c.password = password.value();
    }
    return c;
}

QString ProcessConfig::describe() const
{
    QStringList parts;
    parts << QStringLiteral("config ") + (configFile.isEmpty() ? QStringLiteral("(none)") : configFile);

    QString store;
    if (storeDriver == QLatin1String("sqlite") || (storeDriver.isEmpty() && !storePath.isEmpty()))
        store = QStringLiteral("sqlite:") + storePath;
    else if (!storeDriver.isEmpty() || !storeDatabase.isEmpty())
        store = QStringLiteral("postgresql://") + storeUser + QLatin1Char('@') + storeHost + QLatin1Char(':')
                + QString::number(storePort) + QLatin1Char('/') + storeDatabase
                + (storePasswordFile.isEmpty() ? QString() : QStringLiteral(" (password from file)"));
    parts << QStringLiteral("store ") + (store.isEmpty() ? QStringLiteral("(none)") : store);

    QString auth;
    if (!nats.credsFile.isEmpty())
        auth = QStringLiteral(" (credentials file)");
    else if (!nats.user.isEmpty())
        auth = QStringLiteral(" (user ") + nats.user + QLatin1Char(')');
    else if (!nats.tokenFile.isEmpty())
        auth = QStringLiteral(" (token file)");
    if (!nats.tlsCaFile.isEmpty())
        auth += QStringLiteral(" (TLS CA ") + nats.tlsCaFile + QLatin1Char(')');
    parts << QStringLiteral("nats ") + (nats.url.isEmpty() ? QStringLiteral("(none)") : nats.url) + auth;

    if (!galleryUrls.isEmpty())
        parts << QStringLiteral("galleries ") + galleryUrls.join(QLatin1Char(' '));
    if (!worker.name.isEmpty())
        parts << QStringLiteral("worker ") + worker.name;
    return parts.join(QStringLiteral(", "));
}

NatsConfig ProcessConfig::natsConfig() const
{
    NatsConfig c;
    c.url = nats.url;
    c.credsFile = nats.credsFile;
    c.tlsCaFile = nats.tlsCaFile;
    c.user = nats.user;
    c.passwordFile = nats.passwordFile;
    c.tokenFile = nats.tokenFile;
    return c;
}

} // namespace fleetdeck
