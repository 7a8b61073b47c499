#!/usr/bin/env python3
"""Computes the seed note's six miner pairs from ../shared/data/prices with pandas; writes seed_pairs.json.

Convention: daily simple returns of each ticker's own rows (`pct_change`), returns dated 2024-01-02 to
2026-01-30, Pearson over pairwise-complete dates (`DataFrame.corr()`). The Swift tests assert vaultgen agrees
to 1e-9. Run from anywhere: python3 Scripts/reference/seed_pairs.py
"""
import json
import os

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
PRICES = os.path.join(HERE, "..", "..", "..", "shared", "data", "prices")
TICKERS = ["CORZ", "HUT", "IREN", "WULF"]
SINCE, UNTIL = "2024-01-02", "2026-01-30"


def returns(ticker):
    prices = pd.read_csv(os.path.join(PRICES, ticker + ".csv"), index_col="Date", parse_dates=True)["Close"]
    r = prices.sort_index().pct_change().dropna()
    return r[(r.index >= SINCE) & (r.index <= UNTIL)]


frame = pd.concat({t: returns(t) for t in TICKERS}, axis=1, sort=True)
corr = frame.corr()
present = frame.notna().astype(int)
overlap = present.T @ present
pairs = [
    {"a": a, "b": b, "r": float(corr.loc[a, b]), "overlap": int(overlap.loc[a, b])}
    for i, a in enumerate(TICKERS) for b in TICKERS[i + 1 :]
]
result = {
    "generatedBy": "Scripts/reference/seed_pairs.py, pandas " + pd.__version__,
    "since": SINCE,
    "until": UNTIL,
    "pairs": sorted(pairs, key=lambda p: -p["r"]),
    "average": float(np.mean([p["r"] for p in pairs])),
}
with open(os.path.join(HERE, "seed_pairs.json"), "w") as f:
    json.dump(result, f, indent=1)
    f.write("\n")
