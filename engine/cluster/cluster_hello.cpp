#include "cluster/cluster_hello.h"

#include "bus/subjects.h"
#include "core/json_reader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHello, "fleetdeck.engine.cluster")

namespace fleetdeck {

ClusterHello::ClusterHello(Bus *bus, ReplicaIdentity identity, QString clusterId, QObject *parent)
    : QObject(parent), m_bus(bus), m_identity(std::move(identity)), m_clusterId(std::move(clusterId))
{
}

ClusterHello::~ClusterHello()
{
    if (m_sub)
        m_bus->unsubscribe(m_sub);
}

void ClusterHello::check(qint64 windowMs, std::function<void(const HelloResult &)> done)
{
    const QByteArray hello = QJsonDocument(QJsonObject{{QStringLiteral("cluster_id"), m_clusterId},
                                                       {QStringLiteral("replica_id"), m_identity.replicaId}})
                                 .toJson(QJsonDocument::Compact);
    const QString url = m_bus->url();
    const QString own = m_clusterId;
    const QString me = m_identity.replicaId;
    m_bus->requestAll(subjects::clusterHello(), hello, windowMs, this, [done, url, own, me](const QList<QByteArray> &replies) {
        HelloResult result;
        for (const QByteArray &raw : replies) {
            QString error;
            const auto obj = parseJsonObject(raw, 1048576, &error);
            if (!obj) {
                qCWarning(lcHello) << "ignored malformed hello reply:" << error;
                continue;
            }
            HelloPeer p{obj->value(QLatin1String("cluster_id")).toString(), obj->value(QLatin1String("replica_id")).toString(),
                        obj->value(QLatin1String("kind")).toString(), obj->value(QLatin1String("host")).toString()};
            if (p.replicaId == me)
                continue;
            if (p.clusterId != own) {
                if (result.foreignError.isEmpty()) {
                    result.foreignErrorCode = Reason::make("foreign_cluster", {{"url", url},
                                                                              {"cluster", p.clusterId},
                                                                              {"replica", p.replicaId},
                                                                              {"host", p.host},
                                                                              {"own_cluster", own}});
                    result.foreignError = englishText(result.foreignErrorCode);
                }
                continue;
            }
            result.peers.append(p);
        }
        done(result);
    });
}

void ClusterHello::answer()
{
    if (m_sub)
        return;
    m_sub = m_bus->subscribe(subjects::clusterHello(), this, [this](const BusMessage &m) {
        QString error;
        const auto obj = parseJsonObject(m.data, 1048576, &error);
        if (!obj) {
            qCWarning(lcHello) << "dropped malformed cluster hello:" << error;
            return;
        }
        const QString theirs = obj->value(QLatin1String("cluster_id")).toString();
        if (theirs != m_clusterId)
            qCWarning(lcHello).noquote() << "replica" << obj->value(QLatin1String("replica_id")).toString()
                                         << "of Fleetdeck cluster" << theirs << "is on this bus (ours:" << m_clusterId << ")";
        if (m.replyTo.isEmpty())
            return;
        const QByteArray reply = QJsonDocument(QJsonObject{{QStringLiteral("cluster_id"), m_clusterId},
                                                           {QStringLiteral("replica_id"), m_identity.replicaId},
                                                           {QStringLiteral("kind"), m_identity.kind},
                                                           {QStringLiteral("host"), m_identity.host}})
                                     .toJson(QJsonDocument::Compact);
        m_bus->publish(m.replyTo, reply);
    });
}

} // namespace fleetdeck
