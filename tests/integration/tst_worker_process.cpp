// fleetdeck-worker as a process over a real nats-server (its own, unauthenticated): upgrade with
// progress, A19 cancel, A41 graceful shutdown, A50 node names, and a SIGKILL mid-install followed
// by a restart (A38 at process level; the kill points inside extraction and commit are covered by
// tst_worker_atomic_replace).
// fleetdeck-test-labels: nats
#include "artifact_server.h"
#include "nats_test_server.h"
#include "worker_it.h"
#include "worker_test_env.h"

#include <QElapsedTimer>
#include <QUrl>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::test;

class TestWorkerProcess : public QObject {
    Q_OBJECT

    std::unique_ptr<NatsTestServer> m_nats;
    std::unique_ptr<NatsBus> m_bus; // the replica's side
    ArtifactServer m_server;
    std::unique_ptr<WorkerDisk> m_disk;
    std::unique_ptr<QObject> m_ctx;

    QStringList args(const QString &name) const
    {
        return {QStringLiteral("--name"), name, QStringLiteral("--nats"), m_nats->url(), QStringLiteral("--backends-dir"),
                m_disk->backends(), QStringLiteral("--allow-file-root"), m_disk->artifacts(), QStringLiteral("--heartbeat-interval"),
                QStringLiteral("1")};
    }
    // Starts the worker, answers its registration and waits until it serves its subjects.
    bool startServing(WorkerProcess &w, RegistrarStub &reg, const QString &name, const QStringList &extraEnv = {})
    {
        Q_UNUSED(reg);
        return w.start(args(name), extraEnv) && waitServing(*m_bus, name);
    }
    QJsonObject fileEntry(const QString &name, const QString &version)
    {
        const QByteArray bytes = backendArchive(name, version);
        return jsonEntry(name, version, m_disk->putArtifact(name + QLatin1Char('-') + version + QStringLiteral(".tar.gz"), bytes), bytes);
    }
    QJsonObject httpEntry(const QString &name, const QString &version, qint64 size)
    {
        const QString path = QStringLiteral("/artifacts/") + name + QLatin1Char('-') + version + QStringLiteral(".bin");
        const QByteArray bytes(size, 'z');
        m_server.setFile(path, bytes);
        return jsonEntry(name, version, m_server.url(path), bytes);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_nats = std::make_unique<NatsTestServer>();
        QVERIFY2(m_nats->start(), qPrintable(m_nats->errorString()));
        m_bus = connectNatsBus(natsConfigFor(m_nats->url()));
        QVERIFY(m_bus);
    }
    void init()
    {
        m_disk = std::make_unique<WorkerDisk>();
        m_ctx = std::make_unique<QObject>();
        m_server.setRateBytesPerSec(0);
        m_server.resetCounts();
    }
    void cleanup()
    {
        m_ctx.reset();
        m_disk.reset();
    }
    void cleanupTestCase()
    {
        m_bus.reset();
        m_nats.reset();
    }

    // A 20 MB throttled upgrade through a plain bus request with an op id: ≥ 3 progress events
    // with rising percentages, the last at 100, before the reply; metadata.json names the new version.
    void upgrade_streams_progress_then_replies()
    {
        const QString node = QStringLiteral("wp-upgrade");
        RegistrarStub reg(*m_bus, registrationReply(node, QStringLiteral("id-upgrade")));
        WorkerProcess w(workerBinary());
        QVERIFY(startServing(w, reg, node));
        QCOMPARE(askObject(*m_bus, nodeSubject(node, "install"), commandPayload(fileEntry(QStringLiteral("piper"), QStringLiteral("b1")), {}, false))
                     .value(QStringLiteral("success")),
                 QJsonValue(true));
        m_server.setRateBytesPerSec(10 << 20);
        Collector progress(*m_bus, QStringLiteral("nodes.wp-upgrade.backend.install.op-up.progress"));
        QStringList order;
        const AsyncReply r = sendAsync(*m_bus, nodeSubject(node, "upgrade"), commandPayload(httpEntry(QStringLiteral("piper"), QStringLiteral("b2"), 20 << 20), QStringLiteral("op-up"), false), 60000, m_ctx.get());
        QVERIFY(waitUntil([&]() { return r->has_value(); }, 60000));
        const int ticksAtReply = int(progress.items().size());
        const QJsonObject reply = replyObject(**r);
        QCOMPARE(reply.value(QStringLiteral("success")), QJsonValue(true));
        QCOMPARE(reply.value(QStringLiteral("installed")).toObject().value(QStringLiteral("version")).toString(), QStringLiteral("b2"));
        QTest::qWait(200);
        QCOMPARE(progress.items().size(), ticksAtReply); // nothing after the reply
        QVERIFY2(ticksAtReply >= 3, qPrintable(progress.field("percentage").join(QLatin1Char(' '))));
        double last = -1;
        for (const QJsonObject &t : progress.items()) {
            const double p = t.value(QStringLiteral("percentage")).toDouble();
            QVERIFY2(p > last, qPrintable(progress.field("percentage").join(QLatin1Char(' '))));
            last = p;
            QCOMPARE(t.value(QStringLiteral("node_id")).toString(), QStringLiteral("id-upgrade"));
            QCOMPARE(t.value(QStringLiteral("backend")).toString(), QStringLiteral("piper"));
        }
        QCOMPARE(last, 100.0);
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b2"));
        QCOMPARE(m_disk->metadata(QStringLiteral("piper")).value(QStringLiteral("op_id")).toString(), QStringLiteral("op-up"));
    }

    // A19 worker side: a cancel stops the throttled download, staging is emptied, the command
    // replies cancelled:true and the installed version's metadata.json is intact.
    void a19_cancel_interrupts_worker()
    {
        const QString node = QStringLiteral("wp-cancel");
        RegistrarStub reg(*m_bus, registrationReply(node, QStringLiteral("id-cancel")));
        WorkerProcess w(workerBinary());
        QVERIFY(startServing(w, reg, node));
        QCOMPARE(askObject(*m_bus, nodeSubject(node, "install"), commandPayload(fileEntry(QStringLiteral("llama-cpp-cuda12"), QStringLiteral("b4100")), {}, false))
                     .value(QStringLiteral("success")),
                 QJsonValue(true));
        const QJsonObject before = m_disk->metadata(QStringLiteral("llama-cpp-cuda12"));
        m_server.setRateBytesPerSec(2 << 20);
        Collector progress(*m_bus, QStringLiteral("nodes.wp-cancel.backend.install.op-19.progress"));
        const AsyncReply r = sendAsync(*m_bus, nodeSubject(node, "install"),
                                       commandPayload(httpEntry(QStringLiteral("llama-cpp-cuda12"), QStringLiteral("b4120"), 20 << 20), QStringLiteral("op-19"), true),
                                       60000, m_ctx.get());
        QVERIFY(waitUntil([&]() {
            return !progress.items().isEmpty() && progress.items().constLast().value(QStringLiteral("percentage")).toDouble() >= 4;
        }));
        QVERIFY(!m_disk->stagingEntries().isEmpty());
        QElapsedTimer t;
        t.start();
        QCOMPARE(askObject(*m_bus, nodeSubject(node, "cancel"), R"({"op_id":"op-19"})"),
                 (QJsonObject{{QStringLiteral("success"), true}, {QStringLiteral("found"), true}, {QStringLiteral("too_late"), false}}));
        QVERIFY(waitUntil([&]() { return r->has_value(); }));
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(replyObject(**r), (QJsonObject{{QStringLiteral("success"), false}, {QStringLiteral("cancelled"), true},
                                                {QStringLiteral("error"), QStringLiteral("cancelled by request")},
                                                {QStringLiteral("error_code"), QStringLiteral("cancelled_by_request")}, {QStringLiteral("error_args"), QJsonObject()}}));
        QVERIFY(progress.items().constLast().value(QStringLiteral("percentage")).toDouble() < 90);
        QCOMPARE(m_disk->stagingEntries(), QStringList());
        QCOMPARE(m_disk->metadata(QStringLiteral("llama-cpp-cuda12")), before);
        QCOMPARE(before.value(QStringLiteral("version")).toString(), QStringLiteral("b4100"));
    }

    // A41 worker side: SIGTERM → heartbeats draining, then stopped, exit 0 within 60 s; a job
    // still running after worker/shutdown_wait_s is cancelled first.
    void a41_graceful_shutdown_worker_side()
    {
        const QString node = QStringLiteral("wp-stop");
        RegistrarStub reg(*m_bus, registrationReply(node, QStringLiteral("id-stop")));
        Collector heartbeats(*m_bus, QStringLiteral("nodes.wp-stop.heartbeat"));
        WorkerProcess w(workerBinary());
        QVERIFY(startServing(w, reg, node, {QStringLiteral("FLEETDECK_WORKER_SHUTDOWN_WAIT_S=2")}));
        QVERIFY(waitUntil([&]() { return heartbeats.field("state").contains(QStringLiteral("running")); }));
        m_server.setRateBytesPerSec(1 << 20);
        const AsyncReply r = sendAsync(*m_bus, nodeSubject(node, "install"),
                                       commandPayload(httpEntry(QStringLiteral("piper"), QStringLiteral("b9"), 30 << 20), QStringLiteral("op-41"), false),
                                       60000, m_ctx.get());
        QVERIFY(waitUntil([&]() { return m_server.getCount(QStringLiteral("/artifacts/piper-b9.bin")) == 1; }));
        QElapsedTimer t;
        t.start();
        w.terminate();
        QVERIFY(w.waitForExit(60000));
        QVERIFY2(t.elapsed() < 60000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(!w.crashed());
        QCOMPARE(w.exitCode(), 0);
        QVERIFY(waitUntil([&]() { return r->has_value() && heartbeats.field("state").contains(QStringLiteral("stopped")); }));
        QCOMPARE(replyObject(**r).value(QStringLiteral("cancelled")), QJsonValue(true));
        QStringList states = heartbeats.field("state");
        states.removeAll(QStringLiteral("running"));
        QVERIFY2(states.size() >= 2 && states.constFirst() == QLatin1String("draining") && states.constLast() == QLatin1String("stopped")
                     && states.count(QStringLiteral("stopped")) == 1,
                 qPrintable(heartbeats.field("state").join(QLatin1Char(' '))));
        QCOMPARE(heartbeats.items().constLast().value(QStringLiteral("node_id")).toString(), QStringLiteral("id-stop"));
        QCOMPARE(m_disk->stagingEntries(), QStringList());
    }

    // A50 worker side: the name's spelling is kept in subjects (NATS subjects are case-sensitive);
    // a name with '.' is refused at start with a message naming the key.
    void a50_node_names_worker_side()
    {
        const QString node = QStringLiteral("GPU-A100-1");
        RegistrarStub reg(*m_bus, registrationReply(node, QStringLiteral("id-gpu")));
        Collector heartbeats(*m_bus, QStringLiteral("nodes.GPU-A100-1.heartbeat"));
        WorkerProcess w(workerBinary());
        QVERIFY(startServing(w, reg, node));
        QCOMPARE(reg.requests().constFirst().value(QStringLiteral("name")).toString(), node);
        QVERIFY(w.logContains(QStringLiteral("nodes.GPU-A100-1.>")));
        QCOMPARE(requestAndWait(*m_bus, nodeSubject(QStringLiteral("gpu-a100-1"), "list"), "{}", 2000).outcome, RequestOutcome::NoResponders);
        QVERIFY(waitUntil([&]() { return !heartbeats.items().isEmpty(); }));

        WorkerProcess dotted(workerBinary());
        QVERIFY(dotted.start(args(QStringLiteral("gpu.a100"))));
        QVERIFY(dotted.waitForExit(10000));
        QCOMPARE(dotted.exitCode(), 2);
        QVERIFY2(dotted.logContains(QStringLiteral("invalid value for worker/name: invalid node name \"gpu.a100\"")), qPrintable(dotted.log()));
    }

    // A SIGKILL in the middle of a reinstall leaves the previous version; the restarted worker
    // recovers .staging at start and the next install succeeds.
    void a38_sigkill_mid_install_then_restart()
    {
        const QString node = QStringLiteral("wp-kill");
        RegistrarStub reg(*m_bus, registrationReply(node, QStringLiteral("id-kill")));
        {
            WorkerProcess w(workerBinary());
            QVERIFY(startServing(w, reg, node));
            QCOMPARE(askObject(*m_bus, nodeSubject(node, "install"), commandPayload(fileEntry(QStringLiteral("piper"), QStringLiteral("b1")), {}, false))
                         .value(QStringLiteral("success")),
                     QJsonValue(true));
            m_server.setRateBytesPerSec(2 << 20);
            sendAsync(*m_bus, nodeSubject(node, "install"), commandPayload(httpEntry(QStringLiteral("piper"), QStringLiteral("b2"), 20 << 20), QStringLiteral("op-k"), true), 60000, m_ctx.get());
            QVERIFY(waitUntil([&]() { return !m_disk->stagingEntries().isEmpty() && m_server.getCount(QStringLiteral("/artifacts/piper-b2.bin")) == 1; }));
            QTest::qWait(300);
            w.kill();
            QVERIFY(w.waitForExit(5000));
        }
        QVERIFY(!m_disk->stagingEntries().isEmpty()); // the killed run's leftovers
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b1"));
        WorkerProcess again(workerBinary());
        QVERIFY(startServing(again, reg, node));
        QCOMPARE(m_disk->stagingEntries(), QStringList());
        const QJsonArray listed = askObject(*m_bus, nodeSubject(node, "list"), "{}").value(QStringLiteral("backends")).toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("version")).toString(), QStringLiteral("b1"));
        m_server.setRateBytesPerSec(0);
        QCOMPARE(askObject(*m_bus, nodeSubject(node, "install"), commandPayload(httpEntry(QStringLiteral("piper"), QStringLiteral("b2"), 1 << 20), {}, true), 30000)
                     .value(QStringLiteral("success")),
                 QJsonValue(true));
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b2"));
    }
};

QTEST_GUILESS_MAIN(TestWorkerProcess)
#include "tst_worker_process.moc"
