#!/usr/bin/env python3
"""Independent reference for the update-seed fixture: the figures the refreshed seed note must show.

Reads the sample vault's synthetic prices (Vault/Prices) with pandas and computes what vaultgen's
convention says: daily simple returns per ticker, returns dated 2024-01-01..2026-01-30, Pearson over
pairwise-complete dates (pandas' DataFrame.corr). Writes reference.json beside this script.
"""
import json
import pathlib

import pandas as pd

HERE = pathlib.Path(__file__).resolve().parent
PRICES = HERE.parents[2] / "Vault" / "Prices"
GROUP = ["CORZ", "HUT", "IREN", "WULF"]   # the seed's actors table, in order
PEERS = ["EQIX", "DLR", "AMT", "IRM"]     # the DC REITs note's actors table, in order


def returns(ticker):
    s = pd.read_csv(PRICES / f"{ticker}.csv", parse_dates=["Date"]).set_index("Date")["Close"].sort_index()
    r = s.pct_change().dropna()
    return r[(r.index >= "2024-01-01") & (r.index <= "2026-01-30")]


frame = pd.DataFrame({t: returns(t) for t in GROUP + PEERS})
corr = frame.corr()
pairs = [(a, b, corr.loc[a, b]) for i, a in enumerate(GROUP) for b in GROUP[i + 1:]]
pairs.sort(key=lambda p: -p[2])
cross = [corr.loc[a, b] for a in GROUP for b in PEERS]
out = {
    "pairs": [[a, b, r] for a, b, r in pairs],
    "average": sum(p[2] for p in pairs) / len(pairs),
    "lowest": [pairs[-1][0], pairs[-1][1], pairs[-1][2]],
    "highest": [pairs[0][0], pairs[0][1], pairs[0][2]],
    "cross_low": min(cross),
    "cross_high": max(cross),
    "EQIX-CORZ": corr.loc["EQIX", "CORZ"],
}
(HERE / "reference.json").write_text(json.dumps(out, indent=2) + "\n")
print(json.dumps(out, indent=2))
