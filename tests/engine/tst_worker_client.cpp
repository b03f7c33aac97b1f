// A9 / A17 — the worker client's upgrade streams per-node progress (SPEC §6.5): the progress
// subscription is made and flushed before the request, events of the op and node arrive in order
// before the call returns, and nothing stays subscribed; with an empty op id or no callback
// nothing is subscribed. On the in-process bus and on a real nats-server.
// fleetdeck-test-labels: nats
#include "bus/local_bus.h"
#include "bus/nats_bus.h"
#include "bus/subjects.h"
#include "cluster/worker_client.h"
#include "core/clock.h"
#include "test_util.h"

#include <QFile>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {

const QString kOp = QStringLiteral("op-upgrade-1");
const NodeAddress kNode{QStringLiteral("5b1e0c9e-8d7a-4f5e-9a43-2f0b7c1d9e11"), QStringLiteral("gpu-a100-1")};

// A fake worker on nodes.N.backend.upgrade: publishes 10 % and 100 % on the op's progress
// subject, then replies success.
class FakeUpgradeWorker : public QObject {
public:
    explicit FakeUpgradeWorker(Bus *bus) : m_bus(bus)
    {
        m_bus->subscribe(subjects::nodeCommand(kNode.name, "upgrade"), this, [this](const BusMessage &m) {
            requests.append(QString::fromUtf8(m.data));
            const auto req = wire::decodeInstallRequest(m.data);
            if (req && !req->opId.isEmpty()) {
                const QString subject = subjects::nodeProgress(kNode.name, req->opId);
                wire::ProgressEvent ev{req->opId, kNode.id, req->backend, QStringLiteral("llama.tar.zst"),
                                       QStringLiteral("downloading"), 10, 10'485'760, 104'857'600};
                m_bus->publish(subject, wire::encode(ev));
                ev.nodeId = QStringLiteral("someone-else");
                m_bus->publish(subject, wire::encode(ev)); // another node's event: not delivered
                ev.nodeId = kNode.id;
                ev.percentage = 100;
                ev.phase = QStringLiteral("extracting");
                ev.currentBytes = ev.totalBytes;
                m_bus->publish(subject, wire::encode(ev));
            }
            wire::CommandReply reply;
            reply.success = true;
            reply.installed = wire::InstalledInfo{QStringLiteral("b4120"), QStringLiteral("sha256:4be1"), QStringLiteral("2026-09-01T10:15:02.123Z")};
            m_bus->publish(m.replyTo, wire::encode(reply));
        });
    }
    QStringList requests;

private:
    Bus *m_bus;
};

wire::InstallRequest upgradeRequest(const QString &opId)
{
    wire::InstallRequest req;
    req.backend = QStringLiteral("llama-cpp-cuda12");
    req.galleries = QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("main")},
                                           {QStringLiteral("url"), QStringLiteral("https://gallery.example.org/index.json")}}};
    req.entry = QJsonObject{{QStringLiteral("name"), QStringLiteral("llama-cpp-cuda12")},
                            {QStringLiteral("version"), QStringLiteral("b4120")},
                            {QStringLiteral("uri"), QStringLiteral("https://gallery.example.org/artifacts/llama.tar.zst")}};
    req.opId = opId;
    return req;
}

struct Run {
    QList<double> ticks;
    std::optional<CommandOutcome> outcome;
    QList<double> ticksAtReturn;
};

Run upgrade(WorkerClient &client, const QString &opId, bool withCallback)
{
    Run run;
    auto *r = &run;
    ProgressCallback cb;
    if (withCallback)
        cb = [r](const wire::ProgressEvent &ev) { r->ticks.append(ev.percentage); };
    client.upgrade(kNode, upgradeRequest(opId), cb, [r](const CommandOutcome &o) {
        r->ticksAtReturn = r->ticks;
        r->outcome = o;
    });
    waitUntil([&] { return run.outcome.has_value(); });
    return run;
}

} // namespace

class TstWorkerClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void a09_upgrade_streams_progress_in_process()
    {
        LocalBus bus(SystemClock::instance());
        FakeUpgradeWorker worker(&bus);
        WorkerClient client(&bus);
        bus.clearLog();
        const Run run = upgrade(client, kOp, true);
        QVERIFY(run.outcome);
        QVERIFY(run.outcome->replied());
        QVERIFY(run.outcome->reply.success);
        QCOMPARE(run.outcome->reply.installed->version, QStringLiteral("b4120"));
        QCOMPARE(run.ticksAtReturn, (QList<double>{10, 100})); // both before the call returned
        QCOMPARE(client.progressEventsReceived(), quint64(2)); // the metrics' count: another node's is not one
        const QStringList log = bus.log();
        const auto subAt = log.indexOf(QStringLiteral("sub nodes.gpu-a100-1.backend.install.op-upgrade-1.progress"));
        qsizetype reqAt = -1;
        for (qsizetype i = 0; i < log.size(); ++i)
            if (log[i].startsWith(QLatin1String("req nodes.gpu-a100-1.backend.upgrade ")))
                reqAt = i;
        QVERIFY(subAt >= 0);
        QVERIFY(reqAt > subAt); // subscribed before the request
        QVERIFY(log[reqAt].contains(QLatin1String("\"op_id\":\"op-upgrade-1\"")));
        QCOMPARE(bus.subscriptionCount(QStringLiteral("nodes.gpu-a100-1.backend.install.")), 0);
    }

    void a09_no_subscription_without_op_id_or_callback()
    {
        LocalBus bus(SystemClock::instance());
        FakeUpgradeWorker worker(&bus);
        WorkerClient client(&bus);
        bus.clearLog();
        const Run noId = upgrade(client, QString(), true);
        QVERIFY(noId.outcome && noId.outcome->reply.success);
        const Run noCb = upgrade(client, kOp, false);
        QVERIFY(noCb.outcome && noCb.outcome->reply.success);
        for (const QString &line : bus.log())
            QVERIFY2(!line.startsWith(QLatin1String("sub nodes.")), qPrintable(line));
        QVERIFY(!worker.requests.first().contains(QLatin1String("op_id"))); // A12: no op id sent
        QCOMPARE(client.progressEventsReceived(), quint64(0));
    }

    void a09_upgrade_streams_progress_on_real_nats()
    {
        QFile urlFile(qEnvironmentVariable("FLEETDECK_TEST_SERVERS_DIR") + QStringLiteral("/nats/url"));
        QVERIFY2(urlFile.open(QIODevice::ReadOnly), "nats-server fixture not running (run through ctest)");
        const QString url = QString::fromUtf8(urlFile.readAll()).trimmed();
        NatsConfig cfg;
        cfg.url = url;
        auto workerBus = NatsBus::connect(cfg, SystemClock::instance());
        auto replicaBus = NatsBus::connect(cfg, SystemClock::instance());
        QVERIFY2(workerBus, qPrintable(workerBus.error()));
        QVERIFY2(replicaBus, qPrintable(replicaBus.error()));
        FakeUpgradeWorker worker(workerBus.value().get());
        std::optional<bool> flushedOk;
        workerBus.value()->flush(5000, this, [&](bool ok, const QString &) { flushedOk = ok; });
        QVERIFY(waitUntil([&] { return flushedOk.has_value(); }));
        QVERIFY(*flushedOk);
        WorkerClient client(replicaBus.value().get());
        const Run run = upgrade(client, kOp, true);
        QVERIFY(run.outcome);
        QVERIFY2(run.outcome->replied(), qPrintable(run.outcome->error));
        QCOMPARE(run.ticksAtReturn, (QList<double>{10, 100}));
        QCOMPARE(client.progressEventsReceived(), quint64(2));
    }

    void outcomes_are_distinct()
    {
        LocalBus bus(SystemClock::instance());
        WorkerClient client(&bus);
        WorkerTimeouts t;
        t.listMs = 50;
        client.setTimeouts(t);
        std::optional<ListOutcome> none;
        client.list(kNode, [&](const ListOutcome &o) { none = o; });
        QVERIFY(waitUntil([&] { return none.has_value(); }));
        QCOMPARE(int(none->transport), int(RequestOutcome::NoResponders));
        QCOMPARE(englishText(describeOutcome(none->transport, none->error, kNode.name)), QStringLiteral("no responders from node gpu-a100-1"));
        QCOMPARE(describeOutcome(*none, kNode.name), Reason::make("no_responders", {{"node", kNode.name}}));
        QObject silent;
        bus.subscribe(subjects::nodeCommand(kNode.name, "list"), &silent, [](const BusMessage &) {});
        std::optional<ListOutcome> timeout;
        client.list(kNode, [&](const ListOutcome &o) { timeout = o; });
        QVERIFY(waitUntil([&] { return timeout.has_value(); }));
        QCOMPARE(int(timeout->transport), int(RequestOutcome::Timeout));
    }
};

QTEST_GUILESS_MAIN(TstWorkerClient)
#include "tst_worker_client.moc"
