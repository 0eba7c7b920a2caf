/**
 * Hostile and broken listings, for the property tests of the risk phase: how a list is served, and
 * what the contract says the verdict must be. Plain data, so a failing case can be printed and replayed.
 */
import fc from 'fast-check'
import type { ListPage, Page } from '../src/hss/models.ts'

export const LEVELS = ['high', 'medium', 'low', 'tips'] as const

/** How a list is served: honestly, or with one of the faults a broken server or proxy has. */
export const LIST_FAULTS = ['honest', 'short-pages', 'duplicate', 'foreign', 'non-object', 'total-high', 'total-low', 'no-list'] as const
export type ListFault = (typeof LIST_FAULTS)[number]
/** Faults after which the list is still read in full: short pages with a true total. */
const readable = (fault: ListFault) => fault === 'honest' || fault === 'short-pages'

/** One page of `rows` as served with `fault`. */
export function serve<T extends Record<string, unknown>>(rows: T[], page: Page, fault: ListFault, foreign: T): ListPage<unknown> & { raw: unknown[] } {
  let list: unknown[] = rows
  let total = rows.length
  if (fault === 'duplicate' && rows.length >= 2) list = [...rows.slice(0, -1), rows[0]]
  if (fault === 'foreign' && rows.length >= 1) list = [...rows.slice(0, -1), foreign]
  if (fault === 'non-object' && rows.length >= 1) list = [...rows.slice(0, -1), 'row']
  if (fault === 'total-high') total = rows.length + 3
  if (fault === 'total-low' && rows.length >= 1) total = rows.length - 1
  if (fault === 'no-list') return { items: [], rows: 0, total: rows.length + 1, raw: [] }
  const size = fault === 'short-pages' ? Math.max(1, Math.floor(page.limit / 3)) : page.limit
  const slice = list.slice(page.offset, page.offset + size)
  return { items: slice.filter((r) => typeof r === 'object' && r !== null), rows: slice.length, total, raw: slice }
}

// A risk row from elsewhere that looks like a risk cannot be told from the truth; every other fault can.
const RISK_FAULTS = LIST_FAULTS.filter((fault) => fault !== 'foreign')
export const riskCase = fc.record({
  level: fc.constantFrom(...LEVELS),
  files: fc.array(fc.record({ risks: fc.array(fc.constantFrom(...LEVELS), { maxLength: 30 }), fault: fc.constantFrom<ListFault>(...RISK_FAULTS) }), { minLength: 1, maxLength: 6 }),
  filesFault: fc.constantFrom<ListFault>(...LIST_FAULTS)
})
export type RiskCase = typeof riskCase extends fc.Arbitrary<infer T> ? T : never

/** The contract's verdict: passed only when every file was listed and read in full, and no risk is at or above the level. */
export function oracle(c: RiskCase): 'passed' | 'failed' {
  const filesFine = readable(c.filesFault) || (c.filesFault === 'duplicate' && c.files.length < 2)
  if (!filesFine) return 'failed'
  // A fault on a list with no rows changes nothing but a lying total.
  const read = c.files.every((f) => readable(f.fault) || (f.risks.length === 0 && !['total-high', 'no-list'].includes(f.fault)) || (f.risks.length < 2 && f.fault === 'duplicate'))
  if (!read) return 'failed'
  const breaking = c.files.some((f) => f.risks.some((l) => LEVELS.indexOf(l) <= LEVELS.indexOf(c.level)))
  return breaking ? 'failed' : 'passed'
}

