#!/usr/bin/env python3
"""Deterministic synthetic daily prices for `make bench`: one `Date,Close` CSV per ticker.

Returns come from a factor model: r = beta_m * market + beta_s * sector + noise, so tickers of one factor
sector move together (the vault generator builds its sector notes from these groups). Some tickers list late
(their file starts later), some have gaps (missing rows). Nothing here is market data.

    make_prices.py --tickers 500 --days 750 --out .build/bench/prices-500 --seed 1

Writes DIR/T0001.csv … and DIR/meta.json (tickers, factor sector of each, first and last date, late listings,
rows dropped).
"""
import argparse
import datetime as dt
import json
import os
import random


def trading_days(start: dt.date, count: int) -> list[str]:
    days = []
    day = start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day.isoformat())
        day += dt.timedelta(days=1)
    return days


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickers", type=int, required=True)
    parser.add_argument("--days", type=int, default=750)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", default="2023-01-02")
    args = parser.parse_args()

    # The standard library only (random.Random is the same on every machine), so CI needs no numpy.
    rng = random.Random(args.seed)
    n, days = args.tickers, args.days
    dates = trading_days(dt.date.fromisoformat(args.start), days)
    tickers = [f"T{i:04d}" for i in range(1, n + 1)]
    n_sectors = max(4, n // 25)
    sector = [rng.randrange(n_sectors) for _ in range(n)]
    market = [rng.gauss(0.0004, 0.011) for _ in range(days)]
    factors = [[rng.gauss(0.0, 0.012) for _ in range(days)] for _ in range(n_sectors)]

    # Late listings: about 8% of tickers start between day 50 and day 600 (enough overlap with any window
    # that starts in 2024 for every pair to have at least 60 common returns). Gaps: about 30% of tickers miss
    # 0.5-2% of their rows (never their first or last row).
    prices = []
    first_day = []
    gap_rate = []
    for i in range(n):
        beta_m, beta_s = rng.uniform(0.6, 1.6), rng.uniform(0.4, 1.4)
        noise = rng.uniform(0.008, 0.03)
        price = rng.uniform(20.0, 300.0)
        f = factors[sector[i]]
        row = []
        for d in range(days):
            price *= 1.0 + beta_m * market[d] + beta_s * f[d] + rng.gauss(0.0, noise)
            price = max(price, 0.05)
            row.append(price)
        prices.append(row)
        first_day.append(rng.randrange(50, min(600, days - 100)) if rng.random() < 0.08 else 0)
        gap_rate.append(rng.uniform(0.005, 0.02) if rng.random() < 0.30 else 0.0)

    os.makedirs(args.out, exist_ok=True)
    meta = {"tickers": tickers, "sectors": n_sectors, "sector": {}, "first_date": dates[0],
            "last_date": dates[-1], "days": days, "late": {}, "gaps": {}, "seed": args.seed}
    for i, ticker in enumerate(tickers):
        meta["sector"][ticker] = sector[i]
        rows = []
        dropped = 0
        for d in range(first_day[i], days):
            if gap_rate[i] and first_day[i] < d < days - 1 and rng.random() < gap_rate[i]:
                dropped += 1
                continue
            rows.append(f"{dates[d]},{prices[i][d]:.2f}\n")
        if first_day[i] > 0:
            meta["late"][ticker] = dates[first_day[i]]
        if dropped:
            meta["gaps"][ticker] = dropped
        with open(os.path.join(args.out, f"{ticker}.csv"), "w", newline="") as f:
            f.write("Date,Close\n")
            f.writelines(rows)
    with open(os.path.join(args.out, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1, sort_keys=True)
    print(f"make_prices: {n} tickers x {days} days ({dates[0]} to {dates[-1]}), "
          f"{len(meta['late'])} late listings, {len(meta['gaps'])} with gaps -> {args.out}")


if __name__ == "__main__":
    main()
