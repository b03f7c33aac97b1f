// fleetdeck-test-labels: postgres;concurrency
// Concurrent writers through separate connections: admission dedup (A25), exclusive claims and
// SQLite writers that never see "database is locked" (A49, store part).
#include "tst_store_fixture.h"

#include <QMutex>
#include <QThread>
#include <atomic>
#include <latch>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {

// Runs fn(store, index) on `n` threads, each with its own Store (own connection name), all
// released together.
void runOnThreads(const StoreConfig &config, const Clock *clock, int n,
                  const std::function<void(Store &, int)> &fn, QStringList *errors)
{
    QMutex mutex;
    std::latch ready(n);
    QList<QThread *> threads;
    for (int i = 0; i < n; ++i) {
        threads << QThread::create([&, i]() {
            auto opened = Store::open(config, clock, uniqueConnectionName("worker"));
            if (!opened) {
                QMutexLocker lock(&mutex);
                *errors << opened.error();
                ready.count_down();
                return;
            }
            ready.arrive_and_wait();
            fn(*opened.value(), i);
        });
    }
    for (QThread *t : threads)
        t->start();
    for (QThread *t : threads) {
        t->wait();
        delete t;
    }
}

} // namespace

class TstStoreConcurrency : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void a25_concurrent_admissions_one_row_data() { addBackendColumns(); }
    void a25_concurrent_admissions_one_row()
    {
        QFETCH(Backend, backend);
        StoreEnv env;
        const QString err = env.setUp(backend);
        QVERIFY2(err.isEmpty(), qPrintable(err));

        QMutex mutex;
        QStringList errors;
        QStringList created;
        QStringList existing;
        runOnThreads(
            env.db->config(), &env.clock, 20,
            [&](Store &store, int) {
                const Operation op = makeOp(QStringLiteral("whisper"));
                const auto r = store.createOp(op);
                QMutexLocker lock(&mutex);
                if (!r)
                    errors << r.error();
                else if (r.value().created)
                    created << op.id;
                else
                    existing << r.value().existing.id;
            },
            &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(created.size(), 1);
        QCOMPARE(existing.size(), 19);
        for (const QString &id : existing)
            QCOMPARE(id, created.first());
        STORE_OK(count, env.store->countOps());
        QCOMPARE(count.value(), 1);
    }

    void concurrentClaimsTakeEachOpOnce_data() { addBackendColumns(); }
    void concurrentClaimsTakeEachOpOnce()
    {
        QFETCH(Backend, backend);
        StoreEnv env;
        const QString err = env.setUp(backend);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QSet<QString> all;
        for (int i = 0; i < 40; ++i) {
            Operation op = makeOp(QStringLiteral("b%1").arg(i));
            op.createdAt = env.clock.nowMs() + i;
            QVERIFY(env.store->createOp(op).value().created);
            all << op.id;
        }
        QMutex mutex;
        QStringList errors;
        QStringList claimed;
        runOnThreads(
            env.db->config(), &env.clock, 4,
            [&](Store &store, int i) {
                const QString me = QStringLiteral("replica-%1").arg(i);
                for (;;) {
                    const auto r = store.claimOldest(me);
                    QMutexLocker lock(&mutex);
                    if (!r) {
                        errors << r.error();
                        return;
                    }
                    if (!r.value())
                        return;
                    claimed << *r.value();
                }
            },
            &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(claimed.size(), 40);
        QCOMPARE(QSet<QString>(claimed.begin(), claimed.end()), all);
    }

    // Replicas starting together on a new store: the migration lock lets one apply 1001.
    void concurrentMigrationsApplyOnce_data() { addBackendColumns(); }
    void concurrentMigrationsApplyOnce()
    {
        QFETCH(Backend, backend);
        QString error;
        auto db = TestDatabase::create(backend, &error);
        QVERIFY2(db, qPrintable(error));
        ManualClock clock;
        QMutex mutex;
        QStringList errors;
        QSet<QString> clusterIds;
        runOnThreads(
            db->config(), &clock, 4,
            [&](Store &store, int) {
                const auto v = store.migrate();
                const auto id = store.clusterId();
                QMutexLocker lock(&mutex);
                if (!v)
                    errors << v.error();
                else if (v.value() != Store::buildSchemaVersion())
                    errors << QStringLiteral("version %1").arg(v.value());
                if (id)
                    clusterIds << id.value();
                else
                    errors << id.error();
            },
            &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(clusterIds.size(), 1);
        STORE_OK(rows, rawScalar(db->config(), QStringLiteral("SELECT COUNT(*) FROM schema_migrations")));
        QCOMPARE(rows.value().toInt(), 3); // each migration once (1001, 1002, 1003)
    }

    void a49_sqlite_writers_store_part()
    {
        StoreEnv env;
        const QString err = env.setUp(Backend::Sqlite);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const Node node = makeNode(QStringLiteral("gpu-1"), NodeStatus::Healthy, env.clock.nowMs());
        QVERIFY_OK(env.store->insertNode(node));
        const Operation op = makeOp(QStringLiteral("whisper"));
        QVERIFY(env.store->createOp(op).value().created);
        QVERIFY(env.store->claimOp(QStringLiteral("r1"), op.id).value());
        QVERIFY(env.store->startOp(op.id, QStringLiteral("r1"), QStringLiteral("processing backend: whisper"), true).value());
        QVERIFY_OK(env.store->insertNodeRows({makeRow(op.id, node)}));
        STORE_OK(row, env.store->upsertPending(makePending(node, QStringLiteral("piper"), std::nullopt, 0)));
        const qint64 rowId = row.value();

        QMutex mutex;
        QStringList errors;
        std::atomic<int> writes{0};
        runOnThreads(
            env.db->config(), &env.clock, 2,
            [&](Store &store, int side) {
                for (int i = 0; i < 500; ++i) {
                    QString error;
                    if (side == 0) {
                        // The executing replica: progress (autocommit) and node rows (BEGIN IMMEDIATE).
                        if (i % 2 == 0) {
                            OpProgressWrite w;
                            w.opId = op.id;
                            w.progress = i % 100;
                            const auto r = store.updateProgress(w);
                            error = r ? QString() : r.error();
                        } else {
                            NodeProgress n = makeRow(op.id, node, NodeRowStatus::Downloading);
                            n.percentage = i % 100;
                            const auto r = store.updateNodeRow(n);
                            error = r ? QString() : r.error();
                        }
                    } else {
                        // ctl-like: admissions and cancels, plus a read-then-write transaction.
                        if (i % 2 == 0) {
                            const Operation a = makeOp(QStringLiteral("ctl-%1").arg(i));
                            const auto r = store.createOp(a);
                            error = r ? QString() : r.error();
                            if (r) {
                                const auto c = store.finishOp(a.id, OpState::Cancelled, 0, QStringLiteral("cancelled"),
                                                              std::nullopt, true);
                                error = c ? QString() : c.error();
                            }
                        } else {
                            const auto r = store.recordFailure(rowId, std::nullopt, QStringLiteral("e"), BackoffPolicy{});
                            error = r ? QString() : r.error();
                        }
                    }
                    ++writes;
                    if (!error.isEmpty()) {
                        QMutexLocker lock(&mutex);
                        errors << error;
                    }
                }
            },
            &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.mid(0, 5).join(QLatin1Char('\n'))));
        QCOMPARE(writes.load(), 1000);
        QCOMPARE(env.store->countOps().value(), 251);
        QCOMPARE(env.store->listPending().value().first().attempts, 250);
    }
};

QTEST_GUILESS_MAIN(TstStoreConcurrency)
#include "tst_store_concurrency.moc"
