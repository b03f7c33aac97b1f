#include "worker/progress_publisher.h"

#include "core/clock.h"
#include "wire/worker_messages.h"

#include <QMutex>
#include <optional>

namespace fleetdeck {

struct ProgressPublisher::State {
    Clock *clock = nullptr;
    QObject *ctx = nullptr;
    Ids ids;
    Sink sink;
    qint64 windowMs = 250;

    QMutex mutex; // guards the fields below; never held while publishing
    qint64 lastPublishedAt = -1;
    std::optional<ProgressTick> pending;
    bool timerArmed = false;
    quint64 timerHandle = 0;
    quint64 timerGen = 0; // a timer callback already posted when cancelled must not fire later
    quint64 nextSeq = 1;

    QMutex sinkMutex; // serialises sink calls, keeps publication order
    quint64 publishedSeq = 0;
    int published = 0;

    void publish(quint64 seq, const ProgressTick &t)
    {
        QMutexLocker lock(&sinkMutex);
        if (seq <= publishedSeq)
            return; // a newer tick already went out
        publishedSeq = seq;
        ++published;
        if (sink)
            sink(encode(ids, t));
    }
};

ProgressPublisher::ProgressPublisher(Clock *clock, QObject *timerContext, Ids ids, Sink sink, qint64 windowMs)
    : m_state(std::make_shared<State>())
{
    m_state->clock = clock;
    m_state->ctx = timerContext;
    m_state->ids = std::move(ids);
    m_state->sink = std::move(sink);
    m_state->windowMs = windowMs;
}

ProgressPublisher::~ProgressPublisher()
{
    QMutexLocker lock(&m_state->mutex);
    if (m_state->timerArmed)
        m_state->clock->cancel(m_state->timerHandle);
    m_state->timerArmed = false;
    m_state->pending.reset();
}

std::unique_ptr<ProgressPublisher> ProgressPublisher::forOp(Clock *clock, QObject *timerContext, Ids ids, Sink sink,
                                                            qint64 windowMs)
{
    if (ids.opId.isEmpty())
        return nullptr;
    return std::make_unique<ProgressPublisher>(clock, timerContext, std::move(ids), std::move(sink), windowMs);
}

void ProgressPublisher::tick(const ProgressTick &tick)
{
    State *s = m_state.get();
    std::optional<quint64> publishNow;
    {
        QMutexLocker lock(&s->mutex);
        const qint64 now = s->clock->nowMs();
        const quint64 seq = s->nextSeq++;
        if (s->lastPublishedAt < 0 || now - s->lastPublishedAt >= s->windowMs) {
            // Leading edge. A pending tick (its timer not yet run) is older: superseded.
            if (s->timerArmed)
                s->clock->cancel(s->timerHandle);
            s->timerArmed = false;
            s->pending.reset();
            s->lastPublishedAt = now;
            publishNow = seq;
        } else {
            s->pending = tick;
            if (!s->timerArmed) {
                s->timerArmed = true;
                const qint64 delay = s->lastPublishedAt + s->windowMs - now;
                std::weak_ptr<State> weak = m_state;
                const quint64 gen = ++s->timerGen;
                s->timerHandle = s->clock->callAfter(delay, s->ctx, [weak, gen]() {
                    const std::shared_ptr<State> st = weak.lock();
                    if (!st)
                        return;
                    std::optional<ProgressTick> t;
                    quint64 tseq = 0;
                    {
                        QMutexLocker l(&st->mutex);
                        if (!st->timerArmed || st->timerGen != gen)
                            return;
                        st->timerArmed = false;
                        if (st->pending) {
                            t = std::move(st->pending);
                            st->pending.reset();
                            st->lastPublishedAt = st->clock->nowMs();
                            tseq = st->nextSeq++;
                        }
                    }
                    if (t)
                        st->publish(tseq, *t);
                });
            }
        }
    }
    if (publishNow)
        s->publish(*publishNow, tick);
}

void ProgressPublisher::flush()
{
    State *s = m_state.get();
    std::optional<ProgressTick> t;
    quint64 seq = 0;
    {
        QMutexLocker lock(&s->mutex);
        if (s->timerArmed)
            s->clock->cancel(s->timerHandle);
        s->timerArmed = false;
        if (s->pending) {
            t = std::move(s->pending);
            s->pending.reset();
            s->lastPublishedAt = s->clock->nowMs();
            seq = s->nextSeq++;
        }
    }
    if (t)
        s->publish(seq, *t);
}

int ProgressPublisher::publishedCount() const
{
    QMutexLocker lock(&m_state->sinkMutex);
    return m_state->published;
}

QByteArray ProgressPublisher::encode(const Ids &ids, const ProgressTick &t)
{
    return wire::encode(wire::ProgressEvent{ids.opId, ids.nodeId, ids.backend, t.fileName, t.phase, t.percentage,
                                            t.currentBytes, t.totalBytes});
}

} // namespace fleetdeck
