#pragma once
// The event trace of a simulated run: one line per event (workload action, fault, bus delivery,
// op state seen by a replica), folded into a 64-bit FNV-1a hash. Two runs of one seed on SQLite
// give the same hash; --trace prints the lines as they happen. The lines are also kept, with the
// engine's log between them (not hashed: in PostgreSQL mode it comes from the store threads), so
// that a violated run can leave its whole trace in a file: a PostgreSQL run does not replay bit
// for bit, and its file is then the only record of what happened.
#include "core/clock.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QMutex>
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
        const QByteArray text = stamped(line);
        for (const char c : text) {
            m_hash ^= quint8(c);
            m_hash *= 0x100000001b3ull;
        }
        m_hash ^= '\n';
        m_hash *= 0x100000001b3ull;
        ++m_count;
        keep(text);
        if (m_print)
            std::fprintf(stdout, "  %s\n", text.constData());
    }
    // The engine's log (any thread): kept for the trace file, not hashed, not printed.
    void log(const QString &line) { keep(stamped(QStringLiteral("    log: ") + line)); }
    bool writeTo(const QString &path) const
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        QMutexLocker lock(&m_mutex);
        for (const QByteArray &l : m_lines)
            f.write(l + '\n');
        return true;
    }
    quint64 hash() const { return m_hash; }
    QString hashText() const { return QStringLiteral("%1").arg(m_hash, 16, 16, QLatin1Char('0')); }
    qint64 count() const { return m_count; }

private:
    QByteArray stamped(const QString &line) const
    {
        return QByteArray::number(m_clock ? m_clock->nowMs() - m_origin : 0) + ' ' + line.toUtf8();
    }
    void keep(const QByteArray &text)
    {
        QMutexLocker lock(&m_mutex);
        m_lines.append(text);
    }

    bool m_print = false;
    const Clock *m_clock = nullptr;
    qint64 m_origin = 0;
    quint64 m_hash = 0xcbf29ce484222325ull;
    qint64 m_count = 0;
    mutable QMutex m_mutex;
    QList<QByteArray> m_lines;
};

} // namespace fleetdeck::sim
