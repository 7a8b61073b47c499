#!/usr/bin/env python3
"""Write the SYNTHETIC daily closes of the sample vault: Vault/Prices/<TICKER>.csv.

SYNTHETIC DATA: every price this script writes is made up by a random factor model.
None of it is market data; it only has the shape of it (trading days, late listings,
a few missing rows, clusters of correlated returns), so that `vaultgen update Vault`
has something realistic to recompute. Real prices are third-party data and never ship
with the project.

Model, on daily log returns, per ticker i:
    r_i = mu_i + sigma_i * (m_i * M + c_i * C + d_i * D + s_i * e_i)
with independent standard normal draws M (market), C (crypto miners), D (data-centre
REITs) and e_i (idiosyncratic), and s_i chosen so the bracket has unit variance; the
correlation of two tickers is then about m_i*m_j + c_i*c_j + d_i*d_j. A weak pull toward
a per-ticker trend keeps the price paths in a plausible range.

Standard library only and deterministic: `python3 Scripts/sample_prices.py` rewrites
the same files byte for byte.
"""

import datetime as dt
import math
import os
import random

SEED = 20260130
FIRST_DAY = dt.date(2023, 1, 3)
LAST_DAY = dt.date(2026, 1, 30)

# NYSE full-day closures in the range (New Year, MLK, Presidents, Good Friday, Memorial,
# Juneteenth, Independence, Labor, Thanksgiving, Christmas; 2025-01-09 national mourning).
HOLIDAYS = {
    dt.date.fromisoformat(d)
    for d in (
        "2023-01-16 2023-02-20 2023-04-07 2023-05-29 2023-06-19 2023-07-04 2023-09-04 "
        "2023-11-23 2023-12-25 2024-01-01 2024-01-15 2024-02-19 2024-03-29 2024-05-27 "
        "2024-06-19 2024-07-04 2024-09-02 2024-11-28 2024-12-25 2025-01-01 2025-01-09 "
        "2025-01-20 2025-02-17 2025-04-18 2025-05-26 2025-06-19 2025-07-04 2025-09-01 "
        "2025-11-27 2025-12-25 2026-01-01 2026-01-19"
    ).split()
}


class Ticker:
    def __init__(self, symbol, start_price, vol, market, crypto, reit, annual_trend,
                 listed=FIRST_DAY, missing_days=0):
        self.symbol = symbol
        self.start_price = start_price
        self.vol = vol  # daily standard deviation of log returns
        self.loadings = (market, crypto, reit)
        self.idio = math.sqrt(1.0 - sum(x * x for x in self.loadings))
        self.trend = math.log(1.0 + annual_trend) / 252.0  # log drift per trading day
        self.listed = listed
        self.missing_days = missing_days


# Loadings are standardised (share of the unit-variance shock), tuned so that over
# 2024-01-02..2026-01-30 the miners pair at about 0.5-0.72 (HUT-IREN highest, CORZ least
# tied) and miners against REITs at about 0.05-0.25.
TICKERS = [
    # Bitcoin miners pivoting to AI/HPC hosting: ~5%/day.
    Ticker("CORZ", 8.50, 0.050, 0.22, 0.66, 0.00, 0.60, listed=dt.date(2024, 1, 24)),
    Ticker("HUT", 11.00, 0.052, 0.36, 0.75, 0.00, 0.40),
    Ticker("IREN", 6.00, 0.055, 0.34, 0.74, 0.00, 0.80),
    Ticker("WULF", 5.00, 0.056, 0.30, 0.74, 0.00, 0.70, missing_days=5),
    Ticker("CIFR", 5.50, 0.054, 0.30, 0.71, 0.00, 0.50),
    Ticker("BTDR", 6.50, 0.058, 0.26, 0.66, 0.00, 0.30),
    # GPU cloud: some load on the miner factor.
    Ticker("CRWV", 40.00, 0.060, 0.38, 0.40, 0.00, 0.90, listed=dt.date(2025, 3, 28)),
    # Data-centre and tower REITs: ~1.3%/day.
    Ticker("EQIX", 700.00, 0.013, 0.45, 0.00, 0.62, 0.06),
    Ticker("DLR", 105.00, 0.014, 0.45, 0.00, 0.64, 0.12, missing_days=4),
    Ticker("AMT", 210.00, 0.013, 0.35, 0.00, 0.50, 0.00),
    Ticker("IRM", 85.00, 0.013, 0.45, 0.00, 0.45, 0.15),
]

PULL = 0.004  # daily pull of the log price toward its trend line


def trading_days():
    day, days = FIRST_DAY, []
    while day <= LAST_DAY:
        if day.weekday() < 5 and day not in HOLIDAYS:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def simulate(days, rng):
    """Log price paths for every ticker over every trading day (listing is applied later)."""
    log_prices = {t.symbol: [math.log(t.start_price)] for t in TICKERS}
    for step in range(1, len(days)):
        factors = (rng.gauss(0.0, 1.0), rng.gauss(0.0, 1.0), rng.gauss(0.0, 1.0))
        for t in TICKERS:
            shock = sum(l * f for l, f in zip(t.loadings, factors)) + t.idio * rng.gauss(0.0, 1.0)
            path = log_prices[t.symbol]
            trend_line = math.log(t.start_price) + t.trend * step
            drift = t.trend - 0.5 * t.vol * t.vol - PULL * (path[-1] - trend_line)
            path.append(path[-1] + drift + t.vol * shock)
    return log_prices


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("Date,Close\n")
        for day, close in rows:
            f.write(f"{day.isoformat()},{close:.2f}\n")


def main():
    rng = random.Random(SEED)
    days = trading_days()
    log_prices = simulate(days, rng)
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Vault", "Prices")
    os.makedirs(out_dir, exist_ok=True)
    for t in TICKERS:
        first = next(i for i, d in enumerate(days) if d >= t.listed)
        # A listing starts at its own start price: rescale the path from the listing day.
        offset = math.log(t.start_price) - log_prices[t.symbol][first]
        rows = [(days[i], math.exp(log_prices[t.symbol][i] + offset)) for i in range(first, len(days))]
        # A few scattered gaps, never the first or last row.
        for i in sorted(rng.sample(range(1, len(rows) - 1), t.missing_days), reverse=True):
            del rows[i]
        write_csv(os.path.join(out_dir, f"{t.symbol}.csv"), rows)
    with open(os.path.join(out_dir, "SYNTHETIC.txt"), "w", encoding="utf-8") as f:
        f.write("These prices are SYNTHETIC: made by Scripts/sample_prices.py (a seeded random factor model).\n")
        f.write("They are not market data and say nothing about the real companies or their stocks.\n")


if __name__ == "__main__":
    main()
