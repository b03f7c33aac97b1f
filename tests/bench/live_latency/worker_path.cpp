// Path (a), worker → owner's window: the measured replica owns the ops. A NodeSimulator
// (tests/bench/nodesim) registers simulated workers, holds the install requests open and
// publishes progress on nodes.<name>.backend.install.<op>.progress; the owner's fan-out applies
// each tick to its node row and its own window's operations bar shows it
// (docs/architecture.md#one-progress-tick-worker-to-pixel steps 3 to 5, 8 and 9).
//
// Shape: R = min(ops, 64) cluster-wide installs run at once (ops/max_concurrent, whose ceiling is
// 64) over N simulated nodes, every op holding one request per node open; the rest of the ops
// wait queued. Each open request ticks every T ms with T = 1000 * R * N / rate, so the ticks add
// up to the asked rate; N is the smallest count with T >= 250 ms (a real worker's debounce,
// docs/protocol.md#progress-debounce-and-coalescing). A tick's value is its node row's percentage,
// so the download lasts at most 90 ticks (each tick a new percentage).
#include "bridge/engine_host.h"
#include "live_latency/cpu.h"
#include "live_latency/session.h"
#include "main_window.h"
#include "nodesim/node_sim.h"
#include "widgets/ops_bar.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <memory>

using namespace fleetdeck;

namespace livelat {

namespace {

constexpr int kMaxRunning = 64; // the ceiling of ops/max_concurrent
constexpr double kWorkerTickMs = 250;
std::unique_ptr<bench::NodeSimulator> g_sim; // outlives the path: stopped after the engine

QString backendName(int i)
{
    return QStringLiteral("lat-a-%1").arg(i, 5, 10, QLatin1Char('0'));
}

bool setSettings(EngineHost &host, ui::MainWindow &window, const QList<std::pair<QString, QString>> &values, QString *error)
{
    int pending = int(values.size());
    for (const auto &[key, value] : values)
        host.setSetting(key, value, &window, [&pending, error, key = key](const Status &st) {
            if (!st)
                *error = key + QStringLiteral(": ") + st.error();
            --pending;
        });
    return pumpUntil([&] { return pending == 0; }, 30'000) && error->isEmpty();
}

} // namespace

QString writeWorkerGallery(const QString &dir, int ops)
{
    QJsonArray entries;
    for (int i = 0; i < ops; ++i)
        entries.append(QJsonObject{{QStringLiteral("name"), backendName(i)},
                                   {QStringLiteral("version"), QStringLiteral("1.0")},
                                   {QStringLiteral("uri"), QStringLiteral("file:///nonexistent/%1.tar.gz").arg(backendName(i))}});
    const QString path = dir + QStringLiteral("/live_latency_gallery.json");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("fleetdeck_gallery"), 1},
                                      {QStringLiteral("name"), QStringLiteral("live-latency")},
                                      {QStringLiteral("backends"), entries}})
                .toJson(QJsonDocument::Compact));
    return path;
}

void stopWorkerSim()
{
    if (g_sim)
        g_sim->stop();
    g_sim.reset();
}

PathResult runWorkerPath(EngineHost &host, ui::MainWindow &window, SnapshotTimer &timer, const Options &o)
{
    PathResult out;
    const int running = std::min(o.ops, kMaxRunning);
    const int nodes = std::max(1, int(std::ceil(o.rate * kWorkerTickMs / 1000.0 / running)));
    const double tickMs = 1000.0 * running * nodes / o.rate;
    const qint64 downloadMs = std::min<qint64>(qint64(90 * tickMs), qint64(o.seconds * 1000) + 15'000);
    QList<std::pair<QString, QString>> settings{{QStringLiteral("nodes/auto_approve"), QStringLiteral("true")},
                                                {QStringLiteral("ops/max_concurrent"), QString::number(running)}};
    if (nodes > 8)
        settings.append({QStringLiteral("ops/fanout_parallel"), QString::number(nodes)});
    QString error;
    if (!setSettings(host, window, settings, &error)) {
        out.error = QStringLiteral("settings: ") + (error.isEmpty() ? QStringLiteral("no answer in 30 s") : error);
        return out;
    }
    pumpUntil([&] { return host.snapshot().settings.opsMaxConcurrent() == running; }, 10'000);
    QStringList raised;
    for (const auto &[key, value] : settings)
        raised << key + QLatin1Char('=') + value;
    out.notes << QStringLiteral("settings raised for (a): ") + raised.join(QStringLiteral(", "))
                     + QStringLiteral(" (defaults: auto_approve false, max_concurrent 4, fanout_parallel 8)");
    out.notes << QStringLiteral("workers: %1 simulated nodes (NodeSimulator, own NATS connection); %2 cluster-wide installs "
                                "running, %3 queued; %4 requests open, each ticking every %5 ms; download %6 s")
                     .arg(nodes)
                     .arg(running)
                     .arg(o.ops - running)
                     .arg(running * nodes)
                     .arg(tickMs, 0, 'f', 0)
                     .arg(double(downloadMs) / 1000.0, 0, 'f', 1);

    QStringList names;
    for (int i = 0; i < nodes; ++i)
        names << QStringLiteral("latnode-%1").arg(i, 4, 10, QLatin1Char('0'));
    bench::NodeSimulator::Options so;
    so.downloadMs = downloadMs;
    so.tickIntervalMs = qint64(std::lround(tickMs));
    so.keepStamps = false;
    g_sim = std::make_unique<bench::NodeSimulator>();
    if (const Status st = g_sim->start(o.url, names, so); !st) {
        out.error = QStringLiteral("node simulator: ") + st.error();
        return out;
    }
    auto healthy = [&] {
        int n = 0;
        for (const Node &node : host.snapshot().nodes)
            n += node.status == NodeStatus::Healthy && node.name.startsWith(QLatin1String("latnode-")) ? 1 : 0;
        return n;
    };
    if (!pumpUntil([&] { return healthy() >= nodes; }, 60'000)) {
        out.error = QStringLiteral("%1 of %2 simulated nodes registered and healthy after 60 s").arg(healthy()).arg(nodes);
        return out;
    }

    // The hook runs on the simulator's thread, possibly still once after it was removed: what it
    // touches is shared with it. It keeps each row's last percentage (a repeated percentage is no
    // new value) and stamps the ticks of the measured window.
    struct HookState {
        TickLedger ledger;
        std::atomic<bool> recording{false};
        std::atomic<qint64> repeated{0};
        QHash<QString, int> lastPct; // simulator thread only
    };
    auto hs = std::make_shared<HookState>();
    TickLedger &ledger = hs->ledger;
    Stage engine(ledger), model(ledger);
    g_sim->setProgressHook([hs](const bench::ProgressStamp &s) {
        const QString key = s.opId + QLatin1Char('/') + s.node;
        auto it = hs->lastPct.find(key);
        if (it != hs->lastPct.end() && s.percentage <= *it) {
            if (hs->recording)
                ++hs->repeated;
            return;
        }
        hs->lastPct.insert(key, s.percentage);
        if (hs->recording && !s.final)
            hs->ledger.record(key, s.percentage, s.steadyNs);
    });
    struct Unhook {
        ~Unhook() { g_sim->setProgressHook({}); }
    } unhook;
    EngineProbe engineProbe(host, engine, Keying::NodePercentage, 0);
    ModelProbe probe(window.opsBar()->model(), model, engine, ledger, Keying::NodePercentage, 0);

    // The running ops are admitted one by one across one tick interval, so that their requests'
    // tick timers (which start when a request arrives) do not all fire in the same instant.
    int admitted = 0, answered = 0;
    const qint64 admitStart = nowNs();
    for (int i = 0; i < o.ops; ++i) {
        if (i < running) {
            const qint64 due = admitStart + qint64(tickMs * 1e6 * i / running);
            pumpUntil([due] { return nowNs() >= due; }, 1000);
        }
        AdmitRequest r;
        r.kind = OpKind::Install;
        r.backend = backendName(i);
        host.admit(r, &window, [&](const Result<AdmitResult> &res) {
            ++answered;
            admitted += res ? 1 : 0;
            if (!res && error.isEmpty())
                error = res.error();
        });
    }
    pumpUntil([&] { return answered == o.ops; }, 120'000);
    if (admitted < o.ops) {
        out.error = QStringLiteral("%1 of %2 installs admitted: %3").arg(admitted).arg(o.ops).arg(error);
        return out;
    }
    const int wanted = running * nodes;
    const qint64 rampStart = nowNs();
    if (!pumpUntil([&] { return g_sim->counters().openInstalls >= wanted; }, 60'000)) {
        out.error = QStringLiteral("%1 of %2 install requests open after 60 s").arg(g_sim->counters().openInstalls).arg(wanted);
        return out;
    }
    const double rampS = double(nowNs() - rampStart) / 1e9;
    if (rampS * 1000 + o.seconds * 1000 > double(downloadMs))
        out.notes << QStringLiteral("WARNING: the requests took %1 s to open; some downloads end inside the window").arg(rampS);

    engine.clearSamples();
    model.clearSamples();
    qint64 deltas = 0;
    const auto counting = QObject::connect(&host, &EngineHost::opsChanged, &window, [&deltas] { ++deltas; });
    probe.startWindow();
    timer.startWindow();
    CpuSampler cpu;
    out.loadAverage = CpuSampler::loadAverage();
    cpu.start();
    hs->recording = true;
    const qint64 windowStart = nowNs();
    pumpUntil([] { return false; }, int(o.seconds * 1000));
    hs->recording = false;
    out.cpu = cpu.stop();
    out.paced.seconds = double(nowNs() - windowStart) / 1e9;
    out.paced.sent = ledger.total();
    // Drain: the window's last ticks reach the model (later ticks are not stamped).
    pumpUntil([&] { return model.resolved.load() >= ledger.total(); }, 2000);
    probe.stopWindow();
    timer.stopWindow();
    QObject::disconnect(counting);
    engineProbe.disconnect();

    engine.settle();
    model.settle();
    out.toEngine = summarize(engine.latenciesMs);
    out.toModel = summarize(model.latenciesMs);
    out.shown = out.toModel.samples;
    out.coalesced = model.coalesced;
    out.engineCoalesced = engine.coalesced;
    out.neverShown = ledger.total() - out.shown - out.coalesced;
    out.unmatched = model.unmatched + engine.unmatched;
    out.deltas = deltas;
    out.backlog = probe.backlog();
    out.guiPerSnapshot = summarize(timer.ms());
    out.probeSelfMs = probe.selfMs();
    if (hs->repeated > 0)
        out.notes << QStringLiteral("%1 ticks repeated their row's percentage (no new value; not counted)").arg(hs->repeated.load());
    return out;
}

} // namespace livelat
