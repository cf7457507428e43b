// Browser test of the FinGuard console against a running server (`finguard demo` or `serve`).
//
//   FINGUARD_URL=http://127.0.0.1:18080 FINGUARD_ADMIN_PASSWORD=... node --test tests/e2e/console.test.mjs
//
// Drives Debian's /usr/bin/chromium through playwright-core (no browser download). Uses only the
// contract in docs/api.md and the console's data-test attributes. Screenshots of every step go
// to tests/e2e/screenshots/ (git-ignored).
import assert from 'node:assert/strict'
import { mkdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const BASE = (process.env.FINGUARD_URL || 'http://127.0.0.1:18080').replace(/\/+$/, '')
const ADMIN_PASSWORD = process.env.FINGUARD_ADMIN_PASSWORD
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const USER_PASSWORD = 'Test-Passw0rd!x'
const OFFICER = { username: 'officer1', display_name: 'Officer One 合规一', roles: ['compliance_officer'] }
const AGENT = { username: 'agent1', display_name: 'Agent One 市场一', roles: ['marketing'] }
const LOCKED = { username: 'e2e_locked', display_name: 'Lockout probe', roles: ['marketing'] }
const SHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots')

let browser
let page
let shotNo = 0

async function shot(name) {
  shotNo += 1
  await page.waitForTimeout(400) // let Element Plus's enter transitions finish
  await page.screenshot({ path: join(SHOTS, `${String(shotNo).padStart(2, '0')}-${name}.png`), fullPage: true })
}

const sel = (name) => `[data-test="${name}"]`
const rows = (table) => page.locator(`${sel(table)} .el-table__body tr.el-table__row`)

// --- API helpers (the admin's bearer token; only for setting up users) ------------------------
async function apiCall(method, path, token, body) {
  const res = await fetch(`${BASE}/api/v1${path}`, {
    method,
    headers: { Accept: 'application/json', ...(token && { Authorization: `Bearer ${token}` }), ...(body && { 'Content-Type': 'application/json' }) },
    body: body && JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

async function adminToken() {
  const r = await apiCall('POST', '/auth/login', null, { username: 'admin', password: ADMIN_PASSWORD })
  assert.equal(r.status, 200, `admin API login: ${JSON.stringify(r.body)}`)
  assert.ok(r.body.token, 'login answers a token')
  return r.body.token
}

async function findUser(token, username) {
  let cursor = null
  do {
    const r = await apiCall('GET', `/users?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token)
    assert.equal(r.status, 200, `GET /users: ${JSON.stringify(r.body)}`)
    assert.ok(Array.isArray(r.body.items), 'GET /users answers {items, next_cursor}')
    const found = r.body.items.find((u) => u.username === username)
    if (found) return found
    cursor = r.body.next_cursor
  } while (cursor)
  return null
}

/** Re-runs against the same server: make an existing user look as the test needs. */
async function resetUser(token, existing, spec) {
  const r = await apiCall('PATCH', `/users/${encodeURIComponent(existing.id)}`, token, {
    display_name: spec.display_name,
    roles: spec.roles,
    disabled: false,
    password: USER_PASSWORD,
  })
  assert.equal(r.status, 200, `PATCH /users/${existing.id}: ${JSON.stringify(r.body)}`)
}

// --- UI helpers -----------------------------------------------------------------------------
async function loginUI(username, password) {
  await page.goto(`${BASE}/#/login`)
  await page.locator(sel('login-username')).fill(username)
  await page.locator(sel('login-password')).fill(password)
  await page.locator(sel('login-submit')).click()
  await page.locator(sel('header-user')).waitFor()
  assert.match(await page.locator(sel('app-header')).innerText(), new RegExp(username))
}

async function logoutUI() {
  await page.locator(sel('logout')).click()
  await page.locator(sel('login-submit')).waitFor()
}

/** Opens the customer list, then the first customer with a resident ID; returns what it showed. */
async function openFirstCustomer(who) {
  await page.locator(sel('menu-customers')).click()
  await rows('customers-table').first().waitFor()
  await shot(`${who}-customers`)
  const listIds = await page.locator(`${sel('customers-table')} ${sel('customer-id-number')}`).allInnerTexts()
  assert.ok(listIds.length > 0, 'customer list has rows')

  const residentRow = rows('customers-table').filter({ has: page.locator('[data-id-type="resident_id"]') }).first()
  await residentRow.waitFor()
  const listIdNumber = (await residentRow.locator(sel('customer-id-number')).innerText()).trim()
  await residentRow.click()
  await page.waitForURL(/#\/customers\/[^/]+$/)
  await page.locator(sel('customer-profile')).waitFor()
  await rows('accounts-table').first().waitFor()
  await rows('transactions-table').first().waitFor()
  await page.locator(`${sel('txn-chart')} canvas`).waitFor()
  const loadMore = page.locator(sel('txn-load-more'))
  if (await loadMore.isVisible()) {
    // Cursor paging: the next page is appended, newest first throughout.
    const before = await rows('transactions-table').count()
    await loadMore.click()
    await page.waitForFunction(
      ([table, n]) => document.querySelectorAll(`${table} .el-table__body tr.el-table__row`).length > n,
      [sel('transactions-table'), before],
    )
  }
  await shot(`${who}-customer-detail`)

  return {
    url: page.url(),
    listIdNumber,
    listIds,
    idNumber: (await page.locator(`${sel('customer-profile')} ${sel('customer-id-number')}`).innerText()).trim(),
    masked: await page.locator(sel('customer-masked-tag')).getAttribute('data-masked'),
    accounts: await rows('accounts-table').count(),
    transactions: await rows('transactions-table').count(),
    balances: await page.locator(sel('account-balance')).allInnerTexts(),
    amounts: await page.locator(sel('txn-amount')).allInnerTexts(),
  }
}

function assertMoney(text) {
  // "1,234,567.89 CNY": thousands separators and a currency code.
  assert.match(text.trim(), /^-?\d{1,3}(,\d{3})*(\.\d+)? [A-Z]{3}$/, `money display "${text}"`)
}

describe('FinGuard console', { timeout: 240_000 }, () => {
  before(async () => {
    assert.ok(ADMIN_PASSWORD, 'set FINGUARD_ADMIN_PASSWORD (printed by `finguard demo`)')
    await rm(SHOTS, { recursive: true, force: true })
    await mkdir(SHOTS, { recursive: true })
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    page = await context.newPage()
    page.setDefaultTimeout(15_000)
  })

  after(async () => {
    await browser?.close()
  })

  it('shows the login page in Chinese and the server’s reason for a failed sign-in', async () => {
    await page.goto(`${BASE}/`)
    await page.locator(sel('login-submit')).waitFor()
    assert.match(await page.locator(sel('login-submit')).innerText(), /登\s*录/)
    await page.locator(sel('login-username')).fill('no-such-user-e2e')
    await page.locator(sel('login-password')).fill('wrong-password')
    await page.locator(sel('login-submit')).click()
    const err = page.locator(sel('login-error'))
    await err.waitFor()
    assert.equal(await err.getAttribute('data-code'), 'invalid_credentials')
    await shot('login-failed')
  })

  it('signs in as admin and shows every module the admin may use', async () => {
    await loginUI('admin', ADMIN_PASSWORD)
    for (const m of ['customers', 'audit', 'users', 'monitoring', 'screening', 'complaints', 'engagement', 'assist', 'kpi']) {
      assert.ok(await page.locator(sel(`menu-${m}`)).isVisible(), `menu entry ${m}`)
    }
    // Risk figures need risk.read, which IT administrators do not hold.
    assert.equal(await page.locator(sel('menu-risk')).count(), 0)
    assert.match(await page.locator(sel('header-roles')).innerText(), /admin/)
    await shot('admin-home')
  })

  it('creates officer1 on the Users page and agent1 through the API', async () => {
    const token = await adminToken()

    // officer1 through the console.
    await page.locator(sel('menu-users')).click()
    await rows('users-table').first().waitFor()
    const existingOfficer = await findUser(token, OFFICER.username)
    if (existingOfficer) {
      await resetUser(token, existingOfficer, OFFICER)
    } else {
      await page.locator(sel('users-create')).click()
      await page.locator(sel('user-form-username')).fill(OFFICER.username)
      await page.locator(sel('user-form-display-name')).fill(OFFICER.display_name)
      await page.locator(sel('user-form-password')).fill(USER_PASSWORD)
      await page.locator(sel('role-compliance_officer')).click()
      await shot('users-create-officer1')
      await page.locator(sel('user-form-submit')).click()
      await page.locator(sel('user-form-submit')).waitFor({ state: 'hidden' })
    }
    await page.locator(`${sel('users-table')} ${sel('user-username')}`, { hasText: OFFICER.username }).waitFor()

    // agent1 through the API with the admin's bearer token.
    const existingAgent = await findUser(token, AGENT.username)
    if (existingAgent) {
      await resetUser(token, existingAgent, AGENT)
    } else {
      const r = await apiCall('POST', '/users', token, { ...AGENT, password: USER_PASSWORD })
      assert.ok(r.status === 201 || r.status === 200, `POST /users: ${r.status} ${JSON.stringify(r.body)}`)
    }
    const officer = await findUser(token, OFFICER.username)
    assert.deepEqual(officer.roles, OFFICER.roles)

    // A throwaway user to see the console report a lockout (423 account_locked).
    const existingLocked = await findUser(token, LOCKED.username)
    if (!existingLocked) {
      const r = await apiCall('POST', '/users', token, { ...LOCKED, password: USER_PASSWORD })
      assert.ok(r.status === 201 || r.status === 200, `POST /users: ${r.status} ${JSON.stringify(r.body)}`)
    }

    await page.reload()
    await page.locator(`${sel('users-table')} ${sel('user-username')}`, { hasText: AGENT.username }).waitFor()
    await shot('users-list')
    await apiCall('POST', '/auth/logout', token)
    await logoutUI()
  })

  it('reports a locked account with the server’s detail', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await apiCall('POST', '/auth/login', null, { username: LOCKED.username, password: `wrong-${i}` })
      assert.ok(r.status === 401 || r.status === 423, `failed login ${i + 1}: ${r.status}`)
    }
    await page.locator(sel('login-username')).fill(LOCKED.username)
    await page.locator(sel('login-password')).fill(USER_PASSWORD)
    await page.locator(sel('login-submit')).click()
    const err = page.locator(sel('login-error'))
    await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('data-code') === 'account_locked', sel('login-error'))
    assert.ok((await err.innerText()).trim().length > 0)
    await shot('login-locked')
  })

  let agentView
  it('shows agent1 (no pii.read) masked ID numbers', async () => {
    await loginUI(AGENT.username, USER_PASSWORD)
    assert.equal(await page.locator(sel('menu-users')).count(), 0, 'no Users menu without users.manage')
    agentView = await openFirstCustomer('agent1')
    assert.ok(agentView.listIds.every((id) => id.includes('*')), `list shows masked IDs: ${agentView.listIds.slice(0, 3)}`)
    assert.ok(agentView.idNumber.includes('*'), `agent1 sees a masked ID number, got ${agentView.idNumber}`)
    assert.equal(agentView.masked, 'true', 'profile is tagged as masked')
    assert.ok(agentView.accounts > 0, 'accounts table has rows')
    assert.ok(agentView.transactions > 0, 'transactions table has rows')
    agentView.balances.forEach(assertMoney)
    agentView.amounts.forEach(assertMoney)
    await logoutUI()
  })

  it('shows officer1 (pii.read) the ID number in clear', async () => {
    await loginUI(OFFICER.username, USER_PASSWORD)
    const view = await openFirstCustomer('officer1')
    assert.ok(!view.idNumber.includes('*'), `officer1 sees an unmasked ID number, got ${view.idNumber}`)
    assert.equal(view.idNumber.length, 18, `resident ID has 18 characters: ${view.idNumber}`)
    assert.equal(view.masked, 'false', 'profile is tagged as unmasked')
    assert.equal(view.listIdNumber, view.idNumber, 'list and detail agree')
    assert.ok(view.accounts > 0, 'accounts table has rows')
    assert.ok(view.transactions > 0, 'transactions table has rows')
    if (view.url === agentView.url) {
      // Same customer for both: the masked form keeps the clear one's length.
      assert.equal(agentView.idNumber.length, view.idNumber.length)
    }

    // Exact search by ID number (the blind index) finds that customer.
    await page.locator(sel('customer-back')).click()
    await rows('customers-table').first().waitFor()
    await page.locator(sel('customers-search')).fill(view.idNumber)
    await page.locator(sel('customers-search-submit')).click()
    await page.waitForFunction(
      ([table, id]) => {
        const cells = [...document.querySelectorAll(`${table} [data-test="customer-id-number"]`)]
        return cells.length > 0 && cells.every((c) => c.textContent.trim() === id)
      },
      [sel('customers-table'), view.idNumber],
    )
    await shot('officer1-search-by-id')
    await logoutUI()
  })

  it('lets a risk analyst compute IRB capital on the Risk page (Basel CRE31 vector)', async () => {
    // Demo users share the admin's demo password.
    await loginUI('demo_risk_analyst', ADMIN_PASSWORD)
    await page.locator(sel('menu-risk')).click()
    await page.locator(sel('risk-page')).waitFor()
    await page.locator('#tab-irb').click()
    await page.locator(sel('compute-irb')).click()
    const result = page.locator(sel('irb-result'))
    await result.waitFor()
    const text = await result.innerText()
    // PD 1%, LGD 45%, M 2.5: R 0.1928, K 7.385%, risk weight 92.32%.
    assert.match(text, /0\.1928/)
    assert.match(text, /7\.385%/)
    assert.match(text, /92\.32%/)
    await shot('risk-irb')
    await logoutUI()
  })

  it('lists the audit trail, switches to English and verifies the chain', async () => {
    await loginUI('admin', ADMIN_PASSWORD)

    // A module that is not built yet says so.
    await page.locator(sel('menu-monitoring')).click()
    await page.locator(sel('not-built')).waitFor()
    assert.match(await page.locator(sel('not-built')).innerText(), /尚未建设/)
    await shot('not-built-zh')

    await page.locator(sel('menu-audit')).click()
    await rows('audit-table').first().waitFor()
    await shot('audit-log')

    // officer1's unmasked reads were written to the chain.
    await page.locator(sel('audit-actor')).fill(OFFICER.username)
    await page.locator(sel('audit-search')).click()
    await page.waitForFunction(
      ([table, actor]) => {
        const cells = [...document.querySelectorAll(`${table} [data-test="audit-actor-cell"]`)]
        return cells.length > 0 && cells.every((c) => c.textContent.trim() === actor)
      },
      [sel('audit-table'), OFFICER.username],
    )
    await shot('audit-officer1')

    await page.locator(sel('lang-en')).click()
    await page.locator(sel('menu-audit'), { hasText: 'Audit log' }).waitFor()
    assert.match(await page.locator('.page-title').innerText(), /Audit log/)
    assert.match(await page.locator(sel('audit-verify')).innerText(), /Verify chain/)
    await shot('audit-english')

    await page.locator(sel('audit-verify')).click()
    const result = page.locator(sel('audit-verify-result'))
    await result.waitFor()
    assert.equal(await result.getAttribute('data-ok'), 'true', await result.innerText())
    assert.match(await result.innerText(), /Chain OK/)
    await shot('audit-verified')

    await page.locator(sel('menu-kpi')).click()
    assert.match(await page.locator(sel('not-built')).innerText(), /not built yet/)
    await shot('not-built-en')

    await page.locator(sel('lang-zh-CN')).click()
    await logoutUI()
    await shot('signed-out')

    // Without a session every page leads back to the login page, and from there back again.
    await page.goto(`${BASE}/#/audit`)
    await page.locator(sel('login-submit')).waitFor()
    assert.match(page.url(), /redirect=/)
    await page.locator(sel('login-username')).fill('admin')
    await page.locator(sel('login-password')).fill(ADMIN_PASSWORD)
    await page.locator(sel('login-submit')).click()
    await rows('audit-table').first().waitFor()
    await logoutUI()
  })
})
