/** A Report with sensible defaults, for the reporter tests. */
import { prose } from '../src/escape.ts'
import type { Report } from '../src/report/report.ts'
import { judge } from '../src/gate/verdict.ts'
import { iacTask } from '../simulator/tasks.ts'

export function reportOf(overrides: Partial<Report> = {}): Report {
  const task = overrides.task === undefined && 'task' in overrides ? undefined : (overrides.task ?? iacTask('t-1', 'iac-pr-1', { scanned: 12, succeeded: 11, failed: 1 }))
  const thresholds = overrides.thresholds ?? { maxFailed: 0, maxFailedPercent: 10, minScanned: 1 }
  const taskType = overrides.taskType ?? 'iac_scan'
  return {
    taskType,
    thresholds,
    softFail: false,
    timeoutMs: 1_800_000,
    ref: { by: 'id', id: 't-1' },
    target: { id: 't-1', name: undefined },
    task,
    verdict: judge({ task, taskType, thresholds, timeoutMs: 1_800_000, wanted: prose`with id ${'t-1'}` }),
    failedFiles: undefined,
    elapsedMs: 95_000,
    queries: 7,
    ...overrides
  }
}
