/**
 * Property: whatever HSS puts in the count fields (missing, null, digit strings, words, negatives,
 * fractions, huge numbers, objects) and whatever the status, the gate passes only when the task is
 * finished, every count is readable, and every scanned item is accounted for within the thresholds.
 * The oracle below is written from the contract, not from src/. Thousands of cases go through the
 * pure verdict; a sample goes through dist/index.js. Replay with PROPERTY_SEED=<seed in the name>.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { prose } from '../src/escape.ts'
import { judge } from '../src/gate/verdict.ts'
import type { Thresholds } from '../src/inputs/config.ts'
import { gate } from '../__fixtures__/e2e.ts'

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))

const countValue = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 30 }) },
  { weight: 3, arbitrary: fc.nat({ max: 30 }).map(String) },
  { weight: 1, arbitrary: fc.nat({ max: 30 }).map((n) => `00${n}`) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, -3, -1, 1.5, 0.1, 2 ** 53, 2 ** 53 + 1, Number.MAX_VALUE, '', ' 3', '3 ', '+3', '-3', '3.0', '1e3', 'three', '0x10', '９', true, [], [3], { n: 3 }) }
)
const status = fc.constantFrom('finished', 'finished', 'finished', 'running', 'ready', 'FINISHED', 'done', '', null, undefined, 7)
const thresholds: fc.Arbitrary<Thresholds> = fc.record({
  maxFailed: fc.nat({ max: 10 }),
  maxFailedPercent: fc.option(fc.integer({ min: 0, max: 1000 }).map((n) => n / 10), { nil: undefined }),
  minScanned: fc.nat({ max: 5 })
})
const iacCase = fc.record({ taskType: fc.constant('iac_scan' as const), status, info: fc.record({ scan_file_num: countValue, success_file_num: countValue, failed_file_num: countValue }, { requiredKeys: [] }), thresholds })
const clusterCase = fc.record({ taskType: fc.constant('cluster_scan' as const), status, info: fc.record({ scanning_cluster_num: countValue, success_cluster_num: countValue, failed_cluster_num: countValue }, { requiredKeys: [] }), thresholds })
const anyCase = fc.oneof(iacCase, clusterCase)
type Case = typeof anyCase extends fc.Arbitrary<infer T> ? T : never

/** A whole number ≥ 0 as the contract reads it: a JSON number, or a string of digits. */
function readable(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined
  if (typeof value === 'string' && /^[0-9]+$/.test(value)) {
    const n = Number(value)
    return Number.isSafeInteger(n) ? n : undefined
  }
  return undefined
}

/** The contract's verdict on a case: passed, failed, or timed-out (not finished). */
function oracle(c: Case): 'passed' | 'failed' | 'timed-out' {
  if (c.status !== 'finished') return 'timed-out'
  const info = c.info as Record<string, unknown>
  let scanned: number | undefined
  let succeeded: number | undefined
  let failed: number | undefined
  if (c.taskType === 'iac_scan') {
    ;[scanned, succeeded, failed] = [readable(info.scan_file_num), readable(info.success_file_num), readable(info.failed_file_num)]
  } else {
    const scanning = readable(info.scanning_cluster_num)
    ;[succeeded, failed] = [readable(info.success_cluster_num), readable(info.failed_cluster_num)]
    scanned = scanning === undefined || succeeded === undefined || failed === undefined ? undefined : scanning + succeeded + failed
  }
  if (scanned === undefined || succeeded === undefined || failed === undefined) return 'failed'
  const judged = Math.max(failed, scanned - succeeded)
  const { maxFailed, maxFailedPercent, minScanned } = c.thresholds
  if (judged > maxFailed || scanned < minScanned) return 'failed'
  if (maxFailedPercent !== undefined && scanned > 0 && (judged / scanned) * 100 > maxFailedPercent + 1e-9) return 'failed'
  return 'passed'
}

function taskOf(c: Case): Record<string, unknown> & { task_id: string } {
  return { task_id: 't-1', task_type: c.taskType, task_name: 'n', task_status: c.status, [c.taskType === 'iac_scan' ? 'iac_scan_info' : 'cluster_scan_info']: c.info }
}

describe(`counts of any shape (PROPERTY_SEED=${seed})`, () => {
  it('the verdict passes exactly when the contract says it may', () => {
    fc.assert(
      fc.property(anyCase, (c) => {
        const verdict = judge({ task: taskOf(c), taskType: c.taskType, thresholds: c.thresholds, timeoutMs: 60_000, wanted: prose`with id ${'t-1'}` })
        expect(verdict.result).toBe(oracle(c))
        if (verdict.result === 'failed') expect(verdict.reasons.length).toBeGreaterThan(0)
      }),
      { seed, numRuns: 3000 }
    )
  })

  const sample = fc.sample(anyCase.filter((c) => c.status === 'finished'), { seed, numRuns: 16 })
  it.concurrent.each(sample.map((c, i) => [i, c] as const))('through dist/index.js, case %i', async (_i, c) => {
    const inputs = {
      'task-id': 't-1',
      'task-type': c.taskType,
      timeout: '20s',
      'max-failed': String(c.thresholds.maxFailed),
      'max-failed-percent': c.thresholds.maxFailedPercent === undefined ? '' : String(c.thresholds.maxFailedPercent),
      'min-scanned': String(c.thresholds.minScanned)
    }
    const run = await gate({ tasks: [{ task: taskOf(c) }] }, inputs)
    const context = JSON.stringify(c)
    expect({ context, result: run.outputs.result, code: run.code }).toEqual({ context, result: oracle(c), code: oracle(c) === 'passed' ? 0 : 1 })
  })
})
