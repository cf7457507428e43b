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

/** ISO 8601 instant → "YYYY-MM-DD HH:mm:ss" in the browser's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** ISO 8601 instant → "YYYY-MM-DD" in the browser's time zone. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  return formatDateTime(iso).slice(0, 10)
}
