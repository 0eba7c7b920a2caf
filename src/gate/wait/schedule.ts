/**
 * How long to wait before the next status query. HSS allows one user about 5 queries a minute, so a
 * long scan should not spend them on "still running": while HSS's `estimated_time` says the finish
 * is far away, the wait stretches (up to 4 × poll-interval); for the last minute, and as soon as the
 * estimate proves wrong, it is poll-interval again. Gates started together are kept out of lockstep
 * by jitter: the first wait is shortened by up to 10 % (an offset that lasts the whole run), and
 * stretched waits vary by ±10 %. A wait that is not stretched is never longer than poll-interval, so
 * short scans cost no more latency than a fixed poller.
 */
import { FINISHED, type Task } from '../../hss/models.ts'

export const STRETCH_CAP = 4
export const JITTER = 0.1
const MINUTE = 60_000

export interface Schedule {
  /** The wait after a query that saw `task` (undefined: not found yet) at time `now`. */
  next(task: Task | undefined, now: number): number
}

export function fixedSchedule(pollIntervalMs: number): Schedule {
  return { next: () => pollIntervalMs }
}

export function adaptiveSchedule(pollIntervalMs: number, random: () => number): Schedule {
  let trusted = true
  let first = true
  /** When the last estimate said the task would finish, in epoch ms. */
  let predictedFinish: number | undefined

  return {
    next(task, now) {
      const estimateMs = estimateOf(task)
      if (estimateMs !== undefined && trusted && predictedFinish !== undefined) {
        // Wrong when HSS now expects later than it said (beyond its 1-minute rounding), or the
        // predicted finish has passed by more than that and the task still runs.
        const expectedNow = predictedFinish - now
        if (estimateMs > expectedNow + MINUTE || now > predictedFinish + MINUTE) trusted = false
      }
      predictedFinish = estimateMs === undefined ? undefined : now + estimateMs

      const stretch = trusted && estimateMs !== undefined && estimateMs > MINUTE
      const offset = first ? 1 - JITTER * random() : 1
      first = false
      if (!stretch) return Math.round(pollIntervalMs * offset)
      const base = clamp(estimateMs - MINUTE, pollIntervalMs, STRETCH_CAP * pollIntervalMs)
      return Math.round(Math.min(base * (1 - JITTER + 2 * JITTER * random()), STRETCH_CAP * pollIntervalMs))
    }
  }
}

/** HSS's estimate of the time left, in ms, for a task that is still running. */
function estimateOf(task: Task | undefined): number | undefined {
  const minutes = task?.estimated_time
  if (!task || task.task_status === FINISHED || typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) return undefined
  return minutes * MINUTE
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value))
}
