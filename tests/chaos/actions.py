"""One round of chaos: seeded admin actions through `fleetdeckctl --json` (run in the background,
a few at a time) interleaved with faults: kill -9 / SIGTERM of workers and replicas, restarts of
nats-server and PostgreSQL, and download throttling. Every choice comes from the round's
random.Random; timing is real, so a replay repeats the schedule, not the interleaving."""
import signal
import time

from artifacts import BACKENDS
from cluster import REPLICAS, WORKERS

MAX_PARALLEL_CTL = 3

# bark is the slow one (throttled, it outlives the request timeout); piper always fails.
BACKEND_WEIGHTS = [(4, "bark"), (4, "whisper"), (2, "piper")]
assert sorted(b for _, b in BACKEND_WEIGHTS) == sorted(BACKENDS)

# (weight, step kind)
STEPS = [
    (10, "install"), (5, "reinstall"), (5, "upgrade"), (5, "delete"), (4, "cancel"), (3, "dismiss"),
    (3, "retry"), (2, "drain"), (2, "resume"), (2, "reconcile"), (1, "reap"), (1, "clean-pending"),
    (4, "kill-worker"), (1, "term-worker"), (3, "kill-replica"), (1, "term-replica"),
    (2, "restart-nats"), (2, "restart-pg"), (4, "throttle"), (3, "pause"),
]


def _weighted(rng, table):
    total = sum(w for w, _ in table)
    x = rng.uniform(0, total)
    for w, k in table:
        x -= w
        if x <= 0:
            return k
    return table[-1][1]


class Chaos:
    def __init__(self, cluster, log):
        self.c, self.log = cluster, log
        self.known_ops = []  # op ids admitted so far (a fallback while the store is down)
        self.restarts = []   # (due time, description, function)
        self.counts = {}     # step kind -> count
        self.ctl_codes = {}  # "install:0" -> count

    # ---- helpers -----------------------------------------------------------------------------
    def _count(self, key):
        self.counts[key] = self.counts.get(key, 0) + 1

    def _ops(self, u, states):
        """An op id in one of `states` (store view; falls back to any known op), or None. `u` in
        [0, 1) picks it, so that the seed's schedule does not depend on how many ops exist."""
        rows = self.c.sql("SELECT id FROM operations WHERE status IN (%s) ORDER BY created_at, id"
                          % ",".join("'%s'" % s for s in states))
        ids = [r["id"] for r in rows] if rows is not None else list(self.known_ops)
        if not ids:
            return None
        # the newest one half of the time, else any
        return ids[-1] if u < 0.5 else ids[min(len(ids) - 1, int((u - 0.5) * 2 * len(ids)))]

    def _ctl(self, *args):
        while len(self.c.async_ctls) >= MAX_PARALLEL_CTL:
            self.collect()
            time.sleep(0.1)
        self.c.ctl_async(*args)
        return "ctl " + " ".join(args)

    def collect(self):
        for r in self.c.reap_async_ctls():
            key = "%s:%s" % (" ".join(r.argv[:2]) if r.argv[0] == "nodes" else r.argv[0], r.code)
            self.ctl_codes[key] = self.ctl_codes.get(key, 0) + 1
            op_id = r.json.get("op_id")
            if op_id and op_id not in self.known_ops:
                self.known_ops.append(op_id)

    def _later(self, rng, lo, hi, what, fn):
        self.restarts.append((time.time() + rng.uniform(lo, hi), what, fn))

    def run_due_restarts(self, force=False):
        keep = []
        for due, what, fn in self.restarts:
            if force or time.time() >= due:
                fn()
                self.log("      restart: %s" % what)
            else:
                keep.append((due, what, fn))
        self.restarts = keep

    # ---- one step ---------------------------------------------------------------------------
    def step(self, rng):
        self.c.note_unexpected_exits()
        kind = _weighted(rng, STEPS)
        self._count(kind)
        c = self.c
        backend = _weighted(rng, BACKEND_WEIGHTS)
        node = WORKERS[rng.randrange(len(WORKERS))] if rng.random() < 0.35 else None
        scope = ["--node", node] if node else []
        u = rng.random()  # drawn for every step: the schedule stays the seed's whatever the store holds
        if kind == "install":
            return self._ctl("install", backend, *scope)
        if kind == "reinstall":
            return self._ctl("install", backend, "--force", *scope)
        if kind in ("upgrade", "delete"):
            return self._ctl(kind, backend, *scope)
        if kind in ("cancel", "dismiss", "retry"):
            states = {"cancel": ("queued", "running", "running_on_worker"), "dismiss": ("failed",),
                      "retry": ("failed", "cancelled")}[kind]
            op = self._ops(u, states)
            return self._ctl(kind, op) if op else "%s: no op to %s" % (kind, kind)
        if kind in ("drain", "resume"):
            return self._ctl("nodes", kind, WORKERS[rng.randrange(len(WORKERS))])
        if kind in ("reconcile", "reap", "clean-pending"):
            return self._ctl(kind)
        if kind in ("kill-worker", "term-worker"):
            w = WORKERS[rng.randrange(len(WORKERS))]
            proc = c.workers[w]
            if kind == "kill-worker":
                proc.kill9()
            else:
                proc.terminate(timeout=5)  # graceful shutdown waits up to 30 s for jobs: cut it short
            self._later(rng, 0, 6, "worker " + w, lambda: c.start_worker(w))
            return "%s %s" % (kind, w)
        if kind in ("kill-replica", "term-replica"):
            r = REPLICAS[rng.randrange(len(REPLICAS))]
            proc = c.replicas[r]
            if kind == "kill-replica":
                proc.kill9()
            else:
                proc.signal(signal.SIGTERM)  # graceful shutdown (≤ 5 s, §3.3); no wait here
            self._later(rng, 0, 8, "replica " + r, lambda: c.replica_state(r) != "down" or c.replicas[r].start())
            return "%s %s" % (kind, r)
        if kind == "restart-nats":
            hard = rng.random() < 0.5
            c.nats.stop(hard=hard)
            self._later(rng, 0, 4, "nats-server", lambda: c.nats.running() or c.nats.start())
            return "stop nats-server (%s)" % ("kill -9" if hard else "SIGTERM")
        if kind == "restart-pg":
            mode = "immediate" if rng.random() < 0.5 else "fast"
            c.pg.stop(mode)
            self._later(rng, 0, 4, "PostgreSQL", lambda: c.pg.running() or c.pg.start())
            return "stop PostgreSQL (-m %s)" % mode
        if kind == "throttle":
            rate = [0, 32 * 1024, 64 * 1024, 128 * 1024, 256 * 1024][rng.randrange(5)]
            c.art.set_throttle(rate)
            return "throttle downloads to %s" % ("full speed" if rate == 0 else "%d KiB/s" % (rate // 1024))
        if kind == "pause":
            secs = rng.uniform(1, 4)
            self._sleep(secs)
            return "pause %.1f s" % secs
        raise AssertionError(kind)

    def _sleep(self, secs):
        end = time.time() + secs
        while time.time() < end:
            self.collect()
            self.run_due_restarts()
            time.sleep(min(0.2, max(0, end - time.time())))

    def round(self, rng, steps, observe):
        """`steps` chaos steps; `observe()` samples the store between steps (terminal states)."""
        for i in range(steps):
            self.run_due_restarts()
            what = self.step(rng)
            self.log("      %2d. %s" % (i + 1, what))
            self._sleep(rng.uniform(0.1, 1.0))
            if i % 3 == 2:
                observe()
        self.run_due_restarts(force=True)

    def drain_ctls(self, limit_s=60):
        """Waits for the background fleetdeckctl runs (each is killed after its own time limit)."""
        end = time.time() + limit_s
        while self.c.async_ctls and time.time() < end:
            self.collect()
            time.sleep(0.2)
        self.collect()
