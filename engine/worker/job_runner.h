#pragma once
// Where a worker's install and delete jobs run (docs/worker.md#start-and-concurrency: a pool of 8
// threads). Production uses PoolJobRunner; the deterministic simulator (tests/sim, docs/testing.md
// "Simulation seams") runs each job in lockstep with its simulated clock.
#include <QThreadPool>
#include <functional>
#include <memory>

namespace fleetdeck {

class JobRunner {
public:
    virtual ~JobRunner() = default;
    // Runs job on some thread other than the caller's.
    virtual void start(std::function<void()> job) = 0;
    // Returns once every started job has returned (the caller has asked them to cancel).
    virtual void waitForDone() = 0;
};

class PoolJobRunner final : public JobRunner {
public:
    explicit PoolJobRunner(int threads) { m_pool.setMaxThreadCount(qMax(1, threads)); }
    void start(std::function<void()> job) override { m_pool.start(std::move(job)); }
    void waitForDone() override { m_pool.waitForDone(); }

private:
    QThreadPool m_pool;
};

} // namespace fleetdeck
