#include "live_latency/probes.h"

#include "bridge/engine_host.h"
#include "models/ops_model.h"
#include "ops/operation_service.h"

using namespace fleetdeck;
using fleetdeck::ui::OpsModel;

namespace livelat {

namespace {
QString nodeKey(const QString &opId, const QString &node)
{
    return opId + QLatin1Char('/') + node;
}
} // namespace

EngineProbe::EngineProbe(EngineHost &host, Stage &stage, Keying keying, qint64 revisionBase) : m_host(host)
{
    QMetaObject::invokeMethod(
        host.ownerOnEngineThread(),
        [&] {
            OperationService *service = host.engineOnEngineThread()->ops();
            m_connection = QObject::connect(
                service, &OperationService::opChanged, service,
                [&stage, keying, revisionBase](const Operation &op) {
                    const qint64 at = nowNs();
                    if (keying == Keying::OpRevision) {
                        stage.observe(op.id, op.revision - revisionBase, at);
                        return;
                    }
                    for (const NodeProgress &n : op.nodes)
                        stage.observe(nodeKey(op.id, n.nodeName), n.percentage, at);
                },
                Qt::DirectConnection);
        },
        Qt::BlockingQueuedConnection);
}

EngineProbe::~EngineProbe()
{
    disconnect();
}

void EngineProbe::disconnect()
{
    if (!m_connection)
        return;
    QMetaObject::invokeMethod(m_host.ownerOnEngineThread(), [this] { QObject::disconnect(m_connection); },
                              Qt::BlockingQueuedConnection);
    m_connection = {};
}

ModelProbe::ModelProbe(OpsModel *model, Stage &modelStage, const Stage &engineStage, const TickLedger &ledger, Keying keying,
                       qint64 revisionBase, std::function<int(qint64)> expectedProgress)
    : m_model(model), m_stage(modelStage), m_engine(engineStage), m_ledger(ledger), m_keying(keying), m_base(revisionBase),
      m_expected(std::move(expectedProgress))
{
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &tl, const QModelIndex &br) { rows(tl.parent(), tl.row(), br.row()); });
    connect(model, &QAbstractItemModel::rowsInserted, this, &ModelProbe::rows);
    m_sampler.setInterval(2);
    m_sampler.setTimerType(Qt::PreciseTimer);
    connect(&m_sampler, &QTimer::timeout, this, &ModelProbe::sample);
}

void ModelProbe::startWindow()
{
    m_windowStartNs = nowNs();
    m_inWindow = true;
    m_sampler.start();
}

void ModelProbe::stopWindow()
{
    sample();
    m_inWindow = false;
    m_sampler.stop();
}

void ModelProbe::sample()
{
    if (!m_inWindow)
        return;
    const qint64 engine = m_engine.resolved.load(std::memory_order_relaxed);
    const qint64 shown = m_stage.resolved.load(std::memory_order_relaxed);
    const qint64 toGui = std::max<qint64>(0, engine - shown);
    m_backlog.maxEngineToGui = std::max(m_backlog.maxEngineToGui, toGui);
    m_backlog.maxWireToEngine = std::max(m_backlog.maxWireToEngine, m_ledger.total() - engine);
    const int second = int((nowNs() - m_windowStartNs) / 1'000'000'000);
    while (m_backlog.perSecondEngineToGui.size() <= second)
        m_backlog.perSecondEngineToGui.append(0);
    qint64 &slot = m_backlog.perSecondEngineToGui[second];
    slot = std::max(slot, toGui);
}

void ModelProbe::rows(const QModelIndex &parent, int first, int last)
{
    const qint64 at = nowNs();
    sample(); // the backlog as it stands when the model is about to show it
    if (m_keying == Keying::OpRevision) {
        if (!parent.isValid())
            for (int r = first; r <= last; ++r)
                opRow(m_model->index(r, 0), at);
    } else if (parent.isValid()) {
        nodeRows(parent, first, last, at);
    } else {
        for (int r = first; r <= last; ++r) { // a new op row comes with its node rows
            const QModelIndex op = m_model->index(r, 0);
            if (const int n = m_model->rowCount(op); n > 0)
                nodeRows(op, 0, n - 1, at);
        }
    }
    if (m_inWindow)
        m_selfNs += nowNs() - at;
}

void ModelProbe::opRow(const QModelIndex &idx, qint64 at)
{
    const QString id = idx.data(OpsModel::OpIdRole).toString();
    const Operation *op = m_model->op(id);
    if (!op)
        return;
    const qint64 seq = op->revision - m_base;
    if (m_stage.observe(id, seq, at) && m_expected && seq >= 0
        && idx.data(OpsModel::OpLineRole).value<ui::OpLine>().progress != m_expected(seq))
        ++m_mismatches; // the row must expose the progress its event carried
}

void ModelProbe::nodeRows(const QModelIndex &parent, int first, int last, qint64 at)
{
    const QString opId = parent.data(OpsModel::OpIdRole).toString();
    for (int r = first; r <= last; ++r) {
        const auto line = m_model->index(r, 0, parent).data(OpsModel::NodeLineRole).value<ui::NodeLine>();
        m_stage.observe(nodeKey(opId, line.node), line.percentage, at);
    }
}

SnapshotTimer::SnapshotTimer(EngineHost &host) : m_host(host)
{
    QObject::connect(&host, &EngineHost::opsChanged, &host, [this] { m_begin = nowNs(); });
}

void SnapshotTimer::attachAfterViews()
{
    QObject::connect(&m_host, &EngineHost::opsChanged, &m_host, [this] {
        if (m_on)
            m_ms.push_back(double(nowNs() - m_begin) / 1e6);
    });
}

} // namespace livelat
