#!/usr/bin/env python3
"""The Python peers `run.py` times as whole processes; each prints one JSON line with what it measured inside.

    peers.py corr-numpy DIR       load every DIR/*.csv, then numpy: returns and np.corrcoef
    peers.py corr-pandas DIR      load every DIR/*.csv into one DataFrame, then prices.pct_change().corr()
    peers.py corr-reference DIR OUT.json T1 T2 ...
                                  vaultgen's documented convention in plain numpy (returns between a file's
                                  consecutive rows, Pearson over the dates both tickers have), for checking
    peers.py corr-reference-since DIR OUT.json SINCE UNTIL T1 T2 ...
                                  the same within a window: returns dated in [SINCE, UNTIL]
    peers.py rolling-pandas DIR OUT.json WINDOW T1 T2 ...
                                  pandas' rolling(WINDOW).corr() of every pair on its common dates (each file's own
                                  returns), averaged over the pairs that have a value on each date
    peers.py obsidiantools VAULT OUT.json
                                  obsidiantools' broken links (nonexistent notes) and orphans (no backlinks)

`compute_s` is the math after loading, timed in-process; `load_s` is reading the CSVs.
"""
import csv
import glob
import json
import os
import sys
import time


def tickers_in(folder: str) -> list[str]:
    return sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(folder, "*.csv")))


def read_rows(path: str) -> list[tuple[str, float]]:
    with open(path, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        return [(row[0], float(row[1])) for row in reader]


def corr_numpy(folder: str) -> dict:
    import numpy as np

    t0 = time.perf_counter()
    tickers = tickers_in(folder)
    series = [read_rows(os.path.join(folder, f"{t}.csv")) for t in tickers]
    dates = sorted({d for s in series for d, _ in s})
    where = {d: i for i, d in enumerate(dates)}
    prices = np.full((len(dates), len(tickers)), np.nan)
    for j, s in enumerate(series):
        for d, p in s:
            prices[where[d], j] = p
    t1 = time.perf_counter()
    # corrcoef needs full rows: carry the last close over a gap (a 0 return), and the first close back
    # before a late listing (0 returns). This is the usual way to feed corrcoef; it is not pairwise-complete.
    filled = prices.copy()
    mask = np.isnan(filled)
    idx = np.where(~mask, np.arange(len(dates))[:, None], 0)
    np.maximum.accumulate(idx, axis=0, out=idx)
    filled = filled[idx, np.arange(len(tickers))[None, :]]
    first = np.argmax(~np.isnan(filled), axis=0)
    for j in range(len(tickers)):
        filled[: first[j], j] = filled[first[j], j]
    returns = filled[1:] / filled[:-1] - 1.0
    matrix = np.corrcoef(returns, rowvar=False)
    t2 = time.perf_counter()
    return {"tool": "numpy", "tickers": len(tickers), "days": len(dates), "load_s": t1 - t0,
            "compute_s": t2 - t1, "checksum": float(np.nansum(matrix))}


def corr_pandas(folder: str) -> dict:
    import pandas as pd

    t0 = time.perf_counter()
    tickers = tickers_in(folder)
    frames = [pd.read_csv(os.path.join(folder, f"{t}.csv"), index_col="Date")["Close"].rename(t) for t in tickers]
    prices = pd.concat(frames, axis=1).sort_index()
    t1 = time.perf_counter()
    try:
        returns = prices.pct_change(fill_method=None)
    except TypeError:  # pandas without the argument (it never fills there)
        returns = prices.pct_change()
    matrix = returns.corr()
    t2 = time.perf_counter()
    return {"tool": "pandas", "version": pd.__version__, "tickers": len(tickers), "days": len(prices),
            "load_s": t1 - t0, "compute_s": t2 - t1, "checksum": float(matrix.sum().sum())}


def corr_reference(folder: str, out: str, tickers: list[str], since: str = "", until: str = "9999") -> dict:
    import numpy as np

    returns = {}
    for t in tickers:
        rows = [r for r in read_rows(os.path.join(folder, f"{t}.csv")) if r[0] <= until]
        returns[t] = {rows[i][0]: rows[i][1] / rows[i - 1][1] - 1.0 for i in range(1, len(rows)) if rows[i][0] >= since}
    pairs = {}
    for i, a in enumerate(tickers):
        for b in tickers[i + 1:]:
            common = sorted(set(returns[a]) & set(returns[b]))
            x = np.array([returns[a][d] for d in common])
            y = np.array([returns[b][d] for d in common])
            pairs[f"{a},{b}"] = float(np.corrcoef(x, y)[0, 1]) if len(common) >= 60 else None
    with open(out, "w") as f:
        json.dump(pairs, f)
    return {"tool": "reference", "pairs": len(pairs)}


def clusters_scipy(folder: str, out: str) -> dict:
    """pandas' pairwise matrix in vaultgen's convention (each file's own returns, then aligned by date; minimum
    60 common days), then scipy's average linkage on 1 - R."""
    import numpy as np
    import pandas as pd
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    t0 = time.perf_counter()
    tickers = tickers_in(folder)
    frames = [pd.read_csv(os.path.join(folder, f"{t}.csv"), index_col="Date")["Close"].rename(t) for t in tickers]
    t1 = time.perf_counter()
    returns = pd.concat([f.sort_index().pct_change().dropna() for f in frames], axis=1).sort_index()
    matrix = returns.corr(min_periods=60).to_numpy()
    t2 = time.perf_counter()
    z = linkage(squareform(1 - matrix, checks=False), method="average")
    t3 = time.perf_counter()
    with open(out, "w") as f:
        json.dump({"tickers": tickers, "Z": z.tolist()}, f)
    return {"tool": "scipy", "tickers": len(tickers), "load_s": t1 - t0, "corr_s": t2 - t1, "compute_s": t3 - t2,
            "finite": bool(np.isfinite(matrix).all())}


def rolling_pandas(folder: str, out: str, window: int, tickers: list[str]) -> dict:
    """vaultgen's rolling convention in pandas: for each pair, the two files' own returns inner-joined on their
    dates, then a.rolling(window).corr(b); the mean across pairs of those with a value on each date."""
    import pandas as pd

    t0 = time.perf_counter()
    returns = {t: pd.read_csv(os.path.join(folder, f"{t}.csv"), index_col="Date", parse_dates=True)["Close"]
               .sort_index().pct_change().dropna() for t in tickers}
    t1 = time.perf_counter()
    columns = {}
    for i, a in enumerate(tickers):
        for b in tickers[i + 1:]:
            both = pd.concat([returns[a], returns[b]], axis=1, join="inner", keys=["a", "b"])
            columns[f"{a}|{b}"] = both["a"].rolling(window).corr(both["b"])
    frame = pd.concat(columns, axis=1, sort=True)
    average = frame.mean(axis=1).dropna()
    t2 = time.perf_counter()
    with open(out, "w") as f:
        json.dump({"days": [d.strftime("%Y-%m-%d") for d in average.index], "values": average.tolist()}, f)
    return {"tool": "pandas", "version": pd.__version__, "pairs": len(columns), "load_s": t1 - t0,
            "compute_s": t2 - t1}


def obsidiantools_run(vault: str, out: str) -> dict:
    from pathlib import Path

    import obsidiantools.api as otools

    t0 = time.perf_counter()
    v = otools.Vault(Path(vault)).connect()
    broken = sorted(v.nonexistent_notes)
    orphans = sorted(n for n in v.md_file_index if not v.backlinks_index.get(n))
    t1 = time.perf_counter()
    with open(out, "w") as f:
        json.dump({"broken": broken, "orphans": orphans,
                   "paths": {n: str(p) for n, p in v.md_file_index.items()}}, f, ensure_ascii=False)
    return {"tool": "obsidiantools", "broken": len(broken), "orphans": len(orphans), "compute_s": t1 - t0}


def main() -> None:
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "corr-numpy":
        result = corr_numpy(args[0])
    elif mode == "corr-pandas":
        result = corr_pandas(args[0])
    elif mode == "corr-reference":
        result = corr_reference(args[0], args[1], args[2:])
    elif mode == "corr-reference-since":
        result = corr_reference(args[0], args[1], args[4:], since=args[2], until=args[3])
    elif mode == "clusters-scipy":
        result = clusters_scipy(args[0], args[1])
    elif mode == "rolling-pandas":
        result = rolling_pandas(args[0], args[1], int(args[2]), args[3:])
    elif mode == "obsidiantools":
        result = obsidiantools_run(args[0], args[1])
    else:
        sys.exit(f"peers.py: unknown mode {mode}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
