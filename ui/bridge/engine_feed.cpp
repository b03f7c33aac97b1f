#include "bridge/engine_feed.h"

#include "bridge/engine_host.h"
#include "engine.h"

#include <algorithm>

namespace fleetdeck {

namespace {
constexpr int kFrameMs = 16;
constexpr int kNodesPollMs = 5000;
constexpr int kHistoryShown = 200;
} // namespace

EngineFeed::EngineFeed(Engine *engine, EngineHost *host) : m_engine(engine), m_host(host)
{
    m_frame.setSingleShot(true);
    // The frame limit is the latency every pushed value waits at most (docs/gui.md): a coarse
    // timer may move it by 5 % to align with other timers; it only runs while values arrive.
    m_frame.setTimerType(Qt::PreciseTimer);
    connect(&m_frame, &QTimer::timeout, this, &EngineFeed::flush);
    m_nodesPoll.setInterval(kNodesPollMs);
    connect(&m_nodesPoll, &QTimer::timeout, this, [this] { mark(Nodes); });
}

EngineFeed::~EngineFeed() = default;

void EngineFeed::preview()
{
    m_preview = true;
    m_pending.settings = m_engine->settings();
    m_nodesPoll.start();
    connect(&m_nodesPoll, &QTimer::timeout, this, [this] {
        if (m_preview)
            mark(Ops | History);
    });
    mark(Ops | Nodes | History);
}

void EngineFeed::start()
{
    m_preview = false;
    m_opsCursor.reset(); // the first list read replaces the preview's whole
    // The engine's signals cover this replica's changes and its peers' broadcasts alike.
    connect(m_engine, &Engine::opsChanged, this, [this] { mark(Ops); });
    connect(m_engine, &Engine::historyAppended, this, [this] { mark(History | Ops); });
    connect(m_engine, &Engine::storeError, this, &EngineFeed::notice);
    connect(m_engine, &Engine::nodesChanged, this, [this] { mark(Nodes); });
    connect(m_engine, &Engine::upgradesChanged, this, [this](const UpgradesResult &r) {
        m_pending.upgrades = r;
        mark(0);
    });
    connect(m_engine, &Engine::settingsChanged, this, [this](const ClusterSettings &s) {
        m_pending.settings = s;
        mark(Gallery);
    });
    auto report = [this](const ReconcileReport &r) {
        m_pending.report = r;
        mark(0);
    };
    connect(m_engine, &Engine::reconcileReport, this, report);
    connect(m_engine, &Engine::peerReconcileReport, this, report);
    connect(m_engine, &Engine::galleryLoaded, this, [this] { mark(Gallery); });
    // The connection indicator (docs/gui.md#connection-indicator-and-re-seed) and the re-seed after
    // a gap: no bar keeps a value from before it, so every part is read again.
    connect(m_engine, &Engine::connectionChanged, this, [this](const ConnectionStatus &c) {
        m_pending.connection = c;
        mark(0);
    });
    connect(m_engine, &Engine::reseeded, this, [this] {
        m_pending.reseeded = true;
        m_opsCursor.reset();
        mark(Ops | Nodes | History | Gallery);
    });
    m_pending.connection = m_engine->connectionStatus();
    m_pending.settings = m_engine->settings();
    if (const std::optional<UpgradesResult> u = m_engine->latestUpgrades())
        m_pending.upgrades = *u;
    m_nodesPoll.start();
    mark(Ops | Nodes | History | Gallery);
}

void EngineFeed::stop()
{
    m_stopped = true;
    m_frame.stop();
    m_nodesPoll.stop();
    disconnect(m_engine, nullptr, this, nullptr);
    disconnect();
}

void EngineFeed::notice(const Reason &reason)
{
    m_pending.notices.append(reason);
    mark(0);
}

void EngineFeed::mark(unsigned parts)
{
    if (m_stopped)
        return;
    m_dirty |= parts;
    schedule();
}

void EngineFeed::schedule()
{
    if (m_frame.isActive())
        return;
    // A tick reaching an idle feed waited a whole frame before (bench_live_latency): the frame
    // limit now counts from the last snapshot.
    const qint64 since = m_lastFlush.isValid() ? m_lastFlush.elapsed() : kFrameMs;
    m_frame.start(int(std::clamp<qint64>(kFrameMs - since, 0, kFrameMs)));
}

void EngineFeed::ack()
{
    m_awaitingAck = false;
    if (m_dirty || !m_pending.isEmpty())
        schedule();
}

void EngineFeed::flush()
{
    if (m_awaitingAck)
        return; // ack() restarts the frame timer
    m_lastFlush.start();
    SnapshotDelta delta = std::move(m_pending);
    m_pending = {};
    const unsigned dirty = m_dirty;
    m_dirty = 0;
    if ((dirty & Ops) && m_preview && !m_readingOps) {
        // Not started: no status map yet; what hydration will load
        // (docs/architecture.md#start-up-and-hydration), as the store has it.
        m_readingOps = true;
        const qint64 now = m_engine->nowMs();
        m_engine->previewOps(now).then(this, [this, now](Result<QList<Operation>> r) {
            m_readingOps = false;
            SnapshotDelta d;
            if (r && m_preview) {
                d.ops = OpsListDelta{true, r.value(), {}};
                d.opsAtMs = now;
            }
            send(std::move(d));
        });
    } else if ((dirty & Ops) && !m_preview) {
        // The list read (docs/operations.md#opcache-and-eviction: the only eviction point), as the
        // ops that changed since the last one sent; whole after start and after a re-seed.
        OpsListDelta ops = m_engine->listOpsDelta(m_opsCursor);
        if (!ops.isEmpty()) {
            delta.ops = std::move(ops);
            delta.opsAtMs = m_engine->nowMs();
        }
    }
    if (dirty & Gallery)
        delta.gallery = m_engine->gallery();
    if ((dirty & Nodes) && !m_readingNodes) {
        m_readingNodes = true;
        m_engine->listNodes().then(this, [this](Result<QList<Node>> r) {
            m_readingNodes = false;
            SnapshotDelta d;
            if (r)
                d.nodes = r.value();
            else
                d.notices.append(Reason::plain(tr("Could not read nodes: %1").arg(r.error())));
            send(std::move(d));
        });
    } else if (dirty & Nodes) {
        m_dirty |= Nodes; // re-read once the running read is in
        schedule();
    }
    if ((dirty & History) && !m_readingHistory) {
        m_readingHistory = true;
        m_engine->listHistory(kHistoryShown).then(this, [this](Result<QList<HistoryEntry>> r) {
            m_readingHistory = false;
            SnapshotDelta d;
            if (r)
                d.history = r.value();
            send(std::move(d));
        });
    } else if (dirty & History) {
        m_dirty |= History;
        schedule();
    }
    send(std::move(delta));
}

void EngineFeed::send(SnapshotDelta delta)
{
    if (m_stopped || delta.isEmpty())
        return;
    m_awaitingAck = true;
    QMetaObject::invokeMethod(
        m_host, [host = m_host, delta = std::move(delta)]() { host->applySnapshot(delta); }, Qt::QueuedConnection);
}

} // namespace fleetdeck
