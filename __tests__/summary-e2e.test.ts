/**
 * The job summary for every way a run can end, through dist/index.js against the simulator, as a
 * reviewer reads it rendered: the verdict and its reasons first, what to fix next, and the task's
 * details folded away. These assert order and content, not snapshots.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { renderMarkdown } from '../scripts/summary-html.ts'
import { clusterTask, failedFiles, iacTask } from '../simulator/tasks.ts'
import { gate } from '../__fixtures__/e2e.ts'

/** The rendered page's visible parts, in order: headings, quotes, table headers, list items, details. */
function outline(markdown: string): string[] {
  const html = renderMarkdown(markdown)
  return [...html.matchAll(/<(h2|h3|blockquote|th|li)[^>]*>([\s\S]*?)<\/\1>|<(summary)>([\s\S]*?)<\/summary>/g)].map((m) => `${m[1] ?? m[3]}: ${(m[2] ?? m[4] ?? '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()}`)
}
const indexOf = (items: string[], prefix: string) => items.findIndex((item) => item.startsWith(prefix))
const before = (items: string[], ...prefixes: string[]) => {
  const at = prefixes.map((p) => indexOf(items, p))
  return at.every((i) => i >= 0) && at.every((i, n) => n === 0 || i > (at[n - 1] ?? -1))
}

const done = (failed: number, scanned = 12) => ({ task: iacTask('t-1', 'iac-pr-1', { scanned, succeeded: scanned - failed, failed }), resources: failedFiles(failed) })

describe('the summary of every ending', () => {
  it.concurrent('pass: the verdict, the checks; no next steps; details folded', async () => {
    const run = await gate({ tasks: [done(0)] }, { 'task-id': 't-1', region: 'ap-southeast-1' })
    const items = outline(run.summary)
    expect(items[0]).toBe('h2: ✅ HSS scan gate passed')
    expect(before(items, 'h2: ✅', 'th: Check', 'summary: Task details')).toBe(true)
    expect(indexOf(items, 'h3: Next steps')).toBe(-1)
    expect(run.summary).toContain('[HSS console](https://console-intl.huaweicloud.com/hss/?region=ap-southeast-1)')
  })

  it.concurrent('fail: reasons, checks, failed files, next steps, then details', async () => {
    const run = await gate({ tasks: [done(2)] }, { 'task-id': 't-1' })
    const items = outline(run.summary)
    expect(before(items, 'h2: ❌ HSS scan gate failed', 'blockquote: 2 files failed to scan, more than max-failed 0', 'th: Check', 'h3: Failed files (2)', 'h3: Next steps', 'li: Fix the files HSS could not scan', 'summary: Task details')).toBe(true)
    expect(run.summary).toContain('| `deploy/app-1.yaml` | `parse error at line 3: mapping values are not allowed here` |')
  })

  it.concurrent('soft-fail: the same, marked as reported and not enforced', async () => {
    const run = await gate({ tasks: [done(2)] }, { 'task-id': 't-1', 'soft-fail': 'true' })
    expect(outline(run.summary)[0]).toBe('h2: ⚠️ HSS scan gate failed (soft-fail: reported, not enforced; the step passes)')
    expect(indexOf(outline(run.summary), 'h3: Next steps')).toBeGreaterThan(0)
  })

  it.concurrent('timed out while running: a longer timeout, and HSS\'s estimate', async () => {
    const task = { ...iacTask('t-1', 'iac-pr-1', { scanned: 12, succeeded: 3, failed: 0 }), task_status: 'running', estimated_time: 7 }
    const run = await gate({ tasks: [{ task }] }, { 'task-id': 't-1', timeout: '2s' })
    const items = outline(run.summary)
    expect(before(items, 'h2: ⏱️ HSS scan gate timed out', 'blockquote: Task with id t-1 did not finish within 2s (last status: running, 3/12 files done)', 'h3: Next steps', 'li: The scan was still running after 2s: raise timeout (HSS estimated 7 more minutes).')).toBe(true)
  })

  it.concurrent('never found: task type, project, enterprise project, exact name and created-after', async () => {
    const run = await gate({ tasks: [] }, { 'task-name': 'iac-pr-1', 'created-after': '2026-11-28T09:30:00Z', timeout: '2s' })
    const items = outline(run.summary)
    expect(before(items, 'h2: ⏱️', 'blockquote: No iac_scan task named iac-pr-1 was found within 2s', 'h3: Next steps')).toBe(true)
    const steps = items.filter((i) => i.startsWith('li: ')).join('\n')
    expect(steps).toContain('task-type')
    expect(steps).toContain('project-id')
    expect(steps).toContain('enterprise-project-id')
    expect(steps).toContain('iac-pr-1 must match exactly, case included, and the task must start after 2026-11-28 09:30:00 UTC (created-after)')
  })

  it.concurrent('authentication error: which credentials, and the clock', async () => {
    const run = await gate({ tasks: [done(0)] }, { 'task-id': 't-1' }, { env: { HUAWEI_CLOUD_SECRET_ACCESS_KEY: 'wrong-secret-key-0123' } })
    const items = outline(run.summary)
    expect(before(items, 'h2: 🔑 HSS scan gate: HSS refused the credentials (HTTP 401)', 'blockquote: ListTasks: HTTP 401 APIGW.0301', 'h3: Next steps')).toBe(true)
    expect(run.summary).not.toContain('```')
    expect(items.filter((i) => i.startsWith('li: ')).join('\n')).toMatch(/access-key-id and secret-access-key[\s\S]*clock/)
  })

  it.concurrent('configuration error: which input, what is wrong, what is allowed; nothing sent', async () => {
    const run = await gate({ tasks: [done(0)] }, { 'task-id': 't-1', timeout: 'ten minutes' })
    expect(run.sim.requests).toHaveLength(0)
    const items = outline(run.summary)
    expect(before(items, 'h2: ⛔ HSS scan gate: configuration error', 'h3: Next steps', 'li: Fix the input timeout')).toBe(true)
    expect(items).toContain('blockquote: Input timeout must be a duration such as 90s, 15m, 1h, 1h30m, or plain seconds (got &quot;ten minutes&quot;).')
    expect(run.summary).toContain('> Input `timeout` must be')
  })

  it.concurrent('missing credentials on a fork\'s pull request say why there are none', async () => {
    const eventPath = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
    writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 3, head: { repo: { fork: true, full_name: 'someone/r' } }, base: { repo: { full_name: 'o/r' } } } }))
    const run = await gate({ tasks: [done(0)] }, { 'task-id': 't-1' }, { env: { HUAWEI_CLOUD_ACCESS_KEY_ID: '', HUAWEI_CLOUD_SECRET_ACCESS_KEY: '', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath } })
    expect(run.code).toBe(1)
    expect(run.summary).toContain('This run is for a pull request from a fork')
    expect(run.stdout).toMatch(/::error::Input `access-key-id`.*pull request from a fork/)
  })

  it.concurrent('cluster scan: clusters, not files', async () => {
    const run = await gate({ tasks: [{ task: clusterTask('c-1', 'nightly', { scanning: 0, succeeded: 3, failed: 1 }) }] }, { 'task-id': 'c-1', 'task-type': 'cluster_scan' })
    expect(run.summary).toContain('**4** clusters scanned: **3** succeeded, **1** failed (25%)')
    expect(run.summary).toContain('| Failed clusters | at most 0 (`max-failed`) | 1 | ❌ broken |')
    expect(run.summary).toContain('Open the task in the HSS console to see why the clusters failed to scan')
    expect(run.summary).toContain('| Scan types | `cluster_vul, risk_assessment` |')
  })

  it.concurrent('risks found: counts by level, then the most severe, before the details', async () => {
    const files = [{ file_id: 'f-1', file_name: 'Dockerfile', file_type: 'dockerfile' as const, risks: [{ risk_name: 'Runs as root', risk_level: 'high', risk_category: 'workload', remediation: 'Add USER' }, { risk_name: 'No HEALTHCHECK', risk_level: 'low', risk_category: 'workload', remediation: 'Add HEALTHCHECK' }] }]
    const run = await gate({ files }, { 'create-task': 'true', 'file-ids': 'f-1', 'file-type': 'dockerfile', 'fail-on-risk': 'high' })
    const items = outline(run.summary)
    expect(before(items, 'h2: ❌', 'blockquote: 1 IaC risk at high or above (high 1): fail-on-risk high allows none', 'th: Check', 'h3: IaC risks (2)', 'th: Level', 'th: Where', 'h3: Next steps', 'li: Fix the risks that break the gate', 'summary: Task details')).toBe(true)
    expect(run.summary).toContain('high **1** · medium **0** · low **1** · tips **0** that count, in 1 of 1 files')
    expect(run.summary.indexOf('`Runs as root`')).toBeLessThan(run.summary.indexOf('`No HEALTHCHECK`'))
  })
})
