#!/usr/bin/env python3
"""Computes reference.json for the figures corpus with pandas, independently of vaultgen.

The convention is pandas' `prices.pct_change().corr()`: simple returns between consecutive rows of each
ticker's own file (so BTC-USD's weekend days count in its own returns), aligned by date, Pearson over
pairwise-complete dates, a return in the window when its date lies in [since, until]. Every pair of every
window the corpus uses is written, unrounded. Run from anywhere: python3 reference.py
"""
import glob
import itertools
import json
import os

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
WINDOWS = {
    "2024-01": ("2024-01-01", None),
    "all": (None, None),
    "2025": ("2025-01-01", "2025-12-31"),
    "2024-03..2025-06": ("2024-03-01", "2025-06-30"),
    "last-12-months": ("2025-01-01", None),
    "ytd": ("2025-01-01", None),
}

returns = {}
for path in sorted(glob.glob(os.path.join(HERE, "prices", "*.csv"))):
    ticker = os.path.basename(path)[: -len(".csv")]
    frame = pd.read_csv(path)
    series = pd.Series(frame["Close"].values, index=pd.to_datetime(frame["Date"]))
    returns[ticker] = series.pct_change().dropna()

out = {}
for name, (since, until) in WINDOWS.items():
    pairs = {}
    for a, b in itertools.combinations(sorted(returns), 2):
        ra, rb = returns[a], returns[b]
        if since:
            ra, rb = ra[ra.index >= since], rb[rb.index >= since]
        if until:
            ra, rb = ra[ra.index <= until], rb[rb.index <= until]
        joined = pd.concat([ra, rb], axis=1, join="inner")
        pairs[f"{a}|{b}"] = float(joined.iloc[:, 0].corr(joined.iloc[:, 1]))
    out[name] = pairs

with open(os.path.join(HERE, "reference.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
