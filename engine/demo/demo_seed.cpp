#include "demo/demo_seed.h"

#include "config/cluster_settings.h"
#include "demo/demo_artifacts.h"
#include "demo/offset_clock.h"
#include "store/store.h"
#include "worker/backend_installer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace fleetdeck::demo {
namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

QJsonObject labels(std::initializer_list<std::pair<const char *, const char *>> kv)
{
    QJsonObject o;
    for (const auto &[k, v] : kv)
        o.insert(QLatin1String(k), QLatin1String(v));
    return o;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

QList<DemoNodeSpec> nodeSpecs(double paceFactor)
{
    const double f = paceFactor > 0 ? paceFactor : 1.0;
    auto pace = [f](qint64 ms) { return qMax<qint64>(1, qint64(double(ms) / f)); };
    QList<DemoNodeSpec> s;
    DemoNodeSpec a100{QStringLiteral("gpu-a100-1"), QStringLiteral("nvidia"), labels({{"gpu", "a100"}, {"rack", "r1"}}), pace(8 * kSecond),
                      true, NodeStatus::Healthy, {}, 0, true, QStringLiteral("b4100"), 3 * kDay};
    s.append(a100);
    a100.name = QStringLiteral("gpu-a100-2");
    a100.labels = labels({{"gpu", "a100"}, {"rack", "r2"}});
    s.append(a100);
    // Each install takes 45 s there, longer than the demo's 20 s request timeout.
    s.append(DemoNodeSpec{QStringLiteral("jetson-orin"), QStringLiteral("nvidia"), labels({{"gpu", "orin"}, {"site", "edge"}}),
                          pace(45 * kSecond), true, NodeStatus::Healthy, {}, 0, true, QStringLiteral("b4050"), 9 * kDay});
    s.append(DemoNodeSpec{QStringLiteral("mac-mini-m4"), QStringLiteral("apple"), labels({{"site", "lab"}}), pace(8 * kSecond), true,
                          NodeStatus::Draining, Reason::make("drained_by_admin"), 0, true, {}, 0});
    s.append(DemoNodeSpec{QStringLiteral("cpu-edge-1"), QStringLiteral("cpu"), labels({{"site", "edge"}}), 0, true, NodeStatus::Offline,
                          Reason::make("heartbeat_stale"), 2 * kHour, false, {}, 0});
    // Not seeded: it registers while nodes/auto_approve is off and stays pending.
    s.append(DemoNodeSpec{QStringLiteral("new-node-7"), QStringLiteral("nvidia"), labels({{"site", "lab"}}), pace(8 * kSecond), false,
                          NodeStatus::Pending, {}, 0, true, {}, 0});
    return s;
}

Status seedStore(const StoreConfig &config, Clock *clock, const QString &galleryUrl, const QList<DemoNodeSpec> &nodes)
{
    auto opened = Store::open(config, clock, QStringLiteral("demo-seed"));
    if (!opened)
        return Status::failure(opened.error());
    Store &s = *opened.value();
    if (auto m = s.migrate(); !m)
        return Status::failure(m.error());
    // docs/architecture.md#demo-cluster: the demo overrides only the install/upgrade timeouts (20 s
    // < jetson-orin's 45 s).
    const QJsonArray galleries{QJsonObject{{QStringLiteral("name"), QStringLiteral("demo")}, {QStringLiteral("url"), galleryUrl}}};
    const QList<std::pair<QString, QString>> settings{
        {QStringLiteral("nats/timeout_install_s"), QStringLiteral("20")},
        {QStringLiteral("nats/timeout_upgrade_s"), QStringLiteral("20")},
        {QStringLiteral("galleries"), QString::fromUtf8(QJsonDocument(galleries).toJson(QJsonDocument::Compact))}};
    for (const auto &[key, text] : settings) {
        const auto value = ClusterSettings::validate(key, text);
        if (!value)
            return Status::failure(value.error());
        if (const Status st = s.setSetting(key, value.value(), QStringLiteral("demo")); !st)
            return st;
    }
    const qint64 now = clock->nowMs();
    for (const DemoNodeSpec &spec : nodes) {
        if (!spec.seeded)
            continue;
        Node n;
        n.id = newId();
        n.name = spec.name;
        n.status = spec.status;
        n.setStatusReason(spec.statusReason);
        n.labels = spec.labels;
        n.lastHeartbeat = now - spec.heartbeatAgeMs;
        n.resources = QJsonObject{{QStringLiteral("gpu_vendor"), spec.vendor}, {QStringLiteral("cpu_cores"), 8}};
        n.workerVersion = QStringLiteral(FLEETDECK_VERSION);
        n.createdAt = now - 30 * kDay;
        n.updatedAt = now - spec.heartbeatAgeMs;
        if (const Status st = s.insertNode(n); !st)
            return st;
    }
    return okStatus();
}

Status preinstall(const QString &backendsDir, const QString &allowedRoot, const DemoArtifacts &artifacts, const QString &version,
                  Clock *clock, qint64 installedAgoMs)
{
    const DemoArtifact *a = artifacts.find(QStringLiteral("llama-cpp-cuda12"), version);
    if (!a)
        return Status::failure(QStringLiteral("demo: no artifact for llama-cpp-cuda12 %1").arg(version));
    OffsetClock past(clock, -installedAgoMs);
    InstallerConfig ic;
    ic.backendsDir = backendsDir;
    ic.fetch.allowedFileRoots = {allowedRoot};
    const BackendInstaller installer(ic, &past);
    InstallRequest req;
    req.backend = a->name;
    req.entry = QJsonObject{{QStringLiteral("name"), a->name},       {QStringLiteral("version"), a->version},
                            {QStringLiteral("uri"), a->uri},         {QStringLiteral("sha256"), a->sha256},
                            {QStringLiteral("size"), a->size},       {QStringLiteral("gallery_url"), artifacts.galleryUrl()}};
    JobControl control;
    const JobResult r = installer.install(req, control);
    if (!r.success)
        return Status::failure(QStringLiteral("demo: pre-installing %1 %2 failed: %3").arg(a->name, version, r.error));
    return okStatus();
}

Result<Operation> seedOrphan(const StoreConfig &config, Clock *clock, qint64 ageMs, const QString &deadReplicaId,
                             const QJsonObject &entry, const QJsonObject &gallery, const QString &nodeId, const QString &nodeName)
{
    using R = Result<Operation>;
    // A store of its own whose clock reads ageMs in the past: every stamp (created, updated,
    // progress) is as the dead replica left it.
    OffsetClock past(clock, -ageMs);
    auto opened = Store::open(config, &past, QStringLiteral("demo-orphan"));
    if (!opened)
        return R::failure(opened.error());
    Store &s = *opened.value();
    const QString backend = entry.value(QLatin1String("name")).toString();
    Operation op;
    op.id = newId();
    op.kind = OpKind::Install;
    op.backend = backend;
    op.cacheKey = makeCacheKey(backend, std::nullopt);
    op.params = QJsonObject{{QStringLiteral("kind"), QStringLiteral("install")},     {QStringLiteral("backend"), backend},
                            {QStringLiteral("force"), false},                        {QStringLiteral("target_node_id"), QJsonValue()},
                            {QStringLiteral("galleries"), QJsonArray{gallery}},      {QStringLiteral("entries"), QJsonArray{entry}}};
    op.setMessage(Reason::make("queued"));
    op.requestedBy = QStringLiteral("gui:ops@ws-crashed");
    op.createdAt = past.nowMs() - 12 * kMinute;
    NodeProgress row;
    row.opId = op.id;
    row.nodeId = nodeId;
    row.nodeName = nodeName;
    row.status = NodeRowStatus::Downloading;
    row.phase = QStringLiteral("downloading");
    row.percentage = 40;
    row.updatedAt = past.nowMs();
    op.nodes = {row};
    auto created = s.createOp(op);
    if (!created)
        return R::failure(created.error());
    if (!created.value().created)
        return R::failure(QStringLiteral("%1 already has an active op").arg(backend));
    if (auto c = s.claimOp(deadReplicaId, op.id); !c || !c.value())
        return R::failure(QStringLiteral("demo: cannot claim the orphan op"));
    if (auto st = s.startOp(op.id, deadReplicaId, QStringLiteral("processing backend: ") + backend, true); !st || !st.value())
        return R::failure(QStringLiteral("demo: cannot start the orphan op"));
    auto stored = s.getOp(op.id);
    if (!stored || !stored.value())
        return R::failure(QStringLiteral("demo: the orphan op vanished"));
    return *stored.value();
}

} // namespace fleetdeck::demo
