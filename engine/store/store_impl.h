#pragma once
// Private state of Store and the statement helpers every store_*.cpp uses. Not installed, not
// included outside engine/store.
#include "store/store.h"

#include <QHash>
#include <QLockFile>
#include <QLoggingCategory>
#include <QPair>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>
#include <initializer_list>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace fleetdeck {

struct StoreImpl;

// A prepared statement checked out of its connection's cache (StoreImpl::exec) for one execution:
// rows are read through it (it converts to the QSqlQuery the row decoders take), and when it goes
// out of scope it is finished and goes back to the cache. A statement text is thus prepared once
// per connection: on PostgreSQL one round trip per execution instead of PREPARE, EXECUTE and
// DEALLOCATE; on SQLite no parse per execution.
class CachedStatement final {
public:
    CachedStatement(StoreImpl *owner, QString sql, QSqlQuery q, int generation)
        : m_owner(owner), m_sql(std::move(sql)), m_q(std::move(q)), m_generation(generation)
    {
    }
    CachedStatement(CachedStatement &&other) noexcept
        : m_owner(std::exchange(other.m_owner, nullptr)), m_sql(std::move(other.m_sql)), m_q(std::move(other.m_q)),
          m_generation(other.m_generation)
    {
    }
    CachedStatement &operator=(CachedStatement &&) = delete;
    ~CachedStatement();

    bool next() { return m_q.next(); }
    QVariant value(int i) const { return m_q.value(i); }
    int numRowsAffected() const { return m_q.numRowsAffected(); }
    void finish() { m_q.finish(); }
    operator const QSqlQuery &() const { return m_q; } // NOLINT: the row decoders take a QSqlQuery

private:
    StoreImpl *m_owner;
    QString m_sql;
    QSqlQuery m_q;
    int m_generation;
};

// Every row of a query that ran, mapped by fromRow (const QSqlQuery & → row type); the query's
// error otherwise.
template <class FromRow>
auto rowsOf(Result<CachedStatement> q, FromRow fromRow)
    -> Result<QList<std::decay_t<decltype(fromRow(std::declval<const QSqlQuery &>()))>>>
{
    using Row = std::decay_t<decltype(fromRow(std::declval<const QSqlQuery &>()))>;
    if (!q)
        return Result<QList<Row>>::failure(q.error());
    QList<Row> rows;
    while (q.value().next())
        rows << fromRow(q.value());
    return rows;
}

// One named bind value of a prepared statement; `name` without the leading ':'.
struct Bind {
    const char *name;
    QVariant value;
};

using NodeKey = QPair<QString, QString>; // (op_id, node_id)

// A column of StoreImpl::jsonTable: the JSON array's element `name` is read as text or as an integer.
struct JsonColumn {
    const char *name;
    bool integer = false;
};

struct QStringHasher {
    size_t operator()(const QString &s) const noexcept { return qHash(s); }
};

struct StoreImpl {
    StoreConfig config;
    const Clock *clock = nullptr;
    QString connectionName;
    bool inTransaction = false;
    StoreCallGate *gate = nullptr; // the simulator's fault seam; null in production

    // Throttled non-terminal writes (store_progress.cpp).
    QHash<QString, OpProgressWrite> queuedOps;
    QHash<QString, qint64> opWrittenAt;
    QHash<NodeKey, NodeProgress> queuedNodes;
    QHash<NodeKey, qint64> nodeWrittenAt;

    // Pass locks held by this store (store_locks.cpp).
    QHash<int, std::shared_ptr<QLockFile>> lockFiles;
    QSet<int> pgLocks;
    int reopens = 0; // store_connection.cpp

    // Prepared statements of this connection by SQL text (exec); dropped when the connection
    // closes (a statement checked out then is not taken back: the generation changed).
    std::unordered_map<QString, std::vector<QSqlQuery>, QStringHasher> statements;
    int statementGeneration = 0;
    void checkIn(QString sql, QSqlQuery q, int generation);
    void dropStatements();

    QSqlDatabase db() const { return QSqlDatabase::database(connectionName, false); }
    qint64 now() const { return clock->nowMs(); }
    // The gate's fault for this connection, as the statement's error ("" = none).
    QString injectedFault(const char *op) const;
    bool isSqlite() const { return config.driver == StoreConfig::Driver::Sqlite; }

    // Executes one statement, prepared once per connection (CachedStatement). On failure the error
    // reads "<op>: <driver text>"; inside a transaction the transaction is rolled back at once
    // (PostgreSQL aborts it anyway).
    Result<CachedStatement> exec(const char *op, const QString &sql, const QList<Bind> &binds = {});
    // Prepares `sql` on q and binds `binds` (QVariant() binds NULL, a null QString binds '').
    bool prepare(QSqlQuery &q, const QString &sql, const QList<Bind> &binds);
    static void bind(QSqlQuery &q, const QList<Bind> &binds);

    // Set-based statements (store_batch.cpp) take their rows as one bound JSON array of arrays, so
    // that one statement text serves any number of rows. jsonTable(":rows", cols) is a subquery,
    // `(SELECT … AS <name>, … FROM <the elements of :rows>)`, whose columns are the elements'
    // items in the order of `cols` — the dialect's only difference: json_each and json_extract
    // on SQLite, jsonb_array_elements and ->> on PostgreSQL.
    QString jsonTable(const char *param, std::initializer_list<JsonColumn> cols) const;
    // Executes a statement without binds and without preparing it (BEGIN, COMMIT, DDL, PRAGMA).
    Status execDirect(const char *op, const QString &sql);
    // Runs a single-row scalar query; nullopt when it returned no row.
    Result<std::optional<QVariant>> scalar(const char *op, const QString &sql, const QList<Bind> &binds = {});

    // Explicit transactions: `BEGIN IMMEDIATE` on SQLite (busy_timeout applies), `BEGIN` on PostgreSQL.
    Status begin(const char *op);
    Status commit(const char *op);
    void rollback();

    // Guarded writes shared by the immediate and the throttled paths; run inside the caller's
    // transaction (or autocommit).
    Result<bool> writeProgress(const char *op, const OpProgressWrite &w, qint64 nowMs);
    Result<bool> writeNodeRow(const char *op, const NodeProgress &row, bool allowTerminalRewrite, qint64 nowMs);
    // Queued writes of one op (nullptr: every due write) inside one transaction.
    Status flushQueued(const char *op, const QString *opId);

    Result<QList<NodeProgress>> loadNodeRows(const char *op, const QString &whereSql, const QList<Bind> &binds);
    Result<QList<Operation>> loadOps(const char *op, const QString &whereSql, const QList<Bind> &binds);
    Result<std::optional<Operation>> activeOpForKey(const char *op, const QString &cacheKey);
    Status insertNodeRowsIn(const char *op, const QList<NodeProgress> &rows, qint64 nowMs);
    // Set-based writeNodeRow (store_batch.cpp): reads the rows of `keys`, asks `change` for each
    // new value and writes them, each op of a written row bumped once; in the caller's
    // transaction. Returns the rows written, as written.
    Result<QList<NodeProgress>> changeNodeRows(const char *op, const QList<NodeRowKey> &keys, const NodeRowChange &change,
                                               bool allowTerminalRewrite, qint64 nowMs);
};

// Store's private part; Store::Impl only names it, so helpers outside Store can take it.
struct Store::Impl : StoreImpl {};

// Rolls back on scope exit unless committed.
class Transaction final {
public:
    Transaction(StoreImpl &d, const char *op) : m_d(d), m_op(op) {}
    ~Transaction()
    {
        if (m_open && m_d.inTransaction)
            m_d.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    Status begin()
    {
        Status s = m_d.begin(m_op);
        m_open = s.ok();
        return s;
    }
    Status commit()
    {
        m_open = false;
        return m_d.commit(m_op);
    }

private:
    StoreImpl &m_d;
    const char *m_op;
    bool m_open = false;
};

QString storeError(const char *op, const QString &text);

} // namespace fleetdeck
