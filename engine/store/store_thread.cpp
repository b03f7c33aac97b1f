// The replica's store thread (SPEC §10.5): one QThread, one worker object living on it, the Store
// opened there, jobs run in posting order, queued progress flushed every 250 ms.
#include "store/store_thread.h"

#include "store/store_impl.h"

#include <QTimer>

namespace fleetdeck {
namespace {
constexpr int kFlushIntervalMs = 250; // §2.3: one batch at most every 250 ms
}

struct StoreThread::Impl {
    StoreConfig config;
    const Clock *clock = nullptr;
    QString connectionName;
    QThread thread;
    QObject *worker = nullptr;        // lives on `thread`
    std::unique_ptr<Store> store;     // touched only on `thread`
    QTimer *flushTimer = nullptr;     // child of worker
    std::atomic<bool> running{false};
    bool started = false;             // thread started (caller's thread only)
    std::atomic<bool> stopped{false}; // stop() ran after a start()
};

StoreThread::StoreThread(StoreConfig config, const Clock *clock, QString connectionName, QObject *parent)
    : QObject(parent), d(std::make_unique<Impl>())
{
    d->config = std::move(config);
    d->clock = clock;
    d->connectionName = std::move(connectionName);
    d->thread.setObjectName(QStringLiteral("store:") + d->connectionName);
}

StoreThread::~StoreThread()
{
    stop();
}

Status StoreThread::start()
{
    if (d->started)
        return Status::failure(QStringLiteral("store thread %1 already started").arg(d->connectionName));
    d->started = true;
    d->worker = new QObject;
    d->worker->moveToThread(&d->thread);
    // The documented way to delete an object of a thread that just ended.
    QObject::connect(&d->thread, &QThread::finished, d->worker, &QObject::deleteLater);
    d->thread.start();
    Status result = okStatus();
    QMetaObject::invokeMethod(
        d->worker,
        [this, &result]() {
            auto opened = Store::open(d->config, d->clock, d->connectionName);
            if (!opened) {
                result = Status::failure(opened.error());
                return;
            }
            std::unique_ptr<Store> store = std::move(opened.value());
            if (const auto v = store->migrate(); !v) {
                result = Status::failure(v.error());
                return; // the store closes its connection here, on its own thread
            }
            d->store = std::move(store);
            d->flushTimer = new QTimer(d->worker);
            d->flushTimer->setInterval(kFlushIntervalMs);
            QObject::connect(d->flushTimer, &QTimer::timeout, d->worker, [this]() {
                if (Status s = d->store->flushProgress(); !s)
                    qCWarning(lcStore).noquote() << s.error();
            });
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
    if (d->thread.isRunning()) {
        // Queued after every job posted so far: they all run first.
        QMetaObject::invokeMethod(
            d->worker,
            [this]() {
                d->running = false;
                delete d->flushTimer;
                d->flushTimer = nullptr;
                if (d->store) {
                    if (Status s = d->store->flushProgress(); !s)
                        qCWarning(lcStore).noquote() << s.error();
                    d->store.reset(); // closes and removes the connection on its own thread
                }
            },
            Qt::BlockingQueuedConnection);
        d->thread.quit();
        d->thread.wait();
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
    QMetaObject::invokeMethod(
        d->worker,
        [this, job = std::move(job)]() {
            if (d->store)
                job(*d->store);
        },
        Qt::QueuedConnection);
}

} // namespace fleetdeck
