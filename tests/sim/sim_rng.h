#pragma once
// The one seeded random source of a simulated run (tests/sim/README.md): every choice the
// simulator makes — workload, faults, latencies, ids — is drawn here, on the main thread or on a
// job thread while the main thread waits for it (lockstep), so a seed replays the same run.
#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <random>

namespace fleetdeck::sim {

class Rng final {
public:
    explicit Rng(quint64 seed) : m_gen(seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull) {}
    quint64 next() { return m_gen(); }
    // Uniform in [lo, hi] (inclusive).
    qint64 range(qint64 lo, qint64 hi)
    {
        if (hi <= lo)
            return lo;
        return lo + qint64(next() % quint64(hi - lo + 1));
    }
    // True with probability p (0..1).
    bool chance(double p) { return double(next() % 1000000) < p * 1000000.0; }
    template <typename T>
    const T &pick(const QList<T> &list) { return list.at(qsizetype(range(0, list.size() - 1))); }

private:
    std::mt19937_64 m_gen;
};

} // namespace fleetdeck::sim
