/**
 * A clock for work that runs concurrently: time moves only when every task is waiting on it, and
 * then straight to the earliest wake-up. Two tasks that each sleep a minute at once take one virtual
 * minute, not two (fake-clock.ts adds every sleep to one timeline, which suits one task at a time).
 * The work must do no real I/O: it is driven to completion by `run`.
 */
import type { Clock } from '../src/clock.ts'
import { CancelledError } from '../src/errors.ts'

export interface VirtualClock extends Clock {
  /** Drives `work` to its end, moving time as its tasks sleep; rejects when it waits on nothing the clock can wake. */
  run<T>(work: Promise<T>): Promise<T>
}

interface Timer {
  at: number
  order: number
  wake: () => void
}

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve))

export function virtualClock(start = 1_800_000_000_000): VirtualClock {
  let now = start
  let order = 0
  const timers: Timer[] = []
  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(new CancelledError())
        const timer: Timer = { at: now + Math.max(0, ms), order: order++, wake: resolve }
        timers.push(timer)
        signal?.addEventListener(
          'abort',
          () => {
            const at = timers.indexOf(timer)
            if (at >= 0) timers.splice(at, 1)
            reject(new CancelledError())
          },
          { once: true }
        )
      })
    },
    async run(work) {
      let done = false
      const finished = work.finally(() => {
        done = true
      })
      finished.catch(() => undefined)
      for (;;) {
        // Every promise chain that can move without time has moved once a macrotask has passed.
        await macrotask()
        if (done) return finished
        timers.sort((a, b) => a.at - b.at || a.order - b.order)
        const next = timers.shift()
        if (!next) throw new Error('the work waits on something the virtual clock cannot wake')
        now = Math.max(now, next.at)
        next.wake()
      }
    }
  }
}
