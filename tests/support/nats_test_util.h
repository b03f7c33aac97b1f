#pragma once
// Helpers for tests of NatsBus against a real nats-server.
#include "bus/nats_bus.h"

#include <QString>
#include <memory>

namespace fleetdeck::test {

// A subject prefix no other test uses ("t" + 10 hex digits).
QString uniqueSubjectPrefix();
NatsConfig natsConfigFor(const QString &url);
// Connects with SystemClock; nullptr (error logged) on failure.
std::unique_ptr<NatsBus> connectNatsBus(const NatsConfig &config);
// Waits for the server to have processed everything this bus sent (subscriptions included).
bool flushed(Bus &bus);
// Sends one request and waits for its callback; a TransportError "test: …" when the callback does
// not run exactly once.
RequestResult requestAndWait(Bus &bus, const QString &subject, const QByteArray &data, qint64 timeoutMs);
// A throw-away CA (ca.pem) and a server certificate for 127.0.0.1 (server.pem, server.key) in dir,
// made with the openssl CLI. Empty on success, else the error.
QString makeTlsFiles(const QString &dir);

} // namespace fleetdeck::test
