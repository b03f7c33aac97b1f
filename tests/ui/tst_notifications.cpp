// Notifications (issue #7): NotificationDigest's first-sight rule, the 10-s coalescing window, the
// summary wording, suppression while a window is active (what waited is dropped), node offline
// transitions; TrayHealth's level, colour and tooltip. The tray widget is in tst_tray_notifier.
#include "tray/notification_digest.h"
#include "tray/tray_health.h"
#include "theme/theme.h"

#include <QTranslator>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::ui;

namespace {
constexpr qint64 kT0 = 1767225600000;

// English plurals as fleetdeck_en.qm gives them ("%n node(s)" → "1 node" / "2 nodes"), so the test
// does not depend on the translations being built.
class EnglishPlurals final : public QTranslator {
public:
    QString translate(const char *, const char *source, const char *, int n) const override
    {
        QString s = QString::fromUtf8(source);
        if (n < 0 || !s.contains(QLatin1String("(s)")))
            return {};
        return s.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    }
    bool isEmpty() const override { return false; }
};

Operation op(const QString &id, const QString &backend, OpState state, qint64 finishedAt = 0,
             const QStringList &failedOn = {})
{
    Operation o;
    o.id = id;
    o.backend = backend;
    o.state = state;
    if (isTerminal(state))
        o.finishedAt = finishedAt;
    for (const QString &name : failedOn)
        o.nodes.append(NodeProgress{.opId = id, .nodeId = name + QStringLiteral("-id"), .nodeName = name,
                                    .status = NodeRowStatus::Error});
    return o;
}

Node node(const QString &name, NodeStatus status)
{
    return Node{.id = name + QStringLiteral("-id"), .name = name, .status = status};
}

QString textOf(const std::optional<Notification> &n) { return n ? n->text() : QStringLiteral("<none>"); }

} // namespace

class TstNotifications : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::installTranslator(&m_plurals);
        Theme::instance().apply(Theme::Mode::Light);
    }

    void first_sight_announces_nothing_already_failed()
    {
        NotificationDigest d;
        const QList<Operation> old{op(QStringLiteral("old"), QStringLiteral("piper"), OpState::Failed, kT0 - 5000)};
        const QList<Node> nodes{node(QStringLiteral("gpu-a100-1"), NodeStatus::Offline)};
        QCOMPARE(textOf(d.feed(old, nodes, kT0, false)), QStringLiteral("<none>"));
        QVERIFY(!d.hasPending());
        QCOMPARE(textOf(d.feed(old, nodes, kT0 + 1000, false)), QStringLiteral("<none>"));
        // Hydrated after the baseline but failed before it: old news.
        QList<Operation> more = old;
        more.append(op(QStringLiteral("late"), QStringLiteral("whisper"), OpState::Failed, kT0 - 1));
        QCOMPARE(textOf(d.feed(more, nodes, kT0 + 2000, false)), QStringLiteral("<none>"));
        // Never seen, but failed since we watch (it went queued → failed between two snapshots).
        more.append(op(QStringLiteral("fast"), QStringLiteral("bark"), OpState::Failed, kT0 + 2500, {QStringLiteral("jetson-orin")}));
        QCOMPARE(textOf(d.feed(more, nodes, kT0 + 3000, false)), QStringLiteral("1 operation failed: bark on jetson-orin"));
        // Announced once only.
        QCOMPARE(textOf(d.feed(more, nodes, kT0 + 30'000, false)), QStringLiteral("<none>"));
    }

    void op_that_turns_failed_is_announced_at_once()
    {
        NotificationDigest d;
        QList<Operation> ops{op(QStringLiteral("a"), QStringLiteral("piper"), OpState::Running)};
        QVERIFY(!d.feed(ops, {}, kT0, false));
        // Seen running before: announced whatever its finished_at says (another replica's clock).
        ops[0] = op(QStringLiteral("a"), QStringLiteral("piper"), OpState::Failed, kT0 - 99'999, {QStringLiteral("gpu-a100-2")});
        const auto n = d.feed(ops, {}, kT0 + 500, false);
        QVERIFY(n && n->failedOps == 1 && n->offlineNodes == 0);
        QCOMPARE(n->text(), QStringLiteral("1 operation failed: piper on gpu-a100-2"));
    }

    void coalesces_to_one_notification_per_10_s()
    {
        NotificationDigest d;
        QList<Operation> ops{op(QStringLiteral("a"), QStringLiteral("piper"), OpState::Running),
                             op(QStringLiteral("b"), QStringLiteral("whisper"), OpState::Running)};
        QList<Node> nodes{node(QStringLiteral("gpu-a100-3"), NodeStatus::Healthy)};
        QVERIFY(!d.feed(ops, nodes, kT0, false));
        ops[0].state = OpState::Failed;
        QCOMPARE(textOf(d.feed(ops, nodes, kT0 + 1000, false)), QStringLiteral("1 operation failed: piper"));
        ops[1] = op(QStringLiteral("b"), QStringLiteral("whisper"), OpState::Failed, kT0 + 3000, {QStringLiteral("gpu-a100-1")});
        QVERIFY(!d.feed(ops, nodes, kT0 + 3000, false));
        nodes[0].status = NodeStatus::Offline;
        QVERIFY(!d.feed(ops, nodes, kT0 + 5000, false));
        QCOMPARE(d.dueAtMs(), std::optional<qint64>(kT0 + 11'000));
        QVERIFY(!d.flush(kT0 + 10'999, false));
        QCOMPARE(textOf(d.flush(kT0 + 11'000, false)),
                 QStringLiteral("1 operation failed, 1 node offline: whisper on gpu-a100-1; gpu-a100-3"));
        QCOMPARE(d.dueAtMs(), std::nullopt);
        // The window now runs from the last delivery.
        ops.append(op(QStringLiteral("c"), QStringLiteral("bark"), OpState::Failed, kT0 + 12'000));
        QVERIFY(!d.feed(ops, nodes, kT0 + 12'000, false));
        QCOMPARE(d.dueAtMs(), std::optional<qint64>(kT0 + 21'000));
        QCOMPARE(textOf(d.flush(kT0 + 21'000, false)), QStringLiteral("1 operation failed: bark"));
    }

    void summary_counts_and_more()
    {
        NotificationDigest d;
        QList<Operation> ops;
        QList<Node> nodes;
        for (const QString &b : {QStringLiteral("piper"), QStringLiteral("whisper")})
            ops.append(op(b, b, OpState::Running));
        for (const QString &n : {QStringLiteral("gpu-a100-2"), QStringLiteral("gpu-a100-3"), QStringLiteral("jetson-orin")})
            nodes.append(node(n, NodeStatus::Healthy));
        QVERIFY(!d.feed(ops, nodes, kT0, false));
        ops[0] = op(QStringLiteral("piper"), QStringLiteral("piper"), OpState::Failed, kT0 + 1,
                    {QStringLiteral("gpu-a100-2"), QStringLiteral("jetson-orin")});
        ops[1].state = OpState::Failed;
        for (Node &n : nodes)
            n.status = NodeStatus::Offline;
        const auto n = d.feed(ops, nodes, kT0 + 1000, false);
        QVERIFY(n && n->failedOps == 2 && n->offlineNodes == 3);
        QCOMPARE(n->summary, QStringLiteral("2 operations failed, 3 nodes offline"));
        QCOMPARE(n->items.size(), 5);
        QCOMPARE(n->text(), QStringLiteral("2 operations failed, 3 nodes offline: piper on gpu-a100-2, jetson-orin; "
                                           "whisper; gpu-a100-2; and 2 more"));
    }

    void suppressed_while_active_and_what_waited_is_dropped()
    {
        NotificationDigest d;
        QList<Operation> ops;
        for (const QString &id : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")})
            ops.append(op(id, QStringLiteral("backend-") + id, OpState::Running));
        QVERIFY(!d.feed(ops, {}, kT0, false));
        ops[0].state = OpState::Failed;
        QVERIFY(d.feed(ops, {}, kT0 + 1000, false)); // delivered; the window runs to +11 s
        ops[1].state = OpState::Failed;
        QVERIFY(!d.feed(ops, {}, kT0 + 2000, false));
        // The admin activates the window: what waited is dropped, and what fails meanwhile is seen.
        ops[2].state = OpState::Failed;
        QVERIFY(!d.feed(ops, {}, kT0 + 3000, true));
        QCOMPARE(d.dueAtMs(), std::nullopt);
        QVERIFY(!d.flush(kT0 + 60'000, false));
        // After the window lost focus only new failures count; suppression did not reset the window.
        ops[3].state = OpState::Failed;
        QVERIFY(!d.feed(ops, {}, kT0 + 4000, false));
        QCOMPARE(textOf(d.flush(kT0 + 11'000, false)), QStringLiteral("1 operation failed: backend-d"));
        // A flush while active drops too.
        ops.append(op(QStringLiteral("e"), QStringLiteral("backend-e"), OpState::Failed, kT0 + 12'000));
        QVERIFY(!d.feed(ops, {}, kT0 + 12'000, false));
        QVERIFY(!d.flush(kT0 + 21'000, true));
        QVERIFY(!d.hasPending());
    }

    void nodes_only_on_transition_to_offline()
    {
        NotificationDigest d;
        QList<Node> nodes{node(QStringLiteral("gpu-a100-1"), NodeStatus::Healthy)};
        QVERIFY(!d.feed({}, nodes, kT0, false));
        nodes[0].status = NodeStatus::Unhealthy;
        QVERIFY(!d.feed({}, nodes, kT0 + 1000, false));
        nodes[0].status = NodeStatus::Draining;
        QVERIFY(!d.feed({}, nodes, kT0 + 2000, false));
        nodes[0].status = NodeStatus::Offline;
        QCOMPARE(textOf(d.feed({}, nodes, kT0 + 3000, false)), QStringLiteral("1 node offline: gpu-a100-1"));
        QVERIFY(!d.feed({}, nodes, kT0 + 20'000, false)); // still offline: no second message
        // A node first seen offline (registered meanwhile, or after a re-seed) is not announced.
        nodes.append(node(QStringLiteral("cpu-edge-1"), NodeStatus::Offline));
        QVERIFY(!d.feed({}, nodes, kT0 + 21'000, false));
        QVERIFY(!d.hasPending());
        // Back and gone again: a new transition.
        nodes[0].status = NodeStatus::Healthy;
        QVERIFY(!d.feed({}, nodes, kT0 + 22'000, false));
        nodes[0].status = NodeStatus::Offline;
        QCOMPARE(textOf(d.feed({}, nodes, kT0 + 23'000, false)), QStringLiteral("1 node offline: gpu-a100-1"));
        // Offline and back before the window let it out: nothing to say.
        nodes[1].status = NodeStatus::Healthy;
        QVERIFY(!d.feed({}, nodes, kT0 + 24'000, false));
        nodes[1].status = NodeStatus::Offline;
        QVERIFY(!d.feed({}, nodes, kT0 + 25'000, false));
        nodes[1].status = NodeStatus::Healthy;
        QVERIFY(!d.feed({}, nodes, kT0 + 26'000, false));
        QVERIFY(!d.flush(kT0 + 33'000, false));
    }

    void dismissed_before_delivery_is_left_out()
    {
        NotificationDigest d;
        QList<Operation> ops{op(QStringLiteral("a"), QStringLiteral("piper"), OpState::Running),
                             op(QStringLiteral("b"), QStringLiteral("whisper"), OpState::Running)};
        QVERIFY(!d.feed(ops, {}, kT0, false));
        ops[0].state = OpState::Failed;
        QVERIFY(d.feed(ops, {}, kT0 + 1000, false));
        ops[1].state = OpState::Failed;
        QVERIFY(!d.feed(ops, {}, kT0 + 2000, false));
        ops.removeAt(1); // dismissed on another replica
        QVERIFY(!d.feed(ops, {}, kT0 + 3000, false));
        QVERIFY(!d.flush(kT0 + 11'000, false));
    }

    void health_level_and_tooltip()
    {
        QList<Node> nodes;
        for (int i = 1; i <= 5; ++i)
            nodes.append(node(QStringLiteral("gpu-%1").arg(i), NodeStatus::Healthy));
        nodes.append(node(QStringLiteral("new-box"), NodeStatus::Pending));
        TrayHealth h = TrayHealth::compute({}, nodes);
        QCOMPARE(h.level, TrayHealth::Level::Ok);
        QCOMPARE(h.toolTip(), QStringLiteral("Fleetdeck — 5/5 nodes healthy"));
        nodes[4].status = NodeStatus::Draining; // the admin's intent, not a fault
        h = TrayHealth::compute({}, nodes);
        QCOMPARE(h.level, TrayHealth::Level::Ok);
        QCOMPARE(h.toolTip(), QStringLiteral("Fleetdeck — 4/5 nodes healthy"));
        nodes.append(node(QStringLiteral("gpu-6"), NodeStatus::Healthy));
        nodes[4].status = NodeStatus::Offline;
        QCOMPARE(TrayHealth::compute({}, nodes).tone(), Tone::Warning);
        nodes[4].status = NodeStatus::Healthy;
        nodes[3].status = NodeStatus::Unhealthy;
        QCOMPARE(TrayHealth::compute({}, nodes).level, TrayHealth::Level::Warning);
        nodes[3].status = NodeStatus::Healthy;
        QList<Operation> ops{op(QStringLiteral("a"), QStringLiteral("piper"), OpState::Running),
                             op(QStringLiteral("b"), QStringLiteral("bark"), OpState::Queued)};
        QCOMPARE(TrayHealth::compute(ops, nodes).level, TrayHealth::Level::Ok);
        ops[1].state = OpState::RunningOnWorker;
        QCOMPARE(TrayHealth::compute(ops, nodes).level, TrayHealth::Level::Warning);
        nodes[2].status = NodeStatus::Offline;
        ops.append(op(QStringLiteral("c"), QStringLiteral("whisper"), OpState::Failed, kT0));
        h = TrayHealth::compute(ops, nodes);
        QCOMPARE(h.tone(), Tone::Error);
        QCOMPARE(h.toolTip(), QStringLiteral("Fleetdeck — 5/6 nodes healthy, 2 operations running, 1 failed"));
        ops[2].dismissedAt = kT0;
        QCOMPARE(TrayHealth::compute(ops, nodes).level, TrayHealth::Level::Warning);
        QCOMPARE(TrayHealth::compute({ops[0]}, {node(QStringLiteral("solo"), NodeStatus::Healthy)}).toolTip(),
                 QStringLiteral("Fleetdeck — 1/1 node healthy, 1 operation running"));
        QCOMPARE(TrayHealth::compute({}, {}).toolTip(), QStringLiteral("Fleetdeck — no nodes"));
    }

private:
    EnglishPlurals m_plurals;
};

QTEST_MAIN(TstNotifications)
#include "tst_notifications.moc"
