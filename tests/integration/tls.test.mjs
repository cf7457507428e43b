// Optional TLS: `finguard serve --tls-cert --tls-key` serves HTTPS and marks the session cookie
// Secure. Runs its own server on a throwaway database with a self-signed certificate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import https from 'node:https';
import { BIN, ADMIN_PASSWORD } from './lib.mjs';

test('serve --tls-cert/--tls-key answers HTTPS with a Secure session cookie', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fg-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const common = ['--db', `sqlite:${join(dir, 'tls.db')}`, '--key-file', join(dir, 'k')];
  execFileSync(BIN, [...common, 'user', 'create', '--username', 'admin', '--display-name', 'A', '--role', 'admin'],
    { input: ADMIN_PASSWORD + '\n' });
  const server = spawn(BIN, [...common, 'serve', '--port', '0', '--tls-cert', join(dir, 'cert.pem'),
    '--tls-key', join(dir, 'key.pem')], { stdio: ['ignore', 'pipe', 'ignore'] });
  t.after(() => server.kill());
  const url = await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => { const m = /https:\/\/[0-9.]+:\d+/.exec(String(d)); if (m) resolve(m[0]); });
    server.on('exit', () => reject(new Error('server exited')));
  });
  const ca = readFileSync(join(dir, 'cert.pem'));
  const post = (path, body) => new Promise((resolve, reject) => {
    const req = https.request(url + path,
      { method: 'POST', ca, headers: { 'Content-Type': 'application/json' } }, (res) => {
        let data = '';
        res.on('data', (c) => { data += c; });
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: data }));
      });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
  const r = await post('/api/v1/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
  assert.equal(r.status, 200, r.body);
  assert.match(r.headers['set-cookie'][0], /; Secure/);
});
