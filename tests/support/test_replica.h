#pragma once
// One replica of the engine for tests: its own store thread on a shared store, the shared bus
// and clock, an OperationService and (for long-lived kinds) a FakeRunner.
#include "cluster/fan_out.h"
#include "fake_runner.h"
#include "gallery/gallery_catalog.h"
#include "ops/operation_service.h"
#include "store/store_thread.h"

#include <memory>

namespace fleetdeck::test {

// The gallery used by engine tests: whisper, piper, vllm, bark, llama-cpp-cuda12 (nvidia) …
GalleryIndex testGallery();

class TestReplica {
public:
    // Which OpRunner a long-lived replica plugs into its executor.
    enum class Runner { Fake, FanOut };
    TestReplica(const StoreConfig &store, Bus *bus, Clock *clock, const QString &kind = QStringLiteral("headless"),
                const ClusterSettings &settings = {}, Runner runner = Runner::Fake, NodeEvents *events = nullptr);
    ~TestReplica();

    // Opens the store (migrations) and starts the service; returns the start status.
    Status start();
    void stop();
    // Like SIGKILL: no graceful shutdown (no hand-back, no running_on_worker rows); writes already
    // posted to its store thread still land, then the replica is gone.
    void kill();

    OperationService &ops() { return *m_ops; }
    StoreThread &store() { return *m_store; }
    FakeRunner &runner() { return *m_runner; }
    // The real fan-out (Runner::FanOut only; also wired as the service's cancelWorkers).
    FanOut *fanOut() { return m_fanOut.get(); }
    GalleryCatalog &catalog() { return m_catalog; }
    QString replicaId() const { return m_identity.replicaId; }

    // Convenience wrappers that wait (with the event loop running) for the result.
    Result<AdmitResult> admit(OpKind kind, const QString &backend, bool force = false, const QString &node = {});
    Result<QString> cancel(const QString &opId);
    Result<QString> dismiss(const QString &opId);
    std::optional<Operation> storedOp(const QString &opId);
    std::optional<Operation> memoryOp(const QString &opId) { return m_ops->statusMap().get(opId); }

private:
    ReplicaIdentity m_identity;
    GalleryCatalog m_catalog;
    std::unique_ptr<StoreThread> m_store;
    std::unique_ptr<FakeRunner> m_runner;
    std::unique_ptr<FanOut> m_fanOut;
    std::unique_ptr<OperationService> m_ops;
    ClusterSettings m_settings;
    Bus *m_bus;
    Clock *m_clock;
    bool m_started = false;
};

// Inserts a node row into the registry (status, vendor) and returns its id.
QString addNode(StoreThread &store, const QString &name, NodeStatus status, const QString &vendor, qint64 lastHeartbeat);

} // namespace fleetdeck::test
