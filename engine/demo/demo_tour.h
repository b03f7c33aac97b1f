#pragma once
// The scripted tour of the demo cluster (docs/architecture.md#demo-cluster, docs/gui.md): within
// two minutes it shows every state an admin must recognise — an upgrade streaming per-node
// progress; jetson-orin "Worker busy" after the 20 s timeout, then confirmed by a reconcile; a
// piper install failing its sha256, then Retry and Dismiss; a node dropping offline mid-install and
// its pending op swept; an orphaned op reaped; a stalled download.
//
// A timeline of steps runs on the injected clock; steps that wait for a state (a failure, the
// node going offline) poll it every 500 ms of clock time. Pausing stops both. The tour never
// fights the user: a step whose backend already has an active op is skipped. Lives on the engine
// thread, beside its DemoCluster.
#include "core/operation.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QString>
#include <QPromise>
#include <functional>
#include <memory>

namespace fleetdeck {

class DemoCluster;
class Engine;
struct Node;

class DemoTour final : public QObject {
    Q_OBJECT
public:
    explicit DemoTour(DemoCluster *cluster, QObject *parent = nullptr);
    ~DemoTour() override;

    void start();
    // For good: no further step or watch. Resolves once the tour's own requests in flight
    // (admissions, settings writes) are back, so the engine can be stopped after it. What already
    // runs (ops, transfers) goes on.
    QFuture<void> stop();
    void pause();
    void resume();
    bool isPaused() const { return m_paused; }
    bool isFinished() const { return m_finished; }

    // Every step id in timeline order (captions arrive with stepStarted).
    static QStringList stepIds();

Q_SIGNALS:
    // A step ran; `caption` is one human sentence a GUI can show.
    void stepStarted(const QString &id, const QString &caption);
    void stepSkipped(const QString &id, const QString &reason);
    void pausedChanged(bool paused);
    void finished();

private:
    struct Step {
        QString id;
        qint64 atMs; // tour time
        std::function<void()> run;
    };
    struct Watch {
        QString id;
        QString caption;
        std::function<bool()> ready;
        std::function<void()> act;
        qint64 deadlineMs; // tour time
    };

    qint64 tourNowMs() const;
    void arm();
    void fireStep();
    void watch(const QString &id, const QString &caption, std::function<bool()> ready, std::function<void()> act,
               qint64 timeoutMs = 120'000);
    void pollWatches();
    void announce(const QString &id, const QString &caption);
    void skip(const QString &id, const QString &reason);
    void maybeFinish();
    void actionDone(); // an asynchronous action is back

    // Scenes (demo_tour_scenes.cpp).
    void buildScript();
    void sceneUpgrade();
    void scenePiper();
    void sceneStall();
    void sceneOrphan();
    void sceneReap();
    void sceneDrop();

    // Helpers.
    Engine *engine() const;
    std::optional<Operation> op(const QString &id) const;
    std::optional<QString> activeOpFor(const QString &backend) const;
    // Admits; `then` gets the op id (empty when refused, with a skip already reported).
    void admit(const QString &stepId, OpKind kind, const QString &backend, const QString &node,
               std::function<void(const QString &opId)> then);
    void setSettings(const QList<std::pair<QString, QString>> &values, std::function<void()> then = {});
    const NodeProgress *row(const Operation &op, const QString &node) const;

    DemoCluster *m_cluster;
    QList<Step> m_steps;
    qsizetype m_next = 0;
    QList<Watch> m_watches;
    quint64 m_stepTimer = 0;
    quint64 m_watchTimer = 0;
    qint64 m_elapsedMs = 0;   // tour time banked before the last resume
    qint64 m_resumedAt = -1;  // clock time of the last start/resume; -1 while paused or stopped
    bool m_started = false;
    bool m_paused = false;
    bool m_stopped = false;
    bool m_finished = false;
    bool m_polling = false;   // inside pollWatches (its watches are taken out)
    int m_pendingActions = 0; // asynchronous actions not yet back
    std::shared_ptr<QPromise<void>> m_stopPromise; // resolved when stopped and idle
    QHash<QString, QString> m_nodeStatus; // name → last status seen
    // Ops the scenes follow.
    QString m_upgradeOp, m_piperOp, m_piperRetryOp, m_stallOp, m_orphanOp, m_dropOp;
};

} // namespace fleetdeck
