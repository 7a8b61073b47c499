#!/usr/bin/env python3
"""Writes the synthetic price files the correlation tests read; deterministic, standard library only.

Seven tickers over ~150 business days from 2024-01-01, each exercising one thing the reader or the engine
must handle:
  ALFA  Date,Close, every business day
  BRAV  Date,Close, a dozen missing days and flat stretches (tied returns for Spearman)
  CHAR  Date,Close, lists late (~50 rows), so pairs with it fall under a 60-day minimum
  DELT  Date,Close, rows shuffled, CRLF line ends, a UTF-8 BOM and blank trailing lines
  ECHO  Yahoo Date,Open,High,Low,Close,Adj Close,Volume with a null row and timestamps after the date
  FOXT  Stooq Date,Open,High,Low,Close,Volume, a few missing days
  GOLF  Stooq format, seven days a week (like BTC-USD), so no stock shares its dates
Run from anywhere: python3 make_fixture.py
"""
import datetime
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20240101)

START = datetime.date(2024, 1, 1)
CALENDAR = [START + datetime.timedelta(days=i) for i in range(215)]
BUSINESS = [d for d in CALENDAR if d.weekday() < 5][:150]

market = {d: rng.gauss(0.0005, 0.02) for d in CALENDAR}


def walk(days, beta, noise, start_price):
    """A price path whose daily return is beta x market + idiosyncratic noise."""
    prices, price = [], start_price
    for d in days:
        price *= 1 + beta * market[d] + rng.gauss(0, noise)
        prices.append(round(price, 4))
    return prices


def write(name, lines, newline="\n", bom=False, trailing=""):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        f.write(("\ufeff" if bom else "") + newline.join(lines) + newline + trailing)


def date_close(days, prices):
    return ["Date,Close"] + [f"{d.isoformat()},{p}" for d, p in zip(days, prices)]


# ALFA: clean.
write("ALFA.csv", date_close(BUSINESS, walk(BUSINESS, 1.0, 0.01, 50.0)))

# BRAV: gaps and flat stretches.
brav_days = [d for i, d in enumerate(BUSINESS) if i % 13 != 5]
brav = walk(brav_days, 1.3, 0.015, 20.0)
for i in range(len(brav)):
    if i % 17 in (3, 4):
        brav[i] = brav[i - 1]
write("BRAV.csv", date_close(brav_days, brav))

# CHAR: late listing.
char_days = BUSINESS[100:]
write("CHAR.csv", date_close(char_days, walk(char_days, 0.8, 0.02, 10.0)))

# DELT: unsorted, CRLF, BOM, blank trailing lines.
delt_rows = date_close(BUSINESS, walk(BUSINESS, -0.4, 0.012, 80.0))[1:]
rng.shuffle(delt_rows)
write("DELT.csv", ["Date,Close"] + delt_rows, newline="\r\n", bom=True, trailing="\r\n\r\n")

# ECHO: Yahoo, Adj Close differs from Close by a dividend factor before day 60, one null row.
echo_close = walk(BUSINESS, 0.9, 0.01, 30.0)
echo_lines = ["Date,Open,High,Low,Close,Adj Close,Volume"]
for i, (d, close) in enumerate(zip(BUSINESS, echo_close)):
    if i == 40:
        echo_lines.append(f"{d.isoformat()} 00:00:00,null,null,null,null,null,null")
        continue
    adj = round(close * (0.98 if i < 60 else 1.0), 4)
    echo_lines.append(
        f"{d.isoformat()} 00:00:00,{close},{round(close * 1.01, 4)},{round(close * 0.99, 4)},{close},{adj},"
        f"{1000 + i}"
    )
write("ECHO.csv", echo_lines)

# FOXT: Stooq, a few missing days.
foxt_days = [d for i, d in enumerate(BUSINESS) if i not in (10, 11, 77, 120)]
foxt_close = walk(foxt_days, 1.1, 0.01, 12.0)
write(
    "FOXT.csv",
    ["Date,Open,High,Low,Close,Volume"]
    + [f"{d.isoformat()},{c},{c},{c},{c},{5000 + i}" for i, (d, c) in enumerate(zip(foxt_days, foxt_close))],
)

# GOLF: Stooq, seven days a week.
golf_days = CALENDAR[:210]
golf_close = walk(golf_days, 1.5, 0.02, 40000.0)
write(
    "GOLF.csv",
    ["Date,Open,High,Low,Close,Volume"]
    + [f"{d.isoformat()},{c},{c},{c},{c},{9000 + i}" for i, (d, c) in enumerate(zip(golf_days, golf_close))],
)
