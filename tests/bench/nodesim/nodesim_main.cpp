// fleetdeck-nodesim: NodeSimulator as a process of its own, so that a benchmark can measure a
// replica's CPU without the simulated workers in it.
//   fleetdeck-nodesim --nats URL --nodes N [--prefix P] [--download-ms MS] [--tick-ms MS]
//                     [--delete-ms MS] [--heartbeat-s S] [--register-concurrency K] [--token T] [--verbose]
// Node names are P followed by the index, zero-padded to 4 digits (P0000, P0001, …).
// stdout lines: "ready <n>" once subscribed, "registered <n> <ms>" once every node has had a
// register reply, one "stats key=value …" line per "stats" command and one "gaps key=value …" line per "gaps". stdin commands, one per
// line: stats | gaps | download-ms MS | tick-ms MS | quit. End of stdin, or the parent's death, ends it.
#include "node_sim.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTimer>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <sys/prctl.h>
#include <unistd.h>

using namespace fleetdeck;

namespace {

QStringList nodeNames(const QString &prefix, int n)
{
    QStringList names;
    names.reserve(n);
    for (int i = 0; i < n; ++i)
        names.append(prefix + QStringLiteral("%1").arg(i, 4, 10, QLatin1Char('0')));
    return names;
}

void printStats(const bench::NodeSimulator &sim)
{
    const bench::NodeSimulator::Counters c = sim.counters();
    std::printf("stats registered=%d registrations=%llu requests=%llu installs=%llu deletes=%llu lists=%llu cancels=%llu "
                "progress=%llu heartbeats=%llu open=%d busy_us=%llu\n",
                sim.registeredCount(), (unsigned long long)c.registrations, (unsigned long long)c.requestsAnswered,
                (unsigned long long)c.installsAnswered, (unsigned long long)c.deletesAnswered,
                (unsigned long long)c.listsAnswered, (unsigned long long)c.cancelsAnswered,
                (unsigned long long)c.progressPublished, (unsigned long long)c.heartbeatsSent, c.openInstalls,
                (unsigned long long)c.installBusyUs);
    std::fflush(stdout);
}

// "gaps n=… p50_us=… p90_us=… p99_us=… max_us=… sum_us=…" (NodeSimulator::takeSlotGapsUs).
void printGaps(QList<qint64> gaps)
{
    std::sort(gaps.begin(), gaps.end());
    qint64 sum = 0;
    for (const qint64 g : std::as_const(gaps))
        sum += g;
    const auto at = [&gaps](double p) { return gaps.isEmpty() ? 0 : gaps.at(std::min<qsizetype>(gaps.size() - 1, qsizetype(p * double(gaps.size())))); };
    std::printf("gaps n=%lld p50_us=%lld p90_us=%lld p99_us=%lld max_us=%lld sum_us=%lld\n", (long long)gaps.size(),
                (long long)at(0.5), (long long)at(0.9), (long long)at(0.99), (long long)(gaps.isEmpty() ? 0 : gaps.last()),
                (long long)sum);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    ::prctl(PR_SET_PDEATHSIG, SIGTERM); // never outlive the benchmark that started it
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption natsOpt(QStringLiteral("nats"), QStringLiteral("NATS URL."), QStringLiteral("URL"));
    const QCommandLineOption nodesOpt(QStringLiteral("nodes"), QStringLiteral("Simulated nodes."), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption prefixOpt(QStringLiteral("prefix"), QStringLiteral("Node name prefix."), QStringLiteral("P"), QStringLiteral("sim-"));
    const QCommandLineOption downloadOpt(QStringLiteral("download-ms"), QStringLiteral("Download time."), QStringLiteral("MS"), QStringLiteral("1000"));
    const QCommandLineOption tickOpt(QStringLiteral("tick-ms"), QStringLiteral("Progress interval."), QStringLiteral("MS"), QStringLiteral("250"));
    const QCommandLineOption deleteOpt(QStringLiteral("delete-ms"), QStringLiteral("Delete time."), QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption hbOpt(QStringLiteral("heartbeat-s"), QStringLiteral("Heartbeat interval (0: the replica's)."), QStringLiteral("S"), QStringLiteral("0"));
    const QCommandLineOption concOpt(QStringLiteral("register-concurrency"), QStringLiteral("Registrations in flight."), QStringLiteral("K"), QStringLiteral("64"));
    const QCommandLineOption tokenOpt(QStringLiteral("token"), QStringLiteral("Registration token."), QStringLiteral("T"));
    parser.addOptions({natsOpt, nodesOpt, prefixOpt, downloadOpt, tickOpt, deleteOpt, hbOpt, concOpt, tokenOpt});
    const QCommandLineOption verboseOpt(QStringLiteral("verbose"), QStringLiteral("Keep info logging."));
    parser.addOption(verboseOpt);
    parser.process(app);
    if (!parser.isSet(verboseOpt))
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));
    if (!parser.isSet(natsOpt)) {
        std::fprintf(stderr, "fleetdeck-nodesim: --nats URL is required\n");
        return 2;
    }
    bench::NodeSimulator::Options o;
    o.downloadMs = parser.value(downloadOpt).toLongLong();
    o.tickIntervalMs = parser.value(tickOpt).toLongLong();
    o.deleteMs = parser.value(deleteOpt).toLongLong();
    o.heartbeatIntervalS = parser.value(hbOpt).toInt();
    o.registerConcurrency = parser.value(concOpt).toInt();
    o.registrationToken = parser.value(tokenOpt);
    o.keepStamps = false;
    const int n = parser.value(nodesOpt).toInt();

    bench::NodeSimulator sim;
    QElapsedTimer since;
    since.start();
    if (const Status st = sim.start(parser.value(natsOpt), nodeNames(parser.value(prefixOpt), n), o); !st) {
        std::fprintf(stderr, "fleetdeck-nodesim: %s\n", qPrintable(st.error()));
        return 3;
    }
    std::printf("ready %d\n", n);
    std::fflush(stdout);

    QTimer registeredPoll;
    registeredPoll.setInterval(20);
    QObject::connect(&registeredPoll, &QTimer::timeout, &app, [&]() {
        if (sim.registeredCount() < n)
            return;
        registeredPoll.stop();
        std::printf("registered %d %lld\n", n, since.elapsed());
        std::fflush(stdout);
    });
    registeredPoll.start();

    QByteArray pending;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&]() {
        char buf[4096];
        const ssize_t got = ::read(STDIN_FILENO, buf, sizeof buf);
        if (got <= 0) { // end of input: the benchmark is gone or done
            input.setEnabled(false);
            app.quit();
            return;
        }
        pending.append(buf, qsizetype(got));
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QList<QByteArray> words = pending.left(nl).trimmed().split(' ');
            pending.remove(0, nl + 1);
            const QByteArray cmd = words.value(0);
            if (cmd == "stats")
                printStats(sim);
            else if (cmd == "gaps")
                printGaps(sim.takeSlotGapsUs());
            else if (cmd == "download-ms" && words.size() > 1)
                sim.setDownloadMs(words.at(1).toLongLong());
            else if (cmd == "tick-ms" && words.size() > 1)
                sim.setTickIntervalMs(words.at(1).toLongLong());
            else if (cmd == "quit")
                app.quit();
            else if (!cmd.isEmpty())
                std::fprintf(stderr, "fleetdeck-nodesim: unknown command \"%s\"\n", cmd.constData());
        }
    });
    const int rc = app.exec();
    sim.stop();
    return rc;
}
