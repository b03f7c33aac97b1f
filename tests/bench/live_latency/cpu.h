#pragma once
// Where the cores went while a path was measured, per thread of this process, from
// /proc/self/task/<tid>/schedstat (Linux): the time each thread ran and the time it was ready but
// waited for a CPU (the run queue), as percentages of the window. Threads are named by their
// comm (a thread inherits the comm of the thread that started it, so nats.c's threads carry the
// name of the thread that opened their connection: they are summed as "started by …"); the main
// thread is the GUI thread, and setEngineThread() names the engine thread.
#include <QHash>
#include <QString>

namespace livelat {

class CpuSampler {
public:
    void start();
    // "GUI thread ran 62 % waited 20 %, fleetdeck-engin ran 97 % waited 40 %, …", busiest first.
    // Call it before the threads of interest end.
    QString stop(int top = 5);
    // The 1-minute load average of the machine (other processes included).
    static double loadAverage();
    // The engine thread's id (gettid()), to tell it from the threads it started.
    static void setEngineThread(qint64 tid) { s_engineTid = tid; }

private:
    struct Sample {
        QString name;
        qint64 runNs = 0, waitNs = 0;
    };
    static QHash<qint64, Sample> read();
    QHash<qint64, Sample> m_start;
    qint64 m_startNs = 0;
    static inline qint64 s_engineTid = 0;
};

} // namespace livelat
