// Shared helpers for the integration tests: they talk to a running finguard server (started by
// scripts/test.sh on SQLite, then on PostgreSQL) through its public HTTP API and CLI only.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';

export const BASE = process.env.FINGUARD_URL;
export const ADMIN_PASSWORD = process.env.FINGUARD_ADMIN_PASSWORD;
export const BIN = process.env.FINGUARD_BIN;
export const DB = process.env.FINGUARD_DB;
export const KEY_FILE = process.env.FINGUARD_KEY_FILE;
export const BACKEND = process.env.FINGUARD_BACKEND;
if (!BASE || !ADMIN_PASSWORD) throw new Error('FINGUARD_URL and FINGUARD_ADMIN_PASSWORD must be set (see scripts/test.sh)');

export const PASSWORD = 'Test-Passw0rd!x';

export async function api(method, path, { token, body, raw, headers = {} } = {}) {
  const h = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  let payload;
  if (raw !== undefined) payload = raw;
  else if (body !== undefined) payload = JSON.stringify(body);
  if (payload !== undefined && !h['Content-Type']) h['Content-Type'] = 'application/json';
  const res = await fetch(BASE + path, { method, headers: h, body: payload });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  return { status: res.status, json, text, headers: res.headers };
}

export async function login(username, password = PASSWORD) {
  const r = await api('POST', '/api/v1/auth/login', { body: { username, password } });
  assert.equal(r.status, 200, `login ${username}: ${r.text}`);
  return r.json.token;
}

export async function adminToken() { return login('admin', ADMIN_PASSWORD); }

// Creates (or re-enables) a user with the given role and returns a token for them.
export async function userWithRole(admin, username, role) {
  const created = await api('POST', '/api/v1/users', {
    token: admin, body: { username, display_name: username, password: PASSWORD, roles: [role] } });
  assert.ok(created.status === 201 || created.status === 409, created.text);
  return login(username);
}

export function assertProblem(r, status, code) {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${r.text}`);
  assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal(r.json.status, status);
  assert.ok(r.json.type && r.json.title && r.json.request_id, r.text);
  if (code) assert.equal(r.json.code, code, r.text);
}

// GB 11643-1999 check character, computed here independently of the server's code.
export function residentId(stem17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...stem17].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return stem17 + '10X98765432'[sum % 11];
}

let counter = 0;
export function uniqueStem(region = '110105', birth = '19900307') {
  counter += 1;
  const seq = String((Date.now() % 900) + counter).padStart(3, '0').slice(-3);
  return region + birth + seq;
}

export function cli(args, input) {
  const r = spawnSync(BIN, ['--db', DB, '--key-file', KEY_FILE, ...args], { input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function sql(statement) {
  if (BACKEND === 'postgres') {
    return execFileSync('psql', [DB, '-qAt', '-c', statement], { encoding: 'utf8' }).trim();
  }
  return execFileSync('sqlite3', [DB.replace(/^sqlite:/, ''), statement], { encoding: 'utf8' }).trim();
}
