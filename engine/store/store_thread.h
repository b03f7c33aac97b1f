#pragma once
// The replica's store thread (docs/architecture.md#threads): owns every QSqlDatabase connection of
// the replica and runs store calls in the order they were made. Callers get a QFuture whose
// continuation they attach with `.then(contextObject, …)`, so neither the engine nor the GUI thread
// waits on SQL. With a StoreCallGate (the simulator's seam, store_call_gate.h) there is no thread:
// the store lives on the caller's thread, the gate runs the calls later in call order, and queued
// progress is flushed every 250 ms of the injected clock.
#include "store/store.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

namespace fleetdeck {

class StoreCallGate;

class StoreThread final : public QObject {
    Q_OBJECT
public:
    StoreThread(StoreConfig config, Clock *clock, QString connectionName, QObject *parent = nullptr,
                StoreCallGate *gate = nullptr);
    ~StoreThread() override;

    // Opens the connection on the store thread and applies migrations. Blocks the caller (used at
    // start-up only, never on the GUI thread once the window shows).
    Status start();
    void stop();
    bool isRunning() const;

    // Runs fn(Store&) on the store thread; the future holds its result. Needs a successful start():
    // without a store the job is dropped and its future ends cancelled (asserted in debug builds).
    // Call it on the thread that made this object: the future is finished there, one event later
    // (Qt 6.4 runs a continuation twice when it is attached while another thread finishes the
    // future; docs/architecture.md#threads).
    template <typename F>
    auto call(F fn) -> QFuture<std::invoke_result_t<F, Store &>>
    {
        using R = std::invoke_result_t<F, Store &>;
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        post(
            [promise, fn = std::move(fn)](Store &store) mutable {
                if constexpr (std::is_void_v<R>)
                    fn(store);
                else
                    promise->addResult(fn(store));
            },
            // An unrun job leaves the promise unfinished: its last reference goes with this
            // function, on this thread, and QPromise's destructor ends the future cancelled.
            [promise](bool ran) mutable {
                if (ran)
                    promise->finish();
                promise.reset();
            });
        return future;
    }

    // Blocking convenience for tests and start-up code: runs fn after every call made so far and
    // returns its result; a store that is not running gives R's failure (a default R if none).
    template <typename F>
    auto callSync(F fn) -> std::invoke_result_t<F, Store &>
    {
        using R = std::invoke_result_t<F, Store &>;
        if constexpr (std::is_void_v<R>) {
            runNow([&fn](Store &store) { fn(store); });
        } else {
            std::optional<R> out;
            runNow([&fn, &out](Store &store) { out.emplace(fn(store)); });
            if (out)
                return std::move(*out);
            if constexpr (requires { R::failure(QString()); })
                return R::failure(QStringLiteral("the store is not running"));
            else
                return R{};
        }
    }

private:
    // job runs on the store thread (or through the gate); done(ran) runs afterwards on this
    // object's thread, ran false when the job was dropped.
    void post(std::function<void(Store &)> job, std::function<void(bool)> done);
    void runNow(const std::function<void(Store &)> &job);

    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace fleetdeck
