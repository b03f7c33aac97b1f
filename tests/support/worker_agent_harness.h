#pragma once
// Shared set-up of the in-process WorkerAgent tests: a LocalBus and a ManualClock, a fresh worker
// disk, a loopback artifact server and a fake replica answering nodes.register. Test classes
// inherit it after QObject.
#include "archive_builder.h"
#include "artifact_server.h"
#include "bus/local_bus.h"
#include "core/clock.h"
#include "test_util.h"
#include "worker/worker_agent.h"
#include "worker_test_env.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <memory>
#include <optional>

namespace fleetdeck::test {

inline constexpr qint64 kAgentT0 = 1767225600000;

class AgentHarness {
protected:
    using Reply = std::shared_ptr<std::optional<RequestResult>>;

    std::unique_ptr<ManualClock> m_clock = std::make_unique<ManualClock>(kAgentT0); // new for every test
    std::unique_ptr<LocalBus> m_bus;
    std::unique_ptr<WorkerDisk> m_disk;
    std::unique_ptr<WorkerAgent> m_agent;
    std::unique_ptr<QObject> m_ctx; // the test's side of the bus
    ArtifactServer m_server;
    QList<QJsonObject> m_registrations;
    QJsonObject m_registerReply{{QStringLiteral("id"), QStringLiteral("node-1")},
                                {QStringLiteral("name"), QStringLiteral("gpu-a100-1")},
                                {QStringLiteral("status"), QStringLiteral("healthy")},
                                {QStringLiteral("heartbeat_interval_s"), 10}};
    SubscriptionId m_replicaSub = 0;
    QStringList m_order; // tags of replies and events in arrival order

    void resetAgentHarness()
    {
        m_agent.reset();
        m_ctx = std::make_unique<QObject>();
        m_clock = std::make_unique<ManualClock>(kAgentT0);
        m_bus = std::make_unique<LocalBus>(m_clock.get());
        m_disk = std::make_unique<WorkerDisk>();
        m_registrations.clear();
        m_order.clear();
        m_registerReply = QJsonObject{{QStringLiteral("id"), QStringLiteral("node-1")},
                                      {QStringLiteral("name"), QStringLiteral("gpu-a100-1")},
                                      {QStringLiteral("status"), QStringLiteral("healthy")},
                                      {QStringLiteral("heartbeat_interval_s"), 10}};
        m_replicaSub = 0;
        m_server.setRateBytesPerSec(0);
        m_server.resetCounts();
    }
    void tearDownAgent()
    {
        m_agent.reset();
        m_bus.reset();
        m_disk.reset();
    }

    WorkerAgentConfig agentConfig(const QString &name = QStringLiteral("gpu-a100-1")) const
    {
        WorkerAgentConfig c;
        c.name = name;
        c.backendsDir = m_disk->backends();
        c.systemBackendsDir = m_disk->system();
        c.allowFileRoot = {m_disk->artifacts()};
        return c;
    }

    // A replica answering nodes.register with m_registerReply (or nothing when silent).
    void startReplica(bool silent = false)
    {
        m_replicaSub = m_bus->queueSubscribe(QStringLiteral("nodes.register"), QStringLiteral("fleetdeck-test"), m_ctx.get(),
                                             [this, silent](const BusMessage &m) {
                                                 m_registrations.append(QJsonDocument::fromJson(m.data).object());
                                                 if (!silent)
                                                     m_bus->publish(m.replyTo, QJsonDocument(m_registerReply).toJson(QJsonDocument::Compact));
                                             });
    }
    void stopReplica()
    {
        m_bus->unsubscribe(m_replicaSub);
        m_replicaSub = 0;
    }

    bool startAgent(const WorkerAgentConfig &config, bool waitRegistered = true)
    {
        m_agent = std::make_unique<WorkerAgent>(config, m_bus.get(), m_clock.get());
        const Status st = m_agent->start();
        if (!st) {
            qWarning("agent start: %s", qPrintable(st.error()));
            return false;
        }
        return !waitRegistered || waitUntil([this]() { return m_agent->isRegistered(); });
    }
    bool startRegisteredAgent(const WorkerAgentConfig &config)
    {
        startReplica();
        return startAgent(config);
    }

    static void pump()
    {
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    void advanceMs(qint64 ms)
    {
        m_clock->advanceMs(ms);
        pump();
    }

    QString subject(const char *command) const
    {
        return QStringLiteral("nodes.") + m_agent->subjectToken() + QStringLiteral(".backend.") + QLatin1String(command);
    }
    // A request whose callback fills the returned slot (timeouts on the manual clock: 1 h).
    // With a tag, the tag is appended to m_order when the reply arrives.
    Reply send(const QString &subj, const QByteArray &payload, const QString &tag = {})
    {
        auto out = std::make_shared<std::optional<RequestResult>>();
        m_bus->request(subj, payload, 3600 * 1000, m_ctx.get(), [this, out, tag](const RequestResult &r) {
            *out = r;
            if (!tag.isEmpty())
                m_order.append(tag);
        });
        return out;
    }
    static QJsonObject replyOf(const Reply &r)
    {
        if (!r->has_value())
            return {{QStringLiteral("test"), QStringLiteral("no reply")}};
        return QJsonDocument::fromJson((*r)->data).object();
    }
    QJsonObject ask(const QString &subj, const QByteArray &payload, int timeoutMs = 10000)
    {
        const Reply r = send(subj, payload);
        waitUntil([&]() { return r->has_value(); }, timeoutMs);
        return replyOf(r);
    }
    QJsonObject waitReply(const Reply &r, int timeoutMs = 10000)
    {
        waitUntil([&]() { return r->has_value(); }, timeoutMs);
        return replyOf(r);
    }

    // Published payloads on a subject, from the LocalBus log.
    QList<QJsonObject> published(const QString &subj) const
    {
        QList<QJsonObject> out;
        const QString prefix = QStringLiteral("pub ") + subj + QLatin1Char(' ');
        for (const QString &line : m_bus->log()) {
            if (line.startsWith(prefix))
                out.append(QJsonDocument::fromJson(line.mid(prefix.size()).toUtf8()).object());
        }
        return out;
    }

    // Install request payloads.
    static QJsonArray galleries()
    {
        return QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("main")},
                                      {QStringLiteral("url"), QStringLiteral("https://gallery.example.org/index.json")}}};
    }
    static QJsonObject entry(const QString &name, const QString &version, const QString &uri, const QByteArray &bytes = {})
    {
        QJsonObject e{{QStringLiteral("name"), name},
                      {QStringLiteral("version"), version},
                      {QStringLiteral("uri"), uri},
                      {QStringLiteral("gallery_url"), QStringLiteral("https://gallery.example.org/index.json")}};
        if (!bytes.isEmpty()) {
            e.insert(QStringLiteral("sha256"), sha256Hex(bytes));
            e.insert(QStringLiteral("size"), bytes.size());
        }
        return e;
    }
    static QByteArray installPayload(const QJsonObject &entry, const QString &opId = {}, bool force = false,
                                     const QString &backend = {}, const QJsonObject &extra = {})
    {
        QJsonObject o{{QStringLiteral("backend"), backend.isEmpty() ? entry.value(QStringLiteral("name")).toString() : backend},
                      {QStringLiteral("galleries"), galleries()},
                      {QStringLiteral("entry"), entry},
                      {QStringLiteral("force"), force}};
        if (!opId.isEmpty())
            o.insert(QStringLiteral("op_id"), opId);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            o.insert(it.key(), it.value());
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    // A file:// backend archive below the allowed root.
    QJsonObject fileBackend(const QString &name, const QString &version) const
    {
        const QByteArray bytes = backendArchive(name, version);
        return entry(name, version, m_disk->putArtifact(name + QLatin1Char('-') + version + QStringLiteral(".tar.gz"), bytes), bytes);
    }
    // An HTTP artifact of `size` bytes (a plain file: stored as tree/<basename>).
    QJsonObject httpArtifact(const QString &name, const QString &version, qint64 size)
    {
        const QString path = QStringLiteral("/artifacts/") + name + QLatin1Char('-') + version + QStringLiteral(".bin");
        const QByteArray bytes(size, 'a');
        m_server.setFile(path, bytes);
        return entry(name, version, m_server.url(path), bytes);
    }

    QJsonObject listReply() { return ask(subject("list"), "{}"); }
    QJsonArray listedJobs() { return listReply().value(QStringLiteral("jobs")).toArray(); }
    QJsonObject job(const QString &opId)
    {
        for (const QJsonValue &v : listedJobs())
            if (v.toObject().value(QStringLiteral("op_id")).toString() == opId)
                return v.toObject();
        return {};
    }
};

} // namespace fleetdeck::test
