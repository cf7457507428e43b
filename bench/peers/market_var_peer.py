#!/usr/bin/python3
"""Reference implementation of FinGuard's market VaR/ES and backtests in numpy/scipy.

Run with Debian's /usr/bin/python3 (python3-numpy, python3-scipy). It is written from the
definitions in docs/risk.md, independently of the C++ code, and the tests compare the two to
1e-9 (relative, with 1e-9 absolute floor):

  history   joins ../shared/data/market/sp500_1950_2018.csv (Close) and fred_usdcny_daily.csv
            (DEXCHUS) into `date,SPX,USDCNY` on the dates both have. FRED writes '.' for days
            without a fixing (US holidays); those rows are skipped, never filled.
  var       historical / parametric / montecarlo VaR and ES of positions over a history.
  backtest  exceptions, Kupiec POF, Christoffersen independence and conditional coverage,
            Basel traffic light.
  rolling   a daily 1-day historical VaR series with the next day's realised P&L
            (inputs for `backtest`).
  bench     times the peer on the benchmark sizes of docs/benchmarks.md.
"""
import argparse
import csv
import json
import math
import sys
import time

import numpy as np
from scipy import special, stats


def read_history(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    factors = [h.strip() for h in header[1:]]
    dates = [r[0] for r in rows[1:]]
    prices = np.array([[float(x) for x in r[1:]] for r in rows[1:]], dtype=np.float64)
    return dates, factors, prices


def read_positions(path, factors):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    exposure = np.zeros(len(factors))
    held = np.zeros(len(factors), dtype=bool)
    for r in rows:
        i = factors.index(r["factor"].strip())
        exposure[i] += float(r["exposure"])
        held[i] = True
    return exposure, held


def returns_of(prices, kind):
    ratio = prices[1:] / prices[:-1]
    return ratio - 1.0 if kind == "simple" else np.log(ratio)


def tail(pnl, alpha, alpha_es, method):
    """VaR and ES (positive losses) of a P&L sample under docs/risk.md's two definitions."""
    pnl = np.sort(pnl)
    n = pnl.size
    if method == "lower":
        k = max(1, math.ceil(n * (1 - alpha) - 1e-9))
        var = -pnl[k - 1]
        k_es = max(1, math.ceil(n * (1 - alpha_es) - 1e-9))
        es = -pnl[:k_es].mean()
    else:
        var = -np.quantile(pnl, 1 - alpha)  # numpy's default: method="linear"
        q = np.quantile(pnl, 1 - alpha_es)
        es = -pnl[pnl <= q].mean()
    return float(var), float(es)


def var_command(a):
    dates, factors, prices = read_history(a.history)
    exposure, held = read_positions(a.positions, factors)
    prices = prices[:, held]
    e = exposure[held]
    n = min(len(dates) - 1, a.window)
    r = returns_of(prices[-(n + 1):], a.returns)
    mu = r.mean(axis=0)
    cov = np.atleast_2d(np.cov(r, rowvar=False))
    mu_p = float(mu @ e)
    sigma_p = float(math.sqrt(e @ cov @ e))
    if a.method == "historical":
        var, es = tail(r @ e, a.confidence, a.es_confidence, a.quantile_method)
    elif a.method == "parametric":
        z = stats.norm.ppf(a.confidence)
        z_es = stats.norm.ppf(a.es_confidence)
        var = -mu_p + sigma_p * z
        es = -mu_p + sigma_p * stats.norm.pdf(z_es) / (1 - a.es_confidence)
    else:
        pnl = monte_carlo_pnl(mu, cov, e, a.paths, a.seed, a.distribution, a.df)
        var, es = tail(pnl, a.confidence, a.es_confidence, a.quantile_method)
    h = math.sqrt(a.horizon)
    out = {"method": a.method, "observations": n, "pnl_mean": mu_p, "pnl_stdev": sigma_p,
           "one_day": {"var": var, "es": es}, "var": var * h, "es": es * h,
           "window_start": dates[len(dates) - n], "window_end": dates[-1]}
    json.dump(out, sys.stdout)
    print()


def monte_carlo_pnl(mu, cov, e, paths, seed, distribution, df):
    """Correlated factor returns mu + L z (L the Cholesky factor); P&L = e·mu + (Lᵀe)·z.

    Uniforms from the legacy MT19937 stream (RandomState(seed).random_sample), row-major
    paths x factors (+1 column for the chi-square draw of Student-t), normals by ndtri."""
    k = e.size
    L = np.linalg.cholesky(cov)
    w = L.T @ e
    rs = np.random.RandomState(seed)
    cols = k + 1 if distribution == "t" else k
    u = rs.random_sample((paths, cols))
    z = special.ndtri(u[:, :k])
    s = z @ w
    if distribution == "t":
        chi2 = 2.0 * special.gammaincinv(df / 2.0, u[:, k])
        s = s * np.sqrt((df - 2.0) / chi2)
    return float(mu @ e) + s


def read_series(path, column):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    return [r["date"] for r in rows], np.array([float(r[column]) for r in rows])


def lr(stat, df):
    stat = max(0.0, float(stat))
    return {"statistic": stat, "degrees_of_freedom": df, "p_value": float(stats.chi2.sf(stat, df))}


def xlogy(x, y):
    return float(special.xlogy(x, y))


def kupiec(n, x, p):
    phat = x / n
    return -2 * ((xlogy(n - x, 1 - p) + xlogy(x, p)) - (xlogy(n - x, 1 - phat) + xlogy(x, phat)))


def backtest_command(a):
    dates, pnl = read_series(a.pnl, "pnl")
    vdates, var = read_series(a.var, "var")
    assert dates == vdates, "pnl and var files need the same dates"
    exc = (-pnl > var)
    n, x, p = exc.size, int(exc.sum()), 1 - a.confidence
    pof = kupiec(n, x, p)
    prev, cur = exc[:-1], exc[1:]
    n00 = int(np.sum(~prev & ~cur)); n01 = int(np.sum(~prev & cur))
    n10 = int(np.sum(prev & ~cur)); n11 = int(np.sum(prev & cur))
    pi0 = n01 / (n00 + n01) if n00 + n01 else 0.0
    pi1 = n11 / (n10 + n11) if n10 + n11 else 0.0
    pi = (n01 + n11) / (n00 + n01 + n10 + n11)
    ind = -2 * ((xlogy(n00 + n10, 1 - pi) + xlogy(n01 + n11, pi))
                - (xlogy(n00, 1 - pi0) + xlogy(n01, pi0) + xlogy(n10, 1 - pi1) + xlogy(n11, pi1)))
    cs = np.cumsum(exc.astype(int))
    rolling = [int(cs[t] - (cs[t - a.window] if t >= a.window else 0)) for t in range(n)]
    light = None
    if abs(a.confidence - 0.99) < 1e-12 and n >= 250:
        last = int(exc[-250:].sum())
        zone = "green" if last <= 4 else "yellow" if last <= 9 else "red"
        light = {"days": 250, "exceptions": last, "zone": zone}
    out = {"observations": n, "exceptions": x, "expected_exceptions": n * p,
           "exception_dates": [d for d, e in zip(dates, exc) if e],
           "kupiec_pof": lr(pof, 1),
           "christoffersen": {"transitions": {"n00": n00, "n01": n01, "n10": n10, "n11": n11},
                              "independence": lr(ind, 1),
                              "conditional_coverage": lr(max(0.0, pof) + max(0.0, ind), 2)},
           "rolling_exceptions": rolling, "traffic_light": light}
    json.dump(out, sys.stdout)
    print()


def history_command(a):
    with open(a.sp500, newline="") as f:
        spx = {r["Date"]: r["Close"] for r in csv.DictReader(f)}
    rows = []
    skipped = 0
    with open(a.usdcny, newline="") as f:
        for r in csv.DictReader(f):
            if r["DEXCHUS"].strip() == ".":
                skipped += 1  # no fixing that day (holiday): skip, never fill
                continue
            d = r["DATE"]
            if d in spx and (a.since is None or d >= a.since):
                rows.append((d, spx[d], r["DEXCHUS"].strip()))
    rows.sort()
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["date", "SPX", "USDCNY"])
    w.writerows(rows)
    print(f"{len(rows)} joint dates, {skipped} FRED rows without a fixing skipped",
          file=sys.stderr)


def rolling_command(a):
    """Daily 1-day historical VaR from the previous `window` returns and that day's P&L."""
    dates, factors, prices = read_history(a.history)
    exposure, held = read_positions(a.positions, factors)
    pnl = returns_of(prices[:, held], a.returns) @ exposure[held]
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["date", "pnl", "var"])
    for t in range(a.window, pnl.size):
        var, _ = tail(pnl[t - a.window:t], a.confidence, 0.975, a.quantile_method)
        w.writerow([dates[t + 1], repr(float(pnl[t])), repr(var)])


def bench_command(a):
    rng = np.random.default_rng(7)
    results = {}
    # Historical VaR + ES: 10,000 positions (one factor each) x 1,000 scenarios.
    r = rng.normal(0, 0.01, size=(1000, 10000))
    e = rng.uniform(-1e6, 1e6, size=10000)
    times = []
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        tail(r @ e, 0.99, 0.975, "lower")
        times.append(time.perf_counter() - t0)
    results["historical_10000x1000_ms"] = 1000 * float(np.median(times))
    # Monte Carlo: 100 factors x 100,000 paths, normal.
    a100 = rng.normal(size=(100, 100))
    cov = (a100 @ a100.T) / 100 * 1e-4 + np.eye(100) * 1e-5
    mu = np.zeros(100)
    e100 = rng.uniform(-1e6, 1e6, size=100)
    times = []
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        tail(monte_carlo_pnl(mu, cov, e100, 100_000, 42, "normal", 5.0), 0.99, 0.975, "lower")
        times.append(time.perf_counter() - t0)
    results["montecarlo_100x100000_ms"] = 1000 * float(np.median(times))
    json.dump(results, sys.stdout)
    print()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser("var")
    v.add_argument("--positions", required=True)
    v.add_argument("--history", required=True)
    v.add_argument("--method", default="historical",
                   choices=["historical", "parametric", "montecarlo"])
    v.add_argument("--confidence", type=float, default=0.99)
    v.add_argument("--es-confidence", type=float, default=0.975)
    v.add_argument("--window", type=int, default=500)
    v.add_argument("--quantile-method", default="lower", choices=["lower", "linear"])
    v.add_argument("--horizon", type=int, default=1)
    v.add_argument("--returns", default="simple", choices=["simple", "log"])
    v.add_argument("--paths", type=int, default=10000)
    v.add_argument("--seed", type=int, default=42)
    v.add_argument("--distribution", default="normal", choices=["normal", "t"])
    v.add_argument("--df", type=float, default=5.0)
    v.set_defaults(run=var_command)
    b = sub.add_parser("backtest")
    b.add_argument("--pnl", required=True)
    b.add_argument("--var", required=True)
    b.add_argument("--confidence", type=float, default=0.99)
    b.add_argument("--window", type=int, default=250)
    b.set_defaults(run=backtest_command)
    h = sub.add_parser("history")
    h.add_argument("--sp500", required=True)
    h.add_argument("--usdcny", required=True)
    h.add_argument("--since", default=None, help="first date to keep, YYYY-MM-DD")
    h.set_defaults(run=history_command)
    ro = sub.add_parser("rolling")
    ro.add_argument("--positions", required=True)
    ro.add_argument("--history", required=True)
    ro.add_argument("--confidence", type=float, default=0.99)
    ro.add_argument("--window", type=int, default=500)
    ro.add_argument("--quantile-method", default="lower", choices=["lower", "linear"])
    ro.add_argument("--returns", default="simple", choices=["simple", "log"])
    ro.set_defaults(run=rolling_command)
    be = sub.add_parser("bench")
    be.add_argument("--repeat", type=int, default=7)
    be.set_defaults(run=bench_command)
    a = p.parse_args()
    a.run(a)


if __name__ == "__main__":
    main()
