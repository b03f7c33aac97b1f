#pragma once
// One long-lived replica per SQLite file (docs/architecture.md#pass-locks):
// QLockFile("<db>.replica.lock").
#include "core/result.h"

#include <QLockFile>
#include <memory>

namespace fleetdeck {

class ReplicaLock final {
public:
    // Takes the lock or fails with "store <db> is already used by <application> (pid <n>) on <host>".
    static Result<std::shared_ptr<ReplicaLock>> acquire(const QString &dbPath);

private:
    explicit ReplicaLock(const QString &path) : m_lock(path) {}
    QLockFile m_lock;
};

} // namespace fleetdeck
