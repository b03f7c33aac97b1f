#pragma once
// Bookkeeping of bench_live_latency: when each event was published, and when each stage it passes
// (the engine's status map, the GUI model) first exposed its value.
//
// An event is identified by a row key (an op id, or "op id/node name") and a sequence value that
// only grows per key (the broadcast's revision, or the node row's percentage). The publisher
// records (key, seq, time) just before it hands the bytes to nats.c. A Stage is told what value a
// row now shows and notes the first sight of each value; settle() then matches the sightings with
// the publications (after the run, so a publisher that stamps just after its hand-off loses no
// event to the race): the latency of each event seen is recorded, and every event of the same key
// published before it and never seen is counted as coalesced (superseded before it reached that
// stage). Times are steady_clock nanoseconds of this process.
#include <QHash>
#include <QString>

#include <atomic>
#include <chrono>
#include <mutex>
#include <vector>

namespace livelat {

inline qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Written by one publisher thread, read by the engine and GUI threads.
class TickLedger {
public:
    void record(const QString &key, qint64 seq, qint64 ns);
    // Position of `seq` among the key's events at or after `from`, with its publish time; -1 when
    // it is not there.
    struct Hit {
        int pos = -1;
        qint64 ns = 0;
    };
    Hit find(const QString &key, qint64 seq, int from) const;
    // First and last seq recorded for the key; {0, -1} when none.
    std::pair<qint64, qint64> range(const QString &key) const;
    qint64 total() const { return m_total.load(std::memory_order_relaxed); }
    void clear();

private:
    struct Event {
        qint64 seq;
        qint64 ns;
    };
    mutable std::mutex m_lock;
    QHash<QString, std::vector<Event>> m_rows;
    std::atomic<qint64> m_total{0};
};

struct Summary {
    qint64 samples = 0;
    double p50 = 0, p99 = 0, max = 0;
    std::vector<std::pair<double, double>> cdf; // (latency ms, fraction at or below), at most 500 points
};
Summary summarize(std::vector<double> ms);
// Writes `s.cdf` as "latency_ms fraction" lines (gnuplot's input for docs/benchmarks.md's chart).
bool writeCdf(const QString &path, const Summary &s);

// One observation point, used from one thread only (`resolved` is read from others).
class Stage {
public:
    explicit Stage(const TickLedger &ledger) : m_ledger(ledger) {}
    // The row `key` now shows `seq` (seen at nowNs); true when that is a new value for the row.
    bool observe(const QString &key, qint64 seq, qint64 nowNs);
    // Forgets the sightings so far (a warm-up), keeping what each row shows.
    void clearSamples();
    // Matches the sightings since clearSamples() with the ledger; call once the publisher stopped.
    void settle();

    // Filled by settle().
    std::vector<double> latenciesMs;
    qint64 coalesced = 0;   // published, superseded before this stage showed them
    qint64 unmatched = 0;   // a value inside a row's published range never published (a bench bug)
    // Live: events shown or superseded here (the stage is done with them); an event whose stamp
    // was not yet in the ledger when it was seen is counted with the row's next value.
    std::atomic<qint64> resolved{0};

private:
    struct Seen {
        int pos = -1;
        qint64 seq = -1;
    };
    struct Sighting {
        QString key;
        qint64 seq;
        qint64 ns;
    };
    const TickLedger &m_ledger;
    QHash<QString, Seen> m_last;
    QHash<QString, int> m_basePos; // each row's ledger position when the samples were cleared
    std::vector<Sighting> m_sightings;
};

} // namespace livelat
