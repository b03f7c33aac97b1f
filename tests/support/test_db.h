#pragma once
// Fresh stores for tests: an SQLite file in a temporary directory, or a new database on the
// PostgreSQL server that the CTest fixture `postgres` started (its DSN is in
// $FLEETDECK_TEST_SERVERS_DIR/pg/dsn). A missing server is a test failure, never a skip.
#include "store/store_config.h"

#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace fleetdeck::test {

enum class Backend { Sqlite, Postgres };
QString toString(Backend b);

class TestDatabase {
public:
    // Creates an empty store (no schema yet). Fails the calling test (QFAIL-style message in error)
    // when the PostgreSQL fixture is missing.
    static std::unique_ptr<TestDatabase> create(Backend backend, QString *error);
    ~TestDatabase();

    const StoreConfig &config() const { return m_config; }
    Backend backend() const { return m_backend; }
    // Directory for SQLite files and lock files of this test (also set for PostgreSQL).
    QString dir() const { return m_dir.path(); }

private:
    TestDatabase() = default;
    Backend m_backend = Backend::Sqlite;
    StoreConfig m_config;
    QTemporaryDir m_dir;
    QString m_adminConnection;
};

// Adds QTest data rows "sqlite" and "postgres" with a column `backend` (fleetdeck::test::Backend).
void addBackendColumns();

} // namespace fleetdeck::test

Q_DECLARE_METATYPE(fleetdeck::test::Backend)
