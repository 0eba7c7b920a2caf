/**
 * Keeps one gate's calls to an API within its budget: at most `calls` in any `windowMs`. HSS allows
 * one user 5 calls a minute per API, and counts a call when it arrives, which is after the gate sent
 * it. So once a call's answer has come, its place in the window counts from the answer (`settle`):
 * however long a request took to arrive, the next one that waits for its place never lands inside
 * the gateway's minute. Each API has a pacer of its own; calls that share one (listings of one API at
 * once) settle in the order they were let through. A 429 from other users of the budget is the
 * retry's business.
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
  /** When each call in the window was answered (or sent, while its answer has not come). */
  const recent: { at: number; open: boolean }[] = []
  let calls = 0
  const oldest = () => Math.min(...recent.map((slot) => slot.at))
  return {
    get calls() {
      return calls
    },
    async wait(deadline, signal) {
      for (;;) {
        const now = clock.now()
        for (let i = recent.length - 1; i >= 0; i--) if ((recent[i]?.at ?? 0) <= now - budget.windowMs) recent.splice(i, 1)
        if (recent.length < budget.calls) break
        const until = oldest() + budget.windowMs
        if (until > deadline) return false
        await clock.sleep(until - now, signal)
      }
      recent.push({ at: clock.now(), open: true })
      calls++
      return true
    },
    settle() {
      const slot = recent.find((candidate) => candidate.open)
      if (!slot) return
      slot.at = clock.now()
      slot.open = false
    }
  }
}
