// The worker's debounced progress publisher (SPEC §6.6, A11 publisher side).
#include "core/clock.h"
#include "worker/progress_publisher.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <future>
#include <thread>

using namespace fleetdeck;

namespace {

struct Publication {
    qint64 atMs;
    QJsonObject payload;
};

class Harness {
public:
    Harness() : clock(kT0)
    {
        publisher = std::make_unique<ProgressPublisher>(
            &clock, &ctx, ProgressPublisher::Ids{QStringLiteral("op-x"), QStringLiteral("node-1"), QStringLiteral("piper")},
            [this](const QByteArray &b) {
                pubs.append({clock.nowMs() - kT0, QJsonDocument::fromJson(b).object()});
                if (onPublish)
                    onPublish();
            });
    }
    void at(qint64 ms)
    {
        clock.setMs(kT0 + ms);
        QCoreApplication::processEvents();
    }
    void tick(double pct, const char *phase = "downloading")
    {
        publisher->tick(ProgressTick{QString::fromLatin1(phase), pct, qint64(pct * 1000), 100000, QStringLiteral("piper.tar.gz")});
    }

    static constexpr qint64 kT0 = 1767225600000;
    ManualClock clock;
    QObject ctx;
    QList<Publication> pubs;
    std::function<void()> onPublish;
    std::unique_ptr<ProgressPublisher> publisher;
};

} // namespace

class TestWorkerProgressPublisher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void spec_example_leading_edge_and_trailing_timer()
    {
        Harness h;
        h.at(0);
        h.tick(0);
        h.at(50);
        h.tick(5);
        h.at(100);
        h.tick(10);
        h.at(249);
        QCOMPARE(h.pubs.size(), 1);
        h.at(250);
        h.at(300);
        h.tick(30);
        h.at(320);
        h.tick(32);
        h.at(499);
        QCOMPARE(h.pubs.size(), 2);
        h.at(500);
        QCOMPARE(h.pubs.size(), 3);
        QCOMPARE(h.pubs[0].atMs, 0);
        QCOMPARE(h.pubs[0].payload.value(QStringLiteral("percentage")).toDouble(), 0.0);
        QCOMPARE(h.pubs[1].atMs, 250);
        QCOMPARE(h.pubs[1].payload.value(QStringLiteral("percentage")).toDouble(), 10.0);
        QCOMPARE(h.pubs[2].atMs, 500);
        QCOMPARE(h.pubs[2].payload.value(QStringLiteral("percentage")).toDouble(), 32.0);
        QCOMPARE(h.clock.pendingTimers(), 0);
    }

    void payload_carries_the_spec_fields()
    {
        Harness h;
        h.tick(37.5);
        QCOMPARE(h.pubs.size(), 1);
        const QJsonObject p = h.pubs[0].payload;
        QCOMPARE(p.value(QStringLiteral("op_id")).toString(), QStringLiteral("op-x"));
        QCOMPARE(p.value(QStringLiteral("node_id")).toString(), QStringLiteral("node-1"));
        QCOMPARE(p.value(QStringLiteral("backend")).toString(), QStringLiteral("piper"));
        QCOMPARE(p.value(QStringLiteral("file_name")).toString(), QStringLiteral("piper.tar.gz"));
        QCOMPARE(p.value(QStringLiteral("percentage")).toDouble(), 37.5);
        QCOMPARE(p.value(QStringLiteral("phase")).toString(), QStringLiteral("downloading"));
        QCOMPARE(p.value(QStringLiteral("current_bytes")).toInteger(), 37500);
        QCOMPARE(p.value(QStringLiteral("total_bytes")).toInteger(), 100000);
        QCOMPARE(p.size(), 8);
    }

    // A11: ticks every 10 ms for 1 s, then verification fails: ≤ 6 publications, the last one
    // carrying the final percentage, published by flush() before the reply.
    void a11_ticks_every_10ms_then_failure_flushes_final()
    {
        Harness h;
        for (int ms = 0; ms < 1000; ms += 10) {
            h.at(ms);
            h.tick(90.0 * ms / 1000.0);
        }
        h.at(1000);
        h.tick(90, "verifying"); // then the sha256 comparison fails
        h.publisher->flush();
        QVERIFY2(h.pubs.size() <= 6, qPrintable(QString::number(h.pubs.size())));
        QCOMPARE(h.pubs.last().payload.value(QStringLiteral("phase")).toString(), QStringLiteral("verifying"));
        QCOMPARE(h.pubs.last().payload.value(QStringLiteral("percentage")).toDouble(), 90.0);
        for (qsizetype i = 1; i < h.pubs.size(); ++i)
            QVERIFY(h.pubs[i].payload.value(QStringLiteral("percentage")).toDouble()
                    >= h.pubs[i - 1].payload.value(QStringLiteral("percentage")).toDouble());
        QCOMPARE(h.clock.pendingTimers(), 0);
    }

    void without_op_id_no_publisher_exists()
    {
        ManualClock clock;
        QObject ctx;
        int published = 0;
        auto p = ProgressPublisher::forOp(&clock, &ctx, {QString(), QStringLiteral("n"), QStringLiteral("b")},
                                          [&](const QByteArray &) { ++published; });
        QVERIFY(!p);
        auto q = ProgressPublisher::forOp(&clock, &ctx, {QStringLiteral("op"), QStringLiteral("n"), QStringLiteral("b")},
                                          [&](const QByteArray &) { ++published; });
        QVERIFY(q);
    }

    void flush_publishes_pending_at_once_and_stops_timer()
    {
        Harness h;
        h.tick(1);
        h.at(10);
        h.tick(2);
        QCOMPARE(h.clock.pendingTimers(), 1);
        h.publisher->flush();
        QCOMPARE(h.pubs.size(), 2);
        QCOMPARE(h.pubs[1].atMs, 10);
        QCOMPARE(h.clock.pendingTimers(), 0);
        h.publisher->flush(); // nothing pending: nothing published
        h.at(1000);
        QCOMPARE(h.pubs.size(), 2);
    }

    void leading_edge_supersedes_a_pending_tick()
    {
        Harness h;
        h.tick(1);
        h.at(100);
        h.tick(2);
        // The clock jumps past the window before the trailing timer ran: the new tick goes out at
        // once and the older pending one never does.
        h.clock.setMs(Harness::kT0 + 400); // the old timer's callback is posted, not yet run
        h.tick(3);
        h.clock.setMs(Harness::kT0 + 410);
        h.tick(4); // inside the new window: arms a new trailing timer
        QCoreApplication::processEvents(); // the stale callback runs and must not publish tick 4
        QCOMPARE(h.pubs.size(), 2);
        QCOMPARE(h.pubs[1].payload.value(QStringLiteral("percentage")).toDouble(), 3.0);
        h.at(649);
        QCOMPARE(h.pubs.size(), 2);
        h.at(650);
        QCOMPARE(h.pubs.size(), 3);
        QCOMPARE(h.pubs[2].payload.value(QStringLiteral("percentage")).toDouble(), 4.0);
    }

    void timer_after_destruction_is_harmless()
    {
        auto h = std::make_unique<Harness>();
        h->tick(1);
        h->at(10);
        h->tick(2);
        ManualClock *clock = &h->clock;
        Q_UNUSED(clock);
        h->publisher.reset();
        h->at(300);
        QCOMPARE(h->pubs.size(), 1);
    }

    // Nothing is published while the state lock is held: a tick from another thread while the
    // sink runs completes.
    void sink_runs_without_the_state_lock()
    {
        Harness h;
        bool otherThreadDone = false;
        h.onPublish = [&]() {
            if (h.pubs.size() != 1)
                return;
            auto f = std::async(std::launch::async, [&]() { h.tick(5); });
            otherThreadDone = f.wait_for(std::chrono::seconds(5)) == std::future_status::ready;
        };
        h.tick(1);
        QVERIFY(otherThreadDone);
        h.publisher->flush();
        QCOMPARE(h.pubs.size(), 2);
    }

    void ticks_from_a_job_thread_arrive_in_order()
    {
        QObject ctx;
        QList<double> seen;
        QMutex m;
        ProgressPublisher p(SystemClock::instance(), &ctx, {QStringLiteral("op"), QStringLiteral("n"), QStringLiteral("b")},
                            [&](const QByteArray &b) {
                                QMutexLocker l(&m);
                                seen.append(QJsonDocument::fromJson(b).object().value(QStringLiteral("percentage")).toDouble());
                            },
                            20);
        std::atomic<bool> done{false};
        std::thread job([&]() {
            for (int i = 0; i <= 3000; ++i) {
                p.tick(ProgressTick{QStringLiteral("downloading"), i / 100.0, i, 3000, {}});
                if (i % 100 == 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
            p.flush();
            done = true;
        });
        while (!done)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        job.join();
        QCoreApplication::processEvents();
        QMutexLocker l(&m);
        QVERIFY(seen.size() >= 2);
        QCOMPARE(seen.last(), 30.0);
        for (qsizetype i = 1; i < seen.size(); ++i)
            QVERIFY(seen[i] > seen[i - 1]);
    }
};

QTEST_GUILESS_MAIN(TestWorkerProgressPublisher)
#include "tst_worker_progress_publisher.moc"
