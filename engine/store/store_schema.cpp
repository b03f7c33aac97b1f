// Schema (docs/architecture.md#store, #store): one DDL text for both engines, versioned migrations,
// migration lock.
#include "store/store_codec.h"

#include "core/id_source.h"
#include "store/store_impl.h"

#include <QDeadlineTimer>
#include <QStringList>
#include <QThread>
#include <algorithm>

namespace fleetdeck {
namespace {

constexpr int kBuildMajor = 1;

// docs/architecture.md#store, verbatim. `<PK_AUTO>` is the only dialect token.
const char *const kDdl1001 = R"sql(
CREATE TABLE schema_migrations (
  version         INTEGER  PRIMARY KEY,
  name            TEXT     NOT NULL,
  applied_at      BIGINT   NOT NULL);

CREATE TABLE settings (
  key             TEXT     PRIMARY KEY,
  value           TEXT     NOT NULL,                    -- compact JSON value
  updated_at      BIGINT   NOT NULL,
  updated_by      TEXT     NOT NULL DEFAULT '');

CREATE TABLE nodes (
  id              TEXT     PRIMARY KEY,
  name            TEXT     NOT NULL,
  status          TEXT     NOT NULL CHECK (status IN ('pending','healthy','unhealthy','offline','draining')),
  status_reason   TEXT     NOT NULL DEFAULT '',
  labels          TEXT     NOT NULL DEFAULT '{}',
  last_heartbeat  BIGINT   NOT NULL,
  resources       TEXT     NOT NULL DEFAULT '{}',
  worker_version  TEXT     NOT NULL DEFAULT '',
  created_at      BIGINT   NOT NULL,
  updated_at      BIGINT   NOT NULL);
CREATE UNIQUE INDEX nodes_name_lower_idx ON nodes (lower(name));
CREATE INDEX nodes_status_idx ON nodes (status);

CREATE TABLE pending_node_ops (
  id              <PK_AUTO>,
  node_id         TEXT     NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
  backend         TEXT     NOT NULL CHECK (backend <> ''),
  op              TEXT     NOT NULL CHECK (op IN ('install','upgrade','delete')),
  galleries       TEXT     NOT NULL DEFAULT '[]',
  entry           TEXT     NOT NULL DEFAULT '{}',
  force_reinstall SMALLINT NOT NULL DEFAULT 0,
  op_id           TEXT     NULL,
  attempts        INTEGER  NOT NULL DEFAULT 0,
  last_error      TEXT     NOT NULL DEFAULT '',
  in_flight       SMALLINT NOT NULL DEFAULT 0,
  created_at      BIGINT   NOT NULL,
  next_retry_at   BIGINT   NOT NULL,
  UNIQUE (node_id, backend));
CREATE INDEX pending_node_ops_due_idx ON pending_node_ops (next_retry_at);
CREATE INDEX pending_node_ops_op_idx  ON pending_node_ops (op_id);

CREATE TABLE operations (
  id               TEXT     PRIMARY KEY,
  kind             TEXT     NOT NULL CHECK (kind IN ('install','upgrade','delete')),
  backend          TEXT     NOT NULL,
  force            SMALLINT NOT NULL DEFAULT 0,
  cache_key        TEXT     NOT NULL,
  active_key       TEXT     NULL UNIQUE,
  target_node_id   TEXT     NULL,
  params           TEXT     NOT NULL,
  status           TEXT     NOT NULL CHECK (status IN ('queued','running','running_on_worker','success','failed','cancelled')),
  cancellable      SMALLINT NOT NULL DEFAULT 1,
  progress         INTEGER  NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  message          TEXT     NOT NULL DEFAULT '',
  error            TEXT     NULL,
  file_name        TEXT     NOT NULL DEFAULT '',
  current_bytes    BIGINT   NOT NULL DEFAULT 0,
  total_bytes      BIGINT   NOT NULL DEFAULT 0,
  owner_replica_id TEXT     NULL,
  requested_by     TEXT     NOT NULL DEFAULT '',
  retry_of         TEXT     NULL,
  dismissed_at     BIGINT   NULL,
  progress_at      BIGINT   NOT NULL,
  created_at       BIGINT   NOT NULL,
  updated_at       BIGINT   NOT NULL,
  finished_at      BIGINT   NULL);
CREATE INDEX operations_status_updated_idx ON operations (status, updated_at);
CREATE INDEX operations_cache_key_idx      ON operations (cache_key);
CREATE INDEX operations_finished_idx       ON operations (finished_at);

CREATE TABLE operation_nodes (
  op_id           TEXT     NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
  node_id         TEXT     NOT NULL,
  node_name       TEXT     NOT NULL,
  status          TEXT     NOT NULL CHECK (status IN ('queued','downloading','verifying','extracting',
                                                      'running_on_worker','success','error','cancelled')),
  percentage      INTEGER  NOT NULL DEFAULT 0 CHECK (percentage BETWEEN 0 AND 100),
  current_bytes   BIGINT   NOT NULL DEFAULT 0,
  total_bytes     BIGINT   NOT NULL DEFAULT 0,
  file_name       TEXT     NOT NULL DEFAULT '',
  phase           TEXT     NOT NULL DEFAULT '',
  message         TEXT     NOT NULL DEFAULT '',
  error           TEXT     NULL,
  updated_at      BIGINT   NOT NULL,
  PRIMARY KEY (op_id, node_id));

CREATE TABLE history (
  id              <PK_AUTO>,
  entry_kind      TEXT     NOT NULL CHECK (entry_kind IN ('operation','dead_letter')),
  op_id           TEXT     NULL,
  kind            TEXT     NOT NULL,
  backend         TEXT     NOT NULL,
  node_id         TEXT     NULL,
  node_name       TEXT     NULL,
  outcome         TEXT     NOT NULL CHECK (outcome IN ('success','failed','cancelled','dead_letter')),
  message         TEXT     NOT NULL DEFAULT '',
  error           TEXT     NULL,
  params          TEXT     NOT NULL DEFAULT '{}',
  nodes           TEXT     NOT NULL DEFAULT '[]',
  attempts        INTEGER  NULL,
  requested_by    TEXT     NOT NULL DEFAULT '',
  replica_id      TEXT     NOT NULL,
  started_at      BIGINT   NULL,
  finished_at     BIGINT   NOT NULL);
CREATE INDEX history_finished_idx ON history (finished_at);
)sql";

struct Migration {
    int version;
    const char *name;
    const char *ddl;
};

// docs/operations.md "Revisions": newer state wins.
const char *const kDdl1002 = R"sql(
ALTER TABLE operations ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE operation_nodes ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
)sql";

// docs/reason-codes.md: the code and args beside each English text; NULL on rows written before
// (they keep their text) and for a text without a code.
const char *const kDdl1003 = R"sql(
ALTER TABLE operations ADD COLUMN message_code TEXT NULL;
ALTER TABLE operations ADD COLUMN message_args TEXT NULL;
ALTER TABLE operations ADD COLUMN error_code TEXT NULL;
ALTER TABLE operations ADD COLUMN error_args TEXT NULL;
ALTER TABLE operation_nodes ADD COLUMN message_code TEXT NULL;
ALTER TABLE operation_nodes ADD COLUMN message_args TEXT NULL;
ALTER TABLE operation_nodes ADD COLUMN error_code TEXT NULL;
ALTER TABLE operation_nodes ADD COLUMN error_args TEXT NULL;
ALTER TABLE nodes ADD COLUMN status_reason_code TEXT NULL;
ALTER TABLE nodes ADD COLUMN status_reason_args TEXT NULL;
ALTER TABLE history ADD COLUMN message_code TEXT NULL;
ALTER TABLE history ADD COLUMN message_args TEXT NULL;
ALTER TABLE history ADD COLUMN error_code TEXT NULL;
ALTER TABLE history ADD COLUMN error_args TEXT NULL;
)sql";

const Migration kMigrations[] = {
    {1001, "initial schema", kDdl1001},
    {1002, "op revision", kDdl1002},
    {1003, "reason codes", kDdl1003},
};

// Splits a DDL text into statements (QSQLITE refuses several in one call): comments dropped,
// `<PK_AUTO>` replaced for the driver.
QStringList statements(const char *ddl, bool sqlite)
{
    QString text;
    for (const QString &line : QString::fromUtf8(ddl).split(QLatin1Char('\n'))) {
        const qsizetype comment = line.indexOf(QLatin1String("--"));
        text += (comment < 0 ? line : line.left(comment)) + QLatin1Char('\n');
    }
    text.replace(QLatin1String("<PK_AUTO>"), sqlite ? QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT")
                                                    : QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
    QStringList out;
    for (const QString &s : text.split(QLatin1Char(';'))) {
        const QString t = s.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

Result<QList<int>> appliedVersions(StoreImpl &d)
{
    using R = Result<QList<int>>;
    const QString exists = d.isSqlite()
        ? QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        : QStringLiteral("SELECT COUNT(*) FROM information_schema.tables "
                         "WHERE table_schema = current_schema() AND table_name = 'schema_migrations'");
    const auto n = d.scalar("schemaVersion", exists);
    if (!n)
        return R::failure(n.error());
    QList<int> versions;
    if (!n.value() || n.value()->toInt() == 0)
        return versions;
    auto q = d.exec("schemaVersion", QStringLiteral("SELECT version FROM schema_migrations ORDER BY version"));
    if (!q)
        return R::failure(q.error());
    while (q.value().next())
        versions << q.value().value(0).toInt();
    return versions;
}

// SQLite's migration lock is the write lock itself: BEGIN IMMEDIATE retried for 60 s
// (docs/architecture.md#pass-locks).
Status beginMigration(StoreImpl &d, Transaction &tx)
{
    QDeadlineTimer deadline(60'000);
    for (;;) {
        Status s = tx.begin();
        if (s || !d.isSqlite())
            return s;
        if (deadline.hasExpired())
            return Status::failure(QStringLiteral("migration lock held"));
        qCInfo(lcStore).noquote() << "waiting for the migration lock:" << s.error();
        QThread::msleep(200);
    }
}

Status applyMigration(StoreImpl &d, const Migration &m)
{
    const char *op = "migrate";
    Transaction tx(d, op);
    if (Status s = beginMigration(d, tx); !s)
        return s;
    const auto applied = appliedVersions(d); // re-read under the lock: a peer may have applied it
    if (!applied)
        return Status::failure(applied.error());
    if (applied.value().contains(m.version))
        return tx.commit();
    for (const QString &stmt : statements(m.ddl, d.isSqlite())) {
        if (Status s = d.execDirect(op, stmt); !s)
            return s;
    }
    const qint64 now = d.now();
    if (m.version == 1001) {
        const QString clusterId = ids::newUuid();
        auto q = d.exec(op,
                        QStringLiteral("INSERT INTO settings (key, value, updated_at, updated_by) "
                                       "VALUES ('cluster_id', :value, :now, 'migration')"),
                        {{"value", storecodec::jsonText(QJsonValue(clusterId))}, {"now", now}});
        if (!q)
            return Status::failure(q.error());
    }
    auto q = d.exec(op,
                    QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :name, :now)"),
                    {{"v", m.version}, {"name", QString::fromLatin1(m.name)}, {"now", now}});
    if (!q)
        return Status::failure(q.error());
    if (Status s = tx.commit(); !s)
        return s;
    qCInfo(lcStore) << "applied migration" << m.version << m.name;
    return okStatus();
}

Result<int> applyAll(StoreImpl &d)
{
    using R = Result<int>;
    const auto applied = appliedVersions(d);
    if (!applied)
        return R::failure(applied.error());
    const int storeVersion = applied.value().isEmpty() ? 0 : applied.value().last();
    if (storeVersion / 1000 > kBuildMajor) {
        return R::failure(QStringLiteral("store schema version %1 is newer than this build supports (%2.x)")
                              .arg(storeVersion)
                              .arg(kBuildMajor));
    }
    if (storeVersion > Store::buildSchemaVersion()) {
        const QString msg = QStringLiteral("store schema version %1 is newer than this build (%2)")
                                .arg(storeVersion)
                                .arg(Store::buildSchemaVersion());
        qCWarning(lcStore, "%s", qUtf8Printable(msg));
    }
    for (const Migration &m : kMigrations) {
        if (applied.value().contains(m.version))
            continue;
        if (Status s = applyMigration(d, m); !s)
            return R::failure(s.error());
    }
    const auto after = appliedVersions(d);
    if (!after)
        return R::failure(after.error());
    return after.value().isEmpty() ? 0 : after.value().last();
}

} // namespace

int Store::buildSchemaVersion()
{
    return std::max_element(std::begin(kMigrations), std::end(kMigrations),
                            [](const Migration &a, const Migration &b) { return a.version < b.version; })
        ->version;
}

Result<int> Store::migrate()
{
    using R = Result<int>;
    if (d->isSqlite())
        return applyAll(*d);
    // PostgreSQL: session advisory lock, tried every second for 60 s
    // (docs/architecture.md#pass-locks).
    QDeadlineTimer deadline(60'000);
    for (;;) {
        const auto got = d->scalar("migrate", QStringLiteral("SELECT pg_try_advisory_lock(72600, 1)"));
        if (!got)
            return R::failure(got.error());
        if (got.value() && got.value()->toBool())
            break;
        if (deadline.hasExpired())
            return R::failure(QStringLiteral("migration lock held"));
        qCInfo(lcStore) << "waiting for the migration lock";
        QThread::sleep(1);
    }
    R result = applyAll(*d);
    if (const auto un = d->scalar("migrate", QStringLiteral("SELECT pg_advisory_unlock(72600, 1)")); !un)
        qCWarning(lcStore).noquote() << un.error();
    return result;
}

Result<int> Store::schemaVersion()
{
    const auto applied = appliedVersions(*d);
    if (!applied)
        return Result<int>::failure(applied.error());
    return applied.value().isEmpty() ? 0 : applied.value().last();
}

Result<QString> Store::clusterId()
{
    const auto v = setting(QStringLiteral("cluster_id"));
    if (!v)
        return Result<QString>::failure(v.error());
    if (!v.value() || !v.value()->isString())
        return Result<QString>::failure(QStringLiteral("clusterId: the store has no cluster_id (not migrated)"));
    return v.value()->toString();
}

} // namespace fleetdeck
