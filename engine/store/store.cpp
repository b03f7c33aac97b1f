// Store: connection, pragmas and the statement helpers of Store::Impl.
#include "store/store_impl.h"

#include "store/store_call_gate.h"

#include <QSqlError>

Q_LOGGING_CATEGORY(lcStore, "fleetdeck.engine.store")

namespace fleetdeck {

QString storeError(const char *op, const QString &text)
{
    return QLatin1String(op) + QLatin1String(": ") + text;
}

namespace {

// docs/architecture.md#store: every SQLite connection sets these.
Status applySqlitePragmas(StoreImpl &d)
{
    const auto mode = d.scalar("open", QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!mode)
        return Status::failure(mode.error());
    if (!mode.value() || mode.value()->toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return Status::failure(QStringLiteral("open: SQLite refused journal_mode=WAL"));
    for (const char *pragma : {"PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000", "PRAGMA synchronous=NORMAL"}) {
        if (Status s = d.execDirect("open", QString::fromLatin1(pragma)); !s)
            return s;
    }
    return okStatus();
}

} // namespace

Store::Store(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}

Result<std::unique_ptr<Store>> Store::open(const StoreConfig &config, const Clock *clock, const QString &connectionName,
                                           StoreCallGate *gate)
{
    using R = Result<std::unique_ptr<Store>>;
    if (QSqlDatabase::contains(connectionName))
        return R::failure(QStringLiteral("open: database connection name \"%1\" is already in use").arg(connectionName));
    const bool sqlite = config.driver == StoreConfig::Driver::Sqlite;
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"),
                                                    connectionName);
        if (!db.isValid()) {
            error = QStringLiteral("open: Qt SQL driver %1 is not available").arg(db.driverName());
        } else {
            if (sqlite) {
                db.setDatabaseName(config.path);
                db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
            } else {
                db.setHostName(config.host);
                db.setPort(config.port);
                db.setDatabaseName(config.database);
                db.setUserName(config.user);
                db.setPassword(config.password);
                db.setConnectOptions(QStringLiteral("connect_timeout=10"));
            }
            if (!db.open())
                error = QStringLiteral("open %1: %2").arg(config.dsn(), db.lastError().text());
        }
    }
    if (!error.isEmpty()) {
        QSqlDatabase::removeDatabase(connectionName);
        return R::failure(error);
    }
    auto impl = std::make_unique<Impl>();
    impl->config = config;
    impl->clock = clock;
    impl->connectionName = connectionName;
    impl->gate = gate;
    std::unique_ptr<Store> store(new Store(std::move(impl)));
    if (sqlite) {
        if (Status s = applySqlitePragmas(*store->d); !s)
            return R::failure(s.error());
    }
    qCDebug(lcStore) << "opened" << config.dsn() << "as" << connectionName;
    return store;
}

Store::~Store()
{
    d->lockFiles.clear(); // QLockFile unlocks on destruction; PostgreSQL locks go with the session
    d->dropStatements();
    const QString name = d->connectionName;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Status Store::ping()
{
    if (d->execDirect("ping", QStringLiteral("SELECT 1")))
        return okStatus();
    // The connection is gone (server restarted, network cut): QSqlDatabase does not reconnect by
    // itself. Close and open again; a new PostgreSQL session holds none of the advisory locks.
    d->inTransaction = false;
    d->pgLocks.clear();
    d->dropStatements(); // prepared on the connection that is closed now
    QString error;
    {
        QSqlDatabase db = d->db();
        db.close();
        if (!db.open())
            error = QStringLiteral("open %1: %2").arg(d->config.dsn(), db.lastError().text());
    }
    if (!error.isEmpty())
        return Status::failure(error);
    ++d->reopens;
    qCInfo(lcStore) << "reopened" << d->config.dsn();
    if (d->isSqlite()) {
        if (Status s = applySqlitePragmas(*d); !s) {
            // Never keep a connection without its pragmas (foreign keys off would let a node's
            // deletion leave its pending rows behind): the next ping opens it again (sim seed 7).
            d->db().close();
            return s;
        }
    }
    return d->execDirect("ping", QStringLiteral("SELECT 1"));
}

int Store::reopenCount() const
{
    return d->reopens;
}

StoreConfig::Driver Store::driver() const
{
    return d->config.driver;
}

const StoreConfig &Store::config() const
{
    return d->config;
}

QString StoreImpl::injectedFault(const char *op) const
{
    // A rollback always reaches the database: a transaction must not outlive an injected failure.
    if (!gate || qstrcmp(op, "rollback") == 0)
        return {};
    const QString fault = gate->statementFault(connectionName);
    return fault.isEmpty() ? QString() : storeError(op, fault);
}

Result<CachedStatement> StoreImpl::exec(const char *op, const QString &sql, const QList<Bind> &binds)
{
    if (const QString fault = injectedFault(op); !fault.isEmpty()) {
        if (inTransaction)
            rollback();
        return Result<CachedStatement>::failure(fault);
    }
    std::optional<QSqlQuery> q;
    bool ready = false;
    if (auto it = statements.find(sql); it != statements.end() && !it->second.empty()) {
        q.emplace(std::move(it->second.back()));
        it->second.pop_back();
        bind(*q, binds);
        ready = true;
    } else {
        q.emplace(db());
        ready = prepare(*q, sql, binds);
    }
    if (!ready || !q->exec()) {
        const QString msg = storeError(op, q->lastError().text());
        qCDebug(lcStore).noquote() << msg << "in" << sql;
        if (inTransaction)
            rollback(); // before q goes: a PostgreSQL transaction is aborted anyway
        return Result<CachedStatement>::failure(msg); // a statement that failed is not kept
    }
    return CachedStatement(this, sql, std::move(*q), statementGeneration);
}

CachedStatement::~CachedStatement()
{
    if (!m_owner)
        return;
    m_q.finish(); // SQLite: reset, no read left open; PostgreSQL: the result is freed
    m_owner->checkIn(std::move(m_sql), std::move(m_q), m_generation);
}

void StoreImpl::checkIn(QString sql, QSqlQuery q, int generation)
{
    constexpr size_t kMaxTexts = 512; // statement texts are few; a bound keeps any leak small
    if (generation != statementGeneration)
        return;
    if (statements.size() >= kMaxTexts && statements.find(sql) == statements.end())
        return;
    statements[std::move(sql)].push_back(std::move(q));
}

void StoreImpl::dropStatements()
{
    statements.clear();
    ++statementGeneration;
}

bool StoreImpl::prepare(QSqlQuery &q, const QString &sql, const QList<Bind> &binds)
{
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return false;
    bind(q, binds);
    return true;
}

void StoreImpl::bind(QSqlQuery &q, const QList<Bind> &binds)
{
    for (const Bind &b : binds) {
        QVariant v = b.value;
        // Both drivers bind a null QString as SQL NULL; NULL is spelled QVariant() here, and a
        // string is always a value (the NOT NULL text columns default to '').
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            v = QVariant(QStringLiteral(""));
        q.bindValue(QLatin1Char(':') + QLatin1String(b.name), v);
    }
}

Status StoreImpl::execDirect(const char *op, const QString &sql)
{
    if (const QString fault = injectedFault(op); !fault.isEmpty())
        return Status::failure(fault);
    QSqlQuery q(db());
    if (!q.exec(sql)) {
        const QString msg = storeError(op, q.lastError().text());
        qCDebug(lcStore).noquote() << msg << "in" << sql;
        return Status::failure(msg);
    }
    return okStatus();
}

Result<std::optional<QVariant>> StoreImpl::scalar(const char *op, const QString &sql, const QList<Bind> &binds)
{
    using R = Result<std::optional<QVariant>>;
    auto q = exec(op, sql, binds);
    if (!q)
        return R::failure(q.error());
    std::optional<QVariant> v;
    if (q.value().next())
        v = q.value().value(0);
    q.value().finish();
    return v;
}

Status StoreImpl::begin(const char *op)
{
    Q_ASSERT(!inTransaction);
    Status s = execDirect(op, isSqlite() ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
    if (s)
        inTransaction = true;
    return s;
}

Status StoreImpl::commit(const char *op)
{
    Status s = execDirect(op, QStringLiteral("COMMIT"));
    if (!s) {
        rollback();
        return s;
    }
    inTransaction = false;
    return s;
}

void StoreImpl::rollback()
{
    inTransaction = false;
    if (Status s = execDirect("rollback", QStringLiteral("ROLLBACK")); !s)
        qCWarning(lcStore).noquote() << s.error();
}

} // namespace fleetdeck
