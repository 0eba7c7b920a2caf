/**
 * Keeps one gate's calls to an API within its budget: at most `calls` in any `windowMs`. HSS allows
 * one user 5 calls a minute per API, and counts a call when it arrives, which is after the gate sent
 * it. So once a call's answer has come, its place in the window counts from the answer (`settle`):
 * however long a request took to arrive, the next one that waits for its place never lands inside
 * the gateway's minute. Each API has a pacer of its own, and its calls go one at a time. A 429 from
 * other users of the budget is the retry's business.
 */
import type { Clock } from '../../clock.ts'

export interface Pacer {
  /** Waits until a call fits the budget; false (without waiting) when that would be past `deadline`. */
  wait(deadline: number, signal?: AbortSignal): Promise<boolean>
  /** The call `wait` let through has its answer: its place in the window counts from now. */
  settle(): void
  /** Calls made so far. */
  readonly calls: number
}

export function slidingWindow(clock: Clock, budget: { calls: number; windowMs: number }): Pacer {
  /** When each call in the window was answered (or sent, until its answer comes), oldest first. */
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
    },
    settle() {
      if (recent.length) recent[recent.length - 1] = clock.now()
    }
  }
}
