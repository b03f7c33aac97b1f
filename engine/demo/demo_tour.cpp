#include "demo/demo_tour.h"

#include "bus/subjects.h"
#include "cluster/node_registry.h"
#include "core/clock.h"
#include "demo/demo_cluster.h"
#include "demo/demo_log.h"
#include "store/store_thread.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>

namespace fleetdeck {
namespace {
constexpr qint64 kPollMs = 500;
} // namespace

DemoTour::DemoTour(DemoCluster *cluster, QObject *parent) : QObject(parent), m_cluster(cluster)
{
    connect(engine()->registry(), &NodeRegistry::nodeChanged, this,
            [this](const Node &n) { m_nodeStatus.insert(n.name, toString(n.status)); });
    buildScript();
}

DemoTour::~DemoTour()
{
    stop(); // continuations of actions still out have this object as context: they are dropped
}

QStringList DemoTour::stepIds()
{
    return {QStringLiteral("welcome"),         QStringLiteral("upgrade"),       QStringLiteral("piper-install"),
            QStringLiteral("stall-start"),     QStringLiteral("stall-timeout-restored"),
            QStringLiteral("piper-failed"),    QStringLiteral("upgrade-busy"),  QStringLiteral("piper-dismiss"),
            QStringLiteral("drop-install"),    QStringLiteral("drop"),          QStringLiteral("orphan"),
            QStringLiteral("reap"),            QStringLiteral("upgrade-confirm"), QStringLiteral("stalled"),
            QStringLiteral("sweep"),           QStringLiteral("node-offline"),  QStringLiteral("node-back"),
            QStringLiteral("stall-over"),      QStringLiteral("done")};
}

Engine *DemoTour::engine() const
{
    return m_cluster->engine();
}

qint64 DemoTour::tourNowMs() const
{
    return m_elapsedMs + (m_resumedAt >= 0 ? m_cluster->clock()->nowMs() - m_resumedAt : 0);
}

void DemoTour::start()
{
    if (m_started)
        return;
    m_started = true;
    m_resumedAt = m_cluster->clock()->nowMs();
    qCInfo(lcDemo) << "tour started";
    arm();
}

QFuture<void> DemoTour::stop()
{
    if (m_stopped)
        return m_stopPromise->future();
    m_stopped = true;
    m_stopPromise = std::make_shared<QPromise<void>>();
    m_stopPromise->start();
    m_resumedAt = -1;
    m_cluster->clock()->cancel(m_stepTimer);
    m_cluster->clock()->cancel(m_watchTimer);
    m_stepTimer = m_watchTimer = 0;
    m_watches.clear();
    if (m_pendingActions == 0)
        m_stopPromise->finish();
    return m_stopPromise->future();
}

void DemoTour::actionDone()
{
    --m_pendingActions;
    if (m_stopped) {
        if (m_pendingActions == 0)
            m_stopPromise->finish();
        return;
    }
    maybeFinish();
}

void DemoTour::pause()
{
    if (!m_started || m_paused || m_stopped || m_finished)
        return;
    m_elapsedMs = tourNowMs();
    m_resumedAt = -1;
    m_paused = true;
    m_cluster->clock()->cancel(m_stepTimer);
    m_cluster->clock()->cancel(m_watchTimer);
    m_stepTimer = m_watchTimer = 0;
    Q_EMIT pausedChanged(true);
}

void DemoTour::resume()
{
    if (!m_paused || m_stopped)
        return;
    m_paused = false;
    m_resumedAt = m_cluster->clock()->nowMs();
    Q_EMIT pausedChanged(false);
    arm();
    if (!m_watches.isEmpty())
        m_watchTimer = m_cluster->clock()->callAfter(kPollMs, this, [this]() { pollWatches(); });
}

void DemoTour::arm()
{
    if (m_paused || m_stopped || m_stepTimer)
        return;
    if (m_next >= m_steps.size()) {
        maybeFinish();
        return;
    }
    const qint64 delay = qMax<qint64>(0, m_steps.at(m_next).atMs - tourNowMs());
    m_stepTimer = m_cluster->clock()->callAfter(delay, this, [this]() {
        m_stepTimer = 0;
        fireStep();
    });
}

void DemoTour::fireStep()
{
    if (m_paused || m_stopped || m_next >= m_steps.size())
        return;
    const Step step = m_steps.at(m_next++);
    step.run();
    arm();
}

void DemoTour::watch(const QString &id, const QString &caption, std::function<bool()> ready, std::function<void()> act,
                     qint64 timeoutMs)
{
    if (m_stopped)
        return;
    m_watches.append(Watch{id, caption, std::move(ready), std::move(act), tourNowMs() + timeoutMs});
    if (!m_watchTimer && !m_paused && !m_polling) // pollWatches re-arms when it ends
        m_watchTimer = m_cluster->clock()->callAfter(kPollMs, this, [this]() { pollWatches(); });
}

void DemoTour::pollWatches()
{
    m_watchTimer = 0;
    if (m_paused || m_stopped)
        return;
    // Acting may add watches: take the current ones out first. Continuations of futures that are
    // already finished run synchronously inside an act, so nothing may conclude the tour is over
    // while the taken-out watches are not back (m_polling).
    m_polling = true;
    QList<Watch> current;
    current.swap(m_watches);
    QList<Watch> keep;
    for (Watch &w : current) {
        if (m_stopped) {
            m_polling = false;
            return;
        }
        if (w.ready()) {
            announce(w.id, w.caption);
            if (w.act)
                w.act();
        } else if (tourNowMs() > w.deadlineMs) {
            skip(w.id, QStringLiteral("the expected state did not come"));
        } else {
            keep.append(std::move(w));
        }
    }
    m_watches = keep + m_watches;
    m_polling = false;
    if (!m_watches.isEmpty() && !m_stopped)
        m_watchTimer = m_cluster->clock()->callAfter(kPollMs, this, [this]() { pollWatches(); });
    else
        maybeFinish();
}

void DemoTour::announce(const QString &id, const QString &caption)
{
    qCInfo(lcDemo).noquote() << "tour:" << id << "-" << caption;
    Q_EMIT stepStarted(id, caption);
}

void DemoTour::skip(const QString &id, const QString &reason)
{
    qCInfo(lcDemo).noquote() << "tour: skipped" << id << "-" << reason;
    Q_EMIT stepSkipped(id, reason);
}

void DemoTour::maybeFinish()
{
    if (m_finished || m_stopped || m_polling || m_next < m_steps.size() || !m_watches.isEmpty() || m_pendingActions > 0)
        return;
    m_finished = true;
    announce(QStringLiteral("done"), tr("That was the tour. The demo cluster keeps running: try anything."));
    Q_EMIT finished();
}

std::optional<Operation> DemoTour::op(const QString &id) const
{
    if (id.isEmpty())
        return std::nullopt;
    return engine()->ops()->statusMap().get(id);
}

std::optional<QString> DemoTour::activeOpFor(const QString &backend) const
{
    for (const Operation &o : engine()->ops()->statusMap().snapshot())
        if (o.backend == backend && !isTerminal(o.state))
            return o.id;
    return std::nullopt;
}

const NodeProgress *DemoTour::row(const Operation &o, const QString &node) const
{
    for (const NodeProgress &n : o.nodes)
        if (n.nodeName == node)
            return &n;
    return nullptr;
}

void DemoTour::admit(const QString &stepId, OpKind kind, const QString &backend, const QString &node,
                     std::function<void(const QString &)> then)
{
    // Never fight the user: their op on this backend comes first.
    if (const auto active = activeOpFor(backend)) {
        skip(stepId, QStringLiteral("%1 already has an active op (%2)").arg(backend, *active));
        then(QString());
        return;
    }
    AdmitRequest req;
    req.kind = kind;
    req.backend = backend;
    req.targetNode = node;
    req.requestedBy = QStringLiteral("gui:demo-tour@fleetdeck-demo");
    ++m_pendingActions;
    engine()->ops()->admit(req).then(this, [this, stepId, then](Result<AdmitResult> r) {
        const auto back = qScopeGuard([this]() { actionDone(); });
        if (m_stopped)
            return;
        if (!r || r.value().deduplicated) {
            skip(stepId, r ? QStringLiteral("deduplicated to op %1").arg(r.value().opId) : r.error());
            then(QString());
            return;
        }
        then(r.value().opId);
    });
}

void DemoTour::setSettings(const QList<std::pair<QString, QString>> &values, std::function<void()> then)
{
    QList<std::pair<QString, QJsonValue>> parsed;
    for (const auto &[key, text] : values) {
        const auto v = ClusterSettings::validate(key, text);
        if (v)
            parsed.append({key, v.value()});
        else
            qCWarning(lcDemo).noquote() << v.error();
    }
    ++m_pendingActions;
    engine()->store()->call([parsed](Store &s) {
        for (const auto &[key, value] : parsed)
            if (const Status st = s.setSetting(key, value, QStringLiteral("demo-tour")); !st)
                return st;
        return okStatus();
    }).then(this, [this, parsed, then](Status st) {
        const auto back = qScopeGuard([this]() { actionDone(); });
        if (m_stopped)
            return;
        if (!st)
            qCWarning(lcDemo).noquote() << "tour: settings not written:" << st.error();
        // What `fleetdeckctl settings set` does after its write
        // (docs/architecture.md#configuration).
        for (const auto &[key, value] : parsed)
            engine()->bus()->publish(subjects::settingsChanged(),
                                     QJsonDocument(QJsonObject{{QStringLiteral("key"), key}}).toJson(QJsonDocument::Compact));
        if (then)
            then();
    });
}

} // namespace fleetdeck
