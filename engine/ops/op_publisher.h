#pragma once
// Publishes op statuses on `gallery.<id>.progress` (docs/protocol.md#replica-broadcasts; owner
// coalescing: docs/protocol.md#progress-debounce-and-coalescing): a non-terminal change arms one
// timer per op (ops/status_coalesce_ms); when it fires the current status goes out with the node
// entries changed since the previous publication. Terminal statuses go out at once with every node
// entry, and a pending coalesced one is dropped.
#include "core/operation.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace fleetdeck {

class Bus;
class Clock;
class StatusMap;

class OpPublisher final : public QObject {
    Q_OBJECT
public:
    OpPublisher(Bus *bus, Clock *clock, const StatusMap *statusMap, QObject *parent = nullptr);

    void setCoalesceMs(qint64 ms) { m_coalesceMs = ms; }
    // Records that `changedNodeIds` changed and schedules a coalesced publication.
    void changed(const QString &opId, const QStringList &changedNodeIds = {});
    // Publishes now with every node entry (admission, start, terminal statuses).
    void publishNow(const Operation &op);
    void publishJson(const QString &subject, const QJsonObject &payload);

private:
    void fire(const QString &opId);

    Bus *m_bus;
    Clock *m_clock;
    const StatusMap *m_statusMap;
    qint64 m_coalesceMs = 250;
    QHash<QString, quint64> m_timers;          // op → armed timer handle
    QHash<QString, QSet<QString>> m_changed;   // op → node ids changed since last publication
};

} // namespace fleetdeck
