#pragma once
// NatsBus internals shared by its translation units. Internal to the engine: includes nats.c.
#include "bus/nats_bus.h"
#include "bus/nats_request.h"
#include "bus/nats_retired_subs.h"
#include "bus/nats_subscription.h"

#include <nats/nats.h>

#include <QHash>
#include <QMutex>
#include <QThreadPool>
#include <atomic>
#include <memory>

namespace fleetdeck {

struct NatsBus::Private {
    NatsConfig config;
    QString auth;
    Clock *clock = nullptr;
    std::shared_ptr<natsConnection> conn;
    // kConnecting until connect() or a nats.c callback sets a real state (read as Reconnecting).
    static constexpr int kConnecting = -1;
    std::atomic<int> state{kConnecting};
    ConnectionState emitted = ConnectionState::Reconnecting; // bus thread only
    std::shared_ptr<PendingRequests> pending = std::make_shared<PendingRequests>();
    std::shared_ptr<std::atomic<quint64>> dropped = std::make_shared<std::atomic<quint64>>(0);
    std::shared_ptr<NatsRetiredSubs> retired = std::make_shared<NatsRetiredSubs>();
    mutable QMutex mutex;
    QHash<SubscriptionId, std::shared_ptr<NatsSubClosure>> subs;
    SubscriptionId nextId = 1;
    quintptr token = 0;
    QThreadPool flushPool; // blocking FlushTimeout calls; drained in ~NatsBus after the close

    QString prefix() const { return QStringLiteral("NATS ") + config.url + QStringLiteral(": "); }
};

} // namespace fleetdeck
