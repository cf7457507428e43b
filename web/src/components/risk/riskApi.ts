// Calls and shapes of the risk endpoints used by the Risk page (docs/risk.md). The market
// endpoints take CSV texts — the same files `finguard risk var|backtest` read.
import { request } from '../../api/client'

export interface Money {
  amount: string
  currency: string
}

export interface VarRequest {
  positions_csv: string
  history_csv: string
  method: 'historical' | 'parametric' | 'montecarlo'
  confidence: number
  es_confidence: number
  window: number
  quantile_method: 'lower' | 'linear'
  horizon_days: number
  returns: 'simple' | 'log'
  paths?: number
  seed?: number
  distribution?: 'normal' | 't'
  df?: number
}

export interface VarResult {
  method: string
  confidence: number
  es_confidence: number
  observations: number
  window_start: string
  window_end: string
  factors: string[]
  exposures: Record<string, number>
  pnl_mean: number
  pnl_stdev: number
  horizon_days: number
  one_day: { var: number; es: number }
  var: number
  es: number
}

export interface LikelihoodRatio {
  statistic: number
  degrees_of_freedom: number
  p_value: number
}

export interface BacktestResult {
  confidence: number
  observations: number
  exceptions: number
  expected_exceptions: number
  exception_dates: string[]
  kupiec_pof: LikelihoodRatio
  christoffersen: {
    transitions: { n00: number; n01: number; n10: number; n11: number }
    independence: LikelihoodRatio
    conditional_coverage: LikelihoodRatio
  }
  rolling_window: number
  rolling_exceptions: number[]
  traffic_light: { days: number; exceptions: number; zone: 'green' | 'yellow' | 'red'; plus_factor: number } | null
}

export interface IrbRequest {
  pd: number
  lgd: number
  maturity: number
  ead: string
  currency: string
}

export interface IrbResult {
  correlation: number
  maturity_adjustment: number
  capital_requirement: number
  risk_weight: number
  rwa: Money
  expected_loss: Money
}

export const riskApi = {
  valueAtRisk: (body: VarRequest) => request<VarResult>('POST', '/risk/var', { body }),
  backtest: (body: { pnl_csv: string; var_csv: string; confidence: number; window: number }) =>
    request<BacktestResult>('POST', '/risk/backtest', { body }),
  irb: (body: IrbRequest) => request<IrbResult>('POST', '/risk/irb', { body }),
}

/** Parses `date,<value>` CSV text (header first) into dates and numbers, for the chart only. */
export function parseSeries(text: string): { dates: string[]; values: number[] } {
  const dates: string[] = []
  const values: number[] = []
  for (const line of text.trim().split(/\r?\n/).slice(1)) {
    const [d, v] = line.split(',')
    if (d) {
      dates.push(d.trim())
      values.push(Number(v))
    }
  }
  return { dates, values }
}
