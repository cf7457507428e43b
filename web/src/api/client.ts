// The console's single door to the FinGuard API. Every call goes through `request`, which sends
// the session cookie (same origin, HttpOnly — the console never sees a token), parses
// `application/problem+json` errors into `ApiError`, and hands 401s to the handler that
// main.ts installs (it sends the user back to the login page).
import type {
  Account,
  AuditEntry,
  AuditVerifyResult,
  Customer,
  LoginResult,
  Page,
  Problem,
  Role,
  Transaction,
  User,
} from './types'
import { i18n } from '../i18n'

const BASE = 'api/v1'

export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }

  get code(): string | undefined {
    return this.problem.code
  }

  /** Field errors keyed by the last segment of their JSON pointer ("/roles/0" → "roles"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const e of this.problem.errors ?? []) {
      const key = e.field.replace(/^\//, '').split('/')[0] || e.field
      out[key] = out[key] ? `${out[key]}; ${e.reason}` : e.reason
    }
    return out
  }
}

type UnauthorizedHandler = () => void
let onUnauthorized: UnauthorizedHandler = () => {}

/** Installed once by main.ts: what to do when the session is gone (401). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler
}

type Query = Record<string, string | number | undefined | null>

interface RequestOptions {
  query?: Query
  body?: unknown
  /** Do not trigger the 401 redirect (the login call itself). */
  quiet401?: boolean
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  }
  const qs = params.toString()
  return `${BASE}${path}${qs ? `?${qs}` : ''}`
}

async function parseProblem(res: Response): Promise<Problem> {
  const text = await res.text()
  if (text) {
    try {
      const parsed = JSON.parse(text) as unknown
      if (parsed && typeof parsed === 'object') return parsed as Problem
    } catch {
      // Not JSON (a proxy's HTML error page, say): fall through to a synthetic problem.
    }
  }
  return { status: res.status, title: res.statusText || `HTTP ${res.status}`, detail: text.slice(0, 200) || undefined }
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
  let body: string | undefined
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  let res: Response
  try {
    res = await fetch(buildUrl(path, opts.query), { method, headers, body, credentials: 'same-origin' })
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    throw new ApiError(0, { title: i18n.global.t('common.networkError'), detail: `${i18n.global.t('common.networkError')}: ${reason}`, code: 'network_error' })
  }
  if (!res.ok) {
    const problem = await parseProblem(res)
    if (res.status === 401 && !opts.quiet401) onUnauthorized()
    throw new ApiError(res.status, problem)
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

// --- Authentication -------------------------------------------------------------------------

export const auth = {
  login: (username: string, password: string) =>
    request<LoginResult>('POST', '/auth/login', { body: { username, password }, quiet401: true }),
  logout: () => request<void>('POST', '/auth/logout', { quiet401: true }),
  me: () => request<User>('GET', '/auth/me', { quiet401: true }),
}

// --- Customers ------------------------------------------------------------------------------

export interface CustomerQuery {
  q?: string
  type?: string
  limit?: number
  cursor?: string | null
}

export const customers = {
  list: (query: CustomerQuery) => request<Page<Customer>>('GET', '/customers', { query: { ...query } }),
  get: (id: string) => request<Customer>('GET', `/customers/${encodeURIComponent(id)}`),
  accounts: (id: string) =>
    request<Page<Account>>('GET', `/customers/${encodeURIComponent(id)}/accounts`, { query: { limit: 200 } }),
  transactions: (id: string, limit: number, cursor?: string | null) =>
    request<Page<Transaction>>('GET', `/customers/${encodeURIComponent(id)}/transactions`, {
      query: { limit, cursor },
    }),
}

// --- Audit ----------------------------------------------------------------------------------

export interface AuditQuery {
  actor?: string
  action?: string
  limit?: number
  cursor?: string | null
}

export const audit = {
  list: (query: AuditQuery) => request<Page<AuditEntry>>('GET', '/audit', { query: { ...query } }),
  verify: () => request<AuditVerifyResult>('POST', '/audit/verify'),
}

// --- Users and roles ------------------------------------------------------------------------

export interface NewUser {
  username: string
  display_name: string
  password: string
  roles: string[]
}

export interface UserPatch {
  display_name?: string
  roles?: string[]
  disabled?: boolean
  password?: string
}

export const users = {
  list: (limit: number, cursor?: string | null) => request<Page<User>>('GET', '/users', { query: { limit, cursor } }),
  create: (u: NewUser) => request<User>('POST', '/users', { body: u }),
  update: (id: string, patch: UserPatch) => request<User>('PATCH', `/users/${encodeURIComponent(id)}`, { body: patch }),
  roles: () => request<Role[]>('GET', '/roles'),
}
