/**
 * readScanResults on a virtual clock, against HSS's budgets (5 answered calls a minute per API, the
 * rest 429): the APIs run at once, so the results take the slowest API's floor, not the sum of the
 * floors; clean files are not read; slow or failing summaries never hold up the risks; and the
 * deadline ends everything. Time here is the injected clock's, so a busy machine changes nothing.
 */
import { describe, expect, it } from '@jest/globals'
import { HssError } from '../../src/errors.ts'
import type { Counts } from '../../src/gate/counts.ts'
import { readScanResults } from '../../src/gate/results.ts'
import type { IacFile, IacFileRisk, IacRiskPath, ListPage, Page } from '../../src/hss/models.ts'
import { noCheckout } from '../../src/repo/checkout.ts'
import { iacTask } from '../../simulator/tasks.ts'
import { fakeClient } from '../../__fixtures__/fake-client.ts'
import { rp } from '../../__fixtures__/paths.ts'
import { virtualClock } from '../../__fixtures__/virtual-clock.ts'

const MINUTE = 60_000

interface Setup {
  files: number
  risky: (i: number) => boolean
  /** ListIacFiles' answer instead of the summaries (a failure, or a 429 while the budget allows). */
  summaries?: (call: number) => HssError | undefined
  deadlineMs?: number
}

function run(setup: Setup) {
  const clock = virtualClock()
  const start = clock.now() - 120_000
  const answered = new Map<string, number[]>()
  const calls: { api: string; at: number; status: number }[] = []
  const budget = <T>(api: string, answer: () => ListPage<T> | HssError): ListPage<T> | HssError => {
    const now = clock.now()
    const mine = answered.get(api) ?? []
    answered.set(api, mine)
    if (mine.filter((at) => at > now - MINUTE).length >= 5) {
      calls.push({ api, at: now - start, status: 429 })
      return new HssError({ kind: 'http', operation: api, status: 429, errorCode: 'APIGW.0308' })
    }
    mine.push(now)
    const out = answer()
    calls.push({ api, at: now - start, status: out instanceof HssError ? (out.status ?? 0) : 200 })
    return out
  }
  const ids = Array.from({ length: setup.files }, (_, i) => `f-${i}`)
  const page = <T>(rows: T[], at: Page): ListPage<T> => ({ items: rows.slice(at.offset, at.offset + at.limit), rows: Math.min(at.limit, Math.max(0, rows.length - at.offset)), total: rows.length })
  const rows: IacFile[] = ids.map((id, i) => ({ file_id: id, file_name: `app-${i}.yaml`, risky: setup.risky(i), risk_num: setup.risky(i) ? 1 : 0, last_scan_time: start + 1000 }))
  let summaryCalls = 0
  const client = fakeClient([], (at) => budget('ListTaskResources', () => page(ids.map((id, i) => ({ file_id: id, file_name: `app-${i}.yaml`, file_type: 'k8s_yaml', scan_status: 'success' })), at)), {
    files: (fileId, scanType, at) => budget('ListIacFiles', () => setup.summaries?.(++summaryCalls) ?? page(scanType === 'manual_scan' ? rows.filter((row) => !fileId || row.file_id === fileId) : [], at)),
    risks: (fileId, at) => budget('ListIacFileRisks', () => page<IacFileRisk>(setup.risky(Number(fileId.slice(2))) ? [{ risk_id: `${fileId}-r`, risk_level: 'high', risk_name: 'privileged', rule_id: 'R-1', risk_num: 1 }] : [], at)),
    paths: (_fileId, _ruleId, at) => budget('ListIacFileRiskPaths', () => page<IacRiskPath>([{ resource_type: 'Deployment', resource_name: 'app', hit_path: 'spec' }], at))
  })
  const counts: Counts = { scanned: setup.files, succeeded: setup.files, reportedFailed: 0, scanning: undefined, unreadable: [] }
  const began = clock.now()
  const deadline = began + (setup.deadlineMs ?? 24 * 3_600_000)
  const lines: string[] = []
  const results = clock.run(
    readScanResults({
      client,
      task: iacTask('t-1', 'n', { scanned: setup.files, succeeded: setup.files, failed: 0 }, { start_time: start }),
      counts,
      risks: true,
      pr: { exceptions: undefined, scope: { mode: 'all', changes: undefined } },
      checkout: noCheckout,
      uploaded: new Map(ids.map((id, i) => [id, rp(`k8s/app-${i}.yaml`)])),
      retry: { clock, random: () => 0.5, deadline, requestTimeoutMs: 30_000, pollIntervalMs: 15_000, log: (line) => lines.push(line) },
      log: { info: (line) => lines.push(line), warning: (line) => lines.push(line) }
    })
  )
  return { results, clock, began, deadline, calls, client, lines, elapsed: () => clock.now() - began }
}

const of = (calls: { api: string; status: number }[], api: string, status = 200) => calls.filter((c) => c.api === api && c.status === status).length

describe('reading a scan\'s results at HSS\'s budget', () => {
  it('runs the APIs at once: 20 files, 10 risky, take one minute (the slowest API\'s floor), where one API after another takes two', async () => {
    const r = run({ files: 20, risky: (i) => i % 2 === 0 })
    const results = await r.results
    expect(results.reading?.incomplete).toBeUndefined()
    expect(results.reading?.total).toBe(10)
    expect([of(r.calls, 'ListIacFiles'), of(r.calls, 'ListIacFileRisks'), of(r.calls, 'ListIacFileRiskPaths')]).toEqual([2, 10, 10])
    // 10 risk reads and 10 path reads at 5 a minute each: the sixth of each waits one minute. In
    // sequence the paths would start after the last risk read, a minute later.
    expect(r.elapsed()).toBe(MINUTE)
    expect(r.calls.filter((c) => c.status === 429)).toEqual([])
    // The paths of the first files are read while the later files' risks wait for the budget.
    const firstPath = r.calls.find((c) => c.api === 'ListIacFileRiskPaths')?.at ?? Infinity
    const lastRisk = Math.max(...r.calls.filter((c) => c.api === 'ListIacFileRisks').map((c) => c.at))
    expect(firstPath).toBeLessThan(lastRisk)
  })

  it('reads no clean file: 200 files with 10 risky take one minute, where every file\'s risks took 39', async () => {
    const r = run({ files: 200, risky: (i) => i % 20 === 3 })
    const results = await r.results
    expect(r.client.riskCalls.map((c) => Number(c.fileId.slice(2))).sort((a, b) => a - b)).toEqual([3, 23, 43, 63, 83, 103, 123, 143, 163, 183])
    expect(results.reading?.files).toMatchObject({ listed: 200, read: 10, clean: 190 })
    expect(r.elapsed()).toBe(MINUTE)
    expect(r.lines).toContain('HSS\'s summaries proved 190 of 200 files clean for this scan: their risks were not read.')
  })

  it('does not wait for slow summaries: with ListIacFiles throttled for five minutes, the risks are read meanwhile, every file\'s', async () => {
    const r = run({ files: 8, risky: (i) => i === 1, summaries: () => (r.clock.now() - r.began < 5 * MINUTE ? new HssError({ kind: 'http', operation: 'ListIacFiles', status: 429, errorCode: 'APIGW.0308' }) : undefined) })
    const results = await r.results
    expect(results.reading?.incomplete).toBeUndefined()
    expect(results.reading?.total).toBe(1)
    // Eight risk reads: five at once, three a minute later; the last read ends long before the summaries.
    const riskTimes = r.calls.filter((c) => c.api === 'ListIacFileRisks').map((c) => c.at - 120_000)
    expect(riskTimes).toHaveLength(8)
    expect(Math.max(...riskTimes)).toBeLessThanOrEqual(MINUTE)
    // Once every file's risks are read, the summaries are no longer needed: nothing waits for them.
    expect(r.elapsed()).toBeLessThan(5 * MINUTE)
  })

  it('reads every file\'s risks when the summaries fail for good, and says so', async () => {
    const r = run({ files: 6, risky: (i) => i === 5, summaries: () => new HssError({ kind: 'http', operation: 'ListIacFiles', status: 400, errorCode: 'HSS.1001', errorMsg: 'bad request' }) })
    const results = await r.results
    expect(results.reading?.incomplete).toBeUndefined()
    expect(r.client.riskCalls).toHaveLength(6)
    expect(results.reading?.total).toBe(1)
    expect(results.refusals).toEqual([])
    expect(r.lines).toContain('HSS\'s file summaries could not all be read (ListIacFiles: HTTP 400 HSS.1001: bad request): every file\'s risks are read.')
  })

  it('ends at the deadline: 200 risky files and ten minutes leave the reading incomplete, out of time, and never later', async () => {
    const r = run({ files: 200, risky: () => true, deadlineMs: 10 * MINUTE })
    const results = await r.results
    expect(results.reading?.incomplete).toMatch(/could not be read before the time-out/)
    expect(results.reading?.outOfTime).toBe(true)
    expect(r.clock.now()).toBeLessThanOrEqual(r.deadline)
    // As many risk reads as the budget allowed in ten minutes: 5 a minute, the first 5 at once.
    expect(of(r.calls, 'ListIacFileRisks')).toBeGreaterThanOrEqual(50)
    expect(of(r.calls, 'ListIacFileRisks')).toBeLessThanOrEqual(55)
  })
})
