#!/usr/bin/env python3
"""Reference clusterings for `vaultgen clusters`, computed with scipy and numpy; writes reference.json.

Every case is a correlation matrix R (stored in the JSON, full precision), its tickers and its sectors. For each:
- Z = scipy.cluster.hierarchy.linkage(squareform(1 - R, checks=False), method="average"), scipy's own rows;
- per ticker of a sector: a = mean of 1 - r to the rest of its sector, b = the lowest such mean to another
  sector (the ticker itself not counted), silhouette (b - a) / max(a, b) (0 when both are 0; none without a or b);
- per sector: cohesion (mean r of its pairs), the nearest other sector by mean r and that mean (separation), the
  mean silhouette;
- findings: tickers with b < a, sectors with mean silhouette <= 0, and pairs of sectors the tree does not
  separate (the smallest subtree holding one sector holds a ticker of the other; sectors that share a ticker are
  not compared), found with scipy's to_tree.

Cases: (a) `synthetic`: 14 tickers from a seeded factor model in four sectors, one ticker driven by another
sector's factor and one sector of two unrelated tickers; (b) `ties-*`: matrices with many equal distances,
where scipy's tie order decides the merges; (c) `real`: every ticker of ../shared/data/prices, daily simple
returns of each file's own rows (pct_change), dated 2024-01-02 to 2026-01-30, pairwise-complete Pearson
(DataFrame.corr()), the convention of Scripts/reference/seed_pairs.py. The real case is skipped (and the old one
kept) when ../shared is absent. Run from anywhere: python3 Tests/Fixtures/clusters/reference.py
"""
import json
import os

import numpy as np
import scipy
from scipy.cluster.hierarchy import linkage, to_tree
from scipy.spatial.distance import squareform

HERE = os.path.dirname(os.path.abspath(__file__))
PRICES = os.path.join(HERE, "..", "..", "..", "..", "shared", "data", "prices")
OUT = os.path.join(HERE, "reference.json")


def analyse(name, tickers, R, sectors):
    R = np.asarray(R, dtype=float)
    D = 1 - R
    Z = linkage(squareform(D, checks=False), method="average")
    pos = {t: i for i, t in enumerate(tickers)}
    groups = [[pos[t] for t in s["tickers"] if t in pos] for s in sectors]

    def mean_distance(i, group):
        others = [j for j in group if j != i]
        return float(np.mean(D[i, others])) if others else None

    out_sectors, findings = [], []
    for s_index, (sector, group) in enumerate(zip(sectors, groups)):
        members = []
        for i in group:
            a = mean_distance(i, group)
            best = None
            for t_index, other in enumerate(groups):
                if t_index == s_index:
                    continue
                b = mean_distance(i, other)
                if b is not None and (best is None or b < best[1]):
                    best = (sectors[t_index]["name"], b)
            sil = None
            if a is not None and best is not None:
                scale = max(a, best[1])
                sil = 0.0 if scale == 0 else (best[1] - a) / scale
            members.append({"ticker": tickers[i], "ownDistance": a, "nearestSector": best and best[0],
                            "nearestDistance": best and best[1], "silhouette": sil})
            if a is not None and best is not None and best[1] < a:
                findings.append({"kind": "closer-to-other-sector", "sectors": [sector["name"], best[0]],
                                 "ticker": tickers[i]})
        pairs = [R[i, j] for k, i in enumerate(group) for j in group[k + 1:]]
        nearest = None
        for t_index, other in enumerate(groups):
            if t_index == s_index:
                continue
            cross = [R[i, j] for i in group for j in other if i != j]
            if cross and (nearest is None or np.mean(cross) > nearest[1]):
                nearest = (sectors[t_index]["name"], float(np.mean(cross)))
        sils = [m["silhouette"] for m in members if m["silhouette"] is not None]
        mean_sil = float(np.mean(sils)) if sils else None
        if mean_sil is not None and mean_sil <= 0:
            findings.append({"kind": "weak-sector", "sectors": [sector["name"]], "ticker": None})
        out_sectors.append({"name": sector["name"], "cohesion": float(np.mean(pairs)) if pairs else None,
                            "nearest": nearest and nearest[0], "separation": nearest and nearest[1],
                            "silhouette": mean_sil, "members": members})

    root, nodes = to_tree(Z, rd=True)

    def span(group):
        """The leaves of the smallest subtree holding every leaf of group."""
        best = None
        for node in nodes:
            leaves = set(node.pre_order())
            if set(group) <= leaves and (best is None or len(leaves) < len(best)):
                best = leaves
        return best

    spans = [span(g) if g else set() for g in groups]
    for a in range(len(groups)):
        for b in range(a + 1, len(groups)):
            if not groups[a] or not groups[b] or set(groups[a]) & set(groups[b]):
                continue  # sectors that share a ticker are not compared
            if spans[a] & set(groups[b]) or spans[b] & set(groups[a]):
                findings.append({"kind": "not-distinct", "sectors": [sectors[a]["name"], sectors[b]["name"]],
                                 "ticker": None})
    return {"name": name, "tickers": tickers, "R": R.tolist(), "sectorInput": sectors,
            "Z": Z.tolist(), "sectors": out_sectors, "findings": findings}


def synthetic():
    rng = np.random.default_rng(17)
    days = 250
    market = rng.normal(size=days)
    factors = {k: rng.normal(size=days) for k in "ABC"}
    columns, names = [], []

    def add(name, factor, weight=1.0):
        names.append(name)
        f = factors[factor] if factor else 0
        columns.append(0.3 * market + weight * f + rng.normal(size=days))

    for i in range(1, 5):
        add(f"A{i}", "A")
    add("A5", "B")  # labelled Alpha, moves with Bravo
    for i in range(1, 5):
        add(f"B{i}", "B")
    for i in range(1, 4):
        add(f"C{i}", "C", 1.5)
    add("D1", None)
    add("D2", None)
    R = np.corrcoef(np.array(columns))
    sectors = [
        {"name": "Alpha", "tickers": ["A1", "A2", "A3", "A4", "A5"]},
        {"name": "Bravo", "tickers": ["B1", "B2", "B3", "B4"]},
        {"name": "Charlie", "tickers": ["C1", "C2", "C3"]},
        {"name": "Delta", "tickers": ["D1", "D2"]},
    ]
    return analyse("synthetic", names, R, sectors)


def ties():
    cases = []
    names = [f"T{i}" for i in range(6)]
    cases.append(analyse("ties-all-equal", names, np.where(np.eye(6) == 1, 1.0, 0.5), []))
    blocks = [f"{b}{i}" for b in "XYZ" for i in range(3)]
    R = np.array([[1.0 if i == j else 0.75 if i // 3 == j // 3 else 0.25 for j in range(9)] for i in range(9)])
    sectors = [{"name": s, "tickers": [f"{s}{i}" for i in range(3)]} for s in "XYZ"]
    cases.append(analyse("ties-blocks", blocks, R, sectors))
    line = [f"L{i}" for i in range(7)]
    R = np.array([[1 - abs(i - j) / 8 for j in range(7)] for i in range(7)])
    cases.append(analyse("ties-line", line, R, [{"name": "Low", "tickers": ["L0", "L1", "L2"]},
                                                 {"name": "High", "tickers": ["L3", "L4", "L5", "L6"]}]))
    # Equal heights reached in different orders: two pairs at 0.5, then their clusters and a third pair.
    R = np.array([[1, .5, .25, .25, .25, .25], [.5, 1, .25, .25, .25, .25], [.25, .25, 1, .5, .25, .25],
                  [.25, .25, .5, 1, .25, .25], [.25, .25, .25, .25, 1, .5], [.25, .25, .25, .25, .5, 1]])
    cases.append(analyse("ties-pairs", [f"P{i}" for i in range(6)], R, []))
    # 40 tickers whose r are multiples of 1/8: hundreds of equal distances and equal averages.
    rng = np.random.default_rng(8)
    upper = np.triu(rng.integers(0, 9, size=(40, 40)) / 8, 1)
    R = upper + upper.T + np.eye(40)
    names = [f"Q{i:02}" for i in range(40)]
    sectors = [{"name": f"S{k}", "tickers": names[k * 10:(k + 1) * 10]} for k in range(4)]
    cases.append(analyse("ties-random", names, R, sectors))
    return cases


def real():
    import pandas as pd
    if not os.path.exists(os.path.join(PRICES, "HUT.csv")):
        return None
    tickers = sorted(f[:-4] for f in os.listdir(PRICES) if f.endswith(".csv"))

    def returns(ticker):
        prices = pd.read_csv(os.path.join(PRICES, ticker + ".csv"), index_col="Date", parse_dates=True)["Close"]
        r = prices.sort_index().pct_change().dropna()
        return r[(r.index >= "2024-01-02") & (r.index <= "2026-01-30")]

    frame = pd.concat({t: returns(t) for t in tickers}, axis=1, sort=True)
    R = frame.corr().loc[tickers, tickers].to_numpy()
    sectors = [
        {"name": "Crypto-to-AI", "tickers": ["CORZ", "HUT", "IREN", "WULF"]},
        {"name": "DC REITs", "tickers": ["EQIX", "DLR", "AMT", "IRM"]},
        {"name": "Miners", "tickers": ["CIFR", "BTDR", "CLSK", "MARA", "RIOT"]},
        {"name": "Bitcoin", "tickers": ["BTC-USD", "IBIT", "GBTC"]},
        {"name": "Market", "tickers": ["SPY", "QQQ"]},
    ]
    case = analyse("real", tickers, R, sectors)
    case.update({"since": "2024-01-02", "until": "2026-01-30", "pandas": pd.__version__})
    return case


cases = [synthetic()] + ties()
real_case = real()
if real_case is None and os.path.exists(OUT):
    real_case = next((c for c in json.load(open(OUT))["cases"] if c["name"] == "real"), None)
if real_case is not None:
    cases.append(real_case)
with open(OUT, "w") as f:
    json.dump({"generatedBy": "Tests/Fixtures/clusters/reference.py, scipy " + scipy.__version__
               + ", numpy " + np.__version__, "cases": cases}, f, indent=1)
    f.write("\n")
for case in cases:
    print(case["name"], len(case["tickers"]), "tickers;", [f["kind"] + " " + "/".join(f["sectors"])
                                                          + (" " + f["ticker"] if f["ticker"] else "")
                                                          for f in case["findings"]])
