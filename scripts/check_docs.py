#!/usr/bin/env python3
"""Checks that the project's design documents and the code's citations of them agree.

1. Every backticked `Class::method` or `function()` named in docs/operations.md and
   docs/architecture.md is declared or defined in engine/, ui/ or app/.
2. Every comment in engine/, ui/ and app/ (*.cpp, *.h) cites only what docs/ holds: no `SPEC`,
   `UI.md`, `ARCHITECTURE.md`, `STACK.md` or `§`; every `D<n>` has a `## D<n> — …` heading in
   docs/decisions.md; every `docs/<file>.md#<anchor>` names an existing file and heading.
3. README.md links every document in docs/ (architecture, operations, decisions and testing at
   least).

Usage: scripts/check_docs.py [repository root]. Exit 0 when everything resolves, 1 otherwise;
each problem is printed as file:line: message. Python 3, standard library only.
"""
import os
import re
import sys

SOURCE_DIRS = ("engine", "ui", "app")
REQUIRED_DOCS = ("architecture.md", "operations.md", "decisions.md", "testing.md")
FUNCTION_DOCS = ("operations.md", "architecture.md")
FORBIDDEN = re.compile(r"SPEC|UI\.md|ARCHITECTURE\.md|STACK\.md|§")
DECISION = re.compile(r"\bD([0-9]+)\b")
DOC_REF = re.compile(r"docs/([A-Za-z0-9_.-]+\.md)(#[A-Za-z0-9_-]+)?")
# ", #anchor" right after a docs/<file>.md reference on the same line: same file.
MORE_ANCHORS = re.compile(r"(?:,\s*|\s+and\s+)(#[A-Za-z0-9_-]+)")


def slug(heading):
    """GitHub's anchor of a Markdown heading."""
    text = heading.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors_of(path):
    result = set()
    counts = {}
    in_fence = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("```"):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            m = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
            if m:
                s = slug(m.group(1))
                n = counts.get(s, 0)
                counts[s] = n + 1
                result.add(s if n == 0 else "%s-%d" % (s, n))
    return result


def source_files(root):
    for d in SOURCE_DIRS:
        for dirpath, _, names in os.walk(os.path.join(root, d)):
            for name in sorted(names):
                if name.endswith((".cpp", ".h")):
                    yield os.path.join(dirpath, name)


RAW_STRING = re.compile(r'(?:u8|u|U|L)?R"([^()\\\s]{0,16})\(')


def split_code(text):
    """Returns (comments, code): lists of (line number, text); code keeps its string literals."""
    comments, code = [], []
    i, n, line = 0, len(text), 1
    cur_code = []
    state = None  # None, 'line', 'block', 'str', 'chr', 'raw'
    raw_end = ""
    cur_comment = []
    comment_line = 1
    while i < n:
        c = text[i]
        if state is None:
            if text.startswith("//", i):
                state, comment_line, cur_comment = "line", line, []
                i += 2
                continue
            if text.startswith("/*", i):
                state, comment_line, cur_comment = "block", line, []
                i += 2
                continue
            m = RAW_STRING.match(text, i) if c in "uULR" else None
            if m and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
                state, raw_end = "raw", ")" + m.group(1) + '"'
                i = m.end()
                continue
            if c == '"':
                state = "str"
            elif c == "'" and not (i > 0 and text[i - 1].isalnum()):
                state = "chr"  # not a digit separator (1'000)
            if c == "\n":
                code.append((line, "".join(cur_code)))
                cur_code = []
                line += 1
            else:
                cur_code.append(c)
            i += 1
        elif state == "line":
            if c == "\n":
                comments.append((comment_line, "".join(cur_comment)))
                code.append((line, "".join(cur_code)))
                cur_code = []
                state = None
                line += 1
            else:
                cur_comment.append(c)
            i += 1
        elif state == "block":
            if text.startswith("*/", i):
                comments.append((comment_line, "".join(cur_comment)))
                state = None
                i += 2
                continue
            if c == "\n":
                comments.append((comment_line, "".join(cur_comment)))
                cur_comment = []
                code.append((line, "".join(cur_code)))
                cur_code = []
                line += 1
                comment_line = line
            else:
                cur_comment.append(c)
            i += 1
        elif state in ("str", "chr"):
            quote = '"' if state == "str" else "'"
            if c == "\\":
                cur_code.append(text[i:i + 2])
                i += 2
                continue
            if c != "\n":
                cur_code.append(c)
            if c == quote or c == "\n":
                state = None
            if c == "\n":
                code.append((line, "".join(cur_code)))
                cur_code = []
                line += 1
            i += 1
        elif state == "raw":
            if text.startswith(raw_end, i):
                state = None
                i += len(raw_end)
                continue
            if c == "\n":
                line += 1
            i += 1
    if cur_code:
        code.append((line, "".join(cur_code)))
    if state == "line":
        comments.append((comment_line, "".join(cur_comment)))
    return comments, code


def load_sources(root):
    sources = {}
    for path in source_files(root):
        with open(path, encoding="utf-8", errors="replace") as f:
            sources[path] = f.read()
    return sources


def class_bodies(sources, name):
    """The text of every `class|struct Name … { … }` body."""
    bodies = []
    head = re.compile(r"\b(?:class|struct)\s+" + re.escape(name) + r"\b[^;{(]*\{")
    for text in sources.values():
        for m in head.finditer(text):
            depth, j = 1, m.end()
            while j < len(text) and depth:
                if text[j] == "{":
                    depth += 1
                elif text[j] == "}":
                    depth -= 1
                j += 1
            bodies.append(text[m.end():j])
    return bodies


_QUALIFIED = {}


def qualified_names(sources):
    """Every `Class::method(` written anywhere in the sources (definitions and calls)."""
    key = id(sources)
    if key not in _QUALIFIED:
        found = set()
        pattern = re.compile(r"\b(\w+)::(~?\w+)\s*\(")
        for t in sources.values():
            found.update(pattern.findall(t))
        _QUALIFIED[key] = found
    return _QUALIFIED[key]


def function_exists(sources, cls, method):
    if cls:
        if (cls, method) in qualified_names(sources):
            return True
        decl = re.compile(r"\b" + re.escape(method) + r"\s*\(")
        return any(decl.search(b) for b in class_bodies(sources, cls))
    free = re.compile(r"^[^/\n]*\b[\w:<>,*& ]+[\s*&]" + re.escape(method) + r"\s*\(", re.M)
    return any(free.search(t) for t in sources.values())


def check_functions(root, sources, problems):
    in_text = re.compile(r"`([^`\n]+)`")
    checked = 0
    for doc in FUNCTION_DOCS:
        path = os.path.join(root, "docs", doc)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        in_fence = False
        for number, line in enumerate(lines, 1):
            if line.startswith("```"):
                in_fence = not in_fence
                continue
            if in_fence:
                # Diagram labels name functions too (Class::method): check those as well.
                candidates = [m.group(0) for m in re.finditer(r"\b[A-Z]\w*::~?[a-zA-Z_]\w*", line)]
            else:
                candidates = ["`%s`" % m.group(1) for m in in_text.finditer(line)]
            for cand in candidates:
                text = cand.strip("`")
                m = re.fullmatch(r"([A-Za-z_]\w*)::(~?[A-Za-z_]\w*)(?:\(\))?", text) or \
                    re.fullmatch(r"()([A-Za-z_]\w*)\(\)", text)
                if not m:
                    continue
                cls, method = m.group(1), m.group(2)
                checked += 1
                if not function_exists(sources, cls, method):
                    problems.append("docs/%s:%d: `%s` is not declared or defined under %s"
                                    % (doc, number, text, ", ".join(SOURCE_DIRS)))
    return checked


def check_comments(root, sources, problems):
    docs_dir = os.path.join(root, "docs")
    anchor_cache = {}

    def anchors(doc):
        if doc not in anchor_cache:
            p = os.path.join(docs_dir, doc)
            anchor_cache[doc] = anchors_of(p) if os.path.exists(p) else None
        return anchor_cache[doc]

    decisions = anchors("decisions.md") or set()
    decision_ids = {a.split("--")[0] for a in decisions if re.fullmatch(r"d[0-9]+--.*|d[0-9]+", a)}
    citations = 0
    strings_with_section = []
    for path, text in sources.items():
        rel = os.path.relpath(path, root)
        comments, code = split_code(text)
        for number, comment in comments:
            if FORBIDDEN.search(comment):
                problems.append("%s:%d: comment cites a document outside docs/: %s"
                                % (rel, number, comment.strip()))
            for m in DECISION.finditer(comment):
                citations += 1
                if "d" + m.group(1) not in decision_ids:
                    problems.append("%s:%d: D%s has no '## D%s — …' heading in docs/decisions.md"
                                    % (rel, number, m.group(1), m.group(1)))
            for m in DOC_REF.finditer(comment):
                citations += 1
                doc, anchor = m.group(1), m.group(2)
                found = anchors(doc)
                if found is None:
                    problems.append("%s:%d: docs/%s does not exist" % (rel, number, doc))
                    continue
                refs = [anchor] if anchor else []
                pos = m.end()
                while True:
                    more = MORE_ANCHORS.match(comment, pos)
                    if not more:
                        break
                    refs.append(more.group(1))
                    citations += 1
                    pos = more.end()
                for a in refs:
                    if a[1:] not in found:
                        problems.append("%s:%d: docs/%s has no heading with anchor %s"
                                        % (rel, number, doc, a))
        for number, line in code:
            if "§" in line:
                strings_with_section.append("%s:%d" % (rel, number))
    return citations, strings_with_section


def check_readme(root, problems):
    readme = os.path.join(root, "README.md")
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    docs = set(REQUIRED_DOCS)
    docs.update(n for n in os.listdir(os.path.join(root, "docs")) if n.endswith(".md"))
    for doc in sorted(docs):
        if not os.path.exists(os.path.join(root, "docs", doc)):
            problems.append("docs/%s: missing" % doc)
        if not re.search(r"\]\(\.?/?docs/" + re.escape(doc) + r"(#[^)]*)?\)", text):
            problems.append("README.md: no link to docs/%s" % doc)
    return len(docs)


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    problems = []
    sources = load_sources(root)
    functions = check_functions(root, sources, problems)
    citations, section_code = check_comments(root, sources, problems)
    linked = check_readme(root, problems)
    for p in problems:
        print(p)
    for where in section_code:
        print("note: %s: '§' outside a comment (a string; not rewritten)" % where)
    print("check_docs: %d functions named in docs, %d citations in %d source files, %d documents "
          "linked from README.md: %s"
          % (functions, citations, len(sources), linked,
             "%d problem(s)" % len(problems) if problems else "all resolve"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
