#pragma once
// Waiting helpers: poll with the event loop running, fail after 10 s of real time (SPEC §12 "eventually").
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFuture>
#include <QThread>
#include <functional>

namespace fleetdeck::test {

inline bool waitUntil(const std::function<bool()> &pred, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!pred()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(1);
    }
    return true;
}

// Waits for a future while the calling thread's event loop keeps running (continuations attached
// to objects of this thread need it).
template <typename T>
T await(QFuture<T> f, int timeoutMs = 10000)
{
    if (!waitUntil([&] { return f.isFinished(); }, timeoutMs))
        qFatal("a future did not finish within %d ms", timeoutMs);
    if constexpr (!std::is_void_v<T>)
        return f.result();
}

} // namespace fleetdeck::test
