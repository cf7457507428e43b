// Every route, fed bad input: malformed JSON, wrong types, missing fields, unknown enum values,
// unknown fields, oversized bodies, and SQL injection in every string field and query parameter.
// Each must answer 4xx problem+json (never 500) and change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, login, adminToken, userWithRole, assertProblem, BASE } from './lib.mjs';

const admin = await adminToken();
// An auditor reads everything; an agent and an admin write what there is to write.
const agent = await userWithRole(admin, 'bi_agent', 'service_agent');
const officer = await userWithRole(admin, 'bi_officer', 'compliance_officer');
const spec = (await api('GET', '/api/v1/openapi.json')).json;
const schemas = spec.components.schemas;

const INJECTIONS = ["x'); DROP TABLE customers; --", "' OR '1'='1", '1; DELETE FROM users', '"; SELECT pg_sleep(5); --'];
const tokenFor = (op) => (op['x-permission'] === 'users.manage' || op['x-permission']?.startsWith('audit') ? admin
  : op['x-permission'] === 'products.write' ? officer : agent);

// A real customer so {id} routes reach their handlers.
const sample = (await api('GET', '/api/v1/customers?limit=1', { token: agent })).json.items[0]?.id ?? 'missing';
// User routes act on a user of their own, so a payload accepted as a password cannot lock out
// the tokens this test uses.
await userWithRole(admin, 'bi_target', 'auditor');
const users = (await api('GET', '/api/v1/users', { token: admin })).json.items;
const sampleUser = users.find((u) => u.username === 'bi_target').id;
// A product and an account to address, created here so the test does not depend on demo data.
const product = (await api('POST', '/api/v1/products', { token: officer, body: {
  code: 'BI-DEP-1', name: '测试存款', name_en: 'Test deposit', type: 'deposit', risk_level: 'R1', currency: 'CNY' } })).json;
const account = sample === 'missing' ? { id: 'missing' } : (await api('POST', `/api/v1/customers/${sample}/accounts`, {
  token: agent, body: { number: '6222000011112222333', type: 'savings', currency: 'CNY', product_id: product.id } })).json;
const fill = (path) => path.replace('{id}', path.startsWith('/api/v1/users') ? sampleUser
  : path.startsWith('/api/v1/products') ? product.id : path.startsWith('/api/v1/accounts') ? account.id : sample);

async function counts() {
  const c = await api('GET', '/api/v1/customers?limit=200', { token: officer });
  const u = await api('GET', '/api/v1/users', { token: admin });
  return JSON.stringify([c.json.items, u.json.items.map((x) => [x.username, x.roles, x.disabled])]);
}

const routes = [];  // every documented (method, path)
for (const [path, ops] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(ops)) routes.push({ path, method: method.toUpperCase(), op });
}

test('the OpenAPI document describes at least the foundation routes', () => {
  const keys = routes.map((r) => `${r.method} ${r.path}`);
  for (const k of ['POST /api/v1/auth/login', 'GET /api/v1/customers', 'GET /api/v1/customers/{id}',
    'POST /api/v1/customers', 'PATCH /api/v1/customers/{id}', 'GET /api/v1/customers/{id}/transactions',
    'GET /api/v1/audit', 'POST /api/v1/audit/verify', 'GET /api/v1/users', 'GET /metrics']) {
    assert.ok(keys.includes(k), `${k} is not documented`);
  }
  for (const r of routes) {
    assert.ok(r.op.summary, `${r.method} ${r.path} has no summary`);
    const ref = r.op.requestBody?.content['application/json'].schema.$ref;
    if (ref) assert.ok(schemas[ref.split('/').pop()], `${ref} missing`);
  }
});

test('every documented route exists on the server', async () => {
  for (const r of routes) {
    // Logging out would end the session the other tests use; it gets a session of its own.
    const token = r.path === '/api/v1/auth/logout' ? await login('bi_agent') : tokenFor(r.op);
    const res = await api(r.method, fill(r.path), { token, body: r.op.requestBody ? {} : undefined });
    assert.ok(!(res.status === 404 && res.json?.code === 'not_found' && /no such endpoint/.test(res.json.detail)),
      `${r.method} ${r.path} is documented but not served`);
    assert.ok(res.status < 500, `${r.method} ${r.path} answered ${res.status}: ${res.text}`);
  }
});

for (const r of routes.filter((x) => x.op.requestBody)) {
  const name = `${r.method} ${r.path}`;
  const schema = schemas[r.op.requestBody.content['application/json'].schema.$ref.split('/').pop()];
  const props = schema.properties;
  const token = r.path === '/api/v1/auth/login' ? undefined : tokenFor(r.op);

  test(`${name}: malformed, wrong-typed, incomplete and oversized bodies are 4xx and change nothing`, async () => {
    const before = await counts();
    const bodies = ['{', '[]', '"text"', '{"a":', 'null', JSON.stringify({ unknown_field: 1 })];
    for (const [field, p] of Object.entries(props)) {
      bodies.push(JSON.stringify({ [field]: p.type === 'boolean' ? 'yes' : p.type === 'array' ? 'x' : 12345 }));
      if (p.enum) bodies.push(JSON.stringify({ [field]: 'no-such-value' }));
      if (p.type === 'array') bodies.push(JSON.stringify({ [field]: [1, 2] }));
    }
    if (schema.required) bodies.push(JSON.stringify({}));
    for (const raw of bodies) {
      const res = await api(r.method, fill(r.path), { token, raw });
      assert.ok(res.status >= 400 && res.status < 500, `${name} ${raw} -> ${res.status} ${res.text}`);
      assert.match(res.headers.get('content-type') ?? '', /problem\+json/, `${name} ${raw}`);
      assert.ok(res.json.code, res.text);
    }
    const big = await api(r.method, fill(r.path), { token, raw: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }) });
    assertProblem(big, 413, 'payload_too_large');
    assert.equal(await counts(), before, `${name} changed data on bad input`);
  });

  test(`${name}: SQL injection in every string field is data, never SQL`, async () => {
    for (const [field, p] of Object.entries(props)) {
      if (!(p.type === 'string' || (Array.isArray(p.type) && p.type.includes('string')))) continue;
      for (const payload of INJECTIONS) {
        const res = await api(r.method, fill(r.path), { token, body: { [field]: payload } });
        assert.ok(res.status < 500, `${name} ${field}=${payload} -> ${res.status} ${res.text}`);
      }
    }
    // The tables the payloads name are still there and answer.
    assert.equal((await api('GET', '/api/v1/customers?limit=1', { token: agent })).status, 200);
    assert.equal((await api('GET', '/api/v1/users', { token: admin })).status, 200);
  });
}

test('SQL injection in every query parameter is data, never SQL', async () => {
  for (const r of routes.filter((x) => x.method === 'GET')) {
    for (const p of r.op.parameters?.filter((x) => x.in === 'query') ?? []) {
      for (const payload of INJECTIONS) {
        const res = await api('GET', `${fill(r.path)}?${p.name}=${encodeURIComponent(payload)}`, { token: tokenFor(r.op) });
        assert.ok(res.status === 200 || (res.status >= 400 && res.status < 500), `${r.path}?${p.name} -> ${res.status}`);
      }
    }
  }
  // A name search with an injection finds nothing rather than everything.
  const r = await api('GET', `/api/v1/customers?q=${encodeURIComponent("' OR '1'='1")}`, { token: agent });
  assert.equal(r.json.items.length, 0);
});

test('an injection stored as a customer name comes back verbatim', async () => {
  const name = "Robert'); DROP TABLE customers; --";
  const created = await api('POST', '/api/v1/customers', { token: agent, body: {
    type: 'corporate', name, id_number: '91110000MA00000010' } });
  assert.equal(created.status, 201, created.text);
  const back = await api('GET', `/api/v1/customers/${created.json.id}`, { token: officer });
  assert.equal(back.json.name, name);
  assert.ok(BASE);
});
