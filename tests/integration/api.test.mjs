// The API as a client sees it: sign-in and lockout, roles and masking, customers, pagination,
// idempotency, audit, users, operations endpoints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, login, adminToken, userWithRole, assertProblem, residentId, uniqueStem, PASSWORD } from './lib.mjs';

const admin = await adminToken();
const officer = await userWithRole(admin, 'it_officer', 'compliance_officer');
const marketer = await userWithRole(admin, 'it_marketer', 'marketing');
const agent = await userWithRole(admin, 'it_agent', 'service_agent');

test('login sets an HttpOnly cookie that also authenticates', async () => {
  const r = await fetch(process.env.FINGUARD_URL + '/api/v1/auth/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'it_officer', password: PASSWORD }) });
  const cookie = r.headers.get('set-cookie');
  assert.match(cookie, /fg_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict/);
  const me = await api('GET', '/api/v1/auth/me', { headers: { Cookie: cookie.split(';')[0] } });
  assert.equal(me.status, 200);
  assert.equal(me.json.username, 'it_officer');
  assert.ok(me.json.permissions.includes('pii.read'));
});

test('wrong password is 401, five failures lock the account (423) for everyone', async () => {
  await userWithRole(admin, 'it_lockme', 'auditor');
  for (let i = 0; i < 5; i++) {
    assertProblem(await api('POST', '/api/v1/auth/login', { body: { username: 'it_lockme', password: 'nope' } }),
      401, 'invalid_credentials');
  }
  assertProblem(await api('POST', '/api/v1/auth/login', { body: { username: 'it_lockme', password: PASSWORD } }),
    423, 'account_locked');
});

test('no token is 401 and a missing permission is 403; both audited', async () => {
  assertProblem(await api('GET', '/api/v1/customers'), 401, 'unauthenticated');
  assertProblem(await api('GET', '/api/v1/users', { token: marketer }), 403, 'forbidden');
  const denied = await api('GET', '/api/v1/audit?action=auth.forbidden&actor=it_marketer', { token: admin });
  assert.ok(denied.json.items.length >= 1);
  assert.equal(denied.json.items[0].outcome, 'denied');
  const anon = await api('GET', '/api/v1/audit?action=auth.unauthenticated', { token: admin });
  assert.ok(anon.json.items.length >= 1);
});

test('a customer is created, validated, masked by role, and its unmasked read audited', async () => {
  const id_number = residentId(uniqueStem());
  const created = await api('POST', '/api/v1/customers', { token: agent, body: {
    type: 'individual', name: '张三', id_number, phone: '13812345678', email: 'zhang.san@example.cn',
    address: '北京市朝阳区建国路88号院3号楼1单元502', province: '北京', investor_class: 'C3' } });
  assert.equal(created.status, 201, created.text);
  const id = created.json.id;
  assert.equal(created.json.id_type, 'resident_id');

  const masked = await api('GET', `/api/v1/customers/${id}`, { token: marketer });
  assert.equal(masked.status, 200);
  assert.equal(masked.json.masked, true);
  assert.equal(masked.json.name, '张*');
  assert.equal(masked.json.id_number, id_number.slice(0, 6) + '********' + id_number.slice(14));
  assert.equal(masked.json.phone, '138****5678');

  const clear = await api('GET', `/api/v1/customers/${id}`, { token: officer });
  assert.equal(clear.json.masked, false);
  assert.equal(clear.json.name, '张三');
  assert.equal(clear.json.id_number, id_number);

  const trail = await api('GET', `/api/v1/audit?actor=it_officer&action=customer.read_unmasked`, { token: admin });
  assert.ok(trail.json.items.some((e) => e.target === `customer/${id}`));

  // Exact search by ID number and by phone through the blind indexes.
  const byId = await api('GET', `/api/v1/customers?q=${id_number}`, { token: officer });
  assert.deepEqual(byId.json.items.map((c) => c.id), [id]);
  const patched = await api('PATCH', `/api/v1/customers/${id}`, { token: agent, body: { phone: '13998765432', aml_risk: 'high' } });
  assert.equal(patched.status, 200, patched.text);
  const byPhone = await api('GET', '/api/v1/customers?q=13998765432', { token: officer });
  assert.deepEqual(byPhone.json.items.map((c) => c.aml_risk), ['high']);
  // The same ID number twice is a conflict naming the field.
  const dup = await api('POST', '/api/v1/customers', { token: agent, body: { type: 'individual', name: '李四', id_number } });
  assertProblem(dup, 409, 'already_exists');
  assert.equal(dup.json.errors[0].field, '/id_number');
});

test('a wrong GB 11643 check digit is refused with a field path', async () => {
  const good = residentId(uniqueStem());
  const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  const r = await api('POST', '/api/v1/customers', { token: agent, body: { type: 'individual', name: '王五', id_number: bad } });
  assertProblem(r, 400, 'invalid_request');
  assert.equal(r.json.errors[0].field, '/id_number');
  assert.match(r.json.errors[0].reason, /check/);
});

test('Idempotency-Key replays the first answer and refuses a different body', async () => {
  const key = 'idem-' + Date.now();
  const body = { type: 'corporate', name: '上海示例贸易有限公司', id_number: '91310000MA1FL0000X' };
  const first = await api('POST', '/api/v1/customers', { token: agent, body, headers: { 'Idempotency-Key': key } });
  assert.equal(first.status, 201, first.text);
  const again = await api('POST', '/api/v1/customers', { token: agent, body, headers: { 'Idempotency-Key': key } });
  assert.equal(again.status, 201);
  assert.equal(again.json.id, first.json.id);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  const other = await api('POST', '/api/v1/customers', { token: agent, body: { ...body, name: '别的公司' }, headers: { 'Idempotency-Key': key } });
  assertProblem(other, 422, 'idempotency_key_reused');
});

test('cursor pagination walks every customer exactly once', async () => {
  for (let i = 0; i < 5; i++) {
    const r = await api('POST', '/api/v1/customers', { token: agent, body: {
      type: 'individual', name: `Page Tester ${i}`, id_type: 'passport', id_number: `P${Date.now()}${i}`, nationality: 'GB' } });
    assert.equal(r.status, 201, r.text);
  }
  const seen = [];
  let cursor = null;
  do {
    const r = await api('GET', `/api/v1/customers?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: marketer });
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.items.length <= 2);
    seen.push(...r.json.items.map((c) => c.id));
    cursor = r.json.next_cursor;
  } while (cursor);
  assert.equal(new Set(seen).size, seen.length);
  const all = await api('GET', '/api/v1/customers?limit=200', { token: marketer });
  assert.deepEqual(seen.slice(0, all.json.items.length), all.json.items.map((c) => c.id));
  assertProblem(await api('GET', '/api/v1/customers?limit=0', { token: marketer }), 400);
  assertProblem(await api('GET', '/api/v1/customers?cursor=%%%', { token: marketer }), 400);
});

test('users: roles listed, bad roles refused, disabling ends sessions', async () => {
  const roles = await api('GET', '/api/v1/roles', { token: admin });
  assert.ok(roles.json.find((r) => r.name === 'compliance_officer').permissions.includes('pii.read'));
  assert.ok(!roles.json.find((r) => r.name === 'marketing').permissions.includes('pii.read'));
  const bad = await api('POST', '/api/v1/users', { token: admin, body: { username: 'it_bad', display_name: 'x', password: PASSWORD, roles: ['root'] } });
  assertProblem(bad, 400);
  assert.equal(bad.json.errors[0].field, '/roles/0');
  const t = await userWithRole(admin, 'it_leaver', 'advisor');
  const list = await api('GET', '/api/v1/users', { token: admin });
  const leaver = list.json.items.find((u) => u.username === 'it_leaver');
  assert.equal((await api('PATCH', `/api/v1/users/${leaver.id}`, { token: admin, body: { disabled: true } })).status, 200);
  assertProblem(await api('GET', '/api/v1/auth/me', { token: t }), 401);
});

test('logout ends the session', async () => {
  const t = await login('it_agent');
  assert.equal((await api('POST', '/api/v1/auth/logout', { token: t })).status, 204);
  assertProblem(await api('GET', '/api/v1/auth/me', { token: t }), 401);
});

test('operations: healthz, readyz, metrics, request ids', async () => {
  assert.equal((await api('GET', '/healthz')).json.status, 'ok');
  const ready = await api('GET', '/readyz');
  assert.equal(ready.status, 200);
  assert.ok(ready.json.schema_version >= 1);
  const m = await api('GET', '/metrics');
  assert.match(m.headers.get('content-type'), /text\/plain/);
  assert.match(m.text, /finguard_http_requests_total\{method="GET",route="\/api\/v1\/customers\/\{id\}",status="200"\} \d+/);
  assert.match(m.text, /finguard_http_request_duration_seconds_bucket\{method="POST",route="\/api\/v1\/auth\/login",le="\+Inf"\} \d+/);
  const r = await api('GET', '/healthz', { headers: { 'X-Request-Id': 'trace-abc-123' } });
  assert.equal(r.headers.get('x-request-id'), 'trace-abc-123');
  assertProblem(await api('GET', '/api/v1/no-such-thing'), 404, 'not_found');
});

test('audit chain verifies through the API', async () => {
  const v = await api('POST', '/api/v1/audit/verify', { token: admin });
  assert.equal(v.status, 200);
  assert.equal(v.json.ok, true, JSON.stringify(v.json));
  assert.ok(v.json.records > 10);
  assertProblem(await api('POST', '/api/v1/audit/verify', { token: marketer }), 403, 'forbidden');
});

test('accounts open, freeze and close; products carry risk levels; changes are audited', async () => {
  const analyst = await userWithRole(admin, 'it_analyst', 'risk_analyst');
  const product = await api('POST', '/api/v1/products', { token: analyst, body: {
    code: 'WM-R3-01', name: '稳健理财一号', name_en: 'Steady Wealth No.1', type: 'wealth', risk_level: 'R3', currency: 'CNY' } });
  assert.equal(product.status, 201, product.text);
  assertProblem(await api('POST', '/api/v1/products', { token: agent, body: { code: 'X1' } }), 403, 'forbidden');
  const dupCode = await api('POST', '/api/v1/products', { token: analyst, body: {
    code: 'WM-R3-01', name: 'x', name_en: 'x', type: 'wealth', risk_level: 'R3', currency: 'CNY' } });
  assertProblem(dupCode, 409);
  const relevel = await api('PATCH', `/api/v1/products/${product.json.id}`, { token: analyst, body: { risk_level: 'R4' } });
  assert.equal(relevel.json.risk_level, 'R4');

  const customer = await api('POST', '/api/v1/customers', { token: agent, body: {
    type: 'individual', name: '周九', id_number: residentId(uniqueStem('330106', '19791009')) } });
  const opened = await api('POST', `/api/v1/customers/${customer.json.id}/accounts`, { token: agent, body: {
    number: '6217001234567890123', type: 'investment', currency: 'CNY', product_id: product.json.id } });
  assert.equal(opened.status, 201, opened.text);
  assert.equal(opened.json.status, 'active');
  assert.equal(opened.json.number, '6217001234567890123');
  const seenByMarketing = await api('GET', `/api/v1/customers/${customer.json.id}/accounts`, { token: marketer });
  assert.equal(seenByMarketing.json.items[0].number, '6217***********0123');
  const badProduct = await api('POST', `/api/v1/customers/${customer.json.id}/accounts`, { token: agent, body: {
    number: '6217001234567890999', type: 'savings', currency: 'CNY', product_id: 'nope' } });
  assertProblem(badProduct, 400);
  assert.equal(badProduct.json.errors[0].field, '/product_id');
  const frozen = await api('PATCH', `/api/v1/accounts/${opened.json.id}`, { token: agent, body: { status: 'frozen' } });
  assert.equal(frozen.json.status, 'frozen');
  const fixed = await api('PATCH', `/api/v1/accounts/${opened.json.id}`, { token: agent, body: { currency: 'USD' } });
  assertProblem(fixed, 400);
  assert.equal(fixed.json.errors[0].field, '/currency');
  const closed = await api('PATCH', `/api/v1/accounts/${opened.json.id}`, { token: agent, body: { status: 'closed' } });
  assert.equal(closed.json.status, 'closed');
  assert.match(closed.json.closed_at, /^\d{4}-\d{2}-\d{2}$/);
  assertProblem(await api('PATCH', `/api/v1/accounts/${opened.json.id}`, { token: agent, body: { status: 'active' } }), 409, 'conflict');
  const trail = await api('GET', '/api/v1/audit?action=account.update&actor=it_agent', { token: admin });
  assert.deepEqual(trail.json.items.map((e) => e.detail.status), ['closed', 'frozen']);
});
