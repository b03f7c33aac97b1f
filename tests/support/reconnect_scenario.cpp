#include "reconnect_scenario.h"

#include "store/store_thread.h"
#include "test_replica.h"
#include "test_util.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QThread>

namespace fleetdeck::test {

ReconnectScenario::ReconnectScenario() = default;

ReconnectScenario::~ReconnectScenario()
{
    if (m_r1)
        stopR1();
}

QString ReconnectScenario::setUp()
{
    QString error;
    m_db = TestDatabase::create(Backend::Postgres, &error);
    if (!m_db)
        return error;
    if (!m_nats.start())
        return m_nats.errorString();
    m_proxy = std::make_unique<TcpProxy>(QStringLiteral("127.0.0.1"), m_nats.port());
    if (!m_proxy->start())
        return QStringLiteral("the TCP proxy did not start");
    const QString gallery = m_dir.filePath(QStringLiteral("gallery.json"));
    QFile f(gallery);
    if (!f.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1").arg(gallery);
    f.write(R"({"fleetdeck_gallery":1,"name":"local","backends":[{"name":"whisper","version":"1.0","uri":"whisper.tar.gz"}]})");
    f.close();

    m_config.kind = QStringLiteral("headless");
    m_config.store = m_db->config();
    m_config.clock = &m_clock;
    m_config.helloWindowMs = 200;
    m_config.galleryUrls = {gallery};
    m_config.nats = NatsConfig{};
    m_config.nats->url = m_nats.url();
    m_r1 = std::make_unique<Engine>(m_config);
    auto started = m_r1->start();
    if (!drive([&] { return started.isFinished(); }))
        return QStringLiteral("R1 did not start");
    if (started.result().exitCode != 0)
        return started.result().message;

    // One healthy node whose worker reports 30 % at once and answers 60 s (simulated) later.
    const QString nodeId = addNode(*m_r1->store(), QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, QStringLiteral("nvidia"), m_clock.nowMs());
    if (nodeId.isEmpty())
        return QStringLiteral("cannot add the node");
    NatsConfig workerNats;
    workerNats.url = m_nats.url();
    auto bus = NatsBus::connect(workerNats, &m_clock);
    if (!bus)
        return bus.error();
    m_workerBus = std::move(bus.value());
    m_worker = std::make_unique<FakeWorker>(m_workerBus.get(), &m_clock, nodeId, QStringLiteral("gpu-a100-1"));
    m_worker->delayMs = 60'000;
    wire::ProgressEvent tick;
    tick.phase = QStringLiteral("downloading");
    tick.fileName = QStringLiteral("whisper.tar.gz");
    tick.percentage = 30;
    tick.currentBytes = 30;
    tick.totalBytes = 100;
    m_worker->ticks = {tick};
    std::optional<bool> flushed;
    QObject ctx;
    m_workerBus->flush(5000, &ctx, [&](bool ok, const QString &) { flushed = ok; });
    if (!waitUntil([&] { return flushed.has_value(); }) || !*flushed)
        return QStringLiteral("the worker's subscription did not reach the server");

    // R1 admits and runs the op (R2 is not running yet, so R1 is the owner).
    AdmitRequest req;
    req.kind = OpKind::Install;
    req.backend = QStringLiteral("whisper");
    auto admitted = m_r1->ops()->admit(req);
    if (!waitUntil([&] { return admitted.isFinished(); }))
        return QStringLiteral("the admission did not return");
    if (!admitted.result())
        return admitted.result().error();
    m_opId = admitted.result()->opId;
    const QString id = m_opId;
    const bool at30 = waitUntil([&] {
        const auto stored = m_r1->store()->callSync([id](Store &s) { return s.getOp(id); });
        return stored && stored.value() && stored.value()->state == OpState::Running && stored.value()->progress == 30;
    });
    return at30 ? QString() : QStringLiteral("R1's op never reached 30 % in the store");
}

EngineConfig ReconnectScenario::r2Config(const QString &kind) const
{
    EngineConfig c = m_config;
    c.kind = kind;
    c.nats->url = m_proxy->url();
    return c;
}

bool ReconnectScenario::finishOpOnR1()
{
    m_clock.advanceMs(60'000);
    const QString id = m_opId;
    return drive([&] {
        const auto stored = m_r1->store()->callSync([id](Store &s) { return s.getOp(id); });
        return stored && stored.value() && stored.value()->state == OpState::Success;
    });
}

bool driveClock(ManualClock &clock, const std::function<bool()> &pred, qint64 stepMs, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!pred()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(2);
        if (!pred())
            clock.advanceMs(stepMs);
    }
    return true;
}

bool ReconnectScenario::stopR1()
{
    auto stopped = m_r1->stop();
    const bool ok = waitUntil([&] { return stopped.isFinished(); });
    m_worker.reset();
    m_workerBus.reset();
    m_r1.reset();
    return ok;
}

} // namespace fleetdeck::test
