// Market risk through the CLI and the API on the shared S&P 500 and USDCNY series, each answer
// compared with the numpy peer (bench/peers/market_var_peer.py, Debian's /usr/bin/python3) to
// 1e-9 relative; bad input exits 2 / answers 400 with the file, line and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { api, adminToken, userWithRole, assertProblem, BIN } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = process.env.FINGUARD_SHARED_DATA ?? join(root, '..', 'shared', 'data');
const peerScript = join(root, 'bench', 'peers', 'market_var_peer.py');
const dir = mkdtempSync(join(tmpdir(), 'fg-market-'));

function peer(args) {
  return execFileSync('/usr/bin/python3', [peerScript, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
}
function finguard(args) {
  const r = spawnSync(BIN, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function near(actual, expected, label) {
  const tol = 1e-9 * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tol, `${label}: ${actual} vs peer ${expected}`);
}

// The joint history: S&P 500 closes and FRED's USDCNY fixings on the dates both have; FRED's
// '.' rows (no fixing) are skipped by the peer, never filled.
const historyFile = join(dir, 'history.csv');
writeFileSync(historyFile, peer(['history', '--sp500', join(shared, 'market', 'sp500_1950_2018.csv'),
  '--usdcny', join(shared, 'market', 'fred_usdcny_daily.csv')]));
const positionsFile = join(dir, 'positions.csv');
writeFileSync(positionsFile, 'id,factor,exposure\neq-1,SPX,2000000\nfx-1,USDCNY,-3000000\neq-2,SPX,-250000\n');
const historyCsv = readFileSync(historyFile, 'utf8');
const positionsCsv = readFileSync(positionsFile, 'utf8');

const cases = [
  { method: 'historical', quantile: 'lower', returns: 'simple', window: 500, horizon: 1 },
  { method: 'historical', quantile: 'linear', returns: 'log', window: 1000, horizon: 10 },
  { method: 'parametric', quantile: 'lower', returns: 'log', window: 250, horizon: 10 },
  { method: 'montecarlo', quantile: 'lower', returns: 'simple', window: 500, horizon: 1, distribution: 'normal' },
  { method: 'montecarlo', quantile: 'linear', returns: 'log', window: 750, horizon: 5, distribution: 't' },
];
function flags(c) {
  const f = ['--method', c.method, '--quantile-method', c.quantile, '--returns', c.returns,
    '--window', String(c.window), '--horizon', String(c.horizon), '--confidence', '0.99'];
  if (c.distribution) f.push('--distribution', c.distribution, '--paths', '20000', '--seed', '11', '--df', '5');
  return f;
}
function comparePeer(got, want, label) {
  assert.equal(got.observations, want.observations, label);
  near(got.var, want.var, `${label} var`);
  near(got.es, want.es, `${label} es`);
  near(got.one_day.var, want.one_day.var, `${label} one-day var`);
  near(got.pnl_stdev, want.pnl_stdev, `${label} stdev`);
}

test('risk var CLI equals the numpy peer on the shared S&P 500 / USDCNY history', () => {
  for (const c of cases) {
    const args = ['--positions', positionsFile, '--history', historyFile, ...flags(c)];
    const want = JSON.parse(peer(['var', ...args]));
    const r = finguard(['risk', 'var', ...args, '--json']);
    assert.equal(r.code, 0, r.stderr);
    comparePeer(JSON.parse(r.stdout), want, JSON.stringify(c));
  }
});

test('POST /api/v1/risk/var equals the numpy peer, and needs risk.read', async () => {
  const admin = await adminToken();
  const analyst = await userWithRole(admin, 'market_analyst', 'risk_analyst');
  for (const c of cases) {
    const want = JSON.parse(peer(['var', '--positions', positionsFile, '--history', historyFile, ...flags(c)]));
    const body = { positions_csv: positionsCsv, history_csv: historyCsv, method: c.method,
      quantile_method: c.quantile, returns: c.returns, window: c.window, horizon_days: c.horizon,
      confidence: 0.99 };
    if (c.distribution) Object.assign(body, { distribution: c.distribution, paths: 20000, seed: 11, df: 5 });
    const r = await api('POST', '/api/v1/risk/var', { token: analyst, body });
    assert.equal(r.status, 200, r.text);
    comparePeer(r.json, want, JSON.stringify(c));
  }
  const agent = await userWithRole(admin, 'market_agent', 'service_agent');
  const denied = await api('POST', '/api/v1/risk/var', { token: agent, body: { positions_csv: positionsCsv, history_csv: historyCsv } });
  assertProblem(denied, 403);
});

test('risk backtest CLI and API equal the peer on a rolling VaR of the shared history', async () => {
  const rolling = peer(['rolling', '--positions', positionsFile, '--history', historyFile, '--window', '500']);
  const lines = rolling.trim().split('\n');
  const pnlFile = join(dir, 'pnl.csv');
  const varFile = join(dir, 'var.csv');
  writeFileSync(pnlFile, lines.map((l) => l.split(',').slice(0, 2).join(',')).join('\n') + '\n');
  writeFileSync(varFile, lines.map((l) => { const f = l.split(','); return `${f[0]},${f[2]}`; }).join('\n') + '\n');
  const want = JSON.parse(peer(['backtest', '--pnl', pnlFile, '--var', varFile, '--confidence', '0.99']));
  const r = finguard(['risk', 'backtest', '--pnl', pnlFile, '--var', varFile, '--confidence', '0.99', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const got = JSON.parse(r.stdout);
  const admin = await adminToken();
  const analyst = await userWithRole(admin, 'market_analyst', 'risk_analyst');
  const viaApi = await api('POST', '/api/v1/risk/backtest', { token: analyst,
    body: { pnl_csv: readFileSync(pnlFile, 'utf8'), var_csv: readFileSync(varFile, 'utf8'), confidence: 0.99 } });
  assert.equal(viaApi.status, 200, viaApi.text);
  for (const [label, res] of [['cli', got], ['api', viaApi.json]]) {
    assert.equal(res.observations, want.observations, label);
    assert.equal(res.exceptions, want.exceptions, label);
    assert.deepEqual(res.exception_dates, want.exception_dates, label);
    near(res.kupiec_pof.statistic, want.kupiec_pof.statistic, `${label} kupiec`);
    near(res.kupiec_pof.p_value, want.kupiec_pof.p_value, `${label} kupiec p`);
    near(res.christoffersen.independence.statistic, want.christoffersen.independence.statistic, `${label} ind`);
    near(res.christoffersen.conditional_coverage.p_value, want.christoffersen.conditional_coverage.p_value, `${label} cc p`);
    assert.equal(res.traffic_light.zone, want.traffic_light.zone, label);
    assert.equal(res.traffic_light.exceptions, want.traffic_light.exceptions, label);
    assert.deepEqual(res.rolling_exceptions, want.rolling_exceptions, label);
  }
});

test('bad market input exits 2 / answers 400 naming the file, line and column', async () => {
  // FRED's raw file has '.' for holidays: fed straight in, it is a missing price.
  const raw = readFileSync(join(shared, 'market', 'fred_usdcny_daily.csv'), 'utf8').replace(/^DATE,DEXCHUS/, 'date,USDCNY');
  const rawFile = join(dir, 'raw_fx.csv');
  writeFileSync(rawFile, raw);
  const firstDot = raw.split('\n').findIndex((l) => l.endsWith(',.')) + 1;
  const fx = join(dir, 'fx_pos.csv');
  writeFileSync(fx, 'id,factor,exposure\nfx-1,USDCNY,1000000\n');
  let r = finguard(['risk', 'var', '--positions', fx, '--history', rawFile]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, new RegExp(`raw_fx.csv: line ${firstDot}, column 2 \\(USDCNY\\): missing price`));

  const bad = join(dir, 'bad_history.csv');
  writeFileSync(bad, 'date,SPX\n2020-01-02,100\n2020-01-03,-5\n2020-01-06,101\n');
  r = finguard(['risk', 'var', '--positions', positionsFile, '--history', bad]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bad_history.csv: line 3, column 2 \(SPX\): price -5 is not positive/);

  const unordered = join(dir, 'unordered.csv');
  writeFileSync(unordered, 'date,SPX,USDCNY\n2020-01-03,100,7\n2020-01-02,101,7\n2020-01-06,101,7\n');
  r = finguard(['risk', 'var', '--positions', positionsFile, '--history', unordered]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /line 3, column 1 \(date\): 2020-01-02 is not after/);

  const unknown = join(dir, 'unknown.csv');
  writeFileSync(unknown, 'id,factor,exposure\na,SPX,1\nb,HSI,2\n');
  r = finguard(['risk', 'var', '--positions', unknown, '--history', historyFile]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown.csv: line 3, column 2 \(factor\): unknown factor 'HSI'/);

  r = finguard(['risk', 'var', '--positions', positionsFile, '--history', historyFile, '--confidence', '99']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--confidence: 99 is outside \(0.5, 1\)/);

  const pnl = join(dir, 'p.csv');
  const vr = join(dir, 'v.csv');
  writeFileSync(pnl, 'date,pnl\n2020-01-02,1\n2020-01-03,2\n');
  writeFileSync(vr, 'date,var\n2020-01-02,1\n2020-01-06,2\n');
  r = finguard(['risk', 'backtest', '--pnl', pnl, '--var', vr]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /v.csv: line 3, column 1 \(date\): 2020-01-06 does not match 2020-01-03/);

  const admin = await adminToken();
  const analyst = await userWithRole(admin, 'market_analyst', 'risk_analyst');
  let a = await api('POST', '/api/v1/risk/var', { token: analyst,
    body: { positions_csv: positionsCsv, history_csv: 'date,SPX,USDCNY\n2020-01-02,100,7\n2020-01-03,,7\n2020-01-06,1,7\n', confidence: 1.5 } });
  assertProblem(a, 400);
  assert.deepEqual(a.json.errors.map((e) => e.field), ['/confidence']);
  a = await api('POST', '/api/v1/risk/var', { token: analyst,
    body: { positions_csv: positionsCsv, history_csv: 'date,SPX,USDCNY\n2020-01-02,100,7\n2020-01-03,,7\n2020-01-06,1,7\n' } });
  assertProblem(a, 400);
  assert.equal(a.json.errors[0].field, '/history_csv');
  assert.match(a.json.errors[0].reason, /line 3, column 2: SPX: missing price/);
  a = await api('POST', '/api/v1/risk/backtest', { token: analyst,
    body: { pnl_csv: 'date,pnl\n2020-01-02,1\n', var_csv: 'date,var\n2020-01-02,-1\n', extra: 1 } });
  assertProblem(a, 400);
  assert.ok(a.json.errors.some((e) => e.field === '/extra'), a.text);
});
