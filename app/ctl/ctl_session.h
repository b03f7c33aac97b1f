#pragma once
// One fleetdeckctl run: opens what the command needs (the store alone, or the store and NATS
// through a short-lived `ctl` engine), runs it, and returns the exit code listed in
// docs/architecture.md#programs.
#include "core/op_types.h"
#include "ctl_output.h"
#include "engine_config.h"

#include <QCoreApplication>
#include <QFuture>
#include <QStringList>
#include <memory>

namespace fleetdeck {
class Engine;
class StoreThread;
}

namespace fleetdeck::ctl {

struct Options {
    QStringList words;    // the command and its arguments
    QString node;         // --node
    bool force = false;   // --force
    bool wait = false;    // --wait
    qint64 waitTimeoutMs = 3'600'000;
    int limit = 50;       // ops history --limit
    qint64 historyId = -1; // retry --history <id>
};

class Session {
public:
    Session(EngineConfig config, Options options, Output out);
    ~Session();
    int run();

private:
    int runStoreOnly();
    int runWithEngine();
    int admit(OpKind kind, const QString &backend);
    int follow(const QString &opId);
    int nodeAction(const QString &action, const QString &node);
    int settingsSet(const QString &key, const QString &value);
    bool openStore();
    bool openEngine();

    // Runs the event loop (the engine lives on this thread) until the future is done.
    template <typename T>
    T wait(QFuture<T> f)
    {
        while (!f.isFinished())
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
        if constexpr (!std::is_void_v<T>)
            return f.result();
    }

    EngineConfig m_config;
    Options m_opt;
    Output m_out;
    std::unique_ptr<StoreThread> m_store;
    std::unique_ptr<Engine> m_engine;
    bool m_interrupted = false;
};

// The usage text of every command (--help).
QString usage();

} // namespace fleetdeck::ctl
