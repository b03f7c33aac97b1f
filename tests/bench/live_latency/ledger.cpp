#include "live_latency/ledger.h"

#include <QFile>

#include <algorithm>

namespace livelat {

void TickLedger::record(const QString &key, qint64 seq, qint64 ns)
{
    std::lock_guard guard(m_lock);
    m_rows[key].push_back({seq, ns});
    m_total.fetch_add(1, std::memory_order_relaxed);
}

TickLedger::Hit TickLedger::find(const QString &key, qint64 seq, int from) const
{
    std::lock_guard guard(m_lock);
    const auto it = m_rows.constFind(key);
    if (it == m_rows.cend() || from >= int(it->size()))
        return {};
    const auto begin = it->begin() + std::max(0, from);
    const auto at = std::lower_bound(begin, it->end(), seq, [](const Event &e, qint64 s) { return e.seq < s; });
    if (at == it->end() || at->seq != seq)
        return {};
    return {int(at - it->begin()), at->ns};
}

std::pair<qint64, qint64> TickLedger::range(const QString &key) const
{
    std::lock_guard guard(m_lock);
    const auto it = m_rows.constFind(key);
    if (it == m_rows.cend() || it->empty())
        return {0, -1};
    return {it->front().seq, it->back().seq};
}

void TickLedger::clear()
{
    std::lock_guard guard(m_lock);
    m_rows.clear();
    m_total.store(0);
}

Summary summarize(std::vector<double> ms)
{
    Summary s;
    s.samples = qint64(ms.size());
    if (ms.empty())
        return s;
    std::sort(ms.begin(), ms.end());
    auto at = [&ms](double p) { return ms[std::min(ms.size() - 1, size_t(p / 100.0 * double(ms.size())))]; };
    s.p50 = at(50);
    s.p99 = at(99);
    const size_t points = std::min<size_t>(500, ms.size());
    for (size_t k = 0; k < points; ++k) {
        const size_t i = points == 1 ? ms.size() - 1 : k * (ms.size() - 1) / (points - 1);
        s.cdf.emplace_back(ms[i], double(i + 1) / double(ms.size()));
    }
    s.max = ms.back();
    return s;
}

bool Stage::observe(const QString &key, qint64 seq, qint64 nowNs)
{
    Seen &last = m_last[key];
    if (seq <= last.seq)
        return false; // a repaint of a value already noted (or an older one)
    last.seq = seq;
    m_sightings.push_back({key, seq, nowNs});
    const TickLedger::Hit hit = m_ledger.find(key, seq, last.pos + 1);
    if (hit.pos >= 0) {
        resolved.fetch_add(hit.pos - last.pos, std::memory_order_relaxed);
        last.pos = hit.pos;
    }
    return true;
}

void Stage::clearSamples()
{
    m_sightings.clear();
    m_basePos.clear();
    for (auto it = m_last.cbegin(); it != m_last.cend(); ++it)
        m_basePos.insert(it.key(), it->pos);
}

void Stage::settle()
{
    latenciesMs.clear();
    coalesced = unmatched = 0;
    QHash<QString, int> pos = m_basePos;
    for (const Sighting &s : m_sightings) {
        auto at = pos.find(s.key);
        if (at == pos.end())
            at = pos.insert(s.key, -1);
        int &last = *at;
        const TickLedger::Hit hit = m_ledger.find(s.key, s.seq, last + 1);
        if (hit.pos < 0) {
            const auto [first, lastSeq] = m_ledger.range(s.key);
            if (s.seq >= first && s.seq <= lastSeq)
                ++unmatched; // else a value from before or after the measured window
            continue;
        }
        coalesced += hit.pos - last - 1;
        latenciesMs.push_back(double(s.ns - hit.ns) / 1e6);
        last = hit.pos;
    }
}

bool writeCdf(const QString &path, const Summary &s)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    for (const auto &[ms, fraction] : s.cdf)
        f.write(QByteArray::number(std::max(ms, 0.001), 'f', 3) + ' ' + QByteArray::number(fraction, 'f', 5) + '\n');
    return true;
}

} // namespace livelat
