#include "worker_process.h"

#include "test_util.h"

#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <sys/prctl.h>

namespace fleetdeck::test {

WorkerProcess::WorkerProcess(QString binary) : m_binary(std::move(binary))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setChildProcessModifier([]() { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

WorkerProcess::~WorkerProcess()
{
    if (isRunning()) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    drain();
    if (QTest::currentTestFailed())
        std::fprintf(stderr, "---- fleetdeck-worker log ----\n%s\n---- end ----\n", m_log.constData());
}

bool WorkerProcess::start(const QStringList &args, const QStringList &extraEnv)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : extraEnv)
        env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    m_process.setProcessEnvironment(env);
    m_process.start(m_binary, args);
    return m_process.waitForStarted(5000);
}

bool WorkerProcess::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

void WorkerProcess::terminate()
{
    m_process.terminate();
}

void WorkerProcess::kill()
{
    m_process.kill();
}

bool WorkerProcess::waitForExit(int timeoutMs)
{
    const bool exited = waitUntil([this]() { return !isRunning(); }, timeoutMs);
    drain();
    return exited;
}

void WorkerProcess::drain()
{
    m_log += m_process.readAll();
}

QString WorkerProcess::log()
{
    drain();
    return QString::fromUtf8(m_log);
}

bool WorkerProcess::logContains(const QString &text)
{
    return log().contains(text);
}

int WorkerProcess::logCount(const QString &text)
{
    return int(log().count(text));
}

bool WorkerProcess::waitForLog(const QString &text, int timeoutMs)
{
    return waitUntil([&]() { return logContains(text); }, timeoutMs);
}

RegistrarStub::RegistrarStub(Bus &bus, QJsonObject reply)
    : m_bus(bus), m_ctx(std::make_unique<QObject>()), m_state(std::make_shared<State>())
{
    m_state->reply = std::move(reply);
    m_sub = bus.queueSubscribe(QStringLiteral("nodes.register"), QStringLiteral("fleetdeck-test"), m_ctx.get(),
                               [state = m_state, bus = &m_bus](const BusMessage &m) {
                                   state->requests.append(QJsonDocument::fromJson(m.data).object());
                                   if (!state->silent && !m.replyTo.isEmpty())
                                       bus->publish(m.replyTo, QJsonDocument(state->reply).toJson(QJsonDocument::Compact));
                               });
}

RegistrarStub::~RegistrarStub()
{
    if (m_sub)
        m_bus.unsubscribe(m_sub);
}

QJsonObject registrationReply(const QString &name, const QString &id, int heartbeatS)
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("status"), QStringLiteral("healthy")},
                       {QStringLiteral("heartbeat_interval_s"), heartbeatS}};
}

} // namespace fleetdeck::test
