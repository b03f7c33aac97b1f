#include "nats_test_server.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>

namespace fleetdeck::test {

NatsTestServer::NatsTestServer(QString extraConfig) : m_extraConfig(std::move(extraConfig)), m_port(freePort()) {}

NatsTestServer::~NatsTestServer()
{
    stop();
}

quint16 NatsTestServer::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QString NatsTestServer::sharedFixtureUrl()
{
    const QString dir = qEnvironmentVariable("FLEETDECK_TEST_SERVERS_DIR");
    if (dir.isEmpty())
        return {};
    QFile f(dir + QStringLiteral("/nats/url"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

QString NatsTestServer::url() const
{
    return QStringLiteral("nats://127.0.0.1:%1").arg(m_port);
}

QString NatsTestServer::writeFile(const QString &name, const QByteArray &contents) const
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(contents);
    return path;
}

bool NatsTestServer::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

bool NatsTestServer::start()
{
    m_error.clear();
    if (isRunning())
        return true;
    QString program = QStandardPaths::findExecutable(QStringLiteral("nats-server"));
    if (program.isEmpty()) // Debian installs it in /usr/sbin, often not on a user's PATH
        program = QStandardPaths::findExecutable(QStringLiteral("nats-server"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
    if (program.isEmpty()) {
        m_error = QStringLiteral("nats-server not found (apt-get install nats-server)");
        return false;
    }
    if (m_port == 0) {
        m_error = QStringLiteral("no free loopback port");
        return false;
    }
    const QString config = writeFile(QStringLiteral("nats.conf"),
                                     QStringLiteral("listen: 127.0.0.1:%1\n%2\n").arg(m_port).arg(m_extraConfig).toUtf8());
    const QString log = m_dir.filePath(QStringLiteral("nats.log"));
    m_process.setProgram(program);
    m_process.setArguments({QStringLiteral("-c"), config});
    m_process.setStandardOutputFile(log, QIODevice::Append);
    m_process.setStandardErrorFile(log, QIODevice::Append);
    m_process.setChildProcessModifier([]() { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process.start();
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString());
        return false;
    }
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (m_process.state() == QProcess::NotRunning)
            break;
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200))
            return true;
        QThread::msleep(20);
    }
    QFile f(log);
    const QString tail = f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().right(800)) : QString();
    m_error = QStringLiteral("nats-server on port %1 did not come up: %2").arg(m_port).arg(tail);
    stop();
    return false;
}

void NatsTestServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace fleetdeck::test
