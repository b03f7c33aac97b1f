#pragma once
// The per-replica executor of docs/operations.md#executor: up to ops/max_concurrent slots; claims
// handed-off ops (oldest first, or a locally admitted op at once); wake-ups on local admission, any
// gallery.opcache.start, a slot freeing and every ops/claim_poll_s. Runs each started op through
// the OpRunner with exceptions contained (D18).
#include <QFuture>
#include <QHash>
#include <QObject>
#include <memory>

namespace fleetdeck {

class OperationService;
class OpRunner;
class RunningOpImpl;

class Executor final : public QObject {
    Q_OBJECT
public:
    Executor(OperationService *service, OpRunner *runner);
    ~Executor() override;

    void setMaxConcurrent(int n) { m_maxConcurrent = qMax(1, n); }
    int maxConcurrent() const { return m_maxConcurrent; }
    void start();
    // Graceful shutdown (docs/operations.md#executor): claimed but unstarted ops are handed back;
    // running ops become running_on_worker for the reconciler to confirm.
    QFuture<void> shutdown();

    void wake();
    void wakeFor(const QString &opId);
    bool isRunning(const QString &opId) const;
    void requestCancel(const QString &opId);
    int runningCount() const { return static_cast<int>(m_running.size()); }
    int usedSlots() const { return m_used; }
    int peakRunning() const { return m_peakRunning; }

    // Called by a RunningOpImpl once its op left the slot (terminal or running_on_worker).
    void released(const QString &opId);

private:
    void claimNext(const QString &preferredOpId);
    void startClaimed(const QString &opId);
    void schedulePoll();

    OperationService *m_service;
    OpRunner *m_runner;
    int m_maxConcurrent = 4;
    int m_used = 0;          // claimed or running
    int m_peakRunning = 0;
    bool m_claiming = false;
    bool m_rewake = false;
    bool m_started = false;
    bool m_shuttingDown = false;
    quint64 m_pollTimer = 0;
    QHash<QString, RunningOpImpl *> m_running;
};

} // namespace fleetdeck
