// ClusterSettings (SPEC §1.3, §1.5): defaults, typed getters, stored rows, `settings set` validation,
// registration-token hashing and masking.
#include "config/cluster_settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace fleetdeck;

class TestClusterSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        const ClusterSettings s;
        QVERIFY(s.problems().isEmpty());
        QCOMPARE(s.heartbeatIntervalS(), 10);
        QCOMPARE(s.healthTickMs(), 15000);
        QCOMPARE(s.healthStaleMs(), 60000);
        QCOMPARE(s.reconcileTickMs(), 30000);
        QCOMPARE(s.passWaitMs(), 60000);
        QCOMPARE(s.retryParallel(), 8);
        QCOMPARE(s.backoffBaseMs(), 30000);
        QCOMPARE(s.backoffCapMs(), 15 * 60 * 1000);
        QCOMPARE(s.maxAttempts(), 10);
        QCOMPARE(s.pendingGraceMs(), 15 * 60 * 1000);
        QCOMPARE(s.opsMaxConcurrent(), 4);
        QCOMPARE(s.fanoutParallel(), 8);
        QCOMPARE(s.claimPollMs(), 5000);
        QCOMPARE(s.staleAgeMs(), 30 * 60 * 1000);
        QCOMPARE(s.reapIntervalMs(), 15 * 60 * 1000);
        QCOMPARE(s.keepaliveMs(), 60000);
        QCOMPARE(s.statusCoalesceMs(), 250);
        QCOMPARE(s.progressWriteMs(), 1000);
        QCOMPARE(s.historySize(), 200);
        QCOMPARE(s.retentionMs(), qint64(7) * 24 * 3600 * 1000);
        QCOMPARE(s.statusLingerMs(), 10 * 60 * 1000);
        QCOMPARE(s.timeoutMs(OpKind::Install), 900000);
        QCOMPARE(s.timeoutMs(OpKind::Upgrade), 900000);
        QCOMPARE(s.timeoutMs(OpKind::Delete), 120000);
        QCOMPARE(s.listTimeoutMs(), 30000);
        QCOMPARE(s.cancelTimeoutMs(), 5000);
        QCOMPARE(s.maxPayloadBytes(), 1048576);
        QCOMPARE(s.stalledMs(), 60000);
        QCOMPARE(s.staleMs(), 30000);
        QCOMPARE(s.firstCheckMs(), 10000);
        QCOMPARE(s.upgradePeriodMs(), 6 * 3600 * 1000);
        QCOMPARE(s.galleryRefreshMs(), 3600 * 1000);
        QVERIFY(s.galleries().isEmpty());
        QVERIFY(!s.autoApprove());
        QVERIFY(!s.autoUpgrade());
        QVERIFY(s.registrationOpen());
        QCOMPARE(s.clusterId(), QString());
    }

    void everySettingHasADefault()
    {
        for (const SettingSpec &spec : ClusterSettings::specs()) {
            const QString key = QLatin1String(spec.key);
            QVERIFY2(!key.startsWith(QLatin1String("worker/")), qPrintable(key));
            QVERIFY2(!ClusterSettings::defaultValue(key).isUndefined(), qPrintable(key));
            if (spec.type == SettingType::Integer)
                QVERIFY2(spec.min <= spec.defaultValue && spec.defaultValue <= spec.max, qPrintable(key));
        }
        QCOMPARE(ClusterSettings::defaultValue(QStringLiteral("galleries")), QJsonValue(QJsonArray()));
    }

    void storedValues()
    {
        const QJsonArray galleries{
            QJsonObject{{QStringLiteral("name"), QStringLiteral("main")},
                        {QStringLiteral("url"), QStringLiteral("https://gallery.example.org/index.json")}},
            QJsonObject{{QStringLiteral("name"), QStringLiteral("lab")}, {QStringLiteral("url"), QStringLiteral("file:///srv/g.json")}}};
        const ClusterSettings s({{QStringLiteral("cluster_id"), QStringLiteral("c-1")},
                                 {QStringLiteral("ops/fanout_parallel"), 2},
                                 {QStringLiteral("reconcile/tick_s"), 1},
                                 {QStringLiteral("nats/timeout_delete_s"), 7},
                                 {QStringLiteral("nodes/auto_approve"), true},
                                 {QStringLiteral("galleries"), galleries}});
        QVERIFY(s.problems().isEmpty());
        QCOMPARE(s.clusterId(), QStringLiteral("c-1"));
        QCOMPARE(s.fanoutParallel(), 2);
        QCOMPARE(s.reconcileTickMs(), 1000);
        QCOMPARE(s.timeoutMs(OpKind::Delete), 7000);
        QVERIFY(s.autoApprove());
        QCOMPARE(s.galleries().size(), 2);
        QCOMPARE(s.galleries().at(1), (GallerySource{QStringLiteral("lab"), QStringLiteral("file:///srv/g.json")}));
        QCOMPARE(s.opsMaxConcurrent(), 4); // missing → default
    }

    void unusableStoredValuesReadAsDefaults()
    {
        const ClusterSettings s({{QStringLiteral("ops/fanout_parallel"), QStringLiteral("two")},
                                 {QStringLiteral("ops/max_concurrent"), 0},
                                 {QStringLiteral("ops/history_size"), 2.5},
                                 {QStringLiteral("upgrades/auto"), 1},
                                 {QStringLiteral("galleries"), QStringLiteral("[]")},
                                 {QStringLiteral("no/such"), 1}});
        QCOMPARE(s.fanoutParallel(), 8);
        QCOMPARE(s.opsMaxConcurrent(), 4);
        QCOMPARE(s.historySize(), 200);
        QVERIFY(!s.autoUpgrade());
        QVERIFY(s.galleries().isEmpty());
        QCOMPARE(s.problems().size(), 6);
    }

    void backoff()
    {
        const ClusterSettings s;
        const QList<qint64> expected = {30000, 60000, 120000, 240000, 480000, 900000, 900000};
        for (int a = 1; a <= expected.size(); ++a)
            QCOMPARE(s.backoffMs(a), expected.at(a - 1));
        QCOMPARE(s.backoffMs(200), 900000);
    }

    void a48_settings_validation()
    {
        Result<QJsonValue> r = ClusterSettings::validate(QStringLiteral("ops/fanout_parallel"), QStringLiteral("zero"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error(), QStringLiteral("invalid value for ops/fanout_parallel: expected a positive integer, got \"zero\""));

        r = ClusterSettings::validate(QStringLiteral("cluster_id"), QStringLiteral("x"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error(), QStringLiteral("invalid value for cluster_id: cluster_id cannot be changed"));

        r = ClusterSettings::validate(QStringLiteral("ops/fanout_parallel"), QStringLiteral("2"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r.value(), QJsonValue(2));
        QCOMPARE(ClusterSettings({{QStringLiteral("ops/fanout_parallel"), r.value()}}).fanoutParallel(), 2);
    }

    void validation_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::addColumn<QString>("json");  // the stored value when accepted

        QTest::newRow("unknown") << "ops/nope" << "1" << "unknown setting \"ops/nope\"" << "";
        QTest::newRow("worker key") << "worker/shutdown_wait_s" << "1"
                                    << "unknown setting \"worker/shutdown_wait_s\" (worker/* keys are set in each worker's own configuration)"
                                    << "";
        QTest::newRow("zero") << "ops/fanout_parallel" << "0"
                              << "invalid value for ops/fanout_parallel: expected a positive integer, got \"0\"" << "";
        QTest::newRow("above max") << "ops/fanout_parallel" << "257"
                                   << "invalid value for ops/fanout_parallel: expected at most 256, got \"257\"" << "";
        QTest::newRow("fraction") << "ops/fanout_parallel" << "1.5"
                                  << "invalid value for ops/fanout_parallel: expected a positive integer, got \"1.5\"" << "";
        QTest::newRow("zero allowed") << "ops/status_coalesce_ms" << "0" << "" << "0";
        QTest::newRow("negative") << "ops/status_coalesce_ms" << "-1"
                                  << "invalid value for ops/status_coalesce_ms: expected a non-negative integer, got \"-1\"" << "";
        QTest::newRow("payload min") << "nats/max_payload_bytes" << "10"
                                     << "invalid value for nats/max_payload_bytes: expected an integer of at least 1024, got \"10\"" << "";
        QTest::newRow("spaces") << "ops/max_concurrent" << " 3 " << "" << "3";
        QTest::newRow("bool true") << "nodes/auto_approve" << "true" << "" << "true";
        QTest::newRow("bool off") << "upgrades/auto" << "off" << "" << "false";
        QTest::newRow("bool bad") << "upgrades/auto" << "maybe"
                                  << "invalid value for upgrades/auto: expected true or false, got \"maybe\"" << "";
        QTest::newRow("galleries") << "galleries" << R"([{"name":"main","url":"https://g.example/index.json"},{"name":"b","url":"/srv/b.json"}])"
                                   << "" << R"([{"name":"main","url":"https://g.example/index.json"},{"name":"b","url":"/srv/b.json"}])";
        QTest::newRow("galleries empty") << "galleries" << "[]" << "" << "[]";
        QTest::newRow("galleries not json") << "galleries" << "[{"
                                            << "invalid value for galleries: invalid JSON: " << "";
        QTest::newRow("galleries object") << "galleries" << R"({"name":"a"})"
                                          << "invalid value for galleries: expected a JSON array" << "";
        QTest::newRow("galleries bad url") << "galleries" << R"([{"name":"a","url":"ftp://x/y"}])"
                                           << "invalid value for galleries: galleries[0].url: expected an absolute path" << "";
        QTest::newRow("galleries duplicate") << "galleries" << R"([{"name":"a","url":"/a"},{"name":"a","url":"/b"}])"
                                             << "invalid value for galleries: galleries[1].name: duplicate gallery name \"a\"" << "";
        QTest::newRow("galleries extra field") << "galleries" << R"([{"name":"a","url":"/a","x":1}])"
                                               << "invalid value for galleries: galleries[0]: unknown field \"x\"" << "";
        QTest::newRow("token cleared") << "nodes/registration_token" << "" << "" << "\"\"";
        QTest::newRow("token masked text") << "nodes/registration_token" << "***"
                                           << "invalid value for nodes/registration_token: \"***\" is how the current token is shown" << "";
    }

    void validation()
    {
        QFETCH(QString, key);
        QFETCH(QString, text);
        QFETCH(QString, error);
        QFETCH(QString, json);
        const Result<QJsonValue> r = ClusterSettings::validate(key, text);
        if (!error.isEmpty()) {
            QVERIFY(!r.ok());
            QVERIFY2(r.error().startsWith(error), qPrintable(r.error()));
            return;
        }
        QVERIFY2(r.ok(), qPrintable(r.error()));
        const QJsonValue expected = QJsonDocument::fromJson("[" + json.toUtf8() + "]").array().first();
        QCOMPARE(r.value(), expected);
        // What validate() returns is what the store may hold.
        QVERIFY(ClusterSettings({{key, r.value()}}).problems().isEmpty());
    }

    void tokenIsHashedAndMasked()
    {
        const Result<QJsonValue> r = ClusterSettings::validate(QStringLiteral("nodes/registration_token"), QStringLiteral("s3cret\n"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        const QString hash = r->toString();
        QCOMPARE(hash, QStringLiteral("sha256:1ec1c26b50d5d3c58d9583181af8076655fe00756bf7285940ba3670f99fcba0"));
        QVERIFY(ClusterSettings::registrationTokenMatches(hash, QStringLiteral("s3cret")));
        QVERIFY(!ClusterSettings::registrationTokenMatches(hash, QStringLiteral("s3cret2")));
        QVERIFY(!ClusterSettings::registrationTokenMatches(QString(), QStringLiteral("s3cret")));

        const ClusterSettings::Rows rows{{QStringLiteral("nodes/registration_token"), hash},
                                         {QStringLiteral("cluster_id"), QStringLiteral("c-1")}};
        const ClusterSettings s(rows);
        QVERIFY(!s.registrationOpen());
        QCOMPARE(s.registrationTokenHash(), hash);

        const QJsonObject shown = ClusterSettings::toDisplayJson(rows);
        QCOMPARE(shown.value(QLatin1String("nodes/registration_token")), QJsonValue(QStringLiteral("***")));
        QCOMPARE(shown.value(QLatin1String("cluster_id")), QJsonValue(QStringLiteral("c-1")));
        QCOMPARE(shown.value(QLatin1String("ops/fanout_parallel")), QJsonValue(8));
        QCOMPARE(shown.size(), ClusterSettings::specs().size());
        const QByteArray text = QJsonDocument(shown).toJson();
        QVERIFY(!text.contains("sha256"));
        QVERIFY(!text.contains("s3cret"));

        // An unset token is shown as it is: empty, registration open.
        QCOMPARE(ClusterSettings::toDisplayJson({}).value(QLatin1String("nodes/registration_token")), QJsonValue(QString()));
    }
};

QTEST_GUILESS_MAIN(TestClusterSettings)
#include "tst_cluster_settings.moc"
