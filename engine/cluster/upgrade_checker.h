#pragma once
// The upgrade checker (docs/gallery.md#upgrade-checker). The holder of pass lock `upgrade` (the
// upgrade leader; other replicas try the lock every 15 s) runs every check: upgrades/first_check_s
// after taking the lock, every upgrades/period_s, and on triggers (`cache.invalidate.backends`,
// `fleetdeck.upgrades.check`), coalesced: a check starts once no trigger arrived for 500 ms, or at
// the latest 5 s after the first pending one; one check at a time, one more if a trigger arrived
// meanwhile. A check is one cluster listing plus the computation of
// docs/gallery.md#upgrade-detection, published as `fleetdeck.upgrades.result`, which every replica
// keeps. With upgrades/auto, each periodic check admits one visible upgrade op per flagged backend.
#include "bus/bus.h"
#include "cluster/upgrade_detection.h"

#include <QObject>

namespace fleetdeck {

class ClusterListing;
class GalleryCatalog;
class OperationService;

class UpgradeChecker final : public QObject {
    Q_OBJECT
public:
    struct Deps {
        OperationService *ops = nullptr; // store, bus, clock, settings, identity
        ClusterListing *listing = nullptr;
        GalleryCatalog *catalog = nullptr;
        bool passLocks = true;           // demo: this replica is the leader without a lock
    };
    explicit UpgradeChecker(Deps deps, QObject *parent = nullptr);
    ~UpgradeChecker() override;

    void start();
    void stop();
    // A local trigger (the leader's own gallery refresh, tests).
    void trigger();
    bool isLeader() const { return m_leader; }
    // The store connection was reopened (docs/architecture.md#outages): a new PostgreSQL session
    // holds no advisory lock, so this replica stops acting as leader and tries the lock again as at
    // start.
    void leadershipLost();
    int checksRun() const { return m_checks; }
    const std::optional<UpgradesResult> &latest() const { return m_latest; }

    static constexpr qint64 kQuietMs = 500;
    static constexpr qint64 kMaxDelayMs = 5000;
    static constexpr qint64 kLeaderRetryMs = 15'000;

Q_SIGNALS:
    void resultChanged(const fleetdeck::UpgradesResult &result);

private:
    void tryLead();
    void becameLeader();
    void onTrigger();
    void runCheck(bool periodic);
    void schedulePeriodic(qint64 delayMs);
    void autoUpgrade(const UpgradesResult &result);

    Deps m_deps;
    QList<SubscriptionId> m_subs;
    bool m_leader = false;
    bool m_stopped = true;
    bool m_checking = false;
    bool m_again = false;
    qint64 m_firstPendingMs = -1;
    quint64 m_quietTimer = 0;
    quint64 m_maxTimer = 0;
    quint64 m_periodicTimer = 0;
    quint64 m_leaderTimer = 0;
    int m_checks = 0;
    std::optional<UpgradesResult> m_latest;
};

} // namespace fleetdeck
