#pragma once
// The offline demo cluster of `fleetdeck --demo` (docs/architecture.md#programs, #demo-cluster):
// the ordinary Engine on a private SQLite file and the in-process bus, and in-process WorkerAgents
// running the real worker code on simulated links, all inside one temporary directory that the
// destructor removes. Nothing opens a network socket, and nothing is written outside directory().
//
// Threading: a DemoCluster lives on the engine thread. Create it there, call start() there (it
// creates the bus, the engine, the workers and the tour as objects of that thread) and stop()
// before destroying it; the GUI reaches the engine with queued calls, as for any replica.
#include "demo/demo_seed.h"
#include "core/result.h"
#include "engine.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QString>
#include <memory>

class QTemporaryDir;

namespace fleetdeck {

class Clock;
class DemoArtifacts;
class DemoPacer;
class DemoTour;
class LocalBus;
class WorkerAgent;

struct DemoOptions {
    bool tour = true;          // false: the cluster runs with no script
    Clock *clock = nullptr;    // nullptr = the system clock
    double paceFactor = 1.0;   // transfer times are divided by it (1.0: jetson-orin 45 s per install)
    QString baseDir;           // empty = a new temporary directory; else a missing or empty directory the demo fills and removes
    qint64 artifactBytes = 3 << 20; // payload of each demo artifact
};

class DemoCluster final : public QObject {
    Q_OBJECT
public:
    explicit DemoCluster(DemoOptions options, QObject *parent = nullptr);
    // Stops what still runs and removes the directory.
    ~DemoCluster() override;

    // Writes the artifacts, the gallery and the pre-installed backends, seeds the store, starts
    // the engine, then the workers and (with options.tour) the tour.
    QFuture<Engine::StartError> start();
    // Stops the tour, the workers and the engine; the directory stays until destruction.
    QFuture<void> stop();

    Engine *engine() const { return m_engine.get(); }
    DemoTour *tour() const { return m_tour.get(); }
    QString directory() const { return m_dir; }
    Clock *clock() const { return m_clock; }
    const DemoArtifacts *artifacts() const { return m_artifacts.get(); }
    QString galleryUrl() const;

    // The simulated nodes (the tour's handles).
    WorkerAgent *worker(const QString &node) const;
    DemoPacer *pacer(const QString &node) const;
    QString backendsDir(const QString &node) const;
    // The node drops off the network: its worker vanishes without a word (no reply, no heartbeat).
    void cutWorker(const QString &node);
    // It comes back: a fresh worker on the same disk registers again.
    Status restoreWorker(const QString &node);

Q_SIGNALS:
    void started();
    void stopped();

private:
    Status prepareFiles(); // runs on a pool thread
    Status startWorker(const DemoNodeSpec &spec);

    DemoOptions m_options;
    Clock *m_clock;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_dir;
    std::unique_ptr<DemoArtifacts> m_artifacts;
    QList<DemoNodeSpec> m_specs;
    std::unique_ptr<LocalBus> m_bus;
    std::unique_ptr<Engine> m_engine;
    QHash<QString, std::shared_ptr<DemoPacer>> m_pacers;
    QHash<QString, WorkerAgent *> m_workers; // children of this object
    std::unique_ptr<DemoTour> m_tour;
    QFuture<Status> m_prepare;
    QFuture<void> m_stopFuture;
    bool m_stopping = false;
    bool m_stopped = false;
    bool m_destroying = false;
};

} // namespace fleetdeck
