// Credit exposure figures and the operational-risk BIC through the CLI and the API, checked
// against the independent scipy/numpy peer (bench/peers/credit_peer.py, Debian's python3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { api, adminToken, userWithRole, assertProblem, cli } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const peer = (...args) => JSON.parse(execFileSync('/usr/bin/python3',
  [join(root, 'bench/peers/credit_peer.py'), ...args], { encoding: 'utf8' }));
const admin = await adminToken();
const analyst = await userWithRole(admin, 'credit_analyst', 'risk_analyst');
const marketer = await userWithRole(admin, 'credit_marketer', 'marketing');
const dir = mkdtempSync(join(tmpdir(), 'fg-credit-'));

const ECL_CSV = `id,ead,pd_12m,lgd,days_past_due,origination_pd,eir,remaining_years,cumulative_pd
L1,1000000.00,0.02,0.4,0,,0.05,3.5,
L2,1000000.00,0.02,0.4,29,0.01,0.05,3.5,
L3,1000000.00,0.02,0.4,30,,0.05,3.5,
L4,1000000.00,0.02,0.4,89,,0.05,3.5,
L5,1000000.00,0.02,0.4,90,,0.05,3.5,
L6,250000.00,0.05,0.5,0,0.01,0.04,5,0.05;0.09;0.12
`;

test('irb: the issue vector through CLI and API equals scipy', async () => {
  const ref = peer('irb', '--pd', '0.01', '--lgd', '0.45', '--maturity', '2.5');
  const c = cli(['risk', 'irb', '--pd', '0.01', '--lgd', '0.45', '--maturity', '2.5',
    '--ead', '1000000.00', '--json']);
  assert.equal(c.code, 0, c.stderr);
  const fromCli = JSON.parse(c.stdout);
  const r = await api('POST', '/api/v1/risk/irb', { token: analyst, body: {
    pd: 0.01, lgd: 0.45, maturity: 2.5, ead: '1000000.00', currency: 'CNY', asset_class: 'corporate' } });
  assert.equal(r.status, 200, r.text);
  for (const out of [fromCli, r.json]) {
    for (const k of ['correlation', 'maturity_adjustment', 'capital_requirement', 'risk_weight']) {
      assert.ok(Math.abs(out[k] - ref[k]) < 1e-12, `${k}: ${out[k]} vs ${ref[k]}`);
    }
    assert.ok(Math.abs(out.correlation - 0.1928) < 5e-5);
    assert.ok(Math.abs(out.risk_weight - 0.9232) < 5e-5);
    assert.deepEqual(out.rwa, { amount: '923168.01', currency: 'CNY' });
    assert.deepEqual(out.expected_loss, { amount: '4500.00', currency: 'CNY' });
  }
  for (const cls of ['mortgage', 'revolving', 'other_retail', 'sme']) {
    const body = { pd: 0.03, lgd: 0.5, ead: '100.00', asset_class: cls };
    if (cls === 'sme') body.sales_m = 20;
    const a = await api('POST', '/api/v1/risk/irb', { token: analyst, body });
    const p = peer('irb', '--pd', '0.03', '--lgd', '0.5', '--asset-class', cls, '--sales-m', '20');
    assert.ok(Math.abs(a.json.capital_requirement - p.capital_requirement) < 1e-12, cls);
  }
});

test('irb: bad input is a 400 with every field, exit 2 on the CLI, 403 without risk.read', async () => {
  const r = await api('POST', '/api/v1/risk/irb', { token: analyst, body: {
    pd: 0, lgd: 1.5, maturity: 7, ead: '-5.00', asset_class: 'retail', extra: 1 } });
  assertProblem(r, 400);
  const fields = r.json.errors.map((e) => e.field).sort();
  assert.deepEqual(fields, ['/asset_class', '/ead', '/extra', '/lgd', '/maturity', '/pd']);
  const s = await api('POST', '/api/v1/risk/irb', { token: analyst, body: { pd: '0.01', lgd: 0.45, ead: '1' } });
  assertProblem(s, 400);
  assert.equal(s.json.errors[0].field, '/pd');
  assertProblem(await api('POST', '/api/v1/risk/irb', { token: marketer,
    body: { pd: 0.01, lgd: 0.45, ead: '1' } }), 403);
  const c = cli(['risk', 'irb', '--pd', '1.5', '--lgd', '0.45', '--ead', '1', '--json']);
  assert.equal(c.code, 2);
  assert.match(c.stderr, /--pd: must be in \(0, 1\]/);
});

test('ecl: staging at 29/30/89/90 days past due and ECL equal the peer, CLI and API', async () => {
  const file = join(dir, 'book.csv');
  const out = join(dir, 'ecl.csv');
  writeFileSync(file, ECL_CSV);
  const ref = peer('ecl', '--exposures', file);
  const c = cli(['risk', 'ecl', '--exposures', file, '--out', out]);
  assert.equal(c.code, 0, c.stderr);
  const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  assert.deepEqual(rows.map((r) => r[1]), ['1', '1', '2', '2', '3', '2']);
  assert.equal(rows[5][2], 'pd_increase');
  rows.forEach((r, i) => assert.equal(r[7], ref.items[i].ecl.toFixed(2), r[0]));
  const exposures = ECL_CSV.trim().split('\n').slice(1).map((l) => {
    const [id, ead, pd, lgd, dpd, orig, eir, years, curve] = l.split(',');
    const e = { id, ead, pd_12m: +pd, lgd: +lgd, days_past_due: +dpd, eir: +eir, remaining_years: +years };
    if (orig) e.origination_pd = +orig;
    if (curve) e.cumulative_pd = curve.split(';').map(Number);
    return e;
  });
  const r = await api('POST', '/api/v1/risk/ecl', { token: analyst, body: { currency: 'CNY', exposures } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.items.map((i) => i.ecl.amount), rows.map((row) => row[7]));
  assert.equal(r.json.totals.exposures, 6);
  assert.equal(JSON.parse(c.stdout).ecl.amount, r.json.totals.ecl.amount);
});

test('ecl: a bad number names file, line and column; API names the JSON pointer', async () => {
  const file = join(dir, 'bad.csv');
  writeFileSync(file, ECL_CSV.replace('L4,1000000.00,0.02', 'L4,1000000.00,zero'));
  const c = cli(['risk', 'ecl', '--exposures', file, '--out', join(dir, 'never.csv')]);
  assert.equal(c.code, 2);
  assert.match(c.stderr, /bad\.csv: line 5, column 3 \(pd_12m\): 'zero' is not a number/);
  const r = await api('POST', '/api/v1/risk/ecl', { token: analyst, body: { exposures: [
    { id: 'a', ead: '1.00', pd_12m: 0.01, lgd: 0.4, days_past_due: 0, eir: 0.05, remaining_years: 2 },
    { id: 'b', ead: '1.00', pd_12m: 2, lgd: 0.4, days_past_due: -1, eir: 0.05, remaining_years: 2 }] } });
  assertProblem(r, 400);
  const fields = r.json.errors.map((e) => e.field).sort();
  assert.deepEqual(fields, ['/exposures/1/days_past_due', '/exposures/1/pd_12m']);
});

test('portfolio: copula MC agrees with the numpy peer and the Vasicek limit', async () => {
  const file = join(dir, 'portfolio.csv');
  let csv = 'id,ead,pd,lgd\n';
  for (let i = 0; i < 400; i += 1) csv += `E${i},10000.00,0.01,0.45\n`;
  writeFileSync(file, csv);
  const c = cli(['risk', 'portfolio', '--exposures', file, '--paths', '50000', '--seed', '11', '--json']);
  assert.equal(c.code, 0, c.stderr);
  const ours = JSON.parse(c.stdout);
  const ref = peer('portfolio', '--exposures', file, '--paths', '50000', '--seed', '11');
  assert.equal(ours.expected_loss.amount, '18000.00');  // 400 × 10,000 × 1% × 45%
  const rel = (a, b) => Math.abs(a - b) / b;
  assert.ok(rel(+ours.mean_loss.amount, ref.mean_loss) < 0.03, `${ours.mean_loss.amount} vs ${ref.mean_loss}`);
  assert.ok(rel(+ours.unexpected_loss.amount, ref.unexpected_loss) < 0.05);
  assert.ok(rel(+ours.var.amount, ref.var) < 0.10, `${ours.var.amount} vs ${ref.var}`);
  const vasicek = peer('vasicek', '--pd', '0.01', '--lgd', '0.45', '--correlation', '0.12').loss_quantile;
  assert.ok(rel(+ours.var.amount, vasicek * 4e6) < 0.12);  // 400 names: granularity adds a few %
  const body = { currency: 'CNY', paths: 50000, seed: 11,
    exposures: Array.from({ length: 400 }, (_, i) => ({ id: `E${i}`, ead: '10000.00', pd: 0.01, lgd: 0.45 })) };
  const r = await api('POST', '/api/v1/risk/credit-portfolio', { token: analyst, body });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.var, ours.var);  // same seed, same figures
  const bad = await api('POST', '/api/v1/risk/credit-portfolio', { token: analyst,
    body: { exposures: [{ ead: '1', pd: 0.01, lgd: 2 }], paths: 10 } });
  assertProblem(bad, 400);
  assert.deepEqual(bad.json.errors.map((e) => e.field).sort(), ['/exposures/0/lgd', '/paths']);
});

test('bic: BI EUR 35bn gives EUR 5.37bn through CLI and API', async () => {
  const c = cli(['risk', 'bic', '--bi', '35000000000', '--json']);
  assert.equal(c.code, 0, c.stderr);
  assert.deepEqual(JSON.parse(c.stdout).bic, { amount: '5370000000.00', currency: 'EUR' });
  const r = await api('POST', '/api/v1/risk/bic', { token: analyst, body: { bi: '35000000000.00' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.bic.amount, '5370000000.00');
  assertProblem(await api('POST', '/api/v1/risk/bic', { token: analyst, body: { bi: '-1', currency: 'USD' } }), 400);
  assert.equal(cli(['risk', 'bic', '--bi', '1,000']).code, 2);
});
