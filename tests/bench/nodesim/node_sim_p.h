#pragma once
// NodeSimulator's state on its own thread (private to node_sim*.cpp). Everything here runs on the
// simulator thread except the atomics and the mutex-guarded stamp map and hook.
#include "bus/bus.h"
#include "node_sim.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <map>
#include <memory>
#include <vector>

namespace fleetdeck {
class NatsBus;
}

namespace fleetdeck::bench {

struct SimInstalled {
    QString version, digest, installedAt, opId, galleryUrl, uri;
};

struct SimNode {
    QString name;
    QString prefix;            // "nodes.<name>."
    QString nodeId;            // from the register reply; empty until registered
    bool everRegistered = false;
    bool registering = false;  // queued or in flight
    int backoffS = 2;
    int heartbeatIntervalS = 10;
    quint64 heartbeatTimer = 0;
    QHash<QString, SimInstalled> installed; // by backend
    QHash<QString, qint64> tombstones;      // cancelled op ids with no job → expiry (ms)
};

struct SimJob {
    quint64 seq = 0;
    int node = 0;
    QString kind;    // install | upgrade | delete
    QString opId, backend, replyTo, fileName;
    QJsonObject entry;
    qint64 downloadMs = 0, tickMs = 0;
    QElapsedTimer elapsed;
    QTimer *ticker = nullptr; // owned by the core
    QTimer *finisher = nullptr;
};

struct SimCounters {
    std::atomic<quint64> requestsAnswered{0}, installsAnswered{0}, deletesAnswered{0}, listsAnswered{0},
        cancelsAnswered{0}, progressPublished{0}, heartbeatsSent{0}, registrations{0}, installBusyUs{0};
    std::atomic<int> openInstalls{0}, registered{0};
    std::atomic<qint64> downloadMs{1000}, tickMs{250};
};

struct SimShared {
    SimCounters counters;
    mutable QMutex mutex; // guards hook and stamps
    std::shared_ptr<const NodeSimulator::ProgressHook> hook;
    QHash<QString, ProgressStamp> stamps; // key: opId + '\n' + node
    QList<qint64> slotGapsUs;             // NodeSimulator::takeSlotGapsUs
    bool keepStamps = true;
};

// The key of SimShared::stamps.
QString nodeSimStampKey(const QString &opId, const QString &node);

class SimCore final : public QObject {
public:
    SimCore(SimShared *shared, NodeSimulator::Options options, QObject *parent = nullptr);
    ~SimCore() override;

    // node_sim.cpp
    Status connectAndSubscribe(const QString &natsUrl, const QStringList &names);
    void startRegistrations();
    NatsBus *bus() const { return m_bus.get(); }

    // node_sim_jobs.cpp
    void onMessage(int node, const BusMessage &msg);

private:
    // node_sim.cpp: registration and heartbeats (docs/nodes.md#registration, #heartbeats).
    void queueRegistration(int node);
    void pumpRegistrations();
    void onRegisterResult(int node, const RequestResult &r);
    void retryRegistration(int node, const QString &why);
    void scheduleHeartbeat(int node, qint64 extraMs = 0);
    void sendHeartbeat(int node);
    QJsonObject resources() const;

    // node_sim_jobs.cpp: the commands of docs/protocol.md#worker-messages.
    void handleInstall(int node, const BusMessage &msg, const QString &kind);
    void handleDelete(int node, const BusMessage &msg);
    void handleList(int node, const BusMessage &msg);
    void handleCancel(int node, const BusMessage &msg);
    bool tombstoned(SimNode &n, const QString &opId);
    void tick(quint64 seq, bool final);
    void finishInstall(quint64 seq, bool cancelled);
    void publishProgress(const SimJob &job, int percentage, const QString &phase, bool final);
    void dropJob(quint64 seq);
    void reply(const QString &replyTo, const QByteArray &payload);

    SimShared *m_shared;
    NodeSimulator::Options m_options;
    std::unique_ptr<NatsBus> m_bus;
    std::vector<SimNode> m_nodes;
    QList<int> m_registerQueue;
    int m_registerInFlight = 0;
    std::map<quint64, std::unique_ptr<SimJob>> m_jobs;
    quint64 m_nextSeq = 1;
    QList<qint64> m_unpairedRepliesNs; // steady_clock of install replies not yet followed by a request
    bool m_stopping = false; // the destructor runs: late request callbacks are ignored
};

} // namespace fleetdeck::bench
