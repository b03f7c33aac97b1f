#include "test_replica.h"

#include "test_util.h"

#include <QUuid>

namespace fleetdeck::test {

GalleryIndex testGallery()
{
    const QByteArray json = R"({"fleetdeck_gallery":1,"name":"main","backends":[
      {"name":"whisper","version":"1.0","uri":"artifacts/whisper.tar.gz"},
      {"name":"piper","version":"b2","uri":"artifacts/piper-b2.tar.gz","sha256":"4be1f0c2d3e4a5b6c7d8e9f00112233445566778899aabbccddeeff001122334"},
      {"name":"vllm","version":"0.6","uri":"artifacts/vllm.tar.gz"},
      {"name":"vllm-development","version":"dev","uri":"artifacts/vllm-dev.tar.gz"},
      {"name":"bark","version":"1","uri":"artifacts/bark.tar.gz"},
      {"name":"llama-cpp-cuda12","version":"b4120","uri":"artifacts/llama-cuda.tar.zst","requires":{"gpu_vendor":["nvidia"]}},
      {"name":"llama-cpp-cpu","version":"b4120","uri":"artifacts/llama-cpu.tar.zst"},
      {"name":"llama-cpp","capabilities":{"nvidia":"llama-cpp-cuda12","default":"llama-cpp-cpu"}}]})";
    return GalleryIndex::parse(json, QStringLiteral("https://gallery.example.org/index.json")).value();
}

TestReplica::TestReplica(const StoreConfig &store, Bus *bus, Clock *clock, const QString &kind,
                         const ClusterSettings &settings, Runner runner, NodeEvents *events)
    : m_identity(ReplicaIdentity::create(kind)), m_settings(settings), m_bus(bus), m_clock(clock)
{
    m_catalog.setIndexes({testGallery()});
    m_store = std::make_unique<StoreThread>(store, clock, QStringLiteral("replica-") + m_identity.replicaId);
    if (m_identity.longLived())
        m_runner = std::make_unique<FakeRunner>(clock);
    OperationService::Deps deps;
    deps.store = m_store.get();
    deps.bus = bus;
    deps.clock = clock;
    deps.catalog = &m_catalog;
    deps.runner = m_runner.get();
    deps.identity = m_identity;
    if (runner == Runner::FanOut) {
        m_fanOut = std::make_unique<FanOut>(FanOut::Deps{m_store.get(), bus, clock, events});
        if (m_identity.longLived())
            deps.runner = m_fanOut.get();
        FanOut *fanOut = m_fanOut.get();
        deps.cancelWorkers = [fanOut](const QString &opId) { fanOut->canceller()->cancelWorkers(opId); };
    }
    m_ops = std::make_unique<OperationService>(deps);
    if (m_fanOut)
        m_fanOut->setOperationService(m_ops.get());
    m_ops->setSettings(m_settings);
}

TestReplica::~TestReplica()
{
    stop();
}

Status TestReplica::start()
{
    const Status opened = m_store->start();
    if (!opened)
        return opened;
    m_started = true;
    return await(m_ops->start());
}

void TestReplica::stop()
{
    if (!m_started)
        return;
    m_started = false;
    await(m_ops->stop());
    // Drain the store thread while the service (the context of every continuation) still
    // exists, let the continuations run, then destroy the service.
    m_store->stop();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    m_fanOut.reset(); // its in-flight requests end with it
    m_ops.reset();
}

void TestReplica::kill()
{
    if (!m_started)
        return;
    m_started = false;
    m_store->stop();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    m_fanOut.reset();
    m_ops.reset();
}

Result<AdmitResult> TestReplica::admit(OpKind kind, const QString &backend, bool force, const QString &node)
{
    AdmitRequest req;
    req.kind = kind;
    req.backend = backend;
    req.force = force;
    req.targetNode = node;
    return await(m_ops->admit(req));
}

Result<QString> TestReplica::cancel(const QString &opId)
{
    return await(m_ops->cancel(opId));
}

Result<QString> TestReplica::dismiss(const QString &opId)
{
    return await(m_ops->dismiss(opId));
}

std::optional<Operation> TestReplica::storedOp(const QString &opId)
{
    auto r = m_store->callSync([opId](Store &s) { return s.getOp(opId); });
    return r ? r.value() : std::nullopt;
}

QString addNode(StoreThread &store, const QString &name, NodeStatus status, const QString &vendor, qint64 lastHeartbeat)
{
    Node n;
    n.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    n.name = name;
    n.status = status;
    n.resources = QJsonObject{{QStringLiteral("gpu_vendor"), vendor}};
    n.lastHeartbeat = lastHeartbeat;
    n.createdAt = n.updatedAt = lastHeartbeat;
    const Status st = store.callSync([n](Store &s) { return s.insertNode(n); });
    return st ? n.id : QString();
}

} // namespace fleetdeck::test
