/**
 * The gate tried as an attacker or a broken server would try it, through dist/index.js against the
 * simulator. Each case comes from a finding that once passed a scan it should not have, forged a
 * runner command, handed over a credential, or lost the verdict. Every run also goes through the
 * harness's checks: no secret (or 10-character piece of one) anywhere, no line the runner would
 * read as a command the action did not write, no stack trace.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { clusterTask, failedFiles, iacTask, type SimTask } from '../simulator/tasks.ts'
import { DEMO_PROJECT_ID, DEMO_SK } from '../simulator/server.ts'
import { commands, gate } from '../__fixtures__/e2e.ts'
import { makePki } from '../__fixtures__/network.ts'

const finished = (info: Record<string, unknown>, extra: Partial<SimTask> = {}) => ({ ...iacTask('t-1', 'iac-pr-1', { scanned: 0, succeeded: 0, failed: 0 }), iac_scan_info: { file_type: 'k8s_yaml', ...info }, ...extra })
const byId = { 'task-id': 't-1' }
/** Every line the action wrote, as the runner reads them. */
const lines = (stdout: string) => stdout.split(/\r?\n/)

describe('counts read as zero never pass', () => {
  it.concurrent('a digit string is a number: "3" failed files fail the gate', async () => {
    const run = await gate({ tasks: [{ task: finished({ scan_file_num: 10, success_file_num: 7, failed_file_num: '3' }) }] }, byId)
    expect([run.code, run.outputs.result, run.outputs.failed]).toEqual([1, 'failed', '3'])
  })

  it.concurrent.each([
    ['null', null, 'as null'],
    ['missing', undefined, ''],
    ['-3', -3, 'as -3'],
    ['1.5', 1.5, 'as 1.5'],
    ['2^53+1', 2 ** 53 + 1, 'as 9007199254740992'],
    ['a word', 'three', 'as "three"']
  ])('failed_file_num %s fails the gate with a reason naming the field', async (_name, value, got) => {
    const run = await gate({ tasks: [{ task: finished({ scan_file_num: 10, success_file_num: 10, failed_file_num: value }) }] }, byId)
    expect([run.code, run.outputs.result, run.outputs.failed]).toEqual([1, 'failed', ''])
    expect(run.outputs.reason).toContain('iac_scan_info.failed_file_num')
    if (got) expect(run.outputs.reason).toContain(got)
    expect(run.summary).toContain('`iac_scan_info.failed_file_num`')
  })

  it.concurrent('10 scanned, 0 succeeded and 0 failed is 10 failures', async () => {
    const run = await gate({ tasks: [{ task: finished({ scan_file_num: 10, success_file_num: 0, failed_file_num: 0 }) }] }, byId)
    expect([run.code, run.outputs.result, run.outputs.failed]).toEqual([1, 'failed', '10'])
    expect(run.outputs.reason).toBe('10 files failed to scan (HSS reported 0 failed, but only 0 of 10 succeeded), more than max-failed 0')
  })

  it.concurrent('a finished cluster scan with clusters still scanning fails', async () => {
    const task = clusterTask('c-1', 'nightly', { scanning: 3, succeeded: 5, failed: 0 })
    const run = await gate({ tasks: [{ task }] }, { 'task-id': 'c-1', 'task-type': 'cluster_scan' })
    expect([run.code, run.outputs.result, run.outputs.scanned, run.outputs.failed]).toEqual([1, 'failed', '8', '3'])
  })
})

describe('server text stays data', () => {
  const FORGED = 'n1\n::error title=Forged::forged\n::set-output name=result::passed\n::add-mask::Gate\r\n##[set-output name=result;]passed'

  it.concurrent('a hostile task name, status and id give no command of their own, in the log or elsewhere', async () => {
    const task = { ...iacTask('t-1', FORGED, { scanned: 1, succeeded: 1, failed: 0 }), task_status: 'running\n::error::forged-status' }
    const run = await gate({ tasks: [{ task, phases: [{ afterQueries: 1, status: 'finished' }] }] }, byId)
    expect(run.outputs.result).toBe('passed')
    const commandLines = lines(run.stdout).filter((line) => line.trimStart().startsWith('::'))
    expect(commandLines.filter((line) => /forged|Forged|Gate/.test(line))).toEqual([])
    expect(run.outputs['task-name']).toBe('n1 ::error title=Forged::forged ::set-output name=result::passed ::add-mask::Gate ##[set-output name=result;]passed')
  })

  it.concurrent('an error body with line breaks and commands stays on the retry line', async () => {
    const body = JSON.stringify({ error_code: 'E\n::error::forged', error_msg: 'm\r\n::warning::forged', request_id: 'r\n::warning::x' })
    const run = await gate({ tasks: [{ task: finished({ scan_file_num: 1, success_file_num: 1, failed_file_num: 0 }) }] }, byId, {
      setup: (sim) => sim.queueFault({ kind: 'status', status: 503, body, contentType: 'application/json' })
    })
    expect(run.outputs.result).toBe('passed')
    const retry = lines(run.stdout).filter((line) => line.includes('retrying in'))
    expect(retry).toHaveLength(1)
    expect(retry[0]).toContain('HTTP 503 E ::error::forged: m ::warning::forged (request id r ::warning::x)')
    expect(lines(run.stdout).filter((line) => line.startsWith('::') && line.includes('forged'))).toEqual([])
  })
})

describe('redirects are not followed', () => {
  /** A second host that records what reaches it, and answers as if it were HSS. */
  async function elsewhere(): Promise<{ url: string; seen: IncomingHttpHeaders[]; close(): Promise<void> }> {
    const seen: IncomingHttpHeaders[] = []
    const server = createServer((req, res) => {
      seen.push(req.headers)
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ total_num: 1, data_list: [iacTask('t-1', 'forged', { scanned: 1, succeeded: 1, failed: 0 })] }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve))
    return { url: `http://127.0.0.2:${(server.address() as AddressInfo).port}`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) }
  }

  const cases: [number, Record<string, string>, Record<string, string>][] = [
    [307, { 'auth-token': 'MIIZ-token-for-the-redirect-test' }, { HUAWEI_CLOUD_ACCESS_KEY_ID: '', HUAWEI_CLOUD_SECRET_ACCESS_KEY: '' }],
    [308, {}, { HUAWEI_CLOUD_SECURITY_TOKEN: 'st-for-the-redirect-test-0123' }],
    [302, {}, {}]
  ]
  it.concurrent.each(cases)('a %i sends nothing to the other host and fails naming the status and the host', async (status, inputs, env) => {
    const other = await elsewhere()
    try {
      const run = await gate({ tasks: [] }, { ...byId, ...inputs }, {
        env,
        setup: (sim) => sim.setStandingFault({ kind: 'redirect', status, location: `${other.url}/v5/${DEMO_PROJECT_ID}/common/tasks/batch-query` })
      })
      expect(other.seen).toEqual([])
      expect(run.code).toBe(1)
      expect(run.outputs.result ?? '').not.toBe('passed')
      expect(commands(run.stdout, 'error').at(-1)).toContain(`HTTP ${status} redirect to host ${new URL(other.url).host}`)
      expect(run.sim.requests).toHaveLength(1)
    } finally {
      await other.close()
    }
  })

  it.concurrent('an https endpoint that redirects to plain http sends no token in clear text', async () => {
    const pki = makePki()
    const other = await elsewhere()
    try {
      const run = await gate({ tls: { key: pki.key, cert: pki.cert }, tokens: ['MIIZ-token-for-the-tls-test'], tasks: [] }, { ...byId, 'auth-token': 'MIIZ-token-for-the-tls-test' }, {
        env: { NODE_EXTRA_CA_CERTS: pki.caFile, HUAWEI_CLOUD_ACCESS_KEY_ID: '', HUAWEI_CLOUD_SECRET_ACCESS_KEY: '' },
        setup: (sim) => sim.setStandingFault({ kind: 'redirect', status: 301, location: `${other.url}/v5` })
      })
      expect(other.seen).toEqual([])
      expect(run.code).toBe(1)
      expect(run.stdout).toContain('HTTP 301 redirect to host 127.0.0.2')
    } finally {
      await other.close()
    }
  })
})

describe('a reused name never judges an older scan', () => {
  const now = Date.now()
  const old = { task: iacTask('old', 'iac-pr-1', { scanned: 3, succeeded: 3, failed: 0 }, { start_time: now - 3600_000, end_time: now - 3500_000 }) }

  it.concurrent('with created-after, the older finished task is ignored until the new one appears', async () => {
    const fresh = { task: iacTask('new', 'iac-pr-1', { scanned: 3, succeeded: 1, failed: 2 }, { start_time: Date.now() + 1000 }), appear: { afterMs: 2000 } }
    const run = await gate({ tasks: [old, fresh] }, { 'task-name': 'iac-pr-1', 'created-after': '10m' })
    expect([run.outputs['task-id'], run.outputs.result]).toEqual(['new', 'failed'])
  })

  it.concurrent('without it, a new task that has not started yet (start_time 0) ranks above the older one', async () => {
    const fresh = {
      task: iacTask('new', 'iac-pr-1', { scanned: 3, succeeded: 1, failed: 2 }, { task_status: 'ready', start_time: 0 }),
      phases: [{ afterQueries: 2, status: 'finished', patch: { start_time: Date.now() } }]
    }
    const run = await gate({ tasks: [old, fresh] }, { 'task-name': 'iac-pr-1' })
    expect([run.outputs['task-id'], run.outputs.result]).toEqual(['new', 'failed'])
  })

  it.concurrent('a bad created-after fails before any request, naming the input', async () => {
    const run = await gate({ tasks: [old] }, { 'task-name': 'iac-pr-1', 'created-after': 'last tuesday' })
    expect(run.sim.requests).toHaveLength(0)
    expect(commands(run.stdout, 'error')[0]).toContain('Input `created-after` must be an ISO 8601 time')
  })
})

describe('the name search under throttling and at its cap', () => {
  it.concurrent('resumes where a 429 stopped it, and finds a task on page 4', async () => {
    const decoys = Array.from({ length: 700 }, (_, i) => ({ task: iacTask(`d-${i}`, `app-${i}`, { scanned: 1, succeeded: 1, failed: 0 }, { start_time: 2e12 + i }) }))
    const target = { task: iacTask('hit', 'app', { scanned: 2, succeeded: 2, failed: 0 }, { start_time: 1e12 }) }
    const run = await gate({ tasks: [...decoys, target], rateLimit: { limit: 3, windowMs: 4000 } }, { 'task-name': 'app', timeout: '90s' })
    expect([run.outputs['task-id'], run.outputs.result]).toEqual(['hit', 'passed'])
    const offsets = run.sim.requests.filter((r) => r.route === 'tasks' && r.status === 200 && (r.body as { task_name?: string }).task_name).map((r) => Number(r.query.offset))
    expect(offsets).toEqual([0, 200, 400, 600])
  })

  it.concurrent('says so when the page cap stops it', async () => {
    const decoys = Array.from({ length: 10_001 }, (_, i) => ({ task: iacTask(`d-${i}`, `app-${i}`, { scanned: 1, succeeded: 1, failed: 0 }) }))
    const run = await gate({ tasks: decoys }, { 'task-name': 'app', timeout: '8s' })
    expect(run.outputs.result).toBe('timed-out')
    expect(run.outputs.reason).toContain('the name search read the first 10000 fuzzy matches of 10001 and stops there')
  })
})

describe('odd answers do not lose the verdict', () => {
  it.concurrent.each([['a word', 'yesterday'], ['an object', { at: 1 }], ['nanoseconds', 1_745_311_451_000_000_000]])('a start_time that is %s shows as unknown', async (_name, value) => {
    const task = { ...iacTask('t-1', 'n', { scanned: 2, succeeded: 2, failed: 0 }), start_time: value }
    const run = await gate({ tasks: [{ task }] }, { ...byId, 'soft-fail': 'true' })
    expect([run.code, run.outputs.result]).toEqual([0, 'passed'])
    expect(run.stdout).not.toContain('Unexpected error')
    expect(run.summary).toMatch(/Started \| unknown/)
  })

  it.concurrent('a task of another type than task-type is never taken for the task, whatever its id', async () => {
    const body = JSON.stringify({ total_num: 1, data_list: [clusterTask('t-1', 'n', { scanning: 0, succeeded: 1, failed: 0 })] })
    const run = await gate({ tasks: [] }, { ...byId, timeout: '2s' }, { setup: (sim) => sim.setStandingFault({ kind: 'status', status: 200, body, contentType: 'application/json' }, 'tasks') })
    expect(run.outputs.result).toBe('timed-out')
  })

  it.concurrent('a record with task_id null is skipped, and the rest of the page still counts', async () => {
    const body = JSON.stringify({ total_num: 2, data_list: [{ task_id: null, task_name: 'x' }, iacTask('t-1', 'n', { scanned: 1, succeeded: 1, failed: 0 })] })
    const run = await gate({ tasks: [] }, byId, { setup: (sim) => sim.setStandingFault({ kind: 'status', status: 200, body, contentType: 'application/json' }, 'tasks') })
    expect(run.outputs.result).toBe('passed')
  })

  it.concurrent('{"total_num":0,"data_list":null} reads as an empty list, not a bad body', async () => {
    const run = await gate({ tasks: [{ task: finished({ scan_file_num: 1, success_file_num: 1, failed_file_num: 0 }) }] }, byId, {
      setup: (sim) => sim.queueFault({ kind: 'status', status: 200, body: '{"total_num":0,"data_list":null}', contentType: 'application/json' })
    })
    expect(run.outputs.result).toBe('passed')
    expect(run.stdout).toContain('No iac_scan task with id t-1 yet; waiting for it to appear')
    expect(run.stdout).not.toContain('not the expected JSON')
  })

  it.concurrent('an enterprise-project-id with a space is sent as %20 and signed as sent', async () => {
    const run = await gate({ tasks: [{ task: finished({ scan_file_num: 1, success_file_num: 1, failed_file_num: 0 }) }] }, { ...byId, 'enterprise-project-id': 'my project' })
    expect([run.code, run.outputs.result]).toEqual([0, 'passed'])
    expect(run.sim.requests[0]?.query.enterprise_project_id).toBe('my project')
  })
})

describe('runner files that cannot be written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unwritable-'))
  const places: [string, Record<string, string>][] = [
    ['an unset GITHUB_STEP_SUMMARY', { GITHUB_STEP_SUMMARY: '' }],
    ['a summary in a folder that does not exist', { GITHUB_STEP_SUMMARY: '/nonexistent/x' }],
    ['a summary that is a directory', { GITHUB_STEP_SUMMARY: dir }],
    ['an output file that does not exist', { GITHUB_OUTPUT: '/nonexistent/x' }],
    ['an output file that is a directory', { GITHUB_OUTPUT: dir }]
  ]

  it.concurrent.each(places)('%s: a passing gate still passes, with a warning', async (_name, env) => {
    const run = await gate({ tasks: [{ task: finished({ scan_file_num: 1, success_file_num: 1, failed_file_num: 0 }) }] }, byId, { env })
    expect(run.code).toBe(0)
    expect(commands(run.stdout, 'warning').join('\n')).toMatch(/Could not write the (job summary|step's outputs)/)
    expect(run.stdout).toContain('Gate passed: 1 scanned, 0 failed')
  })

  it.concurrent.each(places)('%s: a failing gate still fails, and says why', async (_name, env) => {
    const run = await gate({ tasks: [{ task: finished({ scan_file_num: 2, success_file_num: 1, failed_file_num: 1 }), resources: failedFiles(1) }] }, byId, { env })
    expect(run.code).toBe(1)
    expect(commands(run.stdout, 'error').at(-1)).toBe('::error::HSS scan gate failed: 1 file failed to scan, more than max-failed 0')
  })
})

describe('secrets, and pieces of them, never leave the process', () => {
  // The harness fails any of these runs that shows a secret, or 10 characters of one, anywhere.
  const TOKEN = 'MIIZ-iam-token-echoed-by-a-broken-server-0123456789'

  it.concurrent('a 403 whose request_id is the secret key', async () => {
    const body = JSON.stringify({ error_code: 'HSS.0013', error_msg: 'denied', request_id: DEMO_SK })
    const run = await gate({ tasks: [] }, byId, { setup: (sim) => sim.setStandingFault({ kind: 'status', status: 403, body, contentType: 'application/json' }) })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('(request id ***)')
  })

  it.concurrent('an error_code of 50 characters followed by the secret key', async () => {
    const body = JSON.stringify({ error_code: `${'E'.repeat(50)}${DEMO_SK}`, error_msg: `${'m'.repeat(495)}${DEMO_SK}` })
    const run = await gate({ tasks: [] }, byId, { setup: (sim) => sim.setStandingFault({ kind: 'status', status: 400, body, contentType: 'application/json' }) })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`HTTP 400 ${'E'.repeat(50)}***`)
  })

  it.concurrent('a token sent back as request_id on a 503 stays out of the reason', async () => {
    const body = JSON.stringify({ error_code: 'APIGW.0201', error_msg: 'busy', request_id: TOKEN })
    const run = await gate({ tokens: [TOKEN], tasks: [] }, { ...byId, 'auth-token': TOKEN, timeout: '2s' }, {
      env: { HUAWEI_CLOUD_ACCESS_KEY_ID: '', HUAWEI_CLOUD_SECRET_ACCESS_KEY: '' },
      setup: (sim) => sim.setStandingFault({ kind: 'status', status: 503, body, contentType: 'application/json' })
    })
    expect(run.outputs.result).toBe('timed-out')
    expect(run.outputs.reason).toContain('request id ***')
  })

  it.concurrent('the secret key echoed in a task name and a file name', async () => {
    const task = { ...iacTask('t-1', `name ${DEMO_SK} end`, { scanned: 2, succeeded: 1, failed: 1 }) }
    const run = await gate({ tasks: [{ task, resources: failedFiles(1, () => ({ file_name: `${DEMO_SK}.yaml`, failed_reason: `bad ${DEMO_SK.slice(5, 25)}` })) }] }, byId)
    expect(run.outputs['task-name']).toBe('name *** end')
    expect(JSON.parse(run.outputs['failed-files'] ?? '[]')).toEqual([{ file_name: '***.yaml', file_type: 'k8s_yaml', failed_reason: 'bad ***' }])
  })
})

describe('throttling near the deadline', () => {
  it.concurrent('a Retry-After longer than the time left: the gate waits until the deadline and asks once more', async () => {
    const run = await gate({ tasks: [{ task: finished({ scan_file_num: 1, success_file_num: 1, failed_file_num: 0 }) }] }, { ...byId, timeout: '4s' }, {
      setup: (sim) => sim.queueFault({ kind: 'throttle', retryAfter: '30' })
    })
    expect([run.code, run.outputs.result]).toEqual([0, 'passed'])
    expect(run.sim.requests).toHaveLength(2)
    expect(run.stdout).toMatch(/HSS throttled the request: ListTasks got HTTP 429 APIGW.0308 \(Retry-After 30 s\); the time-out is \d\.\d s away, so one last try then/)
  })

  it.concurrent('when that last try is throttled too, the reason says HSS throttled', async () => {
    const run = await gate({ tasks: [] }, { ...byId, timeout: '2s' }, { setup: (sim) => sim.setStandingFault({ kind: 'throttle', retryAfter: '30' }) })
    expect(run.outputs.result).toBe('timed-out')
    expect(run.outputs.reason).toMatch(/the last query failed: HSS throttled the request: ListTasks got HTTP 429 APIGW.0308 \(Retry-After 30 s\)$/)
    expect(Number(run.outputs['elapsed-seconds'])).toBeGreaterThanOrEqual(2)
  })
})
