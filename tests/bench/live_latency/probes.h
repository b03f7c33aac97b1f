#pragma once
// Where bench_live_latency looks: the engine's status map (OperationService::opChanged, on the
// engine thread) and the operations bar's model (OpsModel::dataChanged and rowsInserted, on the
// GUI thread; docs/architecture.md#one-progress-tick-worker-to-pixel steps 7 to 9).
//
// What a row "shows" depends on the path:
//  - OpRevision (path b): a top-level row, keyed by op id; the value is the revision of the op the
//    row holds, and the progress the row exposes (OpLineRole) must be the one that event carried.
//  - NodePercentage (path a): a child row (one node of an op), keyed "op id/node name"; the value
//    is the percentage the row exposes (NodeLineRole).
#include "live_latency/ledger.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace fleetdeck {
class EngineHost;
class Operation;
namespace ui {
class OpsModel;
}
} // namespace fleetdeck

namespace livelat {

enum class Keying { OpRevision, NodePercentage };

// Calls the stage for every row of the op as the engine's status map has it. Connects on the
// engine thread; disconnect() before the stage goes.
class EngineProbe {
public:
    EngineProbe(fleetdeck::EngineHost &host, Stage &stage, Keying keying, qint64 revisionBase);
    ~EngineProbe();
    void disconnect();

private:
    fleetdeck::EngineHost &m_host;
    QMetaObject::Connection m_connection;
};

// The largest backlog seen, sampled every 2 ms and whenever the model is about to show a value.
struct Backlog {
    qint64 maxEngineToGui = 0;   // applied by the engine's status map, not yet shown by the model
    qint64 maxWireToEngine = 0;  // published, not yet applied by the status map (nats.c, engine queue)
    QList<qint64> perSecondEngineToGui;
};

class ModelProbe final : public QObject {
public:
    ModelProbe(fleetdeck::ui::OpsModel *model, Stage &modelStage, const Stage &engineStage, const TickLedger &ledger,
               Keying keying, qint64 revisionBase, std::function<int(qint64 seq)> expectedProgress = {});
    // Starts the backlog sampling clock (the measured window).
    void startWindow();
    void stopWindow();
    const Backlog &backlog() const { return m_backlog; }
    qint64 progressMismatches() const { return m_mismatches; }
    // Time this probe spent in its own slots on the GUI thread in the window (it is part of what
    // the GUI thread does for every snapshot).
    double selfMs() const { return double(m_selfNs) / 1e6; }

private:
    void rows(const QModelIndex &parent, int first, int last);
    void opRow(const QModelIndex &idx, qint64 at);
    void nodeRows(const QModelIndex &parent, int first, int last, qint64 at);
    void sample();

    fleetdeck::ui::OpsModel *m_model;
    Stage &m_stage;
    const Stage &m_engine;
    const TickLedger &m_ledger;
    Keying m_keying;
    qint64 m_base;
    std::function<int(qint64)> m_expected;
    qint64 m_mismatches = 0;
    Backlog m_backlog;
    QTimer m_sampler;
    qint64 m_windowStartNs = 0;
    qint64 m_selfNs = 0;
    bool m_inWindow = false;
};

// How long the GUI thread takes to apply one ops snapshot: from the first to the last slot
// connected to EngineHost::opsChanged, that is every view's refresh and the model updates and
// dataChanged handlers they run. Construct it before the window (its first slot must come
// first), call attachAfterViews() once the window exists.
class SnapshotTimer {
public:
    explicit SnapshotTimer(fleetdeck::EngineHost &host);
    void attachAfterViews();
    void startWindow()
    {
        m_ms.clear();
        m_on = true;
    }
    void stopWindow() { m_on = false; }
    const std::vector<double> &ms() const { return m_ms; }

private:
    fleetdeck::EngineHost &m_host;
    qint64 m_begin = 0;
    bool m_on = false;
    std::vector<double> m_ms;
};

} // namespace livelat
