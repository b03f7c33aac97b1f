// GUI responsiveness under load (SPEC §13, issue "GUI"): 1 000 nodes, 200 backends and 500
// active ops fed through a real engine (SQLite store, in-process bus) into the real main window,
// with every op's progress broadcast by a peer replica as an owner would (4 per op and second at
// most, §6.6). A 1 ms probe timer on the GUI thread measures event-loop stalls (how late it
// fires); the same probe over the idle window in the same run is the baseline. Prints figures;
// asserts nothing about time.
//   bench_gui_load [--nodes N] [--backends N] [--ops N] [--rate EVENTS_PER_S] [--seconds S]
#include "bridge/engine_host.h"
#include "bus/local_bus.h"
#include "bus/subjects.h"
#include "core/clock.h"
#include "core/operation_codec.h"
#include "main_window.h"
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
#include <cstdio>

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

// Runs the event loop for `ms` while a 1 ms timer records how late each tick is.
Stalls probe(int ms)
{
    Stalls s;
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    QTimer t;
    t.setTimerType(Qt::PreciseTimer);
    t.setInterval(1);
    QObject::connect(&t, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        s.lateMs.append(std::max(0.0, double(now - last) / 1e6 - 1.0));
        last = now;
    });
    t.start();
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
    return s;
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
    const QCommandLineOption nodesOpt(QStringLiteral("nodes"), QStringLiteral("Nodes."), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption backendsOpt(QStringLiteral("backends"), QStringLiteral("Backends."), QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption opsOpt(QStringLiteral("ops"), QStringLiteral("Active ops."), QStringLiteral("N"), QStringLiteral("500"));
    const QCommandLineOption rateOpt(QStringLiteral("rate"), QStringLiteral("Progress events per second."), QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("Seconds per phase."), QStringLiteral("S"), QStringLiteral("5"));
    parser.addOptions({nodesOpt, backendsOpt, opsOpt, rateOpt, secondsOpt});
    parser.process(app);
    const int nNodes = parser.value(nodesOpt).toInt(), nBackends = parser.value(backendsOpt).toInt();
    const int nOps = parser.value(opsOpt).toInt(), rate = parser.value(rateOpt).toInt();
    const int phaseMs = int(parser.value(secondsOpt).toDouble() * 1000);

    QTemporaryDir dir;
    ui::Theme::instance().apply(ui::Theme::Mode::Light);
    LocalBus *bus = nullptr; // lives on the engine thread, created with the engine
    EngineConfig ec;
    ec.kind = QStringLiteral("gui");
    ec.store.driver = StoreConfig::Driver::Sqlite;
    ec.store.path = dir.path() + QStringLiteral("/bench.sqlite");
    ec.galleryUrls = {writeGallery(dir.path(), nBackends)};
    ec.passLocks = false;
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
    host.start();
    QElapsedTimer wait;
    wait.start();
    while (!host.isStarted() && wait.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (!host.isStarted()) {
        std::fprintf(stderr, "bench_gui_load: engine did not start: %s\n", qPrintable(host.startError().message));
        return 1;
    }

    // Seed the nodes in the store (they appear through the 5 s node poll).
    const qint64 now = SystemClock::instance()->nowMs();
    host.run<bool>(
        [nNodes, now](Engine &e) {
            return e.store()->call([nNodes, now](Store &s) {
                for (int i = 0; i < nNodes; ++i) {
                    Node n;
                    n.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                    n.name = QStringLiteral("node-%1").arg(i, 4, 10, QLatin1Char('0'));
                    n.status = i % 10 == 0 ? NodeStatus::Offline : NodeStatus::Healthy;
                    n.lastHeartbeat = now;
                    n.createdAt = n.updatedAt = now;
                    n.resources = QJsonObject{{QStringLiteral("gpu_vendor"), QStringLiteral("nvidia")}};
                    if (!s.insertNode(n))
                        return false;
                }
                return true;
            });
        },
        &window, [](bool) {});

    // Baseline: the idle window, same run.
    const Stalls idle = probe(phaseMs);

    // Load: a peer replica announces nOps ops and streams their progress at `rate` events/s.
    const QString peer = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QList<Operation> ops;
    for (int i = 0; i < nOps; ++i) {
        Operation op;
        op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        op.kind = OpKind::Install;
        op.backend = QStringLiteral("backend-%1").arg(i % nBackends, 3, 10, QLatin1Char('0'));
        op.cacheKey = QStringLiteral("node:n%1:%2").arg(i).arg(op.backend);
        op.state = i % 5 == 0 ? OpState::Queued : OpState::Running;
        op.ownerReplicaId = peer;
        op.createdAt = op.updatedAt = op.progressAt = now + i;
        op.message = QStringLiteral("processing backend: ") + op.backend;
        ops.append(op);
    }
    QMetaObject::invokeMethod(host.ownerOnEngineThread(), [&] {
        for (const Operation &op : std::as_const(ops)) {
            bus->publish(subjects::opcacheStart(), QJsonDocument(QJsonObject{{QStringLiteral("job_id"), op.id}, {QStringLiteral("cache_key"), op.cacheKey}}).toJson(QJsonDocument::Compact));
            bus->publish(subjects::opProgress(op.id), QJsonDocument(progressMessage(op, {})).toJson(QJsonDocument::Compact));
        }
    }, Qt::BlockingQueuedConnection);
    std::atomic<bool> feeding{true};
    std::atomic<qint64> sent{0};
    QObject *ctx = nullptr;
    QMetaObject::invokeMethod(host.ownerOnEngineThread(), [&] {
        // A timer on the engine thread sends `rate` progress events per second in 10 ms batches.
        auto *timer = new QTimer;
        ctx = timer;
        timer->setInterval(10);
        QObject::connect(timer, &QTimer::timeout, timer, [&, timer] {
            if (!feeding) {
                timer->stop();
                return;
            }
            const int batch = std::max(1, rate / 100);
            for (int k = 0; k < batch; ++k) {
                Operation &op = ops[int(sent % ops.size())];
                op.progress = (op.progress + 1) % 100;
                op.progressAt = op.updatedAt = SystemClock::instance()->nowMs();
                bus->publish(subjects::opProgress(op.id), QJsonDocument(progressMessage(op, {})).toJson(QJsonDocument::Compact));
                ++sent;
            }
        });
        timer->start();
    }, Qt::BlockingQueuedConnection);
    const Stalls loaded = probe(phaseMs);
    feeding = false;
    QMetaObject::invokeMethod(host.ownerOnEngineThread(), [&] { delete ctx; }, Qt::BlockingQueuedConnection);

    const int shownOps = int(host.snapshot().ops.size()), shownNodes = int(host.snapshot().nodes.size());
    std::printf("bench_gui_load: %d nodes, %d backends, %d ops; %lld progress events in %d ms (%.0f/s)\n", shownNodes,
                int(host.snapshot().gallery.size()), shownOps, qint64(sent), phaseMs, double(sent) * 1000.0 / phaseMs);
    std::printf("  GUI event-loop lateness (ms)   p50     p90     p99     max\n");
    std::printf("  idle window (baseline)      %6.2f  %6.2f  %6.2f  %6.2f\n", idle.percentile(50), idle.percentile(90),
                idle.percentile(99), idle.percentile(100));
    std::printf("  under load                  %6.2f  %6.2f  %6.2f  %6.2f\n", loaded.percentile(50), loaded.percentile(90),
                loaded.percentile(99), loaded.percentile(100));
    const double base = std::max(0.05, idle.percentile(99));
    std::printf("  p99 ratio load/idle: %.1fx   (target from SPEC §13: p99 < 16 ms)\n", loaded.percentile(99) / base);
    bool stopped = false;
    host.stop([&] { stopped = true; });
    while (!stopped)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return 0;
}
