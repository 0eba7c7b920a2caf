import { describe, expect, it } from '@jest/globals'
import { percentText } from '../../src/gate/counts.ts'
import { judge, percentAbove, reasonLines, type Verdict } from '../../src/gate/verdict.ts'
import { prose } from '../../src/escape.ts'
import type { Task } from '../../src/hss/models.ts'
import type { RiskLevel, Thresholds } from '../../src/inputs/config.ts'
import type { RiskReading } from '../../src/gate/risks/risks.ts'
import { assessmentOf, readingOf, riskRow } from '../../__fixtures__/report.ts'
import { clusterTask, iacTask } from '../../simulator/tasks.ts'

const base: Thresholds = { maxFailed: 0, maxFailedPercent: undefined, minScanned: 1 }
const iac = (scanned: number, succeeded: number, failed: number, status = 'finished') => iacTask('t', 'n', { scanned, succeeded, failed }, { task_status: status })
const judgeIac = (task: Task | undefined, thresholds: Partial<Thresholds> = {}) =>
  judge({ task, taskType: 'iac_scan', thresholds: { ...base, ...thresholds }, timeoutMs: 900_000, wanted: prose`named ${'n'}` })
const reasons = (verdict: Verdict) => reasonLines(verdict)
const withInfo = (info: Record<string, unknown>) => ({ ...iac(0, 0, 0), iac_scan_info: info })

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
    expect(reasons(verdict)).toEqual(['2 files failed to scan, more than max-failed 1'])
  })

  it('allows exactly max-failed', () => {
    expect(judgeIac(iac(12, 10, 2), { maxFailed: 2 }).result).toBe('passed')
  })

  it('fails on a percentage above max-failed-percent, compared unrounded, and shows it above the limit', () => {
    const verdict = judgeIac(iac(10_000, 8996, 1004), { maxFailed: 10_000, maxFailedPercent: 10 })
    expect(verdict.result).toBe('failed')
    expect(percentText(verdict.failedPercent ?? 0)).toBe('10')
    expect(reasons(verdict)).toEqual(['10.04% of files failed (1004 of 10000), more than max-failed-percent 10'])

    const atLimit = judgeIac(iac(1000, 900, 100), { maxFailed: 10_000, maxFailedPercent: 10 })
    expect(atLimit.result).toBe('passed')
  })

  it('reads the share of nothing scanned as 0, as the contract defines failed-percent', () => {
    expect(judgeIac(withInfo({ scan_file_num: 0, success_file_num: '0', failed_file_num: '1' }), { maxFailed: 1, maxFailedPercent: 0, minScanned: 0 }).result).toBe('passed')
  })

  it('fails a scan of nothing by default (min-scanned 1), and passes it with min-scanned 0', () => {
    expect(reasons(judgeIac(iac(0, 0, 0)))).toEqual(['Only 0 files were scanned, fewer than min-scanned 1'])
    expect(judgeIac(iac(0, 0, 0), { minScanned: 0 }).result).toBe('passed')
  })

  it('gives one reason per broken threshold', () => {
    const verdict = judgeIac(iac(2, 0, 2), { maxFailed: 0, maxFailedPercent: 50, minScanned: 5 })
    expect(verdict.reasons).toHaveLength(3)
    expect(verdict.checks.every((c) => !c.met)).toBe(true)
  })

  it.each(['running', 'ready', 'failed', 'FINISHED', 'unknown-status', undefined, null, 1])('never passes a task whose status is %j', (status) => {
    const verdict = judgeIac({ ...iac(12, 12, 0), task_status: status })
    expect(verdict.result).toBe('timed-out')
    expect(verdict.checks).toEqual([])
    expect(reasons(verdict)[0]).toMatch(/did not finish within 15m/)
  })

  it('times out when no task was found', () => {
    const verdict = judgeIac(undefined)
    expect(verdict).toMatchObject({ result: 'timed-out', counts: { scanned: undefined }, failed: undefined, failedPercent: undefined })
    expect(reasons(verdict)).toEqual(['No iac_scan task named n was found within 15m'])
  })

  it('says the name search was capped when it was', () => {
    const verdict = judge({ task: undefined, taskType: 'iac_scan', thresholds: base, timeoutMs: 60_000, wanted: prose`named ${'app'}`, capped: { read: 10_000, total: 20_000 } })
    expect(reasons(verdict)[0]).toContain('the name search read the first 10000 fuzzy matches of 20000 and stops there')
  })
})

describe('counts, read closed', () => {
  it('reads digit strings as numbers', () => {
    const verdict = judgeIac(withInfo({ scan_file_num: 10, success_file_num: 7, failed_file_num: '3' }))
    expect([verdict.result, verdict.failed]).toEqual(['failed', 3])
    expect(reasons(verdict)).toEqual(['3 files failed to scan, more than max-failed 0'])
  })

  it('counts items scanned but not succeeded as failed: max(failed, scanned − succeeded)', () => {
    const verdict = judgeIac(withInfo({ scan_file_num: 10, success_file_num: 0, failed_file_num: 0 }))
    expect([verdict.result, verdict.failed]).toEqual(['failed', 10])
    expect(reasons(verdict)).toEqual(['10 files failed to scan (HSS reported 0 failed, but only 0 of 10 succeeded), more than max-failed 0'])
    expect(judgeIac(withInfo({ scan_file_num: 10, success_file_num: 0, failed_file_num: 0 }), { maxFailed: 10 }).result).toBe('passed')
  })

  it.each([
    ['null', null, 'as null'],
    ['a word', 'three', 'as "three"'],
    ['a negative', -3, 'as -3'],
    ['a fraction', 1.5, 'as 1.5'],
    ['2^53+1', 2 ** 53 + 1, 'as 9007199254740992'],
    ['an object', { n: 3 }, 'as an object'],
    ['a digit string with a sign', '+3', 'as "+3"']
  ])('fails on failed_file_num that is %s, and names the field', (_name, value, got) => {
    const verdict = judgeIac(withInfo({ scan_file_num: 10, success_file_num: 10, failed_file_num: value }))
    expect(verdict.result).toBe('failed')
    expect(verdict.failed).toBeUndefined()
    expect(reasons(verdict)).toEqual([`HSS sent the count iac_scan_info.failed_file_num ${got}, not a whole number, so the scan cannot be judged`])
    expect(verdict.checks.find((c) => c.input === 'max-failed')).toMatchObject({ actual: undefined, met: false })
  })

  it('fails when a count, or the whole info object, is missing', () => {
    expect(reasons(judgeIac(withInfo({ scan_file_num: 10, success_file_num: 10 })))).toEqual(['HSS did not send the count iac_scan_info.failed_file_num, so the scan cannot be judged'])
    const none = judgeIac({ ...iac(1, 1, 0), iac_scan_info: null })
    expect(none.result).toBe('failed')
    expect(none.reasons).toHaveLength(3)
  })

  it('counts clusters as scanning + success + failed, and clusters still scanning at the finish as failed', () => {
    const judgeCluster = (task: Task, maxFailed = 0) => judge({ task, taskType: 'cluster_scan', thresholds: { ...base, maxFailed }, timeoutMs: 60_000, wanted: prose`x` })
    const verdict = judgeCluster(clusterTask('c', 'n', { scanning: 3, succeeded: 2, failed: 0 }))
    expect([verdict.result, verdict.counts.scanned, verdict.failed]).toEqual(['failed', 5, 3])
    expect(reasons(verdict)).toEqual(['3 clusters failed to scan (HSS reported 0 failed, but only 2 of 5 succeeded), more than max-failed 0'])
    expect(judgeCluster(clusterTask('c', 'n', { scanning: 0, succeeded: 3, failed: 1 }), 1).result).toBe('passed')
  })
})

describe('percentages for people', () => {
  it('never read 0 when something failed, nor 100 when something did not', () => {
    expect(percentText(0)).toBe('0')
    expect(percentText(100 / 10_000)).toBe('0.01')
    expect(percentText(100 / 3_000_000)).toBe('0.00003')
    expect(percentText((9999 / 10_000) * 100)).toBe('99.99')
    expect(percentText(100)).toBe('100')
    expect(percentText((1 / 12) * 100)).toBe('8.3')
  })

  it('show a broken limit above the limit', () => {
    expect(percentAbove(10.04, 10)).toBe('10.04')
    expect(percentAbove(0.001, 0)).toBe('0.001')
    expect(percentAbove(15, 10)).toBe('15')
  })
})

describe('fail-on-risk', () => {
  const reading = (counts: Partial<Record<'high' | 'medium' | 'low' | 'tips' | 'weird', number>>, extra: Partial<RiskReading> = {}): RiskReading =>
    readingOf(Object.entries(counts).flatMap(([level, n]) => Array.from({ length: n ?? 0 }, (_, i) => riskRow(level, `${level}-${i}`))), extra)
  const judgeRisks = (level: RiskLevel, r: RiskReading) =>
    judge({ task: iac(3, 3, 0), taskType: 'iac_scan', thresholds: base, timeoutMs: 60_000, wanted: prose`x`, risks: assessmentOf(level, r) })

  it('breaks on any risk at the level or above, naming the level and how many', () => {
    const verdict = judgeRisks('medium', reading({ high: 2, medium: 1, low: 7 }))
    expect(verdict.result).toBe('failed')
    expect(reasons(verdict)).toEqual(['3 IaC risks at medium or above (high 2, medium 1): fail-on-risk medium allows none'])
    expect(verdict.checks.at(-1)).toMatchObject({ input: 'fail-on-risk', actual: 3, met: false })
  })

  it('passes when every risk is below the level', () => {
    expect(judgeRisks('high', reading({ medium: 4, low: 2, tips: 9 })).result).toBe('passed')
    expect(judgeRisks('tips', reading({})).result).toBe('passed')
  })

  it('counts risks of a level HSS does not document as breaking', () => {
    const verdict = judgeRisks('high', reading({ tips: 1, weird: 1 }))
    expect(reasons(verdict)).toEqual(['1 IaC risk at high or above (of a level HSS does not document 1): fail-on-risk high allows none'])
  })

  it('never passes on risks it could not read', () => {
    const verdict = judgeRisks('high', reading({}, { incomplete: 'the risks of 2 of 5 files could not be read before the time-out' }))
    expect(verdict.result).toBe('failed')
    expect(reasons(verdict)).toEqual(['Not all IaC risks could be read (the risks of 2 of 5 files could not be read before the time-out), and fail-on-risk high never passes on missing data'])
    expect(verdict.checks.at(-1)).toMatchObject({ input: 'fail-on-risk', actual: undefined, met: false })
  })
})
