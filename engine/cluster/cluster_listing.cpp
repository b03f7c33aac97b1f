#include "cluster/cluster_listing.h"

#include "bus/subjects.h"
#include "cluster/node_events.h"
#include "store/store_thread.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QMap>
#include <algorithm>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcFanOut)

namespace fleetdeck {

const NodeListing *ClusterListingResult::replyOf(const QString &nodeId) const
{
    for (const NodeListing &l : replies)
        if (l.node.id == nodeId)
            return &l;
    return nullptr;
}

const UnknownNode *ClusterListingResult::unknownOf(const QString &nodeId) const
{
    for (const UnknownNode &u : unknownNodes)
        if (u.nodeId == nodeId)
            return &u;
    return nullptr;
}

QJsonObject ClusterListingResult::toJson() const
{
    QJsonArray backendsJson;
    for (const ListedBackendSummary &b : backends) {
        QJsonArray nodesJson;
        for (const ListedNode &n : b.nodes)
            nodesJson.append(QJsonObject{{QStringLiteral("node_id"), n.nodeId},
                                         {QStringLiteral("node_name"), n.nodeName},
                                         {QStringLiteral("node_status"), toString(n.nodeStatus)},
                                         {QStringLiteral("version"), n.version},
                                         {QStringLiteral("digest"), n.digest},
                                         {QStringLiteral("uri"), n.uri},
                                         {QStringLiteral("installed_at"), n.installedAt},
                                         {QStringLiteral("op_id"), n.opId}});
        backendsJson.append(QJsonObject{{QStringLiteral("name"), b.name},
                                        {QStringLiteral("is_system"), b.isSystem},
                                        {QStringLiteral("is_meta"), b.isMeta},
                                        {QStringLiteral("meta_backend_for"), b.metaBackendFor},
                                        {QStringLiteral("nodes"), nodesJson},
                                        {QStringLiteral("upgrade_available"), b.upgradeAvailable},
                                        {QStringLiteral("available_version"), b.availableVersion}});
    }
    QJsonArray unknownJson;
    for (const UnknownNode &u : unknownNodes) {
        QJsonObject n{{QStringLiteral("node_id"), u.nodeId}, {QStringLiteral("node_name"), u.nodeName}, {QStringLiteral("error"), u.error}};
        insertReason(n, QLatin1StringView("error"), u.errorCode);
        unknownJson.append(n);
    }
    return QJsonObject{{QStringLiteral("backends"), backendsJson}, {QStringLiteral("unknown_nodes"), unknownJson}};
}

QList<ListedBackendSummary> aggregateListing(const QList<NodeListing> &replies)
{
    QMap<QString, ListedBackendSummary> byName; // re-sorted in byte order below
    for (const NodeListing &l : replies) {
        for (const wire::ListedBackend &b : l.reply.backends) {
            ListedBackendSummary &s = byName[b.name];
            s.name = b.name;
            s.isSystem = s.isSystem || b.isSystem;
            s.isMeta = s.isMeta || b.isMeta;
            if (s.metaBackendFor.isEmpty())
                s.metaBackendFor = b.metaBackendFor;
            s.nodes.append(ListedNode{l.node.id, l.node.name, l.node.status, b.version, b.digest, b.uri, b.installedAt, b.opId});
        }
    }
    QList<ListedBackendSummary> out = byName.values();
    for (ListedBackendSummary &s : out)
        std::stable_sort(s.nodes.begin(), s.nodes.end(),
                         [](const ListedNode &a, const ListedNode &b) { return nameLess(a.nodeName, b.nodeName); });
    std::stable_sort(out.begin(), out.end(),
                     [](const ListedBackendSummary &a, const ListedBackendSummary &b) { return nameLess(a.name, b.name); });
    return out;
}

ClusterListing::ClusterListing(StoreThread *store, WorkerClient *client, NodeEvents *events, QObject *parent)
    : QObject(parent), m_store(store), m_client(client), m_events(events)
{
}

void ClusterListing::run(std::function<void(const ClusterListingResult &)> done)
{
    m_store->call([](Store &s) { return s.listNodes(); }).then(this, [this, done](Result<QList<Node>> nodes) {
        if (!nodes) {
            qCWarning(lcFanOut) << "cluster listing: reading nodes failed:" << nodes.error();
            ClusterListingResult r;
            done(r);
            return;
        }
        runOn(nodes.value(), done);
    });
}

void ClusterListing::runOn(const QList<Node> &nodesIn, std::function<void(const ClusterListingResult &)> done)
{
    struct State {
        ClusterListingResult result;
        int open = 0;
        std::function<void(const ClusterListingResult &)> done;
    };
    auto st = std::make_shared<State>();
    st->done = std::move(done);
    QList<Node> nodes = nodesIn;
    std::stable_sort(nodes.begin(), nodes.end(), [](const Node &a, const Node &b) { return nameLess(a.name, b.name); });
    st->result.nodes = nodes;
    auto finish = [st]() {
        auto byName = [](const auto &a, const auto &b) { return nameLess(a.nodeName, b.nodeName); };
        std::stable_sort(st->result.unknownNodes.begin(), st->result.unknownNodes.end(), byName);
        std::stable_sort(st->result.replies.begin(), st->result.replies.end(),
                         [](const NodeListing &a, const NodeListing &b) { return nameLess(a.node.name, b.node.name); });
        st->result.backends = aggregateListing(st->result.replies);
        st->done(st->result);
    };
    QList<Node> listable;
    for (const Node &n : std::as_const(nodes))
        if (isListable(n.status))
            listable.append(n);
    st->open = static_cast<int>(listable.size());
    if (listable.isEmpty()) {
        finish();
        return;
    }
    NodeEvents *events = m_events;
    for (const Node &n : std::as_const(listable)) {
        m_client->list(NodeAddress{n.id, n.name}, [st, n, events, finish](const ListOutcome &o) {
            if (o.transport == RequestOutcome::NoResponders && events)
                events->noResponders(n.id, subjects::nodeCommand(n.name, "list"));
            else if (o.transport == RequestOutcome::Reply && events)
                events->answered(n.id);
            if (o.replied() && o.reply.error.isEmpty())
                st->result.replies.append(NodeListing{n, o.reply});
            else {
                const Reason why = o.replied() ? Reason::plain(o.reply.error) : describeOutcome(o, n.name);
                st->result.unknownNodes.append(UnknownNode{n.id, n.name, englishText(why), withCode(why)});
            }
            if (--st->open == 0)
                finish();
        });
    }
}

} // namespace fleetdeck
