#!/usr/bin/env python3
"""Renames the most-linked note of a copy of a vault written by other people and checks that `vaultgen check`
finds nothing new: every link still resolves where it did.

Usage: rename_check.py VAULTGEN VAULT [NEW-NAME]
Prints the note renamed, the links rewritten, the time the rename took, and the findings before and after
(by kind); exits 1 when a finding appears that was not there before. Test material only: never committed.
"""
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


def findings(vaultgen, root, rename=None):
    """Findings by kind, note and line (a rewritten link keeps its line; the renamed note is keyed by its new
    path), so the same finding before and after compares equal."""
    out = subprocess.run([vaultgen, "check", root, "--format", "json"], capture_output=True, text=True).stdout
    items = json.loads(out)["findings"]
    def path(p):
        return rename[1] if rename and p == rename[0] else p
    return collections.Counter((f["kind"], path(f["path"]), f["line"]) for f in items)


def main():
    vaultgen, vault = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "vault")
        shutil.copytree(vault, copy, ignore=shutil.ignore_patterns(".obsidian", ".git"))
        open(os.path.join(copy, ".vaultgen.yml"), "a").close()  # marks the copy as a vault (-C finds it)
        names = collections.Counter()
        paths = {}
        for folder, _, files in os.walk(copy):
            for name in files:
                if name.endswith(".md"):
                    paths[name[:-3]] = os.path.relpath(os.path.join(folder, name), copy)
        for path in paths.values():
            text = open(os.path.join(copy, path), encoding="utf-8", errors="replace").read()
            for name in paths:
                names[name] += text.count("[[" + name + "]]") + text.count("[[" + name + "|") + text.count("[[" + name + "#")
        top, count = names.most_common(1)[0]
        new = sys.argv[3] if len(sys.argv) > 3 else top + " (renamed)"
        moved = os.path.join(os.path.dirname(paths[top]), new + ".md").lstrip("/")
        before = findings(vaultgen, copy, (paths[top], moved))
        start = time.time()
        run = subprocess.run([vaultgen, "rename", "--vault", copy, paths[top], new], capture_output=True, text=True)
        took = time.time() - start
        after = findings(vaultgen, copy)
        summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr.strip()
        print(f"renamed {paths[top]} ({count} links by name) to {new!r} in {took:.2f} s: {summary}")
        print(f"findings before: {sum(before.values())}, after: {sum(after.values())}")
        new_findings = after - before
        for (kind, path, line), n in new_findings.items():
            print(f"  new: {kind} {path}:{line} x{n}")
        sys.exit(1 if new_findings or run.returncode == 2 else 0)


if __name__ == "__main__":
    main()
