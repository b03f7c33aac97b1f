// The Prometheus endpoints as processes (issue #14, docs/metrics.md): a real PostgreSQL (fixture),
// a real nats-server of the test's own (a replica on the shared fixture's bus would meet other
// tests' clusters), one `fleetdeck --headless --metrics-listen PORT` and a `fleetdeck-worker` with
// FLEETDECK_METRICS_LISTEN. An install through fleetdeckctl moves the figures: the replica's
// started and finished{outcome="success"} counters, its duration histogram, the progress counts
// (worker ticks and status broadcasts) and reconcile passes; the worker's jobs, bytes downloaded
// and current jobs (seen running during the install).
// The upgrade leader exports the cluster-wide figures; `promtool check metrics` accepts both
// scrapes. Bad input: an unparseable address exits 2 naming it; an address in use is logged and
// the worker runs on without an endpoint.
// fleetdeck-test-labels: postgres
#include "archive_builder.h"
#include "ctl_run.h"
#include "artifact_server.h"
#include "nats_test_server.h"
#include "test_db.h"
#include "test_util.h"
#include "worker_process.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {

// One scrape: the body and its samples ("name{labels}" → value).
struct Scrape {
    int status = 0;
    QByteArray body;
    QMap<QString, double> samples;
    double value(const QString &key) const { return samples.value(key, -1); }
};

Scrape scrape(quint16 port)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port))));
    Scrape s;
    if (!waitUntil([&] { return reply->isFinished(); }, 10000)) {
        reply->abort();
        delete reply;
        return s;
    }
    s.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    s.body = reply->readAll();
    delete reply;
    for (const QByteArray &line : s.body.split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype space = line.lastIndexOf(' ');
        s.samples.insert(QString::fromUtf8(line.left(space)), line.mid(space + 1).toDouble());
    }
    return s;
}

// promtool (Debian package prometheus) lints a scrape: types, HELP, names, units.
QString promtoolProblems(const QByteArray &body)
{
    QProcess p;
    p.start(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("metrics")});
    if (!p.waitForStarted(10000))
        return QStringLiteral("promtool did not start (package prometheus): ") + p.errorString();
    p.write(body);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit)
        return QStringLiteral("promtool did not finish");
    if (p.exitCode() != 0)
        return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return {};
}

} // namespace

class TstMetricsProcess : public QObject {
    Q_OBJECT

    QStringList m_base; // --store … --nats … --gallery …

    CtlRun ctl(const QStringList &args, int timeoutMs = 60000)
    {
        return runCtl(QStringLiteral(FLEETDECK_CTL_BIN), m_base, args, timeoutMs);
    }

    // Runs a program that should refuse its configuration at once.
    static std::pair<int, QString> runToExit(const QString &binary, const QStringList &args, const QStringList &env = {})
    {
        WorkerProcess p(binary);
        if (!p.start(args, env) || !p.waitForExit(20000))
            return {-1, QStringLiteral("did not exit: ") + p.log()};
        return {p.exitCode(), p.log()};
    }

private Q_SLOTS:
    void install_moves_replica_and_worker_metrics()
    {
        QString error;
        auto db = TestDatabase::create(Backend::Postgres, &error);
        QVERIFY2(db, qPrintable(error));
        NatsTestServer nats;
        QVERIFY2(nats.start(), qPrintable(nats.errorString()));
        ArtifactServer http;
        QVERIFY(http.start());
        QByteArray payload(1024 * 1024, Qt::Uninitialized);
        QRandomGenerator gen(14);
        for (qsizetype i = 0; i < payload.size(); i += 4) {
            const quint32 v = gen.generate();
            memcpy(payload.data() + i, &v, 4);
        }
        const QByteArray bark = buildArchive(ArchiveFormat::TarGz, {ArchiveItem::file(QStringLiteral("bark/model.bin"), payload)});
        http.setFile(QStringLiteral("/bark.tar.gz"), bark);
        QTemporaryDir dir;
        const QString gallery = dir.filePath(QStringLiteral("gallery.json"));
        {
            QFile f(gallery);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(QJsonObject{
                        {QStringLiteral("fleetdeck_gallery"), 1},
                        {QStringLiteral("name"), QStringLiteral("metrics")},
                        {QStringLiteral("backends"),
                         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("bark")},
                                                {QStringLiteral("version"), QStringLiteral("1")},
                                                {QStringLiteral("uri"), http.url(QStringLiteral("/bark.tar.gz"))},
                                                {QStringLiteral("sha256"), sha256Hex(bark)}}}}})
                        .toJson());
        }
        m_base = {QStringLiteral("--store"), db->config().dsn(), QStringLiteral("--nats"), nats.url(),
                  QStringLiteral("--gallery"), gallery};
        for (const auto &[k, v] : {std::pair{"nodes/auto_approve", "true"}, std::pair{"ops/claim_poll_s", "1"},
                                   std::pair{"reconcile/tick_s", "2"}}) {
            const CtlRun r = ctl({QStringLiteral("settings"), QStringLiteral("set"), QLatin1String(k), QLatin1String(v)});
            QVERIFY2(r.exitCode == 0, qPrintable(r.stdErr));
        }

        // An unparseable address: exit 2, naming the key and the value.
        const auto [badRc, badLog] = runToExit(QStringLiteral(FLEETDECK_BIN),
                                               QStringList{QStringLiteral("--headless")} + m_base
                                                   + QStringList{QStringLiteral("--metrics-listen"), QStringLiteral("metrics.example.org:9464")});
        QVERIFY2(badRc == 2 && badLog.contains(QLatin1String("metrics/listen")) && badLog.contains(QLatin1String("\"metrics.example.org\"")),
                 qPrintable(QString::number(badRc) + QLatin1Char(' ') + badLog));
        const QString w1Dir = dir.filePath(QStringLiteral("w1"));
        const QString w2Dir = dir.filePath(QStringLiteral("w2"));
        QDir().mkpath(w1Dir);
        QDir().mkpath(w2Dir);
        auto workerArgs = [&](const QString &name, const QString &backends) {
            return QStringList{QStringLiteral("--name"), name, QStringLiteral("--nats"), nats.url(), QStringLiteral("--backends-dir"),
                               backends, QStringLiteral("--heartbeat-interval"), QStringLiteral("1")};
        };
        const auto [badWorkerRc, badWorkerLog] = runToExit(QStringLiteral(FLEETDECK_WORKER_BIN), workerArgs(QStringLiteral("w0"), w1Dir),
                                                           {QStringLiteral("FLEETDECK_METRICS_LISTEN=70000")});
        QVERIFY2(badWorkerRc == 2 && badWorkerLog.contains(QLatin1String("FLEETDECK_METRICS_LISTEN"))
                     && badWorkerLog.contains(QLatin1String("70000")),
                 qPrintable(QString::number(badWorkerRc) + QLatin1Char(' ') + badWorkerLog));

        // The replica on a bare port (loopback), the worker through its variable.
        const quint16 replicaPort = NatsTestServer::freePort();
        const quint16 workerPort = NatsTestServer::freePort();
        QVERIFY(replicaPort != 0 && workerPort != 0 && replicaPort != workerPort);
        WorkerProcess replica(QStringLiteral(FLEETDECK_BIN));
        QVERIFY(replica.start(QStringList{QStringLiteral("--headless")} + m_base
                              + QStringList{QStringLiteral("--metrics-listen"), QString::number(replicaPort)}));
        QVERIFY2(replica.waitForLog(QStringLiteral("serving Prometheus metrics on http://127.0.0.1:%1/metrics").arg(replicaPort), 30000),
                 qPrintable(replica.log()));
        QVERIFY2(replica.waitForLog(QStringLiteral("started on"), 30000), qPrintable(replica.log()));
        WorkerProcess w1(QStringLiteral(FLEETDECK_WORKER_BIN));
        QVERIFY(w1.start(workerArgs(QStringLiteral("w1"), w1Dir), {QStringLiteral("FLEETDECK_METRICS_LISTEN=127.0.0.1:%1").arg(workerPort)}));
        QVERIFY2(w1.waitForLog(QStringLiteral("serving Prometheus metrics on http://127.0.0.1:%1/metrics").arg(workerPort), 20000),
                 qPrintable(w1.log()));
        // An address in use: logged with the address, the worker runs on (and installs) without it.
        WorkerProcess w2(QStringLiteral(FLEETDECK_WORKER_BIN));
        QVERIFY(w2.start(workerArgs(QStringLiteral("w2"), w2Dir) + QStringList{QStringLiteral("--metrics-listen"), QString::number(replicaPort)}));
        QVERIFY2(w2.waitForLog(QStringLiteral("metrics/listen: cannot listen on 127.0.0.1:%1: ").arg(replicaPort), 20000), qPrintable(w2.log()));
        QVERIFY(waitUntil(
            [&] {
                int healthy = 0;
                for (const QJsonValue &v : ctl({QStringLiteral("nodes"), QStringLiteral("list")}).json.value(QLatin1String("nodes")).toArray())
                    healthy += v.toObject().value(QLatin1String("status")).toString() == QLatin1String("healthy") ? 1 : 0;
                return healthy == 2;
            },
            30000));
        QVERIFY(w2.isRunning());

        const QString installs = QStringLiteral("fleetdeck_operations_started_total{kind=\"install\"}");
        const QString successes = QStringLiteral("fleetdeck_operations_finished_total{kind=\"install\",outcome=\"success\"}");
        const QString workerSuccesses = QStringLiteral("fleetdeck_worker_jobs_total{kind=\"install\",outcome=\"success\"}");
        const QString bytes = QStringLiteral("fleetdeck_worker_downloaded_bytes_total");
        const QString workerRunning = QStringLiteral("fleetdeck_worker_jobs{state=\"running\"}");
        Scrape r0 = scrape(replicaPort);
        Scrape w0 = scrape(workerPort);
        QCOMPARE(r0.status, 200);
        QCOMPARE(w0.status, 200);
        QCOMPARE(r0.value(QStringLiteral("fleetdeck_build_info{version=\"%1\",qt_version=\"%2\"}").arg(QStringLiteral(FLEETDECK_VERSION), QString::fromLatin1(qVersion()))), 1.0);
        QCOMPARE(r0.value(installs), 0.0);
        QCOMPARE(r0.value(successes), 0.0);
        QCOMPARE(r0.value(QStringLiteral("fleetdeck_nats_connected")), 1.0);
        QCOMPARE(r0.value(QStringLiteral("fleetdeck_store_reachable")), 1.0);
        QCOMPARE(w0.value(workerSuccesses), 0.0);
        QCOMPARE(w0.value(bytes), 0.0);
        QCOMPARE(w0.value(QStringLiteral("fleetdeck_worker_registered")), 1.0);
        QVERIFY2(promtoolProblems(r0.body).isEmpty(), qPrintable(promtoolProblems(r0.body) + QString::fromUtf8(r0.body)));
        QVERIFY2(promtoolProblems(w0.body).isEmpty(), qPrintable(promtoolProblems(w0.body) + QString::fromUtf8(w0.body)));

        // During the install (the artifact comes at 128 KiB/s, ~8 s): running on both sides.
        http.setRateBytesPerSec(128 * 1024);
        const CtlRun started = ctl({QStringLiteral("install"), QStringLiteral("bark")});
        QVERIFY2(started.exitCode == 0, qPrintable(started.stdErr));
        Scrape rDuring, wDuring;
        QVERIFY2(waitUntil(
                     [&] {
                         rDuring = scrape(replicaPort);
                         return rDuring.value(installs) == 1 && rDuring.value(QStringLiteral("fleetdeck_executor_running_operations")) == 1
                                && rDuring.value(QStringLiteral("fleetdeck_operations_active{state=\"running\"}")) == 1;
                     },
                     20000),
                 rDuring.body.constData());
        QVERIFY2(waitUntil(
                     [&] {
                         wDuring = scrape(workerPort);
                         return wDuring.value(workerRunning) == 1 && wDuring.value(bytes) > 0;
                     },
                     20000),
                 wDuring.body.constData());
        QVERIFY(wDuring.value(bytes) < bark.size());

        // After: finished once with success, the whole artifact counted once.
        Scrape r1, w1s;
        QVERIFY2(waitUntil(
                     [&] {
                         r1 = scrape(replicaPort);
                         return r1.value(successes) == 1;
                     },
                     60000),
                 r1.body.constData());
        QCOMPARE(r1.value(installs), 1.0);
        QCOMPARE(r1.value(QStringLiteral("fleetdeck_operation_duration_seconds_count{kind=\"install\"}")), 1.0);
        QVERIFY(r1.value(QStringLiteral("fleetdeck_operation_duration_seconds_sum{kind=\"install\"}")) > 1.0);
        QVERIFY2(r1.value(QStringLiteral("fleetdeck_progress_events_received_total{source=\"worker\"}")) > 0, r1.body.constData());
        QVERIFY2(r1.value(QStringLiteral("fleetdeck_progress_events_received_total{source=\"broadcast\"}")) > 0, r1.body.constData());
        QCOMPARE(r1.value(QStringLiteral("fleetdeck_operations_active{state=\"running\"}")), 0.0);
        QCOMPARE(r1.value(QStringLiteral("fleetdeck_executor_running_operations")), 0.0);
        QVERIFY(waitUntil(
            [&] {
                w1s = scrape(workerPort);
                return w1s.value(workerSuccesses) == 1;
            },
            10000));
        QCOMPARE(w1s.value(bytes), double(bark.size()));
        QCOMPARE(w1s.value(workerRunning), 0.0);
        QCOMPARE(w1s.value(QStringLiteral("fleetdeck_worker_jobs_total{kind=\"install\",outcome=\"failed\"}")), 0.0);
        QVERIFY(QFile::exists(w1Dir + QStringLiteral("/bark/metadata.json")));

        // The single replica leads: it exports the cluster-wide figures, read on its store thread.
        Scrape leader;
        QVERIFY2(waitUntil(
                     [&] {
                         leader = scrape(replicaPort);
                         // The fan-out deletes a node's pending row after that row's terminal
                         // write, on the store thread: on a loaded machine a scrape may come first.
                         return leader.value(QStringLiteral("fleetdeck_upgrade_leader")) == 1
                                && leader.value(QStringLiteral("fleetdeck_cluster_nodes{status=\"healthy\"}")) == 2
                                && leader.value(QStringLiteral("fleetdeck_reconcile_passes_total")) >= 1
                                && leader.value(QStringLiteral("fleetdeck_cluster_pending_node_ops")) == 0;
                     },
                     40000),
                 leader.body.constData());
        QCOMPARE(leader.value(QStringLiteral("fleetdeck_cluster_nodes{status=\"offline\"}")), 0.0);
        // Reconcile passes (every 2 s here) are counted with their durations.
        QCOMPARE(leader.value(QStringLiteral("fleetdeck_reconcile_pass_duration_seconds_count")),
                 leader.value(QStringLiteral("fleetdeck_reconcile_passes_total")));
        QCOMPARE(leader.value(QStringLiteral("fleetdeck_cluster_pending_node_ops")), 0.0);
        QCOMPARE(leader.value(QStringLiteral("fleetdeck_cluster_dead_letters")), 0.0);
        QVERIFY(leader.value(QStringLiteral("fleetdeck_cluster_oldest_active_operation_age_seconds")) >= 0);
        QVERIFY2(promtoolProblems(leader.body).isEmpty(), qPrintable(promtoolProblems(leader.body) + QString::fromUtf8(leader.body)));
        QVERIFY2(promtoolProblems(w1s.body).isEmpty(), qPrintable(promtoolProblems(w1s.body)));

        // Both stop cleanly with their endpoints open.
        replica.terminate();
        QVERIFY(replica.waitForExit(20000));
        QVERIFY2(!replica.crashed() && replica.exitCode() == 0, qPrintable(replica.log()));
        w1.terminate();
        w2.terminate();
        QVERIFY(w1.waitForExit(20000));
        QVERIFY(w2.waitForExit(20000));
        QVERIFY2(!w1.crashed() && w1.exitCode() == 0, qPrintable(w1.log()));
        QVERIFY2(!w2.crashed() && w2.exitCode() == 0, qPrintable(w2.log()));
    }
};

QTEST_GUILESS_MAIN(TstMetricsProcess)
#include "tst_metrics_process.moc"
