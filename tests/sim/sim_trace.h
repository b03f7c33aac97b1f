#pragma once
// The event trace of a simulated run: one line per event (workload action, fault, bus delivery,
// op state seen by a replica), folded into a 64-bit FNV-1a hash. Two runs of one seed on SQLite
// give the same hash; --trace prints the lines as they happen.
#include "core/clock.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>
#include <cstdio>

namespace fleetdeck::sim {

class Trace final {
public:
    void setPrint(bool print) { m_print = print; }
    void setClock(const Clock *clock, qint64 origin) { m_clock = clock; m_origin = origin; }
    void event(const QString &line)
    {
        const QByteArray text = QByteArray::number(m_clock ? m_clock->nowMs() - m_origin : 0) + ' ' + line.toUtf8();
        for (const char c : text) {
            m_hash ^= quint8(c);
            m_hash *= 0x100000001b3ull;
        }
        m_hash ^= '\n';
        m_hash *= 0x100000001b3ull;
        ++m_count;
        if (m_print)
            std::fprintf(stdout, "  %s\n", text.constData());
    }
    quint64 hash() const { return m_hash; }
    QString hashText() const { return QStringLiteral("%1").arg(m_hash, 16, 16, QLatin1Char('0')); }
    qint64 count() const { return m_count; }

private:
    bool m_print = false;
    const Clock *m_clock = nullptr;
    qint64 m_origin = 0;
    quint64 m_hash = 0xcbf29ce484222325ull;
    qint64 m_count = 0;
};

} // namespace fleetdeck::sim
