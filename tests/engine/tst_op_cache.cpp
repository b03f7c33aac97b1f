// OpCache membership and eviction (SPEC §3.5): A1, A2, A4, A5, A7 and the §3.5 rules.
// fleetdeck-test-labels: concurrency
#include "bus/local_bus.h"
#include "core/clock.h"
#include "ops/op_cache.h"
#include "ops/status_map.h"
#include "status_map_test_access.h"
#include "test_util.h"

#include <QtTest>
#include <thread>

using namespace fleetdeck;

class TstOpCache : public QObject {
    Q_OBJECT

    ManualClock m_clock;
    std::unique_ptr<LocalBus> m_bus;
    std::unique_ptr<StatusMap> m_map;
    std::unique_ptr<OpCache> m_cache;
    QStringList m_ends;

    Operation status(const QString &id, OpState state, int progress, const QString &message)
    {
        Operation op;
        op.id = id;
        op.state = state;
        op.progress = progress;
        op.message = message;
        if (isTerminal(state))
            op.finishedAt = m_clock.nowMs();
        return op;
    }
    // Lets the queued bus deliveries of this thread run.
    void settle() { QCoreApplication::processEvents(); QCoreApplication::processEvents(); }

private Q_SLOTS:
    void init()
    {
        m_bus = std::make_unique<LocalBus>(&m_clock);
        m_map = std::make_unique<StatusMap>();
        m_cache = std::make_unique<OpCache>(m_map.get(), m_bus.get(), &m_clock);
        m_ends.clear();
        m_bus->subscribe(QStringLiteral("gallery.opcache.end"), this,
                         [this](const BusMessage &m) { m_ends.append(QString::fromUtf8(m.data)); });
    }

    void a01_clean_success_evicted_by_list_read()
    {
        m_cache->add(QStringLiteral("llama-cpp-cuda12"), QStringLiteral("op-1"));
        StatusMapTestAccess::put(*m_map, status(QStringLiteral("op-1"), OpState::Success, 100, QStringLiteral("completed")));
        const auto entries = m_cache->list();
        QVERIFY(entries.isEmpty());
        QCOMPARE(m_cache->opForKey(QStringLiteral("llama-cpp-cuda12")), std::nullopt);
        settle();
        QCOMPARE(m_ends, QStringList{QStringLiteral(R"({"job_id":"op-1"})")});
        m_cache->list();
        settle();
        QCOMPARE(m_ends.size(), 1); // a second read publishes nothing
    }

    void a02_in_progress_op_kept()
    {
        m_cache->add(QStringLiteral("llama-cpp-cuda12"), QStringLiteral("op-1"));
        StatusMapTestAccess::put(*m_map, status(QStringLiteral("op-1"), OpState::Running, 0, QStringLiteral("processing backend: llama-cpp-cuda12")));
        const auto entries = m_cache->list();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].cacheKey, QStringLiteral("llama-cpp-cuda12"));
        QCOMPARE(entries[0].opId, QStringLiteral("op-1"));
        QCOMPARE(toString(entries[0].state), toString(OpState::Running));
        settle();
        QVERIFY(m_ends.isEmpty());
    }

    void a03_failed_kept_until_retention()
    {
        m_cache->add(QStringLiteral("piper"), QStringLiteral("op-2"));
        Operation failed = status(QStringLiteral("op-2"), OpState::Failed, 0, QStringLiteral("error: boom"));
        failed.error = QStringLiteral("boom");
        StatusMapTestAccess::put(*m_map, failed);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_cache->list().size(), 1);
        // Expired after ops/retention_s.
        m_cache->setRetentionMs(60'000);
        m_clock.advanceMs(60'000);
        QVERIFY(m_cache->list().isEmpty());
        settle();
        QCOMPARE(m_ends.size(), 1);
    }

    void a04_soft_path_kept()
    {
        m_cache->add(QStringLiteral("vllm-development"), QStringLiteral("op-soft"));
        StatusMapTestAccess::put(*m_map, status(QStringLiteral("op-soft"), OpState::RunningOnWorker, 0,
                          QStringLiteral("backend vllm-development: worker still installing in background; reconciler will "
                                         "confirm completion (jetson-orin)")));
        for (int i = 0; i < 3; ++i) {
            const auto entries = m_cache->list();
            QCOMPARE(entries.size(), 1);
            QCOMPARE(toString(entries[0].state), toString(OpState::RunningOnWorker));
        }
        settle();
        QVERIFY(m_ends.isEmpty());
    }

    void a05_cancelled_op_evicted()
    {
        m_cache->add(QStringLiteral("vllm"), QStringLiteral("op-3"));
        StatusMapTestAccess::put(*m_map, status(QStringLiteral("op-3"), OpState::Cancelled, 20, QStringLiteral("cancelled")));
        QVERIFY(m_cache->list().isEmpty());
        settle();
        QCOMPARE(m_ends, QStringList{QStringLiteral(R"({"job_id":"op-3"})")});
    }

    // list() keeps its last listing while nothing it reads changed: every change it reads must
    // still show on the next read, whichever way it comes (a put, a broadcast, a cancel, the
    // clock passing a failure's expiry, a new retention, a key added or removed).
    void a_kept_listing_follows_every_change_it_depends_on()
    {
        const QString a = QStringLiteral("op-a"), b = QStringLiteral("op-b");
        m_cache->add(QStringLiteral("vllm"), a);
        StatusMapTestAccess::put(*m_map, status(a, OpState::Running, 10, QStringLiteral("processing backend: vllm")));
        auto states = [this] {
            QStringList out;
            for (const OpCacheEntry &e : m_cache->list())
                out << e.opId + QLatin1Char('=') + toString(e.state);
            out.sort();
            return out;
        };
        QCOMPARE(states(), QStringList{QStringLiteral("op-a=running")});
        // A progress tick: same listing.
        StatusMapTestAccess::applyIncoming(*m_map, [&] { Operation op = *m_map->get(a); op.progress = 40; ++op.revision; return op; }());
        QCOMPARE(states(), QStringList{QStringLiteral("op-a=running")});
        // A state change by broadcast.
        StatusMapTestAccess::applyIncoming(*m_map, [&] { Operation op = *m_map->get(a); op.state = OpState::RunningOnWorker; ++op.revision; return op; }());
        QCOMPARE(states(), QStringList{QStringLiteral("op-a=running_on_worker")});
        // A key added without a status yet, then its status.
        m_cache->add(QStringLiteral("piper"), b);
        QCOMPARE(states(), (QStringList{QStringLiteral("op-a=running_on_worker"), QStringLiteral("op-b=queued")}));
        StatusMapTestAccess::put(*m_map, status(b, OpState::Failed, 30, QStringLiteral("error: sha256 mismatch")));
        QCOMPARE(states(), (QStringList{QStringLiteral("op-a=running_on_worker"), QStringLiteral("op-b=failed")}));
        // A cancel evicts at the next read.
        QVERIFY(StatusMapTestAccess::markCancelled(*m_map, a, m_clock.nowMs()));
        QCOMPARE(states(), QStringList{QStringLiteral("op-b=failed")});
        settle();
        QCOMPARE(m_ends, QStringList{QStringLiteral(R"({"job_id":"op-a"})")});
        // The failure expires when the clock reaches finish + retention, with nothing else changing.
        m_cache->setRetentionMs(60'000);
        QCOMPARE(states(), QStringList{QStringLiteral("op-b=failed")});
        m_clock.advanceMs(59'999);
        QCOMPARE(states(), QStringList{QStringLiteral("op-b=failed")});
        m_clock.advanceMs(1);
        QCOMPARE(states(), QStringList{});
        // A shorter retention applies at once to a kept listing.
        m_cache->add(QStringLiteral("bark"), QStringLiteral("op-c"));
        StatusMapTestAccess::put(*m_map, status(QStringLiteral("op-c"), OpState::Failed, 30, QStringLiteral("error: x")));
        QCOMPARE(states(), QStringList{QStringLiteral("op-c=failed")});
        m_cache->setRetentionMs(0);
        QCOMPARE(states(), QStringList{});
        // A key removed without a status change, and memory dropped by a re-seed.
        m_cache->add(QStringLiteral("whisper"), QStringLiteral("op-d"));
        StatusMapTestAccess::put(*m_map, status(QStringLiteral("op-d"), OpState::Running, 5, QStringLiteral("processing backend: whisper")));
        QCOMPARE(states(), QStringList{QStringLiteral("op-d=running")});
        StatusMapTestAccess::reset(*m_map, {});
        QCOMPARE(states(), QStringList{QStringLiteral("op-d=queued")});
        QVERIFY(m_cache->removeOpSilently(QStringLiteral("op-d")));
        QCOMPARE(states(), QStringList{});
        settle(); // each evicted op ended once; the silent removal published nothing
        QCOMPARE(m_ends, (QStringList{QStringLiteral(R"({"job_id":"op-a"})"), QStringLiteral(R"({"job_id":"op-b"})"),
                                      QStringLiteral(R"({"job_id":"op-c"})")}));
    }

    void queued_without_status_is_listed_as_queued()
    {
        m_cache->add(QStringLiteral("whisper"), QStringLiteral("op-4"));
        const auto entries = m_cache->list();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(toString(entries[0].state), toString(OpState::Queued));
    }

    void success_without_completed_message_is_kept()
    {
        // Only a *clean* success is evicted (progress 100 and message "completed").
        m_cache->add(QStringLiteral("bark"), QStringLiteral("op-6"));
        StatusMapTestAccess::put(*m_map, status(QStringLiteral("op-6"), OpState::Success, 90, QStringLiteral("completed")));
        QCOMPARE(m_cache->list().size(), 1);
    }

    void remove_publishes_only_when_removed_locally()
    {
        m_cache->add(QStringLiteral("a"), QStringLiteral("op-7"));
        m_cache->add(QStringLiteral("node:n1:a"), QStringLiteral("op-7"));
        QVERIFY(m_cache->removeOp(QStringLiteral("op-7")));
        QCOMPARE(m_cache->size(), 0); // every key of the op is gone
        QVERIFY(!m_cache->removeOp(QStringLiteral("op-7")));
        settle();
        QCOMPARE(m_ends.size(), 1);
    }

    void empty_key_or_op_ignored()
    {
        m_cache->add(QString(), QStringLiteral("op-8"));
        m_cache->add(QStringLiteral("x"), QString());
        QCOMPARE(m_cache->size(), 0);
    }

    void a07_no_data_race()
    {
        // Thread A lists while thread B re-admits whisper → op-5 and marks it successful every
        // second iteration. Run under ThreadSanitizer by CI (label "concurrency").
        std::atomic<bool> failed{false};
        std::thread a([&] {
            for (int i = 0; i < 2000; ++i) {
                const auto entries = m_cache->list();
                for (const auto &e : entries)
                    if (e.cacheKey == QLatin1String("whisper") && e.opId != QLatin1String("op-5"))
                        failed = true;
            }
        });
        std::thread b([&] {
            for (int i = 0; i < 2000; ++i) {
                Operation op = status(QStringLiteral("op-5"), OpState::Queued, 0, QStringLiteral("Queued"));
                StatusMapTestAccess::put(*m_map, op);
                m_cache->add(QStringLiteral("whisper"), QStringLiteral("op-5"));
                if (i % 2 == 1)
                    StatusMapTestAccess::put(*m_map, status(QStringLiteral("op-5"), OpState::Success, 100, QStringLiteral("completed")));
            }
        });
        a.join();
        b.join();
        QVERIFY(!failed);
        const auto mapped = m_cache->opForKey(QStringLiteral("whisper"));
        QVERIFY(!mapped || *mapped == QLatin1String("op-5"));
    }
};

QTEST_GUILESS_MAIN(TstOpCache)
#include "tst_op_cache.moc"
