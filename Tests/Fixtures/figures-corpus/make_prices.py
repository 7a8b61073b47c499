#!/usr/bin/env python3
"""Writes the synthetic price files the figures corpus reads; deterministic, standard library only.

Three factors (miners, data-centre landlords, bitcoin) give groups whose correlations are far apart, so the
corpus can tell a group figure from a pair figure at two decimals. Stocks trade on business days from
2023-07-03 to 2025-12-31; BTC-USD trades every day. Run from anywhere: python3 make_prices.py
"""
import datetime
import os
import random

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "prices")
rng = random.Random(20251231)

START = datetime.date(2023, 7, 3)
END = datetime.date(2025, 12, 31)
CALENDAR = [START + datetime.timedelta(days=i) for i in range((END - START).days + 1)]
BUSINESS = [d for d in CALENDAR if d.weekday() < 5]

miners = {d: rng.gauss(0.001, 0.03) for d in CALENDAR}
landlords = {d: rng.gauss(0.0003, 0.01) for d in CALENDAR}
bitcoin = {d: rng.gauss(0.001, 0.025) for d in CALENDAR}

# ticker: (days, {factor: loading}, idiosyncratic noise, first price)
TICKERS = {
    "HUT": (BUSINESS, {"m": 1.0, "b": 0.4}, 0.020, 20.0),
    "IREN": (BUSINESS, {"m": 1.1, "b": 0.3}, 0.022, 10.0),
    "WULF": (BUSINESS, {"m": 0.9, "b": 0.2}, 0.030, 5.0),
    "CORZ": (BUSINESS, {"m": 0.6}, 0.035, 12.0),
    "MARA": (BUSINESS, {"m": 0.5, "b": 0.9}, 0.020, 18.0),
    "RIOT": (BUSINESS, {"m": 0.5, "b": 0.8}, 0.025, 11.0),
    "EQIX": (BUSINESS, {"l": 1.0}, 0.008, 800.0),
    "DLR": (BUSINESS, {"l": 1.0}, 0.009, 140.0),
    "AMT": (BUSINESS, {"l": 0.7}, 0.012, 200.0),
    "IBIT": (BUSINESS, {"b": 1.0}, 0.004, 30.0),
    "GBTC": (BUSINESS, {"b": 1.0}, 0.006, 40.0),
    "BTC-USD": (CALENDAR, {"b": 1.0}, 0.002, 30000.0),
    "BRK.B": (BUSINESS, {"l": 0.2}, 0.010, 350.0),
}
FACTORS = {"m": miners, "l": landlords, "b": bitcoin}

for ticker, (days, loadings, noise, price) in TICKERS.items():
    lines = ["Date,Close"]
    for d in days:
        price *= 1 + sum(w * FACTORS[f][d] for f, w in loadings.items()) + rng.gauss(0, noise)
        lines.append(f"{d.isoformat()},{price:.4f}")
    with open(os.path.join(HERE, f"{ticker}.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
