// A49 — SQLite writers: a replica writing progress and node rows and a second process looping
// over ctl's admission and cancel code share one SQLite file and never see "database is locked".
#include "ops_fixture.h"

#include <QProcess>

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstSqliteWriters : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void a49_sqlite_writers()
    {
        QString error;
        auto db = TestDatabase::create(Backend::Sqlite, &error);
        QVERIFY2(db, qPrintable(error));
        ManualClock clock;
        LocalBus bus(&clock);
        TestReplica r1(db->config(), &bus, &clock, QStringLiteral("headless"));
        QVERIFY(r1.start());
        r1.runner().setHold(QStringLiteral("vllm"), true);
        const auto a = r1.admit(OpKind::Install, QStringLiteral("vllm"));
        QVERIFY(a);
        QVERIFY(waitUntil([&] { auto m = r1.memoryOp(a->opId); return m && m->state == OpState::Running; }));
        const QString opId = a->opId;
        r1.store().callSync([opId](Store &s) {
            return s.insertNodeRows({NodeProgress{opId, QStringLiteral("n1"), QStringLiteral("gpu-a100-1")}});
        });

        QProcess ctl;
        ctl.setProgram(QStringLiteral(FLEETDECK_TEST_CTL_WRITER));
        ctl.setArguments({db->config().path, QStringLiteral("500")});
        ctl.start();
        QVERIFY(ctl.waitForStarted());

        QStringList errors;
        for (int i = 0; i < 1000; ++i) {
            clock.advanceMs(1100);
            const int pct = (i / 10) % 100;
            const bool ok = r1.store().callSync([&, pct, i](Store &s) -> bool {
                if (i % 2 == 0) {
                    NodeProgress row{opId, QStringLiteral("n1"), QStringLiteral("gpu-a100-1"), NodeRowStatus::Downloading, pct};
                    row.updatedAt = clock.nowMs();
                    auto r = s.updateNodeRow(row);
                    if (!r)
                        errors.append(r.error());
                    return bool(r);
                }
                auto r = s.updateProgress(OpProgressWrite{opId, std::nullopt, true, pct, QStringLiteral("processing")});
                if (!r)
                    errors.append(r.error());
                return bool(r);
            });
            if (!ok && errors.size() > 5)
                break;
        }
        QVERIFY(ctl.waitForFinished(120000));
        const QString ctlErr = QString::fromUtf8(ctl.readAllStandardError());
        QVERIFY2(ctl.exitCode() == 0, qPrintable(ctlErr));
        QVERIFY2(!ctlErr.contains(QLatin1String("locked")), qPrintable(ctlErr));
        QCOMPARE(QString::fromUtf8(ctl.readAllStandardOutput()).trimmed(), QStringLiteral("ok 500"));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        const auto history = r1.store().callSync([](Store &s) { return s.listHistory(1000); });
        QCOMPARE(history->size(), 200); // 500 cancellations recorded, bounded to the newest 200
    }
};

QTEST_GUILESS_MAIN(TstSqliteWriters)
#include "tst_sqlite_writers.moc"
