#pragma once
// A scripted fan-out for engine tests: each op gets node rows from a plan, every node "works"
// for `durationMs` on the injected clock and then ends as planned. Records what it ran.
#include "core/clock.h"
#include "ops/op_runner.h"

#include <QHash>
#include <QObject>
#include <QStringList>

namespace fleetdeck::test {

struct FakeNodePlan {
    QString nodeId;
    QString nodeName;
    NodeRowStatus result = NodeRowStatus::Success;
    QString error;          // for Error rows
    qint64 durationMs = 1000;
};

class FakeRunner final : public QObject, public OpRunner {
    Q_OBJECT
public:
    explicit FakeRunner(Clock *clock, QObject *parent = nullptr) : QObject(parent), m_clock(clock) {}

    // Plan used for every backend without its own plan.
    void setDefaultPlan(const QList<FakeNodePlan> &plan) { m_default = plan; }
    void setPlan(const QString &backend, const QList<FakeNodePlan> &plan) { m_plans.insert(backend, plan); }
    void setThrow(const QString &backend, bool doThrow) { m_throw.insert(backend, doThrow); }
    // Ops never end by themselves while held (a slot stays busy).
    void setHold(const QString &backend, bool hold) { m_hold.insert(backend, hold); }
    void releaseHeld();

    void run(RunningOp *op) override;

    QStringList started() const { return m_started; }
    int active() const { return static_cast<int>(m_active.size()); }

private:
    void finishNode(RunningOp *op, const FakeNodePlan &p);

    Clock *m_clock;
    QList<FakeNodePlan> m_default{{QStringLiteral("n1"), QStringLiteral("node-1"), NodeRowStatus::Success, {}, 1000}};
    QHash<QString, QList<FakeNodePlan>> m_plans;
    QHash<QString, bool> m_throw;
    QHash<QString, bool> m_hold;
    QStringList m_started;
    QHash<QString, RunningOp *> m_active;
    QList<RunningOp *> m_held;
};

} // namespace fleetdeck::test
