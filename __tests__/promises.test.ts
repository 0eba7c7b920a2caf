/**
 * The gate's promises on create-task, fail-on-risk and every listing, through dist/index.js against
 * hostile and broken servers: risks are read closed, every listing ends within `timeout`, and
 * server text (ids, echoed secrets) can steer nothing. Each case once passed, ran on, or leaked on
 * an earlier build (GATE_DIST=<its index.js> npm test -- promises shows it).
 */
import { describe, expect, it } from '@jest/globals'
import type { SimFile, SimRisk } from '../simulator/scans.ts'
import { DEMO_SK } from '../simulator/server.ts'
import { iacTask, type SimResource } from '../simulator/tasks.ts'
import { commands, gate } from '../__fixtures__/e2e.ts'

const HIGH: SimRisk = { risk_name: 'Container runs as root', risk_level: 'high', rule_id: 'DF-1', remediation: 'Add USER' }
const LOW: SimRisk = { risk_name: 'No HEALTHCHECK', risk_level: 'low', rule_id: 'DF-2', remediation: 'Add HEALTHCHECK' }
const row = (file: SimFile): SimResource => ({ file_id: file.file_id, file_name: file.file_name, file_type: file.file_type, scan_status: 'success' })
const dockerfile = (id: string, risks: SimRisk[] = []): SimFile => ({ file_id: id, file_name: `${id}/Dockerfile`, file_type: 'dockerfile', risks })
const finished = (files: SimFile[], failed: SimResource[] = []) => ({
  task: iacTask('t-1', 'iac-pr-1', { scanned: files.length + failed.length, succeeded: files.length, failed: failed.length }, { iac_scan_info: { file_type: 'dockerfile', scan_file_num: files.length + failed.length, success_file_num: files.length, failed_file_num: failed.length } }),
  resources: [...files.map(row), ...failed]
})
const risky = { 'task-id': 't-1', 'fail-on-risk': 'high' }

describe('a duplicated or foreign file row never hides a file from fail-on-risk', () => {
  it.concurrent('HSS counts 2 files; the listing gives "clean" twice and never "dirty": failed, not passed', async () => {
    const files = [dockerfile('clean'), dockerfile('dirty', [HIGH])]
    const run = await gate({ files, tasks: [finished(files)], answer: (route) => (route === 'resources' ? { total_num: 2, iac_scan_data_list: [row(files[0] as SimFile), row(files[0] as SimFile)] } : undefined) }, risky)
    expect([run.code, run.outputs.result, run.outputs['risk-counts']]).toEqual([1, 'failed', '{}'])
    expect(run.outputs.reason).toContain('HSS counted 2 files as scanned successfully, but listed 1 distinct file (2 rows: 1 repeated)')
    expect(run.sim.requests.filter((r) => r.route === 'risks').map((r) => r.query.file_id)).not.toContain('dirty')
  })

  it.concurrent('paging drift: of 201 files, page 2 repeats file 199 instead of file 200', async () => {
    const files = Array.from({ length: 201 }, (_, i) => dockerfile(`f${i}`, i === 200 ? [HIGH] : []))
    const rows = files.map(row)
    const run = await gate(
      { files, tasks: [finished(files)], answer: (route, query) => (route === 'resources' ? { total_num: 201, iac_scan_data_list: query.offset >= 200 ? [rows[198]] : rows.slice(query.offset, query.offset + query.limit) } : undefined) },
      { ...risky, timeout: '60s' }
    )
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(run.outputs.reason).toContain('listed 200 distinct files (201 rows: 1 repeated)')
  })

  it.concurrent('a row of another status does not stand in for a file that scanned', async () => {
    const files = [dockerfile('clean'), dockerfile('dirty', [HIGH])]
    const foreign = { ...row(files[0] as SimFile), file_id: 'other', scan_status: 'failed' }
    const run = await gate({ files, tasks: [finished(files)], answer: (route) => (route === 'resources' ? { total_num: 2, iac_scan_data_list: [row(files[0] as SimFile), foreign] } : undefined) }, risky)
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(run.outputs.reason).toContain('1 of another status')
  })
})

describe('risk rows the action cannot read never count as no risk', () => {
  const one = [dockerfile('a', [LOW])]
  it.concurrent.each([
    ['rows that are strings', { total_num: 2, data_list: ['high', 'high'] }],
    ['rows that are arrays', { total_num: 1, data_list: [['high']] }],
    ['rows that are null', { total_num: 1, data_list: [null] }],
    ['total_num 3 and no list', { total_num: 3 }],
    ['total_num 3 and a null list', { total_num: 3, data_list: null }],
    ['total_num 3 and an empty list', { total_num: 3, data_list: [] }],
    ['no total_num at all', { data_list: [{ risk_level: 'low' }] }]
  ])('%s: failed, with the risks unknown', async (_name, page) => {
    const run = await gate({ files: one, tasks: [finished(one)], answer: (route) => (route === 'risks' ? page : undefined) }, risky)
    expect([run.code, run.outputs.result, run.outputs['risk-counts']]).toEqual([1, 'failed', '{}'])
    expect(run.outputs.reason).toContain('Not all IaC risks could be read')
    expect(run.summary).toContain('The risks are unknown')
    expect(run.summary).not.toMatch(/IaC risks \(0\)/)
  })

  it.concurrent('100 rows served when 200 are asked, total 150: the 50 high risks on the next page are read', async () => {
    const file = dockerfile('a', [...Array.from({ length: 100 }, () => LOW), ...Array.from({ length: 50 }, () => HIGH)])
    const run = await gate({ files: [file], tasks: [finished([file])], answer: (route, query, standard) => (route === 'risks' ? { total_num: standard.total_num, data_list: (standard.data_list as unknown[]).slice(0, 100) } : undefined) }, risky)
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(JSON.parse(run.outputs['risk-counts'] ?? '')).toMatchObject({ high: 50, low: 100 })
    expect(run.sim.requests.filter((r) => r.route === 'risks').map((r) => r.query.offset)).toEqual(['0', '100'])
  })
})

describe('every listing ends within timeout', () => {
  // The run ends within 2 s of timeout (5 s here); the bounds below are many times looser, for busy
  // machines, and still far below what an unbounded listing takes (40 s to minutes).
  const BOUND_MS = 25_000

  it.concurrent('a proxy that ignores offset, on a list that never ends', async () => {
    const total = 1_500_000
    const files = [dockerfile('a')]
    let n = 0
    const task = { ...finished(files), task: iacTask('t-1', 'n', { scanned: total, succeeded: total, failed: 0 }) }
    const run = await gate(
      { files, tasks: [task], answer: (route) => (route === 'resources' ? { total_num: total, iac_scan_data_list: Array.from({ length: 200 }, () => ({ file_id: `f-${n++}`, file_name: 'x', scan_status: 'success' })) } : undefined) },
      { ...risky, timeout: '5s' },
      // 20 ms a page: an unbounded listing of 7,500 pages would take minutes.
      { setup: (sim) => sim.setStandingFault({ kind: 'slow', delayMs: 20 }, 'resources'), killAfterMs: 60_000 }
    )
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(run.elapsedMs).toBeLessThan(BOUND_MS)
    expect(run.outputs.reason).toContain('Not all IaC risks could be read')
  })

  it.concurrent('the failed-file listing hangs, with the default fail-on-risk none: it gets no time of its own past timeout', async () => {
    const failed = [{ file_id: 'bad', file_name: 'bad/Dockerfile', scan_status: 'failed', failed_reason: 'syntax' }]
    const run = await gate({ tasks: [finished([dockerfile('a')], failed)] }, { 'task-id': 't-1', timeout: '5s' }, { setup: (sim) => sim.setStandingFault({ kind: 'hang' }, 'resources'), killAfterMs: 90_000 })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(run.elapsedMs).toBeLessThan(BOUND_MS)
    expect(commands(run.stdout, 'warning').join('\n')).toContain('Could not list the failed files')
  })

  it.concurrent('slow full pages of risks', async () => {
    const file = dockerfile('a', [LOW])
    const run = await gate(
      { files: [file], tasks: [finished([file])], answer: (route, query) => (route === 'risks' ? { total_num: 1_000_000, data_list: Array.from({ length: query.limit }, () => ({ risk_level: 'low', risk_name: 'x' })) } : undefined) },
      { ...risky, timeout: '5s' },
      { setup: (sim) => sim.setStandingFault({ kind: 'slow', delayMs: 700 }, 'risks'), killAfterMs: 90_000 }
    )
    expect([run.code, run.outputs.result, run.outputs['risk-counts']]).toEqual([1, 'failed', '{}'])
    expect(run.elapsedMs).toBeLessThan(BOUND_MS)
  })
})

describe('a refused risk read is a permission error', () => {
  it.concurrent('ListIacFileRisks answers 403 with soft-fail: the step still fails, and the risks read as unknown', async () => {
    const files = [dockerfile('a', [HIGH])]
    const run = await gate({ files, tasks: [finished(files)] }, { ...risky, 'soft-fail': 'true' }, { setup: (sim) => sim.setStandingFault({ kind: 'error', status: 403, code: 'APIGW.0302', message: 'forbidden' }, 'risks') })
    expect([run.code, run.outputs.result, run.outputs['risk-counts']]).toEqual([1, 'failed', '{}'])
    expect(commands(run.stdout, 'error').at(-1)).toMatch(/a permission error, which soft-fail does not soften/)
    expect(run.summary).toContain('The risks are unknown')
  })

  it.concurrent('a throttled or broken risk API with soft-fail stays a warning', async () => {
    const files = [dockerfile('a', [HIGH])]
    const run = await gate({ files, tasks: [finished(files)] }, { ...risky, 'soft-fail': 'true', timeout: '4s' }, { setup: (sim) => sim.setStandingFault({ kind: 'status', status: 503, body: 'down' }, 'risks') })
    expect([run.code, run.outputs.result]).toEqual([0, 'failed'])
  })
})

describe('ids and secrets from a server steer nothing', () => {
  it.concurrent('a task id ".." from a name search sends no request to another path', async () => {
    const run = await gate({ tasks: [{ task: { ...iacTask('x', 'app', { scanned: 1, succeeded: 1, failed: 0 }), task_id: '..' } }] }, { 'task-name': 'app', timeout: '3s' })
    expect(run.outputs.result).toBe('timed-out')
    expect(run.sim.requests.every((r) => r.path.endsWith('/common/tasks/batch-query'))).toBe(true)
  })

  it.concurrent('a project id ".." from IAM is refused before any HSS request', async () => {
    const run = await gate({ projects: [{ id: '..', name: 'ap-southeast-1' }] }, { 'task-id': 't-1', 'project-id': '', region: 'ap-southeast-1' })
    expect(run.code).toBe(1)
    expect(run.sim.requests.map((r) => r.route)).toEqual(['projects'])
    expect(commands(run.stdout, 'error').at(-1)).toContain('project id IAM sent')
  })

  it.concurrent.each([
    ['new lines', '\n'],
    ['spaces', ' '],
    ['zero-width spaces', '\u200b'],
    ['U+2028', '\u2028']
  ])('a secret echoed in chunks of 9 split by %s is removed everywhere', async (_name, separator) => {
    const echoed = (DEMO_SK.match(/.{1,9}/g) ?? []).join(separator)
    // The harness fails the run if the secret, or 10 characters of it, shows anywhere.
    const run = await gate({ tasks: [] }, { 'task-id': 't-1' }, { setup: (sim) => sim.queueFault({ kind: 'error', status: 400, code: 'HSS.0001', message: `bad key ${echoed} given` }) })
    expect(run.code).toBe(1)
    expect(commands(run.stdout, 'error').at(-1)).toContain('bad key *** given')
  })
})

describe('smaller promises', () => {
  it.concurrent('task-json stays bounded for a huge task', async () => {
    const task = { ...iacTask('t-1', 'n', { scanned: 1, succeeded: 1, failed: 0 }), junk: 'x'.repeat(300_000) }
    const run = await gate({ tasks: [{ task }] }, { 'task-id': 't-1' })
    expect(run.outputs['task-json']?.length ?? 0).toBeLessThanOrEqual(64 * 1024)
    expect(JSON.parse(run.outputs['task-json'] ?? '')).toMatchObject({ task_id: 't-1', task_status: 'finished' })
  })

  it.concurrent('a failed-file total that differs from the task\'s count is said', async () => {
    const failed = [{ file_id: 'bad', file_name: 'bad/Dockerfile', scan_status: 'failed', failed_reason: 'syntax' }]
    const task = { task: iacTask('t-1', 'n', { scanned: 4, succeeded: 1, failed: 3 }), resources: failed }
    const run = await gate({ tasks: [task] }, { 'task-id': 't-1' })
    expect(run.summary).toContain('HSS lists 1 failed file, but counted 3')
  })

  it.concurrent('requests carry the action\'s own User-Agent, and a signed Content-Type on GET as the SDKs send', async () => {
    const files = [dockerfile('a', [LOW])]
    const run = await gate({ files, tasks: [finished(files)] }, risky)
    const risk = run.sim.requests.find((r) => r.route === 'risks')
    expect(risk?.headers['content-type']).toBe('application/json')
    expect(String(risk?.headers.authorization)).toMatch(/SignedHeaders=[^,]*content-type/)
    expect(run.sim.requests.every((r) => /^hss-scan-gate\/\d+\.\d+\.\d+ /.test(String(r.headers['user-agent'])) && !String(r.headers['user-agent']).includes('OWNER'))).toBe(true)
  })

  it.concurrent('cancelled while CreateTask is under way: the log and summary say a task may have been started', async () => {
    let sent = false
    const files = [dockerfile('a')]
    const run = await gate({ files }, { 'create-task': 'true', 'file-ids': 'a', 'file-type': 'dockerfile', timeout: '10m' }, {
      setup: (sim) => sim.setStandingFault({ kind: 'hang' }, 'create'),
      onSpawn: (child) => {
        child.stdout?.on('data', () => {
          if (sent) return
          sent = true
          setTimeout(() => child.kill('SIGTERM'), 500)
        })
      }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/cancelled while CreateTask was under way: an iac_scan task may have been started at .* UTC \(1 dockerfile file\)/)
    expect(run.summary).toContain('may have been started')
  })
})
