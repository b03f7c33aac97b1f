// HistoryModel (SPEC §11.7, §3.9, §3.10, A22), the Activity filters and the Activity page's empty state.
#include "bridge/engine_host.h"
#include "models/history_model.h"
#include "models/tree_filter_proxy.h"
#include "table_fit.h"
#include "views/activity_page.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace fleetdeck;
using namespace fleetdeck::ui;

namespace {
constexpr qint64 kNow = 1'767'225'800'000;

QJsonObject nodeResult(const QString &name, const QString &status, const QString &error = {})
{
    QJsonObject o{{QStringLiteral("node_id"), QString(QStringLiteral("id-") + name)},
                  {QStringLiteral("node_name"), name},
                  {QStringLiteral("status"), status}};
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

HistoryEntry entry(qint64 id, const QString &outcome, const QString &backend, qint64 finishedAgoMs)
{
    HistoryEntry e;
    e.id = id;
    e.opId = QStringLiteral("op-%1").arg(id);
    e.kind = QStringLiteral("upgrade");
    e.backend = backend;
    e.outcome = outcome;
    e.requestedBy = QStringLiteral("gui:alice@ws-3");
    e.startedAt = kNow - finishedAgoMs - 131'000;
    e.finishedAt = kNow - finishedAgoMs;
    if (outcome == QLatin1String("failed")) {
        e.error = QStringLiteral("jetson-orin: upgrade failed: sha256 mismatch for %1: expected 4be1…, got 9c07…").arg(backend);
        e.nodes = QJsonArray{nodeResult(QStringLiteral("gpu-a100-1"), QStringLiteral("success")),
                             nodeResult(QStringLiteral("gpu-a100-2"), QStringLiteral("success")),
                             nodeResult(QStringLiteral("jetson-orin"), QStringLiteral("error"), *e.error)};
    } else {
        e.nodes = QJsonArray{nodeResult(QStringLiteral("gpu-a100-1"), outcome == QLatin1String("success")
                                                                           ? QStringLiteral("success")
                                                                           : QStringLiteral("cancelled"))};
    }
    return e;
}

HistoryEntry deadLetter(qint64 id)
{
    HistoryEntry e;
    e.id = id;
    e.entryKind = QStringLiteral("dead_letter");
    e.kind = QStringLiteral("install");
    e.backend = QStringLiteral("piper");
    e.nodeId = QStringLiteral("id-jetson-orin");
    e.nodeName = QStringLiteral("jetson-orin");
    e.outcome = QStringLiteral("dead_letter");
    e.error = QStringLiteral("sha256 mismatch");
    e.attempts = 5;
    e.params = QJsonObject{{QStringLiteral("force"), true}};
    e.requestedBy = QStringLiteral("reconciler");
    e.finishedAt = kNow - 1000;
    return e;
}

QModelIndex rowOf(const QAbstractItemModel &m, qint64 id)
{
    for (int r = 0; r < m.rowCount(); ++r)
        if (m.index(r, 0).data(HistoryModel::HistoryIdRole).toLongLong() == id)
            return m.index(r, 0);
    return {};
}
} // namespace

class TstHistoryModel final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void testerThroughUpdates()
    {
        HistoryModel model;
        TreeFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(HistoryModel::TimeColumn, Qt::DescendingOrder);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QList<HistoryEntry> h{entry(3, QStringLiteral("failed"), QStringLiteral("llama-cpp-cuda12"), 60'000),
                              entry(2, QStringLiteral("success"), QStringLiteral("whisper"), 120'000),
                              entry(1, QStringLiteral("cancelled"), QStringLiteral("piper"), 180'000)};
        model.setHistory(h, kNow);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowCount(rowOf(model, 3)), 3);
        // Newest first through the proxy.
        QCOMPARE(proxy.index(0, 0).data(HistoryModel::HistoryIdRole).toLongLong(), 3);
        QCOMPARE(proxy.index(2, 0).data(HistoryModel::HistoryIdRole).toLongLong(), 1);

        // A new entry arrives and the oldest is pruned (bounded History): insert + remove, no reset.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        h.prepend(deadLetter(4));
        h.removeLast();
        model.setHistory(h, kNow + 1000);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!rowOf(model, 1).isValid());
        QCOMPARE(proxy.index(0, 0).data(HistoryModel::HistoryIdRole).toLongLong(), 4);
        model.setNow(kNow + 60'000);
        proxy.setRoleFilter(HistoryModel::OutcomeRole, QStringLiteral("failed"), TreeFilterProxy::Match::Exact);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setRoleFilter(HistoryModel::OutcomeRole, {}, TreeFilterProxy::Match::Exact);
        model.setHistory({}, kNow + 61'000);
        QCOMPARE(model.rowCount(), 0);
    }

    void columnsOfAnEntry()
    {
        HistoryModel model;
        model.setHistory({entry(812, QStringLiteral("failed"), QStringLiteral("llama-cpp-cuda12"), 12'000)}, kNow);
        const QModelIndex r = rowOf(model, 812);
        auto cell = [&](int column, int role = Qt::DisplayRole) { return model.index(r.row(), column).data(role).toString(); };
        QCOMPARE(cell(HistoryModel::OutcomeColumn), QStringLiteral("Failed"));
        QCOMPARE(cell(HistoryModel::OutcomeColumn, TableRole::Shape), QStringLiteral("✖"));
        QCOMPARE(model.index(r.row(), HistoryModel::OutcomeColumn).data(TableRole::Tone).toInt(), int(Tone::Error));
        QCOMPARE(cell(HistoryModel::TimeColumn), QStringLiteral("12 s ago"));
        QVERIFY(!cell(HistoryModel::TimeColumn, Qt::ToolTipRole).isEmpty());
        QCOMPARE(cell(HistoryModel::KindColumn), QStringLiteral("Upgrade"));
        QCOMPARE(cell(HistoryModel::BackendColumn), QStringLiteral("llama-cpp-cuda12"));
        QCOMPARE(cell(HistoryModel::DurationColumn), QStringLiteral("2 min 11 s"));
        QCOMPARE(cell(HistoryModel::RequestedByColumn), QStringLiteral("gui:alice@ws-3"));
        QCOMPARE(cell(HistoryModel::NodesColumn), QStringLiteral("2 ok, 1 failed"));
        QVERIFY(cell(HistoryModel::ErrorColumn, Qt::ToolTipRole).startsWith(QStringLiteral("jetson-orin: upgrade failed")));
        QVERIFY(cell(HistoryModel::OutcomeColumn, Qt::AccessibleTextRole).contains(QStringLiteral("Failed")));
        // Per-node results as child rows.
        const QModelIndex child = model.index(2, HistoryModel::OutcomeColumn, r);
        QCOMPARE(child.data().toString(), QStringLiteral("Failed"));
        QCOMPARE(model.index(2, HistoryModel::TimeColumn, r).data().toString(), QStringLiteral("jetson-orin"));
        QVERIFY(child.data(Qt::AccessibleTextRole).toString().startsWith(QStringLiteral("llama-cpp-cuda12 on jetson-orin: Failed")));
        QCOMPARE(model.index(0, 0, r).data().toString(), QStringLiteral("Done"));
    }

    void retryAvailabilityPerOutcome_data()
    {
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<bool>("retryable");
        QTest::addColumn<bool>("byHistory");
        QTest::newRow("success") << QStringLiteral("success") << false << false;
        QTest::newRow("failed") << QStringLiteral("failed") << true << false;
        QTest::newRow("cancelled") << QStringLiteral("cancelled") << true << false;
        QTest::newRow("dead_letter") << QStringLiteral("dead_letter") << true << true;
    }
    void retryAvailabilityPerOutcome()
    {
        QFETCH(QString, outcome);
        QFETCH(bool, retryable);
        QFETCH(bool, byHistory);
        HistoryModel model;
        const HistoryEntry e = outcome == QLatin1String("dead_letter") ? deadLetter(7) : entry(7, outcome, QStringLiteral("piper"), 1000);
        model.setHistory({e}, kNow);
        QCOMPARE(model.index(0, 0).data(HistoryModel::RetryableRole).toBool(), retryable);
        QCOMPARE(model.index(0, 0).data(HistoryModel::RetryByHistoryRole).toBool(), byHistory);
        QCOMPARE(HistoryModel::isRetryable(e), retryable);
        // The Retry button of the row follows the same rule and the writes state.
        const QVariantList actions = model.index(0, HistoryModel::ActionsColumn).data(TableRole::Actions).toList();
        QCOMPARE(actions.size(), retryable ? 1 : 0);
        if (retryable) {
            QCOMPARE(actions.at(0).toMap().value(QStringLiteral("text")).toString(), QStringLiteral("Retry"));
            model.setActionsEnabled(false, QStringLiteral("store unreachable"));
            const QVariantMap a = model.index(0, HistoryModel::ActionsColumn).data(TableRole::Actions).toList().at(0).toMap();
            QCOMPARE(a.value(QStringLiteral("enabled")).toBool(), false);
            QCOMPARE(a.value(QStringLiteral("toolTip")).toString(), QStringLiteral("store unreachable"));
        }
    }

    void deadLetterShowsNodeAttemptsAndError()
    {
        HistoryModel model;
        model.setHistory({deadLetter(9)}, kNow);
        const QModelIndex r = model.index(0, 0);
        QCOMPARE(model.index(0, HistoryModel::OutcomeColumn).data().toString(), QStringLiteral("Dead letter"));
        QCOMPARE(model.index(0, HistoryModel::KindColumn).data().toString(), QStringLiteral("Reinstall"));
        QCOMPARE(model.index(0, HistoryModel::BackendColumn).data().toString(), QStringLiteral("piper"));
        QCOMPARE(model.index(0, HistoryModel::NodesColumn).data().toString(), QStringLiteral("jetson-orin · 5 attempts"));
        QCOMPARE(model.index(0, HistoryModel::ErrorColumn).data().toString(), QStringLiteral("sha256 mismatch"));
        QCOMPARE(model.rowCount(r), 1);
        QCOMPARE(model.index(0, HistoryModel::TimeColumn, r).data().toString(), QStringLiteral("jetson-orin"));
    }

    void filtersByOutcomeAndBackend()
    {
        HistoryModel model;
        TreeFilterProxy proxy;
        proxy.setSourceModel(&model);
        model.setHistory({entry(1, QStringLiteral("failed"), QStringLiteral("llama-cpp-cuda12"), 1000),
                          entry(2, QStringLiteral("success"), QStringLiteral("llama-cpp-cpu"), 2000),
                          entry(3, QStringLiteral("failed"), QStringLiteral("whisper"), 3000), deadLetter(4)},
                         kNow);
        QCOMPARE(proxy.rowCount(), 4);
        proxy.setRoleFilter(HistoryModel::OutcomeRole, QStringLiteral("failed"), TreeFilterProxy::Match::Exact);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setRoleFilter(HistoryModel::BackendRole, QStringLiteral("LLAMA"), TreeFilterProxy::Match::Contains);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(HistoryModel::HistoryIdRole).toLongLong(), 1);
        // Children of an accepted entry stay visible.
        QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 3);
        proxy.setRoleFilter(HistoryModel::OutcomeRole, QString(), TreeFilterProxy::Match::Exact);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setRoleFilter(HistoryModel::BackendRole, QString(), TreeFilterProxy::Match::Contains);
        proxy.setSearchText(QStringLiteral("dead letter"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(HistoryModel::HistoryIdRole).toLongLong(), 4);
    }

    void pageShowsEmptyStateAndFilters()
    {
        EngineHost host(EngineStarter{});
        ActivityPage page(&host);
        page.resize(900, 600);
        page.show();
        QVERIFY(page.isShowingEmptyState());
        bool found = false;
        for (const QLabel *l : page.findChildren<QLabel *>())
            found = found || (l->isVisibleTo(&page) && l->text() == QStringLiteral("Nothing happened yet"));
        QVERIFY(found);
        QCOMPARE(page.badgeText(), QString());
        page.model()->setHistory({entry(1, QStringLiteral("failed"), QStringLiteral("whisper"), 1000),
                                  entry(2, QStringLiteral("success"), QStringLiteral("piper"), 1000)},
                                 kNow);
        page.setOutcomeFilter(QStringLiteral("success"));
        QCOMPARE(page.tableView()->model()->rowCount(), 1);
        page.setOutcomeFilter(QString());
        page.setBackendFilter(QStringLiteral("whis"));
        QCOMPARE(page.tableView()->model()->rowCount(), 1);
    }

    void pageFitsA1120PixelWindow_data() { test::addLanguageRows(); }
    void pageFitsA1120PixelWindow()
    {
        // The page's share of a 1,120 px window (the rail takes the rest), in each language: all nine
        // columns show without a horizontal scroll bar; outcome, time, kind, duration and the Retry
        // button ("Wiederholen") whole; backend, requester, nodes and error elide, tooltips in full.
        QFETCH(QString, lang);
        const test::ScopedLanguage language(lang);
        QVERIFY2(language.loaded(), qPrintable(lang));
        EngineHost host(EngineStarter{});
        ActivityPage page(&host);
        QTreeView *view = page.tableView();
        test::showAtPageWidth(page, view);
        QList<HistoryEntry> entries;
        qint64 id = 1;
        for (const char *outcome : {"failed", "success", "cancelled"})
            for (const char *kind : {"install", "upgrade", "delete"}) {
                HistoryEntry e = entry(id, QLatin1String(outcome), QStringLiteral("llama-cpp-cuda12"), id * 23 * 60'000);
                e.kind = QLatin1String(kind);
                e.startedAt = e.finishedAt - id * 7 * 60'000 - 59'000;
                entries << e;
                ++id;
            }
        entries.first().params.insert(QStringLiteral("force"), true); // a reinstall
        entries << deadLetter(id);
        page.model()->setHistory(entries, kNow);
        test::verifyColumnsFit(view, {HistoryModel::OutcomeColumn, HistoryModel::TimeColumn, HistoryModel::KindColumn,
                                      HistoryModel::DurationColumn, HistoryModel::ActionsColumn});
        for (int c : {HistoryModel::BackendColumn, HistoryModel::RequestedByColumn, HistoryModel::NodesColumn, HistoryModel::ErrorColumn})
            QVERIFY2(view->header()->sectionSize(c) >= view->fontMetrics().height() * 4, qPrintable(QString::number(c)));
    }
};

QTEST_MAIN(TstHistoryModel)
#include "tst_history_model.moc"
