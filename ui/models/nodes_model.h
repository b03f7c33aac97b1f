#pragma once
// The Nodes table (docs/gui.md#nodes-page): one top-level row per registry node, diffed by node id
// so a snapshot of thousands of nodes costs a dataChanged per changed row, not a reset
// (docs/architecture.md#scale). Each node has child rows: the backends its last `backend.list`
// reported, or one placeholder ("Listing backends…", "No backends installed", the listing error).
#include "core/node.h"
#include "models/table_roles.h"
#include "wire/worker_messages.h"

#include "models/two_level_model.h"

#include <QHash>
#include <memory>
#include <vector>

namespace fleetdeck::ui {

class NodesModel final : public TwoLevelModel {
    Q_OBJECT
public:
    enum Column { StatusColumn, NameColumn, HeartbeatColumn, ReasonColumn, ResourcesColumn, LabelsColumn,
                  VersionColumn, ColumnCount };
    enum RowKind { NodeRow, BackendRow, PlaceholderRow };
    enum Role {
        NodeIdRole = TableRole::User, // every row: the node's id
        NodeNameRole,
        NodeStatusRole,               // QString: toString(NodeStatus)
        HeartbeatAgeRole,             // qint64 ms (top-level rows)
        BackendNameRole,              // backend rows
        IsSystemRole,                 // backend rows
    };
    enum class ListState { NotListed, Listing, Listed, Failed, Unavailable }; // Unavailable: the error says why

    explicit NodesModel(QObject *parent = nullptr);
    ~NodesModel() override;

    // Replaces the node list (name order or any order: the proxy sorts).
    void setNodes(const QList<Node> &nodes, qint64 nowMs);
    // Advances the clock the heartbeat ages are measured with (ticks every second).
    void setNow(qint64 nowMs);
    qint64 now() const { return m_now; }
    // Child rows of a node.
    void setListing(const QString &nodeId, ListState state, const QList<wire::ListedBackend> &backends = {},
                    const QString &error = {});
    ListState listState(const QString &nodeId) const;
    // Backend name → the version the latest upgrades result offers; a listed backend whose version
    // differs shows an "Update <v>" chip (the wording of docs/gui.md#manage).
    void setAvailableVersions(const QHash<QString, QString> &versions);
    bool hasUpdate(const wire::ListedBackend &b) const;

    const Node *node(const QString &nodeId) const;
    const Node *nodeAt(const QModelIndex &index) const; // any row of the node's subtree
    const wire::ListedBackend *backendAt(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &nodeId, int column = 0) const;
    int healthyCount() const;
    int nodeCount() const { return int(m_items.size()); }

    // Wording shared with the page and the tests.
    static QString statusShape(NodeStatus s);
    static QString statusText(NodeStatus s);
    static Tone statusTone(NodeStatus s);
    static QString heartbeatText(const Node &n, qint64 nowMs);
    static Tone heartbeatTone(const Node &n, qint64 nowMs);
    static QString statusDisplay(const Node &n, qint64 nowMs); // "Pending approval · last seen 10 min ago"
    static QString resourcesText(const QJsonObject &resources);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Item;
    Item *itemOf(const QModelIndex &index) const; // the node item of any row
    int topLevelCount() const override;
    void *topLevelItem(int row) const override;
    int rowOf(const void *item) const override;
    int childRows(const void *item) const override;
    int childCount(const Item &item) const;
    QVariant nodeData(const Item &item, int column, int role) const;
    QVariant childData(const Item &item, int row, int column, int role) const;
    void renumber();

    std::vector<std::unique_ptr<Item>> m_items;
    QHash<QString, Item *> m_byId;
    QHash<QString, QString> m_available;
    qint64 m_now = 0;
};

} // namespace fleetdeck::ui
