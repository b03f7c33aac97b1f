#pragma once
// A scripted worker on the in-process bus for fan-out tests: answers nodes.<name>.backend.*
// after a delay on the injected clock, publishes scripted progress ticks, lists configured
// backends and records every request. Workers sharing a FakeWorkerStats count requests in flight.
#include "bus/bus.h"
#include "core/clock.h"
#include "wire/worker_messages.h"

#include <QHash>
#include <QObject>
#include <QStringList>

namespace fleetdeck::test {

struct FakeWorkerStats {
    int inFlight = 0;
    int maxInFlight = 0;
    QStringList started; // node names in the order their commands arrived
};

class FakeWorker final : public QObject {
public:
    enum class Reply { Success, Failure, Cancelled, Silent };

    FakeWorker(Bus *bus, Clock *clock, const QString &nodeId, const QString &name, FakeWorkerStats *stats = nullptr);

    // Command behaviour (install, upgrade, delete).
    qint64 delayMs = 1000;
    Reply reply = Reply::Success;
    QString error;                         // for Failure
    Reason errorCode;                      // for Failure: the reply's error_code and error_args (none: an older worker)
    QString version = QStringLiteral("1.0");
    QList<wire::ProgressEvent> ticks;      // published when a command arrives (op id and node id filled in)
    bool ignoreCancel = false;             // reply as scripted even after a cancel
    // Listing.
    QList<wire::ListedBackend> backends;
    QList<wire::ListedJob> jobs;

    struct Request {
        QString command; // install|upgrade|delete|list|cancel
        QJsonObject payload;
    };
    QList<Request> requests;
    QList<Request> requestsOf(const QString &command) const;

private:
    struct Job {
        QString replyTo;
        quint64 timer = 0;
    };
    void onMessage(const BusMessage &m);
    void answer(const QString &opId, const QString &replyTo, const wire::CommandReply &reply);

    Bus *m_bus;
    Clock *m_clock;
    QString m_id, m_name;
    FakeWorkerStats *m_stats;
    QHash<QString, Job> m_jobs; // op id → pending command
};

} // namespace fleetdeck::test
