#pragma once
// Path (b) of bench_live_latency: the owner side. It stands for an owner replica that runs `ops`
// ops: the ops are in the shared store (running, owned by this fake owner, so the measured
// replica never claims them), are announced with gallery.opcache.start, and then get status
// events (`gallery.<id>.progress`, the engine's own codec and subject) at the asked rate on its
// own NATS connection, round-robin over the ops. Each event carries revision kRevisionBase + seq,
// progress progressFor(seq) and one node entry at that percentage, like an owner's coalesced
// broadcast of a one-node op (docs/protocol.md#replica-broadcasts).
#include "bus/bus.h"
#include "core/operation.h"
#include "live_latency/ledger.h"
#include "live_latency/pacer.h"

#include <QList>

namespace fleetdeck {
class Store;
}

namespace livelat {

class OwnerFeed {
public:
    static constexpr qint64 kRevisionBase = 1000;
    static int progressFor(qint64 seq) { return int(1 + seq % 99); }

    OwnerFeed(fleetdeck::Bus *bus, TickLedger &ledger, int ops, qint64 nowMs);

    const QString &ownerId() const { return m_owner; }
    const QList<fleetdeck::Operation> &ops() const { return m_ops; }
    // Writes the ops to the store as their owner would have (create, claim, start). Runs on a
    // store thread.
    static bool store(fleetdeck::Store &s, const QList<fleetdeck::Operation> &ops, const QString &owner);
    // opcache.start and the first status event (seq 0) of every op.
    void announce();
    // gallery.opcache.end of every op: the ops leave the list.
    void retire();
    // Encodes the events of run(rate, seconds) ahead, so that the measured window's CPU goes to
    // the measured replica rather than to this publisher's JSON encoding. Event i is op i % ops
    // with that op's next seq, timed (updated_at) at its due time.
    void prepare(double rate, double seconds);
    // Sends the prepared events at `rate`; blocks (run it on its own thread).
    Paced run(double rate, double seconds);
    // Size of one status event on the wire (for the baseline).
    int eventBytes() const;

private:
    QByteArray encode(int opIndex, qint64 seq, qint64 atMs) const;
    void send(int opIndex, qint64 seq, const QByteArray &data);

    fleetdeck::Bus *m_bus;
    TickLedger &m_ledger;
    QString m_owner;
    QList<fleetdeck::Operation> m_ops;
    QList<QString> m_subjects;
    std::vector<qint64> m_seq;
    std::vector<QByteArray> m_prepared;
};

} // namespace livelat
