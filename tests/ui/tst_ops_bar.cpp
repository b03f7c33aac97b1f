// The operations bar (SPEC §11.3): the text of every line, its buttons, the node rows and the
// model's diffs. A3 (bar text, Retry, Dismiss) and A4 (amber "Worker busy") live here; the bar
// against a running engine is in tst_gui_live.
#include "delegates/ops_delegate.h"
#include "models/ops_model.h"
#include "node_row_fixture.h"
#include "theme/theme.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTreeView>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::ui;

namespace {
constexpr qint64 kNow = 1767225600000;

Operation op(const QString &id, const QString &backend, OpKind kind, OpState state)
{
    Operation o;
    o.id = id;
    o.backend = backend;
    o.kind = kind;
    o.state = state;
    o.cancellable = state == OpState::Queued || ((state == OpState::Running || state == OpState::RunningOnWorker) && kind != OpKind::Delete);
    o.createdAt = o.updatedAt = o.progressAt = kNow;
    return o;
}

NodeProgress nodeRow(const QString &name, NodeRowStatus status, int pct = 0)
{
    return test::nodeRow(name, status, pct, kNow);
}
} // namespace

class TstOpsBar : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Theme::instance().apply(Theme::Mode::Light); }

    void a03_failed_line_with_retry_and_dismiss()
    {
        Operation o = op(QStringLiteral("op-2"), QStringLiteral("piper"), OpKind::Install, OpState::Failed);
        o.error = QStringLiteral("boom");
        o.message = QStringLiteral("error: boom");
        const OpLine l = opLine(o, kNow, 60'000, true);
        QCOMPARE(l.text, QStringLiteral("Failed to install backend: piper (boom)"));
        QCOMPARE(l.buttons, (QList<OpButton>{OpButton::Retry, OpButton::Dismiss}));
        QCOMPARE(int(l.icon), int(OpLine::Icon::Error));
        // D20: the wording follows the kind.
        o.kind = OpKind::Upgrade;
        QCOMPARE(opLine(o, kNow, 60'000, true).text, QStringLiteral("Failed to upgrade backend: piper (boom)"));
        o.kind = OpKind::Delete;
        QCOMPARE(opLine(o, kNow, 60'000, true).text, QStringLiteral("Failed to delete backend: piper (boom)"));
    }

    void a04_soft_path_is_amber_worker_busy()
    {
        Operation o = op(QStringLiteral("op-soft"), QStringLiteral("vllm-development"), OpKind::Install, OpState::RunningOnWorker);
        o.message = QStringLiteral("backend vllm-development: worker still installing in background; reconciler will confirm completion (jetson-orin)");
        const OpLine l = opLine(o, kNow, 60'000, true);
        QVERIFY(l.warning);
        QCOMPARE(int(l.icon), int(OpLine::Icon::Clock));
        QVERIFY(l.text.startsWith(QStringLiteral("Installing backend: vllm-development · Worker busy")));
        QCOMPARE(l.buttons, QList<OpButton>{OpButton::Cancel});
    }

    void running_queued_and_delete_lines()
    {
        Operation q = op(QStringLiteral("a"), QStringLiteral("whisper"), OpKind::Install, OpState::Queued);
        QCOMPARE(opLine(q, kNow, 60'000, true).text, QStringLiteral("Installing backend: whisper (Queued)"));
        Operation u = op(QStringLiteral("b"), QStringLiteral("llama-cpp-cuda12"), OpKind::Upgrade, OpState::Running);
        u.progress = 37;
        u.message = QStringLiteral("processing file: llama.tar.zst. Total: 1.2 GiB. Current: 512.0 MiB");
        u.fileName = QStringLiteral("llama.tar.zst");
        u.currentBytes = 536870912;
        u.totalBytes = 1288490189;
        const OpLine ul = opLine(u, kNow, 60'000, true);
        // Composed from the op's fields (issue #15); the engine's message is a detail only.
        QCOMPARE(ul.text, QStringLiteral("Upgrading backend: llama-cpp-cuda12 (llama.tar.zst · 512.0 MiB of 1.2 GiB)"));
        QCOMPARE(ul.progress, 37);
        Operation d = op(QStringLiteral("c"), QStringLiteral("bark"), OpKind::Delete, OpState::Running);
        d.message = QStringLiteral("processing backend: bark");
        const OpLine dl = opLine(d, kNow, 60'000, true);
        QCOMPARE(int(dl.icon), int(OpLine::Icon::Trash));
        QVERIFY(dl.text.startsWith(QStringLiteral("Removing backend: bark")));
        QVERIFY(dl.buttons.isEmpty()); // a running delete cannot be cancelled
        // Stalled (§11.9) shows in the bar with its age.
        u.progressAt = kNow - 75'000;
        const OpLine sl = opLine(u, kNow, 60'000, true);
        QVERIFY(sl.stalled);
        QVERIFY2(sl.text.contains(QStringLiteral("Stalled · 37 % · no progress for 1 min 15 s")), qPrintable(sl.text));
    }

    void node_lines()
    {
        Operation o = op(QStringLiteral("x"), QStringLiteral("piper"), OpKind::Install, OpState::Running);
        NodeProgress dl = nodeRow(QStringLiteral("gpu-a100-1"), NodeRowStatus::Downloading, 42);
        dl.currentBytes = 536870912;
        dl.totalBytes = 1288490189;
        dl.fileName = QStringLiteral("piper.tar.gz");
        NodeLine l = nodeLine(o, dl, kNow, 60'000, true);
        QCOMPARE(l.label, QStringLiteral("Downloading"));
        QCOMPARE(l.bytes, QStringLiteral("512.0 MiB of 1.2 GiB"));
        QVERIFY(l.bar);
        NodeProgress deferred = nodeRow(QStringLiteral("cpu-edge-1"), NodeRowStatus::Queued);
        deferred.phase = QStringLiteral("deferred");
        QCOMPARE(nodeLine(o, deferred, kNow, 60'000, true).label, QStringLiteral("Waiting for node"));
        NodeProgress err = nodeRow(QStringLiteral("gpu-a100-2"), NodeRowStatus::Error);
        err.error = QString(200, QLatin1Char('e'));
        const NodeLine el = nodeLine(o, err, kNow, 60'000, true);
        QCOMPARE(el.label, QStringLiteral("Failed"));
        QCOMPARE(el.error.size(), 120);
        QCOMPARE(el.fullError.size(), 200);
        QVERIFY(el.retry);
        QCOMPARE(nodeLine(o, nodeRow(QStringLiteral("n"), NodeRowStatus::RunningOnWorker), kNow, 60'000, true).label, QStringLiteral("Worker busy"));
        QCOMPARE(nodeLine(o, nodeRow(QStringLiteral("n"), NodeRowStatus::Success, 100), kNow, 60'000, true).label, QStringLiteral("Done"));
        NodeProgress stuck = nodeRow(QStringLiteral("n"), NodeRowStatus::Downloading, 10);
        stuck.updatedAt = kNow - 61'000;
        QCOMPARE(nodeLine(o, stuck, kNow, 60'000, true).label, QStringLiteral("Stalled"));
    }

    void model_diffs_and_tester()
    {
        OpsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Operation a = op(QStringLiteral("a"), QStringLiteral("whisper"), OpKind::Install, OpState::Running);
        a.nodes = {nodeRow(QStringLiteral("gpu-a100-1"), NodeRowStatus::Downloading, 10)};
        Operation b = op(QStringLiteral("b"), QStringLiteral("bark"), OpKind::Install, OpState::Queued);
        b.createdAt = kNow + 1;
        model.setOps({a, b}, kNow, 60'000, true);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowCount(model.index(0, 0)), 1);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        a.nodes.append(nodeRow(QStringLiteral("gpu-a100-2"), NodeRowStatus::Queued));
        a.progress = 20;
        model.setOps({a, b}, kNow, 60'000, true);
        QCOMPARE(model.rowCount(model.index(0, 0)), 2);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(removed.size(), 0);
        model.setOps({b}, kNow, 60'000, true); // a succeeded and was evicted
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data(OpsModel::OpIdRole).toString(), QStringLiteral("b"));
        model.setCancelBusy(QStringLiteral("b"), true);
        QVERIFY(model.index(0, 0).data(OpsModel::CancelBusyRole).toBool());
        model.setInlineError(QStringLiteral("b"), QStringLiteral("operation b already finished (success)"));
        QCOMPARE(model.index(0, 0).data(OpsModel::InlineErrorRole).toString(), QStringLiteral("operation b already finished (success)"));
        QVERIFY(!model.index(0, 0).data(Qt::AccessibleTextRole).toString().isEmpty());
    }

    // The bar's model follows any new list: runs of new ops (5,000 on a first load go in as one
    // insertion), runs of ended ops, and a re-seed's new order.
    void model_follows_any_list_in_runs()
    {
        OpsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto list = [](const QList<int> &numbers) {
            QList<Operation> out;
            for (int n : numbers) {
                Operation o = op(QStringLiteral("op-%1").arg(n), QStringLiteral("backend-%1").arg(n), OpKind::Install, OpState::Running);
                o.createdAt = kNow + n;
                out << o;
            }
            return out;
        };
        auto shown = [&model] {
            QList<int> out;
            for (int i = 0; i < model.rowCount(); ++i)
                out << model.index(i, 0).data(OpsModel::OpIdRole).toString().mid(3).toInt();
            return out;
        };
        auto range = [](int from, int to) {
            QList<int> out;
            for (int n = from; n < to; ++n)
                out << n;
            return out;
        };
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setOps(list(range(0, 5000)), kNow, 60'000, true);
        QCOMPARE(shown(), range(0, 5000));
        QCOMPARE(inserted.size(), 1);
        // Ops 100–199 and 4000 ended; 6000–6006 are new in the middle, 5000–5009 at the end.
        const QList<int> next = range(0, 100) + range(6000, 6007) + range(200, 4000) + range(4001, 5010);
        inserted.clear();
        model.setOps(list(next), kNow, 60'000, true);
        QCOMPARE(shown(), next);
        QCOMPARE(removed.size(), 2);  // 4000, then 100–199 at once
        QCOMPARE(inserted.size(), 2); // 6000–6006 and 5000–5009
        // A re-seed's order: the last op first.
        QList<Operation> reordered = list(next);
        reordered.prepend(reordered.takeLast());
        model.setOps(reordered, kNow, 60'000, true);
        QCOMPARE(shown().first(), next.last());
        QCOMPARE(shown().mid(1), next.mid(0, next.size() - 1));
    }

    // A line changes with the clock alone only through "stalled" (docs/gui.md#stalled): the bar
    // shows a stall when its time comes, and its age as it grows, with nothing else changing.
    void a_running_line_stalls_with_the_clock_alone()
    {
        OpsModel model;
        Operation a = op(QStringLiteral("a"), QStringLiteral("whisper"), OpKind::Install, OpState::Running);
        a.progress = 40;
        Operation q = op(QStringLiteral("q"), QStringLiteral("bark"), OpKind::Install, OpState::Queued);
        q.createdAt = kNow + 1;
        auto text = [&model](int row) { return model.index(row, 0).data(OpsModel::OpLineRole).value<OpLine>().text; };
        model.setOps({a, q}, kNow, 60'000, true);
        const QString queued = text(1);
        model.setOps({a, q}, kNow + 59'500, 60'000, true);
        QVERIFY2(!text(0).contains(QStringLiteral("Stalled")), qPrintable(text(0)));
        model.setOps({a, q}, kNow + 60'000, 60'000, true);
        QVERIFY2(text(0).contains(QStringLiteral("Stalled · 40 % · no progress for 1 min")), qPrintable(text(0)));
        model.setOps({a, q}, kNow + 75'000, 60'000, true);
        QVERIFY2(text(0).contains(QStringLiteral("no progress for 1 min 15 s")), qPrintable(text(0)));
        QCOMPARE(text(1), queued);
        model.setOps({a, q}, kNow + 75'000, 60'000, false); // not live: no stall is shown
        QVERIFY2(!text(0).contains(QStringLiteral("Stalled")), qPrintable(text(0)));
    }

    void clicking_painted_buttons()
    {
        OpsModel model;
        Operation f = op(QStringLiteral("f"), QStringLiteral("piper"), OpKind::Install, OpState::Failed);
        f.error = QStringLiteral("boom");
        model.setOps({f}, kNow, 60'000, true);
        QTreeView view;
        OpsDelegate delegate;
        view.setModel(&model);
        view.setItemDelegate(&delegate);
        view.setHeaderHidden(true);
        view.resize(1000, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy clicks(&delegate, &OpsDelegate::buttonClicked);
        QStyleOptionViewItem option;
        option.initFrom(&view);
        option.rect = view.visualRect(model.index(0, 0));
        option.fontMetrics = view.fontMetrics();
        const auto rects = OpsDelegate::buttonRects(option, model.index(0, 0));
        QCOMPARE(rects.size(), 2);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, rects.at(1).second.center());
        QCOMPARE(clicks.size(), 1);
        QCOMPARE(int(clicks.first().at(1).value<OpButton>()), int(OpButton::Dismiss));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, rects.at(0).second.center());
        QCOMPARE(int(clicks.last().at(1).value<OpButton>()), int(OpButton::Retry));
    }
};

QTEST_MAIN(TstOpsBar)
#include "tst_ops_bar.moc"
