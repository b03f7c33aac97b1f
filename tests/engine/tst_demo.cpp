// The offline demo cluster (SPEC §1.2, §1.4): the tour on simulated time shows every state it
// promises and leaves no op spinning; A52 and A33 in demo mode; the demo writes only below its
// temporary directory, removes it, and holds no network socket.
#include "cluster/node_registry.h"
#include "core/clock.h"
#include "core/history_entry.h"
#include "demo/demo_cluster.h"
#include "demo/demo_tour.h"
#include "store/store_thread.h"
#include "test_util.h"
#include "worker/worker_agent.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>
#include <unistd.h>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {

constexpr qint64 kT0 = 1767225600000;

// Advances simulated time in steps (100 ms: about 10× faster than real time) while the event
// loop and the worker threads run, until pred holds or simMs passed.
bool runSim(ManualClock &clock, qint64 simMs, const std::function<bool()> &pred = {}, qint64 stepMs = 100)
{
    const qint64 end = clock.nowMs() + simMs;
    while (clock.nowMs() < end) {
        if (pred && pred())
            return true;
        clock.advanceMs(stepMs);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(3);
    }
    return pred ? pred() : true;
}

template <typename T>
T awaitSim(ManualClock &clock, QFuture<T> f, qint64 simMs = 60'000, qint64 stepMs = 100)
{
    if (!runSim(clock, simMs, [&] { return f.isFinished(); }, stepMs))
        qFatal("a future did not finish within %lld simulated ms", simMs);
    if constexpr (!std::is_void_v<T>)
        return f.result();
}

// Registration of every worker: five workers, new-node-7 pending.
bool allRegistered(DemoCluster &demo);

// Starts the demo on the manual clock and waits for every worker to register. Small steps, so
// that start-up (real-time file writing, workers subscribing) lets none of the engine's first
// timers (the upgrade check 10 s after start lists every node) run ahead of the workers.
Engine::StartError startSim(ManualClock &clock, DemoCluster &demo)
{
    const Engine::StartError e = awaitSim(clock, demo.start(), 60'000, 5);
    if (e.exitCode == 0 && !runSim(clock, 10'000, [&] { return allRegistered(demo); }, 5))
        return Engine::StartError{1, QStringLiteral("the workers did not register")};
    runSim(clock, 200, {}, 5); // their command subscriptions follow the registration reply
    return e;
}


bool allRegistered(DemoCluster &demo)
{
    for (const char *n : {"gpu-a100-1", "gpu-a100-2", "jetson-orin", "mac-mini-m4", "new-node-7"}) {
        const WorkerAgent *w = demo.worker(QLatin1String(n));
        if (!w || !w->isRegistered())
            return false;
    }
    return true;
}

const NodeProgress *rowOf(const Operation &op, const QString &node)
{
    for (const NodeProgress &n : op.nodes)
        if (n.nodeName == node)
            return &n;
    return nullptr;
}

std::optional<Operation> stored(DemoCluster &demo, const QString &id)
{
    auto r = demo.engine()->store()->callSync([id](Store &s) { return s.getOp(id); });
    return r ? r.value() : std::nullopt;
}

QList<PendingNodeOp> pending(DemoCluster &demo)
{
    auto r = demo.engine()->store()->callSync([](Store &s) { return s.listPending(); });
    return r ? r.value() : QList<PendingNodeOp>{};
}

QString nodeId(DemoCluster &demo, const QString &name)
{
    auto r = demo.engine()->store()->callSync([name](Store &s) { return s.findNode(name); });
    return r && r.value() ? r.value()->id : QString();
}

// Inodes of the sockets this process holds (/proc/self/fd links "socket:[inode]").
QSet<QString> ownSocketInodes()
{
    QSet<QString> inodes;
    static const QRegularExpression re(QStringLiteral("^socket:\\[(\\d+)\\]$"));
    for (const QString &name : QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
        char buf[128] = {};
        const QByteArray path = QFile::encodeName(QStringLiteral("/proc/self/fd/") + name);
        const ssize_t n = ::readlink(path.constData(), buf, sizeof(buf) - 1);
        const auto m = re.match(QString::fromLatin1(buf, n > 0 ? int(n) : 0));
        if (m.hasMatch())
            inodes.insert(m.captured(1));
    }
    return inodes;
}

// The inode column of a /proc/net table (tcp, tcp6, udp, udp6: column 10; unix: column 7),
// restricted to rows passing `keep`.
QSet<QString> tableInodes(const QString &path, int inodeColumn, const std::function<bool(const QStringList &)> &keep = {})
{
    QSet<QString> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    f.readLine(); // header
    while (!f.atEnd()) {
        const QStringList cols = QString::fromLatin1(f.readLine()).simplified().split(QLatin1Char(' '));
        if (cols.size() > inodeColumn && (!keep || keep(cols)))
            out.insert(cols.at(inodeColumn));
    }
    return out;
}

} // namespace

class TstDemo : public QObject {
    Q_OBJECT
    QTemporaryDir m_scratch; // HOME, XDG dirs and TMPDIR of this test process
    QString m_home, m_tmp;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_scratch.isValid());
        m_home = m_scratch.path() + QStringLiteral("/home");
        m_tmp = m_scratch.path() + QStringLiteral("/tmp");
        QVERIFY(QDir().mkpath(m_home) && QDir().mkpath(m_tmp));
        qputenv("HOME", QFile::encodeName(m_home));
        for (const char *v : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"})
            qunsetenv(v);
        qputenv("TMPDIR", QFile::encodeName(m_tmp));
        QCOMPARE(QDir::tempPath(), m_tmp);
    }

    void tour_shows_every_state_within_two_minutes();
    void tour_pauses_and_never_fights_the_user();
    void a52_meta_and_requires();
    void a33_running_on_worker_confirmed();
    void demo_writes_only_below_its_directory_and_listens_nowhere();
};

void TstDemo::tour_shows_every_state_within_two_minutes()
{
    ManualClock clock(kT0);
    DemoOptions o;
    o.clock = &clock;
    auto demo = std::make_unique<DemoCluster>(o);
    const QString jetson = QStringLiteral("jetson-orin"), a100b = QStringLiteral("gpu-a100-2");
    QStringList started, skipped;
    bool finished = false;
    // First time (simulated ms after the tour started) each promised state was seen.
    QHash<QString, qint64> seen;
    qint64 tourStart = 0;
    auto mark = [&](const QString &what) {
        if (!seen.contains(what))
            seen.insert(what, clock.nowMs() - tourStart);
    };
    QSet<QString> upgradeStreaming;
    QString piperOp, piperRetry;
    bool a100bWasOffline = false;
    connect(demo.get(), &DemoCluster::started, this, [&]() {
        tourStart = clock.nowMs();
        connect(demo->tour(), &DemoTour::stepStarted, this, [&](const QString &id, const QString &caption) {
            QVERIFY2(!caption.isEmpty(), qPrintable(id));
            started.append(id);
        });
        connect(demo->tour(), &DemoTour::stepSkipped, this, [&](const QString &id, const QString &why) { skipped.append(id + QStringLiteral(": ") + why); });
        connect(demo->tour(), &DemoTour::finished, this, [&]() { finished = true; });
        connect(demo->engine()->ops(), &OperationService::opChanged, this, [&](const Operation &op) {
            if (op.kind == OpKind::Upgrade && op.backend == QLatin1String("llama-cpp-cuda12")) {
                for (const NodeProgress &n : op.nodes)
                    if (n.status == NodeRowStatus::Downloading && n.percentage > 0 && n.percentage < 100)
                        upgradeStreaming.insert(n.nodeName);
                if (upgradeStreaming.size() == 3)
                    mark(QStringLiteral("upgrade streams per-node progress"));
                const NodeProgress *j = rowOf(op, jetson);
                if (op.state == OpState::RunningOnWorker && j && j->status == NodeRowStatus::RunningOnWorker)
                    mark(QStringLiteral("jetson-orin worker busy"));
                if (op.state == OpState::Success && seen.contains(QStringLiteral("jetson-orin worker busy")) && j
                    && j->status == NodeRowStatus::Success)
                    mark(QStringLiteral("worker busy confirmed"));
            }
            const QString error = op.error.value_or(QString());
            if (op.backend == QLatin1String("piper") && op.state == OpState::Failed && error.contains(QLatin1String("sha256 mismatch for piper"))) {
                if (!op.retryOf) {
                    piperOp = op.id;
                    mark(QStringLiteral("piper sha256 failure"));
                } else if (op.retryOf == piperOp) {
                    piperRetry = op.id;
                    mark(QStringLiteral("piper retried"));
                }
            }
            if (op.state == OpState::Failed && error.startsWith(QLatin1String("stale operation reaped")))
                mark(QStringLiteral("orphan reaped"));
            if (op.backend == QLatin1String("bark") && op.state == OpState::Failed && error.contains(QLatin1String("node went offline before confirming")))
                mark(QStringLiteral("pending op swept"));
        });
        connect(demo->engine()->registry(), &NodeRegistry::nodeChanged, this, [&](const Node &n) {
            if (n.name != a100b)
                return;
            if (n.status == NodeStatus::Offline) {
                a100bWasOffline = true;
                mark(QStringLiteral("node offline mid-install"));
            } else if (n.status == NodeStatus::Healthy && a100bWasOffline) {
                mark(QStringLiteral("node back"));
            }
        });
    });
    const Engine::StartError e = startSim(clock, *demo);
    QVERIFY2(e.exitCode == 0, qPrintable(e.message));
    QVERIFY(demo->tour());
    const bool done = runSim(clock, 180'000, [&]() {
        for (const Operation &op : demo->engine()->ops()->statusMap().snapshot())
            if (op.backend == QLatin1String("vllm") && op.isStalled(clock.nowMs(), 60'000))
                mark(QStringLiteral("stalled download"));
        return finished;
    });
    QVERIFY2(done, qPrintable(started.join(QLatin1Char(' '))));
    QVERIFY2(skipped.isEmpty(), qPrintable(skipped.join(QStringLiteral("; "))));
    for (const QString &id : DemoTour::stepIds())
        QVERIFY2(started.contains(id), qPrintable(id + QStringLiteral(" not started; started: ") + started.join(QLatin1Char(' '))));
    const QStringList states{QStringLiteral("upgrade streams per-node progress"), QStringLiteral("jetson-orin worker busy"),
                             QStringLiteral("worker busy confirmed"),             QStringLiteral("piper sha256 failure"),
                             QStringLiteral("piper retried"),                     QStringLiteral("orphan reaped"),
                             QStringLiteral("node offline mid-install"),          QStringLiteral("pending op swept"),
                             QStringLiteral("node back"),                         QStringLiteral("stalled download")};
    for (auto it = seen.constBegin(); it != seen.constEnd(); ++it)
        qInfo("seen at %6lld ms: %s", it.value(), qPrintable(it.key()));
    for (const QString &s : states) {
        QVERIFY2(seen.contains(s), qPrintable(s));
        QVERIFY2(seen.value(s) <= 120'000, qPrintable(QStringLiteral("%1 only after %2 ms").arg(s).arg(seen.value(s))));
    }
    // Retry dismissed the first piper op; the tour dismissed the retry.
    runSim(clock, 3'000);
    QVERIFY(stored(*demo, piperOp)->dismissedAt);
    QVERIFY(stored(*demo, piperRetry)->dismissedAt);
    // The demo's temporary shortcuts are undone.
    const ClusterSettings &settings = demo->engine()->ops()->settings();
    QCOMPARE(settings.timeoutMs(OpKind::Install), qint64(20'000));
    QCOMPARE(settings.healthStaleMs(), qint64(60'000));
    QCOMPARE(settings.pendingGraceMs(), qint64(900'000));
    QVERIFY(demo->worker(a100b) && demo->worker(a100b)->isRegistered());
    // Nothing spins after its real outcome: memory agrees with the store, op by op. Progress
    // writes are flushed about once a second (real time).
    QVERIFY(waitUntil([&]() {
        for (const Operation &op : demo->engine()->ops()->statusMap().snapshot()) {
            const auto row = stored(*demo, op.id);
            if (!row || row->state != op.state)
                return false;
        }
        return true;
    }));
    for (const Operation &op : demo->engine()->ops()->listOps()) {
        const auto row = stored(*demo, op.id);
        QVERIFY(row);
        QCOMPARE(toString(op.state), toString(row->state));
        QVERIFY2(op.state == OpState::Failed && !row->dismissedAt, qPrintable(op.backend + QLatin1Char(' ') + toString(op.state)));
    }
    awaitSim(clock, demo->stop());
    demo.reset();
}

void TstDemo::tour_pauses_and_never_fights_the_user()
{
    ManualClock clock(kT0);
    DemoOptions o;
    o.clock = &clock;
    DemoCluster demo(o);
    QStringList started, skipped;
    QString userOp;
    connect(&demo, &DemoCluster::started, this, [&]() {
        connect(demo.tour(), &DemoTour::stepStarted, this, [&](const QString &id, const QString &) { started.append(id); });
        connect(demo.tour(), &DemoTour::stepSkipped, this, [&](const QString &id, const QString &) { skipped.append(id); });
        // The admin upgrades llama-cpp-cuda12 before the tour's upgrade step (2 s) comes.
        AdmitRequest req;
        req.kind = OpKind::Upgrade;
        req.backend = QStringLiteral("llama-cpp-cuda12");
        demo.engine()->ops()->admit(req).then(this, [&](Result<AdmitResult> r) { userOp = r ? r.value().opId : QString(); });
    });
    const Engine::StartError e = startSim(clock, demo);
    QVERIFY2(e.exitCode == 0, qPrintable(e.message));
    QVERIFY(runSim(clock, 15'000, [&]() { return started.contains(QStringLiteral("piper-install")); }));
    QVERIFY(!userOp.isEmpty());
    QVERIFY(skipped.contains(QStringLiteral("upgrade")));
    QVERIFY(!started.contains(QStringLiteral("upgrade")));
    // Paused, nothing happens for a minute of simulated time; resumed, the script goes on.
    demo.tour()->pause();
    QVERIFY(demo.tour()->isPaused());
    const qsizetype before = started.size();
    runSim(clock, 60'000);
    QCOMPARE(started.size(), before);
    demo.tour()->resume();
    QVERIFY(runSim(clock, 10'000, [&]() { return started.size() > before; }));
    // Stop the script, and give an op it just admitted time to reach its transfers: the engine's
    // stop() must not meet a fan-out that is still creating its node rows (see the report).
    awaitSim(clock, demo.tour()->stop());
    runSim(clock, 3'000);
    awaitSim(clock, demo.stop());
}

void TstDemo::a52_meta_and_requires()
{
    ManualClock clock(kT0);
    DemoOptions o;
    o.tour = false;
    o.clock = &clock;
    DemoCluster demo(o);
    const Engine::StartError e = startSim(clock, demo);
    QVERIFY2(e.exitCode == 0, qPrintable(e.message));
    QVERIFY(runSim(clock, 10'000, [&]() { return allRegistered(demo); }));
    OperationService *ops = demo.engine()->ops();
    const QStringList nvidia{QStringLiteral("gpu-a100-1"), QStringLiteral("gpu-a100-2"), QStringLiteral("jetson-orin")};

    // llama-cpp-cuda12 requires nvidia: only the three nvidia nodes (pending new-node-7 is no target).
    AdmitRequest cuda;
    cuda.backend = QStringLiteral("llama-cpp-cuda12");
    const auto admitted = awaitSim(clock, ops->admit(cuda));
    QVERIFY2(admitted, qPrintable(admitted.error()));
    const QString cudaOp = admitted.value().opId;
    QVERIFY(runSim(clock, 30'000, [&]() { const auto op = ops->statusMap().get(cudaOp); return op && isTerminal(op->state); }));
    const Operation done = *ops->statusMap().get(cudaOp);
    QCOMPARE(toString(done.state), QStringLiteral("success")); // already installed there: idempotent
    QStringList targeted;
    for (const NodeProgress &n : done.nodes)
        targeted.append(n.nodeName);
    targeted.sort();
    QCOMPARE(targeted, nvidia);
    // What the install confirmation names as skipped: listable nodes whose gpu_vendor `requires` excludes.
    const auto nodes = demo.engine()->store()->callSync([](Store &s) { return s.listNodes(); });
    QVERIFY(nodes);
    QStringList skippedByRequires;
    for (const Node &n : nodes.value())
        if (n.status != NodeStatus::Pending && n.gpuVendor() != QLatin1String("nvidia"))
            skippedByRequires.append(QStringLiteral("%1 (%2)").arg(n.name, n.gpuVendor()));
    QCOMPARE(skippedByRequires, QStringList({QStringLiteral("cpu-edge-1 (cpu)"), QStringLiteral("mac-mini-m4 (apple)")}));

    // The meta: llama-cpp-cuda12 to the nvidia nodes, llama-cpp-cpu in the pending rows of the others.
    AdmitRequest meta;
    meta.backend = QStringLiteral("llama-cpp");
    const auto metaAdmitted = awaitSim(clock, ops->admit(meta));
    QVERIFY2(metaAdmitted, qPrintable(metaAdmitted.error()));
    const QString metaOp = metaAdmitted.value().opId;
    QHash<QString, QString> entryByNodeId;
    QVERIFY(runSim(clock, 10'000, [&]() {
        for (const PendingNodeOp &p : pending(demo))
            if (p.opId == metaOp)
                entryByNodeId.insert(p.nodeId, p.entry.value(QLatin1String("name")).toString());
        return entryByNodeId.size() == 5;
    }));
    for (const QString &n : nvidia)
        QCOMPARE(entryByNodeId.value(nodeId(demo, n)), QStringLiteral("llama-cpp-cuda12"));
    QCOMPARE(entryByNodeId.value(nodeId(demo, QStringLiteral("mac-mini-m4"))), QStringLiteral("llama-cpp-cpu"));
    QCOMPARE(entryByNodeId.value(nodeId(demo, QStringLiteral("cpu-edge-1"))), QStringLiteral("llama-cpp-cpu"));
    // jetson-orin takes 45 s (> the 20 s timeout): once its worker is idle, a reconcile confirms it.
    QVERIFY(runSim(clock, 90'000, [&]() {
        const auto op = ops->statusMap().get(metaOp);
        return op && op->state == OpState::RunningOnWorker && demo.worker(QStringLiteral("jetson-orin"))->jobCount() == 0;
    }));
    awaitSim(clock, demo.engine()->reconcileNow());
    QVERIFY(runSim(clock, 10'000, [&]() { const auto op = ops->statusMap().get(metaOp); return op && op->state == OpState::Success; }));
    for (const QString &n : nvidia) {
        std::optional<RequestResult> reply;
        demo.engine()->bus()->request(QStringLiteral("nodes.%1.backend.list").arg(n), QByteArrayLiteral("{}"), 5000, this,
                                      [&](const RequestResult &r) { reply = r; });
        QVERIFY(runSim(clock, 6'000, [&]() { return reply.has_value(); }));
        QCOMPARE(int(reply->outcome), int(RequestOutcome::Reply));
        bool listed = false;
        for (const QJsonValue &b : QJsonDocument::fromJson(reply->data).object().value(QLatin1String("backends")).toArray()) {
            const QJsonObject o = b.toObject();
            if (o.value(QLatin1String("name")) == QLatin1String("llama-cpp")) {
                listed = o.value(QLatin1String("is_meta")).toBool()
                         && o.value(QLatin1String("meta_backend_for")) == QLatin1String("llama-cpp-cuda12");
            }
        }
        QVERIFY2(listed, qPrintable(n));
    }
    awaitSim(clock, demo.stop());
}

void TstDemo::a33_running_on_worker_confirmed()
{
    ManualClock clock(kT0);
    DemoOptions o;
    o.tour = false;
    o.clock = &clock;
    DemoCluster demo(o);
    const Engine::StartError e = startSim(clock, demo);
    QVERIFY2(e.exitCode == 0, qPrintable(e.message));
    QVERIFY(runSim(clock, 10'000, [&]() { return allRegistered(demo); }));
    OperationService *ops = demo.engine()->ops();
    AdmitRequest req;
    req.backend = QStringLiteral("whisper");
    const auto admitted = awaitSim(clock, ops->admit(req));
    QVERIFY2(admitted, qPrintable(admitted.error()));
    const QString id = admitted.value().opId;
    const qint64 admittedAt = clock.nowMs();
    const QString jetson = QStringLiteral("jetson-orin");
    // Amber at the 20 s timeout: jetson-orin "Worker busy", the A100s done.
    QVERIFY(runSim(clock, 30'000, [&]() { const auto op = ops->statusMap().get(id); return op && op->state == OpState::RunningOnWorker; }));
    QVERIFY(clock.nowMs() - admittedAt >= 20'000);
    QVERIFY(clock.nowMs() - admittedAt <= 22'000);
    Operation amber = *ops->statusMap().get(id);
    QCOMPARE(toString(rowOf(amber, jetson)->status), QStringLiteral("running_on_worker"));
    QCOMPARE(toString(rowOf(amber, QStringLiteral("gpu-a100-1"))->status), QStringLiteral("success"));
    QCOMPARE(toString(rowOf(amber, QStringLiteral("gpu-a100-2"))->status), QStringLiteral("success"));
    // The worker finishes at 45 s; the next reconcile pass confirms by listing.
    QVERIFY(runSim(clock, 40'000, [&]() { return demo.worker(jetson)->jobCount() == 0; }));
    QVERIFY(clock.nowMs() - admittedAt >= 44'000);
    const ReconcileReport report = awaitSim(clock, demo.engine()->reconcileNow());
    QVERIFY(report.lockAcquired);
    QVERIFY(runSim(clock, 10'000, [&]() { const auto op = ops->statusMap().get(id); return op && op->state == OpState::Success; }));
    const auto row = stored(demo, id);
    QVERIFY(row);
    QCOMPARE(toString(row->state), QStringLiteral("success"));
    QCOMPARE(toString(rowOf(*row, jetson)->status), QStringLiteral("success"));
    for (const char *n : {"mac-mini-m4", "cpu-edge-1"}) {
        const NodeProgress *r = rowOf(*row, QLatin1String(n));
        QVERIFY2(r, n);
        QCOMPARE(toString(r->status), QStringLiteral("cancelled"));
        QVERIFY2(r->message.startsWith(QLatin1String("pending op dropped: node ")), qPrintable(r->message));
    }
    for (const PendingNodeOp &p : pending(demo))
        QVERIFY(p.backend != QLatin1String("whisper"));
    const auto history = demo.engine()->store()->callSync([](Store &s) { return s.listHistory(50); });
    QVERIFY(history);
    bool recorded = false;
    for (const HistoryEntry &h : history.value())
        recorded = recorded || (h.opId == id && h.outcome == QLatin1String("success"));
    QVERIFY(recorded);
    awaitSim(clock, demo.stop());
}

void TstDemo::demo_writes_only_below_its_directory_and_listens_nowhere()
{
    auto entries = [](const QString &dir) {
        QStringList out;
        QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext())
            out.append(it.next());
        return out;
    };
    QCOMPARE(entries(m_home), QStringList());
    QString dir;
    {
        DemoOptions o;
        o.tour = false;
        o.paceFactor = 16; // half-second transfers on the system clock
        DemoCluster demo(o);
        const Engine::StartError e = await(demo.start(), 30'000);
        QVERIFY2(e.exitCode == 0, qPrintable(e.message));
        dir = demo.directory();
        QVERIFY2(dir.startsWith(QFileInfo(m_tmp).canonicalFilePath() + QLatin1Char('/')), qPrintable(dir));
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/demo.sqlite")));
        QVERIFY(waitUntil([&]() { return allRegistered(demo); }, 20'000));
        AdmitRequest req;
        req.backend = QStringLiteral("whisper");
        req.targetNode = QStringLiteral("gpu-a100-1");
        const auto admitted = await(demo.engine()->ops()->admit(req));
        QVERIFY(admitted);
        QVERIFY(waitUntil([&]() {
            const auto op = demo.engine()->ops()->statusMap().get(admitted.value().opId);
            return op && op->state == OpState::Success;
        }, 20'000));
        QVERIFY(QFileInfo::exists(demo.backendsDir(QStringLiteral("gpu-a100-1")) + QStringLiteral("/whisper/metadata.json")));
        // No TCP or UDP socket at all, no listening Unix socket: the process's socket inodes
        // against the kernel's tables.
        const QSet<QString> own = ownSocketInodes();
        for (const char *table : {"/proc/self/net/tcp", "/proc/self/net/tcp6", "/proc/self/net/udp", "/proc/self/net/udp6"}) {
            const QSet<QString> used = tableInodes(QLatin1String(table), 9) & own;
            QVERIFY2(used.isEmpty(), table);
        }
        const QSet<QString> listening =
            tableInodes(QStringLiteral("/proc/self/net/unix"), 6, [](const QStringList &c) { return c.at(3) == QLatin1String("00010000"); }) & own;
        QVERIFY(listening.isEmpty());
        await(demo.stop(), 30'000);
        QVERIFY(QFileInfo::exists(dir));
    }
    QVERIFY(!QFileInfo::exists(dir));
    // Destroyed in the middle of its start: nothing remains either.
    {
        DemoOptions o;
        o.tour = false;
        auto demo = std::make_unique<DemoCluster>(o);
        QFuture<Engine::StartError> f = demo->start();
        QThread::msleep(50);
        demo.reset();
        QCoreApplication::processEvents();
    }
    QCOMPARE(entries(m_home), QStringList());
    QCOMPARE(entries(m_tmp), QStringList());
}

QTEST_GUILESS_MAIN(TstDemo)
#include "tst_demo.moc"
