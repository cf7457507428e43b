// Display helpers. Money amounts arrive as exact decimal strings and are formatted as strings,
// never through floating point, so "12345678901234.57" shows exactly as 12,345,678,901,234.57.
import type { Money } from '../api/types'

/** "1234567.5" → "1,234,567.5"; keeps sign and fraction digits as given. */
export function groupThousands(amount: string): string {
  const m = /^([+-]?)(\d+)(\.\d+)?$/.exec(amount.trim())
  if (!m) return amount
  const [, sign, int, frac = ''] = m
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac}`
}

/** { amount: "1234.5", currency: "CNY" } → "1,234.5 CNY". */
export function formatMoney(m: Money | null | undefined): string {
  if (!m) return '—'
  return `${groupThousands(m.amount)} ${m.currency}`
}

const pad = (n: number) => String(n).padStart(2, '0')

// FinGuard shows every instant in Asia/Shanghai (UTC+8, no DST since 1991), whatever the
// browser's zone: regulatory "days" (large-value reports, SLA clocks) are Beijing days, and staff
// comparing a screen with a report must see the same wall time.
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000

/** ISO 8601 instant → "YYYY-MM-DD HH:mm:ss", Beijing time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const t = new Date(iso).getTime()
  if (Number.isNaN(t)) return iso
  const d = new Date(t + SHANGHAI_OFFSET_MS)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/** ISO 8601 instant → "YYYY-MM-DD", the Beijing date; a plain date passes through unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso
  return formatDateTime(iso).slice(0, 10)
}
