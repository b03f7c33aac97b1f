// WorkerAgent jobs on the in-process bus (SPEC §7.1 threads, §7.4 cancel, §6.6 flush before the
// reply, §6.7 allow-lists): per-backend FIFO with waiting jobs holding no pool thread, list and
// cancel answered at once, tombstones, handler exceptions.
// fleetdeck-test-labels: concurrency
#include "worker_agent_harness.h"

#include <QtTest>
#include <stdexcept>

using namespace fleetdeck;
using namespace fleetdeck::test;

class TestWorkerAgentJobs : public QObject, protected AgentHarness {
    Q_OBJECT

    QJsonObject cancelled() const
    {
        return QJsonObject{{QStringLiteral("success"), false}, {QStringLiteral("cancelled"), true},
                           {QStringLiteral("error"), QStringLiteral("cancelled by request")},
                           {QStringLiteral("error_code"), QStringLiteral("cancelled_by_request")}, {QStringLiteral("error_args"), QJsonObject()}};
    }
    QJsonObject cancelReply(bool found, bool tooLate) const
    {
        return QJsonObject{{QStringLiteral("success"), true}, {QStringLiteral("found"), found}, {QStringLiteral("too_late"), tooLate}};
    }
    QByteArray cancelPayload(const QString &opId) const
    {
        return QJsonDocument(QJsonObject{{QStringLiteral("op_id"), opId}}).toJson(QJsonDocument::Compact);
    }
    QString phaseOf(const QString &opId) { return job(opId).value(QStringLiteral("phase")).toString(); }
    bool downloading(const QString &opId)
    {
        const QJsonObject j = job(opId);
        return j.value(QStringLiteral("phase")).toString() == QLatin1String("downloading")
               && j.value(QStringLiteral("percentage")).toDouble() > 0;
    }
    QString pathOf(const QJsonObject &e) const { return QUrl(e.value(QStringLiteral("uri")).toString()).path(); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }
    void init() { resetAgentHarness(); }
    void cleanup() { tearDownAgent(); }

    // One backend's jobs run one at a time in arrival order; a waiting job is listed "waiting"
    // and has not started its download; other backends run in parallel; list is never behind jobs.
    void per_backend_fifo_and_parallel_backends()
    {
        QVERIFY(startRegisteredAgent(agentConfig()));
        m_server.setRateBytesPerSec(2 << 20);
        const QJsonObject a = httpArtifact(QStringLiteral("piper"), QStringLiteral("b1"), 3 << 20);
        const QJsonObject b = httpArtifact(QStringLiteral("piper"), QStringLiteral("b2"), 64 << 10);
        const QJsonObject c = httpArtifact(QStringLiteral("whisper"), QStringLiteral("w1"), 3 << 20);
        const Reply ra = send(subject("install"), installPayload(a, QStringLiteral("op-a")), QStringLiteral("a"));
        const Reply rb = send(subject("upgrade"), installPayload(b, QStringLiteral("op-b")), QStringLiteral("b"));
        const Reply rc = send(subject("install"), installPayload(c, QStringLiteral("op-c")), QStringLiteral("c"));
        QVERIFY(waitUntil([&]() { return downloading(QStringLiteral("op-a")) && downloading(QStringLiteral("op-c")); }));
        const QJsonObject waiting = job(QStringLiteral("op-b"));
        QCOMPARE(waiting, (QJsonObject{{QStringLiteral("backend"), QStringLiteral("piper")}, {QStringLiteral("op_id"), QStringLiteral("op-b")},
                                       {QStringLiteral("kind"), QStringLiteral("upgrade")}, {QStringLiteral("phase"), QStringLiteral("waiting")},
                                       {QStringLiteral("percentage"), 0}}));
        QCOMPARE(job(QStringLiteral("op-a")).value(QStringLiteral("kind")).toString(), QStringLiteral("install"));
        QCOMPARE(m_server.getCount(pathOf(b)), 0);
        QCOMPARE(m_agent->runningJobCount(), 2);
        QVERIFY(!ra->has_value() && !rc->has_value()); // list answered while both download
        QCOMPARE(waitReply(ra).value(QStringLiteral("success")), QJsonValue(true));
        QCOMPARE(waitReply(rb).value(QStringLiteral("success")), QJsonValue(true));
        QCOMPARE(waitReply(rc).value(QStringLiteral("success")), QJsonValue(true));
        QVERIFY(m_order.indexOf(QStringLiteral("a")) < m_order.indexOf(QStringLiteral("b")));
        QCOMPARE(m_server.getCount(pathOf(b)), 1);
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b2"));
        QCOMPARE(m_disk->installedVersion(QStringLiteral("whisper")), QStringLiteral("w1"));
        QVERIFY(waitUntil([&]() { return m_agent->jobCount() == 0; }));
        QCOMPARE(listedJobs(), QJsonArray());
    }

    // A meta install holds the concrete backend's lock and the meta's: a delete of the meta and
    // an install of the concrete backend wait for it.
    void meta_install_takes_both_locks()
    {
        QVERIFY(startRegisteredAgent(agentConfig()));
        m_server.setRateBytesPerSec(2 << 20);
        const QJsonObject cuda = httpArtifact(QStringLiteral("llama-cpp-cuda12"), QStringLiteral("b4120"), 2 << 20);
        const Reply meta = send(subject("install"), installPayload(cuda, QStringLiteral("op-meta"), false, QStringLiteral("llama-cpp")), QStringLiteral("meta"));
        QVERIFY(waitUntil([&]() { return downloading(QStringLiteral("op-meta")); }));
        const Reply del = send(subject("delete"), R"({"backend":"llama-cpp","op_id":"op-del"})", QStringLiteral("del"));
        const Reply concrete = send(subject("install"), installPayload(cuda, QStringLiteral("op-concrete")), QStringLiteral("concrete"));
        QVERIFY(waitUntil([&]() { return phaseOf(QStringLiteral("op-del")) == QLatin1String("waiting"); }));
        QCOMPARE(phaseOf(QStringLiteral("op-concrete")), QStringLiteral("waiting"));
        QCOMPARE(waitReply(meta).value(QStringLiteral("success")), QJsonValue(true));
        QCOMPARE(waitReply(del), (QJsonObject{{QStringLiteral("success"), true}}));
        QCOMPARE(waitReply(concrete).value(QStringLiteral("success")), QJsonValue(true));
        QCOMPARE(m_order.constFirst(), QStringLiteral("meta"));
        QCOMPARE(m_server.getCount(pathOf(cuda)), 1); // the concrete install was idempotent
        QVERIFY(m_disk->metadata(QStringLiteral("llama-cpp")).isEmpty());
        QCOMPARE(m_disk->installedVersion(QStringLiteral("llama-cpp-cuda12")), QStringLiteral("b4120"));
    }

    // §7.4 running job: the download stops within 1 s, staging is removed, the previous version
    // stays; the progress flushed before the cancelled reply.
    void cancel_running_download()
    {
        QVERIFY(startRegisteredAgent(agentConfig()));
        QCOMPARE(ask(subject("install"), installPayload(fileBackend(QStringLiteral("piper"), QStringLiteral("b1")))).value(QStringLiteral("success")),
                 QJsonValue(true));
        m_server.setRateBytesPerSec(2 << 20);
        const QJsonObject big = httpArtifact(QStringLiteral("piper"), QStringLiteral("b2"), 20 << 20);
        const QString progress = QStringLiteral("nodes.gpu-a100-1.backend.install.op-x.progress");
        m_bus->subscribe(progress, m_ctx.get(), [this](const BusMessage &) { m_order.append(QStringLiteral("tick")); });
        const Reply r = send(subject("install"), installPayload(big, QStringLiteral("op-x"), true), QStringLiteral("reply"));
        QVERIFY(waitUntil([&]() { return downloading(QStringLiteral("op-x")); }));
        QElapsedTimer t;
        t.start();
        QCOMPARE(ask(subject("cancel"), cancelPayload(QStringLiteral("op-x"))), cancelReply(true, false));
        QCOMPARE(waitReply(r), cancelled());
        QVERIFY2(t.elapsed() < 1500, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(m_order.constLast(), QStringLiteral("reply"));
        QVERIFY(m_order.count(QStringLiteral("tick")) >= 2); // leading edge + the flushed last tick
        QCOMPARE(published(progress).constLast().value(QStringLiteral("node_id")).toString(), QStringLiteral("node-1"));
        QCOMPARE(m_disk->stagingEntries(), QStringList());
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b1"));
        QCOMPARE(m_agent->tombstoneCount(), 0);
    }

    // A waiting job aborts when it would start, without downloading; an unknown op id is
    // tombstoned for worker/cancel_tombstone_s.
    void cancel_waiting_job_and_tombstone()
    {
        QVERIFY(startRegisteredAgent(agentConfig()));
        m_server.setRateBytesPerSec(2 << 20);
        const QJsonObject a = httpArtifact(QStringLiteral("piper"), QStringLiteral("b1"), 2 << 20);
        const QJsonObject b = httpArtifact(QStringLiteral("piper"), QStringLiteral("b2"), 1 << 20);
        const Reply ra = send(subject("install"), installPayload(a, QStringLiteral("op-a")));
        const Reply rb = send(subject("install"), installPayload(b, QStringLiteral("op-b"), true));
        QVERIFY(waitUntil([&]() { return downloading(QStringLiteral("op-a")); }));
        QCOMPARE(ask(subject("cancel"), cancelPayload(QStringLiteral("op-b"))), cancelReply(true, false));
        QCOMPARE(phaseOf(QStringLiteral("op-b")), QStringLiteral("waiting"));
        QCOMPARE(waitReply(ra).value(QStringLiteral("success")), QJsonValue(true));
        QCOMPARE(waitReply(rb), cancelled());
        QCOMPARE(m_server.getCount(pathOf(b)), 0);
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b1"));

        QCOMPARE(ask(subject("cancel"), cancelPayload(QStringLiteral("op-t"))), cancelReply(false, false));
        QCOMPARE(m_agent->tombstoneCount(), 1);
        const QJsonObject w = fileBackend(QStringLiteral("whisper"), QStringLiteral("w1"));
        QCOMPARE(ask(subject("install"), installPayload(w, QStringLiteral("op-t"))), cancelled());
        QCOMPARE(ask(subject("delete"), R"({"backend":"piper","op_id":"op-t"})"), cancelled());
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b1"));
        advanceMs(599 * 1000);
        QCOMPARE(ask(subject("install"), installPayload(w, QStringLiteral("op-t"))), cancelled());
        advanceMs(1000);
        QCOMPARE(ask(subject("install"), installPayload(w, QStringLiteral("op-t"))).value(QStringLiteral("success")), QJsonValue(true));
        QCOMPARE(m_agent->tombstoneCount(), 0);
    }

    // §6.7 allow-lists are checked before any work: no download, no staging.
    void allow_lists_refuse_before_any_work()
    {
        WorkerAgentConfig c = agentConfig();
        c.allowGallery = {QStringLiteral("https://gallery.example.org/"), m_server.url(QStringLiteral("/"))};
        QVERIFY(startRegisteredAgent(c));
        const QJsonObject evil = entry(QStringLiteral("piper"), QStringLiteral("b1"), QStringLiteral("https://evil.example.net/x.tar.gz"));
        QCOMPARE(ask(subject("install"), installPayload(evil, QStringLiteral("op-1"))),
                 (QJsonObject{{QStringLiteral("success"), false},
                              {QStringLiteral("error"), QStringLiteral("gallery https://evil.example.net/x.tar.gz is not allowed on this node")},
                              {QStringLiteral("error_code"), QStringLiteral("gallery_not_allowed")},
                              {QStringLiteral("error_args"), QJsonObject{{QStringLiteral("gallery"), QStringLiteral("https://evil.example.net/x.tar.gz")}}}}));
        const QJsonObject shadow = entry(QStringLiteral("piper"), QStringLiteral("b1"), QStringLiteral("file:///etc/shadow"));
        QCOMPARE(ask(subject("upgrade"), installPayload(shadow)).value(QStringLiteral("error")).toString(),
                 QStringLiteral("file:// path /etc/shadow is not below an allowed root"));
        QVERIFY(published(QStringLiteral("nodes.gpu-a100-1.backend.install.op-1.progress")).isEmpty());
        QCOMPARE(m_disk->stagingEntries(), QStringList());
        QCOMPARE(m_server.totalGets(), 0);
        const QJsonObject ok = httpArtifact(QStringLiteral("piper"), QStringLiteral("b1"), 1000);
        QCOMPARE(ask(subject("install"), installPayload(ok)).value(QStringLiteral("success")), QJsonValue(true));
    }

    // §6.6: the final 100 % tick is published before the reply; no op id → no progress at all.
    void progress_flushed_before_reply()
    {
        QVERIFY(startRegisteredAgent(agentConfig()));
        m_server.setRateBytesPerSec(2 << 20);
        const QJsonObject e = httpArtifact(QStringLiteral("vllm"), QStringLiteral("v1"), 1 << 20);
        QList<QJsonObject> ticks;
        m_bus->subscribe(QStringLiteral("nodes.gpu-a100-1.backend.install.*.progress"), m_ctx.get(), [&](const BusMessage &m) {
            ticks.append(QJsonDocument::fromJson(m.data).object());
            m_order.append(QStringLiteral("tick"));
        });
        const Reply r = send(subject("upgrade"), installPayload(e, QStringLiteral("op-p")), QStringLiteral("reply"));
        QCOMPARE(waitReply(r).value(QStringLiteral("success")), QJsonValue(true));
        pump();
        QVERIFY(ticks.size() >= 2);
        QCOMPARE(m_order.constLast(), QStringLiteral("reply"));
        QCOMPARE(ticks.constLast().value(QStringLiteral("percentage")).toDouble(), 100.0);
        QCOMPARE(ticks.constLast().value(QStringLiteral("op_id")).toString(), QStringLiteral("op-p"));
        QCOMPARE(ticks.constLast().value(QStringLiteral("backend")).toString(), QStringLiteral("vllm"));
        ticks.clear();
        QCOMPARE(ask(subject("upgrade"), installPayload(e)).value(QStringLiteral("success")), QJsonValue(true));
        pump();
        QCOMPARE(ticks.size(), 0);
    }

    // A handler exception becomes "internal error: <what>"; staging is cleaned, the worker serves on.
    void handler_exception_becomes_internal_error()
    {
        m_agent.reset();
        startReplica();
        m_agent = std::make_unique<WorkerAgent>(agentConfig(), m_bus.get(), m_clock.get());
        m_agent->setInstallerHooks(
            [](const QString &point) {
                if (point == QLatin1String("commit:before-old-rename"))
                    throw std::runtime_error("boom");
            },
            {});
        QVERIFY(m_agent->start());
        QVERIFY(waitUntil([&]() { return m_agent->isRegistered(); }));
        QCOMPARE(ask(subject("install"), installPayload(fileBackend(QStringLiteral("piper"), QStringLiteral("b1")), QStringLiteral("op-e"))),
                 (QJsonObject{{QStringLiteral("success"), false},
                              {QStringLiteral("error"), QStringLiteral("internal error: boom")},
                              {QStringLiteral("error_code"), QStringLiteral("internal_error")},
                              {QStringLiteral("error_args"), QJsonObject{{QStringLiteral("detail"), QStringLiteral("boom")}}}}));
        QCOMPARE(m_disk->stagingEntries(), QStringList());
        QCOMPARE(listReply().value(QStringLiteral("backends")).toArray(), QJsonArray());
        QCOMPARE(ask(subject("delete"), R"({"backend":"piper"})"), (QJsonObject{{QStringLiteral("success"), true}}));
    }
};

QTEST_GUILESS_MAIN(TestWorkerAgentJobs)
#include "tst_worker_agent_jobs.moc"
