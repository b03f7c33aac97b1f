#pragma once
// A promise/future pair for multi-step asynchronous work on the engine thread.
#include <QFuture>
#include <QPromise>
#include <memory>

namespace fleetdeck {

template <typename T>
class Deferred {
public:
    Deferred() : m_promise(std::make_shared<QPromise<T>>()) { m_promise->start(); }
    QFuture<T> future() const { return m_promise->future(); }
    void resolve(const T &value) const
    {
        m_promise->addResult(value);
        m_promise->finish();
    }

private:
    std::shared_ptr<QPromise<T>> m_promise;
};

template <>
class Deferred<void> {
public:
    Deferred() : m_promise(std::make_shared<QPromise<void>>()) { m_promise->start(); }
    QFuture<void> future() const { return m_promise->future(); }
    void resolve() const { m_promise->finish(); }

private:
    std::shared_ptr<QPromise<void>> m_promise;
};

// An already finished future.
template <typename T>
QFuture<T> readyFuture(const T &value)
{
    Deferred<T> d;
    d.resolve(value);
    return d.future();
}

} // namespace fleetdeck
