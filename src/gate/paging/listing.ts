/**
 * Every page of an HSS list, read closed. The offset advances by the rows that arrived (never by the
 * page size), until as many rows as `total_num` have come. A list is readable only when that
 * happens exactly: a page that comes back empty before the total, more rows than the total, a
 * total the action cannot read, or a list that grows past its cap is unreadable, never "what came
 * so far". And every listing is bounded by the run's deadline: no page starts after it, so a
 * proxy that ignores `offset` or a server that never stops cannot hold the step past `timeout`.
 */
import { HssError } from '../../errors.ts'
import type { ListPage, Page } from '../../hss/models.ts'
import type { Pacer } from './pace.ts'
import { describeFailure, retryTransient, type RetryContext, type RetryOutcome } from './retry.ts'

/** HSS's page size limit, and the highest `offset` it accepts. */
export const PAGE_LIMIT = 200
export const MAX_OFFSET = 2_000_000

export interface ListingOptions extends RetryContext {
  /** Rows asked for per page (10–200). */
  limit?: number
  /** More rows than this makes the list unreadable (a total that lies, a proxy that repeats pages). */
  maxRows: number
  /** Paces the calls when the API has a budget of its own. */
  pacer?: Pacer
  /** Enough: stop (complete) once this many rows have arrived, for a listing that shows only the first few. */
  stopAfter?: number
  /** Enough: stop (complete) once this says so after a page, for a listing searched for some rows only. */
  enough?: () => boolean
}

export type Unreadable = {
  ok: false
  /** Why, in words for a reason line: `the time-out came first`, `HSS's total_num says 3, but the rows stopped at 0`. */
  why: string
  /** The failure that ended it, when a request failed. */
  error?: HssError
  /** The deadline passed before the list was complete. */
  outOfTime?: boolean
}

export type Listing = { ok: true; rows: number } | Unreadable

/**
 * Reads every page; `take` sees each page's rows in order and may end the listing early as
 * unreadable by returning a reason. Resolves once the list is complete or unreadable.
 */
export async function readListing<T>(
  fetchPage: (page: Page, timeoutMs: number) => Promise<ListPage<T>>,
  take: (items: readonly T[], page: ListPage<T>) => string | undefined,
  options: ListingOptions
): Promise<Listing> {
  const limit = options.limit ?? PAGE_LIMIT
  let received = 0
  for (;;) {
    if (options.clock.now() >= options.deadline) return outOfTime(received)
    if (options.pacer && !(await options.pacer.wait(options.deadline, options.signal))) return outOfTime(received)
    const offset = received
    const answer = await attempt(() => retryTransient((timeoutMs) => fetchPage({ offset, limit }, timeoutMs), options))
    options.pacer?.settle()
    if (!answer.ok) return { ok: false, why: describeFailure(answer.error), error: answer.error }
    const page = answer.value
    received += page.rows
    if (page.total === undefined) return { ok: false, why: `HSS sent no readable total_num (page at offset ${offset})` }
    if (received > page.total) return { ok: false, why: `HSS sent ${received} rows, more than its total_num of ${page.total}` }
    if (received > options.maxRows) return { ok: false, why: `HSS lists more than ${options.maxRows} rows, more than this list can hold` }
    const refused = take(page.items, page)
    if (refused) return { ok: false, why: refused }
    if (received === page.total || (options.stopAfter !== undefined && received >= options.stopAfter) || options.enough?.()) return { ok: true, rows: received }
    if (page.rows === 0) return { ok: false, why: `HSS's total_num says ${page.total}, but the rows stopped at ${received}` }
    if (received > MAX_OFFSET) return { ok: false, why: `HSS lists more rows than its paging can reach (${page.total})` }
  }
}

/** A permanent failure (400, 403, a redirect…) ends the listing as unreadable; cancellation and bugs go on up. */
async function attempt<T>(call: () => Promise<RetryOutcome<T>>): Promise<RetryOutcome<T>> {
  try {
    return await call()
  } catch (error) {
    if (error instanceof HssError) return { ok: false, error }
    throw error
  }
}

function outOfTime(received: number): Unreadable {
  return { ok: false, why: `the time-out came before the list was complete (${received} ${received === 1 ? 'row' : 'rows'} read)`, outOfTime: true }
}

/** A refusal (401, 403, or HSS's access-denied codes): a permission error, never softened. */
export function isRefusal(error: HssError | undefined): boolean {
  if (!error || error.kind !== 'http') return false
  return error.status === 401 || error.status === 403 || error.errorCode === 'HSS.0010' || error.errorCode === 'HSS.0013'
}
