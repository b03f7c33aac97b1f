#include "cluster/node_registry.h"

#include "core/id_source.h"

#include "bus/subjects.h"
#include "core/clock.h"
#include "core/deferred.h"
#include "store/store_thread.h"
#include "wire/worker_messages.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcNodes, "fleetdeck.engine.nodes")

namespace fleetdeck {
namespace {

constexpr qint64 kDropLogPeriodMs = 60'000; // docs/protocol.md#rules: counts logged every 60 s
constexpr int kMaxLabels = 64;
constexpr int kMaxLabelValue = 255;

struct Registration {
    Node node;
    std::optional<NodeStatus> previous; // nullopt: a new name
};

struct HeartbeatOutcome {
    bool unknown = false;
    NodeChange change;
};

} // namespace

// fleetdeck.nodes.changed (docs/protocol.md#replica-broadcasts). A deleted node is announced with
// status "deleted".
QByteArray NodeRegistry::changedPayload(const QString &id, const QString &name, const QString &status,
                                        const std::optional<NodeStatus> &previous, const Reason &reason, qint64 at)
{
    QJsonObject o{{QStringLiteral("node_id"), id},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("previous_status"), previous ? QJsonValue(toString(*previous)) : QJsonValue()},
                  {QStringLiteral("reason"), englishText(reason)},
                  {QStringLiteral("at"), at}};
    insertReason(o, QLatin1StringView("reason"), reason);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

NodeRegistry::NodeRegistry(StoreThread *store, Bus *bus, Clock *clock, QString clusterId, QObject *parent)
    : QObject(parent), m_store(store), m_bus(bus), m_clock(clock), m_clusterId(std::move(clusterId))
{
}

NodeRegistry::~NodeRegistry()
{
    stop();
}

void NodeRegistry::start()
{
    if (isStarted())
        return;
    if (m_settings.registrationOpen())
        qCWarning(lcNodes) << "registration is open: any client on the bus can register a node";
    const QString group = queueGroup();
    m_subscriptions << m_bus->queueSubscribe(subjects::nodesRegister(), group, this,
                                             [this](const BusMessage &m) { onRegister(m); });
    m_subscriptions << m_bus->queueSubscribe(subjects::nodeHeartbeatAll(), group, this,
                                             [this](const BusMessage &m) { onHeartbeat(m); });
    scheduleDropLog();
}

void NodeRegistry::stop()
{
    for (SubscriptionId id : std::as_const(m_subscriptions))
        if (id != 0)
            m_bus->unsubscribe(id);
    m_subscriptions.clear();
    if (m_dropLogTimer != 0) {
        m_clock->cancel(m_dropLogTimer);
        m_dropLogTimer = 0;
    }
}

QString NodeRegistry::validateName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"));
    if (!re.match(name).hasMatch())
        return QStringLiteral("invalid node name \"%1\"").arg(name);
    return {};
}

QString NodeRegistry::validateLabels(const QJsonObject &labels)
{
    static const QRegularExpression key(QStringLiteral("^[A-Za-z0-9._/-]{1,63}$"));
    if (labels.size() > kMaxLabels)
        return QStringLiteral("too many labels: %1 > %2").arg(labels.size()).arg(kMaxLabels);
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (!key.match(it.key()).hasMatch())
            return QStringLiteral("invalid label key \"%1\"").arg(it.key());
        if (!it.value().isString())
            return QStringLiteral("label \"%1\": expected string").arg(it.key());
        if (it.value().toString().size() > kMaxLabelValue)
            return QStringLiteral("label \"%1\": value longer than %2 characters").arg(it.key()).arg(kMaxLabelValue);
    }
    return {};
}

void NodeRegistry::reply(const BusMessage &m, const QByteArray &payload)
{
    if (m.replyTo.isEmpty())
        return;
    if (Status st = m_bus->publish(m.replyTo, payload); !st)
        qCWarning(lcNodes).noquote() << "registration reply not sent:" << st.error();
}

void NodeRegistry::onRegister(const BusMessage &m)
{
    auto req = wire::decodeRegisterRequest(m.data, m_settings.maxPayloadBytes());
    if (!req) {
        qCInfo(lcNodes).noquote() << "registration refused:" << req.error();
        reply(m, wire::registerError(req.error()));
        return;
    }
    QString error = validateName(req->name);
    if (error.isEmpty())
        error = validateLabels(req->labels);
    if (error.isEmpty() && !m_settings.registrationOpen()
        && !ClusterSettings::registrationTokenMatches(m_settings.registrationTokenHash(), req->token))
        error = QStringLiteral("invalid registration token");
    if (!error.isEmpty()) {
        qCInfo(lcNodes).noquote() << "registration of" << req->name << "refused:" << error;
        reply(m, wire::registerError(error));
        return;
    }
    if (!m_store->isRunning()) {
        qCWarning(lcNodes).noquote() << "registration of" << req->name << "not recorded: store not running";
        return; // no reply: the worker retries
    }
    const qint64 now = m_clock->nowMs();
    const bool autoApprove = m_settings.autoApprove();
    const wire::RegisterRequest r = req.value();
    m_store
        ->call([r, now, autoApprove](Store &s) -> Result<Registration> {
            using R = Result<Registration>;
            auto found = s.findNode(r.name);
            if (!found)
                return R::failure(found.error());
            std::optional<Node> existing = found.value();
            if (existing && existing->name.compare(r.name, Qt::CaseInsensitive) != 0)
                existing.reset(); // an id that happens to equal the name
            Registration out;
            Node &n = out.node;
            if (existing) {
                n = *existing;
                out.previous = n.status;
                nodes::EventInput in;
                in.event = nodes::NodeEvent::Reregister;
                in.autoApprove = autoApprove;
                const nodes::Transition t = nodes::apply(n, in);
                n.status = t.status;
                n.setStatusReason(t.reason);
            } else {
                n.id = ids::newUuid();
                n.status = nodes::initialStatus(autoApprove);
                n.createdAt = now;
            }
            n.name = r.name; // the registering spelling
            n.labels = r.labels;
            n.resources = r.resources;
            n.workerVersion = r.workerVersion;
            n.lastHeartbeat = now;
            n.updatedAt = now;
            const Status st = existing ? s.updateNode(n) : s.insertNode(n);
            if (!st)
                return R::failure(st.error());
            return out;
        })
        .then(this, [this, m, now](Result<Registration> r) {
            if (!r) {
                qCWarning(lcNodes).noquote() << "registration not recorded (no reply, the worker retries):" << r.error();
                return;
            }
            const Node &n = r->node;
            wire::RegisterReply rep;
            rep.id = n.id;
            rep.name = n.name;
            rep.status = toString(n.status);
            rep.heartbeatIntervalS = m_settings.heartbeatIntervalS();
            reply(m, wire::encode(rep));
            qCInfo(lcNodes).noquote() << (r->previous ? "node re-registered:" : "node registered:") << n.name << n.id
                                      << toString(n.status);
            m_bus->publish(subjects::nodesChanged(),
                           changedPayload(n.id, n.name, toString(n.status), r->previous,
                                          codedOrPlain(n.statusReasonCode, n.statusReason), now));
            Q_EMIT nodeChanged(n);
        });
}

void NodeRegistry::onHeartbeat(const BusMessage &m)
{
    auto hb = wire::decodeHeartbeat(m.data, m_settings.maxPayloadBytes());
    if (!hb) {
        dropped(QStringLiteral("heartbeat on %1: %2").arg(m.subject, hb.error()));
        return;
    }
    const QStringList tokens = m.subject.split(QLatin1Char('.'));
    if (tokens.size() != 3 || tokens.at(1) != hb->name) {
        dropped(QStringLiteral("heartbeat on %1 names node \"%2\"").arg(m.subject, hb->name));
        return;
    }
    if (!m_store->isRunning())
        return;
    const qint64 now = m_clock->nowMs();
    const wire::Heartbeat h = hb.value();
    m_store
        ->call([h, now](Store &s) -> Result<HeartbeatOutcome> {
            using R = Result<HeartbeatOutcome>;
            auto found = s.findNode(h.nodeId);
            if (!found)
                return R::failure(found.error());
            HeartbeatOutcome out;
            if (!found.value() || found.value()->id != h.nodeId
                || found.value()->name.compare(h.name, Qt::CaseInsensitive) != 0) {
                out.unknown = true;
                return out;
            }
            NodeChange &c = out.change;
            c.before = c.after = *found.value();
            nodes::EventInput in;
            in.event = h.state == QLatin1String("draining") ? nodes::NodeEvent::HeartbeatDraining
                       : h.state == QLatin1String("stopped") ? nodes::NodeEvent::HeartbeatStopped
                                                             : nodes::NodeEvent::HeartbeatRunning;
            const nodes::Transition t = nodes::apply(c.before, in);
            c.after.status = t.status;
            c.after.setStatusReason(t.reason);
            c.changed = t.changed;
            if (in.event != nodes::NodeEvent::HeartbeatStopped) {
                c.after.lastHeartbeat = now;
                for (auto it = h.resources.begin(); it != h.resources.end(); ++it)
                    c.after.resources.insert(it.key(), it.value());
            } else if (!t.changed) {
                return out; // nothing to write
            }
            c.after.updatedAt = now;
            if (Status st = s.updateNode(c.after); !st)
                return R::failure(st.error());
            return out;
        })
        .then(this, [this, h](Result<HeartbeatOutcome> r) {
            if (!r) {
                qCWarning(lcNodes).noquote() << "heartbeat of" << h.name << "not recorded:" << r.error();
                return;
            }
            if (r->unknown) {
                qCInfo(lcNodes).noquote() << "heartbeat of unknown node" << h.name << h.nodeId << "- asking it to re-register";
                m_bus->publish(subjects::nodeReregister(h.name), QByteArrayLiteral("{}"));
                return;
            }
            if (r->change.changed)
                published(r->change);
        });
}

void NodeRegistry::dropped(const QString &why)
{
    ++m_droppedSinceLog;
    ++m_droppedTotal;
    qCDebug(lcNodes).noquote() << "dropped" << why;
}

void NodeRegistry::scheduleDropLog()
{
    m_dropLogTimer = m_clock->callAfter(kDropLogPeriodMs, this, [this]() {
        if (m_droppedSinceLog > 0)
            qCWarning(lcNodes).noquote() << "dropped" << m_droppedSinceLog << "invalid node messages in the last 60 s";
        m_droppedSinceLog = 0;
        scheduleDropLog();
    });
}

} // namespace fleetdeck
