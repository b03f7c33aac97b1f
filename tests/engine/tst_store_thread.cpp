// fleetdeck-test-labels: postgres;concurrency
// StoreThread (SPEC §10.5): the store runs on its own thread, calls run in order, queued progress
// is flushed by the 250-ms timer and at stop.
#include "store/store_thread.h"
#include "test_util.h"
#include "tst_store_fixture.h"

#include <QThread>

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstStoreThread : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<TestDatabase> db;
    ManualClock clock;

private Q_SLOTS:
    void initTestCase_data() { addBackendColumns(); }
    void init()
    {
        QFETCH_GLOBAL(Backend, backend);
        QString error;
        db = TestDatabase::create(backend, &error);
        QVERIFY2(db, qPrintable(error));
    }
    void cleanup() { db.reset(); }

    void startMigratesAndCallsRunOnTheStoreThreadInOrder()
    {
        StoreThread st(db->config(), &clock, uniqueConnectionName("store"));
        QVERIFY(!st.isRunning());
        QVERIFY_OK(st.start());
        QVERIFY(st.isRunning());

        QThread *storeThread = st.callSync([](Store &) { return QThread::currentThread(); });
        QVERIFY(storeThread != QThread::currentThread());
        STORE_OK(version, st.callSync([](Store &s) { return s.schemaVersion(); }));
        QCOMPARE(version.value(), Store::buildSchemaVersion());

        // Calls run in the order they were made.
        auto order = std::make_shared<QList<int>>();
        QList<QFuture<int>> futures;
        for (int i = 0; i < 50; ++i)
            futures << st.call([order, i](Store &) {
                order->append(i);
                return i;
            });
        const int last = await(futures.last());
        QCOMPARE(last, 49);
        for (const QFuture<int> &f : futures)
            QVERIFY(f.isFinished());
        QList<int> expected;
        for (int i = 0; i < 50; ++i)
            expected << i;
        QCOMPARE(*order, expected);

        // A void call completes too.
        bool ran = false;
        st.callSync([&ran](Store &) { ran = true; });
        QVERIFY(ran);

        // Continuations attached with a context run on the caller's thread.
        QThread *continuationThread = nullptr;
        auto f = st.call([](Store &s) { return s.countOps(); }).then(this, [&](Result<int> r) {
            continuationThread = QThread::currentThread();
            return r.ok() ? r.value() : -1;
        });
        QCOMPARE(await(f), 0);
        QCOMPARE(continuationThread, QThread::currentThread());
        st.stop();
        QVERIFY(!st.isRunning());
        st.stop(); // twice is harmless
    }

    // Qt 6.4's QFuture runs a continuation twice when it is attached while another thread is
    // finishing the future (setContinuation runs it at once, and the finishing thread's
    // runContinuation runs the stored copy again); with a context the second run starts a
    // moved-from promise and crashes (the PostgreSQL-mode simulator crash, docs/testing.md). A
    // store call is therefore finished on the caller's thread, never while the caller attaches.
    void aContinuationRunsOnceHoweverTheCallRacesItsAttachment()
    {
        StoreThread st(db->config(), &clock, uniqueConnectionName("store"));
        QVERIFY_OK(st.start());
        constexpr int kCalls = 20000;
        int withContext = 0;
        std::atomic<int> withoutContext{0};
        QFuture<int> last;
        for (int i = 0; i < kCalls; ++i) {
            // Each call ends just as its continuation is attached: the store thread waits for
            // the caller to reach then().
            auto running = std::make_shared<std::atomic<bool>>(false);
            auto attaching = std::make_shared<std::atomic<bool>>(false);
            auto call = st.call([i, running, attaching](Store &) {
                running->store(true);
                while (!attaching->load())
                    ;
                return i;
            });
            while (!running->load())
                ;
            attaching->store(true);
            last = call.then(this, [&withContext](int v) {
                ++withContext;
                return v;
            });
            auto runningToo = std::make_shared<std::atomic<bool>>(false);
            auto attachingToo = std::make_shared<std::atomic<bool>>(false);
            auto voidCall = st.call([runningToo, attachingToo](Store &) {
                runningToo->store(true);
                while (!attachingToo->load())
                    ;
            });
            while (!runningToo->load())
                ;
            attachingToo->store(true);
            voidCall.then([&withoutContext]() { ++withoutContext; });
        }
        QCOMPARE(await(last, 60000), kCalls - 1);
        QVERIFY(waitUntil([&] { return withoutContext.load() == kCalls; }, 10000));
        QCOMPARE(withContext, kCalls);
        QCOMPARE(withoutContext.load(), kCalls);
    }

    void queuedProgressIsFlushedByTheTimerAndAtStop()
    {
        const QString opId = newId();
        {
            StoreThread st(db->config(), &clock, uniqueConnectionName("store"));
            QVERIFY_OK(st.start());
            Operation op = makeOp(QStringLiteral("whisper"));
            op.id = opId;
            QVERIFY(st.callSync([op](Store &s) { return s.createOp(op); }).value().created);
            QVERIFY(st.callSync([opId](Store &s) { return s.claimOp(QStringLiteral("me"), opId); }).value());
            QVERIFY(st.callSync([opId](Store &s) {
                          return s.startOp(opId, QStringLiteral("me"), QStringLiteral("processing backend: whisper"), true);
                      }).value());

            st.callSync([opId](Store &s) {
                OpProgressWrite w;
                w.opId = opId;
                w.progress = 42;
                s.queueProgress(w);
            });
            // Due at once: the 250-ms timer writes it without anyone calling flushProgress().
            QVERIFY(waitUntil([&] {
                return st.callSync([opId](Store &s) { return s.getOp(opId); }).value()->progress == 42;
            }, 5000));

            // Inside the window: stays queued on the timer, written by stop().
            st.callSync([opId](Store &s) {
                OpProgressWrite w;
                w.opId = opId;
                w.progress = 43;
                s.queueProgress(w);
            });
            QTest::qWait(600);
            QCOMPARE(st.callSync([opId](Store &s) { return s.getOp(opId); }).value()->progress, 42);
            clock.advanceMs(1000);
        } // destructor stops: flushes and closes
        auto opened = Store::open(db->config(), &clock, uniqueConnectionName());
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QCOMPARE(opened.value()->getOp(opId).value()->progress, 43);
    }

    void startFailureIsReported()
    {
        StoreConfig bad = db->config();
        if (bad.driver == StoreConfig::Driver::Sqlite)
            bad.path = db->dir() + QStringLiteral("/missing/dir/x.sqlite");
        else
            bad.database = QStringLiteral("no_such_database");
        StoreThread st(bad, &clock, uniqueConnectionName("store"));
        const Status s = st.start();
        QVERIFY(!s.ok());
        QVERIFY(!s.error().isEmpty());
        QVERIFY(!st.isRunning());
        st.stop();
    }

    void twoStoreThreadsOnOneDatabase()
    {
        StoreThread a(db->config(), &clock, uniqueConnectionName("store"));
        StoreThread b(db->config(), &clock, uniqueConnectionName("store"));
        QVERIFY_OK(a.start());
        QVERIFY_OK(b.start()); // migrations already applied: nothing to do
        const Operation op = makeOp(QStringLiteral("whisper"));
        QVERIFY(a.callSync([op](Store &s) { return s.createOp(op); }).value().created);
        QCOMPARE(b.callSync([](Store &s) { return s.countOps(); }).value(), 1);
        STORE_OK(ca, a.callSync([](Store &s) { return s.clusterId(); }));
        STORE_OK(cb, b.callSync([](Store &s) { return s.clusterId(); }));
        QCOMPARE(ca.value(), cb.value());
    }
};

QTEST_GUILESS_MAIN(TstStoreThread)
#include "tst_store_thread.moc"
