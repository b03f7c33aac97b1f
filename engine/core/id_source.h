#pragma once
// Where the engine's identifiers and random tokens come from: op, replica, node and cluster ids
// (UUID v4) and the worker's staging directory suffixes. Production uses QUuid and
// QRandomGenerator::global(); the deterministic simulator (tests/sim) installs a seeded source so
// that a seed replays the same ids (op ids also order claimOldest). One process-wide source.
#include <QString>
#include <QtGlobal>

namespace fleetdeck::ids {

class Source {
public:
    virtual ~Source() = default;
    virtual QString uuid() = 0;   // UUID v4 text without braces
    virtual quint32 random32() = 0;
};

// A new UUID v4 (text, without braces).
QString newUuid();
// A random 32-bit value.
quint32 random32();
// Installs `source` for the whole process (nullptr restores the system source). Not thread-safe:
// call before any engine object exists.
void install(Source *source);

} // namespace fleetdeck::ids
