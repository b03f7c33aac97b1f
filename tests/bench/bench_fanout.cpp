// Fan-out at cluster scale (issue #13): one real replica (Engine, kind headless, on a real
// nats-server and a fresh store) and 1,000 simulated workers (fleetdeck-nodesim, a process of its
// own: tests/bench/nodesim/node_sim.h).
//   Phase 1: one cluster-wide install admitted through OperationService::admit, as fleetdeckctl and
//   the GUI admit it; the wall time from admission to the op's terminal success. Baselines, same
//   run: ideal = download time × nodes / ops/fanout_parallel (the setting's value as the engine
//   reads it; docs/operations.md#fan-out) and the serial fan-out of the reference system =
//   download time × nodes.
//   Phase 2: the replica process's CPU (getrusage RUSAGE_SELF, user + sys) while the nodes heartbeat
//   at the default interval and no op runs, as % of one core; baseline, same run and same window
//   length: the replica idle before any node registered.
// Prints figures; asserts nothing about time (exit 1 only when the op does not succeed or the
// nodes do not register).
//   bench_fanout [--nodes N] [--download-ms MS] [--tick-ms MS] [--idle-seconds S]
//                [--nats URL] [--store sqlite|postgres] [--nodesim PATH] [--verbose]
#include "bus/subjects.h"
#include "config/cluster_settings.h"
#include "engine.h"
#include "nats_test_server.h"
#include "ops/op_publisher.h"
#include "store/store_thread.h"
#include "test_db.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QTimer>
#include <cstdio>
#include <memory>
#include <sys/resource.h>

using namespace fleetdeck;

namespace {

const QString kBackend = QStringLiteral("fanout-bench");

void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

template <class T>
bool waitFor(const QFuture<T> &f, int timeoutMs)
{
    if (f.isFinished())
        return true;
    QEventLoop loop;
    QFutureWatcher<T> w;
    QObject::connect(&w, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    w.setFuture(f);
    loop.exec();
    return f.isFinished();
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// % of one core used by this process (the replica) while its event loop runs for `seconds`.
double idleCpuPercent(double seconds)
{
    QElapsedTimer wall;
    const double before = cpuSeconds();
    wall.start();
    runFor(int(seconds * 1000));
    const double used = cpuSeconds() - before;
    return 100.0 * used / (double(wall.nsecsElapsed()) / 1e9);
}

QString writeGallery(const QString &dir)
{
    const QJsonObject entry{{QStringLiteral("name"), kBackend},
                            {QStringLiteral("version"), QStringLiteral("1.0.0")},
                            {QStringLiteral("uri"), QStringLiteral("file:///nonexistent/fanout-bench.tar.gz")},
                            {QStringLiteral("description"), QStringLiteral("Synthetic backend of the fan-out benchmark")}};
    const QString path = dir + QStringLiteral("/gallery.json");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("fleetdeck_gallery"), 1}, {QStringLiteral("name"), QStringLiteral("bench")},
                                      {QStringLiteral("backends"), QJsonArray{entry}}}).toJson());
    return path;
}

// fleetdeck-nodesim, driven through its stdin/stdout protocol (nodesim/nodesim_main.cpp).
class NodeSimProcess {
public:
    ~NodeSimProcess()
    {
        if (m_proc.state() == QProcess::NotRunning)
            return;
        m_proc.write("quit\n");
        if (!m_proc.waitForFinished(5000)) {
            m_proc.kill();
            m_proc.waitForFinished(2000);
        }
    }
    bool start(const QString &program, const QStringList &args)
    {
        m_proc.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_proc.start(program, args);
        return m_proc.waitForStarted(10000);
    }
    // The next stdout line starting with `prefix`, or empty after timeoutMs or the process's end.
    QString waitLine(const QString &prefix, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        for (;;) {
            while (m_proc.canReadLine()) {
                const QString line = QString::fromUtf8(m_proc.readLine()).trimmed();
                if (line.startsWith(prefix))
                    return line;
            }
            if (t.elapsed() >= timeoutMs || m_proc.state() == QProcess::NotRunning)
                return {};
            m_proc.waitForReadyRead(50);
        }
    }
    // "stats" or "gaps": the key=value pairs of its answer line.
    QHash<QString, qint64> query(const char *command = "stats")
    {
        m_proc.write(QByteArray(command) + '\n');
        QHash<QString, qint64> out;
        const QStringList words = waitLine(QLatin1String(command) + QLatin1Char(' '), 5000).split(QLatin1Char(' '));
        for (const QString &w : words)
            if (const qsizetype eq = w.indexOf(QLatin1Char('=')); eq > 0)
                out.insert(w.left(eq), w.mid(eq + 1).toLongLong());
        return out;
    }
    QString error() const { return m_proc.errorString(); }

private:
    QProcess m_proc;
};

int healthyNodes(Engine &engine, const QString &prefix)
{
    const auto f = engine.listNodes();
    if (!waitFor(f, 30000))
        return -1;
    const Result<QList<Node>> nodes = f.result();
    if (!nodes)
        return -1;
    int n = 0;
    for (const Node &node : nodes.value())
        n += node.name.startsWith(prefix) && node.status == NodeStatus::Healthy;
    return n;
}

int fail(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "bench_fanout: %s%s%s\n", what, detail.isEmpty() ? "" : ": ", qPrintable(detail));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption nodesOpt(QStringLiteral("nodes"), QStringLiteral("Simulated nodes."), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption downloadOpt(QStringLiteral("download-ms"), QStringLiteral("Simulated download time per node."), QStringLiteral("MS"), QStringLiteral("400"));
    const QCommandLineOption tickOpt(QStringLiteral("tick-ms"), QStringLiteral("Progress interval of a simulated download."), QStringLiteral("MS"), QStringLiteral("250"));
    const QCommandLineOption idleOpt(QStringLiteral("idle-seconds"), QStringLiteral("CPU window of phase 2 (and of its baseline)."), QStringLiteral("S"), QStringLiteral("20"));
    const QCommandLineOption natsOpt(QStringLiteral("nats"), QStringLiteral("NATS URL (default: the CTest fixture's, else a private server)."), QStringLiteral("URL"));
    const QCommandLineOption storeOpt(QStringLiteral("store"), QStringLiteral("sqlite or postgres (the CTest fixture's server)."), QStringLiteral("KIND"), QStringLiteral("sqlite"));
    const QCommandLineOption simOpt(QStringLiteral("nodesim"), QStringLiteral("Path of fleetdeck-nodesim."), QStringLiteral("PATH"), QString::fromUtf8(FLEETDECK_NODESIM_PATH));
    const QCommandLineOption verboseOpt(QStringLiteral("verbose"), QStringLiteral("Keep the engine's info logging."));
    parser.addOptions({nodesOpt, downloadOpt, tickOpt, idleOpt, natsOpt, storeOpt, simOpt, verboseOpt});
    parser.process(app);
    const int nNodes = parser.value(nodesOpt).toInt();
    const qint64 downloadMs = parser.value(downloadOpt).toLongLong();
    const double idleSeconds = parser.value(idleOpt).toDouble();
    if (nNodes < 1 || downloadMs < 0 || idleSeconds <= 0)
        return fail("bad arguments", QStringLiteral("--nodes ≥ 1, --download-ms ≥ 0, --idle-seconds > 0"));
    if (!parser.isSet(verboseOpt))
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));

    // NATS: --nats, else the fixture's server, else one of our own.
    std::unique_ptr<test::NatsTestServer> ownServer;
    QString natsUrl = parser.isSet(natsOpt) ? parser.value(natsOpt) : test::NatsTestServer::sharedFixtureUrl();
    if (natsUrl.isEmpty()) {
        ownServer = std::make_unique<test::NatsTestServer>();
        if (!ownServer->start())
            return fail("cannot start nats-server", ownServer->errorString());
        natsUrl = ownServer->url();
    }
    QString dbError;
    const auto db = test::TestDatabase::create(parser.value(storeOpt) == QLatin1String("postgres") ? test::Backend::Postgres
                                                                                                 : test::Backend::Sqlite,
                                               &dbError);
    if (!db)
        return fail("no store", dbError);

    EngineConfig ec;
    ec.kind = QStringLiteral("headless");
    ec.store = db->config();
    NatsConfig nc;
    nc.url = natsUrl;
    nc.name = QStringLiteral("bench_fanout replica");
    ec.nats = nc;
    ec.galleryUrls = {writeGallery(db->dir())};
    Engine engine(ec);
    const auto started = engine.start();
    if (!waitFor(started, 60000))
        return fail("engine start timed out");
    if (started.result().exitCode != 0)
        return fail("engine did not start", started.result().message);
    // New nodes become healthy at registration (docs/nodes.md#registration), as an admin would set it.
    const auto approve = ClusterSettings::validate(QStringLiteral("nodes/auto_approve"), QStringLiteral("true"));
    const QJsonValue approveValue = approve.value();
    const Status set = engine.store()->callSync([&approveValue](Store &s) {
        return s.setSetting(QStringLiteral("nodes/auto_approve"), approveValue, QStringLiteral("bench_fanout"));
    });
    if (!set)
        return fail("cannot set nodes/auto_approve", set.error());
    engine.ops()->publisher()->publishJson(subjects::settingsChanged(),
                                           QJsonObject{{QStringLiteral("key"), QStringLiteral("nodes/auto_approve")}});
    for (int i = 0; i < 100 && !engine.settings().autoApprove(); ++i)
        runFor(50);
    if (!engine.settings().autoApprove())
        return fail("nodes/auto_approve did not take effect");
    const ClusterSettings settings = engine.settings();
    const int parallel = settings.fanoutParallel();
    const int hbInterval = settings.heartbeatIntervalS();

    // Phase 2's baseline first: the same replica with no node at all.
    runFor(1000);
    const double cpuBaseline = idleCpuPercent(idleSeconds);

    // The simulated nodes.
    const QString prefix = QStringLiteral("fo%1-").arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
    NodeSimProcess sim;
    const QStringList simArgs{QStringLiteral("--nats"), natsUrl, QStringLiteral("--nodes"), QString::number(nNodes),
                              QStringLiteral("--prefix"), prefix, QStringLiteral("--download-ms"), QString::number(downloadMs),
                              QStringLiteral("--tick-ms"), parser.value(tickOpt)};
    if (!sim.start(parser.value(simOpt), simArgs))
        return fail("cannot start fleetdeck-nodesim", parser.value(simOpt) + QStringLiteral(": ") + sim.error());
    if (sim.waitLine(QStringLiteral("ready "), 30000).isEmpty())
        return fail("fleetdeck-nodesim did not come up");
    QElapsedTimer regClock;
    regClock.start();
    const qint64 regTimeoutMs = 120000 + qint64(nNodes) * 100;
    int healthy = 0;
    while ((healthy = healthyNodes(engine, prefix)) < nNodes && regClock.elapsed() < regTimeoutMs)
        runFor(250);
    const qint64 registeredMs = regClock.elapsed();
    if (healthy < nNodes)
        return fail("nodes not healthy in time", QStringLiteral("%1 of %2").arg(healthy).arg(nNodes));
    const auto statsBefore = sim.query();
    sim.query("gaps"); // empties the simulator's list

    // Phase 1: one cluster-wide install, admission to terminal state.
    AdmitRequest req;
    req.kind = OpKind::Install;
    req.backend = kBackend;
    const double cpuBeforeOp = cpuSeconds();
    QElapsedTimer opClock;
    opClock.start();
    const auto admitted = engine.ops()->admit(req);
    if (!waitFor(admitted, 30000) || !admitted.result())
        return fail("admission failed", admitted.isFinished() ? admitted.result().error() : QStringLiteral("timeout"));
    const QString opId = admitted.result()->opId;
    qint64 runningAtMs = -1, terminalAtMs = -1;
    bool seen = false;
    QEventLoop opLoop;
    auto check = [&]() {
        const auto facts = engine.ops()->statusMap().listFacts({opId}).value(0);
        if (!facts) {
            if (seen && terminalAtMs < 0) { // left memory: it ended
                terminalAtMs = opClock.elapsed();
                opLoop.quit();
            }
            return;
        }
        seen = true;
        if (runningAtMs < 0 && facts->state != OpState::Queued)
            runningAtMs = opClock.elapsed();
        if (terminalAtMs < 0 && isTerminal(facts->state)) {
            terminalAtMs = opClock.elapsed();
            opLoop.quit();
        }
    };
    const auto conn = QObject::connect(&engine, &Engine::opsChanged, &app, check);
    QTimer poll; // a safety net: opsChanged is the trigger
    QObject::connect(&poll, &QTimer::timeout, &app, check);
    poll.start(200);
    const qint64 ideal = downloadMs * nNodes / parallel;
    QTimer::singleShot(int(std::min<qint64>(ideal * 10 + 120000, 3600000)), &opLoop, &QEventLoop::quit);
    check();
    if (terminalAtMs < 0)
        opLoop.exec();
    const double cpuDuringOp = 100.0 * (cpuSeconds() - cpuBeforeOp) / (double(opClock.nsecsElapsed()) / 1e9);
    poll.stop();
    QObject::disconnect(conn);
    if (terminalAtMs < 0)
        return fail("the op did not end in time", opId);
    std::optional<Operation> op = engine.ops()->statusMap().get(opId);
    if (!op) {
        const auto stored = engine.store()->callSync([opId](Store &s) { return s.getOp(opId); });
        if (stored && stored.value())
            op = *stored.value();
    }
    int succeeded = 0;
    if (op)
        for (const NodeProgress &n : std::as_const(op->nodes))
            succeeded += n.status == NodeRowStatus::Success;
    const auto statsAfter = sim.query();
    const auto gaps = sim.query("gaps");

    // Phase 2: idle, every node heartbeating, no op running; settle the op's tail first, and let
    // every node send its first heartbeat (the simulator spreads them over the second interval
    // after registration) unless the window is too short to be a steady state anyway.
    runFor(2000);
    QElapsedTimer hbWait;
    hbWait.start();
    while (idleSeconds >= hbInterval && sim.query().value(QStringLiteral("heartbeats")) < nNodes
           && hbWait.elapsed() < qint64(hbInterval) * 2000 + 5000)
        runFor(250);
    const auto hbBefore = sim.query().value(QStringLiteral("heartbeats"));
    const double cpuLoaded = idleCpuPercent(idleSeconds);
    const auto hbDuring = sim.query().value(QStringLiteral("heartbeats")) - hbBefore;

    const qint64 serial = downloadMs * nNodes;
    const double ratio = ideal > 0 ? 100.0 * double(terminalAtMs) / double(ideal) : 0;
    std::printf("bench_fanout: %d simulated nodes (fleetdeck-nodesim), %s store, NATS %s\n", nNodes,
                qPrintable(test::toString(db->backend())), qPrintable(natsUrl));
    std::printf("  registration: %d nodes healthy in the replica's registry after %.1f s\n", nNodes, double(registeredMs) / 1000);
    std::printf("phase 1: one cluster-wide install, download %lld ms per node, ops/fanout_parallel = %d\n",
                (long long)downloadMs, parallel);
    std::printf("  op %s: %s, %d/%d nodes success%s%s\n", qPrintable(opId), op ? qPrintable(toString(op->state)) : "?",
                succeeded, nNodes, op && op->error ? ", error: " : "", op && op->error ? qPrintable(op->error->left(300)) : "");
    std::printf("  measured (admit → terminal)      %10.3f s   (admit → running %.3f s)\n", double(terminalAtMs) / 1000,
                double(runningAtMs) / 1000);
    std::printf("  ideal (download × nodes / %d)     %10.3f s   baseline\n", parallel, double(ideal) / 1000);
    if (nNodes % parallel != 0)
        std::printf("  whole waves (⌈nodes / %d⌉ × download) %6.3f s\n", parallel,
                    double((nNodes + parallel - 1) / parallel * downloadMs) / 1000);
    if (ideal > 0)
        std::printf("  ratio measured / ideal           %9.1f %%   (target ≤ 110 %%, stretch ≤ 103 %%)\n", ratio);
    else // --download-ms 0: the replica's own ceiling, nothing to compare with
        std::printf("  ratio measured / ideal                 n/a   (no download time: the replica's own rate, %.0f nodes/s)\n",
                    terminalAtMs > 0 ? 1000.0 * nNodes / double(terminalAtMs) : 0.0);
    std::printf("  reference serial (download × nodes) %7.3f s   measured is %.1f× faster\n", double(serial) / 1000,
                terminalAtMs > 0 ? double(serial) / double(terminalAtMs) : 0.0);
    std::printf("  overhead per node slot           %10.2f ms   ((measured − ideal) × %d / nodes)\n",
                double(terminalAtMs - ideal) * parallel / nNodes, parallel);
    const auto delta = [&](const char *key) { return statsAfter.value(QLatin1String(key)) - statsBefore.value(QLatin1String(key)); };
    const qint64 installs = delta("installs");
    const double busyMs = double(delta("busy_us")) / 1000;
    std::printf("  simulator: %lld install replies, %lld progress ticks published during the op\n", (long long)installs,
                (long long)delta("progress"));
    // Where the overhead is: the simulator's own lateness (a request held longer than the download
    // time) versus the replica's time between a reply and the next request on that slot.
    std::printf("  simulated install, request → reply %7.2f ms mean (download %lld ms)\n",
                installs > 0 ? busyMs / double(installs) : 0.0, (long long)downloadMs);
    std::printf("  replica turnaround per node slot %8.2f ms   ((measured × %d − Σ request → reply) / nodes)\n",
                (double(terminalAtMs) * parallel - busyMs) / nNodes, parallel);
    std::printf("  reply → next request, as the simulator sees it (%lld slots): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
                "max %.2f ms\n", (long long)gaps.value(QStringLiteral("n")), double(gaps.value(QStringLiteral("p50_us"))) / 1000,
                double(gaps.value(QStringLiteral("p90_us"))) / 1000, double(gaps.value(QStringLiteral("p99_us"))) / 1000,
                double(gaps.value(QStringLiteral("max_us"))) / 1000);
    std::printf("  replica process CPU during the op %7.1f %% of one core\n", cpuDuringOp);
    std::printf("phase 2: replica process CPU (getrusage RUSAGE_SELF, user + sys) over %.1f s, no op running\n", idleSeconds);
    std::printf("  no nodes (baseline)              %9.3f %% of one core\n", cpuBaseline);
    std::printf("  %d nodes heartbeating every %d s %6.3f %% of one core   (target < 5 %%, stretch < 1 %%)\n", nNodes,
                hbInterval, cpuLoaded);
    std::printf("  heartbeats sent in the window: %lld (%.1f/s)%s\n", (long long)hbDuring, double(hbDuring) / idleSeconds,
                idleSeconds < hbInterval ? "; the window is shorter than the interval: not a steady state" : "");
    // The rows of docs/benchmarks.md (scripts/bench.sh).
    std::printf("figure: fanout | cluster-wide install on %d simulated nodes, %lld ms download | ≤ 110 %% of the ideal; ≤ 103 %% | %.3f s (%.1f %%) | "
                "%.3f s ideal; %.3f s serial (reference system) | %.3f |\n", nNodes, (long long)downloadMs, double(terminalAtMs) / 1000, ratio,
                double(ideal) / 1000, double(serial) / 1000, ratio / 100);
    std::printf("figure: idle-cpu | replica CPU, %d nodes heartbeating every %d s, no ops | < 5 %% of one core; < 1 %% | %.2f %% | %.2f %% (no nodes) | |\n",
                nNodes, hbInterval, cpuLoaded, cpuBaseline);
    std::fflush(stdout);

    const bool ok = op && op->state == OpState::Success && succeeded == nNodes;
    waitFor(engine.stop(), 10000);
    return ok ? 0 : fail("the op did not succeed on every node");
}
