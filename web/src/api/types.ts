// Shapes of the FinGuard REST API v1 as documented in docs/api.md. Only what the console reads.

export interface Money {
  amount: string // exact decimal as a string, e.g. "1234.56"
  currency: string
}

export interface Page<T> {
  items: T[]
  next_cursor: string | null
}

export interface ProblemFieldError {
  field: string // JSON pointer, e.g. "/password"
  reason: string
}

export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  code?: string
  errors?: ProblemFieldError[]
  request_id?: string
}

export interface User {
  id: string
  username: string
  display_name: string
  roles: string[]
  permissions?: string[]
  locale?: string
  disabled?: boolean
}

export interface LoginResult {
  token: string
  expires_at: string
  user: User
}

export interface Role {
  name: string
  permissions: string[]
}

export type CustomerType = 'individual' | 'corporate'

export interface Customer {
  id: string
  type: CustomerType
  name: string
  id_type: 'resident_id' | 'passport' | 'uscc' | 'other'
  id_number: string
  phone: string
  email: string
  address: string
  province: string
  nationality: string
  investor_class: string
  aml_risk: 'low' | 'medium' | 'high'
  segment: string
  created_at: string
  updated_at: string
  masked: boolean
}

export interface Account {
  id: string
  customer_id: string
  number: string
  type: 'savings' | 'current' | 'credit_card' | 'loan' | 'investment'
  currency: string
  status: 'active' | 'dormant' | 'frozen' | 'closed'
  opened_at: string
  closed_at: string | null
  last_activity_at: string | null
  balance: Money
}

export interface Transaction {
  id: string
  time: string
  customer_id: string
  account_id: string
  direction: 'in' | 'out'
  channel: 'cash' | 'transfer' | 'card' | 'online' | 'atm' | 'cheque'
  amount: Money
  counterparty_id: string | null
  counterparty_name: string | null
  counterparty_country: string | null
  cross_border: boolean
}

export interface AuditEntry {
  seq: number
  id: string
  at: string
  actor: string
  action: string
  target: string
  outcome: 'ok' | 'denied' | 'failed'
  detail: Record<string, unknown>
  hash: string
}

export interface AuditVerifyResult {
  ok: boolean
  records: number
  first_bad_seq?: number
  problem?: 'altered' | 'inserted' | 'deleted'
  detail?: string
}
