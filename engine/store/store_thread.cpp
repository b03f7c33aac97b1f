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
}

StoreThread::~StoreThread()
{
    stop();
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

void StoreThread::post(std::function<void(Store &)> job)
{
    // call() needs a successful start(): without a store a job cannot produce its result, so it
    // is dropped and its future ends cancelled (QPromise's destructor). After stop() that is
    // expected: the continuation of a pass still in flight at shutdown may call once more.
    if (d->stopped && !d->running) {
        qCDebug(lcStore) << "store call after stop dropped on" << d->connectionName;
        return;
    }
    Q_ASSERT_X(d->worker && d->running, "StoreThread::post", "call() before a successful start()");
    if (!d->worker)
        return;
    if (d->gate && d->gate->runsCalls()) {
        d->gate->submit(d->connectionName, [this, alive = std::weak_ptr<bool>(d->alive), job = std::move(job)]() {
            if (alive.lock() && d->store)
                job(*d->store);
        });
        return;
    }
    StoreCallGate *gate = d->gate; // observing only (tests/sim PostgreSQL mode)
    if (gate)
        gate->callStarted(d->connectionName);
    QMetaObject::invokeMethod(
        d->worker,
        [this, gate, job = std::move(job)]() mutable {
            if (d->store)
                job(*d->store);
            job = nullptr; // an unrun job's promise ends here, before the gate hears of it
            if (gate)
                gate->callEnded(d->connectionName);
        },
        Qt::QueuedConnection);
}

} // namespace fleetdeck
