/**
 * Waits for the task to be `finished`. Only `finished` ends the wait: ready, running, unknown statuses
 * and a task that does not exist yet all mean "not yet". Never waits past the deadline: one last query
 * may start at the deadline, and it is bounded by its own time-out.
 */
import { prose, quoted, type Prose } from '../../escape.ts'
import type { HssError } from '../../errors.ts'
import { text, wholeNumber } from '../../hss/fields.ts'
import { FINISHED, type Task } from '../../hss/models.ts'
import type { TaskType } from '../../inputs/config.ts'
import { itemWord, readCounts } from '../counts.ts'
import { describeTarget, type Located, type Locator } from './locate.ts'
import { retryTransient, type RetryContext } from '../paging/retry.ts'
import { adaptiveSchedule, type Schedule } from './schedule.ts'

/** While nothing changes, the progress line is repeated at most this often. */
export const QUIET_MS = 60_000

export type WaitOutcome =
  | { kind: 'finished'; task: Task; queries: number }
  | { kind: 'timed-out'; task: Task | undefined; queries: number; lastError?: HssError; capped?: Located['capped'] }

export interface WaitOptions extends RetryContext {
  locator: Locator
  taskType: TaskType
  /** Adaptive by default; the benchmark compares it with a fixed one. */
  schedule?: Schedule
}

export async function waitForTask(options: WaitOptions): Promise<WaitOutcome> {
  const { locator, clock } = options
  let task: Task | undefined
  let capped: Located['capped']
  let queries = 0
  let lastCall = false
  const schedule = options.schedule ?? adaptiveSchedule(options.pollIntervalMs, options.random)
  const timedOut = (lastError?: HssError): WaitOutcome => ({ kind: 'timed-out', task, queries, ...(lastError ? { lastError } : {}), ...(capped ? { capped } : {}) })
  // A long wait keeps the log short: a line when something changes, else once a minute.
  let lastLine = ''
  let lastLoggedAt = -Infinity
  const report = (line: string): void => {
    const now = clock.now()
    if (line === lastLine && now - lastLoggedAt < QUIET_MS) return
    options.log(line === lastLine ? `${line} (still, after ${Math.round((now - lastLoggedAt) / 1000)} s)` : line)
    lastLine = line
    lastLoggedAt = now
  }

  for (;;) {
    const attempt = await retryTransient((timeoutMs) => {
      queries++
      return locator.locate(timeoutMs)
    }, options)
    if (!attempt.ok) return timedOut(attempt.error)

    const seen = attempt.value.task
    task = seen ?? task
    // A search the deadline cut short keeps what the last whole search said of the page cap.
    capped = attempt.value.unfinished ? capped : attempt.value.capped
    report(progressLine(attempt.value, locator, options.taskType).text)
    if (seen?.task_status === FINISHED) return { kind: 'finished', task: seen, queries }
    if (lastCall) return timedOut()

    const delay = schedule.next(seen, clock.now())
    const remaining = options.deadline - clock.now()
    if (remaining <= 0) return timedOut()
    if (delay >= remaining) lastCall = true
    await clock.sleep(Math.min(delay, remaining), options.signal)
  }
}

/** One line per query: status, counts, and HSS's estimate of the minutes left. */
export function progressLine(located: Located, locator: Locator, taskType: TaskType): Prose {
  const { task } = located
  if (!task) {
    const cap = located.capped ? prose`: no exact match among the first ${located.capped.read} fuzzy matches (HSS has ${located.capped.total ?? 'more'}); the search stops there, so give task-id or a more specific name` : prose``
    return prose`No ${taskType} task ${describeTarget(locator.target)} yet${cap}; waiting for it to appear`
  }
  const counts = readCounts(task, taskType)
  const show = (n: number | undefined): string | number => n ?? '?'
  const done = counts.succeeded !== undefined && counts.reportedFailed !== undefined ? counts.succeeded + counts.reportedFailed : undefined
  const minutes = wholeNumber(task.estimated_time)
  const estimate = task.task_status === FINISHED || minutes === undefined ? prose`` : minutes === 0 ? prose`, less than a minute left` : prose`, about ${minutes} min left`
  const status = text(task.task_status) ?? 'unknown'
  return prose`Task ${quoted(text(task.task_name) ?? '')} (${task.task_id}): ${status}, ${show(done)}/${show(counts.scanned)} ${itemWord(taskType)} done, ${show(counts.reportedFailed)} failed${estimate}`
}
