#include "fake_runner.h"

#include <stdexcept>

namespace fleetdeck::test {

void FakeRunner::run(RunningOp *op)
{
    const QString backend = op->op().backend;
    m_started.append(op->op().id);
    if (m_throw.value(backend))
        throw std::runtime_error("fake runner exploded");
    m_active.insert(op->op().id, op);
    if (m_hold.value(backend)) {
        m_held.append(op);
        return;
    }
    const QList<FakeNodePlan> plan = m_plans.value(backend, m_default);
    QList<NodeProgress> rows;
    for (const FakeNodePlan &p : plan)
        rows.append(NodeProgress{QString(), p.nodeId, p.nodeName});
    op->createNodeRows(rows);
    auto remaining = std::make_shared<int>(static_cast<int>(plan.size()));
    const QString opId = op->op().id;
    for (const FakeNodePlan &p : plan) {
        NodeProgress dl{QString(), p.nodeId, p.nodeName, NodeRowStatus::Downloading, 10};
        dl.phase = QStringLiteral("downloading");
        op->updateNode(dl);
        m_clock->callAfter(p.durationMs, this, [this, opId, p, remaining]() {
            RunningOp *running = m_active.value(opId);
            if (!running)
                return;
            finishNode(running, p);
            if (--*remaining == 0) {
                m_active.remove(opId);
                running->complete();
            }
        });
    }
    if (plan.isEmpty()) {
        m_active.remove(opId);
        op->complete();
    }
}

void FakeRunner::finishNode(RunningOp *op, const FakeNodePlan &p)
{
    NodeProgress row{QString(), p.nodeId, p.nodeName, p.result};
    if (op->cancelRequested() && p.result == NodeRowStatus::Success)
        row.status = NodeRowStatus::Cancelled;
    if (row.status == NodeRowStatus::Success) {
        row.percentage = 100;
        row.message = QStringLiteral("installed");
    } else if (row.status == NodeRowStatus::Error) {
        row.error = p.error;
        row.message = p.error;
    } else if (row.status == NodeRowStatus::RunningOnWorker) {
        row.message = QStringLiteral("worker still busy; reconciler will confirm");
        row.percentage = 40;
    }
    op->updateNode(row);
}

void FakeRunner::releaseHeld()
{
    const auto held = std::exchange(m_held, {});
    for (RunningOp *op : held) {
        m_active.remove(op->op().id);
        op->createNodeRows({NodeProgress{QString(), QStringLiteral("n1"), QStringLiteral("node-1")}});
        NodeProgress done{QString(), QStringLiteral("n1"), QStringLiteral("node-1"), NodeRowStatus::Success, 100};
        op->updateNode(done);
        op->complete();
    }
}

} // namespace fleetdeck::test
