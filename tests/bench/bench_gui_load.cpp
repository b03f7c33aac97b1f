// GUI responsiveness under load (docs/benchmarks.md): a cluster of 1,000 nodes, 200 backends,
// 5,000 active ops and 10,000 History entries (ops/history_size raised to 10,000) is put in the
// store first; the real main window then connects to it through a real engine (SQLite store,
// in-process bus). Measured: the first full frame (from start until the window has painted every
// node, op and backend) with the event loop's lateness during that load, then the lateness while
// a peer replica, on a thread of its own, broadcasts the ops' progress at the asked rate. A 1 ms
// probe timer on the GUI thread measures how late it fires; the same probe over the idle window
// after the load is the baseline. Prints figures; asserts nothing about time.
//   bench_gui_load [--nodes N] [--backends N] [--ops N] [--history N] [--rate EVENTS_PER_S] [--seconds S]
#include "bridge/engine_host.h"
#include "bus/local_bus.h"
#include "bus/subjects.h"
#include "core/clock.h"
#include "core/operation_codec.h"
#include "main_window.h"
#include "store/store.h"
#include "store/store_thread.h"
#include "theme/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>

using namespace fleetdeck;

namespace {

struct Stalls {
    QList<double> lateMs;
    double percentile(double p) const
    {
        if (lateMs.isEmpty())
            return 0;
        QList<double> v = lateMs;
        std::sort(v.begin(), v.end());
        return v.at(std::min<qsizetype>(v.size() - 1, qsizetype(p / 100.0 * double(v.size()))));
    }
};

// Runs the event loop until `done()` (checked every tick) or `maxMs`, while a 1 ms timer records
// how late each tick is.
Stalls probe(int maxMs, const std::function<bool()> &done = {})
{
    Stalls s;
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    QEventLoop loop;
    QTimer t;
    t.setTimerType(Qt::PreciseTimer);
    t.setInterval(1);
    QObject::connect(&t, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        s.lateMs.append(std::max(0.0, double(now - last) / 1e6 - 1.0));
        last = now;
        if (now / 1000000 >= maxMs || (done && done()))
            loop.quit();
    });
    t.start();
    loop.exec();
    return s;
}

// The cluster as the store holds it before the window connects: nodes, ops run by a peer
// replica (with their node rows), History, and ops/history_size.
QString seedStore(const StoreConfig &config, int nNodes, int nHistory, const QList<Operation> &ops, qint64 now)
{
    auto opened = Store::open(config, SystemClock::instance(), QStringLiteral("bench-seed"));
    if (!opened)
        return opened.error();
    Store &s = *opened.value();
    if (auto m = s.migrate(); !m)
        return m.error();
    for (int i = 0; i < nNodes; ++i) {
        Node n;
        n.id = QStringLiteral("node-id-%1").arg(i);
        n.name = QStringLiteral("node-%1").arg(i, 4, 10, QLatin1Char('0'));
        n.status = i % 10 == 0 ? NodeStatus::Offline : NodeStatus::Healthy;
        n.lastHeartbeat = n.createdAt = n.updatedAt = now;
        n.resources = QJsonObject{{QStringLiteral("gpu_vendor"), QStringLiteral("nvidia")}};
        if (Status st = s.insertNode(n); !st)
            return st.error();
    }
    for (const Operation &op : ops) {
        if (auto c = s.createOp(op); !c || !c->created)
            return c ? QStringLiteral("op %1 not created").arg(op.id) : c.error();
        if (auto c = s.claimOp(op.ownerReplicaId.value_or(QString()), op.id); !c)
            return c.error();
        if (op.state == OpState::Running)
            if (auto c = s.startOp(op.id, op.ownerReplicaId.value_or(QString()), op.message, true); !c)
                return c.error();
        if (Status st = s.insertNodeRows(op.nodes); !st)
            return st.error();
    }
    if (Status st = s.setSetting(QStringLiteral("ops/history_size"), nHistory, QStringLiteral("bench")); !st)
        return st.error();
    for (int i = 0; i < nHistory; ++i) {
        HistoryEntry h;
        h.opId = QStringLiteral("past-%1").arg(i);
        h.kind = QStringLiteral("install");
        h.backend = QStringLiteral("backend-%1").arg(i % 200, 3, 10, QLatin1Char('0'));
        h.outcome = i % 9 == 0 ? QStringLiteral("failed") : QStringLiteral("success");
        h.message = i % 9 == 0 ? QStringLiteral("failed on 1 of 3 nodes") : QStringLiteral("completed");
        h.startedAt = now - 3600000 + i * 100;
        h.finishedAt = *h.startedAt + 60000;
        if (auto r = s.appendHistory(h, nHistory); !r)
            return r.error();
    }
    return {};
}

QString writeGallery(const QString &dir, int backends)
{
    QJsonArray entries;
    for (int i = 0; i < backends; ++i)
        entries.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("backend-%1").arg(i, 3, 10, QLatin1Char('0'))},
                                   {QStringLiteral("version"), QStringLiteral("v%1").arg(i % 7)},
                                   {QStringLiteral("uri"), QStringLiteral("file:///nonexistent/b%1.tar.gz").arg(i)},
                                   {QStringLiteral("description"), QStringLiteral("Synthetic backend for the load benchmark")},
                                   {QStringLiteral("tags"), QJsonArray{QStringLiteral("bench"), QStringLiteral("t%1").arg(i % 9)}}});
    const QString path = dir + QStringLiteral("/gallery.json");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("fleetdeck_gallery"), 1}, {QStringLiteral("name"), QStringLiteral("bench")},
                                   {QStringLiteral("backends"), entries}}).toJson());
    return path;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    auto opt = [&parser](const char *name, const char *help, const char *def) {
        parser.addOption({QString::fromLatin1(name), QString::fromLatin1(help), QStringLiteral("N"), QString::fromLatin1(def)});
        return QString::fromLatin1(name);
    };
    const QString nodesOpt = opt("nodes", "Nodes.", "1000"), backendsOpt = opt("backends", "Backends.", "200");
    const QString opsOpt = opt("ops", "Active ops.", "5000"), historyOpt = opt("history", "History entries.", "10000");
    const QString rateOpt = opt("rate", "Progress events per second.", "20000"), secondsOpt = opt("seconds", "Seconds per phase.", "5");
    parser.process(app);
    const int nNodes = parser.value(nodesOpt).toInt(), nBackends = std::max(1, parser.value(backendsOpt).toInt());
    const int nOps = std::max(1, parser.value(opsOpt).toInt()), nHistory = std::max(1, parser.value(historyOpt).toInt());
    const int rate = std::max(1, parser.value(rateOpt).toInt());
    const int phaseMs = int(parser.value(secondsOpt).toDouble() * 1000);

    QTemporaryDir dir;
    ui::Theme::instance().apply(ui::Theme::Mode::Light);
    const qint64 now = SystemClock::instance()->nowMs();
    const QString peer = QUuid::createUuid().toString(QUuid::WithoutBraces); // the replica that runs the ops
    QList<Operation> ops;
    for (int i = 0; i < nOps; ++i) {
        Operation op;
        op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        op.kind = OpKind::Install;
        // One op per (node, backend): each holds its own key.
        op.backend = QStringLiteral("backend-%1").arg((i + i / std::max(1, nNodes)) % nBackends, 3, 10, QLatin1Char('0'));
        const QString node = QStringLiteral("node-%1").arg(i % std::max(1, nNodes), 4, 10, QLatin1Char('0'));
        op.cacheKey = QStringLiteral("node:%1:%2").arg(node, op.backend);
        op.state = i % 5 == 0 ? OpState::Queued : OpState::Running;
        op.ownerReplicaId = peer;
        op.createdAt = op.updatedAt = op.progressAt = now + i;
        op.message = QStringLiteral("processing backend: ") + op.backend;
        NodeProgress row;
        row.opId = op.id;
        row.nodeId = QStringLiteral("node-id-%1").arg(i % std::max(1, nNodes));
        row.nodeName = node;
        row.status = op.state == OpState::Queued ? NodeRowStatus::Queued : NodeRowStatus::Downloading;
        row.totalBytes = 512LL << 20;
        row.fileName = op.backend + QStringLiteral(".tar.gz");
        row.updatedAt = now;
        op.nodes = {row};
        ops.append(op);
    }
    EngineConfig ec;
    ec.kind = QStringLiteral("gui");
    ec.store.driver = StoreConfig::Driver::Sqlite;
    ec.store.path = dir.path() + QStringLiteral("/bench.sqlite");
    ec.galleryUrls = {writeGallery(dir.path(), nBackends)};
    ec.passLocks = false;
    QElapsedTimer seeding;
    seeding.start();
    if (const QString e = seedStore(ec.store, nNodes, nHistory, ops, now); !e.isEmpty()) {
        std::fprintf(stderr, "bench_gui_load: seeding the store failed: %s\n", qPrintable(e));
        return 1;
    }
    const double seededS = double(seeding.elapsed()) / 1000.0;
    LocalBus *bus = nullptr; // lives on the engine thread, created with the engine
    EngineStarter starter = EngineStarter::forConfig(ec);
    starter.create = [&ec, &bus]() -> QObject * {
        bus = new LocalBus(SystemClock::instance());
        EngineConfig c = ec;
        c.externalBus = bus;
        auto *engine = new Engine(c);
        bus->setParent(engine);
        return engine;
    };
    EngineHost host(starter);
    ui::MainWindow window(&host);
    window.setConfirmQuit(false);
    window.resize(1400, 900);
    window.show();

    // Phase 1: connecting to the cluster, until the window has painted all of it.
    QElapsedTimer load;
    load.start();
    host.start();
    auto full = [&] {
        const ClusterSnapshot &s = host.snapshot();
        return host.isStarted() && s.ops.size() == nOps && s.nodes.size() == nNodes && s.gallery.size() == nBackends
               && !s.history.isEmpty();
    };
    const Stalls loading = probe(60000, full);
    if (!full()) {
        std::fprintf(stderr, "bench_gui_load: the cluster was not shown within 60 s (%s)\n", qPrintable(host.startError().message));
        return 1;
    }
    window.repaint(); // the first frame with every part
    const double firstFrameMs = double(load.nsecsElapsed()) / 1e6;
    const Stalls idle = probe(phaseMs); // baseline: the loaded, idle window

    // Phase 2: the peer broadcasts progress at `rate` from a thread of its own, 1 ms slices.
    std::atomic<bool> feeding{true};
    std::atomic<qint64> sent{0};
    QThread *feeder = QThread::create([&] {
        QElapsedTimer t;
        t.start();
        QList<Operation> mine = ops;
        qint64 k = 0;
        while (feeding.load()) {
            for (const qint64 owed = t.nsecsElapsed() * rate / 1000000000; k < owed && feeding.load(); ++k) {
                Operation &op = mine[qsizetype(k % mine.size())];
                op.state = OpState::Running;
                op.progress = int(k / mine.size() % 100);
                op.revision = 1000 + k / mine.size();
                op.progressAt = op.updatedAt = SystemClock::instance()->nowMs();
                bus->publish(subjects::opProgress(op.id), QJsonDocument(progressMessage(op, {})).toJson(QJsonDocument::Compact));
                sent.store(k + 1);
            }
            QThread::usleep(500);
        }
    });
    QElapsedTimer feedTime;
    feedTime.start();
    feeder->start();
    const Stalls loaded = probe(phaseMs);
    feeding = false;
    feeder->wait();
    delete feeder;
    const double eventsPerS = double(sent.load()) / (double(feedTime.elapsed()) / 1000.0);

    const ClusterSnapshot &shown = host.snapshot();
    std::printf("bench_gui_load: %lld nodes, %lld backends, %lld ops, %d History entries in the store (seeded in %.1f s), %s build\n",
                qint64(shown.nodes.size()), qint64(shown.gallery.size()), qint64(shown.ops.size()), nHistory, seededS,
#ifdef NDEBUG
                "release"
#else
                "debug"
#endif
    );
    std::printf("  first full frame after connecting: %.0f ms\n", firstFrameMs);
    std::printf("  progress events: %lld in %.1f s = %.0f/s (asked %d/s)\n", sent.load(), double(feedTime.elapsed()) / 1000.0, eventsPerS, rate);
    std::printf("  GUI event-loop lateness (ms)   p50     p90     p99     max\n");
    auto row = [](const char *what, const Stalls &s) {
        std::printf("  %-28s %6.2f  %6.2f  %6.2f  %6.2f\n", what, s.percentile(50), s.percentile(90), s.percentile(99), s.percentile(100));
    };
    row("idle window (baseline)", idle);
    row("first load", loading);
    row("under load", loaded);
    const double base = std::max(0.05, idle.percentile(99));
    std::printf("  p99 ratio load/idle: %.1fx   (targets: p99 < 16 ms, max < 100 ms, first load included)\n", loaded.percentile(99) / base);
    // The rows of docs/benchmarks.md (scripts/bench.sh).
    const QString size = QStringLiteral("%1 nodes × %2 backends × %3 ops").arg(nNodes).arg(nBackends).arg(nOps);
    std::printf("figure: gui-lateness | GUI event-loop lateness p99 / max, %s at %.0f events/s (asked %d) | p99 < 16 ms, max < 100 ms; max < 50 ms | "
                "%.1f / %.1f ms | %.1f / %.1f ms (idle window) | %.1fx |\n",
                qPrintable(size), eventsPerS, rate, loaded.percentile(99), loaded.percentile(100), idle.percentile(99), idle.percentile(100),
                loaded.percentile(99) / base);
    std::printf("figure: gui-first-load | GUI event-loop lateness max while the cluster loads | max < 100 ms | %.1f ms | %.1f ms (idle window) | %.1fx\n",
                loading.percentile(100), idle.percentile(100), loading.percentile(100) / std::max(0.05, idle.percentile(100)));
    std::printf("figure: gui-first-frame | first full frame of %s, %d History entries, after connecting | < 2 s; < 1 s | %.0f ms | — | — |\n",
                qPrintable(size), nHistory, firstFrameMs);
    // Peak resident set of this process (the GUI, its engine and the seeding), from the kernel.
    QFile status(QStringLiteral("/proc/self/status"));
    qint64 hwmKb = 0;
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray &l : status.readAll().split('\n'))
            if (l.startsWith("VmHWM:"))
                hwmKb = l.mid(6).trimmed().split(' ').value(0).toLongLong();
    std::printf("figure: gui-memory | peak resident memory (VmHWM) of the GUI process at %s | < 300 MB; < 200 MB | %.0f MB | — | — |\n",
                qPrintable(size), double(hwmKb) / 1024.0);
    bool stopped = false;
    host.stop([&] { stopped = true; });
    while (!stopped)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return 0;
}
