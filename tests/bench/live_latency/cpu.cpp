#include "live_latency/cpu.h"

#include "live_latency/ledger.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <unistd.h>

namespace livelat {

QHash<qint64, CpuSampler::Sample> CpuSampler::read()
{
    QHash<qint64, Sample> out;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile sched(tasks.filePath(tid + QStringLiteral("/schedstat")));
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (!sched.open(QIODevice::ReadOnly) || !comm.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> f = sched.readAll().trimmed().split(' '); // run ns, run-queue wait ns, slices
        if (f.size() < 2)
            continue;
        out.insert(tid.toLongLong(), {QString::fromUtf8(comm.readAll()).trimmed(), f.at(0).toLongLong(), f.at(1).toLongLong()});
    }
    return out;
}

void CpuSampler::start()
{
    m_start = read();
    m_startNs = nowNs();
}

QString CpuSampler::stop(int top)
{
    const QHash<qint64, Sample> end = read();
    const double wall = std::max<double>(1, double(nowNs() - m_startNs));
    const qint64 self = qint64(getpid());
    const QString processName = end.value(self).name;
    const QString engineName = end.value(s_engineTid).name;
    struct Row {
        double run = 0, wait = 0;
    };
    QHash<QString, Row> byName;
    for (auto it = end.cbegin(); it != end.cend(); ++it) {
        const Sample before = m_start.value(it.key());
        QString name = it->name;
        if (it.key() == self)
            name = QStringLiteral("GUI thread");
        else if (it.key() == s_engineTid)
            name = QStringLiteral("engine thread");
        else if (it->name == processName)
            name = QStringLiteral("threads started by the GUI thread");
        else if (!engineName.isEmpty() && it->name == engineName)
            name = QStringLiteral("threads started by the engine thread");
        Row &r = byName[name];
        r.run += 100.0 * double(it->runNs - before.runNs) / wall;
        r.wait += 100.0 * double(it->waitNs - before.waitNs) / wall;
    }
    QList<std::pair<Row, QString>> rows;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it)
        rows.append({it.value(), it.key()});
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first.run > b.first.run; });
    QStringList parts;
    for (int i = 0; i < std::min<int>(top, int(rows.size())); ++i)
        parts << QStringLiteral("%1 ran %2 % waited %3 %")
                     .arg(rows.at(i).second)
                     .arg(rows.at(i).first.run, 0, 'f', 0)
                     .arg(rows.at(i).first.wait, 0, 'f', 0);
    return parts.join(QStringLiteral(", "));
}

double CpuSampler::loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    return f.readAll().split(' ').value(0).toDouble();
}

} // namespace livelat
