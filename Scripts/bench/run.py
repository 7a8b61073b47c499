#!/usr/bin/env python3
"""`make bench` and `make bench-smoke`: vaultgen beside its peers on the same generated data.

    run.py --bin .build/release/vaultgen [--smoke] [--big-peers] [--out BENCHMARKS.md]

Builds nothing (the Makefile builds the release binary first). Generates the workloads under --work (default
.build/bench) when they are missing or their generator changed, then times whole processes: the median of
several runs' wall time and the peak resident memory of the child (ru_maxrss from os.wait4).

- check: `vaultgen check VAULT` on 1k/10k/50k-note vaults, beside `cmark` on the concatenation of every note;
  `vaultgen check --format json` must report exactly what the generator planted (planted.json). Beside it, the
  shell's note-name completion (`vaultgen chart <TAB>`), which must offer the vault's notes.
- update: `vaultgen update` on a fresh copy of the 10k vault (500 tickers), then again with nothing to change
  (it must write nothing, and `update --check` must exit 0 after).
- corr: `vaultgen corr <every ticker> --prices DIR --format csv` on 100/500/2000 tickers, beside numpy
  corrcoef and pandas pct_change().corr() (scripts that load the CSVs and compute; compute timed inside).
- clusters: `vaultgen clusters --all --format json` on 500/2000 tickers (100 with --smoke), beside pandas'
  matrix and scipy's average linkage (linkage timed inside); the two Z must have the same merges.
- rolling: `vaultgen corr T1..T10 --rolling 60 --format json` (10 tickers of the 100-ticker set, 750 days), beside
  pandas' rolling(60).corr() of every pair averaged over the pairs (compute timed inside); values must agree to 1e-9.
- obsidiantools on the 1k vault (10k with --big-peers): its broken links and orphans, and how many are false.

--smoke: the 1k vault and 100 tickers only, one or two runs, no obsidiantools, no BENCHMARKS.md; exits 1 only
when vaultgen fails or its findings differ from planted.json. Python peers run in .build/bench/venv (made with
pip on a full run) or, failing that, the system python; a peer that cannot run is skipped, never fatal.
"""
import argparse
import datetime as dt
import hashlib
import json
import re
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEVNULL = subprocess.DEVNULL


def log(msg: str) -> None:
    print(f"bench: {msg}", flush=True)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


# Measuring --------------------------------------------------------------------------------------------------

class Run:
    def __init__(self, wall: float, rss_kb: int, code: int, stdout: str, stderr: str):
        self.wall, self.rss_kb, self.code, self.stdout, self.stderr = wall, rss_kb, code, stdout, stderr


def run_once(cmd: list[str], capture: bool = False, cwd: str | None = None) -> Run:
    """One whole process: wall time around fork to reap, and its peak RSS from wait4."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out if capture else DEVNULL, stderr=err, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        out.seek(0)
        return Run(wall, usage.ru_maxrss, proc.returncode, out.read().decode(errors="replace"),
                   err.read().decode(errors="replace"))


def corr_stages(stderr: str) -> dict[str, float]:
    """The stages of `vaultgen corr --timing`'s line, e.g. {"read": 0.412, "matrix": 0.088, ...}; {} without one."""
    for line in stderr.splitlines():
        if line.startswith("timing: "):
            parts = [p.split() for p in line[len("timing: "):].split(", ")]
            return {p[0]: float(p[1]) for p in parts if len(p) == 3 and p[2] == "s"}
    return {}


def repeat(cmd, runs: int, ok=(0,), prepare=None, capture=False, cwd=None) -> list[Run]:
    """Up to `runs` runs (3 when the first takes over 5 s, 1 over 180 s; 15 when it takes under 0.2 s and the
    command is the same every run); stops at the first failure. A short run is repeated more: on this shared
    2-core machine a neighbour can take the second core for a moment, and 5 runs of 40 ms all fall inside it."""
    results = []
    n = runs
    most = runs if callable(cmd) else max(runs, 15)  # a command per run (fresh copies) has only `runs` of them
    for i in range(most):
        if prepare:
            prepare(i)
        r = run_once(cmd(i) if callable(cmd) else cmd, capture=capture, cwd=cwd)
        results.append(r)
        if r.code not in ok:
            break
        if i == 0:
            n = 1 if r.wall > 180 else (min(runs, 3) if r.wall > 5 else (most if r.wall < 0.2 else runs))
            if n == 1:
                break
        if i + 1 >= n:
            break
    return results


def median_stages(runs: list[Run]) -> dict:
    """The median seconds of each stage of `--timing` lines (`timing: read 0.412 s, plan 0.088 s, ...`)."""
    seen: dict[str, list[float]] = {}
    for r in runs:
        for line in r.stderr.splitlines():
            if line.startswith("timing: "):
                for part in line[len("timing: "):].split(", "):
                    name, value, _ = part.split(" ")
                    seen.setdefault(name, []).append(float(value))
    return {name: statistics.median(values) for name, values in seen.items()}


class Row:
    def __init__(self, group: str, workload: str, tool: str, runs: list[Run] | None, note: str = "",
                 base: bool = False, wall: float | None = None, rss_kb: int | None = None, failed: str = ""):
        self.group, self.workload, self.tool, self.note, self.base, self.failed = group, workload, tool, note, base, failed
        self.runs = len(runs) if runs else 0
        self.wall = wall if wall is not None else (statistics.median(r.wall for r in runs) if runs else None)
        self.rss_kb = rss_kb if rss_kb is not None else (max(r.rss_kb for r in runs) if runs else None)
        self.ratio = None


# Machine --------------------------------------------------------------------------------------------------

def machine() -> dict:
    def sh(cmd):
        try:
            return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=10).stdout.rstrip()
        except Exception:
            return "?"
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    osname = platform.platform()
    try:
        for line in open("/etc/os-release"):
            if line.startswith("PRETTY_NAME="):
                osname = line.split("=", 1)[1].strip().strip('"') + f" (kernel {platform.release()})"
    except OSError:
        pass
    return {"nproc": sh("nproc"), "free": sh("free -h"), "cpu": cpu, "os": osname,
            "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            "commit": sh(f"git -C {ROOT} rev-parse --short HEAD") + (" (with uncommitted changes)" if sh(
                f"git -C {ROOT} status --porcelain --untracked-files=no") else ""),
            "swift": sh("swift --version 2>&1 | head -1"), "cmark": sh("cmark --version 2>&1 | head -1"),
            "fs": filesystem(os.path.join(ROOT, ".build")),
            "python": sys.version.split()[0]}


def filesystem(path: str) -> str:
    """The file system the bench writes on: type, mount options and, for ext4, whether it has a journal."""
    try:
        out = subprocess.run(["findmnt", "-no", "SOURCE,FSTYPE,OPTIONS", "--target", path], capture_output=True,
                             text=True, timeout=10).stdout.split()
    except Exception:
        return "?"
    if len(out) < 3:
        return "?"
    source, fstype, options = out[0], out[1], out[2]
    text = f"{fstype} ({options})"
    journal = f"/sys/fs/ext4/{os.path.basename(source)}/journal_task"
    if fstype == "ext4" and os.path.exists(journal):
        task = open(journal).read().strip()
        text += ", no journal" if task in ("", "<none>") else ", with a journal"
    return text


def busy_cpu() -> float:
    """The share of all cores busy over one second while the bench itself waits: other work on the machine."""
    def sample():
        fields = [int(x) for x in open("/proc/stat").readline().split()[1:]]
        return sum(fields), fields[3] + (fields[4] if len(fields) > 4 else 0)
    try:
        total0, idle0 = sample()
        time.sleep(1)
        total1, idle1 = sample()
        return max(0.0, 1 - (idle1 - idle0) / max(1, total1 - total0))
    except (OSError, ValueError, IndexError):
        return 0.0


def loadavg() -> str:
    try:
        return " ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        return "?"


# Workloads ------------------------------------------------------------------------------------------------

def generator_hash() -> str:
    h = hashlib.sha256()
    for name in ("make_vault.py", "make_prices.py"):
        h.update(open(os.path.join(HERE, name), "rb").read())
    return h.hexdigest()[:16]


def ensure(work: str, name: str, cmd: list[str]) -> str:
    out = os.path.join(work, name)
    stamp = os.path.join(work, f"{name}.stamp")
    want = json.dumps({"cmd": cmd[2:], "gen": generator_hash()})
    if os.path.isdir(out) and os.path.exists(stamp) and open(stamp).read() == want:
        return out
    if os.path.exists(stamp):
        os.remove(stamp)
    log(f"generating {name}")
    subprocess.run(cmd + ["--out", out], check=True)
    with open(stamp, "w") as f:
        f.write(want)
    return out


def prices(work: str, n: int) -> str:
    return ensure(work, f"prices-{n}", [sys.executable, os.path.join(HERE, "make_prices.py"),
                                        "--tickers", str(n), "--days", "750", "--seed", "1"])


def vault(work: str, notes: int, label: str, price_dir: str) -> str:
    # The price set is part of the vault's identity: regenerate when it was regenerated.
    return ensure(work, f"vault-{label}", [sys.executable, os.path.join(HERE, "make_vault.py"),
                                          "--notes", str(notes), "--seed", "1", "--prices", price_dir])


def note_files(root: str) -> list[str]:
    """The notes vaultgen reads: every .md file outside dot folders."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(folder, f) for f in sorted(files) if f.endswith(".md")]
    return found


# Python peers ---------------------------------------------------------------------------------------------

def python_for_peers(work: str, smoke: bool) -> tuple[str | None, set[str], str]:
    """A python that has numpy/pandas (and obsidiantools on a full run): the bench venv, else the system's."""
    venv = os.path.join(work, "venv")
    vpy = os.path.join(venv, "bin", "python")
    notes = []
    if not smoke:
        if not os.path.exists(vpy):
            log(f"making {venv}")
            r = subprocess.run([sys.executable, "-m", "venv", venv], capture_output=True, text=True)
            if r.returncode != 0:
                notes.append(f"python3 -m venv failed: {r.stderr.strip().splitlines()[-1:] or r.returncode}")
        if os.path.exists(vpy):
            need = [m for m in ("numpy", "pandas", "scipy", "obsidiantools") if not has_modules(vpy, [m])]
            if need:
                log(f"pip install {' '.join(need)} into {venv}")
                r = subprocess.run([vpy, "-m", "pip", "install", "-q", "--disable-pip-version-check", *need],
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    tail = (r.stderr or r.stdout).strip().splitlines()[-3:]
                    notes.append("pip install failed: " + " / ".join(tail))
                    log(notes[-1])
    for py in ([vpy] if os.path.exists(vpy) else []) + [sys.executable]:
        mods = {m for m in ("numpy", "pandas", "scipy", "obsidiantools") if has_modules(py, [m])}
        if {"numpy", "pandas"} <= mods or py == sys.executable:
            return py, mods, "; ".join(notes)
    return None, set(), "; ".join(notes)


def has_modules(py: str, mods: list[str]) -> bool:
    r = subprocess.run([py, "-c", "import " + ", ".join(mods)], capture_output=True)
    return r.returncode == 0


# Findings -------------------------------------------------------------------------------------------------

def compare_findings(report: dict, planted: dict) -> dict:
    errors = ("broken-link", "missing-attachment", "missing-heading", "missing-block")
    got = Counter((nfc(f["path"]), f["line"], f["kind"]) for f in report["findings"] if f["kind"] in errors)
    want = Counter((b["path"], b["line"], b["kind"]) for b in planted["broken"])
    got_orphans = Counter(nfc(f["path"]) for f in report["findings"] if f["kind"] == "orphan-note")
    want_orphans = Counter(planted["orphans"])
    got_amb = Counter((nfc(f["path"]), f["line"]) for f in report["findings"] if f["kind"] == "ambiguous-link")
    want_amb = Counter((a["path"], a["line"]) for a in planted["ambiguous"])
    other = [f for f in report["findings"] if f["kind"] not in errors + ("orphan-note", "ambiguous-link")]
    columns_off = Counter((nfc(f["path"]), f["line"], f["column"]) for f in report["findings"] if f["kind"] in errors) \
        - Counter((b["path"], b["line"], b["column"]) for b in planted["broken"])
    by_place = {}
    for f in report["findings"]:
        by_place.setdefault((nfc(f["path"]), f["line"], f["kind"]), f)
    false = [by_place[k] for k in (got - want).elements()] + [
        {"kind": "orphan-note", "path": p} for p in (got_orphans - want_orphans).elements()] + [
        by_place.get((k[0], k[1], "ambiguous-link"), {"path": k[0], "line": k[1]}) for k in (got_amb - want_amb).elements()] + other
    planted_by_place = {(b["path"], b["line"], b["kind"]): b for b in planted["broken"]}
    missed = [planted_by_place[k] for k in (want - got).elements()] + [
        {"kind": "orphan-note", "path": p} for p in (want_orphans - got_orphans).elements()] + [
        {"kind": "ambiguous-link", "path": k[0], "line": k[1]} for k in (want_amb - got_amb).elements()]
    return {"false": false, "missed": missed, "columns_off": sum(columns_off.values()),
            "expected": sum(want.values()) + sum(want_orphans.values()) + sum(want_amb.values()),
            "reported": len(report["findings"])}


def compare_obsidiantools(found: dict, planted: dict) -> dict:
    def k(name):  # obsidiantools names notes by file name, links by target as written
        return nfc(name).strip().casefold()
    planted_targets = {k(b["target"]) for b in planted["broken"] if b["kind"] == "broken-link"}
    reported = {k(n) for n in found["broken"]}
    notes = {k(os.path.basename(p)[:-3]) for p in found["paths"].values()}
    why = Counter()
    for name in found["broken"]:
        if k(name) in planted_targets:
            continue
        if not name.strip():
            why["same-note [[#Heading]]"] += 1
        elif "/" in name:
            why["path form [[Folder/N]]"] += 1
        elif name != name.strip():
            why["[[ N ]] with spaces"] += 1
        elif k(name) in notes and nfc(name) != name:
            why["NFD/NFC"] += 1
        elif k(name) in notes:
            why["other letter case, or NFC link to an NFD file"] += 1
        elif name.split()[0] in ("Vorlak", "Quennith", "Brastov", "Ilmeric", "Pashkov", "Drennic", "Yulthar",
                                  "Okvist", "Tamsuin", "Gorrath", "Feylor", "Hostrim"):
            why["link inside code/comment/math/HTML/escape"] += 1
        else:
            why["other"] += 1
    planted_orphans = {k(os.path.basename(p)[:-3]) for p in planted["orphans"]}
    reported_orphans = {k(n) for n in found["orphans"]}
    return {"broken_reported": len(found["broken"]), "broken_false": sum(why.values()),
            "broken_missed": len(planted_targets - reported),
            "false_examples": sorted(reported - planted_targets)[:5], "false_why": dict(why.most_common()),
            "orphans_reported": len(found["orphans"]), "orphans_false": len(reported_orphans - planted_orphans),
            "orphans_missed": len(planted_orphans - reported_orphans)}


# The benchmark --------------------------------------------------------------------------------------------

class Bench:
    def __init__(self, args):
        self.args = args
        self.bin = os.path.abspath(args.bin)
        self.work = os.path.abspath(args.work)
        self.rows: list[Row] = []
        self.failures: list[str] = []   # vaultgen failed or its findings differ: exit 1
        self.notes: list[str] = []
        self.checks: dict = {}
        self.facts: dict = {}
        self.runs = args.runs or (2 if args.smoke else 5)

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        wall = f"{row.wall:.3f} s" if row.wall is not None else "-"
        log(f"{row.workload:<22} {row.tool:<34} {wall:>10}  {mb(row.rss_kb):>9}  {row.note or row.failed}")
        return row

    def vg_fail(self, what: str, r: Run) -> None:
        msg = f"{what}: exit {r.code}: {r.stderr.strip()[-400:]}"
        self.failures.append(msg)
        log("FAIL " + msg)

    # check ------------------------------------------------------------------------------------------------

    def bench_check(self, label: str, root: str) -> None:
        planted = json.load(open(os.path.join(root, "planted.json")))
        files = note_files(root)
        size = sum(os.path.getsize(f) for f in files)
        self.facts[f"vault-{label}"] = {"notes": len(files), "bytes": size, "links": planted["links"],
                                       "broken": len(planted["broken"]), "orphans": len(planted["orphans"]),
                                       "ambiguous": len(planted["ambiguous"]), "tickers": planted["tickers"]}
        # Correctness first: one JSON run, compared with what was planted.
        r = run_once([self.bin, "check", root, "--format", "json"], capture=True)
        if r.code not in (0, 1):
            self.vg_fail(f"vaultgen check {label}", r)
            return
        cmp = compare_findings(json.loads(r.stdout), planted)
        self.checks[label] = cmp
        if cmp["false"] or cmp["missed"]:
            self.failures.append(f"vaultgen check {label}: {len(cmp['false'])} false, {len(cmp['missed'])} missed findings")
            log("FAIL " + self.failures[-1])
            for f in (cmp["false"] + cmp["missed"])[:10]:
                log(f"   {f}")
        group = f"check-{label}"
        runs = repeat([self.bin, "check", root], self.runs, ok=(0, 1))
        self.add(Row(group, f"check {label} ({len(files)} notes)", "vaultgen check", runs, base=True,
                     note=f"{len(cmp['false'])} false, {len(cmp['missed'])} missed of {cmp['expected']}"))
        if label == "1k":
            # What of a small check is only starting the process: the same binary doing nothing else.
            self.add(Row(group, f"check {label}", "vaultgen --version (process start only)",
                         repeat([self.bin, "--version"], self.runs), note="part of every vaultgen run"))
        # Shell completion of note names (`vaultgen chart <TAB>`): a process that finds the vault and lists its notes.
        marked = os.path.join(root, ".vaultgen.yml")
        made = not os.path.exists(marked) and not os.path.isdir(os.path.join(root, ".obsidian"))
        if made:
            open(marked, "w").close()
        words = ["---completion", "chart", "--", "positional@0", "2", "0", "vaultgen", "chart", ""]
        completion = repeat([os.path.abspath(self.bin), *words], self.runs, capture=True, cwd=root)
        if made:
            os.remove(marked)
        offered = len(completion[-1].stdout.splitlines())
        if completion[-1].code != 0 or offered < len(files) // 2:
            self.vg_fail(f"vaultgen completion {label}", completion[-1])
        else:
            self.add(Row(group, f"check {label}", "vaultgen completion of note names (chart <TAB>)", completion,
                         note=f"{offered} names offered"))
        # cmark: the whole vault's notes concatenated into one file, parsed once (the floor of parsing).
        cmark = shutil.which("cmark")
        if not cmark:
            self.add(Row(group, f"check {label}", "cmark (concatenated notes)", None, failed="cmark not installed"))
            return
        concat = os.path.join(self.work, f"cmark-{label}.md")
        with open(concat, "wb") as out:
            for f in files:
                with open(f, "rb") as src:
                    out.write(src.read())
                out.write(b"\n")
        self.add(Row(group, f"check {label}", "cmark (concatenated notes)", repeat([cmark, concat], self.runs),
                     note=f"{size / 1e6:.1f} MB of notes"))
        os.remove(concat)

    # rename -----------------------------------------------------------------------------------------------

    def bench_rename(self, label: str, root: str) -> None:
        """`vaultgen rename` of the vault's most-linked note on a copy, back and forth (each run a real rename),
        and the proof: `check` finds exactly what it found before."""
        group = f"rename-{label}"
        copy = os.path.join(self.work, f"rename-{label}")
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(root, copy)
        r = run_once([self.bin, "check", copy, "--format", "json"], capture=True)
        if r.code not in (0, 1):
            self.vg_fail(f"vaultgen check {label} (rename)", r)
            return
        before = json.loads(r.stdout)
        counts: dict[str, int] = {}
        for path in note_files(copy):
            text = open(path, encoding="utf-8", errors="replace").read()
            for m in re.finditer(r"\[\[([^\]|#\n]+)", text):
                counts[m.group(1)] = counts.get(m.group(1), 0) + 1
        names = {os.path.basename(f)[:-3]: os.path.relpath(f, copy) for f in note_files(copy)}
        # The generator plants decoys (a name in code, comments, HTML): of the five names written most often,
        # take the one whose rename rewrites the most links.
        ranked = sorted((n for n in counts if n in names), key=lambda n: -counts[n])[:5]

        def rewritten(name):
            out = run_once([self.bin, "rename", names[name], name + " renamed", "--vault", copy, "--dry-run"],
                           capture=True).stdout.strip().splitlines()
            m = re.search(r"rewrite (\d+) link", out[-1]) if out else None
            return int(m.group(1)) if m else 0
        top = max(ranked, key=rewritten)
        pair = [names[top], top + " renamed"]

        def cmd(i):
            old, new = (pair[0], pair[1]) if i % 2 == 0 else (os.path.join(os.path.dirname(pair[0]), pair[1] + ".md"), top)
            return [self.bin, "rename", old, new, "--vault", copy]
        runs = repeat(cmd, 1 if self.args.smoke else self.runs, capture=True)
        if any(x.code != 0 for x in runs):
            self.vg_fail(f"vaultgen rename {label}", runs[-1])
            return
        after = json.loads(run_once([self.bin, "check", copy, "--format", "json"], capture=True).stdout)
        same = len(after["findings"]) == len(before["findings"])
        self.facts[group] = {"note": names[top], "links_by_name": counts[top], "summary": runs[0].stdout.strip().splitlines()[-1],
                             "findings_before": len(before["findings"]), "findings_after": len(after["findings"])}
        if not same:
            self.failures.append(f"vaultgen rename {label}: check found {len(after['findings'])} findings, "
                                 f"{len(before['findings'])} before")
        self.add(Row(group, f"rename {label}: a most-linked note ({len(note_files(copy))} notes)", "vaultgen rename", runs,
                     note=runs[0].stdout.strip().splitlines()[-1]))
        shutil.rmtree(copy, ignore_errors=True)

    # update -----------------------------------------------------------------------------------------------

    def bench_update(self, label: str, root: str) -> None:
        planted = json.load(open(os.path.join(root, "planted.json")))
        as_of = planted["as_of"]
        templates = os.path.join(ROOT, "Templates")
        group = f"update-{label}"
        runs = 1 if self.args.smoke else self.runs
        # Names new to each bench run: ext4 starts its search for a subfolder's block group at a hash of its name,
        # and the same names would land in the groups the last bench run's copies were just deleted from.
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        copies = [os.path.join(self.spread_folder(), f"update-{label}-{stamp}-{i}") for i in range(runs)]

        def cmd(i):
            return [self.bin, "update", copies[i], "--templates", templates, "--as-of", as_of, "--timing"]

        # Every copy is made before the first timed run and flushed to disk, so that no run pays for writing
        # back the copy (a fresh copy is 30 MB of dirty pages that update's flush would otherwise write).
        for copy in copies:
            if os.path.exists(copy):
                shutil.rmtree(copy)
            shutil.copytree(root, copy, symlinks=True)
        os.sync()
        cold = repeat(cmd, runs, capture=True)
        if cold[-1].code != 0:
            self.vg_fail(f"vaultgen update {label} (cold)", cold[-1])
            return
        summary = cold[-1].stdout.strip().splitlines()[-1] if cold[-1].stdout.strip() else ""
        warnings = [w for w in cold[-1].stderr.strip().splitlines() if not w.startswith("timing: ")]
        stages = median_stages(cold)
        self.facts[f"update-{label}"] = {"summary": summary, "warnings": warnings[:5], "warning_count": len(warnings),
                                         "stages": stages}
        name = f"update {label} ({planted['tickers']} tickers)"
        compute = sum(stages.get(k, 0) for k in ("read", "index", "prices", "plan", "charts"))
        disk = sum(stages.get(k, 0) for k in ("stage", "flush", "rename"))
        self.add(Row(group, name, "vaultgen update, cold", cold, base=True,
                     note=summary.split(", 0 warnings")[0] + f"; in-process: compute {compute:.2f} s (read "
                     f"{stages.get('read', 0):.2f}, plan {stages.get('plan', 0):.2f}), writing {disk:.2f} s "
                     f"(create {stages.get('stage', 0):.2f}, flush {stages.get('flush', 0):.2f}, rename "
                     f"{stages.get('rename', 0):.2f})"))
        for extra in copies[1:]:
            shutil.rmtree(extra)
        self.bench_update_in_memory(label, root, name, templates, as_of, runs)
        copy = copies[0]
        cmd = lambda _: [self.bin, "update", copy, "--templates", templates, "--as-of", as_of]  # noqa: E731

        before = snapshot(copy)
        again = repeat(cmd, runs, capture=True)
        after = snapshot(copy)
        if again[-1].code != 0:
            self.vg_fail(f"vaultgen update {label} (second run)", again[-1])
            return
        written = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
        check = run_once(cmd(0) + ["--check"], capture=True)
        second_summary = again[-1].stdout.strip().splitlines()[-1] if again[-1].stdout.strip() else ""
        self.facts[f"update-{label}"].update({"second_summary": second_summary, "second_written": written[:5],
                                              "second_written_count": len(written), "check_exit": check.code})
        note = f"wrote {len(written)} files; update --check exit {check.code}"
        self.add(Row(group, name, "vaultgen update, nothing to change", again, note=note))
        if written or check.code != 0:
            self.failures.append(f"vaultgen update {label}: second run {note}")
            log("FAIL " + self.failures[-1])
        self.check_update_numbers(label, copy, planted)
        shutil.rmtree(copy)

    def spread_folder(self) -> str:
        """The folder the cold copies go in, marked with ext4's "top of a directory tree" hint (`chattr +T`).

        On ext4 without a journal (this machine's disk) the kernel will not reuse an inode freed in the last
        1-6 minutes, and finding a free one walks past every such inode of the block group, once per new file.
        Every cold run frees the 9,203 notes it replaces, and a plain copy made beside the last one lands in the
        same block group, so the next run's 9,203 new files each walked past them: creating them took 1-2 s
        instead of 0.2 s. A user's nightly run meets no such pile. Under a `+T` folder each copy starts in a
        block group of its own (the kernel's Orlov allocator spreads the subfolders of such a folder), as an
        untouched vault would be (with names new to each bench run, or they would land in the groups the last
        run's copies were deleted from, which are as poisoned for a few minutes). Where `chattr` is missing or the file system has no such flag, the copies
        are plain, and BENCHMARKS.md says so."""
        folder = os.path.join(self.work, "update-copies")
        os.makedirs(folder, exist_ok=True)
        marked = subprocess.run(["chattr", "+T", folder], capture_output=True).returncode == 0
        self.facts["cold-copies-spread"] = marked
        return folder

    def bench_update_in_memory(self, label: str, root: str, name: str, templates: str, as_of: str,
                               runs: int) -> None:
        """The same cold run with the vault in /dev/shm (tmpfs), for reference: what the run costs without a
        device, when creating, flushing and renaming files never waits on a disk."""
        shm = "/dev/shm"
        if self.args.smoke or not (os.path.isdir(shm) and os.access(shm, os.W_OK)):
            return
        copies = [os.path.join(shm, f"vaultgen-bench-update-{label}-{i}") for i in range(runs)]
        try:
            for copy in copies:
                if os.path.exists(copy):
                    shutil.rmtree(copy)
                shutil.copytree(root, copy, symlinks=True)
            runs_ = repeat(lambda i: [self.bin, "update", copies[i], "--templates", templates, "--as-of", as_of,
                                      "--timing"], runs, capture=True)
            stages = median_stages(runs_)
            disk = sum(stages.get(k, 0) for k in ("stage", "flush", "rename"))
            self.add(Row(f"update-{label}", name, "vaultgen update, cold, vault on tmpfs (reference)", runs_,
                         note=f"in-process writing {disk:.2f} s (create {stages.get('stage', 0):.2f}, rename "
                         f"{stages.get('rename', 0):.2f}); not the target: no device behind it"))
        except OSError as error:
            self.notes.append(f"update {label} on tmpfs skipped: {error}")
        finally:
            for copy in copies:
                shutil.rmtree(copy, ignore_errors=True)

    def check_update_numbers(self, label: str, copy: str, planted: dict) -> None:
        """Spot-check one refreshed sector note's pair table against the documented convention."""
        self.facts.setdefault("update-spot", {})
        sectors = sorted(os.listdir(os.path.join(copy, "Sectors")))
        if not sectors or not self.py:
            return
        text = open(os.path.join(copy, "Sectors", sectors[0]), encoding="utf-8").read()
        pairs = {}
        lines = text.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("| Pair | Correlation |"):
                for row in lines[i + 2:]:
                    if not row.startswith("|"):
                        break
                    cells = [c.strip() for c in row.strip("|").split("|")]
                    a, b = [x.strip() for x in cells[0].split(" - ")]
                    pairs[(a, b)] = float(cells[1].strip("*"))
        if not pairs:
            return
        tickers = sorted({t for p in pairs for t in p})
        out = os.path.join(self.work, "reference-update.json")
        since_cmd = [self.py, os.path.join(HERE, "peers.py"), "corr-reference-since", os.path.join(copy, "Prices"),
                     out, "2024-01-01", planted["as_of"], *tickers]
        r = run_once(since_cmd, capture=True)
        if r.code != 0:
            self.notes.append(f"update spot check skipped: {r.stderr.strip()[-200:]}")
            return
        ref = json.load(open(out))
        worst = 0.0
        for (a, b), value in pairs.items():
            x = ref.get(f"{a},{b}") if f"{a},{b}" in ref else ref.get(f"{b},{a}")
            if x is not None:
                worst = max(worst, abs(round(x, 2) - value))
        self.facts["update-spot"][label] = {"note": f"Sectors/{sectors[0]}", "pairs": len(pairs), "worst": worst}
        if worst > 0.0100001:
            self.notes.append(f"update {label}: Sectors/{sectors[0]} pair table differs from the reference by "
                              f"{worst:.2f} (rounded to 2 decimals)")

    # corr -------------------------------------------------------------------------------------------------

    def bench_corr(self, n: int, folder: str) -> None:
        tickers = sorted(f[:-4] for f in os.listdir(folder) if f.endswith(".csv"))
        group = f"corr-{n}"
        name = f"corr {n} x 750"
        cmd = [self.bin, "corr", *tickers, "--prices", folder, "--format", "csv", "--timing"]
        runs = repeat(cmd, self.runs)
        if runs[-1].code != 0:
            self.vg_fail(f"vaultgen corr {n}", runs[-1])
            return
        vg = self.add(Row(group, name, "vaultgen corr (whole process)", runs, base=True))
        # `--timing` prints `timing: read 0.412 s, matrix 0.088 s, ...` on stderr: the stages timed in-process.
        stages = [corr_stages(r.stderr) for r in runs]
        if not all(stages) or not all("matrix" in s for s in stages):
            self.vg_fail(f"vaultgen corr {n} --timing", runs[-1])
            return
        median = {k: statistics.median(s[k] for s in stages) for k in stages[0]}
        others = ", ".join(f"{k} {median[k]:.3f} s" for k in ("read", "figures", "write") if k in median)
        self.add(Row(group, name, "vaultgen corr compute (matrix stage)", None, wall=median["matrix"],
                     note=f"in-process, --timing; {others}"))
        if n <= 500 and self.py and "numpy" in self.pymods:
            self.verify_corr(n, folder, tickers)
        if not self.py or not {"numpy", "pandas"} & self.pymods:
            self.notes.append(f"corr {n}: numpy/pandas not importable, peer rows skipped")
            return
        for tool in ("numpy", "pandas"):
            if tool not in self.pymods:
                continue
            runs = repeat([self.py, os.path.join(HERE, "peers.py"), f"corr-{tool}", folder], self.runs, capture=True)
            if runs[-1].code != 0:
                self.add(Row(group, name, f"{tool} script", None, failed=runs[-1].stderr.strip()[-200:]))
                continue
            inside = [json.loads(r.stdout.strip().splitlines()[-1]) for r in runs]
            label = "np.corrcoef (ffill/bfill)" if tool == "numpy" else "pct_change().corr()"
            self.add(Row(group, name, f"{tool} {label}, whole process", runs, note="python + import + load + compute"))
            self.add(Row(group, name, f"{tool} {label}, compute", None,
                         wall=statistics.median(x["compute_s"] for x in inside),
                         note=f"in-process; load took {statistics.median(x['load_s'] for x in inside):.2f} s"))

    def bench_clusters(self, n: int, folder: str) -> None:
        """`vaultgen clusters --all` beside pandas' matrix and scipy's linkage; their Z must agree."""
        group = f"clusters-{n}"
        name = f"clusters {n} x 750"
        empty = os.path.join(self.work, "empty-vault")
        os.makedirs(empty, exist_ok=True)
        open(os.path.join(empty, ".vaultgen.yml"), "a").close()  # a vault is a marked folder
        cmd = [self.bin, "clusters", "-C", os.path.abspath(empty), "--prices", os.path.abspath(folder), "--all", "--format", "json", "--timing"]
        runs = repeat(cmd, self.runs, capture=True)
        stages = [corr_stages(r.stderr) for r in runs]
        if runs[-1].code != 0 or not all("linkage" in s for s in stages):
            self.vg_fail(f"vaultgen clusters {n}", runs[-1])
            return
        self.add(Row(group, name, "vaultgen clusters (whole process)", runs, base=True))
        median = {k: statistics.median(s[k] for s in stages) for k in stages[0]}
        self.add(Row(group, name, "vaultgen clusters compute (linkage stage)", None, wall=median["linkage"],
                     note=f"in-process, --timing; read {median['read']:.3f} s, matrix {median['matrix']:.3f} s"))
        if not self.py or not {"numpy", "pandas", "scipy"} <= self.pymods:
            self.notes.append(f"clusters {n}: numpy/pandas/scipy not importable, peer rows skipped")
            return
        out = os.path.join(self.work, f"clusters-scipy-{n}.json")
        peer = repeat([self.py, os.path.join(HERE, "peers.py"), "clusters-scipy", folder, out], self.runs, capture=True)
        if peer[-1].code != 0:
            self.add(Row(group, name, "scipy script", None, failed=peer[-1].stderr.strip()[-200:]))
            return
        inside = [json.loads(r.stdout.strip().splitlines()[-1]) for r in peer]
        self.add(Row(group, name, "pandas corr() + scipy linkage, whole process", peer,
                     note="python + import + load + matrix + linkage"))
        self.add(Row(group, name, "scipy linkage(method='average'), compute", None,
                     wall=statistics.median(x["compute_s"] for x in inside),
                     note=f"in-process; pandas corr() took {statistics.median(x['corr_s'] for x in inside):.2f} s"))
        mine, theirs = json.loads(runs[-1].stdout), json.load(open(out))
        same_rows = mine["tickers"] == theirs["tickers"] and len(mine["Z"]) == len(theirs["Z"]) and all(
            [a[0], a[1], a[3]] == [b[0], b[1], b[3]] for a, b in zip(mine["Z"], theirs["Z"]))
        worst = max((abs(a[2] - b[2]) for a, b in zip(mine["Z"], theirs["Z"])), default=0.0)
        self.facts[f"clusters-verify-{n}"] = {"same_merges": same_rows, "worst_height": worst}
        if not same_rows or worst > 1e-9:  # a wrong tree is a failure, as wrong findings are
            self.failures.append(f"clusters {n}: vaultgen's Z differs from scipy's (same merges: {same_rows}, "
                                 f"heights up to {worst:.2e} apart)")

    def bench_rolling(self, folder: str, count: int = 10, window: int = 60) -> None:
        """`vaultgen corr --rolling` on a 10-ticker sector beside pandas; their series must agree to 1e-9."""
        tickers = sorted(f[:-4] for f in os.listdir(folder) if f.endswith(".csv"))[:count]
        group = f"rolling-{count}"
        name = f"rolling {window}d, {count} tickers x 750"
        cmd = [self.bin, "corr", *tickers, "--prices", folder, "--rolling", str(window), "--format", "json",
               "--timing"]
        runs = repeat(cmd, self.runs, capture=True)
        stages = [corr_stages(r.stderr) for r in runs]
        if runs[-1].code != 0 or not all("rolling" in s for s in stages):
            self.vg_fail(f"vaultgen corr --rolling {count}", runs[-1])
            return
        self.add(Row(group, name, "vaultgen corr --rolling (whole process)", runs, base=True))
        median = {k: statistics.median(s[k] for s in stages) for k in stages[0]}
        self.add(Row(group, name, "vaultgen corr --rolling compute (rolling stage)", None, wall=median["rolling"],
                     note=f"in-process, --timing; read {median['read']:.3f} s, write {median['write']:.3f} s"))
        if not self.py or "pandas" not in self.pymods:
            self.notes.append(f"rolling {count}: pandas not importable, peer rows skipped")
            return
        out = os.path.join(self.work, f"rolling-pandas-{count}.json")
        peer = repeat([self.py, os.path.join(HERE, "peers.py"), "rolling-pandas", folder, out, str(window), *tickers],
                      self.runs, capture=True)
        if peer[-1].code != 0:
            self.add(Row(group, name, "pandas script", None, failed=peer[-1].stderr.strip()[-200:]))
            return
        inside = [json.loads(r.stdout.strip().splitlines()[-1]) for r in peer]
        self.add(Row(group, name, "pandas rolling().corr() per pair, whole process", peer,
                     note="python + import + load + compute"))
        self.add(Row(group, name, "pandas rolling().corr() per pair, compute", None,
                     wall=statistics.median(x["compute_s"] for x in inside),
                     note=f"in-process; load took {statistics.median(x['load_s'] for x in inside):.2f} s"))
        mine, theirs = json.loads(runs[-1].stdout), json.load(open(out))
        days = [row["date"] for row in mine["rows"]]
        same_days = days == theirs["days"]
        worst = max((abs(row["average"] - b) for row, b in zip(mine["rows"], theirs["values"])), default=0.0)
        self.facts[f"rolling-verify-{count}"] = {"same_days": same_days, "days": len(days), "worst": worst}
        if not same_days or worst > 1e-9:
            self.failures.append(f"rolling {count}: vaultgen's series differs from pandas' (same days: {same_days}, "
                                 f"values up to {worst:.2e} apart)")

    def verify_corr(self, n: int, folder: str, tickers: list[str]) -> None:
        """vaultgen corr's numbers against its documented convention, computed independently."""
        some = tickers[:40]
        r = run_once([self.bin, "corr", *some, "--prices", folder, "--format", "csv"], capture=True)
        out = os.path.join(self.work, f"reference-{n}.json")
        ref = run_once([self.py, os.path.join(HERE, "peers.py"), "corr-reference", folder, out, *some], capture=True)
        if r.code != 0 or ref.code != 0:
            self.notes.append(f"corr {n}: reference check skipped ({ref.stderr.strip()[-200:]})")
            return
        want = json.load(open(out))
        worst, count = 0.0, 0
        section = r.stdout.split("\n\n")[1].splitlines()[1:]
        for line in section:
            a, b, value, *_ = line.split(",")
            x = want.get(f"{a},{b}", want.get(f"{b},{a}"))
            if x is None or value in ("", "n/a"):
                continue
            worst = max(worst, abs(float(value) - x))
            count += 1
        self.facts[f"corr-verify-{n}"] = {"pairs": count, "worst": worst}
        if worst > 1e-9:
            self.notes.append(f"corr {n}: vaultgen differs from the reference by up to {worst:.2e}")

    # obsidiantools ----------------------------------------------------------------------------------------

    def bench_obsidiantools(self, label: str, root: str) -> None:
        group = f"check-{label}"
        if "obsidiantools" not in self.pymods:
            self.add(Row(group, f"check {label}", "obsidiantools", None, failed="not installed (pip failed)"))
            return
        planted = json.load(open(os.path.join(root, "planted.json")))
        out = os.path.join(self.work, f"obsidiantools-{label}.json")
        runs = repeat([self.py, os.path.join(HERE, "peers.py"), "obsidiantools", root, out], self.runs, capture=True)
        if runs[-1].code != 0:
            self.add(Row(group, f"check {label}", "obsidiantools", None, failed=runs[-1].stderr.strip()[-300:]))
            return
        cmp = compare_obsidiantools(json.load(open(out)), planted)
        self.facts[f"obsidiantools-{label}"] = cmp
        self.add(Row(group, f"check {label}", "obsidiantools connect()", runs,
                     note=f"{cmp['broken_false']} of {cmp['broken_reported']} broken names false, "
                          f"{cmp['broken_missed']} missed; {cmp['orphans_false']} false orphans"))

    # all --------------------------------------------------------------------------------------------------

    def main(self) -> int:
        a = self.args
        os.makedirs(self.work, exist_ok=True)
        info = machine()
        info["load_start"] = loadavg()
        info["busy_start"] = busy_cpu()
        log(f"{info['cpu']}, {info['nproc']} cores, load {info['load_start']}; vaultgen {self.bin}")
        if not os.access(self.bin, os.X_OK):
            log(f"no vaultgen binary at {self.bin}")
            return 1
        self.py, self.pymods, pynote = python_for_peers(self.work, a.smoke)
        if pynote:
            self.notes.append(pynote)
        log(f"python for peers: {self.py} ({', '.join(sorted(self.pymods)) or 'no numpy/pandas'})")

        sizes = [(100, 1000, "1k")] if a.smoke else [(100, 1000, "1k"), (500, 10000, "10k"), (2000, 50000, "50k")]
        price_dirs = {n: prices(self.work, n) for n, _, _ in sizes}
        vaults = {label: vault(self.work, notes, label, price_dirs[n]) for n, notes, label in sizes}

        for _, _, label in sizes:
            self.bench_check(label, vaults[label])
            if label == "1k" and not a.smoke:
                self.bench_obsidiantools("1k", vaults["1k"])
            if label == "10k" and a.big_peers:
                self.bench_obsidiantools("10k", vaults["10k"])
        self.bench_update("1k" if a.smoke else "10k", vaults["1k" if a.smoke else "10k"])
        self.bench_rename("1k" if a.smoke else "50k", vaults["1k" if a.smoke else "50k"])
        for n, _, _ in sizes:
            self.bench_corr(n, price_dirs[n])
        for n, _, _ in sizes:
            if n >= 500 or a.smoke:
                self.bench_clusters(n, price_dirs[n])
        self.bench_rolling(price_dirs[100])

        info["load_end"] = loadavg()
        info["busy_end"] = busy_cpu()
        for row in self.rows:
            base = next((r for r in self.rows if r.group == row.group and r.base), None)
            if base and base.wall and row.wall is not None and row is not base and "compute" not in row.tool:
                row.ratio = row.wall / base.wall
        targets = self.targets(a.smoke)
        print()
        print(table(self.rows))
        print()
        for t in targets:
            print(f"{t[0]:<5} {t[1]}: {t[2]}")
        for k, v in self.facts.items():
            if not k.startswith("vault-"):
                print(f"{k}: {json.dumps(v, ensure_ascii=False)[:300]}")
        for n in self.notes:
            print(f"note: {n}")
        if not a.smoke:
            with open(a.out, "w") as f:
                f.write(report(info, self, targets))
            log(f"wrote {a.out}")
        if self.failures:
            log(f"{len(self.failures)} failure(s): " + "; ".join(self.failures))
            return 1
        return 0

    def row(self, group: str, tool_prefix: str) -> Row | None:
        return next((r for r in self.rows if r.group == group and r.tool.startswith(tool_prefix) and r.wall is not None), None)

    def targets(self, smoke: bool) -> list[tuple[str, str, str]]:
        out = []

        def verdict(ok):
            return "n/a" if ok is None else ("PASS" if ok else "MISS")

        def add(name, ok, detail):
            out.append((verdict(ok), name, detail))
        big = "1k" if smoke else "10k"
        vg, cm = self.row(f"check-{big}", "vaultgen check"), self.row(f"check-{big}", "cmark")
        add(f"check {big} within 1.5x cmark", None if not (vg and cm) else vg.wall <= 1.5 * cm.wall,
            f"{vg.wall:.3f} s vs {cm.wall:.3f} s = {vg.wall / cm.wall:.2f}x" if vg and cm else "not measured")
        vg1, ot = self.row("check-1k", "vaultgen check"), self.row("check-1k", "obsidiantools")
        add("check 1k at least 200x faster than obsidiantools", None if not (vg1 and ot) else ot.wall >= 200 * vg1.wall,
            f"{ot.wall:.2f} s vs {vg1.wall:.3f} s = {ot.wall / vg1.wall:.0f}x" if vg1 and ot else "not measured")
        wrong = {k: (len(v["false"]), len(v["missed"])) for k, v in self.checks.items()}
        add("check: zero false and zero missed findings", all(f == 0 and m == 0 for f, m in wrong.values()) if wrong else None,
            ", ".join(f"{k}: {fa} false, {mi} missed" for k, (fa, mi) in wrong.items()) or "not measured")
        cold, again = self.row(f"update-{big}", "vaultgen update, cold"), self.row(f"update-{big}", "vaultgen update, nothing")
        add(f"update {big} cold under 2 s", None if not cold else cold.wall < 2.0, f"{cold.wall:.2f} s" if cold else "failed")
        facts = self.facts.get(f"update-{big}", {})
        add(f"update {big} second run faster, writes nothing",
            None if not (cold and again) else again.wall < cold.wall and facts.get("second_written_count") == 0
            and facts.get("check_exit") == 0,
            f"{again.wall:.2f} s vs {cold.wall:.2f} s cold; wrote {facts.get('second_written_count')} files; "
            f"update --check exit {facts.get('check_exit')}" if cold and again else "failed")
        top = "100" if smoke else "2000"
        comp, npc = self.row(f"corr-{top}", "vaultgen corr compute"), self.row(f"corr-{top}", "numpy np.corrcoef (ffill/bfill), compute")
        add(f"corr {top} x 750 compute within 2x numpy corrcoef compute", None if not (comp and npc) else comp.wall <= 2 * npc.wall,
            f"{comp.wall:.3f} s vs {npc.wall:.3f} s = {comp.wall / npc.wall:.1f}x" if comp and npc else "not measured")
        whole, pdw = self.row(f"corr-{top}", "vaultgen corr (whole"), self.row(f"corr-{top}", "pandas pct_change().corr(), whole")
        add(f"corr {top} whole process faster than the pandas script", None if not (whole and pdw) else whole.wall < pdw.wall,
            f"{whole.wall:.2f} s vs {pdw.wall:.2f} s" if whole and pdw else "not measured")
        link = self.row(f"clusters-{top}", "vaultgen clusters compute")
        add(f"clusters {top} linkage under 1 s", None if not link else link.wall < 1.0,
            f"{link.wall:.3f} s" if link else "not measured")
        for size in ("100",) if smoke else ("500", "2000"):
            vgc, spc = self.row(f"clusters-{size}", "vaultgen clusters (whole"), \
                self.row(f"clusters-{size}", "pandas corr() + scipy linkage, whole")
            add(f"clusters {size} whole process faster than pandas + scipy",
                None if not (vgc and spc) else vgc.wall < spc.wall,
                f"{vgc.wall:.2f} s vs {spc.wall:.2f} s" if vgc and spc else "not measured")
        vgr, pdr = self.row("rolling-10", "vaultgen corr --rolling (whole"), \
            self.row("rolling-10", "pandas rolling().corr() per pair, whole")
        add("rolling 10 x 750 whole process faster than pandas", None if not (vgr and pdr) else vgr.wall < pdr.wall,
            f"{vgr.wall:.3f} s vs {pdr.wall:.2f} s" if vgr and pdr else "not measured")
        biggest = "1k" if smoke else "50k"
        ren = self.row(f"rename-{biggest}", "vaultgen rename")
        facts = self.facts.get(f"rename-{biggest}", {})
        add(f"rename {biggest} under 2 s, check finds nothing new",
            None if not ren else ren.wall < 2.0 and facts.get("findings_before") == facts.get("findings_after"),
            f"{ren.wall:.2f} s; findings {facts.get('findings_before')} before, {facts.get('findings_after')} after"
            if ren else "failed")
        mem = self.row(f"check-{biggest}", "vaultgen check")
        add(f"check {biggest} peak memory under 500 MB", None if not mem else mem.rss_kb < 500 * 1024,
            mb(mem.rss_kb) if mem else "not measured")
        return out


def snapshot(root: str) -> dict:
    out = {}
    for folder, dirs, files in os.walk(root):
        for f in files:
            p = os.path.join(folder, f)
            st = os.stat(p)
            rel = os.path.relpath(p, root)
            if not rel.startswith(".vaultgen" + os.sep):  # the documented runtime folder: its lock is opened by every run
                out[rel] = (st.st_size, st.st_mtime_ns, st.st_ino)
    return out


def mb(kb) -> str:
    return "-" if kb is None else f"{kb / 1024:.0f} MB"


def table(rows: list[Row]) -> str:
    head = "| Workload | Tool | Median wall | Peak memory | vs vaultgen | Runs | Notes |"
    lines = [head, "|---|---|---:|---:|---:|---:|---|"]
    for r in rows:
        wall = f"{r.wall:.3f} s" if r.wall is not None else "skipped"
        ratio = "1.00x (base)" if r.base else (f"{r.ratio:.2f}x" if r.ratio is not None else "")
        lines.append(f"| {r.workload} | {r.tool} | {wall} | {mb(r.rss_kb)} | {ratio} | {r.runs or ''} | "
                     f"{(r.note or r.failed).replace('|', '/')} |")
    return "\n".join(lines)


def report(info: dict, b: Bench, targets) -> str:
    f = b.facts
    w = []
    w.append("# Benchmarks\n")
    w.append("Written by `make bench` (`Scripts/bench/run.py`); `make bench-smoke` runs the smallest sizes in CI. "
             "Numbers are from one run on the machine below; re-run `make bench` to refresh them.\n")
    w.append("## Machine\n")
    w.append(f"- Date: {info['date']}; vaultgen commit {info['commit']}")
    w.append(f"- CPU: {info['cpu']}; `nproc`: {info['nproc']}")
    w.append(f"- OS: {info['os']}; {info['swift']}; {info['cmark']}; Python {info['python']}")
    busy = max(info["busy_start"], info["busy_end"])
    w.append(f"- Load average (1/5/15 min) at start {info['load_start']}, at end {info['load_end']}; CPU used by "
             f"other processes over one second at start {info['busy_start']:.0%}, at end {info['busy_end']:.0%}."
             + (" **Something else was running: timings are noisy** (medians help)." if busy > 0.1 else ""))
    w.append(f"- File system of the bench data: {info['fs']}")
    w.append("\n```text\n$ free -h\n" + info["free"] + "\n```\n")
    w.append("## Workloads\n")
    w.append("Generated deterministically (seed 1) under `.build/bench/` by `Scripts/bench/make_vault.py` and "
             "`Scripts/bench/make_prices.py`.\n")
    for key_, v in f.items():
        if key_.startswith("vault-"):
            w.append(f"- `{key_}`: {v['notes']} notes, {v['bytes'] / 1e6:.1f} MB of notes, {v['links']} links written "
                     f"by the generator, {v['broken']} planted broken links/anchors/attachments, {v['orphans']} orphans, "
                     f"{v['ambiguous']} ambiguous links; sector notes backed by the {v['tickers']}-ticker price set "
                     "(copied into its `Prices/`).")
    w.append("- Price sets of 100, 500 and 2,000 tickers x 750 trading days (2023-01-02 to 2025-11-14), factor "
             "model (market + sector factors + noise), about 8% late listings and 30% of tickers with gaps.\n")
    w.append("## Method\n")
    w.append("- Every figure is a whole process (fork to reap) unless it says compute; the median of 5 runs "
             "(15 when a run takes under 0.2 s, except the update runs, 3 over 5 s, 1 over 180 s). Peak memory "
             "is the child's `ru_maxrss` from `os.wait4`.")
    w.append("- **cmark** parses the concatenation of every note of the vault in one process (`cmark all.md > "
             "/dev/null`): the floor of parsing the same bytes, with no process start per file and no link work.")
    w.append("- **vaultgen check** prints its text report to /dev/null. Its JSON report was compared with "
             "`planted.json` on (path, line, kind) for broken links, missing headings/blocks/attachments and "
             "ambiguous links, and on path for orphans.")
    w.append("- **update**: cold = `vaultgen update COPY --templates Templates --as-of 2025-11-14 --timing` on a "
             "fresh copy of the 10k vault per run (every copy made and `sync`ed before the first timed run, each "
             "in a block group of its own: see below); the "
             "notes column gives the median in-process stages from `--timing`: compute (read, index, prices, "
             "plan) and writing (create the new files, flush, rename them over the old). Then the same command "
             "again on one copy with nothing to change, checking that no file's size, mtime or inode changed and "
             "that `update --check` exits 0.")
    spread = f.get("cold-copies-spread")
    w.append("- **Cold copies and the disk**: on ext4 without a journal the kernel does not reuse an inode freed in "
             "the last 1-6 minutes, and each new file's inode search walks past all such inodes of its block group. "
             "Each cold run frees the 9,203 notes it replaces; a copy made beside it lands in the same block group, "
             "and the next run then took 1-2 s instead of 0.2 s to create its files, a pile a nightly run never "
             "meets. So the copies live in a folder marked `chattr +T` (ext4's top-of-a-tree hint: the kernel "
             "spreads its subfolders over block groups, starting from a hash of their names, which are new to each run), "
             "each in a group of its own, as an untouched vault is. "
             + ("The folder was marked in this run." if spread else
                "**This run could not mark the folder** (no `chattr`, or a file system without the flag): the cold "
                "runs after the first may include that walk."))
    w.append("- **corr**: `vaultgen corr <every ticker> --prices DIR --format csv --timing > /dev/null`. Compute is "
             "the `matrix` stage that `--timing` reports (returns, alignment, the products and every cell, timed "
             "in-process; median over the runs); the notes give the other stages (reading the CSVs, the figures, "
             "writing the csv report).")
    w.append("- **numpy**: the script reads the CSVs with the csv module, aligns them on the union of dates, carries "
             "the last close over gaps and the first close back before late listings (corrcoef needs full rows), "
             "then `np.corrcoef` of simple returns. Compute = returns + corrcoef, timed inside the script.")
    w.append("- **pandas**: `read_csv` per file, `concat`, then `prices.pct_change(fill_method=None).corr()` "
             "(pairwise-complete, like vaultgen); compute = the last line, timed inside.")
    w.append("- **obsidiantools**: `Vault(dir).connect()`, then `nonexistent_notes` (broken links, by name) and "
             "notes with no backlinks (orphans); its names are compared with the planted broken targets.\n")
    w.append("## Results\n")
    w.append(table(b.rows) + "\n")
    w.append("`vs vaultgen` is the tool's median wall divided by vaultgen's in the same workload (above 1: vaultgen "
             "is faster).\n")
    w.append("## Targets (issue 8)\n")
    w.append("| Target | Result | Measured |\n|---|---|---|")
    for verdict, name, detail in targets:
        w.append(f"| {name} | **{verdict}** | {detail} |")
    w.append("")
    w.append("## Findings and checks\n")
    for label, cmp in b.checks.items():
        w.append(f"- check {label}: {cmp['reported']} findings reported, {cmp['expected']} planted; "
                 f"{len(cmp['false'])} false, {len(cmp['missed'])} missed; {cmp['columns_off']} at another column.")
        for x in (cmp["false"] + cmp["missed"])[:5]:
            w.append(f"  - `{json.dumps(x, ensure_ascii=False)}`")
    for key_, v in f.items():
        if key_.startswith("obsidiantools-"):
            w.append(f"- {key_}: reported {v['broken_reported']} nonexistent note names, {v['broken_false']} of them "
                     f"not planted (false), {v['broken_missed']} planted broken targets missed; reported "
                     f"{v['orphans_reported']} orphans, {v['orphans_false']} false, {v['orphans_missed']} missed. "
                     f"Why the false ones are false: {', '.join(f'{a} {b}' for a, b in v['false_why'].items())}. "
                     "Broken markdown links are what it misses (it lists only wiki-link targets).")
        if key_.startswith("update-") and key_ != "update-spot":
            w.append(f"- {key_} cold: `{v['summary']}`" + (f"; warnings: {v['warnings']}" if v["warning_count"] else ""))
            w.append(f"- {key_} second run: `{v.get('second_summary')}`; files written: "
                     f"{v.get('second_written_count')}; `update --check` exit {v.get('check_exit')}")
        if key_ == "update-spot":
            for label, s in v.items():
                w.append(f"- update {label} spot check: {s['note']}'s {s['pairs']} pair rows against an independent "
                         f"computation: worst difference {s['worst']:.2f} (2 decimals written)")
        if key_.startswith("rolling-verify-"):
            w.append(f"- {key_}: {v['days']} dates of the 10-ticker rolling average against pandas: same dates "
                     f"{v['same_days']}, worst |difference| {v['worst']:.1e}")
        if key_.startswith("corr-verify-"):
            w.append(f"- {key_}: {v['pairs']} pairs of 40 tickers against an independent computation of the "
                     f"documented convention: worst |difference| {v['worst']:.1e}")
    for n in b.notes:
        w.append(f"- note: {n}")
    if b.failures:
        w.append("\n**Failures:** " + "; ".join(b.failures))
    w.append("\n## Re-running\n")
    w.append("```sh\nmake bench              # everything above (about 15 min on 2 busy cores)\n"
             "make bench BENCH_FLAGS=--big-peers   # adds obsidiantools on the 10k vault\n"
             "make bench-smoke        # 1k vault and 100 tickers, under a minute; used by CI\n```\n")
    return "\n".join(w)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bin", required=True, help="the vaultgen release binary")
    p.add_argument("--work", default=os.path.join(ROOT, ".build", "bench"))
    p.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    p.add_argument("--smoke", action="store_true")
    p.add_argument("--big-peers", action="store_true", help="also obsidiantools on the 10k vault")
    p.add_argument("--runs", type=int, help="runs per measurement (default 5, smoke 2)")
    sys.exit(Bench(p.parse_args()).main())


if __name__ == "__main__":
    main()
