#pragma once
// A private PostgreSQL for start-up tests (SPEC §10.4, §11.8): its port is chosen now, so a
// process can be pointed at a store that does not exist yet; start() then runs
// tests/support/pg_fixture.sh (initdb and start, as the CTest fixture does) on that port, below
// $FLEETDECK_TEST_SERVERS_DIR/<name>. The destructor stops it and removes the directory.
// Header-only: it needs the test's FLEETDECK_SOURCE_DIR.
#include "nats_test_server.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QString>

namespace fleetdeck::test {

class PgLater final {
public:
    explicit PgLater(const QString &name) : m_port(NatsTestServer::freePort())
    {
        QString base = qEnvironmentVariable("FLEETDECK_TEST_SERVERS_DIR");
        if (base.isEmpty())
            base = QDir::tempPath();
        m_dir = base + QLatin1Char('/') + name;
    }
    ~PgLater() { run(QStringLiteral("stop")); }
    PgLater(const PgLater &) = delete;
    PgLater &operator=(const PgLater &) = delete;

    QString dsn() const { return QStringLiteral("postgresql://app@127.0.0.1:%1/postgres").arg(m_port); }
    // initdb and start; false with the script's output in *error.
    bool start(QString *error) { return run(QStringLiteral("start"), error); }

private:
    bool run(const QString &cmd, QString *error = nullptr)
    {
        QDir().mkpath(QFileInfo(m_dir).absolutePath());
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FLEETDECK_PG_PORT"), QString::number(m_port));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(FLEETDECK_SOURCE_DIR "/tests/support/pg_fixture.sh"), {cmd, m_dir});
        const bool ok = p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (error)
            *error = QString::fromUtf8(p.readAll());
        return ok;
    }

    quint16 m_port;
    QString m_dir;
};

} // namespace fleetdeck::test
