// fleetdeckctl commands that need the store and NATS (docs/architecture.md#programs), run on a
// short-lived `ctl` engine: it never executes ops; admissions are handed off to long-lived
// replicas.
#include "bus/bus.h"
#include "bus/subjects.h"
#include "cluster/cluster_listing.h"
#include "cluster/node_registry.h"
#include "cluster/reconciler.h"
#include "cluster/upgrade_detection.h"
#include "config/cluster_settings.h"
#include "core/clock.h"
#include "core/operation_codec.h"
#include "ctl_session.h"
#include "engine.h"
#include "ops/op_publisher.h"
#include "store/store_thread.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTextStream>
#include <QThread>

namespace fleetdeck::ctl {

bool Session::openEngine()
{
    m_engine = std::make_unique<Engine>(m_config);
    const Engine::StartError e = wait(m_engine->start());
    if (e.exitCode != 0) {
        m_out.error(e.message);
        return false;
    }
    if (!m_engine->anyLongLivedPeer())
        Output::warn(QStringLiteral("no Fleetdeck replica is running on %1: queued ops wait, and health, reconcile and "
                                    "reaper passes do not run").arg(m_engine->bus()->url()));
    return true;
}

int Session::runWithEngine()
{
    const QStringList &w = m_opt.words;
    const QString cmd = w.at(0);
    static const QStringList known = {QStringLiteral("install"), QStringLiteral("upgrade"), QStringLiteral("delete"),
                                      QStringLiteral("cancel"), QStringLiteral("dismiss"), QStringLiteral("retry"),
                                      QStringLiteral("reconcile"), QStringLiteral("reap"), QStringLiteral("clean-pending"),
                                      QStringLiteral("nodes"), QStringLiteral("settings"), QStringLiteral("backends")};
    if (!known.contains(cmd)) {
        m_out.error(QStringLiteral("unknown command \"%1\" (see --help)").arg(w.join(QLatin1Char(' '))));
        return Usage;
    }
    const bool needsArg = cmd == QLatin1String("install") || cmd == QLatin1String("upgrade") || cmd == QLatin1String("delete")
        || cmd == QLatin1String("cancel") || cmd == QLatin1String("dismiss")
        || (cmd == QLatin1String("retry") && m_opt.historyId < 0);
    if (needsArg && w.size() < 2) {
        m_out.error(QStringLiteral("%1 needs an argument (see --help)").arg(cmd));
        return Usage;
    }
    if (!openEngine())
        return Unreachable;
    OperationService *ops = m_engine->ops();
    if (cmd == QLatin1String("install"))
        return admit(OpKind::Install, w.at(1));
    if (cmd == QLatin1String("upgrade"))
        return admit(OpKind::Upgrade, w.at(1));
    if (cmd == QLatin1String("delete"))
        return admit(OpKind::Delete, w.at(1));
    if (cmd == QLatin1String("cancel") || cmd == QLatin1String("dismiss")) {
        const auto r = wait(cmd == QLatin1String("cancel") ? ops->cancel(w.at(1)) : ops->dismiss(w.at(1)));
        if (!r) {
            m_out.error(r.error());
            return Failed;
        }
        m_out.result(QJsonObject{{QStringLiteral("success"), true}, {QStringLiteral("message"), r.value()}}, r.value());
        return Ok;
    }
    if (cmd == QLatin1String("retry")) {
        const auto r = wait(m_opt.historyId >= 0 ? ops->retryHistory(m_opt.historyId) : ops->retry(w.at(1)));
        if (!r) {
            m_out.error(r.error());
            return Failed;
        }
        if (m_opt.wait)
            return follow(r->opId);
        m_out.result(QJsonObject{{QStringLiteral("op_id"), r->opId}, {QStringLiteral("deduplicated"), r->deduplicated},
                                 {QStringLiteral("state"), toString(r->state)}});
        return Ok;
    }
    if (cmd == QLatin1String("reconcile")) {
        const ReconcileReport r = wait(m_engine->reconcileNow());
        if (!r.lockAcquired) {
            if (m_out.json())
                m_out.result(r.toJson());
            else
                m_out.error(QStringLiteral("reconcile lock held by another replica"));
            return Failed;
        }
        m_out.result(r.toJson(), r.summary());
        return Ok;
    }
    if (cmd == QLatin1String("reap")) {
        const int n = wait(m_engine->reapStaleOperations());
        m_out.result(QJsonObject{{QStringLiteral("ops_reaped"), n}}, QStringLiteral("%1 stale operation(s) reaped").arg(n));
        return Ok;
    }
    if (cmd == QLatin1String("clean-pending")) {
        const int n = wait(m_engine->cleanStalePendingOps());
        m_out.result(QJsonObject{{QStringLiteral("stale_pending_deleted"), n}}, QStringLiteral("%1 stale pending op(s) deleted").arg(n));
        return Ok;
    }
    if (cmd == QLatin1String("nodes") && w.size() >= 3)
        return nodeAction(w.at(1), w.at(2));
    if (cmd == QLatin1String("settings") && w.value(1) == QLatin1String("set") && w.size() >= 4)
        return settingsSet(w.at(2), w.at(3));
    if (cmd == QLatin1String("backends") && w.value(1) == QLatin1String("upgrades")) {
        // ctl runs its own listing and upgrade computation (docs/gallery.md#upgrade-detection,
        // docs/architecture.md#programs).
        std::optional<ClusterListingResult> listing;
        m_engine->listing()->run([&](const ClusterListingResult &r) { listing = r; });
        while (!listing)
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
        UpgradesResult result = detectUpgrades(*listing, *m_engine->catalog());
        result.replicaId = m_engine->identity().replicaId;
        result.checkedAt = SystemClock::instance()->nowMs();
        m_out.result(result.toJson(true));
        return Ok;
    }
    if (cmd == QLatin1String("backends") && w.value(1) == QLatin1String("list")) {
        std::optional<ClusterListingResult> listing;
        m_engine->listing()->run([&](const ClusterListingResult &r) { listing = r; });
        while (!listing)
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
        QJsonObject out = listing->toJson();
        if (!m_opt.node.isEmpty()) {
            QJsonArray filtered;
            for (const QJsonValue &b : out.value(QLatin1String("backends")).toArray()) {
                QJsonObject o = b.toObject();
                QJsonArray nodes;
                for (const QJsonValue &n : o.value(QLatin1String("nodes")).toArray())
                    if (n.toObject().value(QLatin1String("node_name")).toString().compare(m_opt.node, Qt::CaseInsensitive) == 0
                        || n.toObject().value(QLatin1String("node_id")).toString() == m_opt.node)
                        nodes.append(n);
                if (!nodes.isEmpty()) {
                    o.insert(QStringLiteral("nodes"), nodes);
                    filtered.append(o);
                }
            }
            out.insert(QStringLiteral("backends"), filtered);
        }
        m_out.result(out);
        return Ok;
    }
    m_out.error(QStringLiteral("unknown command \"%1\" (see --help)").arg(w.join(QLatin1Char(' '))));
    return Usage;
}

int Session::admit(OpKind kind, const QString &backend)
{
    AdmitRequest req;
    req.kind = kind;
    req.backend = backend;
    req.force = m_opt.force;
    req.targetNode = m_opt.node;
    const auto r = wait(m_engine->ops()->admit(req));
    if (!r) {
        m_out.error(r.error());
        return Failed;
    }
    if (m_opt.wait)
        return follow(r->opId);
    // Without --wait: wait up to 10 s for a long-lived replica to claim the op
    // (docs/architecture.md#programs).
    const QString opId = r->opId;
    bool claimed = r->deduplicated;
    for (int i = 0; i < 40 && !claimed && !m_interrupted; ++i) {
        QThread::msleep(250);
        auto op = m_engine->store()->callSync([opId](Store &s) { return s.getOp(opId); });
        claimed = op && op.value() && (op.value()->ownerReplicaId || op.value()->state != OpState::Queued);
    }
    if (!claimed)
        Output::warn(QStringLiteral("no Fleetdeck replica claimed op %1 within 10 s; it stays queued until one runs").arg(opId));
    m_out.result(QJsonObject{{QStringLiteral("op_id"), opId}, {QStringLiteral("deduplicated"), r->deduplicated},
                             {QStringLiteral("state"), toString(r->state)}},
                 QStringLiteral("op %1%2 (%3)").arg(opId, r->deduplicated ? QStringLiteral(" (already active)") : QString(),
                                                    toString(r->state)));
    return Ok;
}

int Session::follow(const QString &opId)
{
    // docs/operations.md#waiting-for-an-op: broadcasts plus a store read every 2 s; stops following
    // on timeout or SIGINT.
    const qint64 start = SystemClock::instance()->nowMs();
    qint64 lastRead = 0;
    int lastProgress = -1;
    std::optional<Operation> op;
    // Newer state wins (docs/operations.md "Revisions"): a store read holds the owner's throttled
    // progress and a keepalive's newer updated_at, so only a terminal state or a higher revision
    // replaces what a broadcast showed (the printed progress went 65 % → 62 % before).
    auto take = [&op](const Operation &candidate) {
        if (!op || (candidate.processed() && !op->processed())
            || (!op->processed() && candidate.revision >= op->revision))
            op = candidate;
    };
    while (true) {
        if (m_interrupted)
            return Interrupted;
        const qint64 now = SystemClock::instance()->nowMs();
        if (now - start > m_opt.waitTimeoutMs)
            return WaitTimeout;
        if (now - lastRead >= 2000) {
            lastRead = now;
            auto stored = m_engine->store()->callSync([opId](Store &s) { return s.getOp(opId); });
            if (stored && stored.value())
                take(*stored.value());
        }
        if (auto mem = m_engine->ops()->statusMap().get(opId))
            take(*mem);
        if (op) {
            if (op->state == OpState::Queued && !op->ownerReplicaId && now - start > 10'000) {
                m_out.error(QStringLiteral("no Fleetdeck replica claimed op %1 within 10 s; it stays queued until one runs "
                                           "(--wait needs a running `fleetdeck` or `fleetdeck --headless`)").arg(opId));
                return Unreachable;
            }
            if (op->progress != lastProgress && !op->processed()) {
                lastProgress = op->progress;
                Output::progress(QStringLiteral("%1 %2: %3 % %4").arg(toString(op->kind), op->backend).arg(op->progress).arg(op->message));
            }
            if (op->processed()) {
                auto fresh = m_engine->store()->callSync([opId](Store &s) { return s.getOp(opId); });
                const Operation final = fresh && fresh.value() ? *fresh.value() : *op;
                m_out.result(opRecordToJson(final, now, m_engine->ops()->settings().stalledMs()),
                             final.state == OpState::Success ? QStringLiteral("op %1 succeeded").arg(opId)
                                                             : QStringLiteral("op %1 %2: %3").arg(opId, toString(final.state), final.error.value_or(final.message)));
                return final.state == OpState::Success ? Ok : Failed;
            }
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 100);
    }
}

int Session::nodeAction(const QString &action, const QString &node)
{
    NodeRegistry *reg = m_engine->registry();
    const qint64 now = SystemClock::instance()->nowMs();
    if (action == QLatin1String("delete")) {
        const auto r = wait(reg->deleteNode(node));
        if (!r) {
            m_out.error(r.error());
            return Failed;
        }
        m_out.result(QJsonObject{{QStringLiteral("deleted"), QJsonObject{{QStringLiteral("id"), r->id}, {QStringLiteral("name"), r->name}}}},
                     QStringLiteral("node %1 deleted").arg(r->name));
        return Ok;
    }
    QFuture<Result<Node>> f;
    if (action == QLatin1String("approve"))
        f = reg->approve(node);
    else if (action == QLatin1String("drain"))
        f = reg->drain(node);
    else if (action == QLatin1String("resume"))
        f = reg->resume(node);
    else {
        m_out.error(QStringLiteral("unknown command \"nodes %1\" (see --help)").arg(action));
        return Usage;
    }
    const auto r = wait(f);
    if (!r) {
        m_out.error(r.error());
        return Failed;
    }
    m_out.result(QJsonObject{{QStringLiteral("node"), nodeToJson(r.value(), now)}},
                 QStringLiteral("node %1 is %2").arg(r->name, toString(r->status)));
    return Ok;
}

int Session::settingsSet(const QString &key, const QString &valueIn)
{
    QString value = valueIn;
    if (value == QLatin1String("-")) {
        QTextStream in(stdin);
        value = in.readLine();
    }
    auto v = ClusterSettings::validate(key, value);
    if (!v) {
        m_out.error(v.error());
        return Failed;
    }
    const QJsonValue stored = v.value();
    const QString by = m_engine->identity().requestedBy;
    const Status st = m_engine->store()->callSync([key, stored, by](Store &s) { return s.setSetting(key, stored, by); });
    if (!st) {
        m_out.error(st.error());
        return Unreachable;
    }
    m_engine->ops()->publisher()->publishJson(subjects::settingsChanged(), QJsonObject{{QStringLiteral("key"), key}});
    QJsonObject shown = ClusterSettings::toDisplayJson({{key, stored}});
    m_out.result(QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("value"), shown.value(key)}},
                 QStringLiteral("%1 set").arg(key));
    return Ok;
}

} // namespace fleetdeck::ctl
