/**
 * HSS's file summaries spare the risk reads of files it found clean, end to end through dist/index.js
 * against the simulator with HSS's budgets on (5 calls per API and user in any window; the window is
 * 5 s here, as poll-interval 1 s scales the gate's own pacing down alike). A file is skipped only when
 * its own row proves it clean for this scan; anything else is read.
 */
import { describe, expect, it } from '@jest/globals'
import type { SimFile, SimRisk } from '../simulator/scans.ts'
import type { SimulatorOptions } from '../simulator/server.ts'
import { gate } from '../__fixtures__/e2e.ts'

const BUDGET: SimulatorOptions['rateLimit'] = { limit: 5, windowMs: 5_000 }
const HIGH: SimRisk = { risk_level: 'high', risk_name: 'Container runs as root', rule_id: 'DF-USER-001' }
const LOW: SimRisk = { risk_level: 'low', risk_name: 'No HEALTHCHECK', rule_id: 'DF-HC-003' }
const fileOf = (i: number, risks: SimRisk[] = [], extra: Partial<SimFile> = {}): SimFile => ({ file_id: `f-${i}`, file_name: `svc-${i}/Dockerfile`, file_type: 'dockerfile', scan_type: 'manual_scan', risks, ...extra })
const create = (files: SimFile[]) => ({ 'create-task': 'true', 'file-type': 'dockerfile', 'file-ids': files.map((f) => f.file_id).join(','), 'fail-on-risk': 'high', 'max-failed': '0' })
const routes = (run: { sim: { requests: { route: string; query: Record<string, string> }[] } }, route: string) => run.sim.requests.filter((r) => r.route === route)

describe('HSS\'s file summaries', () => {
  it.concurrent('200 files with 10 risky: only the 10 are read; the verdict fails on the one high risk and counts all 10', async () => {
    const files = Array.from({ length: 200 }, (_, i) => fileOf(i, i % 20 === 7 ? [i === 7 ? HIGH : LOW] : []))
    const run = await gate({ files, createdTiming: { readyMs: 0, finishMs: 200 }, rateLimit: BUDGET }, { ...create(files), timeout: '2m' })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(JSON.parse(run.outputs['risk-counts'] ?? '')).toEqual({ high: 1, medium: 0, low: 9, tips: 0 })
    expect(routes(run, 'risks').map((r) => r.query.file_id).sort()).toEqual(files.filter((f) => f.risks?.length).map((f) => f.file_id).sort())
    // One page of the project's list under each scan type.
    expect(routes(run, 'files').map((r) => r.query.scan_type)).toEqual(['manual_scan', 'cicd_scan'])
    expect(run.stdout).toContain('HSS\'s summaries proved 190 of 200 files clean for this scan: their risks were not read.')
    expect(run.summary).toContain('in 200 of 200 files (190 of them proven clean by HSS\'s file summaries, so not read)')
  }, 120_000)

  it.concurrent('a clean summary from a scan older than the task does not count: the risks are read', async () => {
    const files = [fileOf(1, [HIGH], { summary: { risky: false, risk_num: 0, last_scan_time: Date.now() - 3_600_000 } })]
    const run = await gate({ files, createdTiming: { readyMs: 0, finishMs: 100 }, rateLimit: BUDGET }, create(files))
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(routes(run, 'risks')).toHaveLength(1)
  })

  it.concurrent.each([
    ['risky as a string', { risky: 'false', risk_num: 0 }],
    ['risk_num as a string', { risky: false, risk_num: '0' }],
    ['risky null', { risky: null, risk_num: 0 }],
    ['risk_num missing', { risky: false, risk_num: undefined }],
    ['last_scan_time as a string', { risky: false, risk_num: 0, last_scan_time: String(Date.now() + 60_000) }],
    ['last_scan_time null', { risky: false, risk_num: 0, last_scan_time: null }]
  ])('a summary with %s proves nothing: the risks are read', async (_name, summary) => {
    const files = [fileOf(1, [HIGH], { summary })]
    const run = await gate({ files, createdTiming: { readyMs: 0, finishMs: 100 } }, create(files))
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(routes(run, 'risks')).toHaveLength(1)
  })

  it.concurrent('a file the listing leaves out is never clean: its risks are read', async () => {
    const files = [fileOf(1, [HIGH], { listed: false })]
    const run = await gate({ files, createdTiming: { readyMs: 0, finishMs: 100 } }, create(files))
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
  })

  it.concurrent('a project that holds many more copies than the task: the files are looked up by id', async () => {
    const task = [fileOf(1, [HIGH]), fileOf(2), fileOf(3)]
    const older = Array.from({ length: 2500 }, (_, i) => fileOf(1000 + i, [], { file_name: `old-${i}/Dockerfile` }))
    const run = await gate({ files: [...older, ...task], createdTiming: { readyMs: 0, finishMs: 100 }, rateLimit: BUDGET }, create(task))
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    const listed = routes(run, 'files').map((r) => `${r.query.scan_type}:${r.query.file_id ?? 'project'}`)
    // The first page says 13 more pages; 3 look-ups cost less.
    expect(listed).toEqual(['manual_scan:project', 'manual_scan:f-1', 'manual_scan:f-2', 'manual_scan:f-3', 'cicd_scan:project'])
    expect(routes(run, 'risks').map((r) => r.query.file_id)).toEqual(['f-1'])
  })

  it.concurrent('the summaries\' API down: every file\'s risks are read, within the timeout', async () => {
    const files = Array.from({ length: 6 }, (_, i) => fileOf(i, i === 3 ? [HIGH] : []))
    const run = await gate({ files, createdTiming: { readyMs: 0, finishMs: 100 }, rateLimit: BUDGET }, { ...create(files), timeout: '40s' }, { setup: (sim) => sim.setStandingFault({ kind: 'status', status: 503, body: 'down' }, 'files') })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(routes(run, 'risks').map((r) => r.query.file_id).sort()).toEqual(files.map((f) => f.file_id).sort())
    expect(run.outputs.reason).toBe('1 IaC risk at high or above (high 1): fail-on-risk high allows none')
  })

  it.concurrent('the summaries\' API throttled: the risks are read while the summaries wait', async () => {
    const files = Array.from({ length: 4 }, (_, i) => fileOf(i, i === 0 ? [HIGH] : []))
    const run = await gate({ files, createdTiming: { readyMs: 0, finishMs: 100 }, rateLimit: { ...BUDGET, routes: { files: { limit: 0, windowMs: 60_000 } } } }, { ...create(files), timeout: '30s' })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(routes(run, 'risks')).toHaveLength(4)
  })
})
