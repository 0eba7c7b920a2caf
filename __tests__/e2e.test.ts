/**
 * The built action (dist/index.js), run as a child process the way the runner runs it, against the
 * HSS simulator on 127.0.0.1. These read back GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
 */
import { describe, expect, it } from '@jest/globals'
import { clusterTask, failedFiles, iacTask } from '../simulator/tasks.ts'
import { DEMO_PROJECT_ID, DEMO_SK } from '../simulator/server.ts'
import { commands, gate, unmasked } from '../__fixtures__/e2e.ts'

const done = (failed = 0, scanned = 12) => iacTask('t-1', 'iac-pr-1', { scanned, succeeded: scanned - failed, failed })
const withFiles = (failed: number, scanned = 12) => ({ task: done(failed, scanned), resources: failedFiles(failed) })

describe('a finished scan', () => {
  it.concurrent('passes, sets every output and writes the summary', async () => {
    const run = await gate({ tasks: [withFiles(0)] }, { 'task-id': 't-1' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ 'task-id': 't-1', 'task-name': 'iac-pr-1', 'task-status': 'finished', scanned: '12', succeeded: '12', failed: '0', 'failed-percent': '0', result: 'passed', reason: '', 'failed-files': '[]' })
    expect(JSON.parse(run.outputs['task-json'] ?? '')).toEqual(done(0))
    expect(Number(run.outputs['elapsed-seconds'])).toBeLessThan(60)
    expect(run.summary).toMatch(/^## ✅ HSS scan gate passed/)
    expect(run.summary).toContain('**12** files scanned: **12** succeeded, **0** failed (0%)')
    expect(run.sim.requests).toHaveLength(1)
    expect(run.stdout).toContain('Task "iac-pr-1" (t-1): finished, 12/12 files done, 0 failed')
  })

  it.concurrent('fails when failed files exceed max-failed, and lists them', async () => {
    const run = await gate({ tasks: [withFiles(2)] }, { 'task-id': 't-1', 'max-failed': '1' })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'failed', failed: '2', reason: '2 files failed to scan, more than max-failed 1' })
    expect(JSON.parse(run.outputs['failed-files'] ?? '')).toEqual([
      { file_name: 'deploy/app-1.yaml', file_type: 'k8s_yaml', failed_reason: 'parse error at line 3: mapping values are not allowed here' },
      { file_name: 'deploy/app-2.yaml', file_type: 'k8s_yaml', failed_reason: 'parse error at line 4: mapping values are not allowed here' }
    ])
    expect(commands(run.stdout, 'error')).toEqual([
      '::error title=HSS could not scan deploy/app-1.yaml::parse error at line 3: mapping values are not allowed here',
      '::error title=HSS could not scan deploy/app-2.yaml::parse error at line 4: mapping values are not allowed here',
      '::error::HSS scan gate failed: 2 files failed to scan, more than max-failed 1'
    ])
    expect(run.summary).toContain('### Failed files (2)')
    const resources = run.sim.requests.find((r) => r.route === 'resources')
    expect(resources?.body).toEqual({ task_type: 'iac_scan', iac_scan_info: { scan_status: 'failed' } })
  })

  it.concurrent('fails on max-failed-percent', async () => {
    const run = await gate({ tasks: [withFiles(3, 20)] }, { 'task-id': 't-1', 'max-failed': '10', 'max-failed-percent': '10' })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'failed', 'failed-percent': '15', reason: '15% of files failed (3 of 20), more than max-failed-percent 10' })
  })

  it.concurrent('fails a scan of nothing on min-scanned', async () => {
    const run = await gate({ tasks: [withFiles(0, 0)] }, { 'task-id': 't-1' })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'failed', scanned: '0', reason: 'Only 0 files were scanned, fewer than min-scanned 1' })
  })

  it.concurrent('with soft-fail reports a broken threshold as a warning and succeeds', async () => {
    const run = await gate({ tasks: [withFiles(2)] }, { 'task-id': 't-1', 'soft-fail': 'true' })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('failed')
    expect(commands(run.stdout, 'error')).toEqual([])
    expect(commands(run.stdout, 'warning').at(-1)).toBe('::warning::HSS scan gate failed: 2 files failed to scan, more than max-failed 0 (soft-fail: not failing the step)')
    expect(run.summary).toMatch(/^## ⚠️ HSS scan gate failed \(soft-fail: reported, not enforced; the step passes\)/)
  })

  it.concurrent('keeps the verdict when the failed files cannot be listed, and warns', async () => {
    const run = await gate({ tasks: [withFiles(1)] }, { 'task-id': 't-1', 'max-failed': '1', timeout: '5s' }, {
      setup: (sim) => sim.setStandingFault({ kind: 'status', status: 503, body: 'Service Unavailable' }, 'resources')
    })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('passed')
    expect(commands(run.stdout, 'warning')[0]).toMatch(/^::warning::Could not list the failed files: ListTaskResources: HTTP 503/)
    expect(run.summary).toContain('The failed files could not be listed')
  })

  it.concurrent('a refused failed-file listing is a permission error: the step fails, soft-fail or not', async () => {
    const run = await gate({ tasks: [withFiles(1)] }, { 'task-id': 't-1', 'max-failed': '1', 'soft-fail': 'true' }, {
      setup: (sim) => sim.setStandingFault({ kind: 'error', status: 403, code: 'HSS.0013', message: 'insufficient permissions' }, 'resources')
    })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(run.outputs.reason).toBe('HSS refused ListTaskResources (HTTP 403 HSS.0013): the credentials lack a permission this check needs')
    expect(commands(run.stdout, 'error').at(-1)).toContain('a permission error, which soft-fail does not soften')
  })

  it.concurrent('writes no summary with summary: false', async () => {
    const run = await gate({ tasks: [withFiles(0)] }, { 'task-id': 't-1', summary: 'false' })
    expect(run.code).toBe(0)
    expect(run.summary).toBe('')
  })

  it.concurrent('judges a cluster scan by its clusters', async () => {
    const task = clusterTask('c-1', 'nightly-clusters', { scanning: 0, succeeded: 3, failed: 1 })
    const run = await gate({ tasks: [{ task }] }, { 'task-name': 'nightly-clusters', 'task-type': 'cluster_scan', 'max-failed': '0' })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ 'task-id': 'c-1', scanned: '4', succeeded: '3', failed: '1', result: 'failed', 'failed-files': '[]', reason: '1 cluster failed to scan, more than max-failed 0' })
    expect(run.summary).toContain('**4** clusters scanned: **3** succeeded, **1** failed (25%)')
    expect(run.sim.requests.every((r) => (r.body as { task_type?: string }).task_type === 'cluster_scan')).toBe(true)
  })
})

describe('waiting', () => {
  it.concurrent('follows a task from ready through running to finished', async () => {
    const task = done(0)
    const run = await gate({ tasks: [{ task, phases: [{ status: 'ready' }, { afterQueries: 1, status: 'running', patch: { estimated_time: 4 } }, { afterQueries: 2, status: 'finished' }] }] }, { 'task-id': 't-1' })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/: ready,[\s\S]*: running,.*about 4 min left[\s\S]*: finished,/)
    expect(run.sim.taskQueries).toBe(3)
  })

  it.concurrent('waits for a task that appears late', async () => {
    const run = await gate({ tasks: [{ task: done(0), appear: { afterQueries: 2 } }] }, { 'task-id': 't-1' })
    expect(run.code).toBe(0)
    // Said once: the log repeats an unchanged line at most once a minute.
    expect(run.stdout.match(/No iac_scan task with id t-1 yet; waiting for it to appear/g)).toHaveLength(1)
    expect(run.outputs.result).toBe('passed')
  })

  it.concurrent('times out when the task does not finish, and never runs long past the timeout', async () => {
    const run = await gate({ tasks: [{ task: { ...done(0), task_status: 'running' } }] }, { 'task-id': 't-1', timeout: '3s' })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'timed-out', 'task-status': 'running', reason: 'Task with id t-1 did not finish within 3s (last status: running, 12/12 files done)' })
    // The fake-clock tests pin the bound (timeout + one minimal attempt); here, only that it ends,
    // with a bound many times looser than the behaviour needs, for busy machines.
    expect(run.elapsedMs).toBeLessThan(60_000)
    expect(run.stdout.match(/: running,/g)?.length).toBeGreaterThanOrEqual(2)
    expect(run.summary).toMatch(/^## ⏱️ HSS scan gate timed out/)
  })

  it.concurrent('times out with empty status when the task never appears; soft-fail lets the step pass', async () => {
    const run = await gate({ tasks: [] }, { 'task-name': 'ghost', timeout: '2s', 'soft-fail': 'true' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'timed-out', 'task-status': '', 'task-id': '', 'task-name': 'ghost', 'task-json': '' })
  })

  it.concurrent('finds a task by exact name among fuzzy decoys, newest first, then follows its id', async () => {
    const tasks = [
      { task: iacTask('decoy-1', 'iac-pr-10', { scanned: 5, succeeded: 0, failed: 5 }, { start_time: 9e12 }) },
      { task: iacTask('old', 'iac-pr-1', { scanned: 5, succeeded: 0, failed: 5 }, { start_time: 1e12 }) },
      { task: iacTask('new', 'iac-pr-1', { scanned: 5, succeeded: 5, failed: 0 }, { start_time: 2e12, task_status: 'running' }), phases: [{ afterQueries: 2, status: 'finished' }] },
      { task: iacTask('decoy-2', 'IAC-PR-1', { scanned: 5, succeeded: 0, failed: 5 }, { start_time: 8e12 }) }
    ]
    const run = await gate({ tasks }, { 'task-name': 'iac-pr-1' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ 'task-id': 'new', result: 'passed' })
    const bodies = run.sim.requests.filter((r) => r.route === 'tasks').map((r) => r.body)
    expect(bodies[0]).toEqual({ task_type: 'iac_scan', task_name: 'iac-pr-1', sort_key: 'start_time', sort_dir: 'desc' })
    expect(bodies.slice(1)).toEqual([{ task_type: 'iac_scan', task_id: 'new' }, { task_type: 'iac_scan', task_id: 'new' }])
    expect(run.sim.requests[0]?.query).toEqual({ offset: '0', limit: '200' })
  })
})

describe('authentication and project', () => {
  it.concurrent('signs with temporary AK/SK and a security token', async () => {
    const credentials = [{ accessKeyId: 'TEMPAK0000000001', secretAccessKey: 'temp-sk-value-1234', securityToken: 'temp-security-token-abcdef' }]
    const run = await gate({ credentials, tasks: [withFiles(0)] }, { 'task-id': 't-1' }, {
      env: { HUAWEI_CLOUD_ACCESS_KEY_ID: 'TEMPAK0000000001', HUAWEI_CLOUD_SECRET_ACCESS_KEY: 'temp-sk-value-1234', HUAWEICLOUD_SDK_SECURITY_TOKEN: 'temp-security-token-abcdef' }
    })
    expect(run.code).toBe(0)
    expect(run.sim.requests[0]?.headers['x-security-token']).toBe('temp-security-token-abcdef')
    expect(run.stdout).toContain('::add-mask::temp-security-token-abcdef')
  })

  it.concurrent('authenticates with an IAM token', async () => {
    const run = await gate({ tokens: ['MIIZ-iam-token-value'], tasks: [withFiles(0)] }, { 'task-id': 't-1', 'auth-token': 'MIIZ-iam-token-value' }, { env: { HUAWEI_CLOUD_ACCESS_KEY_ID: '', HUAWEI_CLOUD_SECRET_ACCESS_KEY: '' } })
    expect(run.code).toBe(0)
    expect(run.sim.requests[0]?.headers['x-auth-token']).toBe('MIIZ-iam-token-value')
  })

  it.concurrent('looks the project id up in IAM by region when none is given', async () => {
    const run = await gate({ tasks: [withFiles(0)], projects: [{ id: DEMO_PROJECT_ID, name: 'ap-southeast-1' }, { id: 'other', name: 'cn-north-4' }] }, { 'task-id': 't-1', 'project-id': '', region: 'ap-southeast-1' })
    expect(run.code).toBe(0)
    expect(run.sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v3/projects', `POST /v5/${DEMO_PROJECT_ID}/common/tasks/batch-query`])
    expect(run.stdout).toContain(`Project id of ap-southeast-1: ${DEMO_PROJECT_ID} (looked up in IAM)`)
  })

  it.concurrent('fails clearly when IAM has no project for the region', async () => {
    const run = await gate({ tasks: [withFiles(0)], projects: [] }, { 'task-id': 't-1', 'project-id': '', region: 'ap-southeast-1' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::Input `project-id` is empty and IAM has no project named ap-southeast-1/)
    expect(run.sim.requests).toHaveLength(1)
  })

  it.concurrent('fails fast on 401 with advice on credentials and clock', async () => {
    const run = await gate({ tasks: [withFiles(0)] }, { 'task-id': 't-1' }, { env: { HUAWEI_CLOUD_SECRET_ACCESS_KEY: 'not-the-right-secret' } })
    expect(run.code).toBe(1)
    expect(run.sim.requests).toHaveLength(1)
    expect(run.stdout).toMatch(/::error::ListTasks: HTTP 401 APIGW.0301: Incorrect IAM authentication information: verify aksk signature fail \(request id [0-9a-f]{32}\)\. Check the credentials.*clock/)
    expect(unmasked(run.stdout, 'not-the-right-secret')).toEqual([])
    expect(run.summary).toMatch(/^## 🔑 HSS scan gate: HSS refused the credentials \(HTTP 401\)/)
    // Fast: one request, no retry and no waiting for the task.
    expect(run.stdout).not.toMatch(/retrying in|waiting for it to appear/)
  })

  it.concurrent('a run stopped by an error after finding the task by name still names its id', async () => {
    const task = { task: iacTask('found-7', 'iac-pr-7', { scanned: 1, succeeded: 1, failed: 0 }, { task_status: 'running' }) }
    const run = await gate({ tasks: [task] }, { 'task-name': 'iac-pr-7' }, {
      setup: (sim) => {
        sim.queueFault({ kind: 'pass' })
        sim.queueFault({ kind: 'error', status: 400, code: 'HSS.0013', message: 'insufficient permissions' })
      }
    })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ 'task-id': 'found-7', 'task-name': 'iac-pr-7' })
    expect(run.summary).toContain('Task looked for: id `found-7`')
  })

  it.concurrent('fails fast on 403 and names the permissions; soft-fail does not hide it', async () => {
    const run = await gate({ tasks: [withFiles(0)] }, { 'task-id': 't-1', 'soft-fail': 'true' }, { setup: (sim) => sim.setStandingFault({ kind: 'error', status: 400, code: 'HSS.0013', message: 'insufficient permissions' }) })
    expect(run.code).toBe(1)
    expect(run.sim.requests).toHaveLength(1)
    expect(run.stdout).toMatch(/::error::ListTasks: HTTP 400 HSS.0013: insufficient permissions.*HSS ReadOnlyAccess/)
  })
})

describe('transient faults are survived', () => {
  it.concurrent('5xx, HTML, resets, malformed JSON and throttling, then the right verdict', async () => {
    // Each fault is followed by a good answer (the task still running); it finishes on the fifth.
    const script = { task: { ...done(0), task_status: 'running' }, phases: [{ afterQueries: 4, status: 'finished' }] }
    const run = await gate({ tasks: [script] }, { 'task-id': 't-1' }, {
      setup: (sim) => {
        for (const fault of [{ kind: 'html' }, { kind: 'reset' }, { kind: 'throttle', retryAfter: '1' }, { kind: 'malformed' }, { kind: 'status', status: 500, body: 'oops' }] as const) {
          sim.queueFault(fault)
          sim.queueFault({ kind: 'pass' })
        }
      }
    })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('passed')
    expect(run.sim.requests).toHaveLength(10)
    expect(run.stdout).toContain('HSS throttled the request: ListTasks got HTTP 429 APIGW.0308 (Retry-After 1 s)')
    expect(run.stdout.match(/retrying in/g)).toHaveLength(5)
  })
})

describe('bad inputs fail at once and send nothing', () => {
  it.concurrent.each([
    [{ 'task-id': '' }, 'task-id'],
    [{ timeout: '10 minutes' }, 'timeout'],
    [{ 'poll-interval': '0' }, 'poll-interval'],
    [{ 'max-failed': '-1' }, 'max-failed'],
    [{ 'max-failed-percent': '150' }, 'max-failed-percent'],
    [{ 'soft-fail': 'yes' }, 'soft-fail'],
    [{ 'task-type': 'vul_scan' }, 'task-type'],
    [{ endpoint: 'http://hss.example.com' }, 'endpoint']
  ])('%j', async (inputs, input) => {
    const run = await gate({ tasks: [withFiles(0)] }, { 'task-id': 't-1', ...inputs })
    expect(run.code).toBe(1)
    expect(run.sim.requests).toHaveLength(0)
    expect(commands(run.stdout, 'error')).toHaveLength(1)
    expect(commands(run.stdout, 'error')[0]).toContain(`Input \`${input}\``)
  })

  it.concurrent('no credentials at all', async () => {
    const run = await gate({ tasks: [withFiles(0)] }, { 'task-id': 't-1' }, { env: { HUAWEI_CLOUD_ACCESS_KEY_ID: '', HUAWEI_CLOUD_SECRET_ACCESS_KEY: '' } })
    expect(run.code).toBe(1)
    expect(run.sim.requests).toHaveLength(0)
    expect(run.stdout).toMatch(/::error::Input `access-key-id` and `secret-access-key` are not set, nor is `auth-token`/)
  })

  it.concurrent('half an AK/SK pair', async () => {
    const run = await gate({ tasks: [withFiles(0)] }, { 'task-id': 't-1' }, { env: { HUAWEI_CLOUD_SECRET_ACCESS_KEY: '' } })
    expect(run.sim.requests).toHaveLength(0)
    expect(run.stdout).toMatch(/::error::Input `secret-access-key` is missing/)
  })
})

describe('secrets', () => {
  it.concurrent('are masked first and never printed', async () => {
    const run = await gate({ tasks: [withFiles(2)] }, { 'task-id': 't-1' }, { env: { RUNNER_DEBUG: '1' } })
    expect(run.stdout.split('\n')[0]).toBe(`::add-mask::${DEMO_SK}`)
    expect(run.stdout).toContain('::debug::')
    expect(unmasked(run.stdout, DEMO_SK)).toEqual([])
    expect(run.stderr).not.toContain(DEMO_SK)
    expect(run.summary).not.toContain(DEMO_SK)
    expect(JSON.stringify(run.outputs)).not.toContain(DEMO_SK)
  })
})
