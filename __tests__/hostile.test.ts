/** Hostile and huge data from HSS must not break the summary, forge outputs, or grow memory. */
import { describe, expect, it } from '@jest/globals'
import { marked } from 'marked'
import type { Task } from '../src/hss/models.ts'
import { failedFiles, iacTask } from '../simulator/tasks.ts'
import { commands, gate } from '../__fixtures__/e2e.ts'

const HOSTILE = '<script>alert(1)</script>|x|y\n## Forged\n[click](https://evil.example) @everyone `rm -rf` 扫描 ✓ ' + 'long'.repeat(3000)
const MiB = 1024 * 1024

describe('hostile names', () => {
  it.concurrent('are escaped in the summary and annotations, and cannot forge outputs', async () => {
    const forged = `${HOSTILE}\nresult=passed\nghadelimiter_00000000-0000-0000-0000-000000000000\nfailed=0`
    const task = iacTask('t-1', forged, { scanned: 3, succeeded: 1, failed: 2 })
    const resources = failedFiles(2, () => ({ file_name: forged, failed_reason: HOSTILE }))
    const run = await gate({ tasks: [{ task, resources }] }, { 'task-id': 't-1' })

    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(run.outputs.failed).toBe('2')
    // One line in every output; task-json keeps the name exactly, its line breaks escaped by JSON.
    expect(run.outputs['task-name']).toMatch(/^<script>alert\(1\)<\/script>\|x\|y ## Forged \[click\]/)
    expect(run.outputs['task-name']).not.toMatch(/[\r\n]/)
    expect(run.outputs['task-json']).not.toMatch(/[\r\n]/)
    expect((JSON.parse(run.outputs['task-json'] ?? '{}') as Task).task_name).toBe(forged)

    // Rendered as GitHub renders it: the names are text in code spans, no HTML, link or heading.
    const html = marked.parse(run.summary, { gfm: true, async: false })
    expect(html).not.toMatch(/<script|<h2>Forged|href="https:\/\/evil/)
    expect(run.summary).not.toMatch(/^## Forged/m)
    expect(run.summary.length).toBeLessThan(64 * 1024)

    const annotations = commands(run.stdout, 'error').filter((line) => line.startsWith('::error title='))
    expect(annotations).toHaveLength(2)
    for (const line of annotations) {
      expect(line).not.toContain('\n')
      expect(line.length).toBeLessThan(1000)
    }
  })
})

describe('huge data', () => {
  it.concurrent('10,000 failed files give a bounded summary, at most 9 annotations besides the verdict, and a bounded failed-files', async () => {
    const resources = failedFiles(10_000, (i) => ({ failed_reason: `reason ${i} `.repeat(40) }))
    const task = iacTask('t-1', 'big', { scanned: 12_000, succeeded: 2000, failed: 10_000 })
    const run = await gate({ tasks: [{ task, resources }] }, { 'task-id': 't-1' })
    expect(run.code).toBe(1)
    expect(Buffer.byteLength(run.summary)).toBeLessThan(MiB)
    expect(run.summary).toContain('### Failed files (10000)')
    expect(run.summary).toContain('…and 9950 more failed files.')
    expect(commands(run.stdout, 'error').filter((line) => line.startsWith('::error title='))).toHaveLength(9)
    expect(commands(run.stdout, 'error')).toHaveLength(10)
    const listed = JSON.parse(run.outputs['failed-files'] ?? '[]') as unknown[]
    expect(listed).toHaveLength(100)
    expect(Buffer.byteLength(run.outputs['failed-files'] ?? '')).toBeLessThan(128 * 1024)
    expect(run.sim.requests.filter((r) => r.route === 'resources')).toHaveLength(1)
  })

  it.concurrent('a data_list of thousands of tasks on every poll does not grow memory', async () => {
    const decoys = Array.from({ length: 5000 }, (_, i) => iacTask(`d-${i}`, `app-${i}`, { scanned: 1, succeeded: 1, failed: 0 }))
    // A total far beyond the rows: the name search reads page after page of them.
    const body = JSON.stringify({ total_num: 1_000_000, data_list: decoys })
    expect(body.length).toBeGreaterThan(MiB)
    // A 48 MB heap cap: anything kept from one poll to the next would soon run the process out of memory.
    const run = await gate({ tasks: [] }, { 'task-name': 'app', timeout: '5s' }, {
      env: { NODE_OPTIONS: '--max-old-space-size=48' },
      setup: (sim) => sim.setStandingFault({ kind: 'status', status: 200, body, contentType: 'application/json' }, 'tasks')
    })
    expect(run.stderr).not.toMatch(/heap out of memory/i)
    expect(run.outputs.result).toBe('timed-out')
    expect(run.sim.requests.length).toBeGreaterThanOrEqual(20)
  })

  it.concurrent('an answer over 8 MiB is refused, not buffered, and retried as a bad body', async () => {
    const body = JSON.stringify({ total_num: 1, data_list: [], padding: 'x'.repeat(9 * MiB) })
    const run = await gate({ tasks: [{ task: iacTask('t-1', 'n', { scanned: 1, succeeded: 1, failed: 0 }) }] }, { 'task-id': 't-1', timeout: '5m' }, {
      setup: (sim) => sim.queueFault({ kind: 'status', status: 200, body, contentType: 'application/json' })
    })
    expect(run.outputs.result).toBe('passed')
    expect(run.stdout).toMatch(/Transient failure: ListTasks: .*the answer is larger than 8 MiB.*; retrying in/)
  })

  it.concurrent('credentials that a server echoes in an error are replaced', async () => {
    const token = 'MIIZ-echoed-iam-token-0123456789'
    const run = await gate({ tokens: [token], tasks: [] }, { 'task-id': 't-1', 'auth-token': token }, {
      env: { HUAWEI_CLOUD_ACCESS_KEY_ID: '', HUAWEI_CLOUD_SECRET_ACCESS_KEY: '' },
      setup: (sim) => sim.setStandingFault({ kind: 'error', status: 400, code: 'HSS.0001', message: `invalid header X-Auth-Token: ${token}` })
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('invalid header X-Auth-Token: ***')
  })
})
