#include "bus/context_relay.h"

namespace fleetdeck {

std::shared_ptr<ContextRelay> ContextRelay::create(QObject *context)
{
    std::shared_ptr<ContextRelay> relay(new ContextRelay);
    if (!context)
        return relay;
    relay->m_context = context;
    // Direct connection: runs on the context's thread at the start of ~QObject, before the
    // context's posted events are discarded. A weak pointer: the relay may die first.
    std::weak_ptr<ContextRelay> weak = relay;
    relay->m_destroyedConnection = QObject::connect(context, &QObject::destroyed, [weak]() {
        if (auto r = weak.lock()) {
            QMutexLocker lock(&r->m_mutex);
            r->m_context = nullptr;
        }
    });
    return relay;
}

ContextRelay::~ContextRelay()
{
    // Thread-safe; keeps long-lived contexts from collecting one connection per request.
    QObject::disconnect(m_destroyedConnection);
}

bool ContextRelay::post(std::function<void()> fn)
{
    QMutexLocker lock(&m_mutex);
    if (!m_context)
        return false;
    return QMetaObject::invokeMethod(m_context, std::move(fn), Qt::QueuedConnection);
}

} // namespace fleetdeck
