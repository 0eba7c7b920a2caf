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

/**
 * Every way a run can end, as a reviewer reads it rendered: its own heading, the message as a
 * paragraph that wraps (never a code block), what to do next, and the HSS console of the region.
 */
describe('endings a reviewer reads', () => {
  const region = { region: 'ap-southeast-1' }
  const CONSOLE = '[HSS console](https://console-intl.huaweicloud.com/hss/?region=ap-southeast-1)'
  const readable = (summary: string) => {
    expect(summary).not.toContain('```')
    expect(summary).toContain(CONSOLE)
  }

  it.concurrent.each([
    ['401', { kind: 'error', status: 401, code: 'APIGW.0301', message: 'Incorrect IAM authentication information: verify aksk signature fail' }, 'h2: 🔑 HSS scan gate: HSS refused the credentials (HTTP 401)', /li: Check the credentials/],
    ['403', { kind: 'error', status: 403, code: 'APIGW.0302', message: 'forbidden' }, 'h2: 🔒 HSS scan gate: permission denied by HSS', /li: Grant the IAM user or agency HSS permissions/],
    ['400 HSS.0013', { kind: 'error', status: 400, code: 'HSS.0013', message: 'insufficient permissions' }, 'h2: 🔒 HSS scan gate: permission denied by HSS', /li: Grant the IAM user/]
  ] as const)('%s: its own heading, the message wrapped, next steps, the console', async (_name, fault, heading, step) => {
    const run = await gate({ tasks: [done(0)] }, { 'task-id': 't-1', ...region }, { setup: (sim) => sim.queueFault({ ...fault }) })
    const items = outline(run.summary)
    expect(items[0]).toBe(heading)
    expect(items[1]).toMatch(/^blockquote: ListTasks: HTTP \d+/)
    expect(items.join('\n')).toMatch(step)
    readable(run.summary)
  })

  it.concurrent('a configuration error names the input, wraps, and links the console when the region is known', async () => {
    const run = await gate({}, { 'task-id': 't-1', timeout: 'soon', ...region })
    const items = outline(run.summary)
    expect(items[0]).toBe('h2: ⛔ HSS scan gate: configuration error')
    expect(items.join('\n')).toMatch(/li: Fix the input timeout/)
    readable(run.summary)
  })

  it.concurrent('a fork\'s pull request says so in the heading, and the explanation is in view', async () => {
    const eventPath = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
    writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 3, head: { repo: { fork: true } } } }))
    const run = await gate({}, { 'task-id': 't-1', ...region }, { env: { HUAWEI_CLOUD_ACCESS_KEY_ID: '', HUAWEI_CLOUD_SECRET_ACCESS_KEY: '', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath } })
    const items = outline(run.summary)
    expect(items[0]).toBe('h2: ⛔ HSS scan gate: no credentials on a pull request from a fork')
    expect(items[1]).toMatch(/This run is for a pull request from a fork, and GitHub passes no secrets to it\.$/)
    expect(run.summary).not.toMatch(/\\`/)
    readable(run.summary)
  })

  it.concurrent('an ambiguous creation leads with what may exist and when, and links the console', async () => {
    const files = [{ file_id: 'f-1', file_name: 'Dockerfile', file_type: 'dockerfile' as const }]
    const run = await gate({ files }, { 'create-task': 'true', 'file-ids': 'f-1', 'file-type': 'dockerfile', ...region }, { setup: (sim) => sim.queueFault({ kind: 'late-error', status: 504, code: 'APIGW.0203', message: 'Backend timeout' }, 'create') })
    const lines = run.summary.split('\n').filter(Boolean)
    expect(lines[0]).toBe('## ⚠️ HSS scan gate: the scan may have started')
    expect(lines[1]).toMatch(/^\*\*.*\*\*$/)
    expect(renderMarkdown(lines[1] ?? '')).toMatch(/^<p><strong>An iac_scan task may have been started at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(1 dockerfile file\)<\/strong><\/p>/)
    expect(outline(run.summary).join('\n')).toMatch(/li: Look in the HSS console \(linked above\) for a task of that type/)
    expect(outline(run.summary).join('\n')).toMatch(/li: To judge that task, run the gate with create-task: false and the id in task-id/)
    readable(run.summary)
  })

  it.concurrent('risks refused: the reason once, not cut mid-word, and no advice to raise timeout', async () => {
    const files = [{ file_id: 'f-1', file_name: 'Dockerfile', file_type: 'dockerfile' as const, risks: [{ risk_level: 'high', risk_name: 'x' }] }]
    const long = `forbidden: ${'the credentials lack the policy for this API '.repeat(12)}`
    const run = await gate({ files }, { 'create-task': 'true', 'file-ids': 'f-1', 'file-type': 'dockerfile', 'fail-on-risk': 'high', ...region }, { setup: (sim) => sim.setStandingFault({ kind: 'error', status: 403, code: 'APIGW.0302', message: long }, 'risks') })
    expect(run.summary.match(/the credentials lack the policy/g)?.length).toBeLessThanOrEqual(12)
    expect(run.summary.split('ListIacFileRisks: HTTP 403').length - 1).toBe(1)
    const steps = outline(run.summary).filter((i) => i.startsWith('li: ')).join('\n')
    expect(steps).toMatch(/HSS refused a risk call: grant the IAM user or agency HSS ReadOnlyAccess/)
    expect(steps).not.toMatch(/timeout/)
    expect(run.summary).toContain('### IaC risks (unknown)')
  })

  it.concurrent('timed out while running: the progress the log has, and "less than a minute" for an estimate of 0', async () => {
    const task = { ...iacTask('t-1', 'iac-pr-1', { scanned: 24, succeeded: 10, failed: 0 }), task_status: 'running', estimated_time: 0 }
    const run = await gate({ tasks: [{ task }] }, { 'task-id': 't-1', timeout: '2s', ...region })
    const items = outline(run.summary)
    expect(items[1]).toBe('blockquote: Task with id t-1 did not finish within 2s (last status: running, 10/24 files done)')
    expect(items.join('\n')).toContain('(HSS estimated less than a minute more)')
    expect(run.stdout).toContain('less than a minute left')
    expect(run.stdout).not.toContain('about 0 min')
    readable(run.summary)
  })

  it.concurrent('never found: said once', async () => {
    const run = await gate({ tasks: [] }, { 'task-name': 'iac-pr-1', timeout: '2s', ...region })
    expect(run.summary.match(/iac-pr-1`? (?:was|task)/g) ?? []).toHaveLength(1)
    expect(run.summary).not.toContain('was seen')
    readable(run.summary)
  })

  it.concurrent('soft-fail: a warning sign on a green step, not a red cross', async () => {
    const run = await gate({ tasks: [done(2)] }, { 'task-id': 't-1', 'soft-fail': 'true', ...region })
    expect(run.code).toBe(0)
    expect(outline(run.summary)[0]).toMatch(/^h2: ⚠️ /)
    expect(run.summary).not.toContain('❌ HSS scan gate')
  })

  it.concurrent('unreadable counts read as such, not "unreadable failed (unreadable)"', async () => {
    const task = { ...iacTask('t-1', 'n', { scanned: 3, succeeded: 3, failed: 0 }), iac_scan_info: { scan_file_num: 3, success_file_num: 'three', failed_file_num: 0 } }
    const run = await gate({ tasks: [{ task }] }, { 'task-id': 't-1', ...region })
    expect(run.summary).toContain("HSS's counts could not all be read")
    expect(run.summary).not.toContain('unreadable failed (unreadable)')
  })

  it.concurrent('README sections are links to the action\'s own README', async () => {
    const eventPath = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
    writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 3, head: { repo: { fork: true } } } }))
    const run = await gate({}, { 'task-id': 't-1' }, { env: { HUAWEI_CLOUD_ACCESS_KEY_ID: '', HUAWEI_CLOUD_SECRET_ACCESS_KEY: '', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath, GITHUB_ACTION_REPOSITORY: 'acme/hss-scan-gate', GITHUB_ACTION_REF: 'v1' } })
    expect(run.summary).toContain("[the README's Forks](https://github.com/acme/hss-scan-gate/blob/v1/README.md#pull-requests-from-forks)")
  })
})
