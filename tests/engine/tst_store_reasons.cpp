// fleetdeck-test-labels: postgres
// Reason codes in the store (docs/reason-codes.md), on both engines: every writer of a text column
// writes its code and args beside it (migration 1003) and every reader gets them back; rows written
// before the migration, or by a build without codes after it, keep their text and have no code.
#include "tst_store_fixture.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {

const Reason kSha = Reason::make("sha256_mismatch", {{"backend", QStringLiteral("piper")},
                                                     {"expected", QStringLiteral("4be1")},
                                                     {"actual", QStringLiteral("9c07")}});

Reason installFailed(const Reason &why)
{
    return Reason::make("command_failed", {{"kind", QStringLiteral("install")}, {"error", reasonToJson(why)}});
}

} // namespace

class TstStoreReasons : public QObject {
    Q_OBJECT
    std::unique_ptr<StoreEnv> env;

    Result<QVariant> raw(const QString &sql) { return rawScalar(env->db->config(), sql); }

    // A started op with one node row on a healthy node.
    std::pair<Operation, Node> startedOp(const QString &backend)
    {
        const Node node = makeNode(QStringLiteral("gpu-") + newId().left(6), NodeStatus::Healthy, env->clock.nowMs());
        env->store->insertNode(node);
        Operation op = makeOp(backend);
        op.setMessage(Reason::make("queued"));
        op.nodes = {makeRow(op.id, node)};
        env->store->createOp(op);
        env->store->claimOp(QStringLiteral("me"), op.id);
        env->store->startOp(op.id, QStringLiteral("me"), Reason::make("processing_backend", {{"backend", backend}}), true);
        return {op, node};
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendColumns(); }
    void init() { QVERIFY((env = StoreEnv::forCurrentRow())); }
    void cleanup() { env.reset(); }

    void op_codes_round_trip()
    {
        auto [op, node] = startedOp(QStringLiteral("piper"));
        STORE_OK(started, env->store->getOp(op.id));
        QCOMPARE(started.value()->messageCode, Reason::make("processing_backend", {{"backend", QStringLiteral("piper")}}));
        QCOMPARE(started.value()->message, QStringLiteral("processing backend: piper"));
        const Reason file = Reason::make("processing_file", {{"file", QStringLiteral("p.tar")}, {"total_bytes", 2048}, {"current_bytes", 1024}});
        OpProgressWrite w{op.id, std::nullopt, true, 50, englishText(file), QStringLiteral("p.tar"), 1024, 2048, 2, file};
        STORE_OK(progressed, env->store->updateProgress(w));
        QCOMPARE(env->store->getOp(op.id).value()->messageCode, file);
        const Reason error = Reason::make("node_errors", {{"errors", QJsonArray{QJsonObject{{QStringLiteral("node"), node.name},
                                                                                             {QStringLiteral("error"), reasonToJson(installFailed(kSha))}}}}});
        STORE_OK(won, env->store->finishOp(op.id, OpState::Failed, 50, failedMessage(error), error));
        QVERIFY(won.value());
        STORE_OK(failed, env->store->getOp(op.id));
        QCOMPARE(failed.value()->error, std::optional<QString>(node.name + QStringLiteral(": install failed: sha256 mismatch for piper: expected 4be1, got 9c07")));
        QCOMPARE(failed.value()->errorCode, error);
        QCOMPARE(failed.value()->messageCode, failedMessage(error));
        // A newer op of the key supersedes the failure: its message says by which op, with a code.
        Operation next = makeOp(QStringLiteral("piper"));
        STORE_OK(created, env->store->createOp(next));
        QCOMPARE(created.value().superseded, QStringList{op.id});
        STORE_OK(superseded, env->store->getOp(op.id));
        QCOMPARE(superseded.value()->message, QStringLiteral("superseded by ") + next.id);
        QCOMPARE(superseded.value()->messageCode, Reason::make("superseded", {{"op", next.id}}));
        QCOMPARE(superseded.value()->errorCode, error); // the error stays
    }

    void node_row_codes_round_trip()
    {
        auto [op, node] = startedOp(QStringLiteral("whisper"));
        NodeProgress row = *nodeRowOf(*env->store, op.id, node);
        row.status = NodeRowStatus::Error;
        row.setError(installFailed(kSha));
        STORE_OK(written, env->store->updateNodeRow(row));
        NodeProgress stored = *nodeRowOf(*env->store, op.id, node);
        QCOMPARE(stored.errorCode, installFailed(kSha));
        QCOMPARE(stored.messageCode, installFailed(kSha));
        QCOMPARE(stored.error, row.error);
        // The set-based write binds its rows as JSON: the codes go through it too.
        STORE_OK(batch, env->store->updateNodeRows({NodeRowKey{op.id, node.id}}, [](const NodeProgress &cur) {
            NodeProgress n = cur;
            n.status = NodeRowStatus::Success;
            n.clearError();
            n.setMessage(Reason::make("confirmed_by_listing"));
            return std::optional<NodeProgress>(n);
        }, true));
        QCOMPARE(batch.value().size(), 1);
        stored = *nodeRowOf(*env->store, op.id, node);
        QCOMPARE(stored.messageCode, Reason::make("confirmed_by_listing"));
        QVERIFY(!stored.errorCode.hasCode());
        QVERIFY(!stored.error);
    }

    void reaper_and_cancel_rows_carry_codes()
    {
        auto [op, node] = startedOp(QStringLiteral("bark"));
        STORE_OK(reaped, env->store->failOpenNodeRows(op.id, Reason::make("reaped_node")));
        QCOMPARE(reaped.value(), 1);
        NodeProgress row = *nodeRowOf(*env->store, op.id, node);
        QCOMPARE(row.error, std::optional<QString>(QStringLiteral("reaped")));
        QCOMPARE(row.errorCode.code, QStringLiteral("reaped_node"));
        auto [other, node2] = startedOp(QStringLiteral("vllm"));
        QVERIFY_OK(env->store->cancelQueuedWork(other.id, Reason::make("cancelled_before_contact")));
        row = *nodeRowOf(*env->store, other.id, node2);
        QCOMPARE(row.messageCode.code, QStringLiteral("cancelled_before_contact"));
        // An admin's node deletion cancels the rows left with node_deleted.
        auto [third, node3] = startedOp(QStringLiteral("bark-2"));
        STORE_OK(ids, env->store->deleteNode(node3.id));
        row = env->store->nodeRows(third.id).value().first();
        QCOMPARE(row.message, QStringLiteral("node deleted by admin"));
        QCOMPARE(row.messageCode.code, QStringLiteral("node_deleted"));
    }

    void node_status_reason_and_history_round_trip()
    {
        Node n = makeNode(QStringLiteral("mac-mini-m4"), NodeStatus::Draining, env->clock.nowMs());
        n.setStatusReason(Reason::make("drained_by_admin"));
        QVERIFY_OK(env->store->insertNode(n));
        STORE_OK(found, env->store->findNode(n.id));
        QCOMPARE(found.value()->statusReasonCode.code, QStringLiteral("drained_by_admin"));
        QCOMPARE(found.value()->statusReason, QStringLiteral("drained by admin"));
        n.status = NodeStatus::Offline;
        n.setStatusReason(Reason::make("heartbeat_stale"));
        QVERIFY_OK(env->store->updateNode(n));
        QCOMPARE(env->store->findNode(n.id).value()->statusReasonCode.code, QStringLiteral("heartbeat_stale"));

        HistoryEntry h;
        h.entryKind = QStringLiteral("dead_letter");
        h.kind = QStringLiteral("install");
        h.backend = QStringLiteral("piper");
        h.outcome = QStringLiteral("dead_letter");
        h.messageCode = Reason::make("dead_lettered", {{"attempts", 10}});
        h.message = englishText(h.messageCode);
        h.errorCode = kSha;
        h.error = englishText(kSha);
        h.nodes = QJsonArray{QJsonObject{{QStringLiteral("node_name"), n.name}, {QStringLiteral("error_code"), kSha.code}}};
        h.replicaId = QStringLiteral("r");
        STORE_OK(id, env->store->appendHistory(h, 10));
        STORE_OK(back, env->store->historyEntry(id.value()));
        QCOMPARE(back.value()->messageCode, h.messageCode);
        QCOMPARE(back.value()->errorCode, kSha);
        QCOMPARE(back.value()->nodes, h.nodes);
    }

    // A row written by an older build after a newer one wrote its code: the text moved on, the
    // code did not; the code is dropped rather than worded wrongly.
    void a_code_that_no_longer_matches_its_text_is_dropped()
    {
        Node n = makeNode(QStringLiteral("cpu-edge-1"), NodeStatus::Offline, env->clock.nowMs());
        n.setStatusReason(Reason::make("heartbeat_stale"));
        QVERIFY_OK(env->store->insertNode(n));
        STORE_OK(upd, raw(QStringLiteral("UPDATE nodes SET status = 'draining', status_reason = 'drained by admin' WHERE id = '%1'").arg(n.id)));
        STORE_OK(found, env->store->findNode(n.id));
        QCOMPARE(found.value()->statusReason, QStringLiteral("drained by admin"));
        QVERIFY(!found.value()->statusReasonCode.hasCode());
    }

    // Migration 1003 on a store that already holds rows: they keep their text, have no code, and
    // what the engine matches by code it still finds by text (the sweep's admin-drained nodes).
    void rows_written_before_the_migration_keep_their_text()
    {
        // Back to schema 1002: the columns of 1003 dropped, its row forgotten.
        for (const char *table : {"operations", "operation_nodes", "history"})
            for (const char *col : {"message_code", "message_args", "error_code", "error_args"}) {
                STORE_OK(d, raw(QStringLiteral("ALTER TABLE %1 DROP COLUMN %2").arg(QLatin1String(table), QLatin1String(col))));
            }
        for (const char *col : {"status_reason_code", "status_reason_args"}) {
            STORE_OK(d, raw(QStringLiteral("ALTER TABLE nodes DROP COLUMN %1").arg(QLatin1String(col))));
        }
        STORE_OK(forget, raw(QStringLiteral("DELETE FROM schema_migrations WHERE version = 1003")));
        const QString nodeId = newId(), opId = newId();
        const qint64 old = env->clock.nowMs();
        STORE_OK(n, raw(QStringLiteral("INSERT INTO nodes (id, name, status, status_reason, last_heartbeat, created_at, updated_at) "
                                       "VALUES ('%1', 'mac-mini-m4', 'draining', 'drained by admin', %2, %2, %2)")
                            .arg(nodeId)
                            .arg(old)));
        STORE_OK(o, raw(QStringLiteral("INSERT INTO operations (id, kind, backend, cache_key, params, status, message, error, "
                                       "progress_at, created_at, updated_at, finished_at) VALUES ('%1', 'install', 'piper', "
                                       "'piper', '{}', 'failed', 'error: mac-mini-m4: install failed: sha256 mismatch', "
                                       "'mac-mini-m4: install failed: sha256 mismatch', %2, %2, %2, %2)")
                            .arg(opId)
                            .arg(old)));
        STORE_OK(r, raw(QStringLiteral("INSERT INTO operation_nodes (op_id, node_id, node_name, status, message, error, updated_at) "
                                       "VALUES ('%1', '%2', 'mac-mini-m4', 'error', 'install failed: sha256 mismatch', "
                                       "'install failed: sha256 mismatch', %3)")
                            .arg(opId, nodeId)
                            .arg(old)));
        STORE_OK(p, raw(QStringLiteral("INSERT INTO pending_node_ops (node_id, backend, op, created_at, next_retry_at) "
                                       "VALUES ('%1', 'piper', 'install', %2, %2)")
                            .arg(nodeId)
                            .arg(old)));
        env->store.reset();
        auto reopened = env->open();
        QVERIFY2(reopened, qPrintable(reopened.error()));
        env->store = std::move(reopened.value());
        STORE_OK(version, env->store->migrate());
        QCOMPARE(version.value(), 1003);

        STORE_OK(op, env->store->getOp(opId));
        QCOMPARE(op.value()->error, std::optional<QString>(QStringLiteral("mac-mini-m4: install failed: sha256 mismatch")));
        QCOMPARE(op.value()->message, QStringLiteral("error: mac-mini-m4: install failed: sha256 mismatch"));
        QVERIFY(!op.value()->errorCode.hasCode());
        QVERIFY(!op.value()->messageCode.hasCode());
        QCOMPARE(op.value()->nodes.size(), 1);
        QCOMPARE(op.value()->nodes[0].error, std::optional<QString>(QStringLiteral("install failed: sha256 mismatch")));
        QVERIFY(!op.value()->nodes[0].errorCode.hasCode());
        STORE_OK(node, env->store->findNode(nodeId));
        QCOMPARE(node.value()->statusReason, QStringLiteral("drained by admin"));
        QVERIFY(!node.value()->statusReasonCode.hasCode());
        STORE_OK(swept, env->store->deleteStalePending(15 * 60'000));
        QCOMPARE(swept.value().size(), 1); // behind an admin-drained node, however old its row
    }
};

QTEST_GUILESS_MAIN(TstStoreReasons)
#include "tst_store_reasons.moc"
