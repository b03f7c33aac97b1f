#include "store/replica_lock.h"

namespace fleetdeck {

Result<std::shared_ptr<ReplicaLock>> ReplicaLock::acquire(const QString &dbPath)
{
    std::shared_ptr<ReplicaLock> lock(new ReplicaLock(dbPath + QStringLiteral(".replica.lock")));
    lock->m_lock.setStaleLockTime(0); // only a dead owner's lock is stale
    if (lock->m_lock.tryLock(0))
        return lock;
    qint64 pid = 0;
    QString host, app;
    lock->m_lock.getLockInfo(&pid, &host, &app);
    return Result<std::shared_ptr<ReplicaLock>>::failure(
        QStringLiteral("store %1 is already used by %2 (pid %3) on %4").arg(dbPath, app.isEmpty() ? QStringLiteral("another replica") : app).arg(pid).arg(host));
}

} // namespace fleetdeck
