import type { BolViolation, ConditionName } from './common.js'

/** A temporary commission reduction. */
export interface CommissionReduction {
  maximumPrice: number
  costReduction: number
  startDate: string
  endDate: string
}

/** What bol charges for selling one product at one price (bol's `Commission`). */
export interface Commission {
  ean: string
  condition: string
  unitPrice: number
  fixedAmount: number
  percentage: number
  totalCost: number
  totalCostWithoutReduction?: number
  reductions: CommissionReduction[]
}

/** The query of `commissions.get()`. */
export interface CommissionQuery {
  /** The price to compute the commission for, 0 to 9,999. */
  unitPrice: number
  /** @default 'NEW' (bol's default) */
  condition?: ConditionName | undefined
}

/** One query of `commissions.getMany()` (bol's `BulkCommissionQuery`). */
export interface BulkCommissionQuery extends CommissionQuery {
  ean: string
}

/** The answer of `commissions.getMany()`. */
export interface BulkCommissionList {
  commissions: Commission[]
}

/** One commission rate for a price range. */
export interface CommissionPriceRange {
  range: { lower: number; upper?: number }
  fixedAmount: number
  percentage: number
  reductionApplied: boolean
}

/** The rates of one EAN over time. */
export interface CommissionRate {
  ean: string
  dateRanges: Array<{
    startDate: string
    endDate: string
    rates: Array<{ condition: string; priceRanges: CommissionPriceRange[] }>
  }>
}

/** The answer of `commissions.rates()`: bol answers 207 with the queries that worked and those that did not. */
export interface CommissionRatesResult {
  successfulQueries: Array<{ index: number; status: number; commissionRates: CommissionRate[] }>
  failedQueries: Array<{ index: number; status: number; violations: BolViolation[] }>
}
