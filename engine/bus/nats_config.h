#pragma once
// How a process connects to NATS (nats/* keys: docs/architecture.md#configuration; connection
// rules: docs/protocol.md#rules; transport security: docs/protocol.md#transport-security). Secrets
// are file names; NatsBus reads them at connect time and never logs them.
#include <QString>

namespace fleetdeck {

struct NatsConfig {
    QString url;          // nats://host:port or tls://host:port (comma-separated list allowed)
    QString credsFile;    // --nats-creds: JWT + NKey seed (natsOptions_SetUserCredentialsFromFiles)
    QString tlsCaFile;    // --nats-tls-ca: turns TLS on with server verification
    QString user;         // --nats-user, with passwordFile
    QString passwordFile; // --nats-password-file
    QString tokenFile;    // --nats-token-file
    // Long-lived replicas and workers: connect() succeeds while the server is down and the
    // library keeps trying (state Reconnecting until connected). ctl: false, fail at once.
    bool retryInitialConnect = false;
    QString name;         // connection name shown by the server's monitoring
    bool noEcho = false;  // workers: do not receive their own publications (docs/worker.md#start-and-concurrency)
    // Larger incoming payloads are dropped (subscriptions) or fail the request (replies),
    // docs/protocol.md#rules.
    qint64 maxPayloadBytes = 1048576;
};

// "creds", "user/password", "token" or "none": named in connect errors, never the secret.
QString natsAuthMethod(const NatsConfig &config);

} // namespace fleetdeck
