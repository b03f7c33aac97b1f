#include "ops/op_publisher.h"

#include "bus/bus.h"
#include "bus/subjects.h"
#include "core/clock.h"
#include "core/operation_codec.h"
#include "ops/status_map.h"

#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPublisher, "fleetdeck.engine.ops.publish")

namespace fleetdeck {

OpPublisher::OpPublisher(Bus *bus, Clock *clock, const StatusMap *statusMap, QObject *parent)
    : QObject(parent), m_bus(bus), m_clock(clock), m_statusMap(statusMap)
{
}

void OpPublisher::publishJson(const QString &subject, const QJsonObject &payload)
{
    const Status st = m_bus->publish(subject, QJsonDocument(payload).toJson(QJsonDocument::Compact));
    if (!st)
        qCWarning(lcPublisher) << "publish on" << subject << "failed:" << st.error();
}

void OpPublisher::changed(const QString &opId, const QStringList &changedNodeIds)
{
    QSet<QString> &set = m_changed[opId];
    for (const QString &id : changedNodeIds)
        set.insert(id);
    if (m_timers.contains(opId))
        return;
    m_timers.insert(opId, m_clock->callAfter(m_coalesceMs, this, [this, opId]() { fire(opId); }));
}

void OpPublisher::fire(const QString &opId)
{
    m_timers.remove(opId);
    const QSet<QString> changedIds = m_changed.take(opId);
    const std::optional<Operation> op = m_statusMap->get(opId);
    if (!op)
        return;
    if (op->processed()) {
        publishNow(*op);
        return;
    }
    QList<NodeProgress> nodes;
    for (const NodeProgress &n : op->nodes)
        if (changedIds.contains(n.nodeId))
            nodes.append(n);
    publishJson(subjects::opProgress(opId), progressMessage(*op, nodes));
}

void OpPublisher::publishNow(const Operation &op)
{
    if (auto it = m_timers.find(op.id); it != m_timers.end()) {
        m_clock->cancel(it.value());
        m_timers.erase(it);
    }
    m_changed.remove(op.id);
    publishJson(subjects::opProgress(op.id), progressMessage(op, op.nodes));
}

} // namespace fleetdeck
