#pragma once
// The replica's side of the worker protocol (docs/protocol.md#worker-messages,
// docs/protocol.md#progress-subscription): install, upgrade, delete, list and cancel requests to
// `nodes.<name>.backend.*`, asynchronous, with each kind's timeout. Install and upgrade with an op
// id and a progress callback go through requestWithProgress: subscribe to the op's progress subject
// and flush *before* the request is sent, deliver the matching events in arrival order, unsubscribe
// on every exit path.
#include "bus/bus.h"
#include "config/cluster_settings.h"
#include "wire/worker_messages.h"

#include <QObject>
#include <atomic>
#include <functional>

namespace fleetdeck {

class Clock;

struct NodeAddress {
    QString id;
    QString name;
};

struct WorkerTimeouts {
    qint64 installMs = 900'000;
    qint64 upgradeMs = 900'000;
    qint64 listMs = 30'000;
    qint64 deleteMs = 120'000;
    qint64 cancelMs = 5'000;
    qint64 flushMs = 5'000;

    // The nats/timeout_* settings in force (docs/architecture.md#settings).
    static WorkerTimeouts from(const ClusterSettings &settings);
};

// The outcome of one request: the transport outcome, and the decoded reply when there was one.
template <typename Reply>
struct WorkerOutcome {
    RequestOutcome transport = RequestOutcome::Timeout;
    Reply reply;
    QString error; // transport error text, or a reply that failed validation
    Reason errorCode; // error's code and args: invalid_reply for a reply that failed validation
    bool replied() const { return transport == RequestOutcome::Reply && error.isEmpty(); }
};

using CommandOutcome = WorkerOutcome<wire::CommandReply>;
using ListOutcome = WorkerOutcome<wire::ListReply>;
using CancelOutcome = WorkerOutcome<wire::CancelReply>;
using ProgressCallback = std::function<void(const wire::ProgressEvent &)>;

class WorkerClient final : public QObject {
    Q_OBJECT
public:
    WorkerClient(Bus *bus, QObject *parent = nullptr);

    void setTimeouts(const WorkerTimeouts &t) { m_timeouts = t; }
    const WorkerTimeouts &timeouts() const { return m_timeouts; }

    // `onTick` may be empty; with an empty op id or no callback nothing is subscribed.
    void install(const NodeAddress &node, const wire::InstallRequest &req, ProgressCallback onTick,
                 std::function<void(const CommandOutcome &)> done);
    void upgrade(const NodeAddress &node, const wire::InstallRequest &req, ProgressCallback onTick,
                 std::function<void(const CommandOutcome &)> done);
    void remove(const NodeAddress &node, const wire::DeleteRequest &req, std::function<void(const CommandOutcome &)> done);
    void list(const NodeAddress &node, std::function<void(const ListOutcome &)> done);
    void cancel(const NodeAddress &node, const QString &opId, std::function<void(const CancelOutcome &)> done);

    // docs/protocol.md#progress-subscription. The raw reply (or transport outcome) goes to `done`.
    void requestWithProgress(const NodeAddress &node, const QString &subject, const QByteArray &payload,
                             const QString &opId, qint64 timeoutMs, ProgressCallback onTick,
                             std::function<void(const RequestResult &)> done);

    // Progress events handed to an `onTick` so far: the workers' ticks of this client's requests
    // (fleetdeck_progress_events_received_total{source="worker"}). Safe from any thread.
    quint64 progressEventsReceived() const { return m_progressEvents.load(std::memory_order_relaxed); }

private:
    Bus *m_bus;
    WorkerTimeouts m_timeouts;
    std::atomic<quint64> m_progressEvents{0};
};

// A failed request for node rows: "no responders from node <name>" (no_responders), "nats: timeout"
// (request_timeout), "nats: …" (transport_error), "invalid reply: …" (invalid_reply).
Reason describeOutcome(RequestOutcome outcome, const QString &error, const QString &nodeName);
template <typename Reply>
Reason describeOutcome(const WorkerOutcome<Reply> &o, const QString &nodeName)
{
    if (o.transport == RequestOutcome::Reply)
        return codedOrPlain(o.errorCode, o.error);
    return describeOutcome(o.transport, o.error, nodeName);
}

} // namespace fleetdeck
