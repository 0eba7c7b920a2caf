/**
 * Retries transient HSS failures with exponential backoff and jitter, honouring Retry-After,
 * and never past the deadline. Permanent failures and cancellation are thrown at once.
 */
import type { Clock } from '../../clock.ts'
import { HssError } from '../../errors.ts'
import { REACH_WINDOW_MS, type Reachability } from '../../hss/reachability.ts'

export interface RetryContext {
  clock: Clock
  /** [0, 1), Math.random in production. */
  random: () => number
  /** Epoch ms: no attempt starts after it (but the first), and no wait runs past it. */
  deadline: number
  /** The longest one request may take. */
  requestTimeoutMs: number
  /** The normal poll interval: the floor of the wait after HSS throttled. */
  pollIntervalMs: number
  log: (line: string) => void
  signal?: AbortSignal
  /** Which failures to retry; HssError.transient unless said otherwise. */
  retryable?: (error: HssError) => boolean
  /**
   * Which endpoints have answered: a connection failure at one that never has is retried only
   * within REACH_WINDOW_MS of the run's start, then thrown as an UnreachableError.
   */
  reach?: Reachability
}

export type RetryOutcome<T> = { ok: true; value: T } | { ok: false; error: HssError }

/** The least time one attempt gets, even at the deadline. */
export const MIN_ATTEMPT_MS = 2000
const BACKOFF_BASE_MS = 1000

export async function retryTransient<T>(attempt: (timeoutMs: number) => Promise<T>, ctx: RetryContext): Promise<RetryOutcome<T>> {
  let lastTry = false
  for (let failures = 1; ; failures++) {
    // Until an endpoint has answered, an attempt also ends with the window it has to answer in.
    const reachLeft = ctx.reach && !ctx.reach.anyAnswer() ? ctx.reach.since + REACH_WINDOW_MS - ctx.clock.now() : Number.POSITIVE_INFINITY
    const left = ctx.deadline - ctx.clock.now()
    const timeoutMs = Math.min(ctx.requestTimeoutMs, Math.max(MIN_ATTEMPT_MS, Math.min(left, reachLeft)))
    try {
      return { ok: true, value: await attempt(timeoutMs) }
    } catch (error) {
      if (!(error instanceof HssError) || !(ctx.retryable ?? isTransient)(error)) throw error
      const unreached = ctx.reach?.unreached(error)
      const deadline = unreached && ctx.reach ? Math.min(ctx.deadline, ctx.reach.since + REACH_WINDOW_MS) : ctx.deadline
      const remaining = deadline - ctx.clock.now()
      if (lastTry || remaining <= 0) {
        if (unreached) throw unreached
        ctx.log(`${retryLine(error)}; no time left to retry before the time-out`)
        return { ok: false, error }
      }
      const delay = backoffDelay(failures, error, ctx)
      if (delay >= remaining) {
        // Rather than give up early, use the time that is left: wait until the deadline, try once more.
        ctx.log(`${retryLine(error)}; ${unreached ? 'the endpoint has never answered, and the gate gives it' : 'the time-out is'} ${seconds(remaining)} s ${unreached ? 'more' : 'away'}, so one last try then`)
        lastTry = true
        await ctx.clock.sleep(remaining, ctx.signal)
        continue
      }
      ctx.log(`${retryLine(error)}; retrying in ${seconds(delay)} s (attempt ${failures + 1})`)
      await ctx.clock.sleep(delay, ctx.signal)
    }
  }
}

const isTransient = (error: HssError): boolean => error.transient

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1)
}

/**
 * Exponential backoff with equal jitter: 1 s·2^(n−1), capped, then a random half of it added to half.
 * Throttling is not a fault but a budget shared with other gates, and it frees up as time passes:
 * a gate that backs off exponentially sleeps through the calls it waited for, and leaves them
 * unused. So after a 429 the wait is one poll interval, jittered ±50 % (the gate asks no more
 * often than it polls anyway, and gates throttled together come back apart), never longer. A
 * Retry-After is honoured (plus a little jitter).
 */
export function backoffDelay(failures: number, error: HssError, ctx: Pick<RetryContext, 'random' | 'pollIntervalMs'>): number {
  let delay: number
  if (error.throttled) {
    delay = ctx.pollIntervalMs * (0.5 + ctx.random())
  } else {
    const cap = Math.max(60_000, 4 * ctx.pollIntervalMs)
    const exponential = Math.min(cap, BACKOFF_BASE_MS * 2 ** Math.min(failures - 1, 20))
    delay = exponential / 2 + (ctx.random() * exponential) / 2
  }
  if (error.retryAfterMs !== undefined) {
    delay = Math.max(delay, error.retryAfterMs + ctx.random() * Math.min(1000, error.retryAfterMs / 10))
  }
  return Math.round(delay)
}

/** What went wrong, for the time-out reason: throttling is said as such. */
export function describeFailure(error: HssError): string {
  if (!error.throttled) return error.message
  const after = error.retryAfterMs === undefined ? '' : ` (Retry-After ${Math.round(error.retryAfterMs / 1000)} s)`
  return `HSS throttled the request: ${error.operation} got HTTP ${error.status ?? 429}${error.errorCode ? ` ${error.errorCode}` : ''}${after}`
}

function retryLine(error: HssError): string {
  return error.throttled ? describeFailure(error) : `Transient failure: ${error.message}`
}
