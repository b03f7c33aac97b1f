// WorkerAgent on the in-process bus and a manual clock: registration with backoff (§5.1, A36),
// heartbeats (§5.2), the command subscription and its dispatch rules (§7.1), §6.1 validation of
// every request (A32), node names in subjects (§6.1, A50).
#include "worker_agent_harness.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::test;

class TestWorkerAgent : public QObject, protected AgentHarness {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }
    void init() { resetAgentHarness(); }
    void cleanup() { tearDownAgent(); }

    // With no replica a worker tries at t = 0, 2, 6, 14, 30, 60, 90 s; a replica started at
    // t = 70 s registers it at t = 90 s.
    void a36_registration_backoff()
    {
        QList<qint64> attempts;
        m_agent = std::make_unique<WorkerAgent>(agentConfig(), m_bus.get(), m_clock.get());
        connect(m_agent.get(), &WorkerAgent::registrationAttempted, this,
                [&]() { attempts.append((m_clock->nowMs() - kAgentT0) / 1000); });
        QVERIFY(m_agent->start());
        QVERIFY(waitUntil([&]() { return m_clock->nextDueMs() > 0; })); // no responders → retry armed
        for (const qint64 t : {2, 6, 14, 30, 60}) {
            QCOMPARE(m_clock->nextDueMs(), kAgentT0 + t * 1000);
            m_clock->setMs(kAgentT0 + t * 1000);
            QVERIFY(waitUntil([&]() { return attempts.size() >= 2 && attempts.constLast() == t && m_clock->nextDueMs() > m_clock->nowMs(); }));
        }
        QCOMPARE(m_clock->nextDueMs(), kAgentT0 + 90 * 1000);
        m_clock->setMs(kAgentT0 + 70 * 1000);
        startReplica();
        pump();
        QVERIFY(!m_agent->isRegistered());
        m_clock->setMs(kAgentT0 + 90 * 1000);
        QVERIFY(waitUntil([&]() { return m_agent->isRegistered(); }));
        QCOMPARE(attempts, (QList<qint64>{0, 2, 6, 14, 30, 60, 90}));
        QCOMPARE(m_registrations.size(), 1);
        QCOMPARE(m_agent->nodeId(), QStringLiteral("node-1"));
    }

    // A timeout (a replica that records nothing, e.g. on a store error) is retried like "no responders".
    void registration_timeout_is_retried()
    {
        startReplica(/*silent*/ true);
        QVERIFY(startAgent(agentConfig(), false));
        QVERIFY(waitUntil([&]() { return m_registrations.size() == 1; }));
        advanceMs(5000); // the 5 s request timeout
        const bool retried = waitUntil([&]() { return m_clock->nextDueMs() == kAgentT0 + 7000; });
        QVERIFY2(retried, qPrintable(QStringLiteral("next due %1, attempts %2, now %3").arg(m_clock->nextDueMs() - kAgentT0).arg(m_agent->registrationAttempts()).arg(m_clock->nowMs() - kAgentT0)));
        advanceMs(2000);
        QVERIFY(waitUntil([&]() { return m_registrations.size() == 2; }));
        QCOMPARE(m_agent->registrationAttempts(), 2);
        // A garbage reply is not an error reply: retried too.
        stopReplica();
        m_bus->subscribe(QStringLiteral("nodes.register"), m_ctx.get(), [this](const BusMessage &m) { m_bus->publish(m.replyTo, "garbage"); });
        advanceMs(5000); // attempt 2 (sent to the silent replica) times out
        QVERIFY(waitUntil([&]() { return m_clock->nextDueMs() == m_clock->nowMs() + 4000; }));
        advanceMs(4000); // attempt 3 gets "garbage": retried after 8 s
        QVERIFY(waitUntil([&]() { return m_clock->nextDueMs() == m_clock->nowMs() + 8000; }));
        QCOMPARE(m_agent->registrationAttempts(), 3);
        QVERIFY(!m_agent->isRegistered());
    }

    void registration_payload_and_error_replies_data()
    {
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("code");
        QTest::newRow("token") << QStringLiteral("invalid registration token") << 3;
        QTest::newRow("name") << QStringLiteral("invalid node name \"gpu.a100\"") << 2;
        QTest::newRow("labels") << QStringLiteral("too many labels") << 2;
    }
    void registration_payload_and_error_replies()
    {
        QFETCH(QString, error);
        QFETCH(int, code);
        m_registerReply = QJsonObject{{QStringLiteral("error"), error}};
        startReplica();
        WorkerAgentConfig c = agentConfig();
        c.labels = {{QStringLiteral("gpu"), QStringLiteral("a100")}, {QStringLiteral("rack"), QStringLiteral("r2")}};
        c.registrationToken = QStringLiteral("s3cr3t");
        c.gpuVendor = QStringLiteral("nvidia");
        m_agent = std::make_unique<WorkerAgent>(c, m_bus.get(), m_clock.get());
        QSignalSpy fatal(m_agent.get(), &WorkerAgent::fatal);
        QVERIFY(m_agent->start());
        QVERIFY(waitUntil([&]() { return fatal.size() == 1; }));
        QCOMPARE(fatal.at(0).at(0).toInt(), code);
        QCOMPARE(fatal.at(0).at(1).toString(), QStringLiteral("registration refused: ") + error);
        const QJsonObject reg = m_registrations.constFirst();
        QCOMPARE(reg.value(QStringLiteral("name")).toString(), QStringLiteral("gpu-a100-1"));
        QCOMPARE(reg.value(QStringLiteral("token")).toString(), QStringLiteral("s3cr3t"));
        QCOMPARE(reg.value(QStringLiteral("labels")).toObject().value(QStringLiteral("rack")).toString(), QStringLiteral("r2"));
        QCOMPARE(reg.value(QStringLiteral("worker_version")).toString(), QStringLiteral(FLEETDECK_VERSION));
        const QJsonObject res = reg.value(QStringLiteral("resources")).toObject();
        QCOMPARE(res.value(QStringLiteral("gpu_vendor")).toString(), QStringLiteral("nvidia"));
        for (const char *k : {"gpus", "total_vram", "available_vram", "total_ram", "available_ram", "cpu_cores", "disk_free"})
            QVERIFY2(res.value(QLatin1String(k)).isDouble(), k);
        QVERIFY(res.value(QStringLiteral("total_ram")).toDouble() > 0);
        QVERIFY(res.value(QStringLiteral("cpu_cores")).toInt() >= 1);
        QVERIFY(res.value(QStringLiteral("disk_free")).toDouble() > 0);
        advanceMs(60000);
        QCOMPARE(m_registrations.size(), 1); // no retry after an error reply
    }

    // Heartbeats every heartbeat_interval_s of the reply (or --heartbeat-interval), state running,
    // skipped while the bus is not connected; reregister registers again.
    void heartbeats_and_reregister()
    {
        QVERIFY(startRegisteredAgent(agentConfig()));
        QCOMPARE(m_agent->heartbeatIntervalS(), 10);
        const QString hb = QStringLiteral("nodes.gpu-a100-1.heartbeat");
        advanceMs(9999);
        QCOMPARE(published(hb).size(), 0);
        advanceMs(1);
        QVERIFY(waitUntil([&]() { return published(hb).size() == 1; }));
        const QJsonObject first = published(hb).constFirst();
        QCOMPARE(first.value(QStringLiteral("node_id")).toString(), QStringLiteral("node-1"));
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("gpu-a100-1"));
        QCOMPARE(first.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        QCOMPARE(qint64(first.value(QStringLiteral("sent_at")).toDouble()), kAgentT0 + 10000);
        QVERIFY(first.value(QStringLiteral("resources")).toObject().contains(QStringLiteral("available_ram")));
        m_bus->setConnectionState(ConnectionState::Reconnecting);
        advanceMs(10000);
        advanceMs(10000);
        QCOMPARE(published(hb).size(), 1);
        m_bus->setConnectionState(ConnectionState::Connected);
        advanceMs(10000);
        QVERIFY(waitUntil([&]() { return published(hb).size() == 2; }));

        m_registerReply.insert(QStringLiteral("id"), QStringLiteral("node-2"));
        m_registerReply.insert(QStringLiteral("heartbeat_interval_s"), 3);
        m_bus->publish(QStringLiteral("nodes.gpu-a100-1.reregister"), "{}");
        QVERIFY(waitUntil([&]() { return m_agent->nodeId() == QLatin1String("node-2"); }));
        QCOMPARE(m_registrations.size(), 2);
        QCOMPARE(m_bus->subscriptionCount(QStringLiteral("nodes.gpu-a100-1.")), 1); // subscribed once
        advanceMs(3000);
        QVERIFY(waitUntil([&]() { return published(hb).size() == 3; }));
        QCOMPARE(published(hb).constLast().value(QStringLiteral("node_id")).toString(), QStringLiteral("node-2"));
    }

    void heartbeat_interval_override()
    {
        WorkerAgentConfig c = agentConfig();
        c.heartbeatIntervalS = 2;
        QVERIFY(startRegisteredAgent(c));
        QCOMPARE(m_agent->heartbeatIntervalS(), 2);
        for (int i = 1; i <= 3; ++i) {
            advanceMs(2000);
            QVERIFY(waitUntil([&]() { return published(QStringLiteral("nodes.gpu-a100-1.heartbeat")).size() == i; }));
        }
    }

    // Subscribed after registration; unknown subjects with a reply get "unsupported subject <s>";
    // messages without a reply are ignored and the worker keeps serving.
    void dispatch_rules()
    {
        startReplica();
        QVERIFY(startAgent(agentConfig(), false));
        QVERIFY(waitUntil([&]() { return m_agent->isRegistered(); }));
        QVERIFY(m_bus->log().indexOf(QStringLiteral("sub nodes.gpu-a100-1.>")) > m_bus->log().indexOf(QRegularExpression(QStringLiteral("^req nodes.register "))));
        QCOMPARE(ask(QStringLiteral("nodes.gpu-a100-1.backend.stop"), "{}"),
                 (QJsonObject{{QStringLiteral("success"), false},
                              {QStringLiteral("error"), QStringLiteral("unsupported subject nodes.gpu-a100-1.backend.stop")}}));
        QCOMPARE(ask(QStringLiteral("nodes.gpu-a100-1.heartbeat"), "{}").value(QStringLiteral("error")).toString(),
                 QStringLiteral("unsupported subject nodes.gpu-a100-1.heartbeat"));
        const int before = m_bus->log().size();
        m_bus->publish(QStringLiteral("nodes.gpu-a100-1.backend.install"), "{}");
        m_bus->publish(QStringLiteral("nodes.gpu-a100-1.whatever"), "{\"x\":1}");
        pump();
        QCOMPARE(m_bus->log().size(), before + 2); // nothing answered, nothing published
        const QJsonObject list = listReply();
        QCOMPARE(list.value(QStringLiteral("backends")).toArray(), QJsonArray());
        QCOMPARE(list.value(QStringLiteral("jobs")).toArray(), QJsonArray());
        QVERIFY(!list.contains(QStringLiteral("error")));
    }

    // A32 worker side: malformed payloads get the §6.1 error in the request's reply shape; a
    // valid install with unknown fields is processed; the worker keeps serving.
    void a32_malformed_payloads()
    {
        QVERIFY(startRegisteredAgent(agentConfig()));
        const QString install = subject("install");
        const QJsonObject truncated = ask(install, "{\"backend\":");
        QCOMPARE(truncated.value(QStringLiteral("success")), QJsonValue(false));
        QVERIFY2(truncated.value(QStringLiteral("error")).toString().startsWith(QStringLiteral("invalid JSON at offset 11: ")),
                 qPrintable(truncated.value(QStringLiteral("error")).toString()));
        QCOMPARE(ask(install, "{}"), (QJsonObject{{QStringLiteral("success"), false},
                                                   {QStringLiteral("error"), QStringLiteral("missing required field \"backend\"")}}));
        const QByteArray huge = "{\"backend\":\"" + QByteArray(2 * 1024 * 1024 - 14, 'x') + "\"}";
        QCOMPARE(huge.size(), 2097152);
        QCOMPARE(ask(install, huge).value(QStringLiteral("error")).toString(), QStringLiteral("payload too large: 2097152 bytes > 1048576"));
        QCOMPARE(ask(install, "{\"backend\":\"x\",\"galleries\":[],\"entry\":{},\"force\":1}").value(QStringLiteral("error")).toString(),
                 QStringLiteral("field \"force\": expected boolean"));
        QCOMPARE(ask(install, "{\"backend\":\"../x\",\"galleries\":[],\"entry\":{}}").value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid backend name \"../x\""));
        QCOMPARE(ask(subject("upgrade"), "[1]").value(QStringLiteral("success")), QJsonValue(false));
        QCOMPARE(ask(subject("delete"), "{}").value(QStringLiteral("error")).toString(), QStringLiteral("missing required field \"backend\""));
        QCOMPARE(ask(subject("cancel"), "{}").value(QStringLiteral("error")).toString(), QStringLiteral("missing required field \"op_id\""));
        const QJsonObject badList = ask(subject("list"), "{\"backend\":");
        QCOMPARE(badList.value(QStringLiteral("backends")).toArray(), QJsonArray());
        QVERIFY(badList.value(QStringLiteral("error")).toString().startsWith(QStringLiteral("invalid JSON at offset 11: ")));
        QCOMPARE(ask(subject("list"), huge).value(QStringLiteral("error")).toString(), QStringLiteral("payload too large: 2097152 bytes > 1048576"));

        const QJsonObject extra{{QStringLiteral("extra"), QJsonObject{{QStringLiteral("x"), 1}}}};
        const QJsonObject ok = ask(install, installPayload(fileBackend(QStringLiteral("piper"), QStringLiteral("b1")), {}, false, {}, extra));
        QCOMPARE(ok.value(QStringLiteral("success")), QJsonValue(true));
        QCOMPARE(ok.value(QStringLiteral("installed")).toObject().value(QStringLiteral("version")).toString(), QStringLiteral("b1"));
        const QJsonObject next = ask(install, installPayload(fileBackend(QStringLiteral("whisper"), QStringLiteral("w1"))));
        QCOMPARE(next.value(QStringLiteral("success")), QJsonValue(true));
        QCOMPARE(m_disk->installedVersion(QStringLiteral("whisper")), QStringLiteral("w1"));
        QCOMPARE(listReply().value(QStringLiteral("backends")).toArray().size(), 2);
    }

    // A50 worker side: subjects carry the name as given (case kept); a name with '.' is sanitised
    // in subjects while the registration carries it unchanged (the replica refuses it).
    void a50_node_names_worker_side()
    {
        m_registerReply.insert(QStringLiteral("name"), QStringLiteral("GPU-A100-1"));
        QVERIFY(startRegisteredAgent(agentConfig(QStringLiteral("GPU-A100-1"))));
        QCOMPARE(m_registrations.constFirst().value(QStringLiteral("name")).toString(), QStringLiteral("GPU-A100-1"));
        QVERIFY(m_bus->log().contains(QStringLiteral("sub nodes.GPU-A100-1.>")));
        QCOMPARE(ask(QStringLiteral("nodes.GPU-A100-1.backend.list"), "{}").value(QStringLiteral("jobs")).toArray(), QJsonArray());
        const Reply lower = send(QStringLiteral("nodes.gpu-a100-1.backend.list"), "{}");
        QVERIFY(waitUntil([&]() { return lower->has_value(); }));
        QCOMPARE((*lower)->outcome, RequestOutcome::NoResponders);
        const QJsonObject e = fileBackend(QStringLiteral("piper"), QStringLiteral("b1"));
        QCOMPARE(ask(subject("install"), installPayload(e, QStringLiteral("op-1"))).value(QStringLiteral("success")), QJsonValue(true));
        QVERIFY(!published(QStringLiteral("nodes.GPU-A100-1.backend.install.op-1.progress")).isEmpty());
        advanceMs(10000);
        QVERIFY(waitUntil([&]() { return !published(QStringLiteral("nodes.GPU-A100-1.heartbeat")).isEmpty(); }));
        m_agent.reset();

        m_registerReply = QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid node name \"gpu.a100\"")}};
        m_agent = std::make_unique<WorkerAgent>(agentConfig(QStringLiteral("gpu.a100")), m_bus.get(), m_clock.get());
        QSignalSpy fatal(m_agent.get(), &WorkerAgent::fatal);
        QCOMPARE(m_agent->subjectToken(), QStringLiteral("gpu-a100"));
        QCOMPARE(m_agent->commandSubject(), QStringLiteral("nodes.gpu-a100.>"));
        QVERIFY(m_agent->start());
        QVERIFY(waitUntil([&]() { return fatal.size() == 1; }));
        QCOMPARE(m_registrations.constLast().value(QStringLiteral("name")).toString(), QStringLiteral("gpu.a100"));
        QCOMPARE(fatal.at(0).at(0).toInt(), 2);
        QCOMPARE(fatal.at(0).at(1).toString(), QStringLiteral("registration refused: invalid node name \"gpu.a100\""));
    }

    void start_errors_name_the_key()
    {
        WorkerAgentConfig c = agentConfig();
        c.backendsDir = QStringLiteral("/proc/fleetdeck-no-such-dir");
        WorkerAgent agent(c, m_bus.get(), m_clock.get());
        const Status st = agent.start();
        QVERIFY(!st);
        QVERIFY2(st.error().startsWith(QStringLiteral("worker/backends_dir: ")), qPrintable(st.error()));
        c = agentConfig(QString());
        QVERIFY(WorkerAgent(c, m_bus.get(), m_clock.get()).start().error().startsWith(QStringLiteral("worker/name: ")));
    }
};

QTEST_GUILESS_MAIN(TestWorkerAgent)
#include "tst_worker_agent.moc"
