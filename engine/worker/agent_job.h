#pragma once
// One install, upgrade or delete command of a WorkerAgent (internal to the agent).
#include "worker/backend_installer.h"
#include "worker/progress_publisher.h"
#include "worker/worker_types.h"

#include <QMutex>
#include <QString>
#include <QStringList>
#include <memory>

namespace fleetdeck {

// The phase and percentage a list reply shows for a job; written by its pool thread.
class JobProgress final {
public:
    void set(const QString &phase, double percentage)
    {
        QMutexLocker lock(&m_mutex);
        m_phase = phase;
        m_percentage = percentage;
    }
    std::pair<QString, double> get() const
    {
        QMutexLocker lock(&m_mutex);
        return {m_phase, m_percentage};
    }

private:
    mutable QMutex m_mutex;
    QString m_phase = QStringLiteral("waiting");
    double m_percentage = 0;
};

struct AgentJob {
    quint64 seq = 0;
    QString kind;        // install | upgrade | delete
    QString backend;     // the request's backend (a meta for a meta install)
    QStringList locks;   // entry.name, then the meta when it differs; the backend for a delete
    QString opId;
    QString replyTo;
    InstallRequest install; // install and upgrade
    bool running = false;
    std::shared_ptr<JobControl> control = std::make_shared<JobControl>();
    std::shared_ptr<JobProgress> progress = std::make_shared<JobProgress>();
    std::shared_ptr<ProgressPublisher> publisher; // install/upgrade with an op id
};

} // namespace fleetdeck
