#pragma once
// Shared set-up of the fan-out tests: nodes in the registry of a replica running the real
// FanOut, with one scripted FakeWorker per node on the in-process bus.
#include "fake_worker.h"
#include "ops_fixture.h"
#include "recording_node_events.h"

#include <QJsonDocument>

namespace fleetdeck::test {

struct FanOutHarness {
    OpsFixture f;
    RecordingNodeEvents events;
    FakeWorkerStats stats;
    QHash<QString, QString> ids; // node name → id
    std::vector<std::unique_ptr<FakeWorker>> workers;

    bool setUp() { return f.setUp(); }
    void tearDown()
    {
        f.tearDown();
        workers.clear();
        ids.clear();
        events.noResponse.clear();
        events.answers.clear();
        stats = FakeWorkerStats();
    }

    // Registers a node (and, unless withWorker is false, its fake worker).
    FakeWorker *node(TestReplica *r, const QString &name, NodeStatus status, const QString &vendor, bool withWorker = true)
    {
        const QString id = addNode(r->store(), name, status, vendor, f.clock.nowMs());
        ids.insert(name, id);
        if (!withWorker)
            return nullptr;
        workers.push_back(std::make_unique<FakeWorker>(f.bus.get(), &f.clock, id, name, &stats));
        return workers.back().get();
    }

    static wire::ListedBackend listed(const QString &name, const QString &version = QStringLiteral("b4100"))
    {
        wire::ListedBackend b;
        b.name = name;
        b.version = version;
        b.installedAt = QStringLiteral("2025-12-01T00:00:00.000Z");
        return b;
    }

    bool opIs(TestReplica *r, const QString &id, OpState state)
    {
        const auto m = r->memoryOp(id);
        return m && m->state == state;
    }

    std::optional<NodeProgress> memoryRow(TestReplica *r, const QString &opId, const QString &nodeName)
    {
        const auto m = r->memoryOp(opId);
        if (!m)
            return std::nullopt;
        for (const NodeProgress &n : m->nodes)
            if (n.nodeName == nodeName)
                return n;
        return std::nullopt;
    }

    QList<PendingNodeOp> pending(TestReplica *r)
    {
        auto p = r->store().callSync([](Store &s) { return s.listPending(); });
        return p ? p.value() : QList<PendingNodeOp>();
    }

    // Payloads of gallery.<id>.progress broadcasts so far.
    QList<QJsonObject> broadcasts(const QString &opId)
    {
        QList<QJsonObject> out;
        const QString prefix = QStringLiteral("pub gallery.%1.progress ").arg(opId);
        for (const QString &line : f.bus->log())
            if (line.startsWith(prefix))
                out.append(QJsonDocument::fromJson(line.mid(prefix.size()).toUtf8()).object());
        return out;
    }
};

} // namespace fleetdeck::test
