#pragma once
// What the parts of bench_live_latency share: the options, one path's figures, and the helpers
// that keep the GUI thread's event loop running while a publisher thread works.
#include "live_latency/ledger.h"
#include "live_latency/pacer.h"
#include "live_latency/probes.h"

#include <QCoreApplication>
#include <QString>
#include <QTimer>

#include <atomic>
#include <functional>
#include <pthread.h>
#include <thread>

namespace fleetdeck {
class EngineHost;
namespace ui {
class MainWindow;
}
} // namespace fleetdeck

namespace livelat {

struct Options {
    double rate = 2000;
    int ops = 500;
    double seconds = 5;
    QString url;
    bool pathA = true;
    bool pathB = true;
    QString cdf; // a file prefix: the distributions are written to <prefix>.<series>.dat
};

struct PathResult {
    QString error;               // set: the path did not run (the reason)
    Paced paced;
    Summary toEngine, toModel;   // publish → status map, publish → OpsModel
    qint64 shown = 0;            // events whose value the model exposed
    qint64 coalesced = 0;        // superseded before the model exposed them
    qint64 neverShown = 0;       // neither by the end of the drain
    qint64 engineCoalesced = 0;
    qint64 unmatched = 0, mismatches = 0;
    qint64 deltas = 0;           // ops snapshots the GUI applied in the window
    Summary guiPerSnapshot;      // GUI thread time per ops snapshot (SnapshotTimer)
    double probeSelfMs = 0;      // of which the model probe's own slots, in all
    QString cpu;                 // CPU per thread in the window (CpuSampler)
    double loadAverage = 0;      // the machine's, at the window's start
    Backlog backlog;
    QStringList notes;           // settings raised, what was simulated
};

// Runs the event loop until `done` or `timeoutMs`; returns done(). The loop sleeps between
// events; a 5 ms timer wakes it to check `done` again.
inline bool pumpUntil(const std::function<bool()> &done, int timeoutMs)
{
    QTimer wake;
    wake.start(5);
    const qint64 until = nowNs() + qint64(timeoutMs) * 1'000'000;
    while (!done() && nowNs() < until)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    return done();
}

// Runs `work` on its own thread (named `name`, as CpuSampler shows it) while the GUI thread's
// event loop goes on.
template <typename T>
T runPumping(const std::function<T()> &work, const char *name = "livelat-publish")
{
    std::atomic<bool> finished{false};
    T result{};
    std::thread t([&] {
        pthread_setname_np(pthread_self(), name);
        result = work();
        finished = true;
    });
    pumpUntil([&] { return finished.load(); }, 24 * 3600 * 1000);
    t.join();
    return result;
}

// Bytes of one status event as path (b) sends it.
int statusEventBytes();

// Path (a)'s gallery (written before the engine starts) and its simulator, stopped after the
// engine (worker_path.cpp).
QString writeWorkerGallery(const QString &dir, int ops);
void stopWorkerSim();

PathResult runStatusPath(fleetdeck::EngineHost &host, fleetdeck::ui::MainWindow &window, SnapshotTimer &timer, const Options &o);
PathResult runWorkerPath(fleetdeck::EngineHost &host, fleetdeck::ui::MainWindow &window, SnapshotTimer &timer, const Options &o);

} // namespace livelat
