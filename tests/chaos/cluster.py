"""The cluster under test: PostgreSQL, nats-server, two `fleetdeck --headless` replicas, three
`fleetdeck-worker`s, plus the helpers the driver uses to talk to it from outside:
`ctl()` / `ctl_async()` (fleetdeckctl --json) and `sql()` (psql, JSON rows)."""
import json
import os
import signal
import subprocess
import time

from procs import Nats, Postgres, Proc

REPLICAS = ("r1", "r2")
WORKERS = ("w1", "w2", "w3")

# Small cluster settings so that everything settles within seconds (ranges: cluster_settings.cpp).
# The liveness bound they give is explained in README.md ("Settle limit").
SETTINGS = [
    ("nodes/auto_approve", "true"),
    ("nodes/heartbeat_interval_s", "2"),
    ("health/tick_s", "2"),
    ("health/stale_s", "10"),
    ("reconcile/tick_s", "3"),
    ("reconcile/pass_wait_s", "15"),
    ("reconcile/backoff_base_s", "2"),
    ("reconcile/backoff_cap_s", "8"),
    ("reconcile/pending_grace_s", "30"),
    ("ops/claim_poll_s", "1"),
    ("ops/keepalive_s", "2"),
    ("ops/stale_age_s", "20"),
    ("ops/reap_interval_s", "5"),
    ("ops/history_size", "100000"),  # no pruning: every terminal op must keep its one entry
    ("nats/timeout_install_s", "8"),
    ("nats/timeout_upgrade_s", "8"),
    ("nats/timeout_delete_s", "8"),
    ("nats/timeout_list_s", "5"),
    ("nats/timeout_cancel_s", "3"),
]


class CtlResult:
    def __init__(self, argv, code, out, err, seconds):
        self.argv, self.code, self.err, self.seconds = argv, code, err, seconds
        try:
            self.json = json.loads(out) if out.strip() else {}
        except ValueError:
            self.json = {"unparsed": out[:500]}

    def __repr__(self):
        return "ctl %s -> %s %s" % (" ".join(self.argv), self.code, json.dumps(self.json)[:300])


class AsyncCtl:
    def __init__(self, cluster, args, timeout):
        self.args, self.deadline, self.t0 = args, time.time() + timeout, time.time()
        self.popen = subprocess.Popen(cluster.ctl_argv(args), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, env=cluster.env, start_new_session=True)
        cluster.async_ctls.append(self)

    def poll(self):
        """None while running (killed past its deadline), else the CtlResult."""
        if self.popen.poll() is None and time.time() > self.deadline:
            self.popen.kill()
        if self.popen.poll() is None:
            return None
        out, err = self.popen.communicate()
        code = self.popen.returncode
        if code < 0:
            err = (err or b"") + b"\n(chaos: killed after its time limit)"
        return CtlResult(self.args, code, out.decode(errors="replace"), err.decode(errors="replace"),
                         time.time() - self.t0)


class Cluster:
    def __init__(self, workdir, bins, artifacts, log):
        self.workdir, self.bins, self.art, self.log = workdir, bins, artifacts, log
        env = {k: v for k, v in os.environ.items() if not k.startswith("FLEETDECK_")}
        for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
            env[key] = os.path.join(workdir, "xdg", key.lower())
            os.makedirs(env[key], mode=0o700, exist_ok=True)
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["QT_MESSAGE_PATTERN"] = "%{time yyyy-MM-ddTHH:mm:ss.zzz} %{category} %{type}: %{message}"
        self.env = env
        self.pg = Postgres(workdir, env)
        self.nats = Nats(workdir, env)
        self.async_ctls = []
        self.findings = []  # misbehaving processes (README.md, check P), collected by the driver
        self.notes = []     # the same, tolerated (--tolerate-start-hang)
        self.tolerate_start_hang = False
        common = ["--store", self.pg.dsn, "--nats", self.nats.url, "--gallery", artifacts.gallery_url]
        self.common = common
        logs = os.path.join(workdir, "logs")
        os.makedirs(logs)
        self.replicas = {r: Proc(r, [bins["fleetdeck"], "--headless"] + common, os.path.join(logs, r + ".log"), env)
                         for r in REPLICAS}
        self.workers = {}
        self.backends_dirs = {}
        for w in WORKERS:
            d = os.path.join(workdir, "nodes", w)
            os.makedirs(d)
            self.backends_dirs[w] = d
            argv = [bins["fleetdeck-worker"], "--name", w, "--nats", self.nats.url, "--backends-dir", d,
                    "--allow-gallery", artifacts.prefix, "--gpu-vendor", "cpu", "--heartbeat-interval", "2"]
            self.workers[w] = Proc(w, argv, os.path.join(logs, w + ".log"), env)

    # ---- talking to the cluster -------------------------------------------------------------
    def ctl_argv(self, args):
        return [self.bins["fleetdeckctl"]] + self.common + ["--json"] + list(args)

    def ctl(self, *args, timeout=60):
        t0 = time.time()
        try:
            r = subprocess.run(self.ctl_argv(args), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=self.env, timeout=timeout, start_new_session=True)
        except subprocess.TimeoutExpired as e:
            return CtlResult(list(args), -9, (e.stdout or b"").decode(errors="replace"),
                             (e.stderr or b"").decode(errors="replace") + "\n(chaos: killed after %d s)" % timeout,
                             time.time() - t0)
        return CtlResult(list(args), r.returncode, r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace"),
                         time.time() - t0)

    def ctl_async(self, *args, timeout=40):
        return AsyncCtl(self, args, timeout)

    def sql(self, query, timeout=20):
        """Rows of `query` as a list of dicts (psql, trust auth), or None when the store is down."""
        wrapped = "SELECT coalesce(json_agg(t), '[]'::json) FROM (%s) t" % query
        try:
            r = subprocess.run(["psql", "-X", "-q", "-At", "-h", "127.0.0.1", "-p", str(self.pg.port), "-U", "app",
                                "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", wrapped],
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env,
                               timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        if r.returncode != 0:
            return None
        return json.loads(r.stdout.decode() or "[]")

    # ---- starting and healing ------------------------------------------------------------------
    def replica_state(self, name):
        p = self.replicas[name]
        if not p.running():
            return "down"
        return "up" if p.log_contains("started on") else "starting"

    def start_replica(self, name, wait_s=30):
        """Starts the replica unless it runs (or is starting) and waits until it has started.
        A replica waits for an unreachable store or NATS (SPEC §10.4, logging each attempt); one
        that printed a final start error ("fleetdeck: …", exit 3: bad credentials, another cluster,
        a newer schema) but is still running 5 s later, or that has not started after `wait_s`
        (longer than any outage of a round), is a finding and is killed."""
        p = self.replicas[name]
        state = self.replica_state(name)
        if state == "up":
            return True
        if state == "down":
            p.start()
        deadline = time.time() + wait_s
        while time.time() < deadline:
            state = self.replica_state(name)
            if state != "starting":
                return state == "up"
            errors = [l for l in p.log_since_start().splitlines() if l.startswith("fleetdeck: ")]
            if errors and time.time() - p.started_at > 5:
                finding = ("(P) replica %s (start #%d) printed its start error and had not exited %.0f s later "
                           "(SPEC §1.2: exit 3): %s" % (name, p.starts, time.time() - p.started_at, errors[0]))
                (self.notes if self.tolerate_start_hang else self.findings).append(finding)
                p.kill9()
                return False
            time.sleep(0.2)
        self.findings.append("(P) replica %s (start #%d) had not started %.0f s after its start:\n%s" %
                             (name, p.starts, time.time() - p.started_at, p.log_tail(10)))
        p.kill9()
        return False

    def replica_ids(self):
        """{replica_id: "r1 (start #n)"} from the replicas' logs."""
        out = {}
        for name, p in self.replicas.items():
            try:
                text = open(p.log_path, "rb").read().decode("utf-8", "replace")
            except OSError:
                continue
            start = 0
            for line in text.splitlines():
                if line.startswith("==== chaos: start #"):
                    start = int(line.split("#")[1].split()[0])
                elif "fleetdeck.engine" in line and " replica " in line and " started on " in line:
                    out[line.split(" replica ")[1].split()[0]] = "%s (start #%d)" % (name, start)
        return out

    def start_worker(self, name):
        if not self.workers[name].running():
            self.workers[name].start()

    def bring_up(self):
        self.pg.init()
        if not self.pg.start():
            raise RuntimeError("PostgreSQL did not start:\n" + open(self.pg.log).read()[-2000:])
        if not self.nats.start():
            raise RuntimeError("nats-server did not start:\n" + self.nats.proc.log_tail())
        for key, value in SETTINGS:
            r = self.ctl("settings", "set", key, value)
            if r.code != 0:
                raise RuntimeError("settings set %s %s failed: %r\n%s" % (key, value, r, r.err))
        for name in REPLICAS:
            if not self.start_replica(name):
                raise RuntimeError("replica %s did not start:\n%s" % (name, self.replicas[name].log_tail()))
        for name in WORKERS:
            self.start_worker(name)
        if not self.wait_nodes_healthy(60):
            raise RuntimeError("the three workers did not become healthy: %s" % self.nodes())

    def nodes(self):
        r = self.ctl("nodes", "list", timeout=30)
        return r.json.get("nodes", []) if r.code == 0 else []

    def wait_nodes_healthy(self, limit_s):
        deadline = time.time() + limit_s
        while time.time() < deadline:
            nodes = self.nodes()
            if sorted(n.get("name") for n in nodes if n.get("status") == "healthy") == sorted(WORKERS):
                return True
            time.sleep(1)
        return False

    def note_unexpected_exits(self):
        """A replica that had started, or a worker, that exited without being signalled."""
        for name, p in list(self.replicas.items()) + list(self.workers.items()):
            if p.popen is None or p.running() or p.expected_exit or getattr(p, "exit_noted", 0) == p.starts:
                continue
            p.exit_noted = p.starts
            if name in self.replicas and not p.log_contains("started on"):
                continue  # a start refused for good (exit 3, SPEC §1.5): reported by start_replica
            self.findings.append("(P) %s (start #%d) exited on its own with code %s:\n%s" %
                                 (name, p.starts, p.popen.returncode, p.log_tail(12)))

    def heal(self):
        """Every process running again, downloads at full speed, drained nodes resumed. Returns the
        list of problems that remained (a process that would not start)."""
        problems = []
        self.note_unexpected_exits()
        self.art.set_throttle(0)
        if not self.pg.running():
            if not self.pg.start():
                problems.append("PostgreSQL would not start")
        if not self.nats.running():
            if not self.nats.start():
                problems.append("nats-server would not start")
        for name in REPLICAS:
            for _ in range(3):
                if self.start_replica(name):
                    break
                time.sleep(1)
                if not self.pg.running():
                    self.pg.start()
            else:
                problems.append("replica %s would not start:\n%s" % (name, self.replicas[name].log_tail(15)))
        for name in WORKERS:
            self.start_worker(name)
        for n in self.nodes():
            if n.get("status") == "draining" and n.get("status_reason") == "drained by admin":
                self.ctl("nodes", "resume", n["name"])
        if not self.wait_nodes_healthy(60):
            problems.append("nodes not all healthy after healing: %s" %
                            ", ".join("%s=%s" % (n.get("name"), n.get("status")) for n in self.nodes()))
        return problems

    def kill_async_ctls(self):
        for a in self.async_ctls:
            try:
                os.killpg(a.popen.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            a.popen.wait()
        self.async_ctls = []

    def reap_async_ctls(self):
        """Finished background fleetdeckctl runs (each reported once)."""
        done = []
        for a in list(self.async_ctls):
            r = a.poll()
            if r is not None:
                self.async_ctls.remove(a)
                done.append(r)
        return done
