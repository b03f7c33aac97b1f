// Every row of the SPEC §5.3 status table, driven through the real paths (nodes.register,
// heartbeats, admin actions, NodeEvents, the health monitor and its probe) on both stores; plus
// the pure helpers of node_transitions.
// fleetdeck-test-labels: postgres
#include "cluster/node_transitions.h"
#include "tst_node_fixture.h"

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {
const QString kAdmin = QStringLiteral("drained by admin");
const QString kShutdown = QStringLiteral("worker shutting down");
const QString kStopped = QStringLiteral("worker stopped");
const QString kStale = QStringLiteral("heartbeat stale");
const QString kNoRespInstall = QStringLiteral("no responders on nodes.node-1.backend.install");
} // namespace

class TstNodeTable : public QObject {
    Q_OBJECT
    NodeFixture f;

    static void row(const char *label, const QString &from, const QString &reason, int ageS, const char *event,
                    bool autoApprove, const QString &to, const QString &toReason, const QString &error = {})
    {
        for (Backend b : {Backend::Sqlite, Backend::Postgres})
            QTest::addRow("%s/%s", qPrintable(toString(b)), label)
                << b << from << reason << ageS << QString::fromLatin1(event) << autoApprove << to << toReason << error;
    }

private Q_SLOTS:
    void cleanup() { f.tearDown(); }

    void transition_table_data()
    {
        QTest::addColumn<Backend>("backend");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("ageS");
        QTest::addColumn<QString>("event");
        QTest::addColumn<bool>("autoApprove");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("toReason");
        QTest::addColumn<QString>("error");
        const QString none = QStringLiteral("none"), pending = QStringLiteral("pending"), healthy = QStringLiteral("healthy"),
                      unhealthy = QStringLiteral("unhealthy"), offline = QStringLiteral("offline"),
                      draining = QStringLiteral("draining"), deleted = QStringLiteral("deleted");
        // — register
        row("new_register_manual", none, {}, 0, "register", false, pending, {});
        row("new_register_auto", none, {}, 0, "register", true, healthy, {});
        row("pending_reregister", pending, {}, 600, "register", false, pending, {});
        row("pending_reregister_auto", pending, {}, 600, "register", true, healthy, {});
        row("admin_drained_reregister", draining, kAdmin, 120, "register", false, draining, kAdmin);
        row("healthy_reregister", healthy, {}, 5, "register", false, healthy, {});
        row("unhealthy_reregister", unhealthy, kNoRespInstall, 5, "register", false, healthy, {});
        row("offline_stale_reregister", offline, kStale, 600, "register", false, healthy, {});
        row("offline_stopped_reregister", offline, kStopped, 600, "register", false, healthy, {});
        row("shutting_down_reregister", draining, kShutdown, 5, "register", false, healthy, {});
        // — approve
        row("pending_approve", pending, {}, 5, "approve", false, healthy, {});
        const QString notPending = QStringLiteral("node node-1 is not pending approval");
        row("healthy_approve", healthy, {}, 5, "approve", false, healthy, {}, notPending);
        row("offline_approve", offline, kStale, 600, "approve", false, offline, kStale, notPending);
        row("drained_approve", draining, kAdmin, 5, "approve", false, draining, kAdmin, notPending);
        // — monitor: stale heartbeat (> 60 s)
        row("healthy_stale", healthy, {}, 61, "monitor", false, offline, kStale);
        row("unhealthy_stale", unhealthy, kNoRespInstall, 61, "monitor", false, offline, kStale);
        row("shutting_down_stale", draining, kShutdown, 61, "monitor", false, offline, kStale);
        row("healthy_fresh", healthy, {}, 60, "monitor", false, healthy, {});
        row("shutting_down_fresh", draining, kShutdown, 30, "monitor", false, draining, kShutdown);
        // — monitor: offline with a fresh heartbeat
        row("offline_stale_fresh_again", offline, kStale, 10, "monitor", false, healthy, {});
        row("offline_stopped_fresh", offline, kStopped, 10, "monitor", false, offline, kStopped);
        row("offline_still_stale", offline, kStale, 61, "monitor", false, offline, kStale);
        // — unhealthy: probe answered / no responders (D12)
        row("unhealthy_probe_answered", unhealthy, kNoRespInstall, 5, "probe", false, healthy, {});
        row("unhealthy_probe_no_responders", unhealthy, kNoRespInstall, 5, "monitor", false, unhealthy, kNoRespInstall);
        row("unhealthy_request_answered", unhealthy, kNoRespInstall, 5, "answered", false, healthy, {});
        row("healthy_answered", healthy, {}, 5, "answered", false, healthy, {});
        // — pending (D11), admin-drained: the monitor leaves them
        row("pending_monitor_stale", pending, {}, 600, "monitor", false, pending, {});
        row("pending_monitor_fresh", pending, {}, 5, "monitor", false, pending, {});
        row("admin_drained_monitor", draining, kAdmin, 600, "monitor", false, draining, kAdmin);
        // — no responders on a command
        row("healthy_no_responders", healthy, {}, 5, "no-responders", false, unhealthy, kNoRespInstall);
        row("unhealthy_no_responders", unhealthy, QStringLiteral("no responders on nodes.node-1.backend.list"), 5,
            "no-responders", false, unhealthy, QStringLiteral("no responders on nodes.node-1.backend.list"));
        row("pending_no_responders", pending, {}, 5, "no-responders", false, pending, {});
        row("offline_no_responders", offline, kStale, 600, "no-responders", false, offline, kStale);
        row("drained_no_responders", draining, kAdmin, 5, "no-responders", false, draining, kAdmin);
        // — admin drain
        row("healthy_drain", healthy, {}, 5, "drain", false, draining, kAdmin);
        row("unhealthy_drain", unhealthy, kNoRespInstall, 5, "drain", false, draining, kAdmin);
        row("offline_drain", offline, kStale, 600, "drain", false, draining, kAdmin);
        row("shutting_down_drain", draining, kShutdown, 5, "drain", false, draining, kAdmin);
        row("drained_drain", draining, kAdmin, 5, "drain", false, draining, kAdmin);
        row("pending_drain", pending, {}, 5, "drain", false, pending, {}, QStringLiteral("node node-1 is pending approval"));
        // — heartbeat state "draining"
        row("healthy_hb_draining", healthy, {}, 5, "hb-draining", false, draining, kShutdown);
        row("unhealthy_hb_draining", unhealthy, kNoRespInstall, 5, "hb-draining", false, draining, kShutdown);
        row("offline_hb_draining", offline, kStale, 600, "hb-draining", false, draining, kShutdown);
        row("pending_hb_draining", pending, {}, 5, "hb-draining", false, pending, {});
        row("drained_hb_draining", draining, kAdmin, 5, "hb-draining", false, draining, kAdmin);
        // — heartbeat state "stopped"
        row("healthy_hb_stopped", healthy, {}, 5, "hb-stopped", false, offline, kStopped);
        row("unhealthy_hb_stopped", unhealthy, kNoRespInstall, 5, "hb-stopped", false, offline, kStopped);
        row("offline_hb_stopped", offline, kStale, 600, "hb-stopped", false, offline, kStopped);
        row("shutting_down_hb_stopped", draining, kShutdown, 5, "hb-stopped", false, offline, kStopped);
        row("pending_hb_stopped", pending, {}, 5, "hb-stopped", false, pending, {});
        row("drained_hb_stopped", draining, kAdmin, 5, "hb-stopped", false, draining, kAdmin);
        // — heartbeat state "running": refreshes, changes no status
        row("offline_hb_running", offline, kStale, 600, "hb-running", false, offline, kStale);
        row("unhealthy_hb_running", unhealthy, kNoRespInstall, 5, "hb-running", false, unhealthy, kNoRespInstall);
        // — admin resume
        row("drained_resume", draining, kAdmin, 5, "resume", false, healthy, {});
        row("shutting_down_resume", draining, kShutdown, 5, "resume", false, healthy, {});
        row("unhealthy_resume", unhealthy, kNoRespInstall, 5, "resume", false, healthy, {});
        row("healthy_resume_noop", healthy, {}, 5, "resume", false, healthy, {});
        row("offline_resume", offline, kStale, 125, "resume", false, offline, kStale,
            QStringLiteral("node node-1 is offline (last heartbeat 2 min ago)"));
        row("pending_resume", pending, {}, 5, "resume", false, pending, {},
            QStringLiteral("node node-1 is pending approval; approve it instead"));
        // — admin delete
        for (const QString &s : {pending, healthy, unhealthy, offline, draining})
            row(qPrintable(s + QStringLiteral("_delete")), s, {}, 5, "delete", false, deleted, {});
    }

    void transition_table()
    {
        QFETCH(Backend, backend);
        QFETCH(QString, from);
        QFETCH(QString, reason);
        QFETCH(int, ageS);
        QFETCH(QString, event);
        QFETCH(bool, autoApprove);
        QFETCH(QString, to);
        QFETCH(QString, toReason);
        QFETCH(QString, error);
        const ClusterSettings settings = NodeFixture::settingsWith({{"nodes/auto_approve", autoApprove}});
        QVERIFY(f.setUp(backend, settings));
        const QString name = QStringLiteral("node-1");
        QString id;
        if (from != QLatin1String("none")) {
            id = f.addNode(name, nodeStatusFromString(from).value(), reason, qint64(ageS) * 1000);
            QVERIFY(!id.isEmpty());
        }
        QString gotError;
        auto adminResult = [&gotError](const Result<Node> &r) {
            if (!r)
                gotError = r.error();
        };
        if (event == QLatin1String("register")) {
            const QJsonObject reply = f.registerNode(name);
            QCOMPARE(reply.value(QLatin1String("status")).toString(), to);
            if (!id.isEmpty())
                QCOMPARE(reply.value(QLatin1String("id")).toString(), id);
        } else if (event == QLatin1String("approve")) {
            adminResult(await(f.registry->approve(name)));
        } else if (event == QLatin1String("drain")) {
            adminResult(await(f.registry->drain(name)));
        } else if (event == QLatin1String("resume")) {
            adminResult(await(f.registry->resume(name)));
        } else if (event == QLatin1String("delete")) {
            const auto r = await(f.registry->deleteNode(name));
            QVERIFY2(r, qPrintable(r.error()));
            QCOMPARE(r->id, id);
            QCOMPARE(r->name, name);
        } else if (event == QLatin1String("monitor")) {
            QVERIFY(f.tick());
        } else if (event == QLatin1String("probe")) {
            f.answerList(name);
            QVERIFY(f.tick());
            waitUntil([&] {
                f.sync();
                const auto n = f.node(name);
                return n && toString(n->status) == to;
            }, 3000);
        } else if (event == QLatin1String("no-responders")) {
            f.registry->noResponders(id, subjects::nodeCommand(name, "install"));
            f.sync();
        } else if (event == QLatin1String("answered")) {
            f.registry->answered(id);
            f.sync();
        } else if (event.startsWith(QLatin1String("hb-"))) {
            f.heartbeat(name, id, name, event.mid(3));
        } else {
            QFAIL("unknown event");
        }
        f.sync(); // the nodes.changed delivery
        QCOMPARE(gotError, error);
        const auto n = f.node(name);
        if (to == QLatin1String("deleted")) {
            QVERIFY(!n);
            QCOMPARE(f.changed.size(), 1);
            QCOMPARE(f.changed.first().value(QLatin1String("status")).toString(), to);
            return;
        }
        QVERIFY(n);
        QCOMPARE(toString(n->status), to);
        QCOMPARE(n->statusReason, toReason);
        // Every change publishes fleetdeck.nodes.changed; a registration always does.
        const bool expectChange = event == QLatin1String("register") || from != to || reason != toReason;
        QCOMPARE(f.changed.size(), expectChange ? 1 : 0);
        if (expectChange) {
            const QJsonObject c = f.changed.first();
            QCOMPARE(c.value(QLatin1String("node_id")).toString(), n->id);
            QCOMPARE(c.value(QLatin1String("name")).toString(), name);
            QCOMPARE(c.value(QLatin1String("status")).toString(), to);
            QCOMPARE(c.value(QLatin1String("reason")).toString(), toReason);
            QCOMPARE(c.value(QLatin1String("at")).toInteger(), f.clock.nowMs());
            if (from == QLatin1String("none"))
                QVERIFY(c.value(QLatin1String("previous_status")).isNull());
            else
                QCOMPARE(c.value(QLatin1String("previous_status")).toString(), from);
        }
    }

    void pure_helpers()
    {
        QCOMPARE(nodes::formatAge(12'400), QStringLiteral("12 s"));
        QCOMPARE(nodes::formatAge(600'000), QStringLiteral("10 min"));
        QCOMPARE(nodes::formatAge(7'200'000), QStringLiteral("2 h"));
        QCOMPARE(nodes::formatAge(3 * 86'400'000LL), QStringLiteral("3 d"));
        Node n;
        n.status = NodeStatus::Unhealthy;
        QVERIFY(nodes::wantsProbe(n, 60'000, 60'000));
        QVERIFY(!nodes::wantsProbe(n, 60'001, 60'000));
        n.status = NodeStatus::Healthy;
        QVERIFY(!nodes::wantsProbe(n, 0, 60'000));
        // §10.4: while offline is suppressed a stale node keeps its status.
        nodes::EventInput in;
        in.event = nodes::NodeEvent::MonitorTick;
        in.heartbeatAgeMs = 120'000;
        in.offlineSuppressed = true;
        QVERIFY(!nodes::apply(n, in).changed);
        in.offlineSuppressed = false;
        QCOMPARE(toString(nodes::apply(n, in).status), toString(NodeStatus::Offline));
        QCOMPARE(toString(nodes::initialStatus(false)), toString(NodeStatus::Pending));
        QCOMPARE(toString(nodes::initialStatus(true)), toString(NodeStatus::Healthy));
    }
};

QTEST_GUILESS_MAIN(TstNodeTable)
#include "tst_node_table.moc"
