#pragma once
// What the connection indicator shows (docs/gui.md#connection-indicator-and-re-seed): live, stale
// (with the age of the oldest check and its reason) or disconnected. Computed on the engine thread
// by the Engine and handed to views by value.
#include "core/reason.h"

#include <QMetaType>
#include <QString>

namespace fleetdeck {

struct ConnectionStatus {
    enum class State { Live, Stale, Disconnected };
    // Start-up (docs/architecture.md#outages, docs/gui.md#connection-indicator-and-re-seed) until
    // the replica has started: the store not reached yet, NATS not connected yet (the store's data
    // is readable), or both up and the cluster check and hydration running. Never Live then, and
    // actions stay disabled; Done afterwards.
    enum class Startup { Done, Store, Nats, Finishing };
    State state = State::Live;
    QString reason;              // e.g. "store unreachable: …", "NATS nats://h:4222 unreachable, retrying"
    Reason reasonCode;           // reason's code and args (docs/reason-codes.md); none for a text without one
    qint64 staleSinceMs = 0;     // Stale: when the older of the last good flush / store query was
    bool storeReachable = true;  // false: every action that writes is disabled ("store unreachable")
    Startup startup = Startup::Done;
    int storeAttempt = 0;        // Startup::Store: the attempt running or last failed (reason: its error)

    bool starting() const { return startup != Startup::Done; }
    void setReason(const Reason &r)
    {
        reason = englishText(r);
        reasonCode = withCode(r);
    }
    // Before start-up has reached anything: not Live, store unreachable, no attempt made yet.
    static ConnectionStatus beforeStart()
    {
        ConnectionStatus s;
        s.state = State::Disconnected;
        s.storeReachable = false;
        s.startup = Startup::Store;
        return s;
    }

    friend bool operator==(const ConnectionStatus &, const ConnectionStatus &) = default;
};

} // namespace fleetdeck

Q_DECLARE_METATYPE(fleetdeck::ConnectionStatus)
