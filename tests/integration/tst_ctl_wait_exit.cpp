// A21 and A42 at process level: a real `fleetdeck --headless` replica (SQLite store), real
// `fleetdeck-worker`s installing file artifacts, `fleetdeckctl` on a private nats-server.
// A21: after a failed Reinstall (tampered artifact), `retry <op> --wait` exits 1 when the retry fails and 0 when it succeeds (the retry keeps
// the stored entry, D26: the artifact is fixed on disk between the two). A42: with one node
// offline and one drained by admin, `install whisper --wait` exits 1 with "no target node
// accepted the operation: …"; `install whisper --node <drained>` is refused with "node … is
// draining", exit 1, and creates nothing.
// fleetdeck-test-labels: nats
#include "archive_builder.h"
#include "ctl_run.h"
#include "nats_test_server.h"
#include "test_util.h"
#include "worker_process.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

} // namespace

class TstCtlWaitExit : public QObject {
    Q_OBJECT

    QStringList m_base; // --store … --nats … --gallery …

    CtlRun ctl(const QStringList &args, int timeoutMs = 60000)
    {
        return runCtl(QStringLiteral(FLEETDECK_CTL_BIN), m_base, args, timeoutMs);
    }

    QString nodeStatus(const QString &name)
    {
        for (const QJsonValue &v : ctl({QStringLiteral("nodes"), QStringLiteral("list")}).json.value(QLatin1String("nodes")).toArray())
            if (v.toObject().value(QLatin1String("name")).toString() == name)
                return v.toObject().value(QLatin1String("status")).toString();
        return {};
    }

    // Settings, then one headless replica; false when it did not start.
    bool startCluster(const NatsTestServer &nats, const QTemporaryDir &dir, const QString &gallery, WorkerProcess &replica)
    {
        m_base = {QStringLiteral("--store"), QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("fleet.sqlite")),
                  QStringLiteral("--nats"), nats.url(), QStringLiteral("--gallery"), gallery};
        for (const auto &[k, v] : {std::pair{"nodes/auto_approve", "true"}, std::pair{"ops/claim_poll_s", "1"}}) {
            const CtlRun r = ctl({QStringLiteral("settings"), QStringLiteral("set"), QLatin1String(k), QLatin1String(v)});
            if (r.exitCode != 0) {
                qWarning().noquote() << r.describe();
                return false;
            }
        }
        if (!replica.start(QStringList{QStringLiteral("--headless")} + m_base))
            return false;
        return replica.waitForLog(QStringLiteral("started on"), 30000);
    }

    bool startWorker(WorkerProcess &w, const NatsTestServer &nats, const QTemporaryDir &dir, const QString &name)
    {
        const QString backends = dir.filePath(QStringLiteral("nodes/") + name);
        QDir().mkpath(backends);
        return w.start({QStringLiteral("--name"), name, QStringLiteral("--nats"), nats.url(), QStringLiteral("--backends-dir"),
                        backends, QStringLiteral("--allow-file-root"), dir.path()});
    }

private Q_SLOTS:
    void a21_retry_wait_exit_codes()
    {
        NatsTestServer nats;
        QVERIFY2(nats.start(), qPrintable(nats.errorString()));
        QTemporaryDir dir;
        const QByteArray good = buildArchive(ArchiveFormat::TarGz, {ArchiveItem::file(QStringLiteral("piper/run.sh"), "good")});
        const QByteArray bad = buildArchive(ArchiveFormat::TarGz, {ArchiveItem::file(QStringLiteral("piper/run.sh"), "tampered")});
        QVERIFY(writeFile(dir.filePath(QStringLiteral("piper-b2.tar.gz")), good));
        const QString gallery = dir.filePath(QStringLiteral("gallery.json"));
        QVERIFY(writeFile(gallery, QJsonDocument(QJsonObject{
                                                     {QStringLiteral("fleetdeck_gallery"), 1},
                                                     {QStringLiteral("name"), QStringLiteral("local")},
                                                     {QStringLiteral("backends"),
                                                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("piper")},
                                                                             {QStringLiteral("version"), QStringLiteral("b2")},
                                                                             {QStringLiteral("uri"), QStringLiteral("piper-b2.tar.gz")},
                                                                             {QStringLiteral("sha256"), sha256Hex(good)}}}}})
                                       .toJson()));
        WorkerProcess replica(QStringLiteral(FLEETDECK_BIN));
        QVERIFY2(startCluster(nats, dir, gallery, replica), qPrintable(replica.log()));
        WorkerProcess worker(QStringLiteral(FLEETDECK_WORKER_BIN));
        QVERIFY(startWorker(worker, nats, dir, QStringLiteral("gpu-a100-2")));
        QVERIFY(waitUntil([&] { return nodeStatus(QStringLiteral("gpu-a100-2")) == QLatin1String("healthy"); }, 30000));

        // piper is installed; then its artifact is tampered with.
        const CtlRun installed = ctl({QStringLiteral("install"), QStringLiteral("piper"), QStringLiteral("--node"),
                                      QStringLiteral("gpu-a100-2"), QStringLiteral("--wait")});
        QVERIFY2(installed.exitCode == 0, qPrintable(installed.describe()));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("piper-b2.tar.gz")), bad));

        // op-7: a Reinstall of piper on gpu-a100-2 fails (sha256 mismatch).
        const CtlRun first = ctl({QStringLiteral("install"), QStringLiteral("piper"), QStringLiteral("--force"), QStringLiteral("--node"),
                                  QStringLiteral("gpu-a100-2"), QStringLiteral("--wait")});
        QVERIFY2(first.exitCode == 1, qPrintable(first.describe()));
        QCOMPARE(first.json.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        QVERIFY2(first.json.value(QLatin1String("error")).toString().contains(QLatin1String("sha256 mismatch")), qPrintable(first.describe()));
        const QString op7 = first.json.value(QLatin1String("id")).toString();
        QVERIFY(!op7.isEmpty());

        // Its retry fails the same way: exit 1.
        const CtlRun failedRetry = ctl({QStringLiteral("retry"), op7, QStringLiteral("--wait")});
        QVERIFY2(failedRetry.exitCode == 1, qPrintable(failedRetry.describe()));
        QCOMPARE(failedRetry.json.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(failedRetry.json.value(QLatin1String("retry_of")).toString(), op7);
        QCOMPARE(failedRetry.json.value(QLatin1String("force")).toBool(), true);
        const QString op8 = failedRetry.json.value(QLatin1String("id")).toString();

        // The artifact is fixed: the next retry succeeds, exit 0.
        QVERIFY(writeFile(dir.filePath(QStringLiteral("piper-b2.tar.gz")), good));
        const CtlRun okRetry = ctl({QStringLiteral("retry"), op8, QStringLiteral("--wait")});
        QVERIFY2(okRetry.exitCode == 0, qPrintable(okRetry.describe()));
        QCOMPARE(okRetry.json.value(QLatin1String("state")).toString(), QStringLiteral("success"));
        QCOMPARE(okRetry.json.value(QLatin1String("retry_of")).toString(), op8);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("nodes/gpu-a100-2/piper/metadata.json"))));
        // Both failed originals were dismissed by their retries: nothing is left in the list.
        QCOMPARE(ctl({QStringLiteral("ops"), QStringLiteral("list")}).json.value(QLatin1String("ops")).toArray().size(), 0);

        worker.terminate();
        QVERIFY(worker.waitForExit(20000));
        replica.terminate();
        QVERIFY(replica.waitForExit(20000));
    }

    void a42_nothing_accepted_is_a_failure()
    {
        NatsTestServer nats;
        QVERIFY2(nats.start(), qPrintable(nats.errorString()));
        QTemporaryDir dir;
        const QByteArray whisper = buildArchive(ArchiveFormat::TarGz, {ArchiveItem::file(QStringLiteral("whisper/run.sh"), "hi")});
        QVERIFY(writeFile(dir.filePath(QStringLiteral("whisper.tar.gz")), whisper));
        const QString gallery = dir.filePath(QStringLiteral("gallery.json"));
        QVERIFY(writeFile(gallery, QByteArrayLiteral(R"({"fleetdeck_gallery":1,"name":"local","backends":[{"name":"whisper","version":"1.0","uri":"whisper.tar.gz"}]})")));
        WorkerProcess replica(QStringLiteral(FLEETDECK_BIN));
        QVERIFY2(startCluster(nats, dir, gallery, replica), qPrintable(replica.log()));
        WorkerProcess edge(QStringLiteral(FLEETDECK_WORKER_BIN)), mac(QStringLiteral(FLEETDECK_WORKER_BIN));
        QVERIFY(startWorker(edge, nats, dir, QStringLiteral("cpu-edge-1")));
        QVERIFY(startWorker(mac, nats, dir, QStringLiteral("mac-mini-m4")));
        QVERIFY(waitUntil([&] {
            return nodeStatus(QStringLiteral("cpu-edge-1")) == QLatin1String("healthy")
                && nodeStatus(QStringLiteral("mac-mini-m4")) == QLatin1String("healthy");
        }, 30000));
        // cpu-edge-1 stops (offline "worker stopped"); mac-mini-m4 is drained by admin.
        edge.terminate();
        QVERIFY(edge.waitForExit(20000));
        QVERIFY(waitUntil([&] { return nodeStatus(QStringLiteral("cpu-edge-1")) == QLatin1String("offline"); }, 30000));
        const CtlRun drained = ctl({QStringLiteral("nodes"), QStringLiteral("drain"), QStringLiteral("mac-mini-m4")});
        QVERIFY2(drained.exitCode == 0, qPrintable(drained.describe()));
        QCOMPARE(nodeStatus(QStringLiteral("mac-mini-m4")), QStringLiteral("draining"));

        const CtlRun install = ctl({QStringLiteral("install"), QStringLiteral("whisper"), QStringLiteral("--wait")});
        QVERIFY2(install.exitCode == 1, qPrintable(install.describe()));
        QCOMPARE(install.json.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(install.json.value(QLatin1String("error")).toString(),
                 QStringLiteral("no target node accepted the operation: cpu-edge-1 (offline), mac-mini-m4 (draining)"));

        const int historyBefore = ctl({QStringLiteral("ops"), QStringLiteral("history")}).json.value(QLatin1String("history")).toArray().size();
        const int opsBefore = ctl({QStringLiteral("ops"), QStringLiteral("list")}).json.value(QLatin1String("ops")).toArray().size();
        const CtlRun refused = ctl({QStringLiteral("install"), QStringLiteral("whisper"), QStringLiteral("--node"), QStringLiteral("mac-mini-m4")});
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.json.value(QLatin1String("error")).toString(), QStringLiteral("node mac-mini-m4 is draining"));
        QCOMPARE(ctl({QStringLiteral("ops"), QStringLiteral("list")}).json.value(QLatin1String("ops")).toArray().size(), opsBefore);
        QCOMPARE(ctl({QStringLiteral("ops"), QStringLiteral("history")}).json.value(QLatin1String("history")).toArray().size(), historyBefore);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("nodes/mac-mini-m4/whisper"))));

        mac.terminate();
        QVERIFY(mac.waitForExit(20000));
        replica.terminate();
        QVERIFY(replica.waitForExit(20000));
    }
};

QTEST_GUILESS_MAIN(TstCtlWaitExit)
#include "tst_ctl_wait_exit.moc"
