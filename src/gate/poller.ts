/**
 * Waits for the task to be `finished`. Only `finished` ends the wait: ready, running, unknown statuses
 * and a task that does not exist yet all mean "not yet". Never waits past the deadline: one last query
 * may start at the deadline, and it is bounded by its own time-out.
 */
import type { TaskType } from '../inputs/config.ts'
import { countsOf, itemWord } from './counts.ts'
import type { HssError } from '../errors.ts'
import { describeTarget, type Locator } from './locate.ts'
import { FINISHED, type Task } from '../hss/models.ts'
import { retryTransient, type RetryContext } from './retry.ts'
import { adaptiveSchedule, type Schedule } from './schedule.ts'

export type WaitOutcome =
  | { kind: 'finished'; task: Task; queries: number }
  | { kind: 'timed-out'; task: Task | undefined; queries: number; lastError?: HssError }

export interface WaitOptions extends RetryContext {
  locator: Locator
  taskType: TaskType
  /** Adaptive by default; the benchmark compares it with a fixed one. */
  schedule?: Schedule
}

export async function waitForTask(options: WaitOptions): Promise<WaitOutcome> {
  const { locator, clock } = options
  let task: Task | undefined
  let queries = 0
  let lastCall = false
  const schedule = options.schedule ?? adaptiveSchedule(options.pollIntervalMs, options.random)

  for (;;) {
    const attempt = await retryTransient((timeoutMs) => {
      queries++
      return locator.locate(timeoutMs)
    }, options)
    if (!attempt.ok) return { kind: 'timed-out', task, queries, lastError: attempt.error }

    task = attempt.value ?? task
    options.log(progressLine(attempt.value, locator, options.taskType))
    if (attempt.value?.task_status === FINISHED) return { kind: 'finished', task: attempt.value, queries }
    if (lastCall) return { kind: 'timed-out', task, queries }

    const delay = schedule.next(attempt.value, clock.now())
    const remaining = options.deadline - clock.now()
    if (remaining <= 0) return { kind: 'timed-out', task, queries }
    if (delay >= remaining) lastCall = true
    await clock.sleep(Math.min(delay, remaining), options.signal)
  }
}

/** One line per query: status, counts, and HSS's estimate of the minutes left. */
export function progressLine(task: Task | undefined, locator: Locator, taskType: TaskType): string {
  if (!task) {
    return `No ${taskType} task ${describeTarget(locator.target)} yet; waiting for it to appear`
  }
  const counts = countsOf(task, taskType)
  const total = `${counts.succeeded + counts.failed}/${counts.scanned}`
  const estimate =
    task.task_status !== FINISHED && typeof task.estimated_time === 'number' ? `, about ${task.estimated_time} min left` : ''
  return `Task "${task.task_name ?? ''}" (${task.task_id}): ${task.task_status ?? 'unknown'}, ${total} ${itemWord(taskType)} done, ${counts.failed} failed${estimate}`
}
