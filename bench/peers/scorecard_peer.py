#!/usr/bin/python3
"""Reference for `finguard risk scorecard` (docs/risk_credit.md, "Scorecards"); Debian's python3
with numpy and scikit-learn.

  prepare-german german.data out.csv      id,A1..A20,class with class 1 = bad (german.doc's 2)
  prepare-lendingclub loans.csv out.csv   adds `bad` = 1 for loan_status Charged Off,
                                          Late (31-120 days), Late (16-30 days), In Grace Period
  auc --data F.csv --target COL [--exclude C1,C2] [--seed 42] [--test-share 0.3]
      AUC on the hold-out of sklearn LogisticRegression (lbfgs, C=1, max_iter 5000) on raw
      numeric features (median-imputed, standardised) and one-hot categorical ones (a column is
      numeric when every non-missing value parses as a float; "" and "NA" are missing).
  logit X.csv   unpenalised logistic fit of y on x1..xp (solver newton-cholesky, tol 1e-14):
                prints intercept and coefficients.

Split: row i (0-based data row) is in the test sample when splitmix64(seed + i) % 1000 <
1000 * test_share, exactly as src/risk/credit/scorecard.cc.
"""
import csv
import json
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

M64 = (1 << 64) - 1
BAD_STATUSES = {'Charged Off', 'Late (31-120 days)', 'Late (16-30 days)', 'In Grace Period'}


def splitmix64(x):
    x = (x + 0x9e3779b97f4a7c15) & M64
    x = ((x ^ (x >> 30)) * 0xbf58476d1ce4e5b9) & M64
    x = ((x ^ (x >> 27)) * 0x94d049bb133111eb) & M64
    return x ^ (x >> 31)


def in_test(i, seed, share):
    return splitmix64(seed + i) % 1000 < 1000 * share


def missing(v):
    return v == '' or v == 'NA'


def as_float(v):
    try:
        return float(v)
    except ValueError:
        return None


def flags(args):
    out = {}
    for k, v in zip(args[::2], args[1::2]):
        out[k.lstrip('-')] = v
    return out


def auc(args):
    f = flags(args)
    seed, share = int(f.get('seed', 42)), float(f.get('test-share', 0.3))
    exclude = set(filter(None, f.get('exclude', '').split(',')))
    with open(f['data'], newline='') as fh:
        rows = list(csv.DictReader(fh))
    target = f['target']
    y = np.array([int(r[target]) for r in rows])
    test = np.array([in_test(i, seed, share) for i in range(len(rows))])
    cols = [c for c in rows[0].keys() if c != target and c not in exclude]
    blocks = []
    for c in cols:
        vals = [r[c] for r in rows]
        train_vals = [v for v, t in zip(vals, test) if not t and not missing(v)]
        if all(as_float(v) is not None for v in train_vals):
            x = np.array([np.nan if missing(v) or as_float(v) is None else float(v) for v in vals])
            med = np.nanmedian(x[~test]) if np.any(~np.isnan(x[~test])) else 0.0
            x = np.where(np.isnan(x), med, x)
            sd = x[~test].std() or 1.0
            blocks.append(((x - x[~test].mean()) / sd)[:, None])
        else:
            cats = sorted(set(train_vals) | {''})
            idx = {k: j for j, k in enumerate(cats)}
            onehot = np.zeros((len(vals), len(cats)))
            for i, v in enumerate(vals):
                v = '' if missing(v) else v
                if v in idx:
                    onehot[i, idx[v]] = 1
            blocks.append(onehot)
    x = np.hstack(blocks)
    model = LogisticRegression(max_iter=5000).fit(x[~test], y[~test])
    p = model.predict_proba(x)[:, 1]
    print(json.dumps({'rows': len(rows), 'test_rows': int(test.sum()),
                      'test_bad': int(y[test].sum()),
                      'train_auc': roc_auc_score(y[~test], p[~test]),
                      'test_auc': roc_auc_score(y[test], p[test])}))


def logit(path):
    data = np.loadtxt(path, delimiter=',', skiprows=1, ndmin=2)
    y, x = data[:, 0], data[:, 1:]
    m = LogisticRegression(penalty=None, solver='newton-cholesky', tol=1e-14,
                           max_iter=100000).fit(x, y)
    print(json.dumps({'intercept': float(m.intercept_[0]),
                      'coefficients': [float(c) for c in m.coef_[0]]}))


def prepare_german(src, dst):
    with open(src) as fh, open(dst, 'w', newline='') as out:
        w = csv.writer(out, lineterminator='\n')
        w.writerow(['id'] + [f'A{i}' for i in range(1, 21)] + ['class'])
        for i, line in enumerate(l for l in fh if l.strip()):
            f = line.split()
            w.writerow([i + 1] + f[:20] + [1 if f[20] == '2' else 0])


def prepare_lendingclub(src, dst):
    with open(src, newline='') as fh, open(dst, 'w', newline='') as out:
        r = csv.DictReader(fh)
        w = csv.writer(out, lineterminator='\n')
        w.writerow(r.fieldnames + ['bad'])
        for row in r:
            w.writerow([row[c] for c in r.fieldnames] + [1 if row['loan_status'] in BAD_STATUSES else 0])


if __name__ == '__main__':
    cmd = sys.argv[1]
    if cmd == 'auc':
        auc(sys.argv[2:])
    elif cmd == 'logit':
        logit(sys.argv[2])
    elif cmd == 'prepare-german':
        prepare_german(sys.argv[2], sys.argv[3])
    elif cmd == 'prepare-lendingclub':
        prepare_lendingclub(sys.argv[2], sys.argv[3])
    else:
        sys.exit('unknown command ' + cmd)
