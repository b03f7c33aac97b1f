// The scenes of the demo tour and their timeline (tour time, seconds after start):
//   1 welcome · 2 upgrade llama-cpp-cuda12 (A100s done in ~8 s; jetson-orin busy at ~22 s,
//   confirmed by "Reconcile now" once its worker is idle, ~50 s) · 5 piper on gpu-a100-2 (fails
//   its sha256, Retry, Dismiss) · 6 vllm on gpu-a100-1 whose link stalls for 75 s (Stalled at
//   ~70 s) · 28 bark on gpu-a100-2, which drops off the network mid-download once piper's retry
//   has failed; swept at ~50–70 s, offline by ~80 s, then back · 30 orphaned op · 36 reap.
#include "bus/subjects.h"
#include "core/clock.h"
#include "core/operation_codec.h"
#include "demo/demo_artifacts.h"
#include "demo/demo_cluster.h"
#include "demo/demo_log.h"
#include "demo/demo_pacer.h"
#include "demo/demo_seed.h"
#include "demo/demo_tour.h"
#include "store/store_thread.h"
#include "worker/worker_agent.h"

#include <QJsonDocument>
#include <QScopeGuard>
#include <QUuid>

namespace fleetdeck {
namespace {

constexpr qint64 kS = 1000;
const QString kA100a = QStringLiteral("gpu-a100-1");
const QString kA100b = QStringLiteral("gpu-a100-2");
const QString kJetson = QStringLiteral("jetson-orin");

bool failedFor(const std::optional<Operation> &o, qint64 now, qint64 forMs)
{
    return o && o->state == OpState::Failed && o->finishedAt && now - *o->finishedAt >= forMs;
}

} // namespace

void DemoTour::buildScript()
{
    m_steps = {
        {QStringLiteral("welcome"), 1 * kS,
         [this]() {
             announce(QStringLiteral("welcome"),
                      tr("Welcome to the Fleetdeck demo: six nodes, one pending approval, one offline, one drained by its admin."));
         }},
        {QStringLiteral("upgrade"), 2 * kS, [this]() { sceneUpgrade(); }},
        {QStringLiteral("piper-install"), 5 * kS, [this]() { scenePiper(); }},
        {QStringLiteral("stall-start"), 6 * kS, [this]() { sceneStall(); }},
        {QStringLiteral("drop-install"), 28 * kS, [this]() { sceneDrop(); }},
        {QStringLiteral("orphan"), 30 * kS, [this]() { sceneOrphan(); }},
        {QStringLiteral("reap"), 36 * kS, [this]() { sceneReap(); }},
    };
}

void DemoTour::sceneUpgrade()
{
    admit(QStringLiteral("upgrade"), OpKind::Upgrade, QStringLiteral("llama-cpp-cuda12"), {}, [this](const QString &id) {
        if (id.isEmpty())
            return;
        m_upgradeOp = id;
        announce(QStringLiteral("upgrade"),
                 tr("Upgrading llama-cpp-cuda12 to b4120 on every node that has it: each node streams its own progress."));
        watch(QStringLiteral("upgrade-busy"),
              tr("jetson-orin is still installing after the 20 s request timeout: Worker busy. The reconciler will confirm it."),
              [this]() {
                  const auto o = op(m_upgradeOp);
                  return !o || o->state != OpState::Running; // running_on_worker, or over already
              },
              [this]() {
                  watch(QStringLiteral("upgrade-confirm"),
                        tr("jetson-orin has finished: Reconcile now lists it, confirms the upgrade and finishes the op."),
                        [this]() {
                            const auto o = op(m_upgradeOp);
                            if (!o || o->state != OpState::RunningOnWorker)
                                return true;
                            const WorkerAgent *w = m_cluster->worker(kJetson);
                            return !w || w->jobCount() == 0;
                        },
                        [this]() {
                            const auto o = op(m_upgradeOp);
                            if (o && o->state == OpState::RunningOnWorker) // the admin presses "Reconcile now" (docs/gui.md#reconcile-actions)
                                engine()->reconcileNow();
                        });
              });
    });
}

void DemoTour::scenePiper()
{
    admit(QStringLiteral("piper-install"), OpKind::Install, QStringLiteral("piper"), kA100b, [this](const QString &id) {
        if (id.isEmpty())
            return;
        m_piperOp = id;
        announce(QStringLiteral("piper-install"), tr("Installing piper on gpu-a100-2: its artifact does not match the gallery's sha256."));
        // Leave the failure on screen a few seconds before each action.
        watch(QStringLiteral("piper-failed"), tr("The piper install failed with a sha256 mismatch. Retry runs it again."),
              [this]() {
                  const auto o = op(m_piperOp);
                  return !o || (isTerminal(o->state) && (o->state != OpState::Failed || failedFor(o, m_cluster->clock()->nowMs(), 4 * kS)));
              },
              [this]() {
                  const auto o = op(m_piperOp);
                  if (!o || o->state != OpState::Failed || o->dismissedAt)
                      return;
                  ++m_pendingActions;
                  engine()->ops()->retry(m_piperOp).then(this, [this](Result<AdmitResult> r) {
                      const auto back = qScopeGuard([this]() { actionDone(); });
                      if (m_stopped)
                          return;
                      if (!r) {
                          skip(QStringLiteral("piper-dismiss"), r.error());
                          return;
                      }
                      m_piperRetryOp = r.value().opId;
                      watch(QStringLiteral("piper-dismiss"),
                            tr("It failed again. Dismiss removes it from the operations bar; History keeps both attempts."),
                            [this]() {
                                const auto o = op(m_piperRetryOp);
                                return !o || (isTerminal(o->state) && (o->state != OpState::Failed || failedFor(o, m_cluster->clock()->nowMs(), 4 * kS)));
                            },
                            [this]() {
                                const auto o = op(m_piperRetryOp);
                                if (o && o->state == OpState::Failed)
                                    engine()->ops()->dismiss(m_piperRetryOp);
                            });
                  });
              });
    });
}

void DemoTour::sceneStall()
{
    if (const auto active = activeOpFor(QStringLiteral("vllm"))) {
        skip(QStringLiteral("stall-start"), QStringLiteral("vllm already has an active op (%1)").arg(*active));
        return;
    }
    // A stall shows only on a `running` op (docs/gui.md#stalled), and the demo's 20 s request
    // timeout would turn it into running_on_worker first: this one request goes out with the
    // production install timeout (900 s), and the demo value is written back as soon as it was
    // sent.
    setSettings({{QStringLiteral("nats/timeout_install_s"), QStringLiteral("900")}});
    watch(QStringLiteral("stall-start"),
          tr("Installing vllm on gpu-a100-1. Its link will stall for 75 s: watch the op turn Stalled after 60 s without progress."),
          [this]() { return engine()->ops()->settings().timeoutMs(OpKind::Install) == 900 * kS; },
          [this]() {
              admit(QStringLiteral("stall-start"), OpKind::Install, QStringLiteral("vllm"), kA100a, [this](const QString &id) {
                  const auto restore = [this]() { setSettings({{QStringLiteral("nats/timeout_install_s"), QStringLiteral("20")}}); };
                  if (id.isEmpty()) {
                      restore();
                      return;
                  }
                  m_stallOp = id;
                  const qint64 now = m_cluster->clock()->nowMs();
                  if (DemoPacer *p = m_cluster->pacer(kA100a))
                      p->pause(QStringLiteral("/vllm-0.6.3.tar.gz"), now + 2 * kS, now + 77 * kS);
                  // Restore once the request is out (the row left `queued`), or the op ended.
                  watch(QStringLiteral("stall-timeout-restored"), tr("The install timeout is back to the demo's 20 s."),
                        [this]() {
                            const auto o = op(m_stallOp);
                            const NodeProgress *r = o ? row(*o, kA100a) : nullptr;
                            return !o || isTerminal(o->state) || (r && r->status != NodeRowStatus::Queued);
                        },
                        restore);
                  watch(QStringLiteral("stalled"), tr("No progress for 60 s: the vllm download on gpu-a100-1 is Stalled."),
                        [this]() {
                            const auto o = op(m_stallOp);
                            return !o || isTerminal(o->state)
                                   || o->isStalled(m_cluster->clock()->nowMs(), engine()->ops()->settings().stalledMs());
                        },
                        [this]() {
                            watch(QStringLiteral("stall-over"), tr("gpu-a100-1's link recovered: vllm finished installing."),
                                  [this]() {
                                      const auto o = op(m_stallOp);
                                      return !o || isTerminal(o->state);
                                  },
                                  {});
                        });
              });
          });
}

void DemoTour::sceneOrphan()
{
    if (const auto active = activeOpFor(QStringLiteral("whisper"))) {
        skip(QStringLiteral("orphan"), QStringLiteral("whisper already has an active op (%1)").arg(*active));
        return;
    }
    const DemoArtifact *a = m_cluster->artifacts()->find(QStringLiteral("whisper"), QStringLiteral("1.7.2"));
    if (!a)
        return;
    const QJsonObject entry{{QStringLiteral("name"), a->name},  {QStringLiteral("version"), a->version},
                            {QStringLiteral("uri"), a->uri},    {QStringLiteral("sha256"), a->sha256},
                            {QStringLiteral("size"), a->size},  {QStringLiteral("gallery_url"), m_cluster->galleryUrl()}};
    const QJsonObject gallery{{QStringLiteral("name"), QStringLiteral("demo")}, {QStringLiteral("url"), m_cluster->galleryUrl()}};
    const StoreConfig config = engine()->config().store;
    Clock *clock = m_cluster->clock();
    const QString dead = QUuid::createUuid().toString(QUuid::WithoutBraces);
    ++m_pendingActions;
    // On the engine's own store thread, so none of the engine's calls (its executor's claim
    // poll) runs between the op's creation and the dead replica's claim.
    engine()->store()->call([=](Store &s) -> Result<Operation> {
        auto node = s.findNode(kA100a);
        if (!node || !node.value())
            return Result<Operation>::failure(QStringLiteral("gpu-a100-1 is not registered"));
        return demo::seedOrphan(config, clock, 40 * 60 * kS, dead, entry, gallery, node.value()->id, kA100a);
    }).then(this, [this](Result<Operation> r) {
        const auto back = qScopeGuard([this]() { actionDone(); });
        if (m_stopped)
            return;
        if (!r) {
            skip(QStringLiteral("orphan"), r.error());
            return;
        }
        const Operation &o = r.value();
        m_orphanOp = o.id;
        // What the crashed replica had broadcast before it died (docs/operations.md#admission step
        // 5, docs/protocol.md#replica-broadcasts).
        Bus *bus = engine()->bus();
        bus->publish(subjects::opcacheStart(),
                     QJsonDocument(QJsonObject{{QStringLiteral("job_id"), o.id}, {QStringLiteral("cache_key"), o.cacheKey}})
                         .toJson(QJsonDocument::Compact));
        bus->publish(subjects::opProgress(o.id), QJsonDocument(progressMessage(o, o.nodes)).toJson(QJsonDocument::Compact));
        announce(QStringLiteral("orphan"),
                 tr("An install of whisper, abandoned 40 min ago by a replica that crashed, still shows as running."));
    });
}

void DemoTour::sceneReap()
{
    if (m_orphanOp.isEmpty()) {
        skip(QStringLiteral("reap"), QStringLiteral("no orphaned op"));
        return;
    }
    announce(QStringLiteral("reap"), tr("Reap stale operations: the abandoned op is marked failed everywhere, with Retry and Dismiss."));
    engine()->reapStaleOperations();
}

void DemoTour::sceneDrop()
{
    if (const auto active = activeOpFor(QStringLiteral("bark"))) {
        skip(QStringLiteral("drop-install"), QStringLiteral("bark already has an active op (%1)").arg(*active));
        return;
    }
    // So that this happens within the tour, the demo shortens two production values for a while
    // (restored after the sweep): a node goes offline 30 s (not 60 s) after its last heartbeat,
    // and its pending ops are swept 10 s (not 15 min) after that.
    setSettings({{QStringLiteral("health/stale_s"), QStringLiteral("30")}, {QStringLiteral("reconcile/pending_grace_s"), QStringLiteral("10")}});
    admit(QStringLiteral("drop-install"), OpKind::Install, QStringLiteral("bark"), kA100b, [this](const QString &id) {
        if (id.isEmpty()) {
            setSettings({{QStringLiteral("health/stale_s"), QStringLiteral("60")}, {QStringLiteral("reconcile/pending_grace_s"), QStringLiteral("900")}});
            return;
        }
        m_dropOp = id;
        announce(QStringLiteral("drop-install"), tr("Installing bark on gpu-a100-2."));
        watch(QStringLiteral("drop"), tr("gpu-a100-2 drops off the network in the middle of the download: no reply, no more heartbeats."),
              [this]() {
                  const auto o = op(m_dropOp);
                  const NodeProgress *r = o ? row(*o, kA100b) : nullptr;
                  // Not before piper's retry on the same node has failed (its story is the sha256).
                  const auto piper = op(m_piperRetryOp);
                  if (piper && !isTerminal(piper->state))
                      return false;
                  return !o || isTerminal(o->state) || (r && r->status == NodeRowStatus::Downloading && r->percentage >= 10);
              },
              [this]() {
                  m_cluster->cutWorker(kA100b);
                  // The reconciler's listing meets no responders (the node turns unhealthy) and
                  // the sweep drops its pending row once the heartbeat is older than the grace.
                  watch(QStringLiteral("sweep"),
                        tr("gpu-a100-2 no longer answers: Reconcile now sweeps its pending install and the op fails "
                           "(\"node went offline before confirming\")."),
                        [this]() {
                            const auto o = op(m_dropOp);
                            if (!o || isTerminal(o->state))
                                return true;
                            const QString status = m_nodeStatus.value(kA100b);
                            return o->state == OpState::RunningOnWorker
                                   && (status == QLatin1String("offline") || status == QLatin1String("unhealthy"));
                        },
                        [this]() {
                            const auto o = op(m_dropOp);
                            if (o && o->state == OpState::RunningOnWorker)
                                engine()->reconcileNow();
                            watch(QStringLiteral("node-offline"), tr("No heartbeat from gpu-a100-2 for 30 s: the node is Offline."),
                                  [this]() { return m_nodeStatus.value(kA100b) == QLatin1String("offline"); },
                                  [this]() {
                                      setSettings({{QStringLiteral("health/stale_s"), QStringLiteral("60")},
                                                   {QStringLiteral("reconcile/pending_grace_s"), QStringLiteral("900")}});
                                      watch(QStringLiteral("node-back"), tr("gpu-a100-2 is back on the network and registers again."),
                                            [this]() {
                                                const auto o = op(m_dropOp);
                                                return !o || isTerminal(o->state);
                                            },
                                            [this]() {
                                                if (const Status st = m_cluster->restoreWorker(kA100b); !st)
                                                    qCWarning(lcDemo).noquote() << st.error();
                                            });
                                  });
                        });
              });
    });
}

} // namespace fleetdeck
