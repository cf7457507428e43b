#!/usr/bin/python3
"""Reference peer for FinGuard's credit figures, written independently with scipy/numpy.

Run with Debian's interpreter (/usr/bin/python3: numpy and scipy load only there).
  credit_peer.py irb --pd 0.01 --lgd 0.45 --maturity 2.5 [--asset-class corporate] [--sales-m S]
  credit_peer.py ecl --exposures F.csv         (same columns as `finguard risk ecl`)
  credit_peer.py portfolio --exposures F.csv [--correlation 0.12] [--paths N] [--seed S]
  credit_peer.py vasicek --pd 0.01 --lgd 0.45 --correlation 0.12 [--confidence 0.999]
Prints one JSON document. Amounts are in major units as floats (the peer is a reference for the
formulas, not for money rounding).
"""
import argparse
import csv
import json
import math
import time

import numpy as np
from scipy.stats import norm

RETAIL = {"mortgage", "revolving", "other_retail"}


def irb(pd, lgd, maturity, asset_class="corporate", sales_m=None):
    if asset_class == "mortgage":
        r = 0.15
    elif asset_class == "revolving":
        r = 0.04
    elif asset_class == "other_retail":
        g = (1 - math.exp(-35 * pd)) / (1 - math.exp(-35))
        r = 0.03 * g + 0.16 * (1 - g)
    else:
        f = (1 - math.exp(-50 * pd)) / (1 - math.exp(-50))
        r = 0.12 * f + 0.24 * (1 - f)
        if asset_class == "sme":
            s = min(max(sales_m, 5.0), 50.0)
            r -= 0.04 * (1 - (s - 5) / 45)
    k = lgd * norm.cdf((norm.ppf(pd) + math.sqrt(r) * norm.ppf(0.999)) / math.sqrt(1 - r)) - pd * lgd
    b = 0.0
    if asset_class not in RETAIL:
        b = (0.11852 - 0.05478 * math.log(pd)) ** 2
        k = k * (1 + (maturity - 2.5) * b) / (1 - 1.5 * b)
    return {"correlation": r, "maturity_adjustment": b, "capital_requirement": k,
            "risk_weight": 12.5 * k}


def discounted_pd(hazards, horizon, eir):
    survival, pv, year = 1.0, 0.0, 1
    while year - 1 < horizon:
        h = hazards[min(year - 1, len(hazards) - 1)]
        end = min(year, horizon)
        nxt = survival * (1 - h) ** (end - (year - 1))
        pv += (survival - nxt) * (1 + eir) ** (-end)
        survival, year = nxt, year + 1
    return pv


def ecl(path, multiple=3.0):
    items = []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            ead, pd, lgd = float(row["ead"]), float(row["pd_12m"]), float(row["lgd"])
            dpd, eir, years = int(row["days_past_due"]), float(row["eir"]), float(row["remaining_years"])
            orig = row.get("origination_pd") or None
            if dpd >= 90:
                stage = 3
            elif dpd >= 30 or (orig is not None and pd > multiple * float(orig)):
                stage = 2
            else:
                stage = 1
            curve = [float(c) for c in (row.get("cumulative_pd") or "").split(";") if c]
            hazards, prev = [pd], 0.0
            if curve:
                hazards = []
                for c in curve:
                    hazards.append(1.0 if prev >= 1 else (c - prev) / (1 - prev))
                    prev = c
            if stage == 3:
                e12 = elt = lgd * ead
            else:
                e12 = lgd * ead * discounted_pd(hazards, min(1.0, years), eir)
                elt = lgd * ead * discounted_pd(hazards, years, eir)
            items.append({"id": row["id"], "stage": stage, "ecl_12m": e12, "ecl_lifetime": elt,
                          "ecl": e12 if stage == 1 else elt})
    return {"items": items, "total_ecl": sum(i["ecl"] for i in items)}


def portfolio(path, correlation=0.12, paths=100000, seed=42, confidence=0.999, chunk=2000):
    ead, pd, lgd, rho = [], [], [], []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            ead.append(float(row["ead"]))
            pd.append(float(row.get("pd") or row["pd_12m"]))
            lgd.append(float(row["lgd"]))
            rho.append(float(row["correlation"]) if row.get("correlation") else correlation)
    ead, pd, lgd, rho = map(np.array, (ead, pd, lgd, rho))
    rng = np.random.default_rng(seed)
    threshold, a, s, exposure_loss = norm.ppf(pd), np.sqrt(rho), np.sqrt(1 - rho), lgd * ead
    losses = np.empty(paths)
    start = time.perf_counter()
    for lo in range(0, paths, chunk):
        n = min(chunk, paths - lo)
        z = rng.standard_normal((n, 1))
        eps = rng.standard_normal((n, len(ead)))
        defaults = a * z + s * eps < threshold
        losses[lo:lo + n] = defaults @ exposure_loss
    seconds = time.perf_counter() - start
    losses.sort()
    k = math.ceil(paths * confidence - 1e-9)
    var = losses[k - 1]
    el = float((pd * lgd * ead).sum())
    return {"exposures": len(ead), "paths": paths, "ead": float(ead.sum()), "expected_loss": el,
            "mean_loss": float(losses.mean()), "unexpected_loss": float(losses.std(ddof=1)),
            "var": float(var), "expected_shortfall": float(losses[k - 1:].mean()),
            "economic_capital": float(var - el), "simulation_seconds": seconds}


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("irb")
    i.add_argument("--pd", type=float, required=True)
    i.add_argument("--lgd", type=float, required=True)
    i.add_argument("--maturity", type=float, default=2.5)
    i.add_argument("--asset-class", default="corporate")
    i.add_argument("--sales-m", type=float)
    e = sub.add_parser("ecl")
    e.add_argument("--exposures", required=True)
    e.add_argument("--sicr-pd-multiple", type=float, default=3.0)
    q = sub.add_parser("portfolio")
    q.add_argument("--exposures", required=True)
    q.add_argument("--correlation", type=float, default=0.12)
    q.add_argument("--paths", type=int, default=100000)
    q.add_argument("--seed", type=int, default=42)
    q.add_argument("--confidence", type=float, default=0.999)
    v = sub.add_parser("vasicek")
    v.add_argument("--pd", type=float, required=True)
    v.add_argument("--lgd", type=float, required=True)
    v.add_argument("--correlation", type=float, required=True)
    v.add_argument("--confidence", type=float, default=0.999)
    a = p.parse_args()
    if a.cmd == "irb":
        out = irb(a.pd, a.lgd, a.maturity, a.asset_class, a.sales_m)
    elif a.cmd == "ecl":
        out = ecl(a.exposures, a.sicr_pd_multiple)
    elif a.cmd == "portfolio":
        out = portfolio(a.exposures, a.correlation, a.paths, a.seed, a.confidence)
    else:
        out = {"loss_quantile": a.lgd * norm.cdf(
            (norm.ppf(a.pd) + math.sqrt(a.correlation) * norm.ppf(a.confidence))
            / math.sqrt(1 - a.correlation))}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
