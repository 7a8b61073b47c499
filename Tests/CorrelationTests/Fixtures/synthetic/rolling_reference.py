#!/usr/bin/env python3
"""Computes rolling.json (rolling average correlation) from the synthetic price files with pandas.

Independently of vaultgen. The convention, the same as every other figure's: returns between consecutive rows of
each ticker's own file (simple or log), a return in the window when its date lies in [since, until]. For each
pair, the two tickers' returns on the dates both have (an inner join), then pandas'
`a.rolling(window).corr(b)` on those common dates (a value from the window-th common date on). The group's value
on a date is the mean of the pairs that have a value on it (`mean(axis=1)` skips the others); dates where no pair
has one are dropped. Run from anywhere: python3 rolling_reference.py
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
    return pd.Series(frame[column].astype(float).values, index=dates).dropna().sort_index()


def returns(prices, since, until, kind):
    prices = prices[prices.index <= until] if until is not None else prices
    r = prices.pct_change() if kind == "simple" else np.log(prices / prices.shift())
    if since is not None:
        r = r[r.index >= since]
    return r.dropna()


def rolling_average(r, pairs, window):
    columns = {}
    for a, b in pairs:
        both = pd.concat([r[a], r[b]], axis=1, join="inner", keys=["a", "b"])
        columns[f"{a}|{b}"] = both["a"].rolling(window).corr(both["b"])
    frame = pd.concat(columns, axis=1, sort=True)
    average = frame.mean(axis=1)
    counts = frame.notna().sum(axis=1)
    keep = average.notna()
    return average[keep], counts[keep]


ALL = ["ALFA", "BRAV", "CHAR", "DELT", "ECHO", "FOXT", "GOLF"]
STOCKS = ["ALFA", "BRAV", "ECHO", "FOXT"]
GROUP_A = ["ALFA", "BRAV", "CHAR"]
GROUP_B = ["DELT", "ECHO", "FOXT", "GOLF"]
VARIANTS = [
    {"name": "all-60", "tickers": ALL, "window": 60},
    {"name": "all-20", "tickers": ALL, "window": 20},
    {"name": "stocks-60-window", "tickers": STOCKS, "window": 60, "since": "2024-02-01", "until": "2024-07-19"},
    {"name": "log-30", "tickers": ALL, "window": 30, "returns": "log"},
    {"name": "cross-20", "groupA": GROUP_A, "groupB": GROUP_B, "window": 20},
    {"name": "cross-60", "groupA": GROUP_A + ["ECHO"], "groupB": GROUP_B, "window": 60},
]


def main():
    prices = {os.path.basename(p)[:-4]: read_prices(p) for p in sorted(glob.glob(os.path.join(HERE, "*.csv")))}
    out = []
    for variant in VARIANTS:
        options = {"returns": "simple", "since": None, "until": None} | variant
        since = pd.Timestamp(options["since"]) if options["since"] else None
        until = pd.Timestamp(options["until"]) if options["until"] else None
        r = {t: returns(p, since, until, options["returns"]) for t, p in prices.items()}
        if "tickers" in options:
            group = options["tickers"]
            pairs = [(a, b) for i, a in enumerate(group) for b in group[i + 1 :]]
        else:
            pairs, taken = [], set()
            for a in options["groupA"]:
                for b in options["groupB"]:
                    if a != b and frozenset((a, b)) not in taken:
                        taken.add(frozenset((a, b)))
                        pairs.append((a, b))
        average, counts = rolling_average(r, pairs, options["window"])
        out.append(options | {
            "days": [d.strftime("%Y-%m-%d") for d in average.index],
            "values": [float(v) for v in average.values],
            "pairCounts": [int(c) for c in counts.values],
        })
    with open(os.path.join(HERE, "rolling.json"), "w") as f:
        json.dump({"generatedBy": "rolling_reference.py, pandas " + pd.__version__, "variants": out}, f, indent=1)
        f.write("\n")


main()
