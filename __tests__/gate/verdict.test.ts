import { describe, expect, it } from '@jest/globals'
import type { Thresholds } from '../../src/inputs/config.ts'
import { judge, percentText } from '../../src/gate/verdict.ts'
import { clusterTask, iacTask } from '../../simulator/tasks.ts'

const base: Thresholds = { maxFailed: 0, maxFailedPercent: undefined, minScanned: 1 }
const iac = (scanned: number, succeeded: number, failed: number, status = 'finished') => iacTask('t', 'n', { scanned, succeeded, failed }, { task_status: status })
const judgeIac = (task: ReturnType<typeof iac> | undefined, thresholds: Partial<Thresholds> = {}) =>
  judge({ task, taskType: 'iac_scan', thresholds: { ...base, ...thresholds }, timeoutMs: 900_000, wanted: 'named "n"' })

describe('judge', () => {
  it('passes a clean scan', () => {
    const verdict = judgeIac(iac(12, 12, 0))
    expect(verdict.result).toBe('passed')
    expect(verdict.reasons).toEqual([])
    expect(verdict.checks.map((c) => [c.input, c.met])).toEqual([['max-failed', true], ['min-scanned', true]])
  })

  it('fails on more failed files than max-failed, with one reason', () => {
    const verdict = judgeIac(iac(12, 10, 2), { maxFailed: 1 })
    expect(verdict.result).toBe('failed')
    expect(verdict.reasons).toEqual(['2 files failed to scan, more than max-failed 1'])
  })

  it('allows exactly max-failed', () => {
    expect(judgeIac(iac(12, 10, 2), { maxFailed: 2 }).result).toBe('passed')
  })

  it('fails on a percentage above max-failed-percent, compared unrounded', () => {
    const verdict = judgeIac(iac(9950, 8950, 1000), { maxFailed: 10_000, maxFailedPercent: 10 })
    expect(verdict.result).toBe('failed')
    expect(percentText(verdict.failedPercent)).toBe('10.1')
    expect(verdict.reasons).toEqual(['10.05% of files failed (1000 of 9950), more than max-failed-percent 10'])

    const atLimit = judgeIac(iac(1000, 900, 100), { maxFailed: 10_000, maxFailedPercent: 10 })
    expect(atLimit.result).toBe('passed')
  })

  it('fails a scan of nothing by default (min-scanned 1), and passes it with min-scanned 0', () => {
    expect(judgeIac(iac(0, 0, 0)).reasons).toEqual(['Only 0 files were scanned, fewer than min-scanned 1'])
    expect(judgeIac(iac(0, 0, 0), { minScanned: 0 }).result).toBe('passed')
  })

  it('gives one reason per broken threshold', () => {
    const verdict = judgeIac(iac(2, 0, 2), { maxFailed: 0, maxFailedPercent: 50, minScanned: 5 })
    expect(verdict.reasons).toHaveLength(3)
    expect(verdict.checks.every((c) => !c.met)).toBe(true)
  })

  it.each(['running', 'ready', 'failed', 'unknown-status', undefined])('never passes a task whose status is %j', (status) => {
    const verdict = judgeIac({ ...iac(12, 12, 0), task_status: status })
    expect(verdict.result).toBe('timed-out')
    expect(verdict.checks).toEqual([])
    expect(verdict.reasons[0]).toMatch(/did not finish within 15m/)
  })

  it('times out when no task was found', () => {
    const verdict = judgeIac(undefined)
    expect(verdict).toMatchObject({ result: 'timed-out', reasons: ['No iac_scan task named "n" was found within 15m'], counts: { scanned: 0, succeeded: 0, failed: 0 }, failedPercent: 0 })
  })

  it('counts clusters as scanning + success + failed', () => {
    const task = clusterTask('c', 'n', { scanning: 1, succeeded: 3, failed: 1 })
    const verdict = judge({ task, taskType: 'cluster_scan', thresholds: { ...base, maxFailed: 0 }, timeoutMs: 60_000, wanted: 'x' })
    expect(verdict.counts).toEqual({ scanned: 5, succeeded: 3, failed: 1 })
    expect(verdict.reasons).toEqual(['1 clusters failed to scan, more than max-failed 0'])
  })

  it('reads garbage counts as zero rather than passing on them', () => {
    const task = { ...iac(0, 0, 0), iac_scan_info: { scan_file_num: -5, success_file_num: 1.5, failed_file_num: '3' as unknown as number } }
    expect(judgeIac(task).counts).toEqual({ scanned: 0, succeeded: 0, failed: 0 })
    expect(judgeIac(task).result).toBe('failed')
  })
})
