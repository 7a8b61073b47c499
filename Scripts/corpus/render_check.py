#!/usr/bin/env python3
"""Runs `vaultgen update` on a copy of a vault written by other people and checks that every changed note
renders exactly as before, outside the one generated Backlinks subsection.

Usage: render_check.py VAULTGEN VAULT HEADING [HEADING...]
For each heading, the vault is copied to a temporary folder, `.vaultgen.yml` sets `update: related-heading`,
and update runs twice (the second run must write nothing). Each changed note is rendered with Debian's `cmark
--unsafe` before and after (front matter cut off); the after-HTML with its one `<h3>Backlinks</h3>` and the
`<ul>` right after it removed must equal the before-HTML. Prints one line per heading and every difference.
Test material only: the vault is never committed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

GENERATED = re.compile(r"<h3>Backlinks</h3>\n<ul>\n(?:<li>.*?</li>\n)*</ul>\n", re.S)


def body(path):
    text = open(path, encoding="utf-8", errors="surrogateescape").read()
    if text.startswith("\ufeff"):
        text = text[1:]
    if text.startswith("---\n") or text.startswith("---\r\n"):
        end = re.search(r"\r?\n(---|\.\.\.)[ \t]*(\r?\n|$)", text[3:])
        if end:
            text = text[3 + end.end():]
    return text


def render(text):
    return subprocess.run(["cmark", "--unsafe"], input=text.encode("utf-8", "surrogateescape"),
                          capture_output=True, check=True).stdout.decode("utf-8", "replace")


def notes(root):
    out = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.endswith(".md"):
                path = os.path.join(folder, name)
                out[os.path.relpath(path, root)] = open(path, "rb").read()
    return out


def main():
    vaultgen, vault, headings = sys.argv[1], sys.argv[2], sys.argv[3:]
    templates = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Templates")
    failures = 0
    for heading in headings:
        with tempfile.TemporaryDirectory() as tmp:
            copy = os.path.join(tmp, "vault")
            shutil.copytree(vault, copy, ignore=shutil.ignore_patterns(".obsidian", ".git"))
            with open(os.path.join(copy, ".vaultgen.yml"), "w") as f:
                f.write(f'update:\n  related-heading: "{heading}"\n')
            before = notes(copy)
            first = subprocess.run([vaultgen, "update", "-C", copy, "--templates", templates], capture_output=True, text=True)
            after = notes(copy)
            second = subprocess.run([vaultgen, "update", "-C", copy, "--templates", templates, "--check"],
                                    capture_output=True, text=True)
            changed = [p for p in before if before[p] != after.get(p)]
            differ = []
            for path in changed:
                a = after[path].decode("utf-8", "surrogateescape")
                with open(os.path.join(tmp, "b.md"), "w", encoding="utf-8", errors="surrogateescape") as f:
                    f.write(before[path].decode("utf-8", "surrogateescape"))
                with open(os.path.join(tmp, "a.md"), "w", encoding="utf-8", errors="surrogateescape") as f:
                    f.write(a)
                html_before = render(body(os.path.join(tmp, "b.md")))
                html_after = render(body(os.path.join(tmp, "a.md")))
                stripped, n = GENERATED.subn("", html_after, count=1)
                if stripped != html_before or n != 1:
                    differ.append(path)
            failures += len(differ) + (second.returncode != 0)
            print(f"{heading!r}: {len(before)} notes, {len(changed)} changed, {len(differ)} render differently, "
                  f"second run {'changes nothing' if second.returncode == 0 else 'would change: ' + second.stdout[-300:]}"
                  f"; update exit {first.returncode}")
            for path in differ:
                print(f"  renders differently: {path}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
