#pragma once
// The store-call seam (docs/testing.md "Simulation seams"). Production passes none: a StoreThread
// runs its calls on its own thread, and every statement goes to the database. The deterministic
// simulator (tests/sim) passes one to run a replica's store calls on the engine thread at
// simulated times, in call order, and to make statements fail as a store outage or a killed
// replica would.
#include <QString>
#include <functional>

namespace fleetdeck {

class StoreCallGate {
public:
    virtual ~StoreCallGate() = default;
    // false: the store thread runs the calls as in production; the gate only sees each call
    // start (callStarted, on the caller's thread) and end (callEnded, on the store thread, after
    // its result was handed back) and still injects statement faults (from the store thread).
    virtual bool runsCalls() const { return true; }
    virtual void callStarted(const QString &) {}
    virtual void callEnded(const QString &) {}
    // Runs job later on the calling thread; jobs of one connection run in submission order.
    virtual void submit(const QString &connection, std::function<void()> job) = 0;
    // Runs every job still queued for the connection now, in order (the store is stopping: as
    // with a store thread, every call made before the stop runs first).
    virtual void drain(const QString &connection) = 0;
    // Asked before every statement of the connection: a non-empty text fails the statement with
    // it (the database's error as the caller sees it).
    virtual QString statementFault(const QString &connection) = 0;
};

} // namespace fleetdeck
