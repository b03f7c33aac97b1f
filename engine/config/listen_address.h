#pragma once
// The value of metrics/listen (--metrics-listen, FLEETDECK_METRICS_LISTEN): where the optional,
// read-only Prometheus endpoint of `fleetdeck --headless` and `fleetdeck-worker` listens
// (docs/metrics.md). Forms: PORT (loopback, 127.0.0.1:PORT), IPV4:PORT, [IPV6]:PORT, localhost:PORT.
// Port 0 binds a free port, which the process logs. Host names other than localhost are refused:
// the endpoint binds an address of this host, it does not resolve one.
#include "core/result.h"

#include <QHostAddress>
#include <QString>

namespace fleetdeck {

struct ListenAddress {
    QHostAddress address;
    quint16 port = 0;

    // "127.0.0.1:9464", "[::1]:9464".
    QString toString() const;
};

// Errors read "expected PORT, ADDRESS:PORT or [IPV6]:PORT, got \"…\"" or name the bad part.
Result<ListenAddress> parseListenAddress(const QString &text);

} // namespace fleetdeck
