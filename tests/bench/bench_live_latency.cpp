// Live latency of a progress tick, publish → GUI model, on a real nats-server on loopback with the
// real engine, EngineFeed / EngineHost and main window (offscreen), along both paths a tick takes
// (docs/architecture.md#one-progress-tick-worker-to-pixel):
//   (a) worker → owner's window: simulated workers (tests/bench/nodesim) hold install requests
//       open and publish progress on the worker subjects to the measured replica, which owns the
//       ops (live_latency/worker_path.cpp);
//   (b) owner → peer window: an owner publishes gallery.<id>.progress status events at the asked
//       rate and the measured replica, a peer, shows them (live_latency/status_path.cpp).
// For every event: the time from its publication to the moment the operations bar's model exposes
// its value (dataChanged / rowsInserted of that row, live_latency/probes.h). Baseline, same run:
// a raw nats.c publish → subscribe hop at the same rate and message size. Also printed: events
// coalesced before the model, the largest queue between engine and GUI, the GUI thread's time per
// ops snapshot and the CPU each thread got (the machine's load shows in every figure). Prints
// figures and ratios; asserts nothing about time.
//   bench_live_latency [--rate N] [--ops N] [--seconds S] [--nats URL] [--path a|b|both]
#include "bridge/engine_host.h"
#include "live_latency/cpu.h"
#include "live_latency/raw_baseline.h"
#include "live_latency/session.h"
#include "main_window.h"
#include "nats_test_server.h"
#include "theme/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace fleetdeck;
using namespace livelat;

namespace {

void printRow(const char *label, qint64 n, const Summary &s)
{
    if (s.samples == 0) {
        std::printf("  %-44s %8lld      -        -        -\n", label, n);
        return;
    }
    std::printf("  %-44s %8lld %8.2f %8.2f %8.2f\n", label, n, s.p50, s.p99, s.max);
}

void printPath(const char *name, const PathResult &r, const BaselineResult &base, const Options &o, bool headroom)
{
    std::printf("\n%s\n", name);
    if (!r.error.isEmpty()) {
        std::printf("  NOT RUN: %s\n", qPrintable(r.error));
        return;
    }
    for (const QString &n : r.notes)
        std::printf("  %s\n", qPrintable(n));
    std::printf("  published %lld events in %.2f s (%.0f/s; asked %.0f/s)\n", r.paced.sent, r.paced.seconds, r.paced.rate(), o.rate);
    std::printf("  latency (ms)                                   events      p50      p99      max\n");
    printRow("publish -> engine status map (opChanged)", r.toEngine.samples, r.toEngine);
    printRow("publish -> OpsModel row exposes the value", r.toModel.samples, r.toModel);
    std::printf("  events: %lld shown by the model, %lld coalesced (superseded before the model showed them; "
                "not timed), %lld neither by the end of the drain; %lld superseded before the engine\n",
                r.shown, r.coalesced, r.neverShown, r.engineCoalesced);
    if (r.unmatched || r.mismatches)
        std::printf("  BENCH CHECK: %lld values never published, %lld rows whose progress differed from their event\n",
                    r.unmatched, r.mismatches);
    const double bp50 = std::max(0.001, base.latency.p50), bp99 = std::max(0.001, base.latency.p99);
    std::printf("  ratio to the raw nats.c baseline: p50 %.1fx, p99 %.1fx, max %.1fx\n", r.toModel.p50 / bp50, r.toModel.p99 / bp99,
                r.toModel.max / std::max(0.001, base.latency.max));
    QStringList perSecond;
    for (qint64 q : r.backlog.perSecondEngineToGui)
        perSecond << QString::number(q);
    std::printf("  largest queue engine -> GUI: %lld events (per second of the window: %s); wire -> engine: %lld events\n",
                r.backlog.maxEngineToGui, qPrintable(perSecond.join(QLatin1Char(' '))), r.backlog.maxWireToEngine);
    std::printf("  ops snapshots applied by the GUI in the window: %lld (%.0f/s); GUI thread per snapshot (ms): p50 %.2f, "
                "p99 %.2f, max %.2f (this bench's model probe: %.1f ms in all)\n",
                r.deltas, r.paced.seconds > 0 ? double(r.deltas) / r.paced.seconds : 0.0, r.guiPerSnapshot.p50,
                r.guiPerSnapshot.p99, r.guiPerSnapshot.max, r.probeSelfMs);
    std::printf("  threads in the window (%% of the window): %s; machine load average %.1f on %d cores\n", qPrintable(r.cpu),
                r.loadAverage, QThread::idealThreadCount());
    if (headroom)
        std::printf("  target at 20 000 events/s: p99 < 50 ms (stretch < 20 ms), queue bounded; measured p99 %.2f ms at %.0f/s\n",
                    r.toModel.p99, r.paced.rate());
    else
        std::printf("  target at 2 000 events/s: p99 < 20 ms (stretch < 10 ms); measured p99 %.2f ms at %.0f/s\n", r.toModel.p99,
                    r.paced.rate());
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rateOpt(QStringLiteral("rate"), QStringLiteral("Events per second."), QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption opsOpt(QStringLiteral("ops"), QStringLiteral("Active ops."), QStringLiteral("N"), QStringLiteral("500"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("Seconds per measured window."), QStringLiteral("S"),
                                        QStringLiteral("5"));
    const QCommandLineOption natsOpt(QStringLiteral("nats"), QStringLiteral("nats-server URL (default: the CTest fixture's, else a private one)."),
                                     QStringLiteral("URL"));
    const QCommandLineOption pathOpt(QStringLiteral("path"), QStringLiteral("a, b or both."), QStringLiteral("P"), QStringLiteral("both"));
    const QCommandLineOption cdfOpt(QStringLiteral("cdf"), QStringLiteral("Write each latency distribution to PREFIX.<series>.dat."),
                                    QStringLiteral("PREFIX"));
    parser.addOptions({rateOpt, opsOpt, secondsOpt, natsOpt, pathOpt, cdfOpt});
    parser.process(app);
    Options o;
    o.rate = parser.value(rateOpt).toDouble();
    o.ops = parser.value(opsOpt).toInt();
    o.seconds = parser.value(secondsOpt).toDouble();
    o.cdf = parser.value(cdfOpt);
    const QString path = parser.value(pathOpt);
    o.pathA = path == QLatin1String("a") || path == QLatin1String("both");
    o.pathB = path == QLatin1String("b") || path == QLatin1String("both");
    if (o.rate <= 0 || o.ops <= 0 || o.seconds <= 0 || (!o.pathA && !o.pathB)) {
        std::fprintf(stderr, "bench_live_latency: --rate, --ops, --seconds must be positive and --path a, b or both\n");
        return 2;
    }
    o.url = parser.value(natsOpt);
    if (o.url.isEmpty())
        o.url = test::NatsTestServer::sharedFixtureUrl();
    std::unique_ptr<test::NatsTestServer> ownServer;
    if (o.url.isEmpty()) {
        ownServer = std::make_unique<test::NatsTestServer>();
        if (!ownServer->start()) {
            std::fprintf(stderr, "bench_live_latency: no --nats, no CTest fixture, and nats-server did not start: %s\n",
                         qPrintable(ownServer->errorString()));
            return 1;
        }
        o.url = ownServer->url();
    }

    QTemporaryDir dir;
    ui::Theme::instance().apply(ui::Theme::Mode::Light);
    EngineConfig ec;
    ec.kind = QStringLiteral("gui");
    ec.store.driver = StoreConfig::Driver::Sqlite;
    ec.store.path = dir.path() + QStringLiteral("/live_latency.sqlite");
    NatsConfig nc;
    nc.url = o.url;
    nc.name = QStringLiteral("bench_live_latency-replica");
    ec.nats = nc;
    ec.galleryUrls = {writeWorkerGallery(dir.path(), o.ops)};
    EngineHost host(EngineStarter::forConfig(ec));
    SnapshotTimer snapshotTimer(host); // before the window: its first slot runs before the views'
    ui::MainWindow window(&host);
    snapshotTimer.attachAfterViews();
    window.setConfirmQuit(false);
    window.resize(1400, 900);
    window.show();
    host.start();
    if (!pumpUntil([&] { return host.isStarted() || !host.startError().message.isEmpty(); }, 60'000) || !host.isStarted()) {
        std::fprintf(stderr, "bench_live_latency: the engine did not start: %s\n", qPrintable(host.startError().message));
        return 1;
    }

    qint64 engineTid = 0;
    QMetaObject::invokeMethod(host.ownerOnEngineThread(), [] { return qint64(gettid()); }, Qt::BlockingQueuedConnection, &engineTid);
    CpuSampler::setEngineThread(engineTid);

    std::printf("bench_live_latency: nats %s, %.0f events/s asked, %d active ops, %.1f s per window, path %s\n", qPrintable(o.url),
                o.rate, o.ops, o.seconds, qPrintable(path));
    std::printf("One replica (kind gui, SQLite store, its own NATS connection) under EngineHost with the real main window,\n"
                "offscreen. Latency = publish (stamped at the hand-off to nats.c) -> the operations bar's OpsModel\n"
                "exposes that value (dataChanged/rowsInserted of the row). The feed sends at most one ops snapshot\n"
                "per frame and waits for the GUI's ack, so an event superseded before it reached the model is\n"
                "counted as coalesced, not timed: latencies are those of the values that reached the model.\n");

    // Baseline, same run: a raw nats.c hop at the same rate and with the status events' size.
    const int bytes = statusEventBytes();
    const BaselineResult base =
        runPumping<BaselineResult>([&] { return runBaseline(o.url, o.rate, o.seconds, bytes); }, "livelat-baseline");
    std::printf("\nbaseline: raw nats.c publish -> subscription callback, %d-byte messages, same server\n", bytes);
    if (!base.error.isEmpty()) {
        std::printf("  NOT RUN: %s\n", qPrintable(base.error));
    } else {
        std::printf("  published %lld in %.2f s (%.0f/s), received %lld\n", base.paced.sent, base.paced.seconds, base.paced.rate(),
                    base.received);
        std::printf("  latency (ms)                                   events      p50      p99      max\n");
        printRow("publish -> callback (raw nats.c)", base.received, base.latency);
    }

    const bool headroom = o.rate >= 20000;
    // Each path's row of docs/benchmarks.md (scripts/bench.sh) and, with --cdf, its distribution.
    auto report = [&](const char *key, const char *what, const PathResult &r) {
        if (!o.cdf.isEmpty() && r.error.isEmpty())
            writeCdf(o.cdf + QLatin1Char('.') + QLatin1String(key) + QStringLiteral(".dat"), r.toModel);
        if (!r.error.isEmpty())
            return;
        std::printf("figure: latency-%s-%.0f | tick → GUI model, %s, %.0f events/s (asked %.0f), %d ops | %s | p99 %.1f ms (p50 %.1f, max %.1f) | "
                    "p99 %.2f ms (raw nats.c hop) | %.1fx |\n",
                    key, o.rate, what, r.paced.rate(), o.rate, o.ops, headroom ? "p99 < 50 ms, queue bounded; < 20 ms" : "p99 < 20 ms; < 10 ms",
                    r.toModel.p99, r.toModel.p50, r.toModel.max, base.latency.p99, base.latency.p99 > 0 ? r.toModel.p99 / base.latency.p99 : 0.0);
    };
    if (!o.cdf.isEmpty() && base.error.isEmpty())
        writeCdf(o.cdf + QStringLiteral(".raw-nats.dat"), base.latency);
    if (o.pathB) {
        const PathResult r = runStatusPath(host, window, snapshotTimer, o);
        printPath("(b) owner -> peer window: gallery.<id>.progress status events, one per op in turn", r, base, o, headroom);
        report("b-owner-to-peer", "path (b) owner → peer window", r);
    }
    std::fflush(stdout);
    if (o.pathA) {
        const PathResult r = runWorkerPath(host, window, snapshotTimer, o);
        printPath("(a) worker -> owner's window: worker progress ticks on nodes.<name>.backend.install.<op>.progress", r, base, o, headroom);
        report("a-worker-to-owner", "path (a) worker → owner's window", r);
    }
    std::printf("\nTargets (printed, not checked): tick -> GUI model at 2 000 events/s on both paths p99 < 20 ms (stretch < 10 ms);\n"
                "at 20 000 events/s (path b) p99 < 50 ms with the queue bounded (stretch < 20 ms).\n");
    std::fflush(stdout);

    bool stopped = false;
    host.stop([&] { stopped = true; });
    pumpUntil([&] { return stopped; }, 10'000);
    stopWorkerSim();
    return 0;
}
