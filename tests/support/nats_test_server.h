#pragma once
// A nats-server of a test's own (auth, max_payload, stop/restart), on a free loopback port, with a
// config file the test chooses. The child gets SIGTERM when the test process dies (prctl
// PR_SET_PDEATHSIG), so a crashing test leaves no server behind.
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace fleetdeck::test {

class NatsTestServer final {
public:
    // extraConfig: nats-server config lines appended after "listen: 127.0.0.1:<port>",
    // e.g. "max_payload: 4MB" or "authorization { token: \"t0k\" }". The port is chosen here.
    explicit NatsTestServer(QString extraConfig = {});
    ~NatsTestServer();
    NatsTestServer(const NatsTestServer &) = delete;
    NatsTestServer &operator=(const NatsTestServer &) = delete;

    // Starts (or restarts, same port) the server; returns once the port answers. False with
    // errorString() naming the reason and the server's log tail.
    bool start();
    // Stops it (SIGTERM, then SIGKILL after 5 s); the port is kept for a restart.
    void stop();
    bool isRunning() const;

    QString url() const;
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }
    // Writes a file in the server's temporary directory (secrets for auth tests); returns its path.
    QString writeFile(const QString &name, const QByteArray &contents) const;
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // The CTest fixture's server ($FLEETDECK_TEST_SERVERS_DIR/nats/url), or empty when the test
    // runs outside CTest.
    static QString sharedFixtureUrl();
    static quint16 freePort();

private:
    QTemporaryDir m_dir;
    QString m_extraConfig;
    quint16 m_port = 0;
    QProcess m_process;
    QString m_error;
};

} // namespace fleetdeck::test
