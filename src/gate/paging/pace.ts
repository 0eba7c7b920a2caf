/**
 * Keeps one gate's calls to an API within a budget: at most `calls` in any `windowMs`. HSS allows one
 * user about 5 calls a minute per API; with `calls` 5 and a window of 5 × poll-interval the gate
 * spends that budget at the pace the workflow chose (poll-interval 12 s uses all of it), in short
 * bursts when the window allows. A 429 from other users of the budget is the retry's business.
 */
import type { Clock } from '../../clock.ts'

export interface Pacer {
  /** Waits until a call fits the budget; false (without waiting) when that would be past `deadline`. */
  wait(deadline: number, signal?: AbortSignal): Promise<boolean>
  /** Calls made so far. */
  readonly calls: number
}

export function slidingWindow(clock: Clock, budget: { calls: number; windowMs: number }): Pacer {
  const recent: number[] = []
  let calls = 0
  return {
    get calls() {
      return calls
    },
    async wait(deadline, signal) {
      const now = clock.now()
      while (recent.length && (recent[0] ?? 0) <= now - budget.windowMs) recent.shift()
      if (recent.length >= budget.calls) {
        const until = (recent[0] ?? now) + budget.windowMs
        if (until > deadline) return false
        await clock.sleep(until - now, signal)
        recent.shift()
      }
      recent.push(clock.now())
      calls++
      return true
    }
  }
}
