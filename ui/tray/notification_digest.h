#pragma once
// What the desktop notifications say (issue #7), without any GUI: successive snapshots are diffed
// for operations that turned `failed` and nodes whose status became `offline`, and what accumulates
// is delivered at most once per window (10 s) as one summary. The caller passes the time, so tests
// run the window in milliseconds.
//
// Rules:
// - First sight: the first feed is the baseline and announces nothing. Later, an op id never seen
//   before that is already failed is announced only if it finished at or after the baseline (an op
//   that failed while nobody watched, e.g. hydrated at start, is old news). A node is announced only
//   on a transition to offline from a status seen earlier; a node first seen offline is not.
// - Coalescing: the first event after a quiet window is delivered at once; later ones wait until
//   `window` has passed since the last delivery and are then delivered together.
// - Suppression: while the window is active (or notifications are off) the admin sees the operations
//   bar and the Nodes view, so events are dropped, and so is whatever was still waiting.
// - At delivery, an op no longer failed in the list (dismissed, retried) and a node no longer offline
//   are left out; if nothing is left, nothing is delivered.
#include "core/node.h"
#include "core/operation.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>
#include <optional>

namespace fleetdeck::ui {

struct Notification {
    int failedOps = 0;
    int offlineNodes = 0;
    QString summary;   // "2 operations failed, 1 node offline"
    QStringList items; // failed ops first ("piper on gpu-a100-2"), then nodes ("gpu-a100-3")
    // "2 operations failed, 1 node offline: piper on gpu-a100-2; whisper; gpu-a100-3" (at most
    // kMaxItems items, then "; and 2 more").
    QString text() const;
    static constexpr int kMaxItems = 3;
};

class NotificationDigest final {
    Q_DECLARE_TR_FUNCTIONS(fleetdeck::ui::NotificationDigest)
public:
    static constexpr qint64 kWindowMs = 10'000;
    explicit NotificationDigest(qint64 windowMs = kWindowMs) : m_windowMs(windowMs) {}

    // Diffs against the previous feed. `suppress`: the window is active or notifications are off.
    std::optional<Notification> feed(const QList<Operation> &ops, const QList<Node> &nodes, qint64 nowMs,
                                     bool suppress);
    // Delivers what waits once the window has passed (the caller's timer, see dueAtMs()).
    std::optional<Notification> flush(qint64 nowMs, bool suppress);
    // Drops what waits (the admin looked at the window).
    void dropPending();
    // When flush() would deliver what waits; std::nullopt when nothing waits.
    std::optional<qint64> dueAtMs() const;
    bool hasPending() const { return !m_pendingOps.isEmpty() || !m_pendingNodes.isEmpty(); }

    // The item of a failed op: "<backend> on <nodes whose row failed>", or "<backend>".
    static QString opItem(const Operation &op);

private:
    std::optional<Notification> deliver(qint64 nowMs);

    qint64 m_windowMs;
    bool m_started = false;
    qint64 m_baselineMs = 0;
    std::optional<qint64> m_lastDeliveredMs;
    QHash<QString, Operation> m_ops;        // the latest list, by id
    QSet<QString> m_failedSeen;             // ids ever seen failed (never announced twice)
    QHash<QString, Node> m_nodes;           // the latest list, by id
    QList<QString> m_pendingOps;            // op ids, in the order they failed
    QList<QString> m_pendingNodes;          // node ids, in the order they went offline
};

} // namespace fleetdeck::ui
