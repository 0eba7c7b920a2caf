import { describe, expect, it } from '@jest/globals'
import { marked } from 'marked'
import { renderStopSummary, renderSummary, SUMMARY_FILE_ROWS } from '../../src/report/summary.ts'
import { failedFiles, iacTask } from '../../simulator/tasks.ts'
import { reportOf } from '../../__fixtures__/report.ts'

describe('renderSummary', () => {
  it('puts the verdict first, then task, counts, thresholds', () => {
    const text = renderSummary(reportOf())
    const order = ['## ❌ HSS scan gate failed', '> 1 files failed to scan, more than max-failed 0', '### Task', '### Counts (files)', '### Thresholds']
    const positions = order.map((part) => text.indexOf(part))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(text).toContain('| 12 | 11 | 1 | 8.3% |')
    expect(text).toContain('| Failed files | at most 0 (`max-failed`) | 1 | ❌ broken |')
    expect(text).toContain('| Failed files (percent) | at most 10% (`max-failed-percent`) | 8.3% | ✅ met |')
    expect(text).toContain('| Scanned files | at least 1 (`min-scanned`) | 12 | ✅ met |')
    expect(text).toContain('| Duration | 3m |')
    expect(text).toContain('| Started | 2025-04-22 08:44:11 UTC |')
    expect(text).toContain('Waited 1m35s with 7 status queries')
  })

  it('says passed, and soft-fail when failures are only reported', () => {
    expect(renderSummary(reportOf({ thresholds: { maxFailed: 5, maxFailedPercent: undefined, minScanned: 1 } }))).toMatch(/^## ✅ HSS scan gate passed\n/)
    const soft = reportOf({ softFail: true })
    expect(renderSummary(soft)).toMatch(/^## ❌ HSS scan gate failed \(soft-fail: reported, not enforced\)/)
  })

  it('explains a time-out and shows no thresholds', () => {
    const text = renderSummary(reportOf({ task: undefined }))
    expect(text).toMatch(/^## ⏱️ HSS scan gate timed out\n\n> No `iac_scan` task with id `t-1` was found within 30m/)
    expect(text).not.toContain('### Thresholds')
  })

  it('lists failed files, capped, with how many more', () => {
    const files = failedFiles(80).map((f) => ({ file_name: f.file_name ?? '', failed_reason: f.failed_reason ?? '' }))
    const text = renderSummary(reportOf({ failedFiles: { files, total: 10_000 } }))
    expect(text).toContain('### Failed files (10000)')
    expect(text.match(/^\| `deploy\/app-\d+\.yaml`/gm)).toHaveLength(SUMMARY_FILE_ROWS)
    expect(text).toContain(`…and ${10_000 - SUMMARY_FILE_ROWS} more failed files.`)
  })

  it('warns when the failed files could not be listed', () => {
    expect(renderSummary(reportOf({ failedFiles: 'ListTaskResources: HTTP 500' }))).toContain('⚠️ The failed files could not be listed: `ListTaskResources: HTTP 500`')
  })

  it('escapes hostile task and file names so no row breaks and no HTML gets through', () => {
    const hostile = 'x</td><script>alert(1)</script>|||\n## Forged heading'
    const task = iacTask('t-1', hostile, { scanned: 2, succeeded: 1, failed: 1 })
    const text = renderSummary(reportOf({ task, failedFiles: { files: [{ file_name: hostile, failed_reason: hostile }], total: 1 } }))
    const html = marked.parse(text, { gfm: true, async: false })
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('</td><script')
    expect(text).not.toMatch(/^## Forged/m)
    for (const row of text.split('\n').filter((line) => line.startsWith('| '))) {
      // Pipes that GFM takes as cell borders: those not escaped by a backslash.
      const borders = row.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length
      expect(borders).toBeLessThanOrEqual(6)
    }
  })

  it('stays far under 1 MiB whatever HSS sends', () => {
    const long = 'y'.repeat(100_000)
    const files = Array.from({ length: 100 }, () => ({ file_name: long, failed_reason: long }))
    const text = renderSummary(reportOf({ task: iacTask('t', long, { scanned: 1, succeeded: 0, failed: 1 }), failedFiles: { files, total: 10_000 } }))
    expect(Buffer.byteLength(text)).toBeLessThan(64 * 1024)
  })
})

describe('renderStopSummary', () => {
  it('says why there is no verdict', () => {
    const text = renderStopSummary('cancelled', 'cancelled: the workflow run was cancelled while waiting', { id: undefined, name: 'iac-pr-1' })
    expect(text).toMatch(/^## ⛔ HSS scan gate: cancelled/)
    expect(text).toContain('Task looked for: name `iac-pr-1`')
  })
})
