// fleetdeck-test-labels: postgres
// Pass locks (SPEC §2.4) between two stores on one database (on PostgreSQL two sessions).
#include "test_util.h"
#include "tst_store_fixture.h"

#include <QFileInfo>

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstStoreLocks : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<StoreEnv> env;
    std::unique_ptr<Store> peer;
    Store &store() { return *env->store; }

private Q_SLOTS:
    void initTestCase_data() { addBackendColumns(); }
    void init()
    {
        QVERIFY((env = StoreEnv::forCurrentRow()));
        auto p = env->open();
        QVERIFY2(p.ok(), qPrintable(p.error()));
        peer = std::move(p.value());
    }
    void cleanup()
    {
        peer.reset();
        env.reset();
    }

    void secondStoreFailsUntilTheFirstReleases()
    {
        STORE_OK(a, store().tryPassLock(PassLock::Reconcile));
        QCOMPARE(a.value(), true);
        STORE_OK(b, peer->tryPassLock(PassLock::Reconcile));
        QCOMPARE(b.value(), false);
        STORE_OK(again, store().tryPassLock(PassLock::Reconcile)); // still ours
        QCOMPARE(again.value(), true);
        if (env->db->backend() == Backend::Sqlite)
            QVERIFY(QFileInfo::exists(env->db->config().path + QStringLiteral(".reconcile.lock")));

        QVERIFY_OK(store().releasePassLock(PassLock::Reconcile)); // one release frees it
        STORE_OK(b2, peer->tryPassLock(PassLock::Reconcile));
        QCOMPARE(b2.value(), true);
        STORE_OK(a2, store().tryPassLock(PassLock::Reconcile));
        QCOMPARE(a2.value(), false);
        QVERIFY_OK(peer->releasePassLock(PassLock::Reconcile));
        QVERIFY_OK(peer->releasePassLock(PassLock::Reconcile)); // releasing a lock not held is harmless
        STORE_OK(a3, store().tryPassLock(PassLock::Reconcile));
        QCOMPARE(a3.value(), true);
    }

    void locksAreIndependent()
    {
        QCOMPARE(store().tryPassLock(PassLock::Reconcile).value(), true);
        QCOMPARE(peer->tryPassLock(PassLock::Health).value(), true);
        QCOMPARE(peer->tryPassLock(PassLock::Reconcile).value(), false);
        QCOMPARE(store().tryPassLock(PassLock::Health).value(), false);
        QCOMPARE(store().tryPassLock(PassLock::Upgrade).value(), true);
        QCOMPARE(peer->tryPassLock(PassLock::Upgrade).value(), false);
    }

    void upgradeLockHeldUntilTheHolderCloses()
    {
        QCOMPARE(store().tryPassLock(PassLock::Upgrade).value(), true);
        QCOMPARE(peer->tryPassLock(PassLock::Upgrade).value(), false);
        env->store.reset(); // a closed connection (or exiting process) releases its locks
        // A PostgreSQL backend releases its session locks when it exits, shortly after the
        // client closed the connection.
        QVERIFY(waitUntil(
            [&] {
                const auto r = peer->tryPassLock(PassLock::Upgrade);
                return r.ok() && r.value();
            },
            5000));
    }
};

QTEST_GUILESS_MAIN(TstStoreLocks)
#include "tst_store_locks.moc"
