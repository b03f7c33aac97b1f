#!/usr/bin/env python3
"""Checks translations/fleetdeck_*.ts against the sources without touching them.

lupdate runs over the GUI sources into a copy of each .ts file (without -no-obsolete, so messages that
left the sources show up as vanished). The test fails, naming each message, when a copy has
  - new messages (in the sources, not yet in the committed .ts),
  - unfinished messages (in the .ts but not translated, or a plural form left empty),
  - vanished/obsolete messages (in the .ts but no longer in the sources),
  - a translation whose %1..%9 / %n placeholders differ from its source's,
  - (plural-only languages such as en) a message that is not a plural message;
and, with --scan, when a source under the scanned folders marks text for translation (tr(),
QT_TR_NOOP, QCoreApplication::translate, …) but is not among lupdate's inputs: its texts would show
in English whatever the language (issue #15).
Refresh: cmake --build <build-dir> --target update_translations, translate, commit translations/.
"""
import argparse
import pathlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%(?:L?[1-9]|n)")
MARKS_TEXT = re.compile(r"\b(?:tr|trp|QT_TR_NOOP|QT_TR_N_NOOP|QT_TRANSLATE_NOOP|QT_TRANSLATE_N_NOOP|QCoreApplication::translate)\s*\(")


def messages(path):
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            yield name, msg


def key(ctx, msg):
    return (ctx, msg.findtext("source", ""), msg.findtext("comment", ""))


def describe(ctx, msg):
    src = msg.findtext("source", "").replace("\n", "\\n")
    locs = ", ".join(f"{l.get('filename')}:{l.get('line')}" for l in msg.iter("location"))
    return f"[{ctx}] \"{src}\"" + (f" ({locs})" if locs else "")


def texts(msg):
    tr = msg.find("translation")
    if tr is None:
        return []
    if msg.get("numerus") == "yes":
        return [f.text or "" for f in tr.iter("numerusform")]
    return [tr.text or ""]


def check(lupdate, inputs, options, ts, work, plural_only):
    copy = work / ts.name
    shutil.copyfile(ts, copy)
    cmd = [lupdate, *options, f"@{inputs}", "-ts", str(copy)]
    if plural_only:
        cmd.insert(1, "-pluralonly")
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        return [f"lupdate failed ({run.returncode}):\n{run.stdout}{run.stderr}"]
    committed = {key(c, m) for c, m in messages(ts)}
    problems = []
    for ctx, msg in messages(copy):
        tr = msg.find("translation")
        kind = tr.get("type") if tr is not None else None
        what = describe(ctx, msg)
        if kind in ("vanished", "obsolete"):
            problems.append(f"vanished (no longer in the sources): {what}")
            continue
        if key(ctx, msg) not in committed:
            problems.append(f"new (not in {ts.name}): {what}")
            continue
        if plural_only and msg.get("numerus") != "yes":
            problems.append(f"not a plural message ({ts.name} holds plural forms only): {what}")
            continue
        forms = texts(msg)
        if kind == "unfinished" or not forms or any(not f.strip() for f in forms):
            problems.append(f"unfinished: {what}")
            continue
        want = set(PLACEHOLDER.findall(msg.findtext("source", "")))
        for form in forms:
            got = set(PLACEHOLDER.findall(form))
            # A singular form may spell the number out ("1 node" → "ein Knoten"), dropping %n.
            if got != want and not (msg.get("numerus") == "yes" and got == want - {"%n"}):
                problems.append(f"placeholders {sorted(got)} instead of {sorted(want)} in \"{form}\": {what}")
    return problems


def not_extracted(inputs, folders):
    """Sources under `folders` that mark text for translation but are not lupdate inputs."""
    listed = {pathlib.Path(line).resolve() for line in pathlib.Path(inputs).read_text().splitlines()
              if line and not line.startswith("-")}
    problems = []
    for folder in folders:
        for src in sorted(pathlib.Path(folder).rglob("*")):
            if src.suffix not in (".cpp", ".h") or src.resolve() in listed:
                continue
            if MARKS_TEXT.search(src.read_text(errors="replace")):
                problems.append(f"not extracted (marks text for translation, not an lupdate input): {src}")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lupdate", required=True)
    ap.add_argument("--inputs", required=True, help="lupdate @list file: -I paths and sources")
    ap.add_argument("--ts-dir", required=True, type=pathlib.Path)
    ap.add_argument("--work-dir", required=True, type=pathlib.Path)
    ap.add_argument("--plural-only", action="append", default=[], help="language whose .ts holds plurals only")
    ap.add_argument("--scan", action="append", default=[], help="folder whose sources must all be lupdate inputs "
                    "when they mark text for translation")
    ap.add_argument("options", nargs="*", help="lupdate options (after --)")
    args = ap.parse_args()
    args.work_dir.mkdir(parents=True, exist_ok=True)
    files = sorted(args.ts_dir.glob("*.ts"))
    if not files:
        print(f"no .ts files in {args.ts_dir}")
        return 1
    failed = False
    missing = not_extracted(args.inputs, args.scan)
    if missing:
        failed = True
        print(f"FAIL sources: {len(missing)} source(s) with translatable text outside the extraction "
              "(FLEETDECK_TR_SOURCES in ui/CMakeLists.txt)")
        for p in missing:
            print(f"  {p}")
    for ts in files:
        lang = ts.stem.rsplit("_", 1)[-1]
        problems = check(args.lupdate, args.inputs, args.options, ts, args.work_dir, lang in args.plural_only)
        total = sum(1 for _ in messages(ts))
        if problems:
            failed = True
            print(f"FAIL {ts.name}: {len(problems)} problem(s) in {total} messages")
            for p in problems:
                print(f"  {p}")
        else:
            print(f"ok   {ts.name}: {total} messages, all translated and current")
    if failed:
        print("\nRefresh: cmake --build <build-dir> --target update_translations, translate the new and "
              "unfinished messages (linguist or an editor), then commit translations/*.ts.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
