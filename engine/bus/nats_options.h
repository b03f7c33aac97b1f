#pragma once
// Building nats.c options from a NatsConfig (connection rules: docs/protocol.md#rules;
// authentication and TLS: docs/protocol.md#transport-security) and turning nats.c failures into
// messages that name the URL and the auth method. Internal to the engine: includes nats.c.
#include "bus/nats_config.h"
#include "core/result.h"

#include <nats/nats.h>

#include <QByteArray>
#include <memory>

namespace fleetdeck {

struct NatsOptionsDeleter {
    void operator()(natsOptions *o) const { natsOptions_Destroy(o); }
};
using NatsOptionsPtr = std::unique_ptr<natsOptions, NatsOptionsDeleter>;

// Connection event callbacks; closure is passed to each of them.
struct NatsConnectionCallbacks {
    natsConnectionHandler connected = nullptr; // initial connect after a retried failure
    natsConnectionHandler disconnected = nullptr;
    natsConnectionHandler reconnected = nullptr;
    natsConnectionHandler closed = nullptr;
    natsErrHandler asyncError = nullptr;
    // After every failed pass over the server list (initial connect included): logs the attempt
    // and returns the wait before the next one (nats.c's default wait and jitter).
    natsCustomReconnectDelayHandler reconnectDelay = nullptr;
    void *closure = nullptr;
};

Result<NatsOptionsPtr> buildNatsOptions(const NatsConfig &config, const NatsConnectionCallbacks &callbacks);

// The contents of a secret file without its trailing newline. Errors name `what` and the path.
Result<QByteArray> readNatsSecret(const QString &path, const QString &what);

// nats.c's thread-local last error without its "(file.c:123): " prefix, else natsStatus_GetText(s).
QString natsErrorText(natsStatus s);

// "NATS <url>: <reason> (auth: <method>)" for a failed natsConnection_Connect.
QString natsConnectError(const NatsConfig &config, natsStatus s);

} // namespace fleetdeck
