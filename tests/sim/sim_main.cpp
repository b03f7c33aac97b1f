// fleetdeck-sim: runs seeded simulations of a whole cluster (tests/sim/README.md).
//   fleetdeck-sim --seed 7 [--trace] [--postgres DSN] [--fault-seconds 600]
//   fleetdeck-sim --from 1 --seeds 50          (one after the other, in this process)
// Prints one line per seed: seed, result, trace hash, events, simulated time; every violation with
// the command that replays it. Exit 0 when every seed ran clean, 1 otherwise, 2 on usage errors.
#include "sim_world.h"

#include "core/id_source.h"

#include <QCommandLineParser>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QCoreApplication>
#include <QDir>
#include <QMutex>
#include <QElapsedTimer>
#include <QHashSeed>
#include <QLoggingCategory>
#include <cstdio>

using namespace fleetdeck;
using namespace fleetdeck::sim;

namespace {

// Counts delivered events so the loop knows when nothing is left to run.
class SimApp final : public QCoreApplication {
public:
    using QCoreApplication::QCoreApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        ++eventCounter();
        return QCoreApplication::notify(receiver, event);
    }
};

// Ids drawn from the run's seed (op ids order claimOldest; staging ids name directories).
class SeededIds final : public ids::Source {
public:
    explicit SeededIds(quint64 seed) : m_rng(seed ^ 0x5eedull) {}
    QString uuid() override
    {
        const quint64 a = m_rng.next(), b = m_rng.next();
        return QStringLiteral("%1-%2-4%3-%4-%5")
            .arg(a >> 32, 8, 16, QLatin1Char('0'))
            .arg((a >> 16) & 0xffff, 4, 16, QLatin1Char('0'))
            .arg(a & 0xfff, 3, 16, QLatin1Char('0'))
            .arg(0x8000 | (b >> 48 & 0x3fff), 4, 16, QLatin1Char('0'))
            .arg(b & 0xffffffffffffull, 12, 16, QLatin1Char('0'));
    }
    quint32 random32() override { return quint32(m_rng.next()); }

private:
    Rng m_rng;
};

// Creates (once) the database fleetdeck_sim_<pid> next to the given one; returns its DSN.
Result<QString> ownDatabase(const QString &dsn)
{
    auto parsed = StoreConfig::fromDsn(dsn);
    if (!parsed)
        return Result<QString>::failure(parsed.error());
    StoreConfig cfg = parsed.value();
    const QString name = QStringLiteral("fleetdeck_sim_%1").arg(QCoreApplication::applicationPid());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("sim-create"));
        db.setHostName(cfg.host);
        db.setPort(cfg.port);
        db.setDatabaseName(cfg.database);
        db.setUserName(cfg.user);
        db.setPassword(cfg.password);
        if (!db.open())
            return Result<QString>::failure(QStringLiteral("cannot connect to %1: %2").arg(dsn, db.lastError().text()));
        QSqlQuery q(db);
        q.exec(QStringLiteral("SET client_min_messages TO WARNING"));
        q.exec(QStringLiteral("DROP DATABASE IF EXISTS ") + name);
        if (!q.exec(QStringLiteral("CREATE DATABASE ") + name))
            return Result<QString>::failure(QStringLiteral("cannot create database %1: %2").arg(name, q.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("sim-create"));
    cfg.database = name;
    return cfg.dsn();
}

bool g_verbose = false;
QMutex g_logMutex;
Trace *g_logTrace = nullptr; // the running seed's trace, which keeps the engine's log
void quietHandler(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    if (g_verbose || type == QtFatalMsg)
        std::fprintf(stderr, "[%s] %s\n", ctx.category ? ctx.category : "", qUtf8Printable(msg));
    QMutexLocker lock(&g_logMutex);
    if (g_logTrace)
        g_logTrace->log(QStringLiteral("[%1] %2").arg(QLatin1String(ctx.category ? ctx.category : ""), msg));
}

void keepLogIn(Trace *trace)
{
    QMutexLocker lock(&g_logMutex);
    g_logTrace = trace;
}

} // namespace

int main(int argc, char **argv)
{
    QHashSeed::setDeterministicGlobalSeed(); // QHash iteration order is part of a replay
    SimApp app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Deterministic simulation of a Fleetdeck cluster"));
    p.addHelpOption();
    p.addOption({QStringLiteral("seed"), QStringLiteral("Run this seed."), QStringLiteral("S")});
    p.addOption({QStringLiteral("from"), QStringLiteral("First seed of a range."), QStringLiteral("S")});
    p.addOption({QStringLiteral("seeds"), QStringLiteral("Number of seeds of the range."), QStringLiteral("N")});
    p.addOption({QStringLiteral("trace"), QStringLiteral("Print the event trace.")});
    p.addOption({QStringLiteral("verbose"), QStringLiteral("Print the engine's log too.")});
    p.addOption({QStringLiteral("postgres"), QStringLiteral("Use this PostgreSQL database (emptied per seed)."), QStringLiteral("DSN")});
    p.addOption({QStringLiteral("fault-seconds"), QStringLiteral("Simulated seconds of workload and faults (default 600)."), QStringLiteral("S")});
    p.process(app);
    g_verbose = p.isSet(QStringLiteral("verbose"));
    qInstallMessageHandler(quietHandler);
    if (!g_verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\nfleetdeck.*.info=false"));
    quint64 from = p.value(QStringLiteral("seed")).toULongLong();
    qint64 count = 1;
    if (p.isSet(QStringLiteral("from"))) {
        from = p.value(QStringLiteral("from")).toULongLong();
        count = p.value(QStringLiteral("seeds")).toLongLong();
    }
    if ((!p.isSet(QStringLiteral("seed")) && !p.isSet(QStringLiteral("from"))) || count < 1) {
        std::fprintf(stderr, "fleetdeck-sim: give --seed S, or --from S --seeds N\n");
        return 2;
    }
    QString pgDsn = p.value(QStringLiteral("postgres"));
    if (p.isSet(QStringLiteral("postgres"))) {
        // A database of this process's own, so that several runs can share one server.
        auto own = ownDatabase(pgDsn);
        if (!own) {
            std::fprintf(stderr, "fleetdeck-sim: %s\n", qUtf8Printable(own.error()));
            return 2;
        }
        pgDsn = own.value();
    }
    int failed = 0;
    for (quint64 seed = from; seed < from + quint64(count); ++seed) {
        SimOptions o;
        o.seed = seed;
        o.printTrace = p.isSet(QStringLiteral("trace"));
        o.postgres = p.isSet(QStringLiteral("postgres"));
        o.pgDsn = pgDsn;
        if (p.isSet(QStringLiteral("fault-seconds")))
            o.faultSeconds = p.value(QStringLiteral("fault-seconds")).toLongLong();
        SeededIds seededIds(seed);
        ids::install(&seededIds);
        QElapsedTimer wall;
        wall.start();
        QString line;
        bool clean = false;
        {
            SimWorld world(o);
            keepLogIn(&world.trace());
            const bool ran = world.run();
            keepLogIn(nullptr);
            if (!ran) {
                std::printf("seed %llu: SET-UP FAILED: %s\n", static_cast<unsigned long long>(seed), qUtf8Printable(world.error()));
                ++failed;
                ids::install(nullptr);
                continue;
            }
            clean = world.violations().isEmpty();
            line = QStringLiteral("seed %1: %2 hash %3 events %4 simulated %5 s wall %6 ms %7")
                       .arg(seed)
                       .arg(clean ? QStringLiteral("ok") : QStringLiteral("VIOLATED"), world.trace().hashText())
                       .arg(world.trace().count())
                       .arg(world.simulatedMs() / 1000)
                       .arg(wall.elapsed())
                       .arg(world.summary());
            std::printf("%s\n", qUtf8Printable(line));
            for (const Violation &v : world.violations())
                std::printf("  violation %s at %lld ms: %s\n", qUtf8Printable(v.invariant), static_cast<long long>(v.atMs),
                            qUtf8Printable(v.detail));
            if (!clean) {
                std::printf("  replay: %s --seed %llu --trace%s\n", qUtf8Printable(QCoreApplication::applicationFilePath()),
                            static_cast<unsigned long long>(seed),
                            o.postgres ? qUtf8Printable(QStringLiteral(" --postgres ") + p.value(QStringLiteral("postgres"))) : "");
                // PostgreSQL runs do not replay bit for bit: the trace of this very run is kept.
                const QString file = QDir::temp().filePath(
                    QStringLiteral("fleetdeck-sim-%1-seed%2.trace").arg(QCoreApplication::applicationPid()).arg(seed));
                if (!o.printTrace && world.trace().writeTo(file))
                    std::printf("  trace of this run (events and engine log): %s\n", qUtf8Printable(file));
            }
            std::fflush(stdout);
        }
        ids::install(nullptr);
        if (!clean)
            ++failed;
    }
    std::printf("%lld seeds, %d violated\n", static_cast<long long>(count), failed);
    return failed ? 1 : 0;
}
