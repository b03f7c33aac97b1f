#pragma once
// The worker's debounced progress publisher (docs/protocol.md#progress-debounce-and-coalescing):
// one per install/upgrade run with a non-empty op id. A tick ≥ window after the last publication
// goes out at once (leading edge); a tick inside the window overwrites the single pending slot and,
// when no timer is armed, arms one trailing timer for the rest of the window. flush() stops the
// timer and synchronously publishes a pending tick (always called when the job ends, before the
// reply is sent).
//
// Thread safety: tick() and flush() may be called from any thread (the job thread); the trailing
// timer runs on the timer context's thread through Clock::callAfter. Nothing is published while
// the state lock is held; publications are serialised by a separate sink lock, and a tick older
// than one already published is dropped, so the sink sees ticks in order. The sink must not call
// back into the publisher.
#include "worker/worker_types.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>

class QObject;

namespace fleetdeck {

class Clock;

class ProgressPublisher final {
public:
    using Sink = std::function<void(const QByteArray &payload)>;
    struct Ids {
        QString opId;
        QString nodeId;
        QString backend;
    };

    // timerContext must live on a thread running an event loop (the worker's engine thread) and
    // outlive the publisher's timers (a timer firing after either is gone does nothing).
    ProgressPublisher(Clock *clock, QObject *timerContext, Ids ids, Sink sink, qint64 windowMs = 250);
    ~ProgressPublisher(); // cancels the timer; a pending tick not flushed is dropped
    ProgressPublisher(const ProgressPublisher &) = delete;
    ProgressPublisher &operator=(const ProgressPublisher &) = delete;

    // docs/protocol.md#progress-debounce-and-coalescing: no publisher without an op id (reconciler
    // retries publish nothing).
    static std::unique_ptr<ProgressPublisher> forOp(Clock *clock, QObject *timerContext, Ids ids, Sink sink,
                                                    qint64 windowMs = 250);

    void tick(const ProgressTick &tick);
    void flush();
    int publishedCount() const;

    // The `nodes.<name>.backend.install.<opID>.progress` payload
    // (docs/protocol.md#worker-messages).
    static QByteArray encode(const Ids &ids, const ProgressTick &tick);

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace fleetdeck
