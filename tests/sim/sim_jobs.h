#pragma once
// The simulated job threads of one worker (tests/sim/README.md "Seams"): each install or delete
// job of the real WorkerAgent runs on a thread of its own, in lockstep with the main thread. The
// main thread waits while a job runs; a job runs only until its next park point (before each
// file:// chunk, after each extracted entry, at the installer's named commit points), where it
// waits for the simulated clock to reach its resume time. So exactly one thread runs at a time
// and a seed replays the same interleaving. A killed worker's jobs throw at their park point (the
// process died there); a stopped worker's jobs are released and run their cancel path.
#include "sim_rng.h"
#include "sim_trace.h"
#include "worker/artifact_fetcher.h"
#include "worker/job_runner.h"

#include <QObject>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

namespace fleetdeck {
class Clock;
}

namespace fleetdeck::sim {

// Thrown at a park point of a killed worker's job.
struct SimKilled : std::exception {
    const char *what() const noexcept override { return "simulated kill"; }
};

// The download speed of a node's link: delay per chunk in [min, max] ms.
struct LinkSpeed {
    qint64 minChunkMs = 20;
    qint64 maxChunkMs = 400;
};

class SimJobRunner final : public QObject, public JobRunner {
    Q_OBJECT
public:
    SimJobRunner(Clock *clock, Rng *rng, Trace *trace, QString node);
    ~SimJobRunner() override;

    void start(std::function<void()> job) override;
    void waitForDone() override;

    // Every park point from now on throws SimKilled (call before destroying the agent).
    void kill() { m_killed = true; }
    void setLink(const LinkSpeed &link) { m_link = link; }
    const LinkSpeed &link() const { return m_link; }
    int running() const { return int(m_jobs.size()); }

    // The worker's seams: fetch pacing and installer hooks, all parking the calling job.
    std::function<FetchOptions::FileThrottle(const QString &uri)> throttle();
    void parkAtPoint(const QString &point);
    void parkAfterEntry(const QString &entry, qint64 index);

private:
    struct Job {
        std::thread thread;
        std::mutex mutex;
        std::condition_variable cv;
        int state = 0; // 0 running, 1 parked, 2 done
        bool go = false;
        qint64 delayMs = 0;
    };
    void park(qint64 delayMs); // on a job thread
    void settle(const std::shared_ptr<Job> &job); // main thread: until parked or done
    void resume(const std::shared_ptr<Job> &job);

    Clock *m_clock;
    Rng *m_rng;
    Trace *m_trace;
    QString m_node;
    LinkSpeed m_link;
    std::list<std::shared_ptr<Job>> m_jobs;
    std::atomic<bool> m_killed{false};
    std::atomic<bool> m_released{false};
};

} // namespace fleetdeck::sim
