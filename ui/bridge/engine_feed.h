#pragma once
// The engine-thread half of the bridge: listens to the Engine's signals (which cover peers'
// broadcasts too), marks which snapshot parts are dirty, and at most once per frame (16 ms; a
// change after a quiet frame goes at once, one within a frame waits for its end) reads them
// through the Engine's queries (the list read of docs/operations.md#opcache-and-eviction for ops,
// as the ops that changed since the last delta; the store for nodes and History) and posts one
// SnapshotDelta to the EngineHost. Nodes are also re-read every 5 s, since heartbeats reach only
// one replica (docs/gui.md#data-flow). It knows the engine only through engine.h: no bus, store or
// part of it (the test feed_uses_engine_api checks this).
#include "bridge/snapshot.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace fleetdeck {

class Engine;
class EngineHost;

class EngineFeed final : public QObject {
    Q_OBJECT
public:
    EngineFeed(Engine *engine, EngineHost *host);
    ~EngineFeed() override;

    // Listens and sends the first full snapshot (after preview() too).
    void start();
    // Start-up waiting for NATS (docs/gui.md#connection-indicator-and-re-seed): nodes, ops and
    // History read from the store only, every 5 s; the parts are not started, so nothing else is
    // listened to yet.
    void preview();
    void stop();
    void notice(const fleetdeck::Reason &reason);
    // The GUI applied the previous delta: the next one may go (flow control, so a slow GUI sets
    // the pace instead of queueing snapshots it cannot show).
    void ack();

private:
    enum Part : unsigned { Ops = 1, Nodes = 2, History = 4, Gallery = 8 };
    void mark(unsigned parts);
    // Starts the frame timer: at once after a quiet frame, else at the end of the current one.
    void schedule();
    void flush();
    void send(SnapshotDelta delta);

    Engine *m_engine;
    EngineHost *m_host;
    QTimer m_frame;
    QElapsedTimer m_lastFlush; // at most one snapshot per frame, measured from the last one
    QTimer m_nodesPoll;
    unsigned m_dirty = 0;
    bool m_readingNodes = false;
    bool m_readingHistory = false;
    bool m_stopped = false;
    bool m_preview = false;
    bool m_readingOps = false;
    bool m_awaitingAck = false;
    OpsListCursor m_opsCursor; // what the GUI has of the ops list
    SnapshotDelta m_pending; // parts that arrive whole (reports, upgrades, settings)
};

} // namespace fleetdeck
