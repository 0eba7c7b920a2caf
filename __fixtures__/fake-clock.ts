/** A clock that never really sleeps: sleep(ms) moves time forward by ms at once. */
import type { Clock } from '../src/clock.ts'
import { CancelledError } from '../src/errors.ts'

export interface FakeClock extends Clock {
  sleeps: number[]
  advance(ms: number): void
}

export function fakeClock(start = 1_800_000_000_000): FakeClock {
  let t = start
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => t,
    advance: (ms) => {
      t += ms
    },
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new CancelledError()
      sleeps.push(ms)
      t += Math.max(0, ms)
    }
  }
}
