#include "sim_jobs.h"

#include "core/clock.h"

namespace fleetdeck::sim {
namespace {
thread_local void *t_job = nullptr; // the Job this thread runs (a job thread only)
}

SimJobRunner::SimJobRunner(Clock *clock, Rng *rng, Trace *trace, QString node)
    : m_clock(clock), m_rng(rng), m_trace(trace), m_node(std::move(node))
{
}

SimJobRunner::~SimJobRunner()
{
    waitForDone();
}

void SimJobRunner::start(std::function<void()> fn)
{
    auto job = std::make_shared<Job>();
    m_jobs.push_back(job);
    Job *raw = job.get();
    job->thread = std::thread([raw, fn = std::move(fn)]() {
        t_job = raw;
        fn(); // the agent's job body catches every exception, SimKilled included
        {
            std::lock_guard lock(raw->mutex);
            raw->state = 2;
        }
        raw->cv.notify_all();
    });
    settle(job);
}

void SimJobRunner::settle(const std::shared_ptr<Job> &job)
{
    std::unique_lock lock(job->mutex);
    job->cv.wait(lock, [&]() { return job->state != 0; });
    if (job->state == 1) {
        const qint64 delay = job->delayMs;
        lock.unlock();
        m_clock->callAfter(delay, this, [this, job]() { resume(job); });
        return;
    }
    lock.unlock();
    if (job->thread.joinable())
        job->thread.join();
    m_jobs.remove(job);
}

void SimJobRunner::resume(const std::shared_ptr<Job> &job)
{
    {
        std::lock_guard lock(job->mutex);
        if (job->state != 1)
            return;
        job->go = true;
        job->state = 0;
    }
    job->cv.notify_all();
    settle(job);
}

void SimJobRunner::park(qint64 delayMs)
{
    auto *job = static_cast<Job *>(t_job);
    if (!job)
        return;
    if (m_killed)
        throw SimKilled();
    if (m_released)
        return;
    std::unique_lock lock(job->mutex);
    job->delayMs = delayMs;
    job->state = 1;
    job->cv.notify_all();
    job->cv.wait(lock, [&]() { return job->go; });
    job->go = false;
    lock.unlock();
    if (m_killed)
        throw SimKilled();
}

void SimJobRunner::waitForDone()
{
    m_released = true;
    const auto jobs = m_jobs;
    for (const auto &job : jobs) {
        {
            std::lock_guard lock(job->mutex);
            if (job->state == 1) {
                job->go = true;
                job->state = 0;
            }
        }
        job->cv.notify_all();
        std::unique_lock lock(job->mutex);
        job->cv.wait(lock, [&]() { return job->state == 2; });
        lock.unlock();
        if (job->thread.joinable())
            job->thread.join();
    }
    m_jobs.clear();
    m_released = false;
}

std::function<FetchOptions::FileThrottle(const QString &uri)> SimJobRunner::throttle()
{
    return [this](const QString &) -> FetchOptions::FileThrottle {
        return [this](qint64, qint64, const std::atomic<bool> *abort) {
            park(m_rng->range(m_link.minChunkMs, m_link.maxChunkMs));
            return !(abort && abort->load());
        };
    };
}

void SimJobRunner::parkAtPoint(const QString &)
{
    park(m_rng->range(0, 30));
}

void SimJobRunner::parkAfterEntry(const QString &, qint64)
{
    park(m_rng->range(1, 20));
}

} // namespace fleetdeck::sim
