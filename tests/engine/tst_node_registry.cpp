// NodeRegistry on both stores (SPEC §5.1, §5.2, §6.1, §6.4): registration validation and reply
// shapes, the registration token for new and existing names (A46), node names (A50),
// heartbeats (refresh, subject/name mismatch, unknown node, garbage), store errors, deletion.
// fleetdeck-test-labels: postgres
#include "core/operation.h"
#include "tst_node_fixture.h"

#include <QSignalSpy>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {
const QString kToken = QStringLiteral("s3cr3t");

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

class TstNodeRegistry : public QObject {
    Q_OBJECT
    NodeFixture f;

    ClusterSettings withToken() const
    {
        return NodeFixture::settingsWith({{"nodes/registration_token", ClusterSettings::hashRegistrationToken(kToken)}});
    }

private Q_SLOTS:
    void cleanup() { f.tearDown(); }

#define BOTH_STORES(name) \
    void name##_data() { addBackendColumns(); }

    BOTH_STORES(registration_reply_shape)
    void registration_reply_shape()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend, NodeFixture::settingsWith({{"nodes/heartbeat_interval_s", 7}})));
        QSignalSpy spy(f.registry.get(), &NodeRegistry::nodeChanged);
        const QJsonObject labels{{QStringLiteral("gpu"), QStringLiteral("a100")}, {QStringLiteral("rack"), QStringLiteral("r2")}};
        const QJsonObject reply = f.registerNode(QStringLiteral("gpu-a100-1"), {}, labels);
        QCOMPARE(QStringList(reply.keys()),
                 (QStringList{QStringLiteral("heartbeat_interval_s"), QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("status")}));
        const QUuid id(reply.value(QLatin1String("id")).toString());
        QVERIFY(!id.isNull());
        QCOMPARE(int(id.version()), int(QUuid::Random));
        QCOMPARE(reply.value(QLatin1String("name")).toString(), QStringLiteral("gpu-a100-1"));
        QCOMPARE(reply.value(QLatin1String("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(reply.value(QLatin1String("heartbeat_interval_s")).toInt(), 7);
        const auto n = f.node(QStringLiteral("gpu-a100-1"));
        QVERIFY(n);
        QCOMPARE(n->labels, labels);
        QCOMPARE(n->resources.value(QLatin1String("gpus")).toInt(), 2);
        QCOMPARE(n->workerVersion, QStringLiteral("1.0.0"));
        QCOMPARE(n->lastHeartbeat, f.clock.nowMs());
        QCOMPARE(n->statusReason, QString());
        // nodes.changed: exactly the §6.4 fields; the Qt signal carries the row.
        QCOMPARE(f.changed.size(), 1);
        QCOMPARE(QStringList(f.changed.first().keys()),
                 (QStringList{QStringLiteral("at"), QStringLiteral("name"), QStringLiteral("node_id"),
                              QStringLiteral("previous_status"), QStringLiteral("reason"), QStringLiteral("status")}));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().first().value<Node>().id, n->id);
    }

    void registration_validation_data()
    {
        QTest::addColumn<Backend>("backend");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("error");
        QJsonObject many;
        for (int i = 0; i < 65; ++i)
            many.insert(QStringLiteral("k%1").arg(i), QStringLiteral("v"));
        const QString longName = QString(64, QLatin1Char('a'));
        for (Backend b : {Backend::Sqlite, Backend::Postgres}) {
            auto add = [b](const char *label, const QByteArray &payload, const QString &error) {
                QTest::addRow("%s/%s", qPrintable(toString(b)), label) << b << payload << error;
            };
            auto reg = [](const QString &name, const QJsonObject &labels = {}) {
                return json(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("labels"), labels}});
            };
            add("dot_in_name", reg(QStringLiteral("gpu.a100")), QStringLiteral("invalid node name \"gpu.a100\""));
            add("leading_dash", reg(QStringLiteral("-gpu")), QStringLiteral("invalid node name \"-gpu\""));
            add("empty_name", reg(QString()), QStringLiteral("invalid node name \"\""));
            add("name_64_chars", reg(longName), QStringLiteral("invalid node name \"%1\"").arg(longName));
            add("too_many_labels", reg(QStringLiteral("n1"), many), QStringLiteral("too many labels: 65 > 64"));
            add("bad_label_key", reg(QStringLiteral("n1"), {{QStringLiteral("bad key"), QStringLiteral("v")}}),
                QStringLiteral("invalid label key \"bad key\""));
            add("long_label_key", reg(QStringLiteral("n1"), {{QString(64, QLatin1Char('k')), QStringLiteral("v")}}),
                QStringLiteral("invalid label key \"%1\"").arg(QString(64, QLatin1Char('k'))));
            add("long_label_value", reg(QStringLiteral("n1"), {{QStringLiteral("k"), QString(256, QLatin1Char('v'))}}),
                QStringLiteral("label \"k\": value longer than 255 characters"));
            add("label_not_string", reg(QStringLiteral("n1"), {{QStringLiteral("k"), 3}}), QStringLiteral("label \"k\": expected string"));
            add("malformed_json", QByteArrayLiteral("{\"name\":"), wire::decodeRegisterRequest("{\"name\":").error());
            add("not_an_object", QByteArrayLiteral("[1]"), wire::decodeRegisterRequest("[1]").error());
            add("missing_name", QByteArrayLiteral("{}"), QStringLiteral("missing required field \"name\""));
            add("name_not_string", QByteArrayLiteral("{\"name\":5}"), wire::decodeRegisterRequest("{\"name\":5}").error());
        }
    }

    void registration_validation()
    {
        QFETCH(Backend, backend);
        QFETCH(QByteArray, payload);
        QFETCH(QString, error);
        QVERIFY(f.setUp(backend));
        const RequestResult r = f.registerRaw(payload);
        QCOMPARE(int(r.outcome), int(RequestOutcome::Reply));
        QCOMPARE(parseObject(r.data), (QJsonObject{{QStringLiteral("error"), error}}));
        QCOMPARE(f.nodeCount(), 0);
        QVERIFY(f.changed.isEmpty());
    }

    BOTH_STORES(registration_limits_accepted)
    void registration_limits_accepted()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend));
        QJsonObject labels;
        for (int i = 0; i < 62; ++i)
            labels.insert(QStringLiteral("k%1").arg(i), QStringLiteral("v"));
        labels.insert(QString(63, QLatin1Char('k')), QString(255, QLatin1Char('v')));
        labels.insert(QStringLiteral("a.b/c-d_e"), QString());
        const QString name = QStringLiteral("A") + QString(62, QLatin1Char('_'));
        const QJsonObject reply = f.registerNode(name, {}, labels);
        QCOMPARE(reply.value(QLatin1String("name")).toString(), name);
        QCOMPARE(f.node(name)->labels.size(), 64);
    }

    BOTH_STORES(a46_registration_token_new_and_existing)
    void a46_registration_token_new_and_existing()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend, withToken()));
        const QString id = f.addNode(QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, {}, 5000);
        const QJsonObject refused{{QStringLiteral("error"), QStringLiteral("invalid registration token")}};
        // Existing name, any spelling, without or with a wrong token: refused, row untouched.
        QCOMPARE(f.registerNode(QStringLiteral("gpu-a100-1")), refused);
        QCOMPARE(f.registerNode(QStringLiteral("GPU-A100-1"), QStringLiteral("guess")), refused);
        auto n = f.node(QStringLiteral("gpu-a100-1"));
        QVERIFY(n);
        QCOMPARE(n->id, id);
        QCOMPARE(n->name, QStringLiteral("gpu-a100-1"));
        QCOMPARE(toString(n->status), QStringLiteral("healthy"));
        QCOMPARE(n->lastHeartbeat, f.clock.nowMs() - 5000);
        // A new name needs it too.
        QCOMPARE(f.registerNode(QStringLiteral("new-node-7")), refused);
        QCOMPARE(f.nodeCount(), 1);
        QVERIFY(f.changed.isEmpty());
        // With the token both register.
        QCOMPARE(f.registerNode(QStringLiteral("gpu-a100-1"), kToken).value(QLatin1String("id")).toString(), id);
        QCOMPARE(f.registerNode(QStringLiteral("new-node-7"), kToken).value(QLatin1String("status")).toString(),
                 QStringLiteral("pending"));
        QCOMPARE(f.nodeCount(), 2);
    }

    BOTH_STORES(a50_node_names)
    void a50_node_names()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend));
        const QString id = f.addNode(QStringLiteral("gpu-a100-1"), NodeStatus::Healthy, {}, 5000);
        const QJsonObject reply = f.registerNode(QStringLiteral("GPU-A100-1"));
        QCOMPARE(reply.value(QLatin1String("id")).toString(), id);
        QCOMPARE(reply.value(QLatin1String("name")).toString(), QStringLiteral("GPU-A100-1"));
        QCOMPARE(f.node(id)->name, QStringLiteral("GPU-A100-1"));
        QCOMPARE(f.nodeCount(), 1);
        const auto drained = await(f.registry->drain(QStringLiteral("Gpu-A100-1")));
        QVERIFY2(drained, qPrintable(drained.error()));
        QCOMPARE(drained->id, id);
        QCOMPARE(toString(drained->status), QStringLiteral("draining"));
        QCOMPARE(drained->statusReason, QStringLiteral("drained by admin"));
        QCOMPARE(drained->statusReasonCode, Reason::make("drained_by_admin")); // docs/reason-codes.md
        QCOMPARE(f.node(id)->statusReasonCode, Reason::make("drained_by_admin"));
        const auto notPending = await(f.registry->approve(id));
        QCOMPARE(notPending.reason(), Reason::make("node_not_pending", {{"node", QStringLiteral("GPU-A100-1")}}));
        QCOMPARE(notPending.error(), QStringLiteral("node GPU-A100-1 is not pending approval"));
        QCOMPARE(f.registerNode(QStringLiteral("gpu.a100")),
                 (QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid node name \"gpu.a100\"")}}));
        const auto unknown = await(f.registry->approve(QStringLiteral("nope")));
        QCOMPARE(unknown.error(), QStringLiteral("unknown node \"nope\""));
        QCOMPARE(unknown.reason(), Reason::make("unknown_node", {{"node", QStringLiteral("nope")}}));
    }

    BOTH_STORES(heartbeat_running_refreshes_only)
    void heartbeat_running_refreshes_only()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend));
        const QString id = f.addNode(QStringLiteral("node-1"), NodeStatus::Unhealthy, QStringLiteral("no responders on x"), 30'000);
        f.heartbeat(QStringLiteral("node-1"), id, QStringLiteral("node-1"), QStringLiteral("running"),
                    {{QStringLiteral("gpus"), 1}, {QStringLiteral("disk_free"), 42}});
        const auto n = f.node(id);
        QCOMPARE(n->lastHeartbeat, f.clock.nowMs());
        QCOMPARE(n->resources, (QJsonObject{{QStringLiteral("gpu_vendor"), QStringLiteral("nvidia")}, {QStringLiteral("gpus"), 1},
                                            {QStringLiteral("disk_free"), 42}}));
        QCOMPARE(toString(n->status), QStringLiteral("unhealthy")); // D12
        QCOMPARE(n->statusReason, QStringLiteral("no responders on x"));
        QVERIFY(f.changed.isEmpty());
        QCOMPARE(f.registry->droppedMessages(), 0);
    }

    BOTH_STORES(heartbeat_stopped_keeps_last_heartbeat)
    void heartbeat_stopped_keeps_last_heartbeat()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend));
        const QString id = f.addNode(QStringLiteral("node-1"), NodeStatus::Draining, QStringLiteral("worker shutting down"), 3000);
        f.heartbeat(QStringLiteral("node-1"), id, QStringLiteral("node-1"), QStringLiteral("stopped"), {{QStringLiteral("gpus"), 9}});
        const auto n = f.node(id);
        QCOMPARE(toString(n->status), QStringLiteral("offline"));
        QCOMPARE(n->statusReason, QStringLiteral("worker stopped"));
        QCOMPARE(n->lastHeartbeat, f.clock.nowMs() - 3000);
        QCOMPARE(n->resources.value(QLatin1String("gpus")).toInt(), 2);
    }

    BOTH_STORES(heartbeat_subject_name_mismatch_dropped)
    void heartbeat_subject_name_mismatch_dropped()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend));
        const QString id = f.addNode(QStringLiteral("node-1"), NodeStatus::Healthy, {}, 30'000);
        f.heartbeat(QStringLiteral("node-2"), id, QStringLiteral("node-1"), QStringLiteral("stopped"));
        f.heartbeat(QStringLiteral("NODE-1"), id, QStringLiteral("node-1"), QStringLiteral("running"));
        const auto n = f.node(id);
        QCOMPARE(toString(n->status), QStringLiteral("healthy"));
        QCOMPARE(n->lastHeartbeat, f.clock.nowMs() - 30'000);
        QCOMPARE(f.registry->droppedMessages(), 2);
        QVERIFY(f.reregisters.isEmpty());
        QVERIFY(f.changed.isEmpty());
    }

    BOTH_STORES(heartbeat_unknown_node_asks_reregister)
    void heartbeat_unknown_node_asks_reregister()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend));
        const QString id = f.addNode(QStringLiteral("node-1"), NodeStatus::Healthy, {}, 30'000);
        const QString ghost = QUuid::createUuid().toString(QUuid::WithoutBraces);
        f.heartbeat(QStringLiteral("ghost-1"), ghost, QStringLiteral("ghost-1"), QStringLiteral("running"));
        // A known id under another node's name is no proof either.
        f.heartbeat(QStringLiteral("other-1"), id, QStringLiteral("other-1"), QStringLiteral("running"));
        QVERIFY(waitUntil([&] { return f.reregisters.size() == 2; }));
        QCOMPARE(f.reregisters, (QStringList{QStringLiteral("nodes.ghost-1.reregister"), QStringLiteral("nodes.other-1.reregister")}));
        QVERIFY(f.bus->log().contains(QStringLiteral("pub nodes.ghost-1.reregister {}")));
        QCOMPARE(f.nodeCount(), 1);
        QCOMPARE(f.node(id)->lastHeartbeat, f.clock.nowMs() - 30'000);
    }

    BOTH_STORES(heartbeat_garbage_dropped_and_counted)
    void heartbeat_garbage_dropped_and_counted()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend));
        const QString id = f.addNode(QStringLiteral("node-1"), NodeStatus::Healthy, {}, 30'000);
        const QString hb = subjects::nodeHeartbeat(QStringLiteral("node-1"));
        f.bus->publish(hb, QByteArrayLiteral("not json"));
        f.bus->publish(hb, QByteArrayLiteral("{}"));
        f.bus->publish(hb, json({{QStringLiteral("node_id"), id}, {QStringLiteral("name"), QStringLiteral("node-1")},
                                 {QStringLiteral("state"), QStringLiteral("bogus")}}));
        f.bus->publish(hb, QByteArray(1048577, ' '));
        f.sync();
        QCOMPARE(f.registry->droppedMessages(), 4);
        QCOMPARE(f.node(id)->lastHeartbeat, f.clock.nowMs() - 30'000);
        QVERIFY(f.reregisters.isEmpty());
        QTest::ignoreMessage(QtWarningMsg, "dropped 4 invalid node messages in the last 60 s");
        f.clock.advanceMs(60'000);
        f.sync();
    }

    BOTH_STORES(store_error_sends_no_reply)
    void store_error_sends_no_reply()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend));
        QVERIFY(f.rawExec(QStringLiteral("ALTER TABLE nodes RENAME TO nodes_away")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^registration not recorded")));
        const RequestResult r = f.registerRaw(wire::encode(wire::RegisterRequest{QStringLiteral("node-1"), {}, {}, {}, {}}), true);
        QCOMPARE(int(r.outcome), int(RequestOutcome::Timeout)); // the worker retries
        QVERIFY(f.rawExec(QStringLiteral("ALTER TABLE nodes_away RENAME TO nodes")));
        QCOMPARE(f.registerNode(QStringLiteral("node-1")).value(QLatin1String("status")).toString(), QStringLiteral("pending"));
        // A stopped store thread (store unreachable): no reply either.
        f.store->stop();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("store not running")));
        const RequestResult r2 = f.registerRaw(wire::encode(wire::RegisterRequest{QStringLiteral("node-2"), {}, {}, {}, {}}), true);
        QCOMPARE(int(r2.outcome), int(RequestOutcome::Timeout));
        QCOMPARE(await(f.registry->approve(QStringLiteral("node-1"))).error(),
                 QStringLiteral("store unreachable: store thread not running"));
    }

    BOTH_STORES(delete_cancels_open_node_rows)
    void delete_cancels_open_node_rows()
    {
        QFETCH(Backend, backend);
        QVERIFY(f.setUp(backend));
        const QString id = f.addNode(QStringLiteral("node-1"), NodeStatus::Healthy, {}, 1000);
        Operation op;
        op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        op.backend = QStringLiteral("whisper");
        op.cacheKey = QStringLiteral("whisper");
        op.createdAt = op.updatedAt = op.progressAt = f.clock.nowMs();
        NodeProgress row;
        row.opId = op.id;
        row.nodeId = id;
        row.nodeName = QStringLiteral("node-1");
        row.updatedAt = f.clock.nowMs();
        QVERIFY(f.store->callSync([op, row](Store &s) {
            auto c = s.createOp(op);
            return c && c->created && s.insertNodeRows({row});
        }));
        QSignalSpy removed(f.registry.get(), &NodeRegistry::nodeRemoved);
        const auto r = await(f.registry->deleteNode(QStringLiteral("NODE-1")));
        QVERIFY2(r, qPrintable(r.error()));
        QCOMPARE(r->id, id);
        QCOMPARE(r->cancelledOpIds, QStringList{op.id});
        f.sync(); // the nodes.changed delivery
        QVERIFY(!f.node(id));
        const auto rows = f.store->callSync([op](Store &s) { return s.nodeRows(op.id); });
        QCOMPARE(toString(rows->first().status), QStringLiteral("cancelled"));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(f.changed.size(), 1);
        const QJsonObject c = f.changed.first();
        QCOMPARE(c.value(QLatin1String("status")).toString(), QStringLiteral("deleted"));
        QCOMPARE(c.value(QLatin1String("previous_status")).toString(), QStringLiteral("healthy"));
        QCOMPARE(await(f.registry->deleteNode(id)).error(), QStringLiteral("unknown node \"%1\"").arg(id));
        // The worker's next heartbeat is asked to re-register; it comes back pending, with a new id.
        f.heartbeat(QStringLiteral("node-1"), id, QStringLiteral("node-1"), QStringLiteral("running"));
        QVERIFY(waitUntil([&] { return f.reregisters.size() == 1; }));
        const QJsonObject again = f.registerNode(QStringLiteral("node-1"));
        QVERIFY(again.value(QLatin1String("id")).toString() != id);
        QCOMPARE(again.value(QLatin1String("status")).toString(), QStringLiteral("pending"));
    }

    BOTH_STORES(start_stop_and_open_registration_warning)
    void start_stop_and_open_registration_warning()
    {
        QFETCH(Backend, backend);
        QTest::ignoreMessage(QtWarningMsg, "registration is open: any client on the bus can register a node");
        QVERIFY(f.setUp(backend));
        QCOMPARE(f.bus->subscriptionCount(QStringLiteral("nodes.register")), 1);
        QCOMPARE(f.bus->subscriptionCount(QStringLiteral("nodes.*.heartbeat")), 1);
        QCOMPARE(f.registry->queueGroup(), QStringLiteral("fleetdeck-") + f.clusterId);
        f.registry->stop();
        QCOMPARE(f.bus->subscriptionCount(QStringLiteral("nodes.register")), 0);
        QCOMPARE(f.bus->subscriptionCount(QStringLiteral("nodes.*.heartbeat")), 0);
        const RequestResult r = f.registerRaw(wire::encode(wire::RegisterRequest{QStringLiteral("node-1"), {}, {}, {}, {}}));
        QCOMPARE(int(r.outcome), int(RequestOutcome::NoResponders));
        // With a token set there is no warning.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("registration is open")));
        f.registry->setSettings(withToken());
        f.registry->start();
        QCOMPARE(f.bus->subscriptionCount(QStringLiteral("nodes.register")), 1);
    }
};

QTEST_GUILESS_MAIN(TstNodeRegistry)
#include "tst_node_registry.moc"
