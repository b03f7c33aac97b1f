// The end-to-end scenario of the control plane, with processes only: a real nats-server, the
// real PostgreSQL, two `fleetdeck --headless` replicas, three `fleetdeck-worker`s and the HTTP
// artifact helper. install --wait and upgrade --wait succeed on every worker; `kill -9` of the
// replica owning a running install leaves the op to the other replica, whose reaper (shortened
// stale age) shows it failed; `fleetdeckctl retry` then succeeds.
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
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstClusterE2e : public QObject {
    Q_OBJECT

    QStringList m_base; // --store … --nats … --gallery …

    // Runs fleetdeckctl while this thread's event loop keeps serving artifacts.
    CtlRun ctl(const QStringList &args, int timeoutMs = 120000)
    {
        return runCtl(QStringLiteral(FLEETDECK_CTL_BIN), m_base, args, timeoutMs);
    }

private Q_SLOTS:
    void end_to_end_two_replicas_three_workers()
    {
        QString error;
        auto db = TestDatabase::create(Backend::Postgres, &error);
        QVERIFY2(db, qPrintable(error));
        NatsTestServer nats;
        QVERIFY2(nats.start(), qPrintable(nats.errorString()));
        ArtifactServer http;
        QVERIFY(http.start());
        QByteArray payload(2 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator gen(7);
        for (qsizetype i = 0; i < payload.size(); i += 4) {
            const quint32 v = gen.generate();
            memcpy(payload.data() + i, &v, 4);
        }
        const QByteArray whisper = buildArchive(ArchiveFormat::TarGz, {ArchiveItem::file(QStringLiteral("whisper/run.sh"), "hi")});
        const QByteArray bark = buildArchive(ArchiveFormat::TarGz, {ArchiveItem::file(QStringLiteral("bark/model.bin"), payload)});
        http.setFile(QStringLiteral("/whisper.tar.gz"), whisper);
        http.setFile(QStringLiteral("/bark.tar.gz"), bark);
        QTemporaryDir dir;
        const QString gallery = dir.filePath(QStringLiteral("gallery.json"));
        {
            QFile f(gallery);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(QJsonObject{
                        {QStringLiteral("fleetdeck_gallery"), 1},
                        {QStringLiteral("name"), QStringLiteral("e2e")},
                        {QStringLiteral("backends"),
                         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("whisper")},
                                                {QStringLiteral("version"), QStringLiteral("1.0")},
                                                {QStringLiteral("uri"), http.url(QStringLiteral("/whisper.tar.gz"))},
                                                {QStringLiteral("sha256"), sha256Hex(whisper)}},
                                    QJsonObject{{QStringLiteral("name"), QStringLiteral("bark")},
                                                {QStringLiteral("version"), QStringLiteral("1")},
                                                {QStringLiteral("uri"), http.url(QStringLiteral("/bark.tar.gz"))}}}}})
                        .toJson());
        }
        m_base = {QStringLiteral("--store"), db->config().dsn(), QStringLiteral("--nats"), nats.url(),
                  QStringLiteral("--gallery"), gallery};
        // Cluster settings before any replica starts: open registration, and a short stale age.
        for (const auto &[k, v] : {std::pair{"nodes/auto_approve", "true"}, std::pair{"ops/stale_age_s", "4"},
                                   std::pair{"ops/reap_interval_s", "1"}, std::pair{"ops/keepalive_s", "1"},
                                   std::pair{"ops/claim_poll_s", "1"}}) {
            const CtlRun r = ctl({QStringLiteral("settings"), QStringLiteral("set"), QLatin1String(k), QLatin1String(v)});
            QVERIFY2(r.exitCode == 0, qPrintable(r.stdErr));
        }
        auto replica = [&](WorkerProcess &p) {
            return p.start(QStringList{QStringLiteral("--headless")} + m_base);
        };
        WorkerProcess r1(QStringLiteral(FLEETDECK_BIN)), r2(QStringLiteral(FLEETDECK_BIN));
        QVERIFY(replica(r1));
        QVERIFY2(r1.waitForLog(QStringLiteral("started on"), 30000), qPrintable(r1.log()));
        QVERIFY(replica(r2));
        QVERIFY2(r2.waitForLog(QStringLiteral("started on"), 30000), qPrintable(r2.log()));
        std::vector<std::unique_ptr<WorkerProcess>> workers;
        for (int i = 1; i <= 3; ++i) {
            const QString backends = dir.filePath(QStringLiteral("w%1").arg(i));
            QDir().mkpath(backends);
            workers.push_back(std::make_unique<WorkerProcess>(QStringLiteral(FLEETDECK_WORKER_BIN)));
            QVERIFY(workers.back()->start({QStringLiteral("--name"), QStringLiteral("w%1").arg(i), QStringLiteral("--nats"), nats.url(),
                                           QStringLiteral("--backends-dir"), backends}));
        }
        QVERIFY(waitUntil(
            [&] {
                const CtlRun n = ctl({QStringLiteral("nodes"), QStringLiteral("list")});
                int healthy = 0;
                for (const QJsonValue &v : n.json.value(QLatin1String("nodes")).toArray())
                    healthy += v.toObject().value(QLatin1String("status")).toString() == QLatin1String("healthy") ? 1 : 0;
                return healthy == 3;
            },
            30000));

        // install --wait: every worker holds the backend.
        const CtlRun install = ctl({QStringLiteral("install"), QStringLiteral("whisper"), QStringLiteral("--wait")});
        QVERIFY2(install.exitCode == 0, qPrintable(install.stdErr + QString::fromUtf8(QJsonDocument(install.json).toJson())));
        QCOMPARE(install.json.value(QLatin1String("state")).toString(), QStringLiteral("success"));
        for (int i = 1; i <= 3; ++i)
            QVERIFY(QFile::exists(dir.filePath(QStringLiteral("w%1/whisper/metadata.json").arg(i))));

        // upgrade --wait: exits 0 after progress lines.
        const CtlRun upgrade = ctl({QStringLiteral("upgrade"), QStringLiteral("whisper"), QStringLiteral("--wait")});
        QVERIFY2(upgrade.exitCode == 0, qPrintable(upgrade.stdErr));
        QVERIFY2(upgrade.stdErr.contains(QLatin1String("upgrade whisper:")), qPrintable(upgrade.stdErr));

        // kill -9 of the owning replica mid-download.
        http.setRateBytesPerSec(200 * 1024); // ~10 s per node
        const CtlRun started = ctl({QStringLiteral("install"), QStringLiteral("bark")});
        QVERIFY2(started.exitCode == 0, qPrintable(started.stdErr));
        const QString opId = started.json.value(QLatin1String("op_id")).toString();
        QString owner;
        QVERIFY(waitUntil(
            [&] {
                for (const QJsonValue &v : ctl({QStringLiteral("ops"), QStringLiteral("list")}).json.value(QLatin1String("ops")).toArray()) {
                    const QJsonObject o = v.toObject();
                    if (o.value(QLatin1String("id")).toString() == opId && o.value(QLatin1String("state")).toString() == QLatin1String("running")
                        && o.value(QLatin1String("progress")).toInt() > 0)
                        owner = o.value(QLatin1String("owner_replica_id")).toString();
                }
                return !owner.isEmpty();
            },
            30000));
        WorkerProcess &ownerProc = r1.logContains(owner) ? r1 : r2;
        WorkerProcess &survivor = &ownerProc == &r1 ? r2 : r1;
        QVERIFY(ownerProc.logContains(owner));
        ownerProc.kill();
        QVERIFY(ownerProc.waitForExit(10000));
        // The survivor's reaper shows the op failed, with Retry.
        QJsonObject failed;
        QVERIFY(waitUntil(
            [&] {
                for (const QJsonValue &v : ctl({QStringLiteral("ops"), QStringLiteral("list")}).json.value(QLatin1String("ops")).toArray())
                    if (v.toObject().value(QLatin1String("id")).toString() == opId
                        && v.toObject().value(QLatin1String("state")).toString() == QLatin1String("failed"))
                        failed = v.toObject();
                return !failed.isEmpty();
            },
            60000));
        QCOMPARE(failed.value(QLatin1String("error")).toString(),
                 QStringLiteral("stale operation reaped (abandoned by a crashed or restarted replica)"));
        QVERIFY(survivor.isRunning());
        http.setRateBytesPerSec(0);
        const CtlRun retry = ctl({QStringLiteral("retry"), opId, QStringLiteral("--wait")});
        QVERIFY2(retry.exitCode == 0, qPrintable(retry.stdErr + QString::fromUtf8(QJsonDocument(retry.json).toJson())));
        QCOMPARE(retry.json.value(QLatin1String("retry_of")).toString(), opId);
        for (int i = 1; i <= 3; ++i)
            QVERIFY(QFile::exists(dir.filePath(QStringLiteral("w%1/bark/metadata.json").arg(i))));
        survivor.terminate();
        QVERIFY(survivor.waitForExit(20000));
        for (auto &w : workers)
            w->terminate();
    }
};

QTEST_GUILESS_MAIN(TstClusterE2e)
#include "tst_cluster_e2e.moc"
