#pragma once
// A TCP forwarder for connection-loss tests (SPEC A28): listens on a free loopback port and pipes
// every accepted connection to host:port. setDown(true) closes every open connection and, until
// setDown(false), closes each new one at once (a client sees "connection closed" and retries).
// The sockets live on the proxy's own thread, so a client that blocks the test's thread (a
// blocking NATS connect) is still served.
#include <QObject>
#include <QThread>
#include <atomic>

namespace fleetdeck::test {

class TcpProxyWorker;

class TcpProxy final {
public:
    TcpProxy(QString targetHost, quint16 targetPort);
    ~TcpProxy();
    TcpProxy(const TcpProxy &) = delete;
    TcpProxy &operator=(const TcpProxy &) = delete;

    bool start();
    quint16 port() const { return m_port; }
    QString url(const QString &scheme = QStringLiteral("nats")) const;

    // Returns once every open connection is closed (down) or new ones are accepted again (up).
    void setDown(bool down);
    // Stalled: connections stay open but no byte is forwarded (a network that silently drops
    // traffic); what arrived meanwhile is forwarded when the stall ends.
    void setStalled(bool stalled);
    int refused() const;

private:
    QString m_host;
    quint16 m_targetPort;
    quint16 m_port = 0;
    QThread m_thread;
    TcpProxyWorker *m_worker = nullptr;
};

} // namespace fleetdeck::test
