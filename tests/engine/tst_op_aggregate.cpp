// The aggregate of SPEC §4.2 step 6 and the result of §4.3, as pure functions.
#include "ops/op_aggregate.h"

#include <QtTest>

using namespace fleetdeck;

namespace {
NodeProgress row(const char *name, NodeRowStatus st, int pct = 0, const char *phase = "", qint64 cur = 0, qint64 total = 0,
                 const char *file = "")
{
    NodeProgress n;
    n.nodeId = QLatin1String(name) + QStringLiteral("-id");
    n.nodeName = QLatin1String(name);
    n.status = st;
    n.percentage = pct;
    n.phase = QLatin1String(phase);
    n.currentBytes = cur;
    n.totalBytes = total;
    n.fileName = QLatin1String(file);
    return n;
}
} // namespace

class TstOpAggregate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Rows are ordered by name as the stores order them: UTF-8 byte order (nameLess compares the
    // UTF-16 units without converting, shifting surrogates above U+E000–U+FFFF).
    void name_order_is_utf8_byte_order()
    {
        const QStringList names{QString(), QStringLiteral("a"), QStringLiteral("gpu-a100-1"), QStringLiteral("gpu-a100-10"),
                                QStringLiteral("gpu-a100-2"), QStringLiteral("Gpu"), QStringLiteral("n\u00e9ud"),
                                QStringLiteral("\u4e2d\u6587"), QStringLiteral("\ufffd"), QStringLiteral("\ue000x"),
                                QStringLiteral("\U0001F680rocket"), QStringLiteral("\U00010000"), QStringLiteral("\U0010FFFF"),
                                QStringLiteral("z\U0001F600"), QStringLiteral("z\uffff")};
        for (const QString &a : names)
            for (const QString &b : names)
                QVERIFY2(nameLess(a, b) == (a.toUtf8() < b.toUtf8()), qPrintable(a + QStringLiteral(" / ") + b));
    }

    void aggregate_weights_rows()
    {
        // terminal 100, deferred 100, contacted = its percentage, before contact 0.
        const QList<NodeProgress> rows = {row("a", NodeRowStatus::Success, 100), row("b", NodeRowStatus::Queued, 0, "deferred"),
                                          row("c", NodeRowStatus::Downloading, 40, "downloading"), row("d", NodeRowStatus::Queued, 0, "waiting")};
        QCOMPARE(computeAggregate(rows, 0).progress, (100 + 100 + 40 + 0) / 4);
    }

    void aggregate_never_decreases()
    {
        const QList<NodeProgress> rows = {row("a", NodeRowStatus::Downloading, 10, "downloading")};
        QCOMPARE(computeAggregate(rows, 55).progress, 55);
    }

    void bytes_and_file_from_downloading_rows_in_name_order()
    {
        const qint64 gib = 1024LL * 1024 * 1024;
        const QList<NodeProgress> rows = {row("z-node", NodeRowStatus::Downloading, 50, "downloading", gib / 2, gib, "z.tar.zst"),
                                          row("a-node", NodeRowStatus::Downloading, 10, "downloading", gib / 10, gib / 5 * 6, "a.tar.zst"),
                                          row("m-node", NodeRowStatus::Extracting, 95, "extracting", 7, 7, "m.tar.zst")};
        const Aggregate a = computeAggregate(rows, 0);
        QCOMPARE(a.currentBytes, gib / 2 + gib / 10);
        QCOMPARE(a.totalBytes, gib + gib / 5 * 6);
        QCOMPARE(a.fileName, QStringLiteral("a.tar.zst"));
        QCOMPARE(a.message, QStringLiteral("processing file: a.tar.zst. Total: 2.2 GiB. Current: 614.4 MiB"));
    }

    void human_sizes()
    {
        QCOMPARE(humanSize(512), QStringLiteral("512 B"));
        QCOMPARE(humanSize(1288490189), QStringLiteral("1.2 GiB"));
        QCOMPARE(humanSize(536870912), QStringLiteral("512.0 MiB"));
    }

    void outcome_errors_joined_in_name_order()
    {
        Operation op;
        op.kind = OpKind::Upgrade;
        op.backend = QStringLiteral("piper");
        NodeProgress b = row("jetson-orin", NodeRowStatus::Error);
        b.error = QStringLiteral("upgrade failed: sha256 mismatch");
        NodeProgress a = row("gpu-a100-2", NodeRowStatus::Error);
        a.error = QStringLiteral("no responders from node gpu-a100-2");
        op.nodes = {b, row("gpu-a100-1", NodeRowStatus::Success, 100), a, row("x", NodeRowStatus::RunningOnWorker)};
        const Outcome o = computeOutcome(op, {});
        QCOMPARE(toString(o.state), toString(OpState::Failed));
        QCOMPARE(o.error, QStringLiteral("gpu-a100-2: no responders from node gpu-a100-2; jetson-orin: upgrade failed: sha256 mismatch"));
        QCOMPARE(o.message, QStringLiteral("error: ") + o.error);
    }

    void outcome_running_on_worker_is_soft()
    {
        Operation op;
        op.kind = OpKind::Install;
        op.backend = QStringLiteral("whisper");
        op.nodes = {row("jetson-orin", NodeRowStatus::RunningOnWorker), row("gpu-a100-1", NodeRowStatus::Success, 100)};
        const Outcome o = computeOutcome(op, {});
        QCOMPARE(toString(o.state), toString(OpState::RunningOnWorker));
        QCOMPARE(o.message, QStringLiteral("backend whisper: worker still installing in background; reconciler will confirm completion (jetson-orin)"));
    }

    void outcome_nothing_accepted_is_a_failure()
    {
        Operation op;
        op.kind = OpKind::Install;
        op.backend = QStringLiteral("whisper");
        op.nodes = {row("mac-mini-m4", NodeRowStatus::Queued, 0, "deferred"), row("cpu-edge-1", NodeRowStatus::Queued, 0, "deferred")};
        const Outcome o = computeOutcome(op, [](const NodeProgress &n) {
            return n.nodeName == QLatin1String("cpu-edge-1") ? QStringLiteral("offline") : QStringLiteral("draining");
        });
        QCOMPARE(toString(o.state), toString(OpState::Failed));
        QCOMPARE(o.error, QStringLiteral("no target node accepted the operation: cpu-edge-1 (offline), mac-mini-m4 (draining)"));
    }

    void outcome_success()
    {
        Operation op;
        op.nodes = {row("a", NodeRowStatus::Success, 100), row("b", NodeRowStatus::Cancelled)};
        const Outcome o = computeOutcome(op, {});
        QCOMPARE(toString(o.state), toString(OpState::Success));
        QCOMPARE(o.message, QStringLiteral("completed"));
    }
};

QTEST_GUILESS_MAIN(TstOpAggregate)
#include "tst_op_aggregate.moc"
