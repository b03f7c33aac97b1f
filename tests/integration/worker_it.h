#pragma once
// Shared pieces of the fleetdeck-worker process tests: a replica-side NatsBus, requests that
// return the reply object, and the worker's standard command line.
#include "archive_builder.h"
#include "nats_test_util.h"
#include "test_util.h"
#include "worker_process.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace fleetdeck::test {

inline QString workerBinary()
{
    return QStringLiteral(FLEETDECK_WORKER_BIN);
}

inline QJsonObject replyObject(const RequestResult &r)
{
    if (r.outcome != RequestOutcome::Reply)
        return QJsonObject{{QStringLiteral("test_outcome"), int(r.outcome)}, {QStringLiteral("test_error"), r.error}};
    return QJsonDocument::fromJson(r.data).object();
}

inline QJsonObject askObject(Bus &bus, const QString &subject, const QByteArray &payload, qint64 timeoutMs = 10000)
{
    return replyObject(requestAndWait(bus, subject, payload, timeoutMs));
}

inline QString nodeSubject(const QString &node, const char *command)
{
    return QStringLiteral("nodes.") + node + QStringLiteral(".backend.") + QLatin1String(command);
}

// Polls backend.list until the worker answers (it subscribes after registering).
inline bool waitServing(Bus &bus, const QString &node, int timeoutMs = 15000)
{
    return waitUntil(
        [&]() {
            return requestAndWait(bus, nodeSubject(node, "list"), "{}", 1000).outcome == RequestOutcome::Reply;
        },
        timeoutMs);
}

inline QJsonArray jsonGalleries()
{
    return QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("main")},
                                  {QStringLiteral("url"), QStringLiteral("https://gallery.example.org/index.json")}}};
}

inline QJsonObject jsonEntry(const QString &name, const QString &version, const QString &uri, const QByteArray &bytes)
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("version"), version},
                       {QStringLiteral("uri"), uri},
                       {QStringLiteral("sha256"), sha256Hex(bytes)},
                       {QStringLiteral("size"), bytes.size()},
                       {QStringLiteral("gallery_url"), QStringLiteral("https://gallery.example.org/index.json")}};
}

inline QByteArray commandPayload(const QJsonObject &entry, const QString &opId, bool force)
{
    QJsonObject o{{QStringLiteral("backend"), entry.value(QStringLiteral("name")).toString()},
                  {QStringLiteral("galleries"), jsonGalleries()},
                  {QStringLiteral("entry"), entry},
                  {QStringLiteral("force"), force}};
    if (!opId.isEmpty())
        o.insert(QStringLiteral("op_id"), opId);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Collects the JSON payloads published on one subject.
class Collector final {
public:
    Collector(Bus &bus, const QString &subject) : m_bus(bus), m_ctx(std::make_unique<QObject>()), m_items(std::make_shared<QList<QJsonObject>>())
    {
        m_sub = bus.subscribe(subject, m_ctx.get(), [items = m_items](const BusMessage &m) {
            items->append(QJsonDocument::fromJson(m.data).object());
        });
        flushed(bus);
    }
    ~Collector() { m_bus.unsubscribe(m_sub); }
    const QList<QJsonObject> &items() const { return *m_items; }
    QStringList field(const char *key) const
    {
        QStringList out;
        for (const QJsonObject &o : *m_items)
            out << o.value(QLatin1String(key)).toVariant().toString();
        return out;
    }

private:
    Bus &m_bus;
    std::unique_ptr<QObject> m_ctx;
    std::shared_ptr<QList<QJsonObject>> m_items;
    SubscriptionId m_sub = 0;
};

} // namespace fleetdeck::test

namespace fleetdeck::test {

// A request whose result lands in the returned slot (ctx must outlive it).
using AsyncReply = std::shared_ptr<std::optional<RequestResult>>;
inline AsyncReply sendAsync(Bus &bus, const QString &subject, const QByteArray &payload, qint64 timeoutMs, QObject *ctx)
{
    auto out = std::make_shared<std::optional<RequestResult>>();
    bus.request(subject, payload, timeoutMs, ctx, [out](const RequestResult &r) { *out = r; });
    return out;
}

} // namespace fleetdeck::test
