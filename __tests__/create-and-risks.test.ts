/**
 * create-task and fail-on-risk, end to end: dist/index.js starts the scan on the simulator, waits for
 * it, reads the IaC risks of its files, and gates on them.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SimFile, SimRisk } from '../simulator/scans.ts'
import type { LoggedRequest } from '../simulator/server.ts'
import { commands, gate } from '../__fixtures__/e2e.ts'

const HIGH: SimRisk = { risk_name: 'Container runs as root', risk_level: 'high', risk_category: 'workload', remediation: 'Add a USER instruction with a non-root user' }
const MEDIUM: SimRisk = { risk_name: 'Base image not pinned by digest', risk_level: 'medium', risk_category: 'workload', remediation: 'Pin FROM by @sha256 digest' }
const LOW: SimRisk = { risk_name: 'No HEALTHCHECK', risk_level: 'low', risk_category: 'workload', remediation: 'Add a HEALTHCHECK instruction' }

function dockerfiles(risks: SimRisk[][], extra: Partial<SimFile> = {}): SimFile[] {
  return risks.map((list, i) => ({ file_id: `file-${i + 1}`, file_name: i === 0 ? 'Dockerfile' : `svc-${i}/Dockerfile`, file_type: 'dockerfile', risks: list, ...extra }))
}
const create = (files: SimFile[], extra: Record<string, string> = {}) => ({ 'create-task': 'true', 'file-ids': files.map((f) => f.file_id).join(','), 'file-type': 'dockerfile', ...extra })
const routes = (run: { sim: { requests: LoggedRequest[] } }, route: string) => run.sim.requests.filter((r) => r.route === route)

describe('create-task', () => {
  it.concurrent('starts one IaC scan of the files, waits for it, and outputs its id', async () => {
    const files = dockerfiles([[], []])
    const run = await gate({ files }, create(files))
    expect([run.code, run.outputs.result, run.outputs.scanned]).toEqual([0, 'passed', '2'])
    expect(routes(run, 'create')).toHaveLength(1)
    expect(routes(run, 'create')[0]?.body).toEqual({ task_type: 'iac_scan', iac_scan_info: { file_type: 'dockerfile', file_id_list: ['file-1', 'file-2'] } })
    expect(run.outputs['task-id']).toBe(run.sim.tasks[0]?.task.task_id)
    expect(run.stdout).toContain(`Started iac_scan task ${run.outputs['task-id']} (2 dockerfile files)`)
  })

  it.concurrent('starts a cluster scan of all clusters, or of those listed', async () => {
    const all = await gate({ clusters: { count: 4, failing: 1 } }, { 'create-task': 'true', 'task-type': 'cluster_scan', 'scan-types': 'cluster_vul, benchmark', 'max-failed': '1' })
    expect([all.code, all.outputs.result, all.outputs.scanned, all.outputs.failed]).toEqual([0, 'passed', '4', '1'])
    expect(routes(all, 'create')[0]?.body).toEqual({ task_type: 'cluster_scan', cluster_scan_info: { scan_type_list: ['cluster_vul', 'benchmark'], range_type: 'all_cluster' } })
    const some = await gate({}, { 'create-task': 'true', 'task-type': 'cluster_scan', 'scan-types': 'risk_assessment', 'cluster-ids': 'c-1,c-2' })
    expect(routes(some, 'create')[0]?.body).toEqual({ task_type: 'cluster_scan', cluster_scan_info: { scan_type_list: ['risk_assessment'], range_type: 'specific_cluster', cluster_id_list: ['c-1', 'c-2'] } })
    expect(some.outputs.scanned).toBe('2')
  })

  it.concurrent('a throttled creation is tried again, and still makes one scan', async () => {
    const files = dockerfiles([[]])
    const run = await gate({ files }, create(files), {
      setup: (sim) => {
        sim.queueFault({ kind: 'throttle' }, 'create')
        sim.queueFault({ kind: 'throttle', retryAfter: '1' }, 'create')
      }
    })
    expect([run.code, run.outputs.result]).toEqual([0, 'passed'])
    expect(routes(run, 'create').map((r) => r.status)).toEqual([429, 429, 200])
    expect(run.sim.tasks).toHaveLength(1)
  })

  it.concurrent.each([
    ["the gateway's 504 for a backend time-out, with its own error body", { kind: 'late-error', status: 504, code: 'APIGW.0203', message: 'Backend timeout' } as const, 'HSS answered HTTP 504 APIGW.0203, which does not say whether the task was made'],
    ['a 503 with an HSS error body', { kind: 'late-error', status: 503, code: 'HSS.1001', message: 'system busy' } as const, 'HSS answered HTTP 503 HSS.1001']
  ])('never repeats a creation after %s: one run, at most one scan', async (_name, fault, words) => {
    const files = dockerfiles([[]])
    // The backend made the task before the gateway gave up on it.
    const run = await gate({ files }, create(files), { setup: (sim) => sim.queueFault(fault, 'create') })
    expect(run.code).toBe(1)
    expect(routes(run, 'create')).toHaveLength(1)
    expect(run.sim.tasks).toHaveLength(1)
    expect(run.stdout).toContain(words)
    expect(run.stdout).not.toContain('The answer never came')
    expect(run.summary).toMatch(/^## ⚠️ HSS scan gate: the scan may have started/)
  })

  it.concurrent.each([
    ['a cut connection', { kind: 'reset' } as const],
    ['a gateway page', { kind: 'html', status: 502 } as const],
    ['a 200 that is not the expected JSON', { kind: 'status', status: 200, body: '{"task_id": null}', contentType: 'application/json' } as const]
  ])('after an ambiguous failure (%s) it makes no second scan, and says a task may exist', async (_name, fault) => {
    const files = dockerfiles([[]])
    const run = await gate({ files }, create(files), { setup: (sim) => sim.queueFault(fault, 'create') })
    expect(run.code).toBe(1)
    expect(routes(run, 'create')).toHaveLength(1)
    expect(routes(run, 'tasks')).toHaveLength(0)
    expect(commands(run.stdout, 'error').at(-1)).toMatch(/an iac_scan task may have been started at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(1 dockerfile file\)\. The action does not try again/)
    expect(run.summary).toContain('may have been started')
  })

  it.concurrent('a creation HSS refuses (400) fails at once, with HSS\'s reason', async () => {
    const run = await gate({ files: dockerfiles([[]]) }, create(dockerfiles([[]]), { 'file-ids': 'no-such-file' }))
    expect(run.code).toBe(1)
    expect(routes(run, 'create')).toHaveLength(1)
    expect(commands(run.stdout, 'error').at(-1)).toContain('CreateTask: HTTP 400 HSS.0011: invalid parameter: file_id_list: no such file')
  })

  it.concurrent.each([
    [{ 'create-task': 'true', 'task-id': 't-1', 'file-ids': 'file-1', 'file-type': 'dockerfile' }, 'task-id'],
    [{ 'create-task': 'true', 'task-name': 'n', 'file-ids': 'file-1', 'file-type': 'dockerfile' }, 'task-name'],
    [{ 'create-task': 'true', 'file-type': 'dockerfile' }, 'upload-files'],
    [{ 'task-id': 't-1', 'upload-files': '**/Dockerfile' }, 'upload-files'],
    [{ 'create-task': 'true', 'task-type': 'cluster_scan', 'scan-types': 'cluster_vul', 'upload-files': '**/Dockerfile' }, 'upload-files'],
    [{ 'create-task': 'true', 'file-ids': 'file-1' }, 'file-type'],
    [{ 'create-task': 'true', 'task-type': 'cluster_scan', 'scan-types': 'cluster_vul,virus' }, 'scan-types'],
    [{ 'create-task': 'true', 'task-type': 'cluster_scan' }, 'scan-types'],
    [{ 'task-id': 't-1', 'file-ids': 'file-1' }, 'file-ids'],
    [{ 'task-id': 't-1', 'fail-on-risk': 'severe' }, 'fail-on-risk'],
    [{ 'task-id': 't-1', 'task-type': 'cluster_scan', 'fail-on-risk': 'high' }, 'fail-on-risk']
  ])('a bad combination %j sends no request, and names %s', async (inputs, input) => {
    const run = await gate({ files: dockerfiles([[]]) }, { 'task-id': '', ...inputs })
    expect(run.code).toBe(1)
    expect(run.sim.requests).toHaveLength(0)
    expect(commands(run.stdout, 'error')).toHaveLength(1)
    expect(commands(run.stdout, 'error')[0]).toContain(`Input \`${input}\``)
  })
})

describe('fail-on-risk', () => {
  it.concurrent('breaks the gate on a high risk and shows it in outputs, summary and annotations', async () => {
    const files = dockerfiles([[HIGH, LOW], [MEDIUM]])
    const workspace = mkdtempSync(join(tmpdir(), 'ws-'))
    writeFileSync(join(workspace, 'Dockerfile'), 'FROM node:24\n')
    const run = await gate({ files }, create(files, { 'fail-on-risk': 'high' }), { env: { GITHUB_WORKSPACE: workspace } })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(run.outputs.reason).toBe('1 IaC risk at high or above (high 1): fail-on-risk high allows none')
    expect(JSON.parse(run.outputs['risk-counts'] ?? '')).toEqual({ high: 1, medium: 1, low: 1, tips: 0 })
    const risks = JSON.parse(run.outputs.risks ?? '[]') as { risk_level: string; file_name: string; risk_name: string }[]
    expect(risks.map((r) => r.risk_level)).toEqual(['high', 'medium', 'low'])
    expect(risks[0]).toMatchObject({ file_name: 'Dockerfile', file_id: 'file-1', risk_name: 'Container runs as root', risk_category: 'workload', remediation: 'Add a USER instruction with a non-root user' })
    expect(commands(run.stdout, 'error')[0]).toBe('::error title=high IaC risk%3A Container runs as root,file=Dockerfile,line=1,endLine=1::workload: Add a USER instruction with a non-root user (rule IAC-0001)')
    expect(run.summary).toContain('Container runs as root')
  })

  it.concurrent('passes when every risk is below the level', async () => {
    const files = dockerfiles([[MEDIUM, LOW]])
    const run = await gate({ files }, create(files, { 'fail-on-risk': 'high' }))
    expect([run.code, run.outputs.result]).toEqual([0, 'passed'])
    expect(JSON.parse(run.outputs['risk-counts'] ?? '')).toEqual({ high: 0, medium: 1, low: 1, tips: 0 })
  })

  it.concurrent('reads risks spread over several pages of several files', async () => {
    const many = Array.from({ length: 450 }, (_, i) => (i % 3 === 0 ? LOW : { ...LOW, risk_level: 'tips' }))
    const files = dockerfiles([many, [LOW], many])
    const run = await gate({ files }, create(files, { 'fail-on-risk': 'medium' }))
    expect([run.code, run.outputs.result]).toEqual([0, 'passed'])
    expect(JSON.parse(run.outputs['risk-counts'] ?? '')).toEqual({ high: 0, medium: 0, low: 301, tips: 600 })
    expect(routes(run, 'risks').map((r) => `${r.query.file_id}@${r.query.offset}/${r.query.limit}`)).toEqual([
      'file-1@0/200', 'file-1@200/200', 'file-1@400/200', 'file-2@0/200', 'file-3@0/200', 'file-3@200/200', 'file-3@400/200'
    ])
    expect(JSON.parse(run.outputs.risks ?? '[]')).toHaveLength(100)
  })

  it.concurrent('rides out the risk API\'s own throttling, and says how many files are left', async () => {
    const files = dockerfiles([[LOW], [LOW], [LOW], [LOW], [LOW], [LOW], [HIGH]])
    const run = await gate({ files, rateLimit: { limit: 100, windowMs: 1000, routes: { risks: { limit: 2, windowMs: 2000 } } } }, create(files, { 'fail-on-risk': 'high', timeout: '2m' }))
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(JSON.parse(run.outputs['risk-counts'] ?? '')).toEqual({ high: 1, medium: 0, low: 6, tips: 0 })
    expect(routes(run, 'risks').filter((r) => r.status === 429).length).toBeGreaterThan(0)
    expect(run.stdout).toContain('HSS throttled the request: ListIacFileRisks got HTTP 429 APIGW.0308')
    expect(run.stdout).toContain('Reading IaC risks: file 1 of 7 (Dockerfile); 6 left after it')
    expect(commands(run.stdout, 'error').filter((line) => line.includes('429'))).toEqual([])
  })

  it.concurrent.each([
    ['down (503) until the time-out', { kind: 'status', status: 503, body: 'down' } as const, /Not all IaC risks could be read \(the risks of 1 of 1 files could not be read: .*HTTP 503/],
    ['refusing (403)', { kind: 'error', status: 400, code: 'HSS.0013', message: 'insufficient permissions' } as const, /Not all IaC risks could be read .*HTTP 400 HSS.0013/]
  ])('the risk API %s never passes the gate', async (_name, fault, reason) => {
    // The file's summary says it has a risk, so its risks must be read; they cannot be.
    const files = dockerfiles([[LOW]])
    const run = await gate({ files }, create(files, { 'fail-on-risk': 'high', timeout: '5s' }), { setup: (sim) => sim.setStandingFault(fault, 'risks') })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(run.outputs.reason).toMatch(reason)
  })

  it.concurrent('a risk of a level HSS does not document breaks the gate', async () => {
    const files = dockerfiles([[{ ...LOW, risk_level: 'critical' }]])
    const run = await gate({ files }, create(files, { 'fail-on-risk': 'high' }))
    expect(run.outputs.result).toBe('failed')
    expect(JSON.parse(run.outputs['risk-counts'] ?? '')).toEqual({ high: 0, medium: 0, low: 0, tips: 0, unknown: 1 })
  })

  it.concurrent('fail-on-risk: none (the default) makes no risk call', async () => {
    const files = dockerfiles([[HIGH]])
    const run = await gate({ files }, create(files))
    expect([run.code, run.outputs.result, run.outputs['risk-counts'], run.outputs.risks]).toEqual([0, 'passed', '{}', '[]'])
    expect(routes(run, 'risks')).toHaveLength(0)
    expect(routes(run, 'resources')).toHaveLength(0)
  })

  it.concurrent('works with a task given by id, too', async () => {
    const files = dockerfiles([[HIGH]])
    // A first run starts the task; a second, given its id, reads its risks.
    const first = await gate({ files }, create(files))
    const id = first.outputs['task-id'] ?? ''
    const second = await gate({ files, tasks: first.sim.tasks.map((t) => ({ ...t, phases: [] , task: { ...t.task, task_status: 'finished', iac_scan_info: { file_type: 'dockerfile', scan_file_num: 1, success_file_num: 1, failed_file_num: 0 } } })) }, { 'task-id': id, 'fail-on-risk': 'tips' })
    expect([second.outputs['task-id'], second.outputs.result]).toEqual([id, 'failed'])
  })
})
