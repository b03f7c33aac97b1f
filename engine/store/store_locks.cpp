// Pass locks (docs/architecture.md#pass-locks): PostgreSQL session advisory locks on this store's
// connection; SQLite lock files next to the database.
#include "store/store_impl.h"

namespace fleetdeck {
namespace {

QString lockFileSuffix(PassLock lock)
{
    switch (lock) {
    case PassLock::Migration:
        return QStringLiteral(".migration.lock");
    case PassLock::Reconcile:
        return QStringLiteral(".reconcile.lock");
    case PassLock::Health:
        return QStringLiteral(".health.lock");
    case PassLock::Upgrade:
        return QStringLiteral(".upgrade.lock");
    }
    return QStringLiteral(".lock");
}

} // namespace

Result<bool> Store::tryPassLock(PassLock lock)
{
    const int n = static_cast<int>(lock);
    if (d->isSqlite()) {
        if (d->lockFiles.contains(n))
            return true; // already ours
        auto file = std::make_shared<QLockFile>(d->config.path + lockFileSuffix(lock));
        file->setStaleLockTime(0); // only a dead holder makes it stale
        if (!file->tryLock(0)) {
            if (file->error() == QLockFile::PermissionError || file->error() == QLockFile::UnknownError)
                return Result<bool>::failure(storeError("tryPassLock", QStringLiteral("cannot create %1").arg(d->config.path + lockFileSuffix(lock))));
            return false;
        }
        d->lockFiles.insert(n, file);
        return true;
    }
    if (d->pgLocks.contains(n))
        return true; // advisory locks nest per session: take each once
    const auto got = d->scalar("tryPassLock", QStringLiteral("SELECT pg_try_advisory_lock(72600, %1)").arg(n));
    if (!got)
        return Result<bool>::failure(got.error());
    const bool held = got.value() && got.value()->toBool();
    if (held)
        d->pgLocks.insert(n);
    return held;
}

Status Store::releasePassLock(PassLock lock)
{
    const int n = static_cast<int>(lock);
    if (d->isSqlite()) {
        d->lockFiles.remove(n); // QLockFile unlocks when destroyed
        return okStatus();
    }
    if (!d->pgLocks.remove(n))
        return okStatus();
    const auto r = d->scalar("releasePassLock", QStringLiteral("SELECT pg_advisory_unlock(72600, %1)").arg(n));
    if (!r)
        return Status::failure(r.error());
    return okStatus();
}

} // namespace fleetdeck
