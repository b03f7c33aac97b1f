#!/usr/bin/env python3
"""Process-level chaos run of Fleetdeck (issue #11, item 7). See README.md in this directory.

  chaos.py --rounds N [--seed S] --fleetdeck BIN --worker BIN --ctl BIN

Starts PostgreSQL, nats-server, an HTTP artifact server, two `fleetdeck --headless` replicas and
three `fleetdeck-worker`s on 127.0.0.1 under a private temporary directory, then runs N seeded
rounds of admin actions and faults; after each round it heals the cluster, waits for it to
settle and checks the invariants from outside. Exit 0: every round clean; 1: an invariant was
violated (the report names the seed and the replay command); 2: usage or set-up error; 3: the
time budget (--deadline-s) ran out; 130: interrupted.
"""
import argparse
import atexit
import os
import random
import shutil
import signal
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import invariants as inv  # noqa: E402
import procs  # noqa: E402
from actions import Chaos  # noqa: E402
from artifacts import ArtifactServer  # noqa: E402
from cluster import WORKERS, Cluster  # noqa: E402


class Deadline(Exception):
    pass


class Run:
    def __init__(self, args):
        self.args = args
        self.t0 = time.time()
        self.deadline = self.t0 + args.deadline_s if args.deadline_s > 0 else None
        self.memory = {}      # op id -> terminal state first seen (invariant 5)
        self.reported = set() # op ids whose terminal state changed (reported once)
        self.violations = []
        self.shown = set()    # op ids already printed in the per-step log
        self.totals = {"ops": 0, "success": 0, "failed": 0, "cancelled": 0, "agree": 0, "explained": 0}
        self.cluster = None

    def log(self, text):
        if not self.args.quiet or not text.startswith("      "):
            t = time.time()
            print("%s.%03d %s" % (time.strftime("%H:%M:%S", time.localtime(t)), int(t * 1000) % 1000, text), flush=True)

    def check_deadline(self):
        if self.deadline and time.time() > self.deadline:
            raise Deadline()

    def replay(self, rounds):
        return "scripts/chaos.sh --rounds %d --seed %d" % (rounds, self.args.seed)

    # ---- settling ---------------------------------------------------------------------------
    def observe(self):
        """Between chaos steps: terminal states seen so far must not change (invariant 5)."""
        rows = self.cluster.sql("SELECT id, status, message FROM operations")
        if rows is None:
            return
        changed = inv.check_terminal_final({"ops": rows}, self.memory, self.reported)
        self.violations += [v + " (seen during the chaos phase)" for v in changed]

    def settle(self):
        """Polls the store until no op is active (bounded by --settle-s), then gives background
        retries a few seconds to empty the pending table. Returns the seconds it took."""
        start = time.time()
        end = start + self.args.settle_s
        while time.time() < end:
            self.check_deadline()
            rows = self.cluster.sql("SELECT status FROM operations "
                                    "WHERE status IN ('queued','running','running_on_worker')")
            if rows == []:
                break
            self.observe()
            time.sleep(1)
        quiet_end = time.time() + self.args.pending_wait_s
        while time.time() < quiet_end:
            rows = self.cluster.sql("SELECT id FROM pending_node_ops")
            if rows == []:
                break
            time.sleep(1)
        return time.time() - start

    def checked_state(self):
        """A store snapshot and `ops list` taken while the store holds still (retried 3 times)."""
        for _ in range(3):
            before = inv.snapshot(self.cluster)
            listed = self.cluster.ctl("ops", "list", timeout=60)
            after = inv.snapshot(self.cluster)
            if before is None or after is None or listed.code != 0:
                time.sleep(2)
                continue
            key = lambda s: [(o["id"], o["status"], o["dismissed_at"]) for o in s["ops"]]  # noqa: E731
            if key(before) == key(after):
                return after, listed.json.get("ops", []), None
            time.sleep(2)
        return None, None, ("the store or `fleetdeckctl ops list` did not answer steadily after settling (%r)"
                            % (listed,))

    # ---- one round --------------------------------------------------------------------------
    def round(self, n, rng, chaos):
        self.check_deadline()
        t0 = time.time()
        self.log("round %d/%d: chaos" % (n, self.args.rounds))
        before = dict(chaos.counts)
        chaos.round(rng, self.args.steps, self.observe)
        counts = {k: v - before.get(k, 0) for k, v in chaos.counts.items() if v != before.get(k, 0)}
        chaos.drain_ctls()
        heal_t0 = time.time()
        problems = self.cluster.heal()
        self.violations += self.cluster.findings + ["heal: " + p for p in problems]
        self.cluster.findings = []
        for note in self.cluster.notes:
            self.log("      tolerated: " + note.splitlines()[0][:200])
        self.cluster.notes = []
        heal_s = time.time() - heal_t0
        settle_s = self.settle()
        snap, listed, problem = self.checked_state()
        if problem:
            self.violations.append(problem)
            return
        stats = {"agree": 0, "explained": 0}
        disks = {w: inv.read_disk(self.cluster.backends_dirs[w]) for w in WORKERS}
        self.violations += inv.check_liveness(snap, self.cluster.replica_ids())
        self.violations += inv.check_ops_list(snap, listed)
        self.violations += inv.check_history(snap)
        self.violations += inv.check_disks(snap, disks, self.cluster.art.versions, stats)
        self.violations += inv.check_terminal_final(snap, self.memory, self.reported)
        states = {}
        for o in snap["ops"]:
            states[o["status"]] = states.get(o["status"], 0) + 1
        for k in ("success", "failed", "cancelled"):
            self.totals[k] = states.get(k, 0)
        self.totals["ops"] = len(snap["ops"])
        pending = "; ".join("%s %s %s attempts %s '%s'" % (p["op"], p["backend"], p["node_id"][:8], p["attempts"],
                                                          p["last_error"][:80]) for p in snap["pending"])
        self.log("      disk checks explained by: %s; pending rows left: %s" % (_fmt(stats.get("reasons", {})),
                                                                               pending or "none"))
        for o in snap["ops"]:
            if o["id"] not in self.shown:
                self.shown.add(o["id"])
                self.log("      op %s %s%s %s%s -> %s %s" % (
                    o["id"][:8], o["kind"], " --force" if o["force"] else "", o["backend"],
                    " --node" if o["target_node_id"] else "", o["status"], (o["error"] or "")[:150]))
        self.totals["agree"] += stats["agree"]
        self.totals["explained"] += stats["explained"]
        self.log("round %d/%d: %s; healed in %.1f s, settled in %.1f s; ops %d (%s); ops list %d; history %d; "
                 "disk %d agree, %d explained; %.0f s; %s"
                 % (n, self.args.rounds, _fmt(counts), heal_s, settle_s, len(snap["ops"]), _fmt(states), len(listed),
                    len(snap["history"]), stats["agree"], stats["explained"], time.time() - t0,
                    "VIOLATION" if self.violations else "ok"))


def _fmt(d):
    return ", ".join("%s %d" % (k, v) for k, v in sorted(d.items())) or "-"


def report(run, n):
    c = run.cluster
    print("\n=========== CHAOS INVARIANT VIOLATED (seed %d, round %d) ===========" % (run.args.seed, n))
    for v in run.violations:
        print("  - " + v)
    if c is not None:
        for name, p in list(c.replicas.items()) + list(c.workers.items()):
            print("\n---- %s log (tail) ----\n%s" % (name, p.log_tail(25)))
        if run.args.report_dir:
            dest = os.path.join(run.args.report_dir, "chaos-report-seed%d" % run.args.seed)
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(os.path.join(c.workdir, "logs"), dest)
            snap = inv.snapshot(c)
            if snap is not None:
                import json
                with open(os.path.join(dest, "store.json"), "w") as f:
                    json.dump(snap, f, indent=1)
            print("\nlogs and a store snapshot: %s" % dest)
    print("\nseed %d, round %d. Replay: %s" % (run.args.seed, n, run.replay(n)))
    print("(a replay repeats the seed's schedule of actions and faults; process timing differs)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3, help="rounds of chaos, each healed and checked (default 3)")
    ap.add_argument("--seed", type=int, default=None, help="default: random (printed)")
    ap.add_argument("--steps", type=int, default=25, help="chaos steps per round (default 25)")
    ap.add_argument("--settle-s", type=float, default=90, help="liveness bound after healing (default 90)")
    ap.add_argument("--pending-wait-s", type=float, default=8,
                    help="after settling, wait up to this long for pending_node_ops to empty (default 8)")
    ap.add_argument("--deadline-s", type=float, default=0, help="stop with exit 3 after this many seconds (0: none)")
    ap.add_argument("--fleetdeck", required=True, help="the fleetdeck binary (run as --headless)")
    ap.add_argument("--worker", required=True, help="the fleetdeck-worker binary")
    ap.add_argument("--ctl", required=True, help="the fleetdeckctl binary")
    ap.add_argument("--report-dir", default=os.getcwd(),
                    help="where logs go when an invariant is violated ('' = nowhere)")
    ap.add_argument("--tolerate-start-hang", action="store_true",
                    help="kill and restart a replica that hangs after its start error instead of failing (P)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory (for debugging)")
    ap.add_argument("--quiet", action="store_true", help="no per-step lines")
    args = ap.parse_args()
    if args.seed is None:
        args.seed = random.SystemRandom().randrange(1, 2 ** 31)
    for b in (args.fleetdeck, args.worker, args.ctl):
        if not os.access(b, os.X_OK):
            print("chaos: not an executable: %s" % b, file=sys.stderr)
            return 2
    if shutil.which("nats-server") is None or shutil.which("psql") is None:
        print("chaos: nats-server and psql are required (apt-get install nats-server postgresql)", file=sys.stderr)
        return 2

    run = Run(args)
    workdir = tempfile.mkdtemp(prefix="fleetdeck-chaos-")
    os.chmod(workdir, 0o755)  # the PostgreSQL server runs as `postgres` when we are root
    art = None

    def cleanup():
        if run.cluster:
            run.cluster.kill_async_ctls()
        procs.kill_all(run.cluster.pg if run.cluster else None)
        if art is not None:
            art.stop()
        if args.keep:
            print("chaos: kept %s" % workdir)
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    def on_signal(signum, _frame):
        raise KeyboardInterrupt()

    atexit.register(lambda: procs.kill_all(run.cluster.pg if run.cluster else None))
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    print("chaos: seed %d, %d rounds of %d steps, settle limit %.0f s (%s)" %
          (args.seed, args.rounds, args.steps, args.settle_s, workdir), flush=True)
    n = 0
    try:
        art = ArtifactServer(args.seed)
        art.start()
        bins = {"fleetdeck": args.fleetdeck, "fleetdeck-worker": args.worker, "fleetdeckctl": args.ctl}
        run.cluster = Cluster(workdir, bins, art, run.log)
        run.cluster.tolerate_start_hang = args.tolerate_start_hang
        try:
            run.cluster.bring_up()
        except RuntimeError as e:
            print("chaos: set-up failed: %s" % e, file=sys.stderr)
            return 2
        run.log("chaos: cluster up in %.1f s (PostgreSQL %s, %s, artifacts %s)" %
                (time.time() - run.t0, run.cluster.pg.dsn, run.cluster.nats.url, art.prefix))
        rng = random.Random(args.seed)
        chaos = Chaos(run.cluster, run.log)
        for n in range(1, args.rounds + 1):
            run.round(n, rng, chaos)
            if run.violations:
                report(run, n)
                return 1
        print("\nchaos: %d rounds clean (seed %d) in %.0f s: ops %d (success %d, failed %d, cancelled %d); "
              "disk checks %d agree, %d explained; steps: %s; fleetdeckctl exit codes: %s" %
              (args.rounds, args.seed, time.time() - run.t0, run.totals["ops"], run.totals["success"],
               run.totals["failed"], run.totals["cancelled"], run.totals["agree"], run.totals["explained"],
               _fmt(chaos.counts), _fmt(chaos.ctl_codes)))
        return 0
    except Deadline:
        print("\nchaos: time budget of %.0f s exhausted in round %d (seed %d); nothing violated so far. Replay: %s" %
              (args.deadline_s, n, args.seed, run.replay(n)), file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("\nchaos: interrupted (seed %d, round %d)" % (args.seed, n), file=sys.stderr)
        return 130
    except Exception:  # a bug of the driver itself: never reported as an invariant violation
        import traceback
        traceback.print_exc()
        print("\nchaos: internal error (seed %d, round %d)" % (args.seed, n), file=sys.stderr)
        return 2
    finally:
        cleanup()


if __name__ == "__main__":
    sys.exit(main())
