// Path (b), owner → peer window: OwnerFeed publishes status events; the measured replica (the
// EngineHost's engine, a peer of that owner) applies them and its window's operations bar shows
// them (docs/architecture.md#one-progress-tick-worker-to-pixel steps 6 to 9).
#include "bridge/engine_host.h"
#include "bus/nats_bus.h"
#include "core/clock.h"
#include "live_latency/owner_feed.h"
#include "live_latency/cpu.h"
#include "live_latency/session.h"
#include "main_window.h"
#include "store/store_thread.h"
#include "widgets/ops_bar.h"

using namespace fleetdeck;

namespace livelat {

namespace {

// Runs the event loop until the model has shown every published event, or nothing has moved for
// `idleMs`.
void drain(const Stage &model, const TickLedger &ledger, int idleMs)
{
    qint64 last = -1, since = nowNs();
    pumpUntil(
        [&] {
            const qint64 now = model.resolved.load();
            if (now != last) {
                last = now;
                since = nowNs();
            }
            return now >= ledger.total() || nowNs() - since > qint64(idleMs) * 1'000'000;
        },
        60'000);
}

} // namespace

PathResult runStatusPath(EngineHost &host, ui::MainWindow &window, SnapshotTimer &timer, const Options &o)
{
    PathResult out;
    NatsConfig nc;
    nc.url = o.url;
    nc.name = QStringLiteral("bench_live_latency-owner");
    auto bus = NatsBus::connect(nc, SystemClock::instance());
    if (!bus) {
        out.error = QStringLiteral("owner connection: ") + bus.error();
        return out;
    }
    TickLedger ledger;
    Stage engine(ledger), model(ledger);
    OwnerFeed feed(bus.value().get(), ledger, o.ops, SystemClock::instance()->nowMs());

    // The owner's ops in the shared store, before the measured replica hears of them.
    std::optional<bool> stored;
    host.run<bool>(
        [ops = feed.ops(), owner = feed.ownerId()](Engine &e) {
            return e.store()->call([ops, owner](Store &s) { return OwnerFeed::store(s, ops, owner); });
        },
        &window, [&stored](bool ok) { stored = ok; });
    if (!pumpUntil([&] { return stored.has_value(); }, 300'000) || !*stored) {
        out.error = QStringLiteral("could not write the owner's ops to the store");
        return out;
    }

    EngineProbe engineProbe(host, engine, Keying::OpRevision, OwnerFeed::kRevisionBase);
    ModelProbe probe(window.opsBar()->model(), model, engine, ledger, Keying::OpRevision, OwnerFeed::kRevisionBase,
                     &OwnerFeed::progressFor);
    runPumping<bool>([&] {
        feed.announce();
        return true;
    });
    // Warm-up: every op's row shows its first event.
    if (!pumpUntil([&] { return model.resolved.load() >= o.ops; }, 60'000)) {
        out.error = QStringLiteral("the operations bar showed %1 of %2 announced ops after 60 s")
                        .arg(model.resolved.load())
                        .arg(o.ops);
        return out;
    }
    runPumping<bool>([&] {
        feed.prepare(o.rate, o.seconds);
        return true;
    });
    engine.clearSamples();
    model.clearSamples();

    qint64 deltas = 0;
    const auto counting = QObject::connect(&host, &EngineHost::opsChanged, &window, [&deltas] { ++deltas; });
    probe.startWindow();
    timer.startWindow();
    CpuSampler cpu;
    out.loadAverage = CpuSampler::loadAverage();
    cpu.start();
    out.paced = runPumping<Paced>([&] {
        const Paced p = feed.run(o.rate, o.seconds);
        out.cpu = cpu.stop(); // while the publisher thread still exists
        return p;
    });
    drain(model, ledger, 2000);
    probe.stopWindow();
    timer.stopWindow();
    QObject::disconnect(counting);
    engineProbe.disconnect();
    feed.retire(); // the next path's window lists only its own ops

    engine.settle();
    model.settle();
    out.toEngine = summarize(engine.latenciesMs);
    out.toModel = summarize(model.latenciesMs);
    out.shown = out.toModel.samples;
    out.coalesced = model.coalesced;
    out.engineCoalesced = engine.coalesced;
    out.neverShown = out.paced.sent - out.shown - out.coalesced;
    out.unmatched = model.unmatched + engine.unmatched;
    out.mismatches = probe.progressMismatches();
    out.deltas = deltas;
    out.backlog = probe.backlog();
    out.guiPerSnapshot = summarize(timer.ms());
    out.probeSelfMs = probe.selfMs();
    out.notes << QStringLiteral("owner: a plain NatsBus publisher (own connection, events encoded before the window) standing "
                                "for an owner replica; %1 ops running in the shared SQLite store under its replica id, one "
                                "node entry each")
                     .arg(o.ops);
    return out;
}

int statusEventBytes()
{
    TickLedger scratch;
    return OwnerFeed(nullptr, scratch, 1, 0).eventBytes();
}

} // namespace livelat
