/** The gate's judgement: a pure function from what HSS reported to passed, failed or timed-out. */
import type { TaskType, Thresholds } from '../inputs/config.ts'
import { countsOf, failedPercent, itemWord, type Counts } from './counts.ts'
import { FINISHED, type Task } from '../hss/models.ts'
import { formatDuration } from '../inputs/parse.ts'

export type Result = 'passed' | 'failed' | 'timed-out'

export interface Check {
  /** The input that sets the limit. */
  input: 'max-failed' | 'max-failed-percent' | 'min-scanned'
  label: string
  /** `at most` for the failure limits, `at least` for min-scanned. */
  bound: 'at most' | 'at least'
  limit: number
  actual: number
  unit: '' | '%'
  met: boolean
}

export interface Verdict {
  result: Result
  /** One line per broken threshold, or the time-out; empty when passed. */
  reasons: string[]
  checks: Check[]
  counts: Counts
  failedPercent: number
}

export interface JudgeInput {
  /** The last task seen, if any. */
  task: Task | undefined
  taskType: TaskType
  thresholds: Thresholds
  timeoutMs: number
  /** How the task was asked for, for the time-out message. */
  wanted: string
  /** Why the last query failed, when the time ran out during failures. */
  lastError?: string
}

export function judge(input: JudgeInput): Verdict {
  const { task, taskType, thresholds } = input
  const counts = countsOf(task, taskType)
  const percent = failedPercent(counts)

  if (task?.task_status !== FINISHED) {
    const failing = input.lastError ? `; the last query failed: ${input.lastError}` : ''
    const reason = task
      ? `Task ${input.wanted} did not finish within ${formatDuration(input.timeoutMs)} (last status: ${task.task_status ?? 'none'})${failing}`
      : `No ${taskType} task ${input.wanted} was found within ${formatDuration(input.timeoutMs)}${failing}`
    return { result: 'timed-out', reasons: [reason], checks: [], counts, failedPercent: percent }
  }

  const items = itemWord(taskType)
  const checks: Check[] = [
    {
      input: 'max-failed',
      label: `Failed ${items}`,
      bound: 'at most',
      limit: thresholds.maxFailed,
      actual: counts.failed,
      unit: '',
      met: counts.failed <= thresholds.maxFailed
    }
  ]
  if (thresholds.maxFailedPercent !== undefined) {
    checks.push({
      input: 'max-failed-percent',
      label: `Failed ${items} (percent)`,
      bound: 'at most',
      limit: thresholds.maxFailedPercent,
      actual: percent,
      unit: '%',
      // Compared unrounded: 10.04 % breaks a 10 % limit even though it shows as 10.0.
      met: counts.failed * 100 <= thresholds.maxFailedPercent * counts.scanned
    })
  }
  checks.push({
    input: 'min-scanned',
    label: `Scanned ${items}`,
    bound: 'at least',
    limit: thresholds.minScanned,
    actual: counts.scanned,
    unit: '',
    met: counts.scanned >= thresholds.minScanned
  })

  const reasons = checks.filter((check) => !check.met).map((check) => reasonFor(check, counts, items))
  return { result: reasons.length ? 'failed' : 'passed', reasons, checks, counts, failedPercent: percent }
}

/** One decimal, as the `failed-percent` output shows it. */
export function percentText(percent: number): string {
  return String(Math.round(percent * 10) / 10)
}

function reasonFor(check: Check, counts: Counts, items: string): string {
  switch (check.input) {
    case 'max-failed':
      return `${counts.failed} ${items} failed to scan, more than max-failed ${check.limit}`
    case 'max-failed-percent':
      return `${Number(check.actual.toFixed(2))}% of ${items} failed (${counts.failed} of ${counts.scanned}), more than max-failed-percent ${check.limit}`
    case 'min-scanned':
      return `Only ${counts.scanned} ${items} were scanned, fewer than min-scanned ${check.limit}`
  }
}
