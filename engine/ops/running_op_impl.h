#pragma once
// The executor's RunningOp: keeps the op's memory, store rows and broadcasts in step while the
// OpRunner fans it out, and ends it exactly once.
#include "ops/op_runner.h"

#include <QObject>
#include <functional>

namespace fleetdeck {

class Executor;
class OperationService;

class RunningOpImpl final : public QObject, public RunningOp {
    Q_OBJECT
public:
    RunningOpImpl(Operation op, OperationService *service, Executor *executor, OpRunner *runner);

    const Operation &op() const override { return m_op; }
    bool cancelRequested() const override { return m_cancel; }
    void onCancelRequested(std::function<void()> fn) override { m_onCancel.push_back(std::move(fn)); }
    void onAbandoned(std::function<void()> fn) override { m_onAbandoned.push_back(std::move(fn)); }
    void createNodeRows(const QList<NodeProgress> &rows) override;
    void updateNode(const NodeProgress &row) override;
    void complete() override;
    void fail(const Reason &error) override;

    void requestCancel();
    // Runs the runner with exceptions contained (D18).
    void run();
    // Graceful replica shutdown: the op and its open node rows become running_on_worker.
    void abandonForShutdown();
    bool ended() const override { return m_ended; }

private:
    void putMemory();
    void commitMemory(const QStringList &changedNodeIds);
    void finishWith(OpState state, const Reason &message, const std::optional<Reason> &error);
    void leaveSlot();

    Operation m_op;
    OperationService *m_service;
    Executor *m_executor;
    OpRunner *m_runner;
    bool m_cancel = false;
    bool m_ended = false;
    std::vector<std::function<void()>> m_onCancel;
    std::vector<std::function<void()>> m_onAbandoned;
};

} // namespace fleetdeck
