#pragma once
// A small HTTP/1.1 server on loopback serving artifacts from memory, for worker tests: a
// configurable send rate (so progress is observable), GET counts per path, status overrides,
// redirects and a "stall after N bytes" mode. It runs on its own thread, so a test thread may
// block in a synchronous download. One request per connection (Connection: close).
#include <QByteArray>
#include <QString>
#include <memory>

namespace fleetdeck::test {

class ArtifactServer final {
public:
    ArtifactServer();
    ~ArtifactServer();
    ArtifactServer(const ArtifactServer &) = delete;
    ArtifactServer &operator=(const ArtifactServer &) = delete;

    bool start(); // listens on 127.0.0.1, a free port
    quint16 port() const;
    QString url(const QString &path) const; // "http://127.0.0.1:<port><path>"

    void setFile(const QString &path, const QByteArray &data);
    void setStatus(const QString &path, int status);                 // answered with this status
    void setRedirect(const QString &path, const QString &location); // 302 to location
    void setRateBytesPerSec(qint64 rate);                           // 0 = as fast as possible
    void setStallAfter(const QString &path, qint64 bytes);          // send that many body bytes, then nothing
    int getCount(const QString &path) const;
    int totalGets() const;
    void resetCounts();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace fleetdeck::test
