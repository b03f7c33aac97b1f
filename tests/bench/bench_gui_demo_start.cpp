// Demo cold start (issue #13, docs/benchmarks.md): spawns `fleetdeck --demo --no-tour` with
// FLEETDECK_STARTUP_REPORT=1 (app/fleetdeck/startup_report.h) and times, from the spawn, the
// window's first paint and its first paint of the demo cluster (gallery and nodes shown, connection
// live). Each run is a new process (the engine, its SQLite file and the in-process workers start
// from nothing); the file cache is warm after the first run, which is reported on its own.
// Baseline, same run: this program re-spawned as an empty QWidget window, timed the same way.
// Prints figures; asserts nothing about time.
//   bench_gui_demo_start [--runs N] [--fleetdeck PATH]
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEvent>
#include <QProcess>
#include <QTimer>
#include <QWidget>
#include <algorithm>
#include <cstdio>
#include <optional>

namespace {

struct Run {
    std::optional<double> firstPaintMs, clusterMs;
    QString error;
};

// Spawns `program args` and times the "startup:" lines of its stderr from the spawn.
Run timeRun(const QString &program, const QStringList &args)
{
    Run run;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FLEETDECK_STARTUP_REPORT"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    QElapsedTimer clock;
    QByteArray pending, all;
    QObject::connect(&p, &QProcess::readyReadStandardError, [&] {
        const double at = double(clock.nsecsElapsed()) / 1e6;
        const QByteArray chunk = p.readAllStandardError();
        all += chunk;
        pending += chunk;
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(nl);
            pending.remove(0, nl + 1);
            if (line.endsWith("startup: first paint") && !run.firstPaintMs)
                run.firstPaintMs = at;
            if (line.endsWith("startup: cluster painted") && !run.clusterMs) {
                run.clusterMs = at;
                p.terminate(); // measured: let it shut down cleanly (it removes its demo directory)
            }
        }
    });
    clock.start();
    p.start(program, args);
    if (!p.waitForStarted(10'000)) {
        run.error = QStringLiteral("cannot start %1: %2").arg(program, p.errorString());
        return run;
    }
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    if (p.state() != QProcess::NotRunning)
        loop.exec();
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(5'000);
        run.error = QStringLiteral("no startup lines within 60 s; stderr: %1").arg(QString::fromLocal8Bit(all.right(800)));
    }
    return run;
}

struct Summary {
    QList<double> values;
    double at(double pct) const
    {
        QList<double> v = values;
        std::sort(v.begin(), v.end());
        return v.isEmpty() ? 0 : v.at(std::min<qsizetype>(v.size() - 1, qsizetype(pct / 100.0 * double(v.size()))));
    }
};

int emptyWindow(int argc, char **argv)
{
    QApplication app(argc, argv);
    QWidget w;
    w.resize(1280, 800);
    struct Filter : QObject {
        bool eventFilter(QObject *, QEvent *e) override
        {
            if (e->type() == QEvent::Paint) {
                std::fprintf(stderr, "startup: first paint\nstartup: cluster painted\n");
                std::fflush(stderr);
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
            }
            return false;
        }
    } filter;
    w.installEventFilter(&filter);
    w.show();
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "--empty-window") == 0)
            return emptyWindow(argc, argv);
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Processes started (default 5)."), QStringLiteral("N"),
                                     QStringLiteral("5"));
    const QCommandLineOption binOpt(QStringLiteral("fleetdeck"), QStringLiteral("The fleetdeck binary."), QStringLiteral("PATH"),
                                    QStringLiteral(FLEETDECK_BIN));
    parser.addOptions({runsOpt, binOpt});
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOpt).toInt());
    const QString bin = parser.value(binOpt);

    std::printf("bench_gui_demo_start: %d runs of `%s --demo --no-tour` (QT_QPA_PLATFORM=%s), timed from the spawn\n", runs,
                qPrintable(bin), qPrintable(qEnvironmentVariable("QT_QPA_PLATFORM", QStringLiteral("(default)"))));
    Summary paint, cluster, base;
    std::optional<double> firstRunCluster;
    for (int i = 0; i < runs; ++i) {
        const Run r = timeRun(bin, {QStringLiteral("--demo"), QStringLiteral("--no-tour"), QStringLiteral("--quit-after"),
                                    QStringLiteral("60")});
        if (!r.error.isEmpty() || !r.firstPaintMs || !r.clusterMs) {
            std::fprintf(stderr, "bench_gui_demo_start: run %d: %s\n", i + 1,
                         qPrintable(r.error.isEmpty() ? QStringLiteral("a startup line is missing") : r.error));
            return 1;
        }
        paint.values << *r.firstPaintMs;
        cluster.values << *r.clusterMs;
        if (i == 0)
            firstRunCluster = r.clusterMs;
        const Run b = timeRun(QCoreApplication::applicationFilePath(), {QStringLiteral("--empty-window")});
        if (b.firstPaintMs)
            base.values << *b.firstPaintMs;
        std::printf("  run %d: first paint %.0f ms, demo cluster painted %.0f ms; empty Qt window %.0f ms\n", i + 1,
                    *r.firstPaintMs, *r.clusterMs, b.firstPaintMs.value_or(0));
    }
    std::printf("  spawn -> (ms)                      p50      max\n");
    std::printf("  first paint                    %8.0f %8.0f\n", paint.at(50), paint.at(100));
    std::printf("  demo cluster painted           %8.0f %8.0f   (first run %.0f)\n", cluster.at(50), cluster.at(100),
                firstRunCluster.value_or(0));
    std::printf("  empty Qt window (baseline)     %8.0f %8.0f\n", base.at(50), base.at(100));
    std::printf("figure: demo-start | demo cold start (spawn → first paint / → demo cluster painted), p50 of %d runs | < 1 s; < 0.5 s "
                "| %.0f / %.0f ms (max %.0f) | %.0f ms (empty Qt window) | %.1fx |\n",
                runs, paint.at(50), cluster.at(50), cluster.at(100), base.at(50), base.at(50) > 0 ? cluster.at(50) / base.at(50) : 0.0);
    return 0;
}
