// A46 worker side (SPEC §6.7): fleetdeck-worker against nats-servers with authentication — a user
// with exactly the worker permissions of gpu-a100-1, token auth, a wrong password (exit 3), no
// replica (retries forever), an "invalid registration token" reply (exit 3), and the allow-lists.
// fleetdeck-test-labels: nats
#include "artifact_server.h"
#include "nats_test_server.h"
#include "worker_it.h"
#include "worker_test_env.h"

#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {

const char *kUsers = R"(authorization {
  users = [
    { user: "gpu-a100-1", password: "worker-pw",
      permissions: {
        publish: ["nodes.register", "nodes.gpu-a100-1.heartbeat", "nodes.gpu-a100-1.backend.install.*.progress", "_INBOX.>"]
        subscribe: ["nodes.gpu-a100-1.>", "_INBOX.>"] } }
    { user: "replica", password: "replica-pw",
      permissions: {
        publish: ["nodes.>", "gallery.>", "cache.>", "fleetdeck.>", "_INBOX.>"]
        subscribe: ["nodes.>", "gallery.>", "cache.>", "fleetdeck.>", "_INBOX.>"] } }
  ]
})";

} // namespace

class TestWorkerTransport : public QObject {
    Q_OBJECT

    std::unique_ptr<NatsTestServer> m_nats;
    std::unique_ptr<NatsBus> m_replica;
    ArtifactServer m_server;
    std::unique_ptr<WorkerDisk> m_disk;
    std::unique_ptr<QObject> m_ctx;
    QString m_workerPw;

    QStringList workerArgs(const QString &url, const QStringList &auth) const
    {
        return QStringList{QStringLiteral("--name"), QStringLiteral("gpu-a100-1"), QStringLiteral("--nats"), url,
                           QStringLiteral("--backends-dir"), m_disk->backends(), QStringLiteral("--heartbeat-interval"), QStringLiteral("1")}
               + auth;
    }
    QStringList userAuth(const QString &passwordFile) const
    {
        return {QStringLiteral("--nats-user"), QStringLiteral("gpu-a100-1"), QStringLiteral("--nats-password-file"), passwordFile};
    }
    QString writeConfig(const QByteArray &ini) const
    {
        const QString path = m_disk->root() + QStringLiteral("/worker.conf");
        QFile f(path);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(ini);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_nats = std::make_unique<NatsTestServer>(QString::fromLatin1(kUsers));
        QVERIFY2(m_nats->start(), qPrintable(m_nats->errorString()));
        NatsConfig rc = natsConfigFor(m_nats->url());
        rc.user = QStringLiteral("replica");
        rc.passwordFile = m_nats->writeFile(QStringLiteral("replica.pw"), "replica-pw\n");
        m_replica = connectNatsBus(rc);
        QVERIFY(m_replica);
        m_workerPw = m_nats->writeFile(QStringLiteral("worker.pw"), "worker-pw\n");
    }
    void init()
    {
        m_disk = std::make_unique<WorkerDisk>();
        m_ctx = std::make_unique<QObject>();
        m_server.setRateBytesPerSec(0);
    }
    void cleanup()
    {
        m_ctx.reset();
        m_disk.reset();
    }
    void cleanupTestCase()
    {
        m_replica.reset();
        m_nats.reset();
    }

    // With exactly the §6.7 worker permissions the worker registers, heartbeats, installs with
    // progress and answers list and cancel; the allow-lists refuse other galleries and file roots.
    void a46_transport_security()
    {
        RegistrarStub reg(*m_replica, registrationReply(QStringLiteral("gpu-a100-1"), QStringLiteral("5b1e0c9e")));
        Collector heartbeats(*m_replica, QStringLiteral("nodes.gpu-a100-1.heartbeat"));
        Collector progress(*m_replica, QStringLiteral("nodes.gpu-a100-1.backend.install.op-46.progress"));
        WorkerProcess w(workerBinary());
        QVERIFY(w.start(workerArgs(m_nats->url(), userAuth(m_workerPw))
                        + QStringList{QStringLiteral("--allow-gallery"), QStringLiteral("https://gallery.example.org/"),
                                      QStringLiteral("--allow-gallery"), m_server.url(QStringLiteral("/")),
                                      QStringLiteral("--allow-file-root"), m_disk->artifacts()}));
        QVERIFY(waitServing(*m_replica, QStringLiteral("gpu-a100-1")));
        QCOMPARE(reg.requests().size(), 1);
        QVERIFY(waitUntil([&]() { return !heartbeats.items().isEmpty(); }));
        QCOMPARE(heartbeats.items().constFirst().value(QStringLiteral("state")).toString(), QStringLiteral("running"));

        const QByteArray bytes(2 << 20, 'q');
        m_server.setFile(QStringLiteral("/a/piper-b1.bin"), bytes);
        m_server.setRateBytesPerSec(2 << 20);
        const QJsonObject e = jsonEntry(QStringLiteral("piper"), QStringLiteral("b1"), m_server.url(QStringLiteral("/a/piper-b1.bin")), bytes);
        const QJsonObject installed = askObject(*m_replica, nodeSubject(QStringLiteral("gpu-a100-1"), "install"), commandPayload(e, QStringLiteral("op-46"), false), 30000);
        QCOMPARE(installed.value(QStringLiteral("success")), QJsonValue(true));
        QVERIFY(progress.items().size() >= 2);
        QCOMPARE(progress.items().constLast().value(QStringLiteral("percentage")).toDouble(), 100.0);
        const QJsonObject list = askObject(*m_replica, nodeSubject(QStringLiteral("gpu-a100-1"), "list"), "{}");
        QCOMPARE(list.value(QStringLiteral("backends")).toArray().size(), 1);
        QCOMPARE(list.value(QStringLiteral("backends")).toArray().at(0).toObject().value(QStringLiteral("op_id")).toString(), QStringLiteral("op-46"));
        QCOMPARE(askObject(*m_replica, nodeSubject(QStringLiteral("gpu-a100-1"), "cancel"), R"({"op_id":"op-none"})"),
                 (QJsonObject{{QStringLiteral("success"), true}, {QStringLiteral("found"), false}, {QStringLiteral("too_late"), false}}));

        const QJsonObject evil{{QStringLiteral("name"), QStringLiteral("piper")}, {QStringLiteral("version"), QStringLiteral("b2")},
                               {QStringLiteral("uri"), QStringLiteral("https://evil.example.net/x.tar.gz")},
                               {QStringLiteral("gallery_url"), QStringLiteral("https://gallery.example.org/index.json")}};
        QCOMPARE(askObject(*m_replica, nodeSubject(QStringLiteral("gpu-a100-1"), "upgrade"), commandPayload(evil, QStringLiteral("op-evil"), true)),
                 (QJsonObject{{QStringLiteral("success"), false},
                              {QStringLiteral("error"), QStringLiteral("gallery https://evil.example.net/x.tar.gz is not allowed on this node")},
                              {QStringLiteral("error_code"), QStringLiteral("gallery_not_allowed")},
                              {QStringLiteral("error_args"), QJsonObject{{QStringLiteral("gallery"), QStringLiteral("https://evil.example.net/x.tar.gz")}}}}));
        QJsonObject shadow = evil;
        shadow.insert(QStringLiteral("uri"), QStringLiteral("file:///etc/shadow"));
        QCOMPARE(askObject(*m_replica, nodeSubject(QStringLiteral("gpu-a100-1"), "install"), commandPayload(shadow, {}, true))
                     .value(QStringLiteral("error")).toString(),
                 QStringLiteral("file:// path /etc/shadow is not below an allowed root"));
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b1"));
        // nats.c reports a permissions violation as an async "Not Permitted" error, which NatsBus logs.
        QVERIFY2(!w.log().contains(QStringLiteral("not permitted"), Qt::CaseInsensitive)
                     && !w.log().contains(QStringLiteral("permissions violation"), Qt::CaseInsensitive),
                 qPrintable(w.log()));
        QVERIFY(w.isRunning());
    }

    void a46_token_auth()
    {
        NatsTestServer tokenServer(QStringLiteral("authorization { token: \"t0ken-abc\" }"));
        QVERIFY2(tokenServer.start(), qPrintable(tokenServer.errorString()));
        NatsConfig rc = natsConfigFor(tokenServer.url());
        rc.tokenFile = tokenServer.writeFile(QStringLiteral("token"), "t0ken-abc\n");
        auto replica = connectNatsBus(rc);
        QVERIFY(replica);
        RegistrarStub reg(*replica, registrationReply(QStringLiteral("gpu-a100-1"), QStringLiteral("id-token")));
        WorkerProcess w(workerBinary());
        QVERIFY(w.start(workerArgs(tokenServer.url(), {QStringLiteral("--nats-token-file"), rc.tokenFile})));
        QVERIFY(waitServing(*replica, QStringLiteral("gpu-a100-1")));
        QCOMPARE(reg.requests().size(), 1);
        w.terminate();
        QVERIFY(w.waitForExit(20000));
        QCOMPARE(w.exitCode(), 0);
    }

    void a46_wrong_password_exits_3()
    {
        const QString wrong = m_nats->writeFile(QStringLiteral("wrong.pw"), "not-the-password\n");
        WorkerProcess w(workerBinary());
        QVERIFY(w.start(workerArgs(m_nats->url(), userAuth(wrong))));
        QVERIFY(w.waitForExit(20000));
        QCOMPARE(w.exitCode(), 3);
        QVERIFY2(w.logContains(QStringLiteral("NATS %1: ").arg(m_nats->url())) && w.logContains(QStringLiteral("(auth: user/password)")),
                 qPrintable(w.log()));
        QVERIFY(w.logContains(QStringLiteral("authorization violation")));
        QVERIFY(!w.logContains(QStringLiteral("not-the-password")));
    }

    // No replica answers: the worker keeps retrying (backoff shortened by its config file) and never exits.
    void a46_no_replica_keeps_retrying()
    {
        const QString conf = writeConfig("[worker]\nregister_backoff_initial_s=1\nregister_backoff_cap_s=1\nregister_timeout_s=1\n");
        WorkerProcess w(workerBinary());
        QVERIFY(w.start(workerArgs(m_nats->url(), userAuth(m_workerPw)) + QStringList{QStringLiteral("--config"), conf}));
        QVERIFY(w.waitForLog(QStringLiteral("(attempt 1)")));
        QTest::qWait(4000);
        QVERIFY(w.isRunning());
        QVERIFY2(w.logCount(QStringLiteral("registering as gpu-a100-1")) >= 2, qPrintable(w.log()));
        QVERIFY(w.logContains(QStringLiteral("no responders")));
        w.terminate();
        QVERIFY(w.waitForExit(20000));
        QCOMPARE(w.exitCode(), 0);
    }

    void a46_invalid_registration_token_exits_3()
    {
        RegistrarStub reg(*m_replica, QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid registration token")}});
        const QString tokenFile = writeConfig("wrong-token\n");
        WorkerProcess w(workerBinary());
        QVERIFY(w.start(workerArgs(m_nats->url(), userAuth(m_workerPw)) + QStringList{QStringLiteral("--registration-token-file"), tokenFile}));
        QVERIFY(w.waitForExit(20000));
        QCOMPARE(w.exitCode(), 3);
        QVERIFY(w.logContains(QStringLiteral("registration refused: invalid registration token")));
        QCOMPARE(reg.requests().size(), 1);
        QCOMPARE(reg.requests().constFirst().value(QStringLiteral("token")).toString(), QStringLiteral("wrong-token"));
        QVERIFY(!w.logContains(QStringLiteral("wrong-token")));
    }
};

QTEST_GUILESS_MAIN(TestWorkerTransport)
#include "tst_worker_transport.moc"
