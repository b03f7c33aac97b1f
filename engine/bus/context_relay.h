#pragma once
// Posts functions to a context object's thread from any thread (nats.c threads, thread pools),
// and never to a context that is being or has been destroyed: the relay forgets the context in
// its destroyed() signal, under the same lock that post() holds while queuing the call.
#include <QMetaObject>
#include <QMutex>
#include <QObject>
#include <functional>
#include <memory>

namespace fleetdeck {

class ContextRelay final {
public:
    static std::shared_ptr<ContextRelay> create(QObject *context);
    ~ContextRelay();
    ContextRelay(const ContextRelay &) = delete;
    ContextRelay &operator=(const ContextRelay &) = delete;

    // Queues fn on the context's thread; false (fn dropped) when the context is gone.
    bool post(std::function<void()> fn);

private:
    ContextRelay() = default;
    QMutex m_mutex;
    QObject *m_context = nullptr;
    QMetaObject::Connection m_destroyedConnection;
};

} // namespace fleetdeck
