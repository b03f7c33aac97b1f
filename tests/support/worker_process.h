#pragma once
// A fleetdeck-worker process for integration tests, and a stub that answers nodes.register as a
// replica would. The worker gets SIGKILL when the test process dies (PR_SET_PDEATHSIG) and is
// killed when the object goes; its stderr is kept and printed when the test failed.
#include "bus/bus.h"

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStringList>
#include <memory>

namespace fleetdeck::test {

class WorkerProcess final {
public:
    explicit WorkerProcess(QString binary);
    ~WorkerProcess();
    WorkerProcess(const WorkerProcess &) = delete;
    WorkerProcess &operator=(const WorkerProcess &) = delete;

    // Starts the binary with args; extraEnv entries are added to the test's environment.
    bool start(const QStringList &args, const QStringList &extraEnv = {});
    bool isRunning() const;
    void terminate(); // SIGTERM
    void kill();      // SIGKILL
    // Waits (event loop running) for the exit; false on timeout.
    bool waitForExit(int timeoutMs);
    int exitCode() const { return m_process.exitCode(); }
    bool crashed() const { return m_process.exitStatus() == QProcess::CrashExit; }
    QString log();                       // stderr + stdout so far
    bool logContains(const QString &text);
    int logCount(const QString &text);
    bool waitForLog(const QString &text, int timeoutMs = 10000);

private:
    void drain();
    QString m_binary;
    QProcess m_process;
    QByteArray m_log;
};

// Answers nodes.register (queue group of a replica) with `reply`, recording every request.
class RegistrarStub final {
public:
    RegistrarStub(Bus &bus, QJsonObject reply);
    ~RegistrarStub();
    void setReply(QJsonObject reply) { m_state->reply = std::move(reply); }
    void setSilent(bool silent) { m_state->silent = silent; }
    QList<QJsonObject> requests() const { return m_state->requests; }

private:
    struct State {
        QJsonObject reply;
        bool silent = false;
        QList<QJsonObject> requests;
    };
    Bus &m_bus;
    std::unique_ptr<QObject> m_ctx;
    std::shared_ptr<State> m_state;
    SubscriptionId m_sub = 0;
};

// {"id":"<id>","name":"<name>","status":"healthy","heartbeat_interval_s":<s>}
QJsonObject registrationReply(const QString &name, const QString &id, int heartbeatS = 1);

} // namespace fleetdeck::test
