#include "test_db.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

namespace fleetdeck::test {

QString toString(Backend b)
{
    return b == Backend::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgres");
}

std::unique_ptr<TestDatabase> TestDatabase::create(Backend backend, QString *error)
{
    auto fail = [error](const QString &msg) -> std::unique_ptr<TestDatabase> {
        if (error)
            *error = msg;
        return nullptr;
    };
    std::unique_ptr<TestDatabase> db(new TestDatabase);
    db->m_backend = backend;
    if (!db->m_dir.isValid())
        return fail(QStringLiteral("cannot create a temporary directory: %1").arg(db->m_dir.errorString()));
    if (backend == Backend::Sqlite) {
        db->m_config.driver = StoreConfig::Driver::Sqlite;
        db->m_config.path = db->m_dir.filePath(QStringLiteral("store.sqlite"));
        return db;
    }

    const QString serversDir = qEnvironmentVariable("FLEETDECK_TEST_SERVERS_DIR");
    if (serversDir.isEmpty())
        return fail(QStringLiteral("PostgreSQL test fixture not running: FLEETDECK_TEST_SERVERS_DIR is not set "
                                   "(run the tests through ctest)"));
    const QString dsnPath = serversDir + QStringLiteral("/pg/dsn");
    QFile dsnFile(dsnPath);
    if (!dsnFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("PostgreSQL test fixture not running: %1 missing (run the tests through ctest)").arg(dsnPath));
    const auto admin = StoreConfig::fromDsn(QString::fromUtf8(dsnFile.readAll()).trimmed());
    if (!admin)
        return fail(QStringLiteral("PostgreSQL test fixture: %1").arg(admin.error()));

    const QString suffix = QUuid::createUuid().toString(QUuid::Id128);
    db->m_adminConnection = QStringLiteral("fleetdeck-test-admin-") + suffix;
    const QString dbName = QStringLiteral("t_") + suffix;
    QString err;
    {
        QSqlDatabase conn = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), db->m_adminConnection);
        conn.setHostName(admin->host);
        conn.setPort(admin->port);
        conn.setUserName(admin->user);
        conn.setDatabaseName(admin->database);
        if (!conn.open()) {
            err = QStringLiteral("PostgreSQL test fixture at %1 unreachable: %2").arg(admin->dsn(), conn.lastError().text());
        } else {
            QSqlQuery q(conn);
            if (!q.exec(QStringLiteral("CREATE DATABASE ") + dbName))
                err = QStringLiteral("CREATE DATABASE %1: %2").arg(dbName, q.lastError().text());
        }
    }
    if (!err.isEmpty()) {
        QSqlDatabase::removeDatabase(db->m_adminConnection);
        db->m_adminConnection.clear();
        return fail(err);
    }
    db->m_config = admin.value();
    db->m_config.database = dbName;
    return db;
}

TestDatabase::~TestDatabase()
{
    if (m_adminConnection.isEmpty())
        return;
    {
        QSqlDatabase conn = QSqlDatabase::database(m_adminConnection, false);
        if (conn.isOpen()) {
            // WITH (FORCE) ends sessions a test left open (PostgreSQL 13+).
            QSqlQuery q(conn);
            if (!q.exec(QStringLiteral("DROP DATABASE IF EXISTS ") + m_config.database + QStringLiteral(" WITH (FORCE)")))
                qWarning("DROP DATABASE %s: %s", qUtf8Printable(m_config.database), qUtf8Printable(q.lastError().text()));
        }
        conn.close();
    }
    QSqlDatabase::removeDatabase(m_adminConnection);
}

void addBackendColumns()
{
    QTest::addColumn<Backend>("backend");
    QTest::newRow("sqlite") << Backend::Sqlite;
    QTest::newRow("postgres") << Backend::Postgres;
}

} // namespace fleetdeck::test
