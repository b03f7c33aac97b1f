// The replica's store thread (docs/architecture.md#threads): one QThread, one worker object living
// on it, the Store opened there, jobs run in posting order, queued progress flushed every 250 ms.
// With a gate (tests/sim) the same jobs run on the caller's thread when the gate says so.
#include "store/store_thread.h"

#include "store/store_call_gate.h"
#include "store/store_impl.h"

#include <QTimer>

namespace fleetdeck {
namespace {
constexpr int kFlushIntervalMs = 250; // docs/operations.md#store-operations: one batch at most every 250 ms
}

struct StoreThread::Impl {
    StoreConfig config;
    Clock *clock = nullptr;
    QString connectionName;
    StoreCallGate *gate = nullptr;    // set: no thread, calls run through the gate
    QThread thread;
    QObject *worker = nullptr;        // lives on `thread` (or on the caller's thread with a gate)
    QObject *finisher = nullptr;      // lives on the owner's thread: calls' futures finish there
    std::unique_ptr<Store> store;     // touched only on the worker's thread
    QTimer *flushTimer = nullptr;     // child of worker (threaded mode)
    quint64 gateFlush = 0;            // clock timer of the next flush (gate mode)
    std::shared_ptr<bool> alive;      // gate mode: jobs still queued in the gate see the store go
    std::atomic<bool> running{false};
    bool started = false;             // thread started (caller's thread only)
    std::atomic<bool> stopped{false}; // stop() ran after a start()

    void flush()
    {
        if (Status s = store->flushProgress(); !s)
            qCWarning(lcStore).noquote() << s.error();
    }
    void scheduleGateFlush()
    {
        gateFlush = clock->callAfter(kFlushIntervalMs, worker, [this]() {
            if (!store)
                return;
            flush();
            scheduleGateFlush();
        });
    }
};

StoreThread::StoreThread(StoreConfig config, Clock *clock, QString connectionName, QObject *parent, StoreCallGate *gate)
    : QObject(parent), d(std::make_unique<Impl>())
{
    d->config = std::move(config);
    d->clock = clock;
    d->connectionName = std::move(connectionName);
    d->gate = gate;
    d->thread.setObjectName(QStringLiteral("store:") + d->connectionName);
    d->finisher = new QObject;
}

StoreThread::~StoreThread()
{
    stop();
    // Results already on their way are still handed over: the finisher goes after them.
    d->finisher->deleteLater();
}

// Opens the store on the calling thread and applies the migrations.
static Result<std::unique_ptr<Store>> openAndMigrate(const StoreConfig &config, const Clock *clock, const QString &name,
                                                     StoreCallGate *gate)
{
    using R = Result<std::unique_ptr<Store>>;
    auto opened = Store::open(config, clock, name, gate);
    if (!opened)
        return R::failure(opened.error());
    std::unique_ptr<Store> store = std::move(opened.value());
    if (const auto v = store->migrate(); !v)
        return R::failure(v.error()); // the store closes its connection here, on its own thread
    return store;
}

Status StoreThread::start()
{
    if (d->started)
        return Status::failure(QStringLiteral("store thread %1 already started").arg(d->connectionName));
    d->started = true;
    d->worker = new QObject;
    if (d->gate && d->gate->runsCalls()) {
        auto store = openAndMigrate(d->config, d->clock, d->connectionName, d->gate);
        if (!store) {
            stop();
            return Status::failure(store.error());
        }
        d->store = std::move(store.value());
        d->alive = std::make_shared<bool>(true);
        d->running = true;
        d->scheduleGateFlush();
        return okStatus();
    }
    d->worker->moveToThread(&d->thread);
    // The documented way to delete an object of a thread that just ended.
    QObject::connect(&d->thread, &QThread::finished, d->worker, &QObject::deleteLater);
    d->thread.start();
    Status result = okStatus();
    QMetaObject::invokeMethod(
        d->worker,
        [this, &result]() {
            auto store = openAndMigrate(d->config, d->clock, d->connectionName, d->gate);
            if (!store) {
                result = Status::failure(store.error());
                return;
            }
            d->store = std::move(store.value());
            d->flushTimer = new QTimer(d->worker);
            d->flushTimer->setInterval(kFlushIntervalMs);
            QObject::connect(d->flushTimer, &QTimer::timeout, d->worker, [this]() { d->flush(); });
            d->flushTimer->start();
            d->running = true;
        },
        Qt::BlockingQueuedConnection);
    if (!result)
        stop();
    return result;
}

void StoreThread::stop()
{
    if (!d->started)
        return;
    d->started = false;
    d->stopped = true;
    if (d->gate && d->gate->runsCalls()) {
        // Jobs still in the gate are dropped (their futures end cancelled), as at a real stop
        // after the last call; what is queued for progress is flushed.
        d->gate->drain(d->connectionName);
        d->running = false;
        d->alive.reset();
        d->clock->cancel(d->gateFlush);
        if (d->store) {
            d->flush();
            d->store.reset();
        }
        delete d->worker;
        d->worker = nullptr;
        return;
    }
    if (d->thread.isRunning()) {
        // Queued after every job posted so far: they all run first.
        QMetaObject::invokeMethod(
            d->worker,
            [this]() {
                d->running = false;
                delete d->flushTimer;
                d->flushTimer = nullptr;
                if (d->store) {
                    d->flush();
                    d->store.reset(); // closes and removes the connection on its own thread
                }
            },
            Qt::BlockingQueuedConnection);
        d->thread.quit();
        d->thread.wait();
    } else {
        delete d->worker; // never moved to a thread that ran
    }
    d->worker = nullptr; // deleted on its thread by deleteLater at finish
}

bool StoreThread::isRunning() const
{
    return d->running;
}

void StoreThread::post(std::function<void(Store &)> job, std::function<void(bool)> done)
{
    // call() needs a successful start(): without a store a job cannot produce its result, so it
    // is dropped and its future ends cancelled. After stop() that is expected: the continuation
    // of a pass still in flight at shutdown may call once more.
    if (d->stopped && !d->running) {
        qCDebug(lcStore) << "store call after stop dropped on" << d->connectionName;
        done(false);
        return;
    }
    Q_ASSERT_X(d->worker && d->running, "StoreThread::post", "call() before a successful start()");
    Q_ASSERT_X(QThread::currentThread() == thread(), "StoreThread::post", "call() from a thread other than the store thread's owner");
    if (!d->worker) {
        done(false);
        return;
    }
    if (d->gate && d->gate->runsCalls()) {
        // The gate runs the job on this thread at a later event: the caller has attached its
        // continuation by then.
        d->gate->submit(d->connectionName, [this, alive = std::weak_ptr<bool>(d->alive), job = std::move(job),
                                            done = std::move(done)]() mutable {
            const bool ran = alive.lock() && d->store;
            if (ran)
                job(*d->store);
            job = nullptr;
            done(ran);
        });
        return;
    }
    StoreCallGate *gate = d->gate; // observing only (tests/sim PostgreSQL mode)
    if (gate)
        gate->callStarted(d->connectionName);
    QMetaObject::invokeMethod(
        d->worker,
        [this, gate, job = std::move(job), done = std::move(done)]() mutable {
            const bool ran = d->store != nullptr;
            if (ran)
                job(*d->store);
            job = nullptr;
            // The future is finished on the caller's thread (store_thread.h); the gate hears of
            // the call's end after its result is on its way there.
            QMetaObject::invokeMethod(d->finisher, [ran, done = std::move(done)]() { done(ran); }, Qt::QueuedConnection);
            if (gate)
                gate->callEnded(d->connectionName);
        },
        Qt::QueuedConnection);
}

void StoreThread::runNow(const std::function<void(Store &)> &job)
{
    if (!d->running)
        return;
    if (d->gate && d->gate->runsCalls()) {
        d->gate->drain(d->connectionName); // every call made so far runs first
        if (d->store)
            job(*d->store);
        return;
    }
    StoreCallGate *gate = d->gate;
    if (gate)
        gate->callStarted(d->connectionName);
    QMetaObject::invokeMethod(
        d->worker,
        [this, &job]() {
            if (d->store)
                job(*d->store);
        },
        Qt::BlockingQueuedConnection);
    if (gate)
        gate->callEnded(d->connectionName);
}

} // namespace fleetdeck
