#!/usr/bin/env python3
"""Deterministic synthetic Obsidian vault for `make bench`, with a record of what is wrong in it.

    make_vault.py --notes 10000 --out .build/bench/vault-10k --seed 1 [--prices .build/bench/prices-500]

Writes about N notes of about 3 KB in folders:

- Companies/  front matter `ticker:`, `aliases:` list, `tags:` list; headings, a block id, `## Related`.
- Sectors/    the seed note's shape: prose figures, a `| Metric | Value | Interpretation |` table (Avg
              correlation, Range, vs [[Peer]], Period), a `| Pair | Correlation |` table, an actors table
              `| Company | Ticker | Role | Note |` whose tickers come from the price set (same factor sector).
- Concepts/   definitions, example tables with `[[N\\|alias]]`, code blocks.
- Journal/    dated notes with lists of links.
- Archive/    a few notes whose names also exist in Concepts/ (planted ambiguity, recorded).
- Attachments/ small PNG and PDF files;  Prices/ the price set's CSVs (the default `prices: Prices`).

Every link form docs/commands/check.md lists appears: [[N]], [[N.md]], [[ N ]], [[N|alias]], [[N#Heading]],
[[N#A#B]], [[N#^block]], [[#Heading]], [[N\\|alias]] in tables, [[Sq]uare]] (a few note names hold a `]`),
![[file.png]], ![[img.png|100x145]], ![[doc.pdf#page=3]], ![[N#Heading]], [t](Folder/My%20Note.md),
[t](<Folder/My Note.md>), [t](../Folder/N.md#H), path suffixes [[Folder/N]], other letter case, and names
stored NFD on disk but linked NFC. Links that must not count sit in fenced, indented and inline code,
%%comments%%, $$math$$, HTML blocks, after a backslash, as URLs with a scheme, and in dot folders
(.obsidian/, .trash/); they point at names that exist nowhere or at orphans.

About 2% of links are broken (broken-link, missing-heading, missing-block, missing-attachment) and about 1%
of notes are orphans. `DIR/planted.json` lists every planted finding: broken links with path, line, column,
kind and target; orphan paths; ambiguous links. Nothing else in the vault is wrong.
"""
import argparse
import datetime as dt
import json
import os
import random
import shutil
import unicodedata
import urllib.parse

SYL = ("bra cor dan el fen gal hor ix jun kel lum mar nor ost pra quin ral sol tav ul ven wex yor zan "
       "ast bel cyr dor eth fal gri hal ion jor kas lor mev nyx or pel qua rin sen tor ur val wyn xan ys zel").split()
SUFFIX = ("Holdings Systems Energy Labs Networks Capital Robotics Materials Mining Logistics Biotech "
          "Semiconductor Power Data Cloud Storage Optics Metals Foods Motors").split()
THEME = ("Grid Quantum Orbital Edge Fiber Solar Battery Chip Cloud Water Rail Port Copper Lithium Uranium "
         "Satellite Drone Robot Sensor Memory Cooling Hydrogen Fusion Nickel Cobalt Freight Tanker Vaccine "
         "Genome Payments Lending Insurance Gaming Media Search Security Identity Storage").split()
GROUP = ("Builders Suppliers Operators Miners Lenders Integrators Refiners Landlords Networks Platforms "
         "Carriers Makers Pivots Challengers Incumbents Specialists").split()
ADJ = ("latent stranded marginal cyclical secular structural reflexive embedded contingent residual "
       "implied realised forward rolling sticky elastic idle hidden fixed variable").split()
NOUN = ("capacity power demand supply margin spread premium discount leverage duration basis convexity "
        "momentum dispersion liquidity churn backlog utilisation pricing moat").split()
WORDS = ("the a of and to in for with on by as from that this is are was be it its at or an which their "
         "market growth capacity power cost price demand supply margin revenue contract customer lease "
         "site grid energy hosting cluster build data center chip cloud compute capital debt equity cash "
         "flow guidance quarter year cycle risk return spread volume order backlog pipeline expansion "
         "team plan deal partner region buyer seller operator investor analyst model estimate forecast "
         "shift trend signal noise base case bull bear thesis exposure hedge rate yield value scale "
         "contracts tenants megawatts racks servers fleet network fibre cooling water land permit "
         "utility tariff subsidy policy regulator filing report update review note").split()
GHOST1 = "Vorlak Quennith Brastov Ilmeric Pashkov Drennic Yulthar Okvist Tamsuin Gorrath Feylor Hostrim".split()
GHOST2 = "Meridox Calvern Sulbrook Thornvale Ashgrove Winterholt Redmarch Silvane Duskmoor Irongate".split()
# Names with letters that NFC and NFD spell differently; stored NFD on disk, linked NFC.
ACCENTED = ["Zürich Ölwerke", "Société Énergie", "Mineração Açores", "Ångström Kraft", "Crème Brûlée Labs"]
# A few note names with a `]`, read by vaultgen as [[Sq]uare]].
BRACKETED = ["Sq]uare Deals", "Bracket]Theory", "Close]Out Risk"]
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
       b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND"
       b"\xaeB`\x82")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

COMPANY_HEADINGS = ["Overview", "Business model", "Risks", "Execution risk", "Financing risk", "Related"]
CONCEPT_HEADINGS = ["Definition", "Examples", "Why it matters", "Related"]
SECTOR_HEADINGS = ["Correlation structure", "Key actors", "Why this cluster exists", "Related"]
BROKEN_RATE = 0.027


def key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


class Doc:
    """A note being written line by line, with the byte column of every link it records."""

    def __init__(self, gen: "Gen", note: dict):
        self.gen, self.note = gen, note
        self.lines: list[str] = []
        self.parts: list[str] = []
        self.col = 0

    def t(self, text: str) -> "Doc":
        assert "\n" not in text
        self.parts.append(text)
        self.col += len(text.encode())
        return self

    def end(self, text: str = "") -> "Doc":
        if text:
            self.t(text)
        self.lines.append("".join(self.parts))
        self.parts, self.col = [], 0
        return self

    def para(self, text: str) -> "Doc":
        return self.end(text).end()

    def here(self) -> tuple[int, int]:
        return len(self.lines) + 1, self.col + 1

    def size(self) -> int:
        return sum(len(line.encode()) + 1 for line in self.lines)

    # Links --------------------------------------------------------------------------------------------

    def good(self, target: dict, raw: str) -> "Doc":
        """A link that resolves to `target` (a note) and counts as its backlink."""
        if target is not self.note:
            target["incoming"] += 1
        self.gen.links += 1
        return self.t(raw)

    def embed_file(self, raw: str) -> "Doc":
        self.gen.links += 1
        return self.t(raw)

    def broken(self, kind: str, target: str, raw: str) -> "Doc":
        line, column = self.here()
        self.gen.planted.append({"path": self.note["path"], "line": line, "column": column, "kind": kind,
                                 "target": target, "link": raw})
        self.gen.links += 1
        return self.t(raw)

    def ambiguous(self, target: dict, raw: str) -> "Doc":
        line, column = self.here()
        self.gen.ambiguous.append({"path": self.note["path"], "line": line, "column": column,
                                   "target": target["name"], "link": raw})
        return self.good(target, raw)


class Gen:
    def __init__(self, n: int, seed: int, meta: dict | None):
        self.rng = random.Random(seed)
        self.n = n
        self.planted: list[dict] = []
        self.ambiguous: list[dict] = []
        self.links = 0
        self.names: dict[str, str] = {}
        self.meta = meta
        self.ghost_counter = 0

    # Names --------------------------------------------------------------------------------------------

    def unique(self, make) -> str:
        for _ in range(1000):
            name = make()
            if key(name) not in self.names:
                self.names[key(name)] = name
                return name
        raise RuntimeError("could not make a unique name")

    def word(self, k: int) -> str:
        return "".join(self.rng.choice(SYL) for _ in range(k)).capitalize()

    def ghost(self) -> str:
        """A note name that exists nowhere and is close to no name or alias in the vault."""
        self.ghost_counter += 1
        return f"{self.rng.choice(GHOST1)} {self.rng.choice(GHOST2)} {self.ghost_counter:05d}"

    def words(self, lo: int, hi: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(lo, hi)))

    def sentence(self) -> str:
        s = self.words(8, 18)
        return s[0].upper() + s[1:] + "."

    # Plan ---------------------------------------------------------------------------------------------

    def plan(self) -> None:
        n, rng = self.n, self.rng
        tickers = self.meta["tickers"] if self.meta else [f"T{i:04d}" for i in range(1, max(4, n // 10) + 1)]
        self.tickers = tickers
        n_sector = max(6, n * 8 // 100)
        n_company = max(len(tickers), n * 40 // 100)
        n_journal = max(2, n * 7 // 100)
        n_dup = max(1, n // 2000)
        n_concept = n - n_sector - n_company - n_journal - 2 * n_dup
        assert n_concept > 10, "too few notes"
        self.notes: list[dict] = []

        def add(kind, folder, name, **extra):
            note = {"kind": kind, "folder": folder, "name": name, "incoming": 0, "orphan": False,
                    "special": None, **extra}
            note["path"] = f"{folder}/{name}.md"
            self.notes.append(note)
            return note

        accented = list(ACCENTED)
        self.companies = []
        for i in range(n_company):
            if i >= len(tickers) and accented and i % 97 == 5:
                name = accented.pop(0)
                self.names[key(name)] = name
                c = add("company", "Companies", name, ticker=f"U{i:05d}", listed=False)
                c["special"] = "nfd"
            else:
                name = self.unique(lambda: f"{self.word(rng.randint(2, 3))} {rng.choice(SUFFIX)}")
                listed = i < len(tickers)
                c = add("company", "Companies", name, ticker=tickers[i] if listed else f"U{i:05d}", listed=listed)
            self.companies.append(c)
        self.sectors = [add("sector", "Sectors", self.unique(
            lambda: f"{rng.choice(THEME)} {rng.choice(GROUP)}" + (f" {rng.randint(2, 99)}" if rng.random() < 0.5 else "")))
            for _ in range(n_sector)]
        self.concepts = []
        bracketed = list(BRACKETED[: max(1, min(3, n // 1000 + 1))])
        for i in range(n_concept):
            if bracketed and i % 50 == 7:
                name = bracketed.pop(0)
                self.names[key(name)] = name
                c = add("concept", "Concepts", name)
                c["special"] = "bracket"
            else:
                c = add("concept", "Concepts", self.unique(
                    lambda: f"{rng.choice(ADJ).capitalize()} {rng.choice(NOUN)}" if rng.random() < 0.05
                    else f"{rng.choice(ADJ).capitalize()} {rng.choice(NOUN)} {self.word(2).lower()}"))
            self.concepts.append(c)
        self.journal = []
        day = 0
        for i in range(n_journal):
            day += rng.randint(1, 2)
            date = (dt.date(2016, 1, 4) + dt.timedelta(days=day)).isoformat()
            self.journal.append(add("journal", "Journal", self.unique(
                lambda: f"{date} {rng.choice(['Weekly review', 'Daily note', 'Meeting notes', 'Reading list'])}")))
        # Planted ambiguity: the same name in Archive/ and Concepts/. `[[Name]]` picks Archive/ (shortest path)
        # and is reported as ambiguous; `[[Concepts/Name]]` reaches the other one unambiguously.
        self.dups = []
        for i in range(n_dup):
            name = self.unique(lambda: f"Overlap {rng.choice(NOUN)} {self.word(2).lower()}")
            a = add("dup", "Archive", name)
            b = add("dup", "Concepts", name)
            a["special"] = b["special"] = "dup"
            self.dups.append((a, b))

        # Attachments.
        self.images = [self.unique(lambda: f"chart-{self.word(2).lower()}-{rng.randint(0, 99999):05d}.png")
                       for _ in range(max(10, n // 10))]
        self.pdfs = [self.unique(lambda: f"filing-{self.word(2).lower()}-{rng.randint(0, 9999):04d}.pdf")
                     for _ in range(max(3, n // 100))]

        # Orphans: about 1% of concept and journal notes; nothing that counts links to them.
        pool = [c for c in self.concepts + self.journal if c["special"] is None]
        for note in rng.sample(pool, max(3, n // 100)):
            note["orphan"] = True
        self.targets = [x for x in self.notes if not x["orphan"] and x["special"] is None]
        self.orphans = [x for x in self.notes if x["orphan"]]
        self.anchor_targets = [x for x in self.targets if x["kind"] in ("company", "concept")]

        # Sector membership: each sector note takes 3-8 listed companies, mostly from one factor sector.
        listed = [c for c in self.companies if c["listed"]]
        by_factor: dict[int, list[dict]] = {}
        for c in listed:
            f = self.meta["sector"][c["ticker"]] if self.meta else int(c["ticker"][1:]) % 8
            by_factor.setdefault(f, []).append(c)
        factors = sorted(by_factor)
        for k, s in enumerate(self.sectors):
            group = by_factor[factors[k % len(factors)]]
            size = rng.randint(3, 8)
            members = rng.sample(group, min(size, len(group)))
            if rng.random() < 0.3:
                members += [c for c in rng.sample(listed, 2) if c not in members]
            while len(members) < 3:
                c = rng.choice(listed)
                if c not in members:
                    members.append(c)
            s["actors"] = members
            for c in members:
                c.setdefault("sectors", []).append(s)

    # Link forms ---------------------------------------------------------------------------------------

    def plain(self, t: dict) -> str:
        """The one form that always resolves to `t` without ambiguity."""
        if t["special"] == "dup":
            return f"[[{t['folder']}/{t['name']}]]"
        return f"[[{t['name']}]]"

    def mention(self, d: Doc, in_table: bool = False) -> None:
        """A random link to a random note (or attachment), 2% of them broken."""
        rng = self.rng
        if rng.random() < BROKEN_RATE:
            return self.plant_broken(d, in_table)
        bar = "\\|" if in_table else "|"
        t = rng.choice(self.targets)
        name = t["name"]
        headings = {"company": COMPANY_HEADINGS, "concept": CONCEPT_HEADINGS, "sector": SECTOR_HEADINGS}.get(t["kind"])
        r = rng.random()
        if r < 0.30:
            d.good(t, f"[[{name}]]")
        elif r < 0.45:
            d.good(t, f"[[{name}{bar}{self.words(1, 3)}]]")
        elif r < 0.53 and headings:
            d.good(t, f"[[{name}#{rng.choice(headings)}]]")
        elif r < 0.57 and t["kind"] == "company":
            d.good(t, f"[[{name}#Risks#{rng.choice(['Execution risk', 'Financing risk'])}]]")
        elif r < 0.62 and t.get("block"):
            d.good(t, f"[[{name}#^{t['block']}{bar}{self.words(1, 2)}]]")
        elif r < 0.64:
            d.good(t, f"[[{name}.md]]")
        elif r < 0.66:
            d.good(t, f"[[ {name} ]]")
        elif r < 0.69:
            d.good(t, f"[[{t['folder']}/{name}]]")
        elif r < 0.71:
            d.good(t, f"[[{name.lower()}]]")
        elif r < 0.73 and headings and not in_table:
            d.good(t, f"![[{name}#{headings[0]}]]")
        elif r < 0.80:
            d.good(t, f"[{self.words(1, 3)}]({urllib.parse.quote(t['path'])})")
        elif r < 0.83 and not in_table:
            d.good(t, f"[{self.words(1, 2)}](<{t['path']}>)")
        elif r < 0.87:
            frag = {"company": "#Overview", "concept": "#Examples", "sector": "#Related"}.get(t["kind"], "")
            d.good(t, f"[{self.words(1, 2)}](../{urllib.parse.quote(t['path'])}{frag})")
        elif r < 0.93 and not in_table:
            img = rng.choice(self.images)
            d.embed_file(f"![[{img}|100x145]]" if rng.random() < 0.3 else f"![[{img}]]")
        elif r < 0.95 and not in_table:
            d.embed_file(f"![[{rng.choice(self.pdfs)}#page={rng.randint(1, 9)}]]")
        else:
            d.good(t, f"[[{name}]]")

    def plant_broken(self, d: Doc, in_table: bool = False) -> None:
        rng = self.rng
        bar = "\\|" if in_table else "|"
        r = rng.random()
        if r < 0.45:
            g = self.ghost()
            d.broken("broken-link", g, f"[[{g}]]" if rng.random() < 0.6 else f"[[{g}{bar}{self.words(1, 2)}]]")
        elif r < 0.60:
            g = self.ghost()
            d.broken("broken-link", g, f"[{self.words(1, 2)}]({urllib.parse.quote(g)}.md)")
        elif r < 0.75:
            t = rng.choice(self.anchor_targets)
            raw = f"[[{t['name']}#{rng.choice(GHOST2)} section {rng.randint(1, 99)}]]"
            line, column = d.here()
            d.good(t, raw)  # still a backlink of t: Obsidian counts a link whose heading is missing
            self.planted.append({"path": d.note["path"], "line": line, "column": column,
                                 "kind": "missing-heading", "target": t["name"], "link": raw})
        elif r < 0.87:
            t = rng.choice(self.anchor_targets)
            raw = f"[[{t['name']}#^zz{rng.randint(100, 999)}]]"
            line, column = d.here()
            d.good(t, raw)
            self.planted.append({"path": d.note["path"], "line": line, "column": column,
                                 "kind": "missing-block", "target": t["name"], "link": raw})
        else:
            name = f"missing-{self.word(2).lower()}-{rng.randint(0, 99999):05d}.png"
            d.broken("missing-attachment", name, f"![[{name}]]")

    def ignored(self, d: Doc) -> None:
        """A block or span whose links must not count: code, comments, math, HTML, escapes, URLs."""
        rng = self.rng
        t = rng.choice(self.orphans) if rng.random() < 0.5 else None
        name = t["name"] if t else self.ghost()
        form = rng.randrange(8)
        if form == 0:
            d.end("```markdown").end(f"See [[{name}]] and ![[{name}.png]]").end("```").end()
        elif form == 1:
            d.para(f"{self.sentence()} Write `[[{name}]]` to link it, or `![[{name}#Intro]]`.")
        elif form == 2:
            d.para(self.sentence()).end(f"    [[{name}]] in an indented code block").end()
        elif form == 3:
            d.para(f"{self.sentence()} %%todo: link [[{name}]] later%% {self.sentence()}")
        elif form == 4:
            d.end("$$").end(f"x = [[{name}]]").end("$$").end()
        elif form == 5:
            d.end(f'<div class="callout">[[{name}]]</div>').end()
        elif form == 6:
            d.para(f"{self.sentence()} Literal \\[[{name}]] is not a link.")
        else:
            d.para(f"{self.sentence()} See [the page](https://example.com/{urllib.parse.quote(name)}.md).")

    def filler(self, d: Doc, target_bytes: int, links: float = 1.5) -> None:
        rng = self.rng
        while d.size() < target_bytes:
            for _ in range(rng.randint(2, 4)):
                d.t(self.sentence() + " ")
                if rng.random() < links / 3:
                    d.t(self.words(1, 3) + " ")
                    self.mention(d)
                    d.t(" " + self.words(2, 6) + ". ")
            d.end().end()

    def related(self, d: Doc, note: dict, extra: list[dict]) -> None:
        d.end("## Related")
        for t in extra:
            d.t("- ").good(t, self.plain(t)).end(f" — {self.words(2, 5)}")
        nxt = note["next"]
        if nxt is not None:
            d.t("- ").good(nxt, self.plain(nxt)).end(" — see also")
        for _ in range(self.rng.randint(0, 2)):
            d.t("- ")
            self.mention(d)
            d.end()
        d.end()

    # Notes --------------------------------------------------------------------------------------------

    def front(self, d: Doc, fields: list[str]) -> None:
        d.end("---")
        for f in fields:
            d.end(f)
        d.end("---")

    def company(self, c: dict) -> Doc:
        rng, d = self.rng, Doc(self, c)
        self.front(d, [f"ticker: {c['ticker']}", f"aliases: [{c['name']} Inc, {c['ticker']}]",
                       f"tags: [company, {rng.choice(THEME).lower()}]"])
        d.end(f"# {c['name']}").end()
        sectors = c.get("sectors") or [rng.choice(self.sectors)]
        d.t("Sector: ").good(sectors[0], self.plain(sectors[0]))
        for s in sectors[1:]:
            d.t(", ").good(s, self.plain(s))
        d.end().end()
        d.end("## Overview").end()
        self.filler(d, 600)
        d.end(f"Key fact: {self.words(10, 20)}. ^{c['block']}").end()
        d.end("## Business model").end()
        self.filler(d, 1300)
        if rng.random() < 0.3:
            self.ignored(d)
        d.end("## Risks").end()
        d.end("### Execution risk").end()
        self.filler(d, 1900)
        d.end("### Financing risk").end()
        self.filler(d, 2500)
        self.related(d, c, [rng.choice(self.targets)])
        if rng.random() < 0.3:
            d.para(f"*Updated {self.words(2, 4)}; see [[#Overview]] and [[#Risks]].*")
        self.filler(d, 3000, links=0.8)
        return d

    def sector(self, s: dict) -> Doc:
        rng, d = self.rng, Doc(self, s)
        actors = s["actors"]
        tick = [c["ticker"] for c in actors]
        self.front(d, [f"aliases: [{s['name']} cluster]", f"tags: [sector, {rng.choice(THEME).lower()}]"])
        d.end("#sector #generated").end()
        d.end(f"# {s['name']}").end()
        peer = rng.choice([x for x in self.sectors if x is not s])
        d.t(f"{self.sentence()} Trades as a distinct cluster (0.61 correlation), separate from ")
        d.good(peer, self.plain(peer)).end(".").end()
        d.embed_file(f"![[{rng.choice(self.images)}]]").end()
        d.end(f"*{tick[0]} and {tick[1]} most correlated (0.70). {self.sentence()}*").end()
        d.end("---").end()
        d.end("## Correlation structure").end()
        d.end("| Metric | Value | Interpretation |").end("|--------|-------|----------------|")
        d.end("| **Avg correlation** | **0.61** | Strong (tight cluster) |")
        d.end(f"| Range | 0.53 - 0.70 | {tick[0]}-{tick[1]} to {tick[-2]}-{tick[-1]} |")
        if rng.random() < 0.5:
            d.t("| vs ").good(peer, self.plain(peer)).end(" | 0.08-0.20 | Separate clusters |")
        d.end("| Period | 2024-01 to present | |").end()
        d.end("**Pairwise detail:**").end("| Pair | Correlation |").end("|------|-------------|")
        first = True
        for i in range(len(tick)):
            for j in range(i + 1, len(tick)):
                d.end(f"| {tick[i]} - {tick[j]} | {'**0.50**' if first else '0.50'} |")
                first = False
        d.end()
        d.para(f"{self.sentence()} {self.sentence()}")
        d.end("---").end()
        d.end("## Key actors").end()
        d.end("| Company | Ticker | Role | Note |").end("|---------|--------|------|------|")
        for c in actors:
            d.t("| ")
            if rng.random() < 0.4:
                d.good(c, f"[[{c['name']}\\|{c['name'].split()[0]}]]")
            else:
                d.good(c, self.plain(c))
            d.t(f" | {c['ticker']} | {self.words(1, 3)} | ")
            if rng.random() < 0.5:
                self.mention(d, in_table=True)
            else:
                d.t(self.words(2, 4))
            d.end(" |")
        d.end()
        d.end("---").end()
        d.end("## Why this cluster exists").end()
        other = rng.choice([c for c in peer["actors"] if c["ticker"] != tick[0]])
        d.para(f"- {tick[0]}-{other['ticker']} correlation: 0.10 (near zero)")
        self.filler(d, 2400)
        if rng.random() < 0.2:
            self.ignored(d)
        d.end("---").end()
        d.end("## Related").end()
        d.end("### Actors")
        for c in actors:
            d.t("- ").good(c, self.plain(c)).end(f" — {self.words(2, 4)}")
        d.end()
        d.end("### Sister")
        d.t("- ").good(peer, self.plain(peer)).end(" — peer group")
        if s["next"] is not None:
            d.t("- ").good(s["next"], self.plain(s["next"])).end(" — see also")
        d.end()
        self.filler(d, 3000, links=0.8)
        d.para(f"*Created {self.words(1, 2)}*")
        return d

    def concept(self, c: dict) -> Doc:
        rng, d = self.rng, Doc(self, c)
        if rng.random() < 0.7:
            self.front(d, [f"aliases: [{self.word(2)} {rng.choice(NOUN)}]", "tags: [concept]"])
        d.end(f"# {c['name']}").end()
        d.end("## Definition").end()
        self.filler(d, 500)
        d.end(f"In short: {self.words(8, 16)}. ^{c['block']}").end()
        d.end("## Examples").end()
        d.end("| Example | Why |").end("|---------|-----|")
        for _ in range(rng.randint(2, 4)):
            d.t("| ")
            self.mention(d, in_table=True)
            d.end(f" | {self.words(3, 8)} |")
        d.end()
        self.filler(d, 1500)
        if rng.random() < 0.6:
            self.ignored(d)
        d.end("## Why it matters").end()
        if rng.random() < 0.3:
            d.para(f"{self.sentence()} Back to [[#Definition]]; compare [[#Examples|the examples]].")
        self.filler(d, 2600)
        self.related(d, c, [])
        self.filler(d, 3000, links=0.8)
        return d

    def journal_note(self, j: dict) -> Doc:
        rng, d = self.rng, Doc(self, j)
        d.end(f"# {j['name']}").end()
        d.para(self.sentence())
        for _ in range(rng.randint(4, 8)):
            d.t(f"- {self.words(2, 5)} ")
            self.mention(d)
            d.end(f" {self.words(1, 4)}")
        d.end()
        if rng.random() < 0.7:
            self.ignored(d)
        self.filler(d, 2600)
        if j["next"] is not None:
            d.t("Next: ").good(j["next"], self.plain(j["next"])).end().end()
        self.filler(d, 3000, links=0.8)
        return d

    def dup_note(self, x: dict) -> Doc:
        d = Doc(self, x)
        d.end(f"# {x['name']}").end()
        self.filler(d, 1500)
        if x["next"] is not None:
            d.t("See also ").good(x["next"], self.plain(x["next"])).end().end()
        self.filler(d, 3000)
        return d

    # Writing ------------------------------------------------------------------------------------------

    def build(self) -> list[tuple[dict, Doc]]:
        rng = self.rng
        for i, note in enumerate(self.notes):
            note["block"] = f"kf-{i:05d}" if note["kind"] in ("company", "concept") else None
        # A random cycle through every note that is not an orphan: each one gets at least one backlink.
        cycle = [x for x in self.notes if not x["orphan"]]
        rng.shuffle(cycle)
        for i, note in enumerate(cycle):
            note["next"] = cycle[(i + 1) % len(cycle)]
        for note in self.orphans:
            note["next"] = rng.choice(self.targets)
        docs = []
        for note in self.notes:
            kind = note["kind"]
            d = {"company": self.company, "sector": self.sector, "concept": self.concept,
                 "journal": self.journal_note, "dup": self.dup_note}[kind](note)
            docs.append((note, d))
        # Planted ambiguity: plain [[Name]] links to each duplicated name, from journal notes.
        for a, b in self.dups:
            host = rng.choice(self.journal)
            d = next(doc for n, doc in docs if n is host)
            d.t("Old thread: ").ambiguous(a, f"[[{a['name']}]]").end().end()
        return docs

    def write(self, out: str, prices: str | None) -> dict:
        docs = self.build()
        if os.path.exists(out):
            shutil.rmtree(out)
        os.makedirs(out)
        crlf_notes = 0
        for note, d in docs:
            path = note["path"]
            if note["special"] == "nfd":
                path = unicodedata.normalize("NFD", path)
            full = os.path.join(out, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            text = "\n".join(d.lines)
            if not text.endswith("\n"):
                text += "\n"
            newline = "\n"
            if self.rng.random() < 0.01:
                newline = "\r\n"
                crlf_notes += 1
            with open(full, "w", encoding="utf-8", newline=newline) as f:
                f.write(text)
        os.makedirs(os.path.join(out, "Attachments"), exist_ok=True)
        for name in self.images:
            with open(os.path.join(out, "Attachments", name), "wb") as f:
                f.write(PNG)
        for name in self.pdfs:
            with open(os.path.join(out, "Attachments", name), "wb") as f:
                f.write(PDF)
        # Dot folders are not read: links in them must not count.
        orphan = self.orphans[0]["name"]
        os.makedirs(os.path.join(out, ".obsidian"), exist_ok=True)
        with open(os.path.join(out, ".obsidian", "app.json"), "w") as f:
            f.write('{"newLinkFormat": "shortest"}\n')
        os.makedirs(os.path.join(out, ".trash"), exist_ok=True)
        with open(os.path.join(out, ".trash", "Deleted note.md"), "w") as f:
            f.write(f"# Deleted note\n\n[[{orphan}]] and [[{self.ghost()}]]\n")
        if prices:
            os.makedirs(os.path.join(out, "Prices"), exist_ok=True)
            for t in self.tickers:
                shutil.copyfile(os.path.join(prices, f"{t}.csv"), os.path.join(out, "Prices", f"{t}.csv"))

        orphans = sorted(x["path"] for x in self.notes if x["incoming"] == 0)
        intended = sorted(x["path"] for x in self.orphans)
        assert orphans == intended, (set(orphans) ^ set(intended))
        planted = {
            "notes": len(self.notes),
            "links": self.links,
            "attachments": len(self.images) + len(self.pdfs) + (len(self.tickers) if prices else 0) + 1,
            "crlf_notes": crlf_notes,
            "nfd_paths": [x["path"] for x in self.notes if x["special"] == "nfd"],
            "broken": sorted(self.planted, key=lambda b: (b["path"], b["line"], b["column"])),
            "orphans": orphans,
            "ambiguous": self.ambiguous,
            "tickers": len(self.tickers),
            "as_of": self.meta["last_date"] if self.meta else None,
        }
        with open(os.path.join(out, "planted.json"), "w") as f:
            json.dump(planted, f, indent=1, ensure_ascii=False)
        return planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--prices", help="a folder written by make_prices.py: its tickers back the sector notes")
    args = parser.parse_args()
    meta = None
    if args.prices:
        with open(os.path.join(args.prices, "meta.json")) as f:
            meta = json.load(f)
    gen = Gen(args.notes, args.seed, meta)
    gen.plan()
    planted = gen.write(args.out, args.prices)
    kinds: dict[str, int] = {}
    for b in planted["broken"]:
        kinds[b["kind"]] = kinds.get(b["kind"], 0) + 1
    print(f"make_vault: {planted['notes']} notes, {planted['links']} links, {len(planted['broken'])} broken "
          f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}), {len(planted['orphans'])} orphans, "
          f"{len(planted['ambiguous'])} ambiguous -> {args.out}")


if __name__ == "__main__":
    main()
