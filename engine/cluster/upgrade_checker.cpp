#include "cluster/upgrade_checker.h"

#include "bus/subjects.h"
#include "cluster/cluster_listing.h"
#include "core/clock.h"
#include "core/json_reader.h"
#include "gallery/gallery_catalog.h"
#include "ops/op_publisher.h"
#include "ops/operation_service.h"
#include "store/store_thread.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcUpgrades, "fleetdeck.engine.upgrades")

namespace fleetdeck {

UpgradeChecker::UpgradeChecker(Deps deps, QObject *parent) : QObject(parent), m_deps(deps) {}

UpgradeChecker::~UpgradeChecker()
{
    stop();
}

void UpgradeChecker::start()
{
    m_stopped = false;
    Bus *bus = m_deps.ops->bus();
    auto sub = [&](const QString &subject, MessageHandler h) {
        if (const SubscriptionId id = bus->subscribe(subject, this, std::move(h)))
            m_subs.append(id);
    };
    // Every replica keeps the latest result.
    sub(subjects::upgradesResult(), [this](const BusMessage &m) {
        QString error;
        const auto obj = parseJsonObject(m.data, 16LL * 1024 * 1024, &error);
        if (!obj) {
            qCWarning(lcUpgrades) << "dropped upgrades result:" << error;
            return;
        }
        m_latest = UpgradesResult::fromJson(*obj);
        Q_EMIT resultChanged(*m_latest);
    });
    sub(subjects::cacheInvalidateBackends(), [this](const BusMessage &) { onTrigger(); });
    sub(subjects::upgradesCheck(), [this](const BusMessage &) { onTrigger(); });
    tryLead();
}

void UpgradeChecker::stop()
{
    if (m_stopped)
        return; // the destructor stops again, possibly after the service it used is gone
    m_stopped = true;
    Clock *clock = m_deps.ops->clock();
    for (quint64 t : {m_quietTimer, m_maxTimer, m_periodicTimer, m_leaderTimer})
        clock->cancel(t);
    for (SubscriptionId id : std::as_const(m_subs))
        m_deps.ops->bus()->unsubscribe(id);
    m_subs.clear();
    if (m_leader && m_deps.passLocks)
        m_deps.ops->store()->call([](Store &s) { return s.releasePassLock(PassLock::Upgrade); });
    m_leader = false;
}

void UpgradeChecker::tryLead()
{
    if (m_stopped || m_leader)
        return;
    if (!m_deps.passLocks) {
        becameLeader();
        return;
    }
    m_deps.ops->store()->call([](Store &s) { return s.tryPassLock(PassLock::Upgrade); }).then(this, [this](Result<bool> r) {
        if (m_stopped)
            return;
        if (r && r.value()) {
            becameLeader();
            return;
        }
        m_leaderTimer = m_deps.ops->clock()->callAfter(kLeaderRetryMs, this, [this]() { tryLead(); });
    });
}

void UpgradeChecker::leadershipLost()
{
    if (!m_deps.passLocks || m_stopped)
        return;
    Clock *clock = m_deps.ops->clock();
    for (quint64 t : {m_quietTimer, m_maxTimer, m_periodicTimer, m_leaderTimer})
        clock->cancel(t);
    if (m_leader)
        qCInfo(lcUpgrades) << "store connection reopened: no longer the upgrade leader";
    m_leader = false;
    tryLead();
}

void UpgradeChecker::becameLeader()
{
    m_leader = true;
    qCInfo(lcUpgrades) << "this replica is the upgrade leader";
    schedulePeriodic(m_deps.ops->settings().firstCheckMs());
}

void UpgradeChecker::schedulePeriodic(qint64 delayMs)
{
    m_periodicTimer = m_deps.ops->clock()->callAfter(delayMs, this, [this]() {
        if (m_stopped)
            return;
        runCheck(true);
        schedulePeriodic(m_deps.ops->settings().upgradePeriodMs());
    });
}

void UpgradeChecker::trigger()
{
    onTrigger();
}

void UpgradeChecker::onTrigger()
{
    if (!m_leader || m_stopped)
        return;
    Clock *clock = m_deps.ops->clock();
    if (m_checking) {
        m_again = true;
        return;
    }
    clock->cancel(m_quietTimer);
    m_quietTimer = clock->callAfter(kQuietMs, this, [this]() { runCheck(false); });
    if (m_firstPendingMs < 0) {
        m_firstPendingMs = clock->nowMs();
        m_maxTimer = clock->callAfter(kMaxDelayMs, this, [this]() { runCheck(false); });
    }
}

void UpgradeChecker::runCheck(bool periodic)
{
    Clock *clock = m_deps.ops->clock();
    clock->cancel(m_quietTimer);
    clock->cancel(m_maxTimer);
    m_firstPendingMs = -1;
    if (m_checking) {
        m_again = true;
        return;
    }
    // While NATS is down no node can answer a listing (docs/architecture.md#outages); the re-seed
    // after the reconnect requests a check.
    if (m_deps.ops->bus()->connectionState() != ConnectionState::Connected) {
        qCInfo(lcUpgrades) << "upgrade check skipped: NATS is not connected";
        return;
    }
    m_checking = true;
    m_deps.listing->run([this, periodic](const ClusterListingResult &listing) {
        UpgradesResult result = detectUpgrades(listing, *m_deps.catalog);
        result.replicaId = m_deps.ops->identity().replicaId;
        result.checkedAt = m_deps.ops->clock()->nowMs();
        ++m_checks;
        m_deps.ops->publisher()->publishJson(subjects::upgradesResult(), result.toJson());
        if (periodic && m_deps.ops->settings().autoUpgrade())
            autoUpgrade(result);
        m_checking = false;
        if (std::exchange(m_again, false))
            onTrigger();
    });
}

void UpgradeChecker::autoUpgrade(const UpgradesResult &result)
{
    for (const BackendUpgrade &u : result.backends) {
        if (!u.upgradeAvailable)
            continue;
        AdmitRequest req;
        req.kind = OpKind::Upgrade;
        req.backend = u.name;
        req.requestedBy = QStringLiteral("auto:") + m_deps.ops->identity().replicaId;
        m_deps.ops->admit(req).then(this, [name = u.name](Result<AdmitResult> r) {
            if (!r)
                qCInfo(lcUpgrades).noquote() << "auto-upgrade of" << name << "not admitted:" << r.error();
        });
    }
}

} // namespace fleetdeck
