"""The chaos run's gallery and its HTTP artifact server (127.0.0.1 only).

Three backends, real .tar.gz artifacts made with tarfile:
  whisper  small, correct sha256
  bark     ~1.5 MiB of incompressible data, correct sha256 (throttled, it outlives the request
           timeout and exercises running_on_worker)
  piper    small, a sha256 that never matches: every download of it fails verification
The index itself is served by the same server, so one --allow-gallery prefix covers the gallery
URL and every artifact URI.
"""
import hashlib
import http.server
import io
import json
import random
import tarfile
import threading
import time

CHUNK = 16 * 1024

BACKENDS = ("whisper", "bark", "piper")
BAD_BACKEND = "piper"


def _tar_gz(top, files):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, data in files:
            info = tarfile.TarInfo("%s/%s" % (top, name))
            info.size = len(data)
            info.mode = 0o755 if name.endswith(".sh") else 0o644
            info.mtime = 1700000000
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def build_gallery(seed):
    """Returns ({path: bytes}, {backend: version}); the index is added by ArtifactServer."""
    rnd = random.Random(seed)
    big = rnd.randbytes(1536 * 1024)
    files = {
        "/whisper-1.0.tar.gz": _tar_gz("whisper-1.0", [("run.sh", b"#!/bin/sh\necho whisper\n")]),
        "/bark-2.tar.gz": _tar_gz("bark-2", [("run.sh", b"#!/bin/sh\necho bark\n"), ("model.bin", big)]),
        "/piper-b2.tar.gz": _tar_gz("piper-b2", [("run.sh", b"#!/bin/sh\necho piper\n")]),
    }
    versions = {"whisper": "1.0", "bark": "2", "piper": "b2"}
    return files, versions


class ArtifactServer:
    """http.server on 127.0.0.1 with a throttle switch (sleep between 16 KiB chunks)."""

    def __init__(self, seed):
        self.files, self.versions = build_gallery(seed)
        self.throttle_bps = 0  # 0 = full speed; read at every chunk, so a switch acts at once
        self.gets = {}
        self.lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args):
                pass

            def do_GET(self):
                body = server.files.get(self.path.split("?")[0])
                if body is None:
                    self.send_error(404)
                    return
                with server.lock:
                    server.gets[self.path] = server.gets.get(self.path, 0) + 1
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    for i in range(0, len(body), CHUNK):
                        self.wfile.write(body[i:i + CHUNK])
                        rate = server.throttle_bps
                        if rate > 0:
                            time.sleep(CHUNK / rate)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the worker was killed or cancelled mid-download

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.prefix = "http://127.0.0.1:%d/" % self.port
        self.gallery_url = self.prefix + "gallery.json"
        entries = []
        for name in BACKENDS:
            path = [p for p in self.files if p.startswith("/%s-" % name)][0]
            data = self.files[path]
            sha = hashlib.sha256(data).hexdigest()
            if name == BAD_BACKEND:
                sha = hashlib.sha256(b"not the artifact").hexdigest()
            entries.append({"name": name, "version": self.versions[name], "uri": path.lstrip("/"), "sha256": sha,
                            "size": len(data), "description": "chaos test backend"})
        index = {"fleetdeck_gallery": 1, "name": "chaos", "backends": entries}
        self.files["/gallery.json"] = json.dumps(index).encode()
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="artifact-server", daemon=True)

    def start(self):
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def set_throttle(self, bytes_per_sec):
        self.throttle_bps = bytes_per_sec
