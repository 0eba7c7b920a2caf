/** The job summary as people see it: rendered with a GitHub-flavoured Markdown renderer. */
import { describe, expect, it } from '@jest/globals'
import { renderSummary } from '../../src/report/summary.ts'
import { failedFiles, iacTask } from '../../simulator/tasks.ts'
import { renderMarkdown } from '../../scripts/summary-html.ts'
import { reportOf } from '../../__fixtures__/report.ts'

const files = (names: string[]) => failedFiles(names.length, (i) => ({ file_name: names[i] })).map((f) => ({ file_name: String(f.file_name), failed_reason: String(f.failed_reason) }))

/** The header cells of each table, in order. */
function tableHeaders(html: string): string[][] {
  return [...html.matchAll(/<table>[\s\S]*?<\/thead>/g)].map((m) => [...m[0].matchAll(/<th(?:\s[^>]*)?>([\s\S]*?)<\/th>/g)].map((c) => c[1] ?? ''))
}

describe('the rendered summary', () => {
  it('comes out as a heading, a quote, the checks, the failed files, next steps, and the task details folded away', () => {
    const html = renderMarkdown(renderSummary(reportOf({ failedFiles: { files: files(['a.yaml', 'b.yaml']), total: 2 } })))
    expect(html).toMatch(/^<h2>❌ HSS scan gate failed<\/h2>/)
    expect(html).toContain('<blockquote>\n<p>1 file failed to scan, more than max-failed 0</p>')
    expect(tableHeaders(html)).toEqual([
      ['Check', 'Limit', 'Actual', 'Result'],
      ['File', 'Reason'],
      ['Field', 'Value']
    ])
    expect(html).toMatch(/<details><summary>Task details<\/summary>\s*<table>/)
    expect(html.indexOf('<h3>Next steps</h3>')).toBeLessThan(html.indexOf('<details>'))
    expect(html.match(/<tr>/g)?.length).toBe(4 + 3 + 10)
  })

  it('still reads well with a hostile task name: the name shows as text, the tables stay whole', () => {
    const hostile = '<img src=x onerror=alert(1)> | **pwn** [x](javascript:alert(1))\n## Fake'
    const report = reportOf({ task: iacTask('t-1', hostile, { scanned: 2, succeeded: 1, failed: 1 }), failedFiles: { files: files([hostile]), total: 1 } })
    const html = renderMarkdown(renderSummary(report))
    expect(html).not.toMatch(/<img|<strong>pwn|href="javascript|<h2>Fake/)
    expect(html).toContain('<code>&lt;img src=x onerror=alert(1)&gt; | **pwn** [x](javascript:alert(1)) ## Fake</code>')
    expect(tableHeaders(html)).toHaveLength(3)
    const fileRow = /<td><code>(&lt;img[^<]*)<\/code><\/td>\s*<td><code>parse error/.exec(html)
    expect(fileRow).not.toBeNull()
  })
})
