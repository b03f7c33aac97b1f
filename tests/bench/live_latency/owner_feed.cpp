#include "live_latency/owner_feed.h"

#include "bus/subjects.h"
#include "core/clock.h"
#include "core/operation_codec.h"
#include "store/store.h"

#include <QJsonDocument>
#include <QUuid>

using namespace fleetdeck;

namespace livelat {

namespace {
constexpr qint64 kTotalBytes = 100LL * 1024 * 1024;
QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

OwnerFeed::OwnerFeed(Bus *bus, TickLedger &ledger, int ops, qint64 nowMs) : m_bus(bus), m_ledger(ledger), m_owner(uuid())
{
    for (int i = 0; i < ops; ++i) {
        Operation op;
        op.id = uuid();
        op.kind = OpKind::Install;
        op.backend = QStringLiteral("lat-%1").arg(i, 5, 10, QLatin1Char('0'));
        op.cacheKey = makeCacheKey(op.backend, std::nullopt);
        op.state = OpState::Running;
        op.ownerReplicaId = m_owner;
        op.requestedBy = QStringLiteral("bench_live_latency");
        op.message = QStringLiteral("processing backend: ") + op.backend;
        op.fileName = op.backend + QStringLiteral(".tar.gz");
        op.totalBytes = kTotalBytes;
        op.createdAt = op.updatedAt = op.progressAt = nowMs - ops + i; // list order = index order
        NodeProgress n;
        n.opId = op.id;
        n.nodeId = uuid();
        n.nodeName = QStringLiteral("node-%1").arg(i, 5, 10, QLatin1Char('0'));
        n.status = NodeRowStatus::Downloading;
        n.phase = QStringLiteral("downloading");
        n.fileName = op.fileName;
        n.totalBytes = kTotalBytes;
        op.nodes = {n};
        m_ops.append(op);
        m_subjects.append(subjects::opProgress(op.id));
    }
    m_seq.assign(size_t(ops), 0);
}

bool OwnerFeed::store(Store &s, const QList<Operation> &ops, const QString &owner)
{
    for (const Operation &op : ops) {
        const auto created = s.createOp(op);
        if (!created || !created->created)
            return false;
        const auto claimed = s.claimOp(owner, op.id);
        if (!claimed || !claimed.value())
            return false;
        const auto started = s.startOp(op.id, owner, op.message, op.cancellable);
        if (!started || !started.value())
            return false;
    }
    return true;
}

QByteArray OwnerFeed::encode(int opIndex, qint64 seq, qint64 now) const
{
    Operation op = m_ops.at(opIndex);
    op.progress = progressFor(seq);
    op.currentBytes = kTotalBytes / 100 * op.progress;
    op.revision = kRevisionBase + seq;
    op.updatedAt = op.progressAt = now;
    NodeProgress &n = op.nodes.first();
    n.percentage = op.progress;
    n.currentBytes = op.currentBytes;
    n.revision = seq + 1;
    n.updatedAt = now;
    return QJsonDocument(progressMessage(op, op.nodes)).toJson(QJsonDocument::Compact);
}

void OwnerFeed::send(int opIndex, qint64 seq, const QByteArray &data)
{
    m_ledger.record(m_ops.at(opIndex).id, seq, nowNs()); // stamped after encoding, just before the hand-off
    m_bus->publish(m_subjects.at(opIndex), data);
}

void OwnerFeed::announce()
{
    for (int i = 0; i < m_ops.size(); ++i) {
        const Operation &op = m_ops.at(i);
        m_bus->publish(subjects::opcacheStart(),
                       QJsonDocument(QJsonObject{{QStringLiteral("job_id"), op.id}, {QStringLiteral("cache_key"), op.cacheKey}})
                           .toJson(QJsonDocument::Compact));
        send(i, 0, encode(i, 0, SystemClock::instance()->nowMs()));
    }
}

void OwnerFeed::retire()
{
    for (const Operation &op : std::as_const(m_ops))
        m_bus->publish(subjects::opcacheEnd(),
                       QJsonDocument(QJsonObject{{QStringLiteral("job_id"), op.id}}).toJson(QJsonDocument::Compact));
}

void OwnerFeed::prepare(double rate, double seconds)
{
    const qint64 total = qint64(rate * seconds), n = m_ops.size();
    const qint64 start = SystemClock::instance()->nowMs();
    m_prepared.clear();
    m_prepared.reserve(size_t(total));
    std::vector<qint64> seq = m_seq;
    for (qint64 i = 0; i < total; ++i) {
        const int op = int(i % n);
        m_prepared.push_back(encode(op, ++seq[size_t(op)], start + qint64(double(i) * 1000.0 / rate)));
    }
}

Paced OwnerFeed::run(double rate, double seconds)
{
    const int n = int(m_ops.size());
    const Paced p = pace(rate, seconds, [this, n](qint64 i) {
        const int op = int(i % n);
        send(op, ++m_seq[size_t(op)], m_prepared.at(size_t(i)));
    });
    m_prepared = {};
    return p;
}

int OwnerFeed::eventBytes() const
{
    return m_ops.isEmpty() ? 0 : int(encode(0, 50, SystemClock::instance()->nowMs()).size());
}

} // namespace livelat
