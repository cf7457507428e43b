// Batch commands a user runs from the shell: CSV import (all or nothing, line and reason on bad
// rows), audit verify against rows edited, inserted and deleted directly in the database, and key
// rotation with the server still reading every value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, adminToken, userWithRole, cli, sql, residentId, uniqueStem } from './lib.mjs';

const admin = await adminToken();
const officer = await userWithRole(admin, 'cli_officer', 'compliance_officer');
const dir = mkdtempSync(join(tmpdir(), 'fg-cli-'));

async function customerCount() {
  let n = 0;
  let cursor = null;
  do {
    const r = await api('GET', `/api/v1/customers?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { token: officer });
    n += r.json.items.length;
    cursor = r.json.next_cursor;
  } while (cursor);
  return n;
}

test('import customers: a bad row names its line and reason, and nothing is imported', async () => {
  const before = await customerCount();
  const good1 = residentId(uniqueStem('310104', '19850612'));
  const good2 = residentId(uniqueStem('440305', '19770101'));
  const badCheck = good2.slice(0, 17) + (good2[17] === '1' ? '2' : '1');
  const file = join(dir, 'bad.csv');
  writeFileSync(file, [
    'type,name,id_number,phone,province,aml_risk',
    `individual,陈一,${good1},13700001111,上海,low`,
    `individual,"Smith, John",${badCheck},,广东,low`,
    `individual,王二,${residentId(uniqueStem())},13700002222,北京,extreme`,
  ].join('\n') + '\n');
  const r = cli(['import', 'customers', file]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /line 3: id_number: .*check character/);
  assert.match(r.stderr, /line 4\/aml_risk/);
  assert.equal(await customerCount(), before);
});

test('import customers: a good file is imported whole and searchable', async () => {
  const before = await customerCount();
  const ids = [residentId(uniqueStem('320102', '19920229')), residentId(uniqueStem('510104', '19600515'))];
  const file = join(dir, 'good.csv');
  writeFileSync(file, `type,name,id_number,phone,province\nindividual,赵六,${ids[0]},13611112222,江苏\nindividual,钱七,${ids[1]},,四川\n`);
  const r = cli(['import', 'customers', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /imported 2 customers/);
  assert.equal(await customerCount(), before + 2);
  const found = await api('GET', `/api/v1/customers?q=${ids[1]}`, { token: officer });
  assert.equal(found.json.items[0].name, '钱七');
  // Importing the same file again conflicts on every row and imports nothing.
  const again = cli(['import', 'customers', file]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /line 2: id_number: already registered/);
});

test('audit verify names the first edited, inserted or deleted record', async () => {
  const ok = cli(['audit', 'verify']);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.equal(JSON.parse(ok.stdout).ok, true);
  const seq = Number(sql('SELECT MIN(seq) + 3 FROM audit_log'));

  // Edited: change who did it.
  const actor = sql(`SELECT actor FROM audit_log WHERE seq = ${seq}`);
  sql(`UPDATE audit_log SET actor = 'mallory' WHERE seq = ${seq}`);
  let v = cli(['audit', 'verify']);
  assert.equal(v.code, 3);
  assert.deepEqual([JSON.parse(v.stdout).first_bad_seq, JSON.parse(v.stdout).problem], [seq, 'altered']);
  sql(`UPDATE audit_log SET actor = '${actor}' WHERE seq = ${seq}`);
  assert.equal(cli(['audit', 'verify']).code, 0);

  // Deleted: remove a row, then put it back.
  const cols = 'seq, id, at_us, actor, action, target, outcome, detail, prev_hash, hash';
  sql(`CREATE TABLE audit_saved AS SELECT ${cols} FROM audit_log WHERE seq = ${seq + 1}`);
  sql(`DELETE FROM audit_log WHERE seq = ${seq + 1}`);
  v = cli(['audit', 'verify']);
  assert.equal(v.code, 3);
  assert.deepEqual([JSON.parse(v.stdout).first_bad_seq, JSON.parse(v.stdout).problem], [seq + 1, 'deleted']);
  sql(`INSERT INTO audit_log (${cols}) SELECT ${cols} FROM audit_saved`);
  sql('DROP TABLE audit_saved');
  assert.equal(cli(['audit', 'verify']).code, 0);

  // Inserted: an intruder without the audit key makes room after seq and slips a record in.
  // (Each verify run appends its own record; the ones written while the chain is tampered with
  // are removed with the tampering.)
  const max = Number(sql('SELECT MAX(seq) FROM audit_log'));
  const prevHash = sql(`SELECT hash FROM audit_log WHERE seq = ${seq}`);
  sql(`UPDATE audit_log SET seq = seq + 1000000 WHERE seq > ${seq}`);
  sql(`UPDATE audit_log SET seq = seq - 999999 WHERE seq > 1000000`);
  sql(`INSERT INTO audit_log (${cols}) VALUES (${seq + 1}, 'forged', 0, 'mallory', 'customer.delete', '', 'ok', '{}', '${prevHash}', '${'a'.repeat(64)}')`);
  v = cli(['audit', 'verify']);
  assert.equal(v.code, 3);
  assert.deepEqual([JSON.parse(v.stdout).first_bad_seq, JSON.parse(v.stdout).problem], [seq + 1, 'inserted']);
  sql(`DELETE FROM audit_log WHERE seq > ${max + 1} OR seq = ${seq + 1}`);
  sql(`UPDATE audit_log SET seq = seq + 999999 WHERE seq > ${seq + 1}`);
  sql(`UPDATE audit_log SET seq = seq - 1000000 WHERE seq > 1000000`);
  assert.equal(cli(['audit', 'verify']).code, 0);

  // Appended at the end with a copied link: it fails its own hash, so verify names it.
  const last = Number(sql('SELECT MAX(seq) FROM audit_log'));
  const lastHash = sql(`SELECT hash FROM audit_log WHERE seq = ${last}`);
  sql(`INSERT INTO audit_log (${cols}) VALUES (${last + 1}, 'forged2', 0, 'mallory', 'x', '', 'ok', '{}', '${lastHash}', '${'b'.repeat(64)}')`);
  v = cli(['audit', 'verify']);
  assert.equal(v.code, 3);
  assert.equal(JSON.parse(v.stdout).first_bad_seq, last + 1);
  sql(`DELETE FROM audit_log WHERE seq > ${last}`);
  assert.equal(cli(['audit', 'verify']).code, 0);
});

test('keys rotate re-encrypts every value while the server keeps reading them', async () => {
  const list = await api('GET', '/api/v1/customers?limit=5', { token: officer });
  const before = list.json.items.map((c) => [c.id, c.name, c.id_number]);
  const r = cli(['keys', 'rotate']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.active_key, 'k2');
  assert.deepEqual(Object.keys(out.by_key), ['k2']);
  assert.ok(out.reencrypted >= before.length);
  // No personal value is stored in clear.
  assert.equal(Number(sql("SELECT COUNT(*) FROM customers WHERE name_enc NOT LIKE 'k2:%'")), 0);
  const after = await api('GET', '/api/v1/customers?limit=5', { token: officer });
  assert.deepEqual(after.json.items.map((c) => [c.id, c.name, c.id_number]), before);
  // The running server notices the rotation: its new writes use the new key.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const agent = await userWithRole(admin, 'cli_agent', 'service_agent');
  const created = await api('POST', '/api/v1/customers', { token: agent, body: {
    type: 'individual', name: '孙八', id_number: residentId(uniqueStem('420102', '19881111')) } });
  assert.equal(created.status, 201, created.text);
  assert.match(sql(`SELECT name_enc FROM customers WHERE id = '${created.json.id}'`), /^k2:/);
});

test('bad command lines exit 2 with a reason', () => {
  const r = cli(['import', 'customers', join(dir, 'missing.csv')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot open file/);
  assert.equal(cli(['no-such-command']).code, 2);
});
