// A48 (the replica side): `settings set` is written to the store and announced on
// `fleetdeck.settings.changed`; every running replica re-reads the settings and applies them.
// Two engines (long-lived replicas) share one PostgreSQL store and one in-process bus.
// fleetdeck-test-labels: postgres
#include "bus/local_bus.h"
#include "bus/subjects.h"
#include "config/cluster_settings.h"
#include "core/clock.h"
#include "engine.h"
#include "store/store_thread.h"
#include "test_db.h"
#include "test_util.h"

#include <QJsonDocument>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstEngineSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void a48_settings_applied_by_every_replica()
    {
        QString error;
        auto db = TestDatabase::create(Backend::Postgres, &error);
        QVERIFY2(db, qPrintable(error));
        LocalBus bus(SystemClock::instance());
        EngineConfig cfg;
        cfg.kind = QStringLiteral("headless");
        cfg.store = db->config();
        cfg.externalBus = &bus;
        cfg.helloWindowMs = 200;
        Engine r1(cfg), r2(cfg);
        for (Engine *e : {&r1, &r2}) {
            const Engine::StartError started = await(e->start(), 20000);
            QVERIFY2(started.exitCode == 0, qPrintable(started.message));
        }
        QCOMPARE(r1.clusterId(), r2.clusterId());
        QCOMPARE(r1.ops()->settings().fanoutParallel(), 8);
        // What `fleetdeckctl settings set ops/fanout_parallel 2` does.
        const auto value = ClusterSettings::validate(QStringLiteral("ops/fanout_parallel"), QStringLiteral("2"));
        QVERIFY(value);
        QVERIFY(r1.store()->callSync([v = value.value()](Store &s) {
            return s.setSetting(QStringLiteral("ops/fanout_parallel"), v, QStringLiteral("ctl:test@host"));
        }));
        bus.publish(subjects::settingsChanged(), QByteArrayLiteral(R"({"key":"ops/fanout_parallel"})"));
        QVERIFY(waitUntil([&] {
            return r1.ops()->settings().fanoutParallel() == 2 && r2.ops()->settings().fanoutParallel() == 2;
        }));
        // Refused values and keys never reach the store.
        QCOMPARE(ClusterSettings::validate(QStringLiteral("ops/fanout_parallel"), QStringLiteral("zero")).error(),
                 QStringLiteral("invalid value for ops/fanout_parallel: expected a positive integer, got \"zero\""));
        QVERIFY(!ClusterSettings::validate(QStringLiteral("cluster_id"), QStringLiteral("x")));
        await(r2.stop(), 20000);
        await(r1.stop(), 20000);
    }
};

QTEST_GUILESS_MAIN(TstEngineSettings)
#include "tst_engine_settings.moc"
