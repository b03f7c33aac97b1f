"""The invariants the chaos run checks from outside after every round (README.md explains each).

Inputs: a store snapshot (psql), `fleetdeckctl --json ops list`, the workers' backends
directories. Output: a list of violations (strings) and counters for the round line.
"""
import json
import os
import time

from artifacts import BACKENDS, BAD_BACKEND

ACTIVE = ("queued", "running", "running_on_worker")
TERMINAL = ("success", "failed", "cancelled")
# Two node rows recorded less than this apart may have reached the worker in either order.
CONCURRENT_MS = 3000


def snapshot(cluster):
    """The store's view, or None while PostgreSQL does not answer."""
    q = {
        "ops": "SELECT id, kind, backend, force, cache_key, target_node_id, status, progress, dismissed_at, message, "
               "error, owner_replica_id, retry_of, created_at, updated_at, finished_at FROM operations "
               "ORDER BY created_at, id",
        "rows": "SELECT n.op_id, n.node_id, n.node_name, n.status, n.phase, n.message, n.error, n.updated_at, "
                "o.backend, o.kind, o.force FROM operation_nodes n JOIN operations o ON o.id = n.op_id "
                "ORDER BY n.updated_at",
        "pending": "SELECT p.id, p.node_id, p.backend, p.op, p.op_id, p.attempts, p.in_flight, p.last_error, "
                   "p.created_at, p.next_retry_at FROM pending_node_ops p ORDER BY p.id",
        "history": "SELECT id, entry_kind, op_id, kind, backend, node_name, outcome, finished_at FROM history "
                   "ORDER BY id",
        "nodes": "SELECT id, name, status, status_reason FROM nodes ORDER BY id",
    }
    snap = {}
    for key, query in q.items():
        rows = cluster.sql(query)
        if rows is None:
            return None
        snap[key] = rows
    return snap


def read_disk(backends_dir):
    """{backend: metadata dict, or {"unreadable": reason}} for every non-hidden directory."""
    out = {}
    for name in sorted(os.listdir(backends_dir)):
        path = os.path.join(backends_dir, name)
        if name.startswith(".") or not os.path.isdir(path):
            continue
        try:
            with open(os.path.join(path, "metadata.json")) as f:
                out[name] = json.load(f)
        except (OSError, ValueError) as e:
            out[name] = {"unreadable": str(e)}
    return out


def describe_row(r):
    text = r.get("error") or r.get("message") or ""
    return "op %s (%s%s) row %s '%s' at %s" % (r["op_id"][:8], r["kind"], " force" if r["force"] else "",
                                             r["status"], text, r["updated_at"])


def check_liveness(snap, replica_ids):
    """(1) After the settle limit no op is active."""
    out = []
    for o in snap["ops"]:
        if o["status"] not in ACTIVE:
            continue
        text = ("(1) op %s (%s%s %s, key %s) still %s at %d %% after the settle limit: '%s'\n"
                "      owner %s, created %s, updated %s" %
                (o["id"], o["kind"], " --force" if o["force"] else "", o["backend"], o["cache_key"], o["status"],
                 o["progress"], o["message"], replica_ids.get(o["owner_replica_id"], o["owner_replica_id"]),
                 _ms(o["created_at"]), _ms(o["updated_at"])))
        for r in snap["rows"]:
            if r["op_id"] == o["id"]:
                text += "\n      node row %s: %s/%s '%s' updated %s" % (
                    r["node_name"], r["status"], r["phase"], r.get("error") or r["message"], _ms(r["updated_at"]))
        pending = [p for p in snap["pending"] if p["op_id"] == o["id"]]
        text += "".join("\n      pending row %s: %s attempts %s in_flight %s '%s' next retry %s" % (
            p["id"], p["op"], p["attempts"], p["in_flight"], p["last_error"], _ms(p["next_retry_at"]))
            for p in pending) or "\n      no pending row carries this op"
        out.append(text)
    return out


def _ms(ms):
    if ms is None:
        return "-"
    return time.strftime("%H:%M:%S", time.localtime(ms / 1000)) + ".%03d" % (ms % 1000)


def check_ops_list(snap, listed):
    """(2) `ops list` holds exactly the store's active and failed-undismissed ops, in their states."""
    want = {o["id"]: o["status"] for o in snap["ops"]
            if o["status"] in ACTIVE or (o["status"] == "failed" and o["dismissed_at"] is None)}
    got = {o.get("id"): o.get("state") for o in listed}
    out = []
    for op_id in sorted(set(want) | set(got)):
        if op_id not in got:
            out.append("(2) op %s is %s in the store but missing from `ops list` (hidden op)" % (op_id, want[op_id]))
        elif op_id not in want:
            out.append("(2) `ops list` shows op %s as %s, which the store does not hold as active or "
                       "failed-undismissed" % (op_id, got[op_id]))
        elif want[op_id] != got[op_id]:
            out.append("(2) op %s is %s in the store but %s in `ops list`" % (op_id, want[op_id], got[op_id]))
    return out


def check_history(snap):
    """(3) No op has two History entries; every terminal op has exactly one, with its outcome."""
    out = []
    by_op = {}
    for h in snap["history"]:
        if h["entry_kind"] == "operation" and h["op_id"]:
            by_op.setdefault(h["op_id"], []).append(h)
    for op_id, entries in sorted(by_op.items()):
        if len(entries) > 1:
            listed = ", ".join("#%s %s" % (e["id"], e["outcome"]) for e in entries)
            out.append("(3) op %s has %d History entries: %s" % (op_id, len(entries), listed))
    for o in snap["ops"]:
        if o["status"] not in TERMINAL:
            continue
        entries = by_op.get(o["id"], [])
        if not entries:
            out.append("(3) op %s (%s %s) is %s but has no History entry"
                       % (o["id"], o["kind"], o["backend"], o["status"]))
        elif entries[0]["outcome"] != o["status"]:
            out.append("(3) op %s is %s but its History entry says %s" % (o["id"], o["status"], entries[0]["outcome"]))
    return out


def check_terminal_final(snap, memory, reported):
    """(5) A terminal state, once seen, never changes (and the op never vanishes). Updates
    memory; an op is reported once (its id goes into `reported`)."""
    out = []
    now = {o["id"]: o for o in snap["ops"]}
    for op_id, state in sorted(memory.items()):
        o = now.get(op_id)
        if op_id in reported or (o is not None and o["status"] == state):
            continue
        reported.add(op_id)
        if o is None:
            out.append("(5) op %s was %s and has vanished from the store" % (op_id, state))
        else:
            out.append("(5) op %s was %s and is now %s ('%s')" % (op_id, state, o["status"], o["message"]))
    for op_id, o in now.items():
        if o["status"] in TERMINAL and op_id not in memory:
            memory[op_id] = o["status"]
    return out


def _no_effect(r):
    """Node rows that certainly never reached the worker's disk."""
    text = (r.get("error") or "") + " " + (r.get("message") or "")
    if r["status"] == "cancelled" and "cancelled before contact" in text:
        return True
    if r["status"] == "queued" and r["phase"] in ("waiting", "deferred") and "attempt" not in text:
        return True
    return False


def check_disks(snap, disks, versions, stats):
    """(4) Each worker's disk agrees with the last successful op on that node and backend, or the
    store explains the difference. Conservative: every doubt is counted as `explained`."""
    out = []
    ops = {o["id"]: o for o in snap["ops"]}
    node_ids = {n["name"]: n["id"] for n in snap["nodes"]}
    for node, disk in sorted(disks.items()):
        for name in sorted(disk):
            if name not in BACKENDS:
                out.append("(4) %s: unexpected directory %s/ on disk" % (node, name))
        node_id = node_ids.get(node)
        for b in BACKENDS:
            md = disk.get(b)
            where = "%s/%s" % (node, b)
            if md is not None:
                if "unreadable" in md:
                    out.append("(4) %s: metadata.json unreadable: %s" % (where, md["unreadable"]))
                    continue
                if b == BAD_BACKEND:
                    out.append("(4) %s is on disk although its artifact never matches its sha256: %s" % (where, md))
                    continue
                if md.get("name") != b or md.get("version") != versions[b]:
                    out.append("(4) %s: metadata names %s %s, expected %s %s" %
                               (where, md.get("name"), md.get("version"), b, versions[b]))
                mop = md.get("op_id") or ""
                if mop and (mop not in ops or ops[mop]["backend"] != b or ops[mop]["kind"] == "delete"):
                    out.append("(4) %s: metadata op_id %s is not an install or upgrade of %s in the store"
                               % (where, mop, b))
            if node_id is None:
                _explained(stats, "node not registered")
                continue
            rows = [r for r in snap["rows"] if r["node_id"] == node_id and r["backend"] == b]
            pending = [p for p in snap["pending"] if p["node_id"] == node_id and p["backend"] == b]
            success = [r for r in rows if r["status"] == "success"]
            if pending:
                _explained(stats, "pending row")  # a background retry still owns this backend here
                continue
            if not success:
                mop = (md or {}).get("op_id") or ""
                if md is not None and mop and not any(r["op_id"] == mop for r in rows):
                    out.append("(4) %s: on disk from op %s, which has no node row for %s" % (where, mop, node))
                elif not rows and md is None:
                    stats["agree"] += 1
                else:
                    _explained(stats, "no successful op")  # only failed/cancelled/unknown outcomes
                continue
            last = max(success, key=lambda r: r["updated_at"])
            later = [r for r in rows if r is not last and r["updated_at"] >= last["updated_at"] - CONCURRENT_MS
                     and not _no_effect(r)]
            if later:
                _explained(stats, "later row")  # a concurrent or later op whose row states its outcome
                continue
            want_present = last["kind"] != "delete"
            if want_present and md is None:
                out.append("(4) %s: absent, but the last successful op on it says installed: %s%s" %
                           (where, describe_row(last), _context(rows)))
            elif not want_present and md is not None:
                out.append("(4) %s: present (%s, op %s), but the last successful op on it says deleted: %s%s" %
                           (where, md.get("installed_at"), md.get("op_id"), describe_row(last), _context(rows)))
            elif (want_present and (last["kind"] == "upgrade" or last["force"])
                  and (md.get("op_id") or "") not in ("", last["op_id"])):
                out.append("(4) %s: the last successful op is %s but metadata.json names op %s%s" %
                           (where, describe_row(last), md.get("op_id"), _context(rows)))
            else:
                stats["agree"] += 1
    return out


def _explained(stats, reason):
    stats["explained"] += 1
    stats.setdefault("reasons", {})
    stats["reasons"][reason] = stats["reasons"].get(reason, 0) + 1


def _context(rows):
    lines = "\n".join("        " + describe_row(r) for r in rows[-8:])
    return "\n      rows on this node and backend, oldest first:\n" + lines
