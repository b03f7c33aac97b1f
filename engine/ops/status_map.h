#pragma once
// Per-replica map op_id → Operation (docs/architecture.md#terms "Status map"). Written on the
// engine thread, readable from any thread (OpCache::list() reads it from wherever it is called).
#include "core/operation.h"

#include <QHash>
#include <atomic>
#include <map>
#include <optional>
#include <mutex>
#include <shared_mutex>

namespace fleetdeck {

// What OpCache::list() reads of an op (docs/operations.md#opcache-and-eviction): its state, whether
// it ended as a clean success, and when it ended. Progress ticks do not change these.
struct ListFacts {
    OpState state = OpState::Queued;
    bool completedCleanly = false; // success with progress 100 and message "completed"
    std::optional<qint64> finishedAt;
    bool operator==(const ListFacts &) const = default;
    static ListFacts of(const Operation &op);
};

class StatusMap final {
public:
    std::optional<Operation> get(const QString &opId) const;
    // The list facts of each id (nullopt: not in memory), read under one lock, without copying ops.
    QList<std::optional<ListFacts>> listFacts(const QList<QString> &opIds) const;
    // Changes whenever an op's ListFacts change or an op enters or leaves memory; a progress tick
    // leaves it alone. OpCache::list() keeps its last listing while it stays the same.
    quint64 listGeneration() const { return m_listGeneration.load(std::memory_order_acquire); }
    bool contains(const QString &opId) const;
    // Every write of an op gives it a new version (never 0; 0 = not in memory). For each id: its
    // version, and a copy of the op only when that version differs from `known`'s (the reader's
    // last read, docs/gui.md#data-flow), under one lock: a read of 5,000 ops of which 300 moved
    // copies 300.
    struct Read {
        quint64 version = 0;
        std::optional<Operation> op; // set when the version moved
    };
    // `latest`: the last version given to any op, read under the same lock.
    QList<Read> readChanged(const QList<QString> &opIds, const QHash<QString, quint64> &known,
                            quint64 *latest = nullptr) const;
    // The ops written after version `after`, each once with its current version, in version
    // order, and the last version given: what moved since a reader's last read, found without
    // looking at the ops that did not (a frame with 300 ticks among 5,000 ops reads 300).
    struct Change {
        quint64 version = 0;
        Operation op;
    };
    QList<Change> readSince(quint64 after, quint64 *latest) const;
    bool isRetired(const QString &opId) const;
    QList<Operation> snapshot() const;
    int size() const;

    enum class Applied { Ignored, Created, Replaced, Merged };

private:
    // One writer (docs/operations.md#one-writer): only OperationService changes an op's state
    // in memory; StatusMapTestAccess is the unit tests' door (tests/engine).
    friend class OperationService;
    friend struct StatusMapTestAccess;

    void put(const Operation &op);
    void remove(const QString &opId);
    // Drops an ended op and remembers that it ended: a broadcast of it delivered late (a
    // reconnect buffer, a slow link) must not bring it back (sim seed 38). Remembered until
    // forgetRetiredBefore() passes its time.
    void retire(const QString &opId, qint64 nowMs);
    void forgetRetiredBefore(qint64 cutoffMs);
    // Receiver rule of docs/operations.md#receivers for `gallery.<id>.progress`: local terminal →
    // keep its state, take only node entries of a terminal broadcast with a revision not lower
    // than the local row's (a row settled after its op ended, e.g. confirmed by listing; sim seed
    // 379); incoming terminal → replace; a lower revision than the local one → ignore (newer
    // state wins); otherwise replace the op fields and merge node entries by node_id; unknown op →
    // create.
    Applied applyIncoming(const Operation &incoming);
    // Marks the op cancelled unless already terminal (`gallery.<id>.cancel`). True when changed.
    bool markCancelled(const QString &opId, qint64 nowMs);
    // Replaces memory with `ops` (re-seed); ops not listed are dropped.
    void reset(const QList<Operation> &ops);

    // std::shared_mutex rather than QReadWriteLock: ThreadSanitizer sees through pthread rwlocks,
    // not through uninstrumented Qt's.
    // Bumps m_listGeneration when an op's list facts went from `before` to `after` (write lock held).
    void noteFacts(const std::optional<ListFacts> &before, const Operation *after);
    void bump(const QString &opId); // write lock held
    void dropVersion(const QString &opId); // write lock held

    mutable std::shared_mutex m_lock;
    std::atomic<quint64> m_listGeneration{0};
    QHash<QString, Operation> m_ops;
    QHash<QString, quint64> m_versions; // the ops of m_ops
    std::map<quint64, QString> m_byVersion; // m_versions inverted: each op once, at its version
    quint64 m_lastVersion = 0;
    QHash<QString, qint64> m_retired; // op id → when it was retired
};

} // namespace fleetdeck
