#pragma once
// What the connection indicator shows (SPEC §11.8): live, stale (with the age of the oldest
// check and its reason) or disconnected. Computed on the engine thread by the Engine and handed
// to views by value.
#include <QMetaType>
#include <QString>

namespace fleetdeck {

struct ConnectionStatus {
    enum class State { Live, Stale, Disconnected };
    State state = State::Live;
    QString reason;              // e.g. "store unreachable: …", "NATS nats://h:4222 unreachable, retrying"
    qint64 staleSinceMs = 0;     // Stale: when the older of the last good flush / store query was
    bool storeReachable = true;  // false: every action that writes is disabled ("store unreachable")

    friend bool operator==(const ConnectionStatus &, const ConnectionStatus &) = default;
};

} // namespace fleetdeck

Q_DECLARE_METATYPE(fleetdeck::ConnectionStatus)
