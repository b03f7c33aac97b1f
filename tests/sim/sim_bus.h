#pragma once
// The simulated transport (tests/sim/README.md "Fault model"): one SimNetwork stands for the
// nats-server, each replica and worker holds its own SimBus connection to it. Delivery follows
// NATS core: at most once, no duplication, and messages from one connection reach one subscriber
// in the order they were sent (a per-link FIFO even when delays vary). Queue groups deliver to one
// member chosen by the seeded source; a request nobody subscribes to fails with "no responders".
// Faults: message loss (a slow consumer: its client drops the message and reports it, as nats.c's
// error handler does), extra delay, and a connection cut off (its subscriptions see nothing, its
// publications wait in the reconnect buffer and go out in order when it heals, its requests fail
// "not connected", its state is Reconnecting) and healed.
#include "bus/bus.h"
#include "sim_rng.h"
#include "sim_trace.h"

#include <QHash>
#include <QPointer>
#include <map>
#include <memory>

namespace fleetdeck {
class ManualClock;
}

namespace fleetdeck::sim {

class SimBus;

struct LinkFaults {
    double loss = 0.0;        // probability that a message is lost
    qint64 minDelayMs = 0;    // one-way delay, drawn per message in [min, max]
    qint64 maxDelayMs = 2;
};

// nats.c's reconnect buffer (8 MiB by default), counted in messages here.
inline constexpr qsizetype kReconnectBuffer = 20000;

class SimNetwork final : public QObject {
    Q_OBJECT
public:
    SimNetwork(ManualClock *clock, Rng *rng, Trace *trace);
    ~SimNetwork() override;

    // A new connection named `name` (a replica or a node); the network keeps no ownership.
    std::unique_ptr<SimBus> connect(const QString &name);
    void setFaults(const LinkFaults &faults) { m_faults = faults; }
    // Payload digests in the trace leave this text (the run's temporary directory) out.
    void setRedacted(const QByteArray &text) { m_redacted = text; }
    const LinkFaults &faults() const { return m_faults; }
    // Cuts a connection off (true) or heals it (false).
    void setCut(const QString &name, bool cut);
    bool isCut(const QString &name) const;
    qint64 delivered() const { return m_delivered; }
    qint64 lost() const { return m_lost; }

private:
    friend class SimBus;
    struct Sub {
        SubscriptionId id;
        SimBus *owner;
        QString subject;
        QString group;
        QPointer<QObject> context;
        std::shared_ptr<MessageHandler> handler;
        std::shared_ptr<bool> alive;
    };
    SubscriptionId addSub(SimBus *owner, const QString &subject, const QString &group, QObject *context,
                          MessageHandler handler);
    void removeSub(SubscriptionId id);
    void detach(SimBus *bus);
    // Routes one message; returns the number of subscriptions it was routed to (lost ones too).
    int route(SimBus *from, const QString &subject, const QByteArray &data, const QString &replyTo);
    qint64 deliveryDelay(SimBus *from, SimBus *to);
    QString newInbox(SimBus *owner);

    ManualClock *m_clock;
    Rng *m_rng;
    Trace *m_trace;
    LinkFaults m_faults;
    QByteArray m_redacted;
    std::vector<Sub> m_subs;
    QHash<QString, SimBus *> m_buses;
    QHash<QString, bool> m_cut;
    std::map<std::pair<QString, QString>, qint64> m_linkTail; // (from, to) → last delivery time
    SubscriptionId m_nextId = 1;
    quint64 m_inbox = 0;
    qint64 m_delivered = 0;
    qint64 m_lost = 0;
};

class SimBus final : public Bus {
    Q_OBJECT
public:
    ~SimBus() override;
    QString name() const { return m_name; }

    Status publish(const QString &subject, const QByteArray &data, const QString &replyTo = {}) override;
    SubscriptionId subscribe(const QString &subject, QObject *context, MessageHandler handler) override;
    SubscriptionId queueSubscribe(const QString &subject, const QString &group, QObject *context,
                                  MessageHandler handler) override;
    void unsubscribe(SubscriptionId id) override;
    void request(const QString &subject, const QByteArray &data, qint64 timeoutMs, QObject *context,
                 RequestCallback callback) override;
    void requestAll(const QString &subject, const QByteArray &data, qint64 windowMs, QObject *context,
                    std::function<void(const QList<QByteArray> &)> callback) override;
    void flush(qint64 timeoutMs, QObject *context, std::function<void(bool, QString)> callback) override;
    ConnectionState connectionState() const override;
    QString url() const override { return QStringLiteral("sim://") + m_name; }

private:
    friend class SimNetwork;
    SimBus(SimNetwork *net, QString name) : m_net(net), m_name(std::move(name)) {}
    void setCut(bool cut);

    SimNetwork *m_net;
    QString m_name;
    bool m_cut = false;
    QList<SubscriptionId> m_own;
    QList<BusMessage> m_buffered; // published while cut off
};

} // namespace fleetdeck::sim
