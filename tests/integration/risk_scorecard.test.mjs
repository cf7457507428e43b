// Scorecard development through the CLI (`finguard risk scorecard train|score`) on the shared
// German credit and LendingClub files, against scikit-learn's logistic regression on the same
// 70/30 split (bench/peers/scorecard_peer.py, Debian's python3). The split rule, SplitMix64 of
// (seed + row index) mod 1000 < 300, is implemented on both sides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// Offline commands: no server is needed, so lib.mjs (which requires one) is not imported.
const BIN = process.env.FINGUARD_BIN;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = process.env.FINGUARD_SHARED_DATA ?? join(root, '..', 'shared', 'data');
const dir = mkdtempSync(join(tmpdir(), 'fg-scorecard-'));
const peerScript = join(root, 'bench/peers/scorecard_peer.py');
const peer = (...args) => execFileSync('/usr/bin/python3', [peerScript, ...args], { encoding: 'utf8' });
const run = (args) => {
  const r = spawnSync(BIN, args, { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

// german.doc: 20 attributes, class 1 = good, 2 = bad; the peer writes id,A1..A20,class (1 = bad).
const german = join(dir, 'german.csv');
peer('prepare-german', join(shared, 'credit/german.data'), german);
// LendingClub: bad = Charged Off, Late (31-120 days), Late (16-30 days), In Grace Period.
const loans = join(dir, 'loans.csv');
peer('prepare-lendingclub', join(shared, 'credit/lendingclub_loans_10k.csv'), loans);
// Outcome fields known only after the loan was granted (its status, payments, balance), the
// issue month, and free-text job titles are not features.
const LOANS_EXCLUDE = 'loan_status,emp_title,balance,paid_total,paid_principal,paid_interest,' +
  'paid_late_fees,issue_month';

function trainAndCompare(data, target, id, exclude) {
  const model = join(dir, `${target}-${id}.json`);
  const args = ['risk', 'scorecard', 'train', '--data', data, '--target', target, '--id', id,
    '--out', model];
  if (exclude) args.push('--exclude', exclude);
  const c = run(args);
  assert.equal(c.code, 0, c.stderr);
  const report = JSON.parse(c.stdout);
  const ref = JSON.parse(peer('auc', '--data', data, '--target', target,
    '--exclude', [id, exclude].filter(Boolean).join(','), '--seed', '42', '--test-share', '0.3'));
  assert.equal(report.test.rows, ref.test_rows);
  assert.equal(report.test.bad, ref.test_bad);
  assert.ok(report.test.auc >= ref.test_auc - 0.01,
    `hold-out AUC ${report.test.auc} vs scikit-learn ${ref.test_auc}`);
  assert.ok(Math.abs(report.test.gini - (2 * report.test.auc - 1)) < 1e-12);
  assert.ok(report.test.ks > 0 && report.test.ks < 1);
  const m = JSON.parse(readFileSync(model, 'utf8'));
  assert.equal(m.format, 'finguard-scorecard/1');
  assert.ok(m.features.length > 0);
  for (const f of m.features) {
    assert.ok(f.iv >= 0.02, `${f.name} iv ${f.iv}`);
    assert.ok(f.bins.length >= 1);
    for (const b of f.bins) assert.ok(Number.isFinite(b.woe) && Number.isFinite(b.points));
  }
  return { report, ref, model };
}

test('german credit: binning report and hold-out AUC within 0.01 of scikit-learn', () => {
  const { report, model } = trainAndCompare(german, 'class', 'id', '');
  // A1 (status of checking account) is the strongest attribute of this data set.
  const a1 = report.candidates.find((c) => c.name === 'A1');
  assert.equal(a1.type, 'categorical');
  assert.ok(a1.iv > 0.5);
  const a2 = report.model.features.find((f) => f.name === 'A2');  // duration in months
  assert.equal(a2.type, 'numeric');
  const woes = a2.bins.filter((b) => !b.missing).map((b) => b.woe);
  const up = woes.every((w, i) => i === 0 || w > woes[i - 1]);
  const down = woes.every((w, i) => i === 0 || w < woes[i - 1]);
  assert.ok(up || down, `A2 WoE not monotonic: ${woes}`);

  const scores = join(dir, 'german-scores.csv');
  const s = run(['risk', 'scorecard', 'score', '--model', model, '--input', german, '--out', scores]);
  assert.equal(s.code, 0, s.stderr);
  const lines = readFileSync(scores, 'utf8').trim().split('\n');
  assert.equal(lines[0], 'id,score,pd');
  assert.equal(lines.length, 1001);
  const [id, score, pd] = lines[1].split(',');
  assert.equal(id, '1');
  // score = 600 + 50/ln2·ln(1/19) − 50/ln2·ln(pd/(1 − pd))
  const factor = 50 / Math.log(2);
  const expected = 600 + factor * Math.log(1 / 19) - factor * Math.log(pd / (1 - pd));
  assert.ok(Math.abs(Number(score) - expected) < 1e-3, `${score} vs ${expected}`);
});

test('lendingclub: hold-out AUC within 0.01 of, or above, scikit-learn', () => {
  const { report } = trainAndCompare(loans, 'bad', 'rownames', LOANS_EXCLUDE);
  assert.ok(['stable', 'moderate_shift', 'significant_shift'].includes(report.psi_test_vs_train.band));
});

test('bad input exits 2 naming the file, line and column', () => {
  const notBinary = join(dir, 'not-binary.csv');
  writeFileSync(notBinary, 'x,bad\n1,0\n2,1\n3,yes\n');
  let c = run(['risk', 'scorecard', 'train', '--data', notBinary, '--target', 'bad', '--out',
    join(dir, 'x.json')]);
  assert.equal(c.code, 2);
  assert.match(c.stderr, /not-binary\.csv: line 4, column 2 \(bad\): 'yes' is not 0 \(good\) or 1 \(bad\)/);

  c = run(['risk', 'scorecard', 'train', '--data', german, '--target', 'default', '--out',
    join(dir, 'x.json')]);
  assert.equal(c.code, 2);
  assert.match(c.stderr, /german\.csv: unknown column 'default'/);

  const empty = join(dir, 'empty.csv');
  writeFileSync(empty, '');
  c = run(['risk', 'scorecard', 'train', '--data', empty, '--target', 'bad', '--out',
    join(dir, 'x.json')]);
  assert.equal(c.code, 2);
  assert.match(c.stderr, /empty\.csv/);
});
