#include "ctl_session.h"

#include "../common/termination_signals.h"
#include "bus/bus.h"
#include "bus/local_bus.h"
#include "bus/subjects.h"
#include "cluster/cluster_listing.h"
#include "cluster/node_registry.h"
#include "cluster/reconciler.h"
#include "config/cluster_settings.h"
#include "core/clock.h"
#include "core/operation_codec.h"
#include "engine.h"
#include "ops/op_publisher.h"
#include "store/store_thread.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QTextStream>

namespace fleetdeck::ctl {

namespace {

const QStringList kStoreOnly = {QStringLiteral("nodes list"), QStringLiteral("ops list"), QStringLiteral("ops history"),
                                QStringLiteral("settings get")};

QString commandKey(const QStringList &w)
{
    return w.size() >= 2 ? w.at(0) + QLatin1Char(' ') + w.at(1) : w.value(0);
}

} // namespace

QString usage()
{
    return QStringLiteral(
        "Commands:\n"
        "  nodes list                          registry rows with heartbeat ages (store only)\n"
        "  nodes approve|drain|resume <node>   change a node's status (<node>: id or name)\n"
        "  nodes delete <node>                 remove a node and its pending ops\n"
        "  backends list [--node <node>]       what every listable node has installed\n"
        "  backends upgrades                   backends with an upgrade available (and drift)\n"
        "  ops list                            active and failed operations (store only)\n"
        "  ops history [--limit N]             History, newest first (default 50; store only)\n"
        "  install|upgrade|delete <backend> [--node <node>] [--force] [--wait]\n"
        "                                      admit an operation; --force on install = Reinstall.\n"
        "                                      --wait follows it to its end and needs a running\n"
        "                                      `fleetdeck` or `fleetdeck --headless`\n"
        "  cancel <op> | dismiss <op>\n"
        "  retry <op> | retry --history <id> [--wait]\n"
        "  reconcile | reap | clean-pending    run a reconcile pass / the stale-op reaper / the sweep\n"
        "  settings get [<key>]                cluster-wide settings (store only)\n"
        "  settings set <key> <value>          validate and store a setting ('-' reads the value from stdin)\n"
        "\nExit codes: 0 success; 1 op failed or cancelled, or command refused; 2 usage or configuration error;\n"
        "3 store or NATS unreachable, another cluster on the bus, or no replica claimed a --wait op within 10 s;\n"
        "4 --wait-timeout expired; 130 interrupted.");
}

Session::Session(EngineConfig config, Options options, Output out)
    : m_config(std::move(config)), m_opt(std::move(options)), m_out(out)
{
    m_config.kind = QStringLiteral("ctl");
}

Session::~Session()
{
    if (m_engine)
        wait(m_engine->stop());
    else if (m_store)
        m_store->stop();
}

int Session::run()
{
    installTerminationSignals(qApp, [this](int) { m_interrupted = true; });
    if (m_opt.words.isEmpty()) {
        m_out.error(QStringLiteral("no command given (see --help)"));
        return Usage;
    }
    if (kStoreOnly.contains(commandKey(m_opt.words)))
        return runStoreOnly();
    return runWithEngine();
}

bool Session::openStore()
{
    m_store = std::make_unique<StoreThread>(m_config.store, SystemClock::instance(), QStringLiteral("ctl"));
    if (const Status st = m_store->start(); !st) {
        m_out.error(QStringLiteral("store %1: %2").arg(m_config.store.dsn(), st.error()));
        return false;
    }
    return true;
}

int Session::runStoreOnly()
{
    if (!openStore())
        return Unreachable;
    const QString key = commandKey(m_opt.words);
    const qint64 now = SystemClock::instance()->nowMs();
    if (key == QLatin1String("nodes list")) {
        auto nodes = m_store->callSync([](Store &s) { return s.listNodes(); });
        if (!nodes) {
            m_out.error(nodes.error());
            return Unreachable;
        }
        QJsonArray arr;
        QStringList lines;
        for (const Node &n : nodes.value()) {
            arr.append(nodeToJson(n, now));
            lines.append(QStringLiteral("%1  %2  %3  heartbeat %4 s ago").arg(n.name, -20).arg(toString(n.status), -10)
                             .arg(n.statusReason).arg((now - n.lastHeartbeat) / 1000));
        }
        m_out.result(QJsonObject{{QStringLiteral("nodes"), arr}}, lines.isEmpty() ? QStringLiteral("no nodes registered") : lines.join(QLatin1Char('\n')));
        return Ok;
    }
    if (key == QLatin1String("ops history")) {
        const int limit = m_opt.limit;
        auto h = m_store->callSync([limit](Store &s) { return s.listHistory(limit); });
        if (!h) {
            m_out.error(h.error());
            return Unreachable;
        }
        QJsonArray arr;
        for (const HistoryEntry &e : h.value())
            arr.append(historyEntryToJson(e));
        m_out.result(QJsonObject{{QStringLiteral("history"), arr}});
        return Ok;
    }
    if (key == QLatin1String("settings get")) {
        auto rows = m_store->callSync([](Store &s) { return s.settings(); });
        if (!rows) {
            m_out.error(rows.error());
            return Unreachable;
        }
        QJsonObject all = ClusterSettings::toDisplayJson(rows.value());
        if (m_opt.words.size() >= 3) {
            const QString k = m_opt.words.at(2);
            if (!all.contains(k)) {
                m_out.error(QStringLiteral("unknown setting \"%1\"").arg(k));
                return Failed;
            }
            all = QJsonObject{{k, all.value(k)}};
        }
        m_out.result(all);
        return Ok;
    }
    // ops list: hydrate like a replica, then list-read; nothing is published (a private bus).
    LocalBus quiet(SystemClock::instance());
    OperationService::Deps deps;
    deps.store = m_store.get();
    deps.bus = &quiet;
    deps.clock = SystemClock::instance();
    deps.identity = ReplicaIdentity::create(QStringLiteral("ctl"));
    OperationService ops(deps);
    auto rows = m_store->callSync([](Store &s) { return s.settings(); });
    if (rows)
        ops.setSettings(ClusterSettings(rows.value()));
    if (const Status st = wait(ops.hydrate()); !st) {
        m_out.error(st.error());
        return Unreachable;
    }
    QJsonArray arr;
    QStringList lines;
    for (const Operation &op : ops.listOps()) {
        arr.append(opRecordToJson(op, now, ops.settings().stalledMs()));
        lines.append(QStringLiteral("%1  %2 %3  %4  %5 %").arg(op.id, toString(op.kind), op.backend, toString(op.state)).arg(op.progress));
    }
    m_out.result(QJsonObject{{QStringLiteral("ops"), arr}}, lines.isEmpty() ? QStringLiteral("no active operations") : lines.join(QLatin1Char('\n')));
    return Ok;
}

} // namespace fleetdeck::ctl
