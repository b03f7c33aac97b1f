// The GUI's copy of the operations list follows the engine by deltas (docs/gui.md#data-flow): the
// feed sends only the ops whose status-map version moved (OperationService::listOpsDelta) and the
// window applies them (ClusterSnapshot::applyOps). After every step of a lifecycle with progress,
// failures, dismissal, cancel and clean successes, on the owner and on a peer, on both stores:
// the window's list equals a whole list read field for field, and the views that update from the
// delta alone (operations bar, backend cards, settle watcher) show what they show when fed whole.
// fleetdeck-test-labels: postgres
#include "bridge/snapshot.h"
#include "core/operation_codec.h"
#include "models/backends_model.h"
#include "models/ops_model.h"
#include "models/settle_watcher.h"
#include "ops_fixture.h"

using namespace fleetdeck;
using namespace fleetdeck::test;
using namespace fleetdeck::ui;

namespace {

constexpr qint64 kStalledMs = 60'000;

QStringList opsModelText(const OpsModel &m)
{
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i) {
        const QModelIndex op = m.index(i, 0);
        out << op.data(OpsModel::OpIdRole).toString() + QLatin1Char(' ') + op.data(OpsModel::OpLineRole).value<OpLine>().text;
        for (int k = 0; k < m.rowCount(op); ++k) {
            const NodeLine n = m.index(k, 0, op).data(OpsModel::NodeLineRole).value<NodeLine>();
            out << QStringLiteral("  %1 %2 %3 %4").arg(n.node, n.label, n.bytes).arg(n.percentage);
        }
    }
    return out;
}

QStringList cardsText(const BackendsModel &m)
{
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i) {
        const BackendRow &r = m.rowAt(i);
        out << QStringLiteral("%1 %2 %3 %4").arg(r.entry.name, r.state.text, r.state.opId).arg(int(r.state.visual));
    }
    return out;
}

// One window's view of one replica: its cursor, its snapshot, and views fed from the delta.
struct Window {
    OpsListCursor cursor;
    ClusterSnapshot snapshot;
    OpsModel bar;
    BackendsModel cards;
    SettleWatcher settle;

    Window()
    {
        QList<GalleryEntry> gallery;
        for (const char *name : {"vllm", "piper", "bark", "whisper", "rerankers"}) {
            GalleryEntry e;
            e.name = QString::fromLatin1(name);
            gallery << e;
        }
        cards.setGallery(gallery);
    }
};

} // namespace

class TstOpListDelta : public QObject {
    Q_OBJECT
    OpsFixture f;

    // Reads one delta into `w` and checks it against a whole list read of the same replica.
    void follow(TestReplica *r, Window &w, SettleWatcher &wholeSettle)
    {
        const qint64 now = f.clock.nowMs();
        w.snapshot.applyOps(r->ops().listOpsDelta(w.cursor));
        const QList<Operation> whole = r->ops().listOps();
        QStringList got, want;
        for (const Operation &op : w.snapshot.ops)
            got << QString::fromUtf8(QJsonDocument(opRecordToJson(op, now, kStalledMs)).toJson(QJsonDocument::Compact));
        for (const Operation &op : whole)
            want << QString::fromUtf8(QJsonDocument(opRecordToJson(op, now, kStalledMs)).toJson(QJsonDocument::Compact));
        QCOMPARE(got, want);

        w.bar.setSnapshot(w.snapshot, now, kStalledMs, true);
        OpsModel wholeBar;
        wholeBar.setOps(whole, now, kStalledMs, true);
        QCOMPARE(opsModelText(w.bar), opsModelText(wholeBar));

        w.cards.setSnapshot(w.snapshot, now, kStalledMs, true);
        Window fresh;
        fresh.cards.setOps(whole, now, kStalledMs, true);
        QCOMPARE(cardsText(w.cards), cardsText(fresh.cards));

        const SettleWatcher::Verdict byDelta = w.settle.feedChange(w.snapshot);
        const SettleWatcher::Verdict byList = wholeSettle.feed(whole);
        QCOMPARE(byDelta.activeSetChanged, byList.activeSetChanged);
        QCOMPARE(byDelta.terminal, byList.terminal);
        QCOMPARE(w.settle.activeIds(), wholeSettle.activeIds());
    }

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void a_window_fed_deltas_shows_what_a_whole_read_shows_data() { addBackendColumns(); }
    void a_window_fed_deltas_shows_what_a_whole_read_shows()
    {
        TestReplica *owner = f.replica(QStringLiteral("headless"), OpsFixture::settingsWith({{"ops/max_concurrent", 4}}));
        QVERIFY(owner);
        TestReplica *peer = f.replica(QStringLiteral("gui"));
        QVERIFY(peer);
        const auto nodes = [](NodeRowStatus last, qint64 ms) {
            return QList<FakeNodePlan>{{QStringLiteral("n1"), QStringLiteral("node-1"), NodeRowStatus::Success, {}, ms},
                                       {QStringLiteral("n2"), QStringLiteral("node-2"), last, QStringLiteral("sha256 mismatch"), ms * 2}};
        };
        for (TestReplica *r : {owner, peer}) { // either may claim an op
            r->runner().setPlan(QStringLiteral("vllm"), nodes(NodeRowStatus::Success, 1500));
            r->runner().setPlan(QStringLiteral("piper"), nodes(NodeRowStatus::Error, 1000));
            r->runner().setPlan(QStringLiteral("whisper"), nodes(NodeRowStatus::Success, 700));
            r->runner().setHold(QStringLiteral("bark"), true);
        }

        Window ownerWindow, peerWindow;
        SettleWatcher ownerWhole, peerWhole;
        const auto step = [&] {
            follow(owner, ownerWindow, ownerWhole);
            follow(peer, peerWindow, peerWhole);
        };
        step(); // whole: empty
        // Steps the clock a quarter second at a time, each step followed by both windows.
        const auto stepUntil = [&](const std::function<bool()> &done) {
            for (int i = 0; i < 200 && !done(); ++i) {
                f.clock.advanceMs(250);
                f.settle(20);
                step();
                if (QTest::currentTestFailed())
                    return false;
            }
            if (!done()) {
                QStringList states;
                for (const Operation &op : peer->ops().listOps())
                    states << op.backend + QLatin1Char(' ') + toString(op.state) + QLatin1Char(' ') + op.message;
                qWarning("listed: %s", qPrintable(states.join(QLatin1String("; "))));
            }
            return done();
        };
        const auto listed = [&](const QString &backend, std::optional<OpState> state = {}) -> QString {
            for (const Operation &op : peer->ops().listOps())
                if (op.backend == backend && (state ? op.state == *state : isActive(op.state)))
                    return op.id;
            return {};
        };
        for (const char *b : {"vllm", "piper", "bark"})
            QVERIFY(owner->admit(OpKind::Install, QString::fromLatin1(b)));
        QVERIFY(stepUntil([&] { return !listed(QStringLiteral("piper"), OpState::Failed).isEmpty(); }));
        QVERIFY(owner->admit(OpKind::Install, QStringLiteral("whisper")));
        QVERIFY(stepUntil([&] { return listed(QStringLiteral("whisper")).isEmpty(); }));
        QVERIFY(peer->dismiss(listed(QStringLiteral("piper"), OpState::Failed)));
        QVERIFY(owner->cancel(listed(QStringLiteral("bark"))));
        QVERIFY(stepUntil([&] { return ownerWindow.snapshot.ops.isEmpty() && peerWindow.snapshot.ops.isEmpty(); }));
        // What the windows end with: every op ended; the failure dismissed, the rest evicted.
        QVERIFY(ownerWindow.snapshot.ops.isEmpty());
        QVERIFY(peerWindow.snapshot.ops.isEmpty());
        QVERIFY(ownerWindow.snapshot.opsChange.seq > 10);
    }
};

QTEST_MAIN(TstOpListDelta)
#include "tst_op_list_delta.moc"
