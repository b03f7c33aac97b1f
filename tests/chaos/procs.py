"""Child processes of the chaos run: nats-server, PostgreSQL, replicas and workers.

Every process is started in its own session (its own process group) and remembered in a
registry; `kill_all()` (called from the driver's finally block, atexit and the signal handlers)
sends SIGKILL to each remembered group by its id and stops PostgreSQL by its postmaster pid.
Nothing is ever killed by name. Everything listens on 127.0.0.1 only.
"""
import os
import signal
import socket
import subprocess
import time

PG_CANDIDATES = ["/usr/lib/postgresql/15/bin"]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def port_answers(port, timeout=0.5):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


_REGISTRY = []  # every Proc ever started (kill_all walks it)


class Proc:
    """One long-lived child (nats-server, a replica, a worker), restartable with the same args."""

    def __init__(self, name, argv, log_path, env):
        self.name, self.argv, self.log_path, self.env = name, argv, log_path, env
        self.popen = None
        self.starts = 0
        self.started_at = 0.0
        self.expected_exit = False  # set when the driver signals it

    def start(self):
        log = open(self.log_path, "ab")
        header = "\n==== chaos: start #%d at %.3f: %s\n" % (self.starts + 1, time.time(), " ".join(self.argv))
        log.write(header.encode())
        log.flush()
        self.popen = subprocess.Popen(self.argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                      env=self.env, start_new_session=True)
        log.close()
        self.expected_exit = False
        self.started_at = time.time()
        self.starts += 1
        if self not in _REGISTRY:
            _REGISTRY.append(self)

    def running(self):
        return self.popen is not None and self.popen.poll() is None

    def pid(self):
        return self.popen.pid if self.popen else None

    def signal(self, sig):
        self.expected_exit = True
        if self.running():
            try:
                os.killpg(self.popen.pid, sig)
            except ProcessLookupError:
                pass

    def kill9(self):
        """kill -9 of the process (group): no shutdown, no goodbye."""
        if self.running():
            self.signal(signal.SIGKILL)
            self.wait(10)

    def terminate(self, timeout=20):
        """SIGTERM, then SIGKILL after `timeout` seconds."""
        if self.running():
            self.signal(signal.SIGTERM)
            if not self.wait(timeout):
                self.kill9()

    def wait(self, timeout):
        if self.popen is None:
            return True
        try:
            self.popen.wait(timeout)
            return True
        except subprocess.TimeoutExpired:
            return False

    def log_contains(self, text):
        """Whether the log of the current (last) start contains `text`."""
        return text in self.log_since_start()

    def log_since_start(self):
        try:
            with open(self.log_path, "rb") as f:
                data = f.read().decode("utf-8", "replace")
        except OSError:
            return ""
        return data[data.rfind("==== chaos: start #"):]

    def log_tail(self, lines=40):
        try:
            with open(self.log_path, "rb") as f:
                data = f.read().decode("utf-8", "replace")
        except OSError:
            return "(no log)"
        return "\n".join(data.splitlines()[-lines:])


class Nats:
    """nats-server on a fixed loopback port, restartable on the same port."""

    def __init__(self, workdir, env):
        self.port = free_port()
        self.url = "nats://127.0.0.1:%d" % self.port
        self.proc = Proc("nats", ["nats-server", "-a", "127.0.0.1", "-p", str(self.port)],
                         os.path.join(workdir, "nats.log"), env)

    def start(self, timeout=15):
        self.proc.start()
        deadline = time.time() + timeout
        while time.time() < deadline:
            if port_answers(self.port):
                return True
            if not self.proc.running():
                time.sleep(0.3)  # the port may still be in use by the previous instance
                self.proc.start()
            time.sleep(0.1)
        return False

    def running(self):
        return self.proc.running()

    def stop(self, hard):
        if hard:
            self.proc.kill9()
        else:
            self.proc.terminate(10)


class Postgres:
    """A private PostgreSQL cluster (initdb once; stop/start keep the data directory and port).

    Started like tests/support/pg_fixture.sh does (trust auth, user `app`, fsync off), but the
    fixture re-creates its data directory on every start, which a restart must not do.
    """

    def __init__(self, workdir, env):
        self.bin = os.environ.get("FLEETDECK_PG_BIN", "")
        if not os.path.exists(os.path.join(self.bin, "pg_ctl")):
            import glob
            for cand in PG_CANDIDATES + sorted(glob.glob("/usr/lib/postgresql/*/bin")):
                if os.path.exists(os.path.join(cand, "pg_ctl")):
                    self.bin = cand
        if not os.path.exists(os.path.join(self.bin, "pg_ctl")):
            raise RuntimeError("PostgreSQL server binaries not found (install the postgresql package)")
        self.dir = os.path.join(workdir, "pg")
        self.data = os.path.join(self.dir, "data")
        self.log = os.path.join(self.dir, "log")
        self.env = env
        self.port = free_port()
        self.dsn = "postgresql://app@127.0.0.1:%d/postgres" % self.port
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.postmaster_pid = None

    def _run(self, argv, timeout=90):
        return subprocess.run(self.as_user + argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, env=self.env, timeout=timeout)

    def init(self):
        os.makedirs(self.dir)
        if self.as_user:
            import pwd
            pw = pwd.getpwnam("postgres")
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        r = self._run([os.path.join(self.bin, "initdb"), "-D", self.data, "-U", "app", "--auth=trust", "-E", "UTF8",
                       "--no-locale"], timeout=120)
        if r.returncode != 0:
            raise RuntimeError("initdb failed:\n" + r.stdout.decode(errors="replace"))

    def start(self):
        # synchronous_commit stays on (unlike the fixture): `pg_ctl stop -m immediate` is a crash,
        # and without it a crash forgets commits the store already acknowledged, which no
        # replica could be expected to survive. fsync=off only matters for an OS crash.
        opts = ("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=on "
                "-c full_page_writes=off -c max_connections=200" % (self.port, self.dir))
        for _ in range(3):
            r = self._run([os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-l", self.log, "-w", "-t", "60",
                           "-o", opts, "start"])
            if r.returncode == 0:
                self._remember_pid()
                return True
            time.sleep(1)
        return False

    def _remember_pid(self):
        try:
            with open(os.path.join(self.data, "postmaster.pid")) as f:
                self.postmaster_pid = int(f.readline().strip())
        except (OSError, ValueError):
            pass

    def running(self):
        r = subprocess.run([os.path.join(self.bin, "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.port),
                            "-t", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return r.returncode == 0

    def stop(self, mode="fast"):
        """mode `immediate` is a crash (recovery at the next start), `fast` a clean shutdown."""
        self._run([os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-m", mode, "-w", "-t", "30", "stop"], timeout=60)

    def kill(self):
        if os.path.exists(os.path.join(self.data, "postmaster.pid")):
            try:
                self.stop("immediate")
            except Exception:
                pass
        if self.postmaster_pid and os.path.exists(os.path.join(self.data, "postmaster.pid")):
            try:
                os.kill(self.postmaster_pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass


def kill_all(pg=None):
    for p in _REGISTRY:
        try:
            p.signal(signal.SIGKILL)
        except Exception:
            pass
    for p in _REGISTRY:
        try:
            p.wait(5)
        except Exception:
            pass
    if pg is not None:
        pg.kill()
