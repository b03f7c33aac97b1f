#include "cluster/fan_out.h"

#include "cluster/fan_out_run.h"
#include "ops/operation_service.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcFanOut, "fleetdeck.engine.fanout")

namespace fleetdeck {

FanOut::FanOut(Deps deps, QObject *parent) : QObject(parent), m_deps(deps)
{
    m_client = new WorkerClient(m_deps.bus, this);
    m_listing = new ClusterListing(m_deps.store, m_client, m_deps.events, this);
    m_canceller = new OpCanceller(m_deps.store, m_client, this);
}

FanOut::~FanOut() = default;

ClusterSettings FanOut::settings() const
{
    return m_service ? m_service->settings() : ClusterSettings();
}

void FanOut::run(RunningOp *op)
{
    m_client->setTimeouts(WorkerTimeouts::from(settings()));

    auto run = std::make_unique<FanOutRun>();
    run->owner = this;
    run->op = op;
    if (auto *obj = dynamic_cast<QObject *>(op)) {
        run->alive = obj;
        run->aliveTracked = true;
    }
    run->snapshot = op->op();
    FanOutRun *raw = run.get();
    m_runs.push_back(std::move(run));
    op->onCancelRequested([this, raw]() {
        for (const auto &r : m_runs)
            if (r.get() == raw)
                raw->cancelled = true;
    });
    op->onAbandoned([this, raw]() {
        for (const auto &r : m_runs)
            if (r.get() == raw)
                raw->abandon();
    });
    raw->start();
}

void FanOut::runEnded(FanOutRun *run)
{
    // Deleted later: the caller is still on the run's stack.
    QMetaObject::invokeMethod(
        this,
        [this, run]() {
            for (auto it = m_runs.begin(); it != m_runs.end(); ++it)
                if (it->get() == run) {
                    m_runs.erase(it);
                    return;
                }
        },
        Qt::QueuedConnection);
}

QString FanOut::nodeStatusName(const QString &nodeId) const
{
    const auto it = m_nodeStatus.constFind(nodeId);
    return it == m_nodeStatus.constEnd() ? QStringLiteral("queued") : toString(*it);
}

} // namespace fleetdeck
