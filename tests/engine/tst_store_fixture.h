#pragma once
// Shared set-up of the store tests: every test function runs once per backend (SQLite file and a
// fresh database on the fixture's PostgreSQL server) against a migrated store on a ManualClock.
#include "core/clock.h"
#include "core/operation.h"
#include "store/store.h"
#include "test_db.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

// `auto var = expr;` and fail the test unless it holds a value.
#define STORE_OK(var, expr)                                                                                            \
    auto var = (expr);                                                                                                 \
    QVERIFY2(var.ok(), qPrintable(var.error()))

#define QVERIFY_OK(expr)                                                                                               \
    do {                                                                                                               \
        const auto s_ = (expr);                                                                                        \
        QVERIFY2(s_.ok(), qPrintable(s_.error()));                                                                     \
    } while (false)

namespace fleetdeck::test {

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

inline QString uniqueConnectionName(const char *prefix = "tst")
{
    return QLatin1String(prefix) + QLatin1Char('-') + newId();
}

// Runs one statement on a private connection (not through Store) and returns the first column of
// the first row (an invalid QVariant when there is none).
inline Result<QVariant> rawScalar(const StoreConfig &c, const QString &sql)
{
    const QString name = uniqueConnectionName("raw");
    Result<QVariant> out = QVariant();
    {
        const bool sqlite = c.driver == StoreConfig::Driver::Sqlite;
        QSqlDatabase db = QSqlDatabase::addDatabase(sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
        db.setDatabaseName(sqlite ? c.path : c.database);
        if (sqlite) {
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        } else {
            db.setHostName(c.host);
            db.setPort(c.port);
            db.setUserName(c.user);
        }
        if (!db.open()) {
            out = Result<QVariant>::failure(db.lastError().text());
        } else {
            QSqlQuery q(db);
            if (!q.exec(sql))
                out = Result<QVariant>::failure(q.lastError().text());
            else if (q.next())
                out = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

struct StoreEnv {
    std::unique_ptr<TestDatabase> db;
    ManualClock clock;
    std::unique_ptr<Store> store;

    // Creates the database and opens + migrates `store`. Returns an error text or an empty string.
    QString setUp(Backend backend)
    {
        QString error;
        db = TestDatabase::create(backend, &error);
        if (!db)
            return error;
        auto opened = open();
        if (!opened)
            return opened.error();
        store = std::move(opened.value());
        const auto v = store->migrate();
        return v ? QString() : v.error();
    }

    // The store of the current QTest row (the global "backend" column of addBackendColumns()),
    // created and migrated; null after failing the test with the reason.
    static std::unique_ptr<StoreEnv> forCurrentRow()
    {
        QFETCH_GLOBAL(fleetdeck::test::Backend, backend);
        auto env = std::make_unique<StoreEnv>();
        if (const QString err = env->setUp(backend); !err.isEmpty()) {
            QTest::qFail(qPrintable(err), __FILE__, __LINE__);
            return nullptr;
        }
        return env;
    }

    // Another connection (another "replica") on the same database; not migrated.
    Result<std::unique_ptr<Store>> open(const Clock *c = nullptr)
    {
        return Store::open(db->config(), c ? c : &clock, uniqueConnectionName());
    }

    ~StoreEnv()
    {
        store.reset(); // connections close before the database is dropped
    }
};

inline Operation makeOp(const QString &backend, const std::optional<QString> &targetNodeId = std::nullopt,
                        OpKind kind = OpKind::Install)
{
    Operation op;
    op.id = newId();
    op.kind = kind;
    op.backend = backend;
    op.targetNodeId = targetNodeId;
    op.cacheKey = makeCacheKey(backend, targetNodeId);
    op.params = QJsonObject{{QStringLiteral("kind"), toString(kind)}, {QStringLiteral("backend"), backend}};
    op.message = QStringLiteral("Queued");
    op.requestedBy = QStringLiteral("ctl:test@host");
    return op;
}

inline Node makeNode(const QString &name, NodeStatus status, qint64 lastHeartbeat, const QString &reason = {})
{
    Node n;
    n.id = newId();
    n.name = name;
    n.status = status;
    n.statusReason = reason;
    n.lastHeartbeat = lastHeartbeat;
    n.resources = QJsonObject{{QStringLiteral("gpu_vendor"), QStringLiteral("nvidia")}};
    return n;
}

inline NodeProgress makeRow(const QString &opId, const Node &node, NodeRowStatus status = NodeRowStatus::Queued)
{
    NodeProgress r;
    r.opId = opId;
    r.nodeId = node.id;
    r.nodeName = node.name;
    r.status = status;
    r.phase = QStringLiteral("waiting");
    return r;
}

inline PendingNodeOp makePending(const Node &node, const QString &backend, const std::optional<QString> &opId,
                                 qint64 nextRetryAt, OpKind kind = OpKind::Install)
{
    PendingNodeOp p;
    p.nodeId = node.id;
    p.backend = backend;
    p.op = kind;
    p.galleries = QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("main")},
                                         {QStringLiteral("url"), QStringLiteral("https://g.example/index.json")}}};
    p.entry = QJsonObject{{QStringLiteral("name"), backend}};
    p.opId = opId;
    p.nextRetryAt = nextRetryAt;
    return p;
}

// Moves a claimed and started op on to `state` as its owner would: running_on_worker through a
// progress write, a terminal state through finishOp; other states leave it running.
inline void advanceStartedOp(Store &s, const QString &opId, OpState state)
{
    if (state == OpState::RunningOnWorker) {
        OpProgressWrite w;
        w.opId = opId;
        w.state = OpState::RunningOnWorker;
        s.updateProgress(w);
    } else if (isTerminal(state)) {
        s.finishOp(opId, state, 0, QStringLiteral("x"), std::nullopt);
    }
}

// The node row of `node` in op `opId`, as the store has it.
inline std::optional<NodeProgress> nodeRowOf(Store &s, const QString &opId, const Node &node)
{
    const auto rows = s.nodeRows(opId);
    if (!rows)
        return std::nullopt;
    for (const NodeProgress &r : rows.value())
        if (r.nodeId == node.id)
            return r;
    return std::nullopt;
}

} // namespace fleetdeck::test
