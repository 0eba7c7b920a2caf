import { describe, expect, it } from '@jest/globals'
import { marked } from 'marked'
import { prose } from '../../src/escape.ts'
import { HssError, InputError } from '../../src/errors.ts'
import { judge } from '../../src/gate/verdict.ts'
import { stopSteps } from '../../src/report/next-steps.ts'
import { renderStopSummary, renderSummary, SUMMARY_FILE_ROWS } from '../../src/report/summary.ts'
import { consoleUrl } from '../../src/report/console.ts'
import { failedFiles, iacTask } from '../../simulator/tasks.ts'
import { assessmentOf, exceptionsOf, readingOf, reportOf, riskRow } from '../../__fixtures__/report.ts'
import { rp } from '../../__fixtures__/paths.ts'
import type { StaleCopies } from '../../src/gate/files/stale.ts'
import { AmbiguousCreation } from '../../src/gate/wait/create.ts'

/** Where each part starts, so a test can say what comes before what. */
const at = (text: string, ...parts: string[]) => parts.map((part) => text.indexOf(part))
const inOrder = (positions: number[]) => positions.every((p) => p >= 0) && positions.every((p, i) => i === 0 || p > (positions[i - 1] ?? -1))
const files = (n: number) => failedFiles(n).map((f) => ({ file_name: String(f.file_name), failed_reason: String(f.failed_reason) }))

describe('renderSummary', () => {
  it('puts the verdict and its reasons first, then the checks and counts, the failed files, next steps, and the task details collapsed', () => {
    const text = renderSummary(reportOf({ failedFiles: { files: files(1), total: 1 } }))
    expect(inOrder(at(text, '## ❌ HSS scan gate failed', '> 1 file failed to scan, more than max-failed 0', '**12** files scanned: **11** succeeded, **1** failed (8.3%)', '| Check | Limit | Actual | Result |', '### Failed files (1)', '### Next steps', '<details><summary>Task details</summary>', 'Waited 1m35s with 7 status queries'))).toBe(true)
    expect(text).toContain('| Failed files | at most 0 (`max-failed`) | 1 | ❌ broken |')
    expect(text).toContain('| Failed files (percent) | at most 10% (`max-failed-percent`) | 8.3% (1 of 12, compared unrounded) | ✅ met |')
    expect(text).toContain('| Started | 2025-04-22 08:44:11 UTC |')
    expect(text).toContain('| `deploy/app-1.yaml` | `parse error at line 3: mapping values are not allowed here` |')
  })

  it('keeps HSS values in code spans, not HTML entities, so the raw Markdown reads well', () => {
    const text = renderSummary(reportOf())
    expect(text).toContain('Task `iac-pr-1` (`t-1`), `finished`')
    expect(text).toContain('| Type | `iac_scan` |')
    expect(text).not.toMatch(/&#\d+;/)
  })

  it('never shows 0 % when something failed, and says the comparison was unrounded', () => {
    const task = iacTask('t', 'n', { scanned: 10_000, succeeded: 9999, failed: 1 })
    const thresholds = { maxFailed: 10, maxFailedPercent: 0, minScanned: 1 }
    const report = reportOf({ task, thresholds, verdict: judge({ task, taskType: 'iac_scan', thresholds, timeoutMs: 60_000, wanted: prose`x` }) })
    const text = renderSummary(report)
    expect(text).toContain('**1** failed (0.01%)')
    expect(text).toContain('| Failed files (percent) | at most 0% (`max-failed-percent`) | 0.01% (1 of 10000) | ❌ broken |')
  })

  it('says passed with no next steps, and soft-fail when failures are only reported', () => {
    const passed = renderSummary(reportOf({ thresholds: { maxFailed: 5, maxFailedPercent: undefined, minScanned: 1 } }))
    expect(passed).toMatch(/^## ✅ HSS scan gate passed\n/)
    expect(passed).not.toContain('### Next steps')
    expect(renderSummary(reportOf({ softFail: true }))).toMatch(/^## ⚠️ HSS scan gate failed \(soft-fail: reported, not enforced; the step passes\)/)
  })

  it('when no task was found: what was looked for, and what to check', () => {
    const text = renderSummary(reportOf({ task: undefined, ref: { by: 'name', name: 'iac-pr-1', createdAfter: Date.parse('2026-11-28T09:30:00Z') }, target: { id: undefined, name: 'iac-pr-1' } }))
    expect(text).toMatch(/^## ⏱️ HSS scan gate timed out\n\n> No `iac_scan` task with id `t-1` was found within 30m/)
    expect(text).not.toContain('was seen')
    expect(text).toContain('`task-type`')
    expect(text).toContain('`enterprise-project-id`')
    expect(text).toContain('must match exactly, case included, and the task must start after 2026-11-28 09:30:00 UTC (`created-after`)')
    expect(text).not.toContain('| Check |')
    expect(text).not.toContain('<details>')
  })

  it('when the task did not finish: a longer timeout, with HSS\'s estimate', () => {
    const task = iacTask('t-1', 'n', { scanned: 3, succeeded: 1, failed: 0 }, { task_status: 'running', estimated_time: 12 })
    const text = renderSummary(reportOf({ task }))
    expect(text).toContain('The scan was still `running` after 30m: raise `timeout` (HSS estimated 12 more minutes).')
  })

  it('lists failed files, capped, with how many more', () => {
    const text = renderSummary(reportOf({ failedFiles: { files: files(80), total: 10_000 } }))
    expect(text).toContain('### Failed files (10000)')
    expect(text.match(/^\| `deploy\/app-\d+\.yaml`/gm)).toHaveLength(SUMMARY_FILE_ROWS)
    expect(text).toContain(`…and ${10_000 - SUMMARY_FILE_ROWS} more failed files.`)
  })

  it('warns when the failed files could not be listed', () => {
    expect(renderSummary(reportOf({ failedFiles: 'ListTaskResources: HTTP 500' }))).toContain('⚠️ The failed files could not be listed: `ListTaskResources: HTTP 500`')
  })

  it('shows the risks by level, then the most severe, with their remediation', () => {
    const reading = readingOf([
      riskRow('low', 'No HEALTHCHECK', { rule_id: 'R2', remediation: 'Add HEALTHCHECK' }),
      riskRow('high', 'Runs as root', { remediation: 'Add USER' }),
      riskRow('low', 'apt lists kept', { rule_id: 'R3' })
    ])
    const places = (risk: { risk_level: string }) => [{ path: 'Dockerfile', ...(risk.risk_level === 'high' ? { line: 4, endLine: 4 } : {}) }]
    const text = renderSummary(reportOf({ risks: assessmentOf('high', reading, { places }), source: { repoUrl: 'https://github.com/o/r', sha: 'a'.repeat(40) } }), { riskRows: 2 })
    expect(text).toContain('### IaC risks (3)')
    expect(text).toContain('high **1** · medium **0** · low **2** · tips **0** that count, in 1 of 1 files')
    expect(inOrder(at(text, `| \`high\` | \`Runs as root\` | [\`Dockerfile:4\`](https://github.com/o/r/blob/${'a'.repeat(40)}/Dockerfile#L4) | — | ❌ breaks the gate | \`Add USER\` |`, '| `low` |'))).toBe(true)
    expect(text).toContain('…and 1 more')
  })

  it('links the HSS console of the region', () => {
    expect(renderSummary(reportOf({ consoleUrl: 'https://console-intl.huaweicloud.com/hss/?region=ap-southeast-1' }))).toContain('· [HSS console](https://console-intl.huaweicloud.com/hss/?region=ap-southeast-1)')
  })

  it('escapes hostile task and file names so no row breaks and no HTML gets through', () => {
    const hostile = 'x</td><script>alert(1)</script>|||\n## Forged heading `code` @team'
    const task = iacTask('t-1', hostile, { scanned: 2, succeeded: 1, failed: 1 })
    const text = renderSummary(reportOf({ task, failedFiles: { files: [{ file_name: hostile, failed_reason: hostile }], total: 1 } }))
    const html = marked.parse(text, { gfm: true, async: false })
    expect(html).not.toContain('<script>')
    expect(text).not.toMatch(/^## Forged/m)
    for (const row of text.split('\n').filter((line) => line.startsWith('| '))) {
      // Pipes that GFM takes as cell borders: those not escaped by a backslash.
      const borders = row.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length
      expect(borders).toBeLessThanOrEqual(7)
    }
  })

  it('stays far under 1 MiB whatever HSS sends', () => {
    const long = 'y'.repeat(100_000)
    const many = Array.from({ length: 100 }, () => ({ file_name: long, failed_reason: long }))
    const text = renderSummary(reportOf({ task: iacTask('t', long, { scanned: 1, succeeded: 0, failed: 1 }), failedFiles: { files: many, total: 10_000 } }))
    expect(Buffer.byteLength(text)).toBeLessThan(64 * 1024)
  })
})

describe('endings that must not read as dead ends', () => {
  const risky = (n: number) => Array.from({ length: n }, (_, i) => riskRow('high', `risk ${i}`, { rule_id: `R${i}`, file_name: `svc-${i}/Dockerfile` }))
  const staleCopies: StaleCopies = {
    mode: 'fail',
    runStartedAt: Date.parse('2026-12-01T10:00:00Z'),
    checks: [{ file: { id: 'f-1', name: 'Dockerfile', status: 'success', type: 'dockerfile' }, path: rp('Dockerfile'), uploadedAt: Date.parse('2026-11-20T10:00:00Z'), stale: true, why: 'uploaded before this workflow run started' }]
  }

  it('under soft-fail, marks nothing ❌: no broken check, no finding that breaks the gate, no stale copy', () => {
    const task = iacTask('t-1', 'n', { scanned: 12, succeeded: 11, failed: 1 })
    const thresholds = { maxFailed: 0, maxFailedPercent: undefined, minScanned: 1 }
    const risks = assessmentOf('high', readingOf(risky(3)))
    const verdict = judge({ task, taskType: 'iac_scan', thresholds, timeoutMs: 60_000, wanted: prose`x`, risks, stale: staleCopies })
    const text = renderSummary(reportOf({ softFail: true, task, thresholds, risks, stale: staleCopies, verdict, failedFiles: { files: files(1), total: 1 } }))
    expect(text).toMatch(/^## ⚠️ HSS scan gate failed \(soft-fail/)
    expect(text).toContain('⚠️ broken |')
    expect(text).toContain('⚠️ breaks the gate')
    expect(text).toContain('⚠️ uploaded before this workflow run started')
    expect(text).not.toContain('❌')
    // Without soft-fail, the same summary marks them ❌.
    expect(renderSummary(reportOf({ task, thresholds, risks, stale: staleCopies, verdict }))).toContain('❌ breaks the gate')
  })

  it('risks that could not all be read: a heading of its own, and the cause as a sentence, not one long code span', () => {
    const cause = 'the risks of 2 of 5 files could not be read: ListIacFileRisks: HTTP 503 (request id 8a1f…): service unavailable'
    const risks = assessmentOf('high', readingOf([], { incomplete: cause, files: { listed: 5, read: 3 } }))
    const text = renderSummary(reportOf({ risks }))
    expect(text).toMatch(/^## ❌ HSS scan gate failed: the IaC risks could not all be read\n/)
    expect(text).toContain('> Not all IaC risks could be read (the risks of 2 of 5 files could not be read: ListIacFileRisks: HTTP 503 \\(request id 8a1f…\\): service unavailable), and fail-on-risk high never passes on missing data')
    expect(text).not.toContain('`the risks of')
  })

  it('exception entries that except nothing: listed one per line under the file\'s name, and a next step that names the file', () => {
    const exceptions = exceptionsOf('{rule: R0, reason: accepted, expires: 2026-01-31}', '{rule: R1, expires: 2027-01-31}')
    const risks = assessmentOf('high', readingOf(risky(2)))
    const text = renderSummary(reportOf({ risks, exceptions, exceptionsFile: '.github/hss-exceptions.yml' }))
    expect(text).toContain('⚠️ **2 entries of `.github/hss-exceptions.yml` except nothing** (an entry needs')
    expect(text).toMatch(/\n- entry 1 .*expired on 2026-01-31\n- entry 2 .*reason/)
    expect(text).toContain('- 2 entries of `.github/hss-exceptions.yml` except nothing (listed under Exceptions above)')
  })

  it('a scan that may have started: how to judge it, given that create-task: true refuses task-id', () => {
    const failure = new HssError({ kind: 'http', operation: 'CreateTask', status: 504 })
    const steps = stopSteps(new AmbiguousCreation(failure, { taskType: 'iac_scan', fileType: 'dockerfile', fileIds: ['f-1'], upload: [] }, Date.parse('2026-12-01T10:00:00Z'))).map((step) => step.markdown)
    expect(steps).toHaveLength(3)
    expect(steps[1]).toContain('run the gate with `create-task: false` and the id in `task-id` (a step with `create-task: true` refuses `task-id`)')
    expect(steps[1]).toContain("`create-task: ${{ inputs.task-id == '' }}`")
  })
})

describe('renderStopSummary', () => {
  it('a configuration error: which input, what is wrong, what to do', () => {
    const error = new InputError('timeout', '10 minutes', 'must be a duration such as 90s, 15m, 1h, 1h30m, or plain seconds')
    const text = renderStopSummary({ kind: 'configuration error', message: error.message, steps: stopSteps(error) })
    expect(text).toMatch(/^## ⛔ HSS scan gate: configuration error\n\n> Input `timeout` must be a duration such as 90s, 15m, 1h, 1h30m, or plain seconds \\\(got "10 minutes"\\\)\.\n/)
    expect(text).not.toContain('```')
    expect(text).toContain('- Fix the input `timeout` in the step\'s `with:`')
  })

  it('an authentication error: the credentials and the clock', () => {
    const error = new HssError({ kind: 'http', operation: 'ListTasks', status: 401, errorCode: 'APIGW.0301' })
    const text = renderStopSummary({ kind: 'error', message: error.message, steps: stopSteps(error), target: { id: 't-1', name: undefined } })
    expect(text).toContain('Task looked for: id `t-1`')
    expect(text).toContain('`access-key-id` and `secret-access-key`')
    expect(text).toContain('runner\'s clock')
  })

  it('a fork without secrets says so', () => {
    const error = new InputError('access-key-id', undefined, 'and `secret-access-key` are not set')
    expect(stopSteps(error, true)[0]?.markdown).toContain('pull request from a fork')
  })
})

describe('consoleUrl', () => {
  it.each([
    ['ap-southeast-1', 'https://hss.ap-southeast-1.myhuaweicloud.com', 'https://console-intl.huaweicloud.com/hss/?region=ap-southeast-1'],
    ['cn-north-4', 'https://hss.cn-north-4.myhuaweicloud.com', 'https://console.huaweicloud.com/hss/?region=cn-north-4'],
    ['eu-west-101', 'https://hss.eu-west-101.myhuaweicloud.eu', 'https://console.eu.huaweicloud.com/hss/?region=eu-west-101'],
    [undefined, 'https://hss.la-south-2.myhuaweicloud.com', 'https://console-intl.huaweicloud.com/hss/?region=la-south-2'],
    [undefined, 'http://127.0.0.1:8080', undefined]
  ])('region %s, endpoint %s', (region, endpoint, url) => {
    expect(consoleUrl(region, endpoint)).toBe(url)
  })
})
