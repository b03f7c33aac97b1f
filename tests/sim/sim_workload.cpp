// SimWorld: the seeded workload (admin actions from random replicas) and the faults, at rates far
// above production (tests/sim/README.md "Workload" and "Fault model").
#include "sim_world.h"

#include "cluster/node_registry.h"
#include "store/store.h"
#include "worker/worker_agent.h"

#include <QJsonArray>
#include <QJsonObject>

namespace fleetdeck::sim {
namespace {

QString resultText(const Result<AdmitResult> &r)
{
    if (!r)
        return QStringLiteral("refused: ") + r.error();
    return r.value().opId.left(8) + (r.value().deduplicated ? QStringLiteral(" (dedup)") : QString());
}

} // namespace

void SimWorld::scheduleAction()
{
    m_clock.callAfter(m_rng.range(500, 15'000), this, [this]() {
        if (simulatedMs() >= m_faultsEnd)
            return;
        doAction();
        sampleStore();
        scheduleAction();
    });
}

void SimWorld::doAction()
{
    Replica *r = liveReplica();
    if (!r)
        return;
    ++m_actions;
    if (m_rng.chance(0.25))
        nodeAction(*r);
    else
        adminAction(*r);
}

void SimWorld::adminAction(Replica &r)
{
    OperationService *ops = r.engine->ops();
    const QString who = r.name;
    const qint64 roll = m_rng.range(0, 99);
    if (roll < 45) { // an admission: install, reinstall, upgrade or delete, cluster-wide or node-scoped
        AdmitRequest req;
        const qint64 k = m_rng.range(0, 9);
        req.kind = k < 5 ? OpKind::Install : k < 7 ? OpKind::Upgrade : OpKind::Delete;
        req.force = req.kind == OpKind::Install && m_rng.chance(0.4);
        req.backend = m_rng.pick(m_backends).name;
        if (m_rng.chance(0.45))
            req.targetNode = m_rng.pick(nodeNames());
        note(QStringLiteral("%1 admit %2%3 %4 %5").arg(who, toString(req.kind), req.force ? QStringLiteral(" --force") : QString(),
                                                      req.backend, req.targetNode.isEmpty() ? QStringLiteral("*") : req.targetNode));
        ops->admit(req).then(this, [this, who](Result<AdmitResult> res) { note(who + QStringLiteral(" admitted: ") + resultText(res)); });
        return;
    }
    const QList<Operation> shown = ops->listOps();
    if (roll < 80 && !shown.isEmpty()) { // act on what the operations bar shows
        const Operation op = m_rng.pick(shown);
        const qint64 what = m_rng.range(0, 2);
        if (what == 0) {
            note(QStringLiteral("%1 cancel %2").arg(who, op.id.left(8)));
            ops->cancel(op.id).then(this, [this, who](Result<QString> res) {
                note(who + QStringLiteral(" cancel: ") + (res ? res.value() : res.error()));
            });
        } else if (what == 1) {
            note(QStringLiteral("%1 dismiss %2").arg(who, op.id.left(8)));
            ops->dismiss(op.id).then(this, [this, who](Result<QString> res) {
                note(who + QStringLiteral(" dismiss: ") + (res ? res.value() : res.error()));
            });
        } else {
            note(QStringLiteral("%1 retry %2").arg(who, op.id.left(8)));
            ops->retry(op.id).then(this, [this, who](Result<AdmitResult> res) { note(who + QStringLiteral(" retry: ") + resultText(res)); });
        }
        return;
    }
    if (roll < 85) { // retry from the store's view, as fleetdeckctl does (failed and cancelled ops)
        const QList<Operation> all = storeOps(false);
        QList<Operation> ended;
        for (const Operation &op : all)
            if (op.state == OpState::Failed || op.state == OpState::Cancelled)
                ended.append(op);
        if (!ended.isEmpty()) {
            const Operation op = m_rng.pick(ended);
            note(QStringLiteral("%1 retry (ctl) %2").arg(who, op.id.left(8)));
            ops->retry(op.id).then(this, [this, who](Result<AdmitResult> res) { note(who + QStringLiteral(" retry: ") + resultText(res)); });
        }
        return;
    }
    if (roll < 88) { // retry of a dead letter
        const auto history = m_admin->listHistory(50);
        QList<qint64> dead;
        if (history)
            for (const HistoryEntry &h : history.value())
                if (h.entryKind == QLatin1String("dead_letter"))
                    dead.append(h.id);
        if (!dead.isEmpty()) {
            const qint64 id = m_rng.pick(dead);
            note(QStringLiteral("%1 retry dead letter %2").arg(who).arg(id));
            ops->retryHistory(id).then(this, [this, who](Result<AdmitResult> res) { note(who + QStringLiteral(" retry dl: ") + resultText(res)); });
        }
        return;
    }
    if (roll < 92) {
        note(who + QStringLiteral(" reconcile now"));
        r.engine->reconcileNow();
    } else if (roll < 94) {
        note(who + QStringLiteral(" reap"));
        r.engine->reapStaleOperations();
    } else if (roll < 96) {
        note(who + QStringLiteral(" clean stale pending"));
        r.engine->cleanStalePendingOps();
    } else if (roll < 98) {
        const char *keys[] = {"nats/timeout_install_s", "nats/timeout_upgrade_s", "nats/timeout_delete_s"};
        setSetting(QLatin1String(keys[m_rng.range(0, 2)]), QJsonValue(m_rng.range(3, 60)));
    } else {
        QJsonArray galleries;
        const qint64 g = m_rng.range(0, 2);
        auto gallery = [](const QString &name, const QString &url) { return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("url"), url}}; };
        if (g != 1)
            galleries.append(gallery(QStringLiteral("next"), m_galleryB));
        if (g != 0)
            galleries.append(gallery(QStringLiteral("main"), m_galleryA));
        setSetting(QStringLiteral("galleries"), galleries);
    }
}

void SimWorld::nodeAction(Replica &r)
{
    // Admins drain the node they see busy more often than any other.
    QStringList busy;
    for (const Operation &op : r.engine->ops()->listOps())
        for (const NodeProgress &row : op.nodes)
            if (!isTerminal(row.status) && !busy.contains(row.nodeName))
                busy.append(row.nodeName);
    const QString node = !busy.isEmpty() && m_rng.chance(0.6) ? m_rng.pick(busy) : m_rng.pick(nodeNames());
    const QString who = r.name;
    NodeRegistry *reg = r.engine->registry();
    auto report = [this, who, node](const QString &what) {
        return [this, who, node, what](Result<Node> res) {
            note(QStringLiteral("%1 %2 %3: %4").arg(who, what, node, res ? toString(res.value().status) : res.error()));
        };
    };
    const qint64 roll = m_rng.range(0, 9);
    if (roll < 4) {
        note(QStringLiteral("%1 drain %2").arg(who, node));
        reg->drain(node).then(this, report(QStringLiteral("drain")));
    } else if (roll < 8) {
        note(QStringLiteral("%1 resume %2").arg(who, node));
        reg->resume(node).then(this, report(QStringLiteral("resume")));
    } else if (roll < 9) {
        note(QStringLiteral("%1 approve %2").arg(who, node));
        reg->approve(node).then(this, report(QStringLiteral("approve")));
    } else {
        note(QStringLiteral("%1 delete node %2").arg(who, node));
        reg->deleteNode(node).then(this, [this, who, node](Result<DeletedNode> res) {
            note(QStringLiteral("%1 deleted node %2: %3").arg(who, node, res ? QStringLiteral("ok") : res.error()));
        });
    }
}

void SimWorld::scheduleFault()
{
    m_clock.callAfter(m_rng.range(2'000, 40'000), this, [this]() {
        if (simulatedMs() >= m_faultsEnd)
            return;
        doFault();
        scheduleFault();
    });
}

void SimWorld::doFault()
{
    ++m_faults;
    const qint64 roll = m_rng.range(0, 99);
    const qint64 lasts = m_rng.range(3'000, 90'000);
    auto later = [this, lasts](std::function<void()> fn) {
        m_clock.callAfter(lasts, this, [this, fn]() {
            if (!m_healed)
                fn();
        });
    };
    if (roll < 10) {
        LinkFaults f;
        f.loss = double(m_rng.range(1, 25)) / 100.0;
        f.maxDelayMs = m_rng.range(2, 50);
        m_net->setFaults(f);
        note(QStringLiteral("fault: bus loss %1").arg(f.loss));
        later([this]() { m_net->setFaults(LinkFaults{}); note(QStringLiteral("fault over: bus loss")); });
    } else if (roll < 18) {
        LinkFaults f;
        f.minDelayMs = m_rng.range(0, 200);
        f.maxDelayMs = f.minDelayMs + m_rng.range(100, 3000);
        m_net->setFaults(f);
        note(QStringLiteral("fault: bus delay %1..%2").arg(f.minDelayMs).arg(f.maxDelayMs));
        later([this]() { m_net->setFaults(LinkFaults{}); note(QStringLiteral("fault over: bus delay")); });
    } else if (roll < 28) {
        const QString who = m_rng.chance(0.5) ? m_rng.pick(nodeNames()) : QStringLiteral("r%1.").arg(m_rng.range(0, qint64(m_replicas.size()) - 1));
        QString name = who;
        if (who.startsWith(QLatin1Char('r')))
            for (auto &r : m_replicas)
                if (r->name.startsWith(who))
                    name = r->name;
        m_net->setCut(name, true);
        later([this, name]() { m_net->setCut(name, false); });
    } else if (roll < 38) {
        Replica &r = *m_replicas.at(size_t(m_rng.range(0, qint64(m_replicas.size()) - 1)));
        if (r.engine) {
            killReplica(r);
            m_clock.callAfter(m_rng.range(1'000, 60'000), this, [this, &r]() {
                if (!r.engine)
                    startReplica(r);
            });
        }
    } else if (roll < 43) {
        Replica &r = *m_replicas.at(size_t(m_rng.range(0, qint64(m_replicas.size()) - 1)));
        if (r.up) {
            stopReplica(r);
            m_clock.callAfter(m_rng.range(6'000, 60'000), this, [this, &r]() {
                if (!r.engine)
                    startReplica(r);
            });
        }
    } else if (roll < 55) {
        Worker &w = *m_workers.at(size_t(m_rng.range(0, qint64(m_workers.size()) - 1)));
        if (w.agent) {
            killWorker(w);
            m_clock.callAfter(m_rng.range(500, 60'000), this, [this, &w]() {
                if (!w.agent)
                    startWorker(w);
            });
        }
    } else if (roll < 70) {
        Worker &w = *m_workers.at(size_t(m_rng.range(0, qint64(m_workers.size()) - 1)));
        w.link = LinkSpeed{m_rng.range(1'000, 4'000), m_rng.range(4'000, 12'000)}; // outlives the request timeout
        if (w.runner)
            w.runner->setLink(w.link);
        note(QStringLiteral("fault: slow link %1").arg(w.name));
        later([this, &w]() {
            w.link = LinkSpeed{};
            if (w.runner)
                w.runner->setLink(w.link);
            note(QStringLiteral("fault over: slow link %1").arg(w.name));
        });
    } else if (roll < 78 && !m_options.postgres) { // PostgreSQL answers at its own pace
        m_gate->setLatency(500, 4'000);
        later([this]() { m_gate->setLatency(0, 3); });
    } else if (roll < 85) {
        m_gate->setOutage(true);
        later([this]() { m_gate->setOutage(false); });
    } else if (roll < 92) {
        Replica &r = *m_replicas.at(size_t(m_rng.range(0, qint64(m_replicas.size()) - 1)));
        if (r.clock) {
            const qint64 step = m_rng.range(-5'000, 5'000);
            r.clock->jump(step);
            note(QStringLiteral("fault: clock of %1 steps %2 ms").arg(r.name).arg(step));
        }
    } else {
        const qint64 pause = m_rng.range(5'000, 120'000);
        note(QStringLiteral("fault: the whole cluster pauses %1 ms").arg(pause));
        m_clock.advanceMs(pause); // every timer that fell due fires at once
    }
}

void SimWorld::heal()
{
    m_healed = true;
    note(QStringLiteral("heal"));
    m_net->setFaults(LinkFaults{});
    m_gate->setOutage(false);
    m_gate->setLatency(0, 3);
    for (auto &r : m_replicas) {
        m_net->setCut(r->name, false);
        if (!r->engine)
            startReplica(*r);
    }
    for (auto &w : m_workers) {
        m_net->setCut(w->name, false);
        w->link = LinkSpeed{};
        if (w->runner)
            w->runner->setLink(w->link);
        if (!w->agent)
            startWorker(*w);
    }
}

} // namespace fleetdeck::sim
