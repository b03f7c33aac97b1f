#pragma once
// Shared set-up of the node registry and health monitor tests: a fresh store of the row's backend
// (SQLite or the real PostgreSQL) on its own store thread, the in-process bus, a manual clock, a
// NodeRegistry and a HealthMonitor, and helpers that play the worker's side of the bus.
#include "bus/local_bus.h"
#include "bus/subjects.h"
#include "cluster/health_monitor.h"
#include "cluster/node_registry.h"
#include "store/store_thread.h"
#include "test_db.h"
#include "test_util.h"
#include "wire/worker_messages.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>
#include <QUuid>

namespace fleetdeck::test {

inline QJsonObject parseObject(const QByteArray &data)
{
    return QJsonDocument::fromJson(data).object();
}

class NodeFixture {
public:
    ManualClock clock;
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<StoreThread> store;
    std::unique_ptr<LocalBus> bus;
    std::unique_ptr<NodeRegistry> registry;
    std::unique_ptr<HealthMonitor> monitor;
    std::unique_ptr<QObject> workers; // context of the fake workers' subscriptions
    QList<QJsonObject> changed;       // fleetdeck.nodes.changed payloads, in order
    QStringList reregisters;          // subjects of nodes.<n>.reregister publications
    QString clusterId = QStringLiteral("c0ffee00-0000-4000-8000-000000000001");

    bool setUp(Backend backend, const ClusterSettings &settings = {},
               HealthMonitor::Locking locking = HealthMonitor::Locking::PassLock)
    {
        QString error;
        db = TestDatabase::create(backend, &error);
        if (!db) {
            QTest::qFail(qPrintable(error), __FILE__, __LINE__);
            return false;
        }
        store = std::make_unique<StoreThread>(db->config(), &clock, QStringLiteral("nodes-test"));
        if (Status st = store->start(); !st) {
            QTest::qFail(qPrintable(st.error()), __FILE__, __LINE__);
            return false;
        }
        bus = std::make_unique<LocalBus>(&clock);
        workers = std::make_unique<QObject>();
        bus->subscribe(subjects::nodesChanged(), workers.get(), [this](const BusMessage &m) { changed << parseObject(m.data); });
        bus->subscribe(QStringLiteral("nodes.*.reregister"), workers.get(), [this](const BusMessage &m) { reregisters << m.subject; });
        registry = std::make_unique<NodeRegistry>(store.get(), bus.get(), &clock, clusterId);
        registry->setSettings(settings);
        monitor = std::make_unique<HealthMonitor>(store.get(), bus.get(), &clock, registry.get(), locking);
        monitor->setSettings(settings);
        registry->start();
        return true;
    }

    void tearDown()
    {
        monitor.reset();
        registry.reset();
        workers.reset();
        if (store)
            store->stop();
        store.reset();
        bus.reset();
        db.reset();
        changed.clear();
        reregisters.clear();
    }

    // Lets queued work finish: bus deliveries, store jobs and their continuations.
    void sync()
    {
        for (int i = 0; i < 4; ++i) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            if (store && store->isRunning())
                store->callSync([](Store &) {});
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
    }

    Node makeNode(const QString &name, NodeStatus status, const QString &reason, qint64 lastHeartbeat)
    {
        Node n;
        n.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        n.name = name;
        n.status = status;
        n.statusReason = reason;
        n.resources = QJsonObject{{QStringLiteral("gpu_vendor"), QStringLiteral("nvidia")}, {QStringLiteral("gpus"), 2}};
        n.labels = QJsonObject{{QStringLiteral("rack"), QStringLiteral("r1")}};
        n.lastHeartbeat = lastHeartbeat;
        n.createdAt = n.updatedAt = lastHeartbeat;
        return n;
    }

    // Inserts a node row; returns its id ("" on failure).
    QString addNode(const QString &name, NodeStatus status, const QString &reason = {}, qint64 ageMs = 0)
    {
        const Node n = makeNode(name, status, reason, clock.nowMs() - ageMs);
        const Status st = store->callSync([n](Store &s) { return s.insertNode(n); });
        return st ? n.id : QString();
    }

    std::optional<Node> node(const QString &idOrName)
    {
        auto r = store->callSync([idOrName](Store &s) { return s.findNode(idOrName); });
        return r ? r.value() : std::nullopt;
    }

    int nodeCount()
    {
        auto r = store->callSync([](Store &s) { return s.listNodes(); });
        return r ? static_cast<int>(r->size()) : -1;
    }

    // Sends nodes.register and waits for the reply; with `advanceForTimeout` the clock moves past
    // the 5 s request timeout when no reply came (the worker side of "no reply").
    RequestResult registerRaw(const QByteArray &payload, bool advanceForTimeout = false)
    {
        std::optional<RequestResult> got;
        QObject ctx;
        bus->request(subjects::nodesRegister(), payload, 5000, &ctx, [&got](const RequestResult &r) { got = r; });
        waitUntil([&] {
            if (!got)
                sync();
            return got.has_value();
        }, advanceForTimeout ? 500 : 10000);
        if (!got && advanceForTimeout) {
            clock.advanceMs(5001);
            waitUntil([&] { return got.has_value(); });
        }
        sync();
        return got.value_or(RequestResult{});
    }

    QJsonObject registerNode(const QString &name, const QString &token = {}, const QJsonObject &labels = {})
    {
        wire::RegisterRequest req;
        req.name = name;
        req.labels = labels;
        req.resources = QJsonObject{{QStringLiteral("gpu_vendor"), QStringLiteral("nvidia")}, {QStringLiteral("gpus"), 2}};
        req.workerVersion = QStringLiteral("1.0.0");
        req.token = token;
        const RequestResult r = registerRaw(wire::encode(req));
        return r.outcome == RequestOutcome::Reply ? parseObject(r.data) : QJsonObject{};
    }

    void heartbeat(const QString &subjectName, const QString &nodeId, const QString &payloadName, const QString &state,
                   const QJsonObject &resources = {})
    {
        wire::Heartbeat hb;
        hb.nodeId = nodeId;
        hb.name = payloadName;
        hb.state = state;
        hb.sentAt = clock.nowMs();
        hb.resources = resources;
        bus->publish(subjects::nodeHeartbeat(subjectName), wire::encode(hb));
        sync();
    }

    void heartbeat(const Node &n, const QString &state) { heartbeat(n.name, n.id, n.name, state); }

    // One monitor pass, run now; returns whether it ran.
    bool tick()
    {
        const int before = monitor->passesDone() + monitor->passesSkipped();
        const int done = monitor->passesDone();
        monitor->tick();
        waitUntil([&] { return monitor->passesDone() + monitor->passesSkipped() > before; });
        sync();
        return monitor->passesDone() > done;
    }

    // A fake worker answering backend.list for `name` (until `workers` is reset or unsubscribed).
    SubscriptionId answerList(const QString &name)
    {
        return bus->subscribe(subjects::nodeCommand(name, "list"), workers.get(), [this](const BusMessage &m) {
            bus->publish(m.replyTo, wire::encode(wire::ListReply{}));
        });
    }

    // Runs SQL on a connection of its own (to break the store on purpose).
    bool rawExec(const QString &sql)
    {
        const QString name = QStringLiteral("raw-") + QUuid::createUuid().toString(QUuid::Id128);
        bool ok = false;
        {
            const StoreConfig &c = db->config();
            QSqlDatabase conn = QSqlDatabase::addDatabase(
                c.driver == StoreConfig::Driver::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
            if (c.driver == StoreConfig::Driver::Sqlite) {
                conn.setDatabaseName(c.path);
            } else {
                conn.setHostName(c.host);
                conn.setPort(c.port);
                conn.setUserName(c.user);
                conn.setPassword(c.password);
                conn.setDatabaseName(c.database);
            }
            if (conn.open()) {
                QSqlQuery q(conn);
                ok = q.exec(sql);
                if (!ok)
                    qWarning("raw SQL failed: %s", qPrintable(q.lastError().text()));
            }
            conn.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    static ClusterSettings settingsWith(std::initializer_list<std::pair<const char *, QJsonValue>> values)
    {
        ClusterSettings::Rows rows;
        for (const auto &[k, v] : values)
            rows.insert(QString::fromLatin1(k), v);
        return ClusterSettings(rows);
    }
};

} // namespace fleetdeck::test
