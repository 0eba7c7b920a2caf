/**
 * Random task life-cycles and fault sequences, and the ground truth each one implies, for the
 * property tests. A scenario is plain data, so a failing one can be printed and replayed.
 */
import fc from 'fast-check'
import type { Thresholds } from '../src/inputs/config.ts'
import type { Task } from '../src/hss/models.ts'
import type { Fault } from '../simulator/faults.ts'
import type { ScriptedTask } from '../simulator/tasks.ts'
import { iacTask } from '../simulator/tasks.ts'

export const FAULTS = ['5xx', 'html', 'reset', 'hang', 'throttle', 'throttle-retry-after', 'truncated', 'malformed', 'empty-list'] as const
export type FaultName = (typeof FAULTS)[number]

export interface Scenario {
  /** Successful queries before the task exists; null: it never appears. */
  appearAfter: number | null
  /** The status shown at each successful query after it appears (the last one repeats). */
  statuses: string[]
  counts: { scanned: number; succeeded: number; failed: number }
  /** The fault (or null) answered to each request, in order; later requests are served normally. */
  faults: (FaultName | null)[]
  thresholds: Thresholds
}

const STATUS = fc.constantFrom('ready', 'running', 'running', 'queued', 'FINISHED', 'failed', '')

export const scenarioArb = (limits: { maxAppear: number; maxStatuses: number; maxFaults: number }): fc.Arbitrary<Scenario> =>
  fc.record({
    appearAfter: fc.option(fc.nat({ max: limits.maxAppear }), { freq: 6 }),
    statuses: fc
      .tuple(fc.array(STATUS, { maxLength: limits.maxStatuses }), fc.boolean(), fc.boolean())
      // Most tasks finish; some stay unfinished for good.
      .map(([before, finishes, more]) => (finishes || more ? [...before, 'finished'] : before.length ? before : ['running'])),
    counts: fc.nat({ max: 40 }).chain((scanned) =>
      fc.nat({ max: scanned }).chain((failed) => fc.constant({ scanned, failed, succeeded: scanned - failed }))
    ),
    faults: fc.array(fc.option(fc.constantFrom(...FAULTS), { freq: 2 }), { maxLength: limits.maxFaults }),
    thresholds: fc.record({
      maxFailed: fc.nat({ max: 10 }),
      maxFailedPercent: fc.option(fc.integer({ min: 0, max: 1000 }).map((n) => n / 10), { nil: undefined }),
      minScanned: fc.nat({ max: 5 })
    })
  })

/** The task as it is at the n-th successful query, or undefined before it appears. */
export function taskAtQuery(s: Scenario, n: number): Task | undefined {
  if (s.appearAfter === null || n < s.appearAfter) return undefined
  const status = s.statuses[Math.min(n - s.appearAfter, s.statuses.length - 1)] ?? 'running'
  const done = status === 'finished'
  const counts = done ? s.counts : { scanned: s.counts.scanned, succeeded: Math.floor(s.counts.succeeded / 2), failed: Math.floor(s.counts.failed / 2) }
  return iacTask('t-1', 'iac-pr-1', counts, { task_status: status, estimated_time: done ? 0 : 2 })
}

/** What the gate must say of a finished task with these counts, computed independently of src/. */
export function expectedVerdict(s: Scenario): { result: 'passed' | 'failed'; broken: number } {
  const { scanned, failed } = s.counts
  const { maxFailed, maxFailedPercent, minScanned } = s.thresholds
  const broken =
    Number(failed > maxFailed) +
    Number(maxFailedPercent !== undefined && scanned > 0 && (failed / scanned) * 100 > maxFailedPercent + 1e-9) +
    Number(scanned < minScanned)
  return { result: broken ? 'failed' : 'passed', broken }
}

/** The same scenario as simulator faults and a scripted task. */
export function toSimulator(s: Scenario): { faults: Fault[]; tasks: ScriptedTask[] } {
  const faults = s.faults.map((name): Fault => {
    switch (name) {
      case null:
        return { kind: 'pass' }
      case '5xx':
        return { kind: 'status', status: 503, body: 'Service Unavailable' }
      case 'html':
        return { kind: 'html' }
      case 'reset':
        return { kind: 'reset' }
      case 'hang':
        return { kind: 'hang' }
      case 'throttle':
        return { kind: 'throttle' }
      case 'throttle-retry-after':
        return { kind: 'throttle', retryAfter: '1' }
      case 'truncated':
        return { kind: 'truncated' }
      case 'malformed':
        return { kind: 'malformed' }
      case 'empty-list':
        return { kind: 'empty-list' }
    }
  })
  if (s.appearAfter === null) return { faults, tasks: [] }
  const first = taskAtQuery(s, s.appearAfter) as Task
  const tasks: ScriptedTask[] = [
    {
      task: first,
      appear: { afterQueries: s.appearAfter },
      phases: s.statuses.map((_, i) => {
        const task = taskAtQuery(s, s.appearAfter! + i) as Task
        return { afterQueries: s.appearAfter! + i, status: String(task.task_status ?? ''), patch: task }
      })
    }
  ]
  return { faults, tasks }
}
