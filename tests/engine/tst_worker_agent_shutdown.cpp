// WorkerAgent graceful shutdown on the in-process bus and a manual clock (SPEC §7.5): draining
// heartbeat, new commands refused, ≤ worker/shutdown_wait_s for running jobs polled every
// second, the rest cancelled, stopped heartbeat, finished().
// fleetdeck-test-labels: concurrency
#include "worker_agent_harness.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::test;

class TestWorkerAgentShutdown : public QObject, protected AgentHarness {
    Q_OBJECT

    QStringList heartbeatStates() const
    {
        QStringList out;
        for (const QJsonObject &hb : published(QStringLiteral("nodes.gpu-a100-1.heartbeat")))
            out << hb.value(QStringLiteral("state")).toString();
        return out;
    }
    bool downloading(const QString &opId)
    {
        const QJsonObject j = job(opId);
        return j.value(QStringLiteral("phase")).toString() == QLatin1String("downloading")
               && j.value(QStringLiteral("percentage")).toDouble() > 0;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }
    void init() { resetAgentHarness(); }
    void cleanup() { tearDownAgent(); }

    void shutdown_without_jobs_stops_at_once()
    {
        QVERIFY(startRegisteredAgent(agentConfig()));
        QSignalSpy finished(m_agent.get(), &WorkerAgent::finished);
        m_agent->shutdown();
        QVERIFY(waitUntil([&]() { return finished.size() == 1; }));
        QCOMPARE(heartbeatStates(), (QStringList{QStringLiteral("draining"), QStringLiteral("stopped")}));
        QCOMPARE(m_bus->subscriptionCount(QStringLiteral("nodes.gpu-a100-1.")), 0);
        advanceMs(60000);
        QCOMPARE(heartbeatStates().size(), 2); // no heartbeat after stopped
        m_agent->shutdown();                    // idempotent
        pump();
        QCOMPARE(finished.size(), 1);
    }

    // A job still running after shutdown_wait_s (30 s) is cancelled; its reply says so, then
    // the stopped heartbeat goes out. Meanwhile new commands are refused, list is answered and
    // draining heartbeats keep the node fresh.
    void shutdown_waits_then_cancels_running_jobs()
    {
        QVERIFY(startRegisteredAgent(agentConfig()));
        m_server.setRateBytesPerSec(1 << 20);
        const QJsonObject big = httpArtifact(QStringLiteral("piper"), QStringLiteral("b2"), 30 << 20);
        const Reply r = send(subject("install"), installPayload(big, QStringLiteral("op-s")));
        QVERIFY(waitUntil([&]() { return downloading(QStringLiteral("op-s")); }));
        QSignalSpy finished(m_agent.get(), &WorkerAgent::finished);
        m_agent->shutdown();
        pump();
        QCOMPARE(heartbeatStates(), QStringList{QStringLiteral("draining")});
        QVERIFY(m_agent->isShuttingDown());
        const QJsonObject refused{{QStringLiteral("success"), false},
                                  {QStringLiteral("error"), QStringLiteral("node is shutting down")},
                                  {QStringLiteral("error_code"), QStringLiteral("node_shutting_down")},
                                  {QStringLiteral("error_args"), QJsonObject()}};
        QCOMPARE(ask(subject("install"), installPayload(fileBackend(QStringLiteral("whisper"), QStringLiteral("w1")))), refused);
        QCOMPARE(ask(subject("delete"), R"({"backend":"piper"})"), refused);
        QCOMPARE(listedJobs().size(), 1);
        for (int s = 1; s < 30; ++s) {
            advanceMs(1000);
            QVERIFY(!r->has_value());
        }
        QCOMPARE(finished.size(), 0);
        QCOMPARE(heartbeatStates().count(QStringLiteral("draining")), 3); // at 0, 10 and 20 s
        advanceMs(1000); // 30 s: the rest is cancelled
        QCOMPARE(waitReply(r), (QJsonObject{{QStringLiteral("success"), false}, {QStringLiteral("cancelled"), true},
                                            {QStringLiteral("error"), QStringLiteral("cancelled by request")},
                                            {QStringLiteral("error_code"), QStringLiteral("cancelled_by_request")}, {QStringLiteral("error_args"), QJsonObject()}}));
        QVERIFY(waitUntil([&]() { return finished.size() == 1; }));
        QCOMPARE(heartbeatStates().constLast(), QStringLiteral("stopped"));
        QCOMPARE(m_disk->stagingEntries(), QStringList());
        QVERIFY(m_clock->nowMs() - kAgentT0 <= 60000);
    }

    // Jobs finishing inside the wait end the shutdown without waiting for the poll.
    void shutdown_finishes_when_jobs_end()
    {
        QVERIFY(startRegisteredAgent(agentConfig()));
        m_server.setRateBytesPerSec(2 << 20);
        const QJsonObject e = httpArtifact(QStringLiteral("piper"), QStringLiteral("b1"), 2 << 20);
        const Reply r = send(subject("install"), installPayload(e, QStringLiteral("op-f")));
        QVERIFY(waitUntil([&]() { return downloading(QStringLiteral("op-f")); }));
        QSignalSpy finished(m_agent.get(), &WorkerAgent::finished);
        m_agent->shutdown();
        QCOMPARE(waitReply(r).value(QStringLiteral("success")), QJsonValue(true));
        QVERIFY(waitUntil([&]() { return finished.size() == 1; }));
        QCOMPARE(heartbeatStates(), (QStringList{QStringLiteral("draining"), QStringLiteral("stopped")}));
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b1"));
    }

    // A job that ignores the cancel (its commit began) cannot hold the shutdown past its limit.
    void shutdown_total_limit()
    {
        WorkerAgentConfig c = agentConfig();
        c.shutdownWaitS = 2;
        c.shutdownTotalS = 10;
        // Shared with the job thread, which may outlive this function when a check fails.
        auto release = std::make_shared<std::atomic<bool>>(false);
        auto inCommit = std::make_shared<std::atomic<bool>>(false);
        const auto unblock = qScopeGuard([release]() { *release = true; });
        startReplica();
        m_agent = std::make_unique<WorkerAgent>(c, m_bus.get(), m_clock.get());
        m_agent->setInstallerHooks(
            [release, inCommit](const QString &point) {
                if (point != QLatin1String("commit:before-old-rename"))
                    return;
                *inCommit = true;
                while (!release->load())
                    QThread::msleep(5);
            },
            {});
        QVERIFY(m_agent->start());
        QVERIFY(waitUntil([&]() { return m_agent->isRegistered(); }));
        const Reply r = send(subject("install"), installPayload(fileBackend(QStringLiteral("piper"), QStringLiteral("b1")), QStringLiteral("op-c")));
        QVERIFY(waitUntil([&]() { return inCommit->load(); }));
        QSignalSpy finished(m_agent.get(), &WorkerAgent::finished);
        m_agent->shutdown();
        for (int s = 0; s < 8; ++s)
            advanceMs(1000);
        QCOMPARE(finished.size(), 0);
        advanceMs(1000); // 9 s = 90 % of the 10 s limit
        QVERIFY(waitUntil([&]() { return finished.size() == 1; }));
        QCOMPARE(heartbeatStates().constLast(), QStringLiteral("stopped"));
        *release = true;
        QCOMPARE(waitReply(r).value(QStringLiteral("success")), QJsonValue(true)); // too late to cancel
    }
};

QTEST_GUILESS_MAIN(TestWorkerAgentShutdown)
#include "tst_worker_agent_shutdown.moc"
