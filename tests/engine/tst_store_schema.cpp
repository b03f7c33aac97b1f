// fleetdeck-test-labels: postgres
// Schema and settings (SPEC §2.1, §2.2, §1.5): migrations, version checks, cluster_id, settings rows.
#include "tst_store_fixture.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstStoreSchema : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<StoreEnv> env;

    // Reopens the database with a fresh connection and migrates it.
    Result<int> reopenAndMigrate()
    {
        env->store.reset();
        auto opened = env->open();
        if (!opened)
            return Result<int>::failure(opened.error());
        env->store = std::move(opened.value());
        return env->store->migrate();
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendColumns(); }
    void init() { QVERIFY((env = StoreEnv::forCurrentRow())); }
    void cleanup() { env.reset(); }

    void migrationCreatesSchemaAndClusterId()
    {
        STORE_OK(version, env->store->schemaVersion());
        QCOMPARE(version.value(), Store::buildSchemaVersion());
        QCOMPARE(Store::buildSchemaVersion(), 1003); // 1001 initial schema, 1002 op and node-row revisions, 1003 reason codes
        STORE_OK(id, env->store->clusterId());
        const QUuid uuid(id.value());
        QVERIFY(!uuid.isNull());
        QCOMPARE(uuid.version(), QUuid::Random);
        // Stored as a compact JSON string, written by the migration with the injected clock.
        STORE_OK(raw, rawScalar(env->db->config(), QStringLiteral("SELECT value FROM settings WHERE key = 'cluster_id'")));
        QCOMPARE(raw.value().toString(), QLatin1Char('"') + id.value() + QLatin1Char('"'));
        STORE_OK(by, rawScalar(env->db->config(), QStringLiteral("SELECT updated_by FROM settings WHERE key = 'cluster_id'")));
        QCOMPARE(by.value().toString(), QStringLiteral("migration"));
        STORE_OK(at, rawScalar(env->db->config(), QStringLiteral("SELECT applied_at FROM schema_migrations WHERE version = 1001")));
        QCOMPARE(at.value().toLongLong(), env->clock.nowMs());
    }

    void migrateTwiceIsIdempotentAndClusterIdStable()
    {
        STORE_OK(before, env->store->clusterId());
        STORE_OK(again, env->store->migrate());
        QCOMPARE(again.value(), 1003);
        STORE_OK(reopened, reopenAndMigrate());
        QCOMPARE(reopened.value(), 1003);
        STORE_OK(after, env->store->clusterId());
        QCOMPARE(after.value(), before.value());
        STORE_OK(rows, rawScalar(env->db->config(), QStringLiteral("SELECT COUNT(*) FROM schema_migrations")));
        QCOMPARE(rows.value().toInt(), 3);
    }

    void newerMajorVersionIsRefused()
    {
        STORE_OK(ins, rawScalar(env->db->config(),
                                QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (2001, 'x', 0)")));
        const auto r = reopenAndMigrate();
        QVERIFY(!r.ok());
        QCOMPARE(r.error(), QStringLiteral("store schema version 2001 is newer than this build supports (1.x)"));
    }

    void newerMinorVersionIsAcceptedWithAWarning()
    {
        STORE_OK(ins, rawScalar(env->db->config(),
                                QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (1004, 'x', 0)")));
        QTest::ignoreMessage(QtWarningMsg, "store schema version 1004 is newer than this build (1003)");
        STORE_OK(v, reopenAndMigrate());
        QCOMPARE(v.value(), 1004);
        STORE_OK(id, env->store->clusterId());
        QVERIFY(!id.value().isEmpty());
    }

    void settingsRoundTripAsCompactJson()
    {
        const QJsonObject obj{{QStringLiteral("a"), 1}, {QStringLiteral("b"), QJsonArray{true, QStringLiteral("x")}}};
        QVERIFY_OK(env->store->setSetting(QStringLiteral("galleries"), QJsonArray{obj}, QStringLiteral("gui:alice@ws-3")));
        QVERIFY_OK(env->store->setSetting(QStringLiteral("ops/history_size"), 200, QStringLiteral("ctl:ci@build-1")));
        QVERIFY_OK(env->store->setSetting(QStringLiteral("upgrades/auto"), true, QStringLiteral("ctl:ci@build-1")));
        QVERIFY_OK(env->store->setSetting(QStringLiteral("nodes/registration_token"), QStringLiteral("sha256:ab"),
                                          QStringLiteral("ctl:ci@build-1")));
        STORE_OK(g, env->store->setting(QStringLiteral("galleries")));
        QVERIFY(g.value().has_value());
        QCOMPARE(*g.value(), QJsonValue(QJsonArray{obj}));
        STORE_OK(raw, rawScalar(env->db->config(), QStringLiteral("SELECT value FROM settings WHERE key = 'galleries'")));
        QCOMPARE(raw.value().toString(), QStringLiteral(R"([{"a":1,"b":[true,"x"]}])"));
        STORE_OK(missing, env->store->setting(QStringLiteral("nope")));
        QVERIFY(!missing.value().has_value());

        // Upsert: a second set replaces value, time and author.
        env->clock.advanceMs(5000);
        QVERIFY_OK(env->store->setSetting(QStringLiteral("ops/history_size"), 50, QStringLiteral("gui:bob@ws-1")));
        STORE_OK(all, env->store->settings());
        QCOMPARE(all.value().value(QStringLiteral("ops/history_size")), QJsonValue(50));
        QCOMPARE(all.value().value(QStringLiteral("upgrades/auto")), QJsonValue(true));
        QCOMPARE(all.value().value(QStringLiteral("nodes/registration_token")), QJsonValue(QStringLiteral("sha256:ab")));
        QVERIFY(all.value().contains(QStringLiteral("cluster_id")));
        QCOMPARE(all.value().size(), 5);
        STORE_OK(by, rawScalar(env->db->config(),
                               QStringLiteral("SELECT updated_by FROM settings WHERE key = 'ops/history_size'")));
        QCOMPARE(by.value().toString(), QStringLiteral("gui:bob@ws-1"));
        STORE_OK(at, rawScalar(env->db->config(),
                               QStringLiteral("SELECT updated_at FROM settings WHERE key = 'ops/history_size'")));
        QCOMPARE(at.value().toLongLong(), env->clock.nowMs());
    }

    // Store classifies unique violations by nativeErrorCode() only (SPEC §2.1): pin what the
    // drivers report. QSQLITE enables extended result codes: 2067 for a UNIQUE constraint or
    // index, 1555 for a PRIMARY KEY (never the primary code 19).
    void driversReportUniqueViolationCodes()
    {
        const StoreConfig c = env->db->config();
        const bool sqlite = c.driver == StoreConfig::Driver::Sqlite;
        const QString name = uniqueConnectionName("raw");
        QStringList codes;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
            db.setDatabaseName(sqlite ? c.path : c.database);
            db.setHostName(c.host);
            db.setPort(c.port);
            db.setUserName(c.user);
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            const QString insert = QStringLiteral("INSERT INTO nodes (id, name, status, last_heartbeat, created_at, updated_at) "
                                                  "VALUES (:id, :name, 'healthy', 0, 0, 0)");
            const QList<QPair<QString, QString>> rows{{QStringLiteral("n1"), QStringLiteral("gpu-1")},
                                                      {QStringLiteral("n2"), QStringLiteral("GPU-1")},  // unique index
                                                      {QStringLiteral("n1"), QStringLiteral("gpu-2")}}; // primary key
            for (const auto &[id, nodeName] : rows) {
                QSqlQuery q(db);
                QVERIFY(q.prepare(insert));
                q.bindValue(QStringLiteral(":id"), id);
                q.bindValue(QStringLiteral(":name"), nodeName);
                codes << (q.exec() ? QStringLiteral("ok") : q.lastError().nativeErrorCode());
            }
        }
        QSqlDatabase::removeDatabase(name);
        if (sqlite)
            QCOMPARE(codes, (QStringList{QStringLiteral("ok"), QStringLiteral("2067"), QStringLiteral("1555")}));
        else
            QCOMPARE(codes, (QStringList{QStringLiteral("ok"), QStringLiteral("23505"), QStringLiteral("23505")}));
    }

    void openFailsWithTheDriverText()
    {
        StoreConfig bad = env->db->config();
        if (bad.driver == StoreConfig::Driver::Sqlite)
            bad.path = env->db->dir() + QStringLiteral("/no/such/dir/x.sqlite");
        else
            bad.database = QStringLiteral("no_such_database");
        const auto r = Store::open(bad, &env->clock, uniqueConnectionName());
        QVERIFY(!r.ok());
        QVERIFY2(r.error().startsWith(QStringLiteral("open ")), qPrintable(r.error()));
    }

    void connectionNameInUseIsAnError()
    {
        const QString name = uniqueConnectionName();
        STORE_OK(a, Store::open(env->db->config(), &env->clock, name));
        const auto b = Store::open(env->db->config(), &env->clock, name);
        QVERIFY(!b.ok());
        QVERIFY(b.error().contains(QStringLiteral("already in use")));
    }
};

QTEST_GUILESS_MAIN(TstStoreSchema)
#include "tst_store_schema.moc"
