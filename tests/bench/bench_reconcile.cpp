// One reconcile pass at cluster scale (issue #13 "Performance at cluster scale"): 100,000 pending rows
// and 1,000 nodes in mixed statuses, on PostgreSQL and on SQLite. Measures the store work of one pass:
// the functions ReconcilePass runs on its store thread (engine/cluster/reconcile_steps.h,
// listing_effects.h applyListingEffectsInStore, op_reevaluation.h loadReevaluationInStore), called
// in the pass's order with its arguments on a migrated Store: sweep (deleteStalePending settles the
// node rows in its transaction; then the re-evaluation and refresh read of the touched ops), due list
// (listNodes, the nodes with due or leased rows), confirm (listing effects, then the re-evaluation
// read), retry (listDue, deferral of rows still running), the first wave's leases (retry_parallel
// rows, one per node, leaseDue) and results, finish (re-evaluation and refresh read of the touched
// ops). The replica holds every op in memory, as hydration left it before the pass (read outside the
// timed steps): the re-evaluation reads those as deltas (docs/operations.md#reconcile-pass,
// "Refresh"), and its timed step includes merging them into the memory copies.
// Each re-evaluation also makes the terminal writes of the ops it finishes (finishInStore, as
// OperationService::finishOps: the guarded writes, the ops read back, their History entries).
// Excluded: waits for node replies (made up in memory: 10 % of a node's due or leased backends listed
// as installed, half its leased and 5 % of its due rows as running jobs, first-wave replies
// alternately success and failure), the store thread's hop, the engine-thread work between the calls.
// Baseline, same run and connection: one SELECT of every column of every pending row, each value read.
// Target on PostgreSQL: < 250 ms (stretch < 100 ms); asserts nothing about time. PostgreSQL: a fresh
// database, dropped at the end, on the CTest fixture's server ($FLEETDECK_TEST_SERVERS_DIR/pg/dsn, as
// test_db.h finds it) or --dsn's.
//   bench_reconcile [--pending N] [--nodes N] [--op-nodes N] [--backend sqlite|postgres|both] [--dsn DSN]
#include "cluster/cluster_listing.h"
#include "cluster/listing_effects.h"
#include "cluster/op_reevaluation.h"
#include "cluster/reconcile_steps.h"
#include "config/cluster_settings.h"
#include "core/clock.h"
#include "ops/history_builder.h"
#include "store/store.h"
#include "test_db.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {

constexpr qint64 kS = 1000;

// A failed store call ends the run (exit 1): figures of a pass that did not happen are no figures.
struct StoreFailure { QString error; };
template <class T>
T must(Result<T> r)
{
    return r ? std::move(r.value()) : throw StoreFailure{r.error()};
}
struct Step { QString name, detail; double ms = 0; };

// Seeding goes around the Store API on purpose: Store::upsertPending / insertNode prepare, run and
// drop one statement per row (three round trips each on PostgreSQL), far too slow for 100,000 rows.
// Direct multi-row INSERTs of the same schema, 500 rows a statement, in one transaction.
void insertRows(QSqlDatabase db, const char *table, const char *cols, const QList<QVariantList> &rows)
{
    constexpr qsizetype kBatch = 500;
    const QString tuple = QLatin1Char('(') + QStringList(rows.value(0).size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    for (qsizetype at = 0; at < rows.size(); at += kBatch) {
        const qsizetype n = std::min(kBatch, rows.size() - at);
        QSqlQuery q(db);
        const bool ok = q.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(QLatin1String(table), QLatin1String(cols))
                                  + QStringList(n, tuple).join(QLatin1Char(',')));
        int pos = 0;
        for (qsizetype i = 0; ok && i < n; ++i)
            for (const QVariant &v : rows[at + i]) // a null QString is '' here, as Store binds it
                q.bindValue(pos++, v.typeId() == QMetaType::QString && v.toString().isNull() ? QVariant(QStringLiteral("")) : v);
        if (!ok || !q.exec())
            throw StoreFailure{QStringLiteral("seeding %1: %2").arg(QLatin1String(table), q.lastError().text())};
    }
}

struct Seeded { int nodeCount[5] = {}, ops = 0, nodeRows = 0, opRows = 0, background = 0, due = 0, leased = 0; }; // nodeCount by NodeStatus

// Nodes: 80 % healthy, 5 % draining (2 % by admin, 3 % worker shutting down), 8 % offline, 7 % unhealthy
// (3 % and 2 % past reconcile/pending_grace_s). Pending rows spread evenly, one per (node, backend): 60 %
// of a node's rows belong to ops (one per backend slot and group of --op-nodes nodes, as a fan-out
// enqueues them; 10 % running, 60 % running_on_worker, 30 % failed; a node row per pending row), 40 % are
// background rows (op_id NULL). Rows: 10 % leased (in_flight), 30 % due, 60 % waiting for their backoff.
void seed(QSqlDatabase db, int nNodes, int nPending, int opNodes, qint64 now, qint64 grace, Seeded *out)
{
    std::mt19937 rng(13);
    auto pick = [&rng](int below) { return int(rng() % unsigned(below)); };
    QList<QVariantList> nodes, ops, nodeRows, pending;
    QStringList nodeIds, nodeNames;
    for (int i = 0; i < nNodes; ++i) {
        const int c = i * 37 % 100; // a permutation of 0..99: small runs get every kind too
        const NodeStatus st = c < 80 ? NodeStatus::Healthy : c < 85 ? NodeStatus::Draining : c < 93 ? NodeStatus::Offline : NodeStatus::Unhealthy;
        const QString reason = c < 80 ? QString() : c < 82 ? QStringLiteral("drained by admin") : c < 85 ? QStringLiteral("worker shutting down")
                                                  : c < 93 ? QStringLiteral("no heartbeat") : QStringLiteral("no responders");
        const bool stale = (c >= 85 && c < 88) || (c >= 93 && c < 95); // past the grace: swept
        const qint64 beat = c < 80 ? now - pick(10) * kS : stale ? now - grace - (60 + pick(3600)) * kS : now - (30 + pick(270)) * kS;
        ++out->nodeCount[int(st)];
        nodeIds << QUuid::createUuid().toString(QUuid::WithoutBraces);
        nodeNames << QStringLiteral("node-%1").arg(i, 4, 10, QLatin1Char('0'));
        nodes << QVariantList{nodeIds.last(), nodeNames.last(), toString(st), reason, QStringLiteral("{\"rack\":\"r%1\"}").arg(i / 40), beat,
                              QStringLiteral("{\"gpu_vendor\":\"nvidia\",\"gpus\":8}"), QStringLiteral("0.1.0"), now - 86400 * kS, beat};
    }
    const int perNode = (nPending + nNodes - 1) / nNodes, opSlots = std::max(1, perNode * 6 / 10);
    const int groups = (nNodes + opNodes - 1) / opNodes;
    auto opState = [](int k) { return k % 10 == 0 ? OpState::Running : k % 10 <= 3 ? OpState::Failed : OpState::RunningOnWorker; };
    auto opKind = [](int k) { return k / 10 % 10 < 7 ? OpKind::Install : k / 10 % 10 < 9 ? OpKind::Upgrade : OpKind::Delete; };
    QStringList opIds;
    for (int k = 0; k < opSlots * groups; ++k) {
        const OpState st = opState(k);
        const OpKind kind = opKind(k);
        const QString backend = QStringLiteral("b%1-g%2").arg(k / groups, 3, 10, QLatin1Char('0')).arg(k % groups);
        opIds << QUuid::createUuid().toString(QUuid::WithoutBraces);
        const bool failed = st == OpState::Failed;
        ops << QVariantList{opIds.last(), toString(kind), backend, int(kind == OpKind::Install && k % 7 == 0), backend,
                            failed ? QVariant() : QVariant(backend), QStringLiteral("{\"requested_from\":\"gui\"}"), toString(st),
                            int(!failed), failed ? 100 : 40, failed ? QStringLiteral("failed on some nodes") : QStringLiteral("processing backend: ") + backend,
                            failed ? QVariant(QStringLiteral("request timed out")) : QVariant(), QStringLiteral("replica-a"), now - 20 * kS,
                            now - 3600 * kS, now - 20 * kS, failed ? QVariant(now - 600 * kS) : QVariant(), 7};
    }
    out->ops = int(ops.size());
    const QString galleries = QStringLiteral("[{\"name\":\"main\",\"url\":\"https://galleries.example.org/main/index.json\"}]");
    for (int n = 0; n < nNodes; ++n) {
        for (int s = 0; s < nPending / nNodes + (n < nPending % nNodes ? 1 : 0); ++s) {
            const int k = s < opSlots ? s * groups + n / opNodes : -1; // the row's op, or none: a background row
            const QString backend = k >= 0 ? QStringLiteral("b%1-g%2").arg(s, 3, 10, QLatin1Char('0')).arg(n / opNodes)
                                           : QStringLiteral("bg%1").arg(s, 3, 10, QLatin1Char('0'));
            const int r = pick(100);
            const bool leased = r < 10, due = r >= 10 && r < 40;
            const int attempts = leased ? pick(3) : due ? pick(4) : 1 + pick(9);
            const qint64 next = leased ? now + (60 + pick(540)) * kS : due ? now - pick(600) * kS : now + (1 + pick(900)) * kS;
            const OpKind kind = k >= 0 ? opKind(k) : (r % 5 == 0 ? OpKind::Upgrade : OpKind::Install);
            const QString entry = QStringLiteral("{\"name\":\"%1\",\"uri\":\"https://artifacts.example.org/%1.tar.gz\",\"sha256\":\"%2\"}")
                                      .arg(backend, QString::number(rng(), 16).repeated(8).left(64));
            pending << QVariantList{nodeIds[n], backend, toString(kind), galleries, entry, int(k >= 0 && kind == OpKind::Install && k % 7 == 0),
                                    k >= 0 ? QVariant(opIds[k]) : QVariant(), attempts,
                                    attempts ? QStringLiteral("request timed out after 30 s") : QString(), int(leased), now - pick(3600) * kS, next};
            out->leased += leased, out->due += due, (k >= 0 ? out->opRows : out->background) += 1;
            if (k < 0)
                continue;
            const bool running = opState(k) == OpState::Running; // its fan-out is still at it
            const QString message = running ? QString() : leased ? QStringLiteral("worker still busy")
                                  : attempts ? QStringLiteral("attempt %1 failed: request timed out").arg(attempts) : QString();
            nodeRows << QVariantList{opIds[k], nodeIds[n], nodeNames[n], QLatin1String(running ? "downloading" : leased ? "running_on_worker" : "queued"), 40,
                                     QLatin1String(running || leased ? "downloading" : ""), message, QVariant(), now - 30 * kS, 3};
        }
    }
    out->nodeRows = int(nodeRows.size());
    if (!db.transaction())
        throw StoreFailure{db.lastError().text()};
    insertRows(db, "nodes", "id,name,status,status_reason,labels,last_heartbeat,resources,worker_version,created_at,updated_at", nodes);
    insertRows(db, "operations", "id,kind,backend,force,cache_key,active_key,params,status,cancellable,progress,message,error,owner_replica_id,"
                                 "progress_at,created_at,updated_at,finished_at,revision", ops);
    insertRows(db, "operation_nodes", "op_id,node_id,node_name,status,percentage,phase,message,error,updated_at,revision", nodeRows);
    insertRows(db, "pending_node_ops", "node_id,backend,op,galleries,entry,force_reinstall,op_id,attempts,last_error,in_flight,created_at,next_retry_at", pending);
    if (!db.commit())
        throw StoreFailure{db.lastError().text()};
    // A server that took 100,000 rows has analysed them by the next pass (autovacuum); say so now.
    if (db.driverName() == QLatin1String("QPSQL"))
        QSqlQuery(db).exec(QStringLiteral("ANALYZE"));
}

// The store side of one ReconcilePass (reconcile_pass.cpp), step by step, each step timed.
QList<Step> pass(Store &s, const ClusterSettings &cfg, qint64 now)
{
    QList<Step> steps;
    auto timed = [&steps](const char *name, const std::function<QString()> &fn) {
        QElapsedTimer t;
        t.start();
        const QString detail = fn();
        steps.append({QString::fromLatin1(name), detail, double(t.nsecsElapsed()) / 1e6});
    };
    // The replica's memory: every op hydration loads (all of them here), read before the pass.
    // The pass reads the ops it holds as deltas since its start (HeldOps).
    QHash<QString, Operation> memory;
    for (const Operation &op : must(s.loadOpsForHydration(now - cfg.retentionMs())))
        memory.insert(op.id, op);
    // reevaluateOps(…, refresh, pass start) (op_reevaluation.cpp): its store call, the views built
    // from the deltas and the memory copies (storeViews), and as adoptStoreState keeps them; a
    // view that fails its fingerprint is read whole, as reevaluateOps does.
    auto reevaluate = [&](const QStringList &ids, bool refresh) {
        HeldOps held{QSet<QString>(), now};
        for (const QString &id : ids)
            if (memory.contains(id))
                held.ids.insert(id);
        const ReevaluationInput in = loadReevaluationInStore(s, ids, refresh, held);
        QStringList reread;
        const QList<Operation> views = storeViews(in, [&memory](const QString &id) {
            const auto it = memory.constFind(id);
            return it == memory.constEnd() ? std::nullopt : std::optional<Operation>(*it);
        }, &reread);
        const ReevaluationInput again = loadReevaluationInStore(s, reread, refresh);
        if (refresh)
            for (const QList<Operation> *list : {&views, &again.ops})
                for (const Operation &op : *list)
                    if (op.state != OpState::Running) // adoptStoreState leaves running ops to their owner
                        memory.insert(op.id, op);
        // The ops the re-evaluation finishes: their terminal writes, as OperationService::finishOp
        // makes them on the same store thread (the engine-thread work between the calls excluded).
        QList<Operation> all = views;
        all += again.ops;
        QList<FinishRequest> finishes;
        for (const Resolution &r : resolveHandedOff(all, in.nodeStatus.isEmpty() ? again.nodeStatus : in.nodeStatus))
            finishes.append(FinishRequest{r.op->id, r.outcome.state, r.outcome.state == OpState::Success ? 100 : r.op->progress,
                                          r.outcome.messageCode, r.outcome.errorReason()});
        int finished = 0;
        for (const FinishResult &f : finishInStore(s, finishes, QStringLiteral("replica-a"), cfg.historySize())) {
            if (!f.error.isEmpty())
                throw StoreFailure{f.error};
            if (f.op)
                memory.insert(f.op->id, *f.op);
            finished += f.won ? 1 : 0;
        }
        qsizetype rows = 0, wholeRows = 0;
        for (const OpDelta &d : in.deltas)
            rows += d.op.nodes.size();
        for (const QList<Operation> *list : {&in.ops, &again.ops})
            for (const Operation &op : *list)
                wholeRows += op.nodes.size();
        return QStringLiteral("%1 held ops read with %2 changed node rows, %3 read whole with %4 node rows%5; %6 finished")
            .arg(in.deltas.size()).arg(rows).arg(in.ops.size() + again.ops.size()).arg(wholeRows)
            .arg(QLatin1String(in.nodeStatus.isEmpty() ? "" : ", listNodes")).arg(finished);
    };
    SweepOutcome swept;
    timed("1  sweep: deleteStalePending + node rows settled", [&] {
        swept = sweepInStore(s, cfg.pendingGraceMs());
        return QStringLiteral("%1 rows deleted, node rows of %2 ops settled").arg(swept.deleted).arg(swept.touchedOps.size());
    });
    timed("1b sweep: re-evaluate + refresh touched ops", [&] { return reevaluate(swept.touchedOps, true); });
    DueNodes dueNodes;
    timed("2  due list: listNodes, nodes with due/leased rows", [&] {
        dueNodes = loadDueInStore(s);
        return QStringLiteral("%1 nodes, %2 with due or leased rows").arg(dueNodes.nodes.size()).arg(dueNodes.wanted.size());
    });
    QHash<QString, Node> nodes;
    for (const Node &node : std::as_const(dueNodes.nodes))
        nodes.insert(node.id, node);
    // Confirm: every healthy node with due or in-flight rows answers `backend.list` (made up here,
    // from reads outside the timed steps).
    const QList<PendingNodeOp> due = must(s.listDue());
    QList<PendingNodeOp> inFlight;
    for (const PendingNodeOp &row : must(s.listPending()))
        if (row.inFlight)
            inFlight.append(row);
    std::mt19937 rng(7);
    QHash<QString, NodeListing> replies;
    const QString installedAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODateWithMs);
    for (const QList<PendingNodeOp> *list : {&due, static_cast<const QList<PendingNodeOp> *>(&inFlight)})
        for (const PendingNodeOp &p : *list) {
            if (nodes.value(p.nodeId).status != NodeStatus::Healthy)
                continue;
            NodeListing &l = replies[p.nodeId];
            l.node = nodes.value(p.nodeId);
            if (rng() % 10 == 0)
                l.reply.backends.append({p.backend, false, false, {}, installedAt, p.opId.value_or(QString())});
            if (rng() % 20 < (p.inFlight ? 10 : 1)) // half the leased rows, 5 % of the due ones: still running there
                l.reply.jobs.append({p.backend, p.opId.value_or(QString()), toString(p.op), QStringLiteral("downloading"), 42.5});
        }
    ClusterListingResult listing;
    QHash<QString, QList<wire::ListedJob>> jobs;
    for (const NodeListing &l : std::as_const(replies)) {
        listing.replies.append(l);
        jobs.insert(l.node.id, l.reply.jobs);
    }
    QSet<QString> passTouched;
    timed("3  confirm: listing effects + re-evaluation", [&] {
        const ListingEffectsReport rep = applyListingEffectsInStore(s, listing);
        for (const NodeProgress &n : rep.changedRows) // applyListingEffects: OperationService::mergeNodeRows
            if (const auto it = memory.find(n.opId); it != memory.end())
                it->mergeNodes({n});
        const QString re = reevaluate(rep.touchedOps, false); // applyListingEffects: no refresh
        passTouched.unite(QSet<QString>(rep.touchedOps.begin(), rep.touchedOps.end()));
        return QStringLiteral("%1 nodes answered, %2 confirmed, %3 node rows written; %4")
            .arg(listing.replies.size()).arg(rep.confirmed).arg(rep.changedRows.size()).arg(re);
    });
    RetryPlan plan;
    timed("4  retry: listDue, deferral of live jobs", [&] {
        plan = planRetriesInStore(s, jobs, cfg);
        passTouched.unite(QSet<QString>(plan.touchedOps.begin(), plan.touchedOps.end()));
        return QStringLiteral("%1 deferred (still running), %2 to retry").arg(plan.deferred).arg(plan.retry.size());
    });
    QList<PendingNodeOp> leased;
    timed("5  lease the first wave (retry_parallel)", [&] {
        QSet<QString> busy;
        for (qsizetype i = 0; i < plan.retry.size() && leased.size() < cfg.retryParallel(); ++i) {
            const PendingNodeOp &row = plan.retry[i];
            if (busy.contains(row.nodeId) || !nodes.contains(row.nodeId))
                continue;
            busy.insert(row.nodeId);
            if (const auto whole = must(s.leaseDue(row.id, row.opId, now + cfg.timeoutMs(row.op))))
                leased.append(*whole);
        }
        return QStringLiteral("%1 rows leased").arg(leased.size());
    });
    timed("6  results of the first wave", [&] {
        for (qsizetype i = 0; i < leased.size(); ++i) { // replies alternate success and failure
            const PendingNodeOp &row = leased[i];
            // due rows are seeded with < 4 attempts: no dead letter (max_attempts 10) in this wave
            const RetryReply reply{i % 2 == 0, i % 2 == 0 ? QString() : QStringLiteral("request timed out"),
                                   QStringLiteral("replica-a"), nodes.value(row.nodeId).name, now};
            applyRetryResultInStore(s, row, reply, cfg);
            if (row.opId)
                passTouched.insert(*row.opId);
        }
        return QStringLiteral("%1 replies applied").arg(leased.size());
    });
    timed("7  finish: re-evaluate + refresh touched ops", [&] { return reevaluate(QStringList(passTouched.begin(), passTouched.end()), true); });
    return steps;
}

// Baseline: one plain statement on the Store's own connection, every value of every row read; best of 3.
double baselineMs(const QString &connection, qsizetype *rows)
{
    double best = 1e12;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer t;
        t.start();
        QSqlQuery q(QSqlDatabase::database(connection, false));
        q.setForwardOnly(true);
        q.exec(QStringLiteral("SELECT id, node_id, backend, op, galleries, entry, force_reinstall, op_id, attempts, last_error, "
                              "in_flight, created_at, next_retry_at FROM pending_node_ops"));
        for (*rows = 0; q.next(); ++*rows)
            for (int c = 0; c < 13; ++c)
                (void)q.value(c);
        best = std::min(best, double(t.nsecsElapsed()) / 1e6);
    }
    return best;
}

int runBackend(Backend backend, int nNodes, int nPending, int opNodes)
{
    const char *label = backend == Backend::Sqlite ? "sqlite" : "postgres";
    const QString connection = QStringLiteral("bench-reconcile-") + QString::fromLatin1(label);
    ManualClock clock;
    const ClusterSettings cfg; // every key at its default, as a fresh cluster has them
    QString error;
    const auto db = TestDatabase::create(backend, &error); // declared first: dropped after the store is closed
    try {
        if (!db)
            throw StoreFailure{error};
        const std::unique_ptr<Store> store = must(Store::open(db->config(), &clock, connection));
        must(store->migrate());
        Seeded seeded;
        QElapsedTimer seedTimer;
        seedTimer.start();
        seed(QSqlDatabase::database(connection, false), nNodes, nPending, opNodes, clock.nowMs(), cfg.pendingGraceMs(), &seeded);
        const double seedS = double(seedTimer.elapsed()) / 1000.0;
        qsizetype baseRows = 0;
        const double base = baselineMs(connection, &baseRows);
        const QList<Step> steps = pass(*store, cfg, clock.nowMs());
        std::printf("bench_reconcile [%s]: %d nodes (%d healthy, %d draining, %d offline, %d unhealthy), %d pending rows (%d of %d ops, "
                    "%d background; %d due, %d leased), %d node rows; seeded in %.1f s\n",
                    label, nNodes, seeded.nodeCount[int(NodeStatus::Healthy)], seeded.nodeCount[int(NodeStatus::Draining)],
                    seeded.nodeCount[int(NodeStatus::Offline)], seeded.nodeCount[int(NodeStatus::Unhealthy)], seeded.opRows + seeded.background,
                    seeded.opRows, seeded.ops, seeded.background, seeded.due, seeded.leased, seeded.nodeRows, seedS);
        double total = 0;
        for (const Step &st : steps) {
            std::printf("  %-50s %10.1f ms  %s\n", qPrintable(st.name), st.ms, qPrintable(st.detail));
            total += st.ms;
        }
        std::printf("  %-50s %10.1f ms\n", "pass total (store work)", total);
        std::printf("  %-50s %10.1f ms  %lld rows (best of 3)\n", "baseline: one SELECT of every pending row", base, qint64(baseRows));
        std::printf("  ratio pass / baseline: %.1fx   (target on PostgreSQL: < 250 ms, stretch < 100 ms)\n", base > 0 ? total / base : 0.0);
        // The row of docs/benchmarks.md (scripts/bench.sh).
        std::printf("figure: reconcile-%s | reconcile pass store work, %d pending rows, %d nodes (%s) | %s | %.0f ms | %.0f ms (one SELECT of every pending row) | %.1fx\n",
                    label, nPending, nNodes, label, backend == Backend::Postgres ? "< 250 ms; < 100 ms" : "(no target)", total, base,
                    base > 0 ? total / base : 0.0);
        return 0;
    } catch (const StoreFailure &f) {
        std::fprintf(stderr, "bench_reconcile [%s]: %s\n", label, qPrintable(f.error));
        return 1;
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    auto opt = [&parser](const char *name, const char *help, const char *value, const char *def) {
        parser.addOption({QString::fromLatin1(name), QString::fromLatin1(help), QString::fromLatin1(value), QString::fromLatin1(def)});
        return QString::fromLatin1(name);
    };
    const QString pendingOpt = opt("pending", "Pending rows.", "N", "100000"), nodesOpt = opt("nodes", "Nodes.", "N", "1000");
    const QString opNodesOpt = opt("op-nodes", "Nodes per op (fan-out width).", "N", "200");
    const QString backendOpt = opt("backend", "sqlite, postgres or both.", "B", "both");
    const QString dsnOpt = opt("dsn", "PostgreSQL server (postgresql://user@host:port/db) to make a fresh database on. "
                                      "Default: $FLEETDECK_TEST_SERVERS_DIR/pg/dsn.", "DSN", "");
    parser.process(app);
    const int nNodes = std::max(1, parser.value(nodesOpt).toInt()), nPending = std::max(1, parser.value(pendingOpt).toInt());
    const int opNodes = std::max(1, parser.value(opNodesOpt).toInt());
    const QString which = parser.value(backendOpt);
    if (which != QLatin1String("sqlite") && which != QLatin1String("postgres") && which != QLatin1String("both")) {
        std::fprintf(stderr, "bench_reconcile: --backend must be sqlite, postgres or both\n");
        return 2;
    }
    QTemporaryDir servers; // --dsn reaches TestDatabase the way the CTest fixture's server does
    if (parser.isSet(dsnOpt)) {
        QFile f(servers.filePath(QStringLiteral("pg/dsn")));
        if (!QDir().mkpath(servers.filePath(QStringLiteral("pg"))) || !f.open(QIODevice::WriteOnly) || f.write(parser.value(dsnOpt).toUtf8()) < 0)
            return 2;
        f.close();
        qputenv("FLEETDECK_TEST_SERVERS_DIR", servers.path().toUtf8());
    }
    const int rc = which != QLatin1String("postgres") ? runBackend(Backend::Sqlite, nNodes, nPending, opNodes) : 0;
    return rc | (which != QLatin1String("sqlite") ? runBackend(Backend::Postgres, nNodes, nPending, opNodes) : 0);
}
