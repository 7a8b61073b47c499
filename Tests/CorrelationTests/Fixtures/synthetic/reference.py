#!/usr/bin/env python3
"""Computes reference.json from the synthetic price files with pandas, independently of vaultgen.

The convention is pandas' `prices.pct_change().corr()`: returns between consecutive rows of each ticker's
own file, a return belongs to the window when its date lies in [since, until], Pearson (or Spearman) over
pairwise-complete dates, n/a below `min_periods`. Weekly returns use the last close of each ISO week, keyed
by the week's Monday; closes after `until` are dropped first and a week belongs to the window when its last
close lies in it. Run from anywhere: python3 reference.py
"""
import glob
import json
import os

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))


def read_prices(path):
    frame = pd.read_csv(path, na_values=["null"], encoding="utf-8-sig")
    frame.columns = [c.strip().lower() for c in frame.columns]
    column = "adj close" if "adj close" in frame.columns else "close"
    dates = pd.to_datetime(frame["date"].astype(str).str.slice(0, 10), format="%Y-%m-%d")
    series = pd.Series(frame[column].astype(float).values, index=dates).dropna().sort_index()
    assert series.index.is_unique
    return series


def returns(prices, since, until, kind, frequency):
    prices = prices[prices.index <= until] if until is not None else prices
    if frequency == "weekly":
        monday = prices.index - pd.to_timedelta(prices.index.day_of_week, unit="D")
        last_day = pd.Series(prices.index, index=prices.index).groupby(monday).last()
        prices = prices.groupby(monday).last()
    else:
        last_day = pd.Series(prices.index, index=prices.index)
    r = prices.pct_change() if kind == "simple" else np.log(prices / prices.shift())
    if since is not None:
        r = r[last_day >= since]
    return r.dropna()


def figures(corr, tickers):
    pairs = [(a, b, corr.loc[a, b]) for i, a in enumerate(tickers) for b in tickers[i + 1 :]]
    return summarise(pairs) | {
        "meanToOthers": [
            {"ticker": t, "mean": nan_mean([corr.loc[t, o] for o in tickers if o != t])} for t in tickers
        ]
    }


def cross(corr, group_a, group_b):
    return summarise([(a, b, corr.loc[a, b]) for a in group_a for b in group_b])


def summarise(pairs):
    available = [p for p in pairs if not np.isnan(p[2])]
    ranked = sorted(available, key=lambda p: -p[2])
    as_dict = lambda p: {"a": p[0], "b": p[1], "r": float(p[2])}
    return {
        "sortedPairs": [p[0] + "-" + p[1] for p in ranked],
        "average": float(np.mean([p[2] for p in available])) if available else None,
        "excludedPairs": len(pairs) - len(available),
        "highest": as_dict(ranked[0]) if ranked else None,
        "lowest": as_dict(ranked[-1]) if ranked else None,
    }


def nan_mean(values):
    present = [v for v in values if not np.isnan(v)]
    return float(np.mean(present)) if present else None


VARIANTS = [
    {"name": "pearson", "since": "2024-02-01", "until": "2024-07-19", "minOverlap": 60},
    {"name": "pearson-min20", "since": "2024-02-01", "until": "2024-07-19", "minOverlap": 20},
    {"name": "log", "since": "2024-02-01", "until": "2024-07-19", "minOverlap": 20, "returns": "log"},
    {"name": "spearman", "since": "2024-02-01", "until": "2024-07-19", "minOverlap": 20, "method": "spearman"},
    {"name": "weekly", "since": "2024-02-01", "until": "2024-07-17", "minOverlap": 5, "frequency": "weekly"},
    {"name": "intersection", "since": "2024-02-01", "until": "2024-07-19", "minOverlap": 20,
     "alignment": "intersection"},
    {"name": "whole", "since": None, "until": None, "minOverlap": 60},
    {"name": "weekly-log-spearman-intersection", "since": "2024-01-10", "until": None, "minOverlap": 5,
     "frequency": "weekly", "returns": "log", "method": "spearman", "alignment": "intersection"},
]
GROUP_A = ["ALFA", "BRAV", "CHAR"]
GROUP_B = ["DELT", "ECHO", "FOXT", "GOLF"]


def main():
    paths = sorted(glob.glob(os.path.join(HERE, "*.csv")))
    prices = {os.path.basename(p)[:-4]: read_prices(p) for p in paths}
    tickers = sorted(prices)
    out = []
    for variant in VARIANTS:
        options = {"returns": "simple", "method": "pearson", "alignment": "pairwise", "frequency": "daily"}
        options |= variant
        since = pd.Timestamp(options["since"]) if options["since"] else None
        until = pd.Timestamp(options["until"]) if options["until"] else None
        frame = pd.concat(
            {t: returns(prices[t], since, until, options["returns"], options["frequency"]) for t in tickers},
            axis=1, sort=True,
        )
        if options["alignment"] == "intersection":
            frame = frame.dropna()
        corr = frame.corr(method=options["method"], min_periods=options["minOverlap"])
        present = frame.notna().astype(int)
        overlap = present.T @ present
        out.append({
            "options": options,
            "tickers": tickers,
            "pairs": [
                {"a": a, "b": b, "overlap": int(overlap.loc[a, b]),
                 "r": None if np.isnan(corr.loc[a, b]) else float(corr.loc[a, b])}
                for i, a in enumerate(tickers) for b in tickers[i + 1 :]
            ],
            "figures": figures(corr, tickers),
            "cross": {"groupA": GROUP_A, "groupB": GROUP_B} | cross(corr, GROUP_A, GROUP_B),
        })
    with open(os.path.join(HERE, "reference.json"), "w") as f:
        json.dump({"generatedBy": "reference.py, pandas " + pd.__version__, "variants": out}, f, indent=1)
        f.write("\n")


main()
