#!/usr/bin/env python3
"""Computes reference.json for the figures corpus with pandas, independently of vaultgen.

The convention is pandas' `prices.pct_change().corr()`: simple returns between consecutive rows of each
ticker's own file (so BTC-USD's weekend days count in its own returns), aligned by date, Pearson over
pairwise-complete dates, a return in the window when its date lies in [since, until]. Every pair of every
window the corpus uses is written, unrounded.

Rolling averages (`rolling:DAYS/A,B,C`): for each pair, both tickers' returns on the dates both have (inner
join), then `a.rolling(DAYS).corr(b)`; the group's value on a date is the mean of the pairs that have one there.
The latest such mean is written, and (`change:DAYS/A,B,C`) the latest minus the one DAYS dates before it, when
the window holds that many. Run from anywhere: python3 reference.py
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

# (days, group) of every rolling row in cases.md.
ROLLING = [
    (60, ["HUT", "IREN", "WULF"]),
    (60, ["MARA", "RIOT"]),
    (60, ["EQIX", "DLR", "AMT"]),
    (30, ["IBIT", "GBTC", "BTC-USD"]),
    (30, ["HUT", "IREN", "WULF", "CORZ"]),
    (200, ["HUT", "IREN", "WULF"]),
]


def windowed(series, since, until):
    if since:
        series = series[series.index >= since]
    if until:
        series = series[series.index <= until]
    return series


def rolling_average(group, days, since, until):
    columns = {}
    for a, b in itertools.combinations(group, 2):
        joined = pd.concat(
            [windowed(returns[a], since, until), windowed(returns[b], since, until)], axis=1, join="inner")
        columns[f"{a}|{b}"] = joined.iloc[:, 0].rolling(days).corr(joined.iloc[:, 1])
    return pd.concat(columns, axis=1, sort=True).mean(axis=1).dropna()


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
    for days, group in ROLLING:
        average = rolling_average(group, days, since, until)
        key = f"{days}/{','.join(group)}"
        if len(average):
            pairs[f"rolling:{key}"] = float(average.iloc[-1])
        if len(average) > days:
            pairs[f"change:{key}"] = float(average.iloc[-1] - average.iloc[-1 - days])
    out[name] = pairs

with open(os.path.join(HERE, "reference.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
