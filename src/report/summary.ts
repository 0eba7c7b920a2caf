/**
 * The job summary as Markdown: the verdict first, then the task, the counts, the thresholds each
 * marked met or broken, and the failed files. Every value from HSS goes through escapeCell.
 */
import { itemWord } from '../gate/counts.ts'
import { escapeCell } from '../escape.ts'
import type { FailedFiles } from '../gate/failed-files.ts'
import type { Task } from '../hss/models.ts'
import { formatDuration } from '../inputs/parse.ts'
import type { Report } from './report.ts'
import { percentText, type Check } from '../gate/verdict.ts'
import { ACTION_NAME, ACTION_VERSION } from '../version.ts'

/** Rows of the failed-files table; the rest are counted, not listed. */
export const SUMMARY_FILE_ROWS = 50

export function renderSummary(report: Report, options: { fileRows?: number } = {}): string {
  const parts = [heading(report), taskSection(report), countsSection(report)]
  if (report.verdict.checks.length) parts.push(thresholdSection(report.verdict.checks))
  if (report.failedFiles !== undefined) parts.push(failedFilesSection(report.failedFiles, options.fileRows ?? SUMMARY_FILE_ROWS))
  parts.push(footer(report))
  return parts.join('\n\n') + '\n'
}

/** The summary of a run that ended before a verdict: cancelled, or stopped by an error. */
export function renderStopSummary(title: string, message: string, target: Report['target']): string {
  const wanted = target.id ? `id \`${escapeCell(target.id)}\`` : `name **${escapeCell(target.name ?? '')}**`
  return [`## ⛔ HSS scan gate: ${title}`, `> ${escapeCell(message, 1000)}`, `Task looked for: ${wanted}`, footerLine()].join('\n\n') + '\n'
}

function heading(report: Report): string {
  const { verdict, softFail } = report
  const soft = softFail && verdict.result !== 'passed' ? ' (soft-fail: reported, not enforced)' : ''
  const title = {
    passed: '## ✅ HSS scan gate passed',
    failed: '## ❌ HSS scan gate failed',
    'timed-out': '## ⏱️ HSS scan gate timed out'
  }[verdict.result]
  const reasons = verdict.reasons.map((reason) => `> ${escapeCell(reason, 500)}`).join('\n>\n')
  return reasons ? `${title}${soft}\n\n${reasons}` : `${title}${soft}`
}

function taskSection(report: Report): string {
  const task = report.task
  if (!task) {
    const wanted = report.target.id ? `id ${report.target.id}` : `name ${report.target.name ?? ''}`
    return `### Task\n\nNo ${report.taskType} task with ${escapeCell(wanted)} was seen.`
  }
  const rows: [string, string][] = [
    ['Name', escapeCell(task.task_name)],
    ['ID', `\`${escapeCell(task.task_id)}\``],
    ['Type', escapeCell(task.task_type ?? report.taskType)],
    ...(report.taskType === 'iac_scan'
      ? [['File type', escapeCell(task.iac_scan_info?.file_type ?? '—')] as [string, string]]
      : [['Scan types', escapeCell(task.cluster_scan_info?.scan_type_list?.join(', ') ?? '—')] as [string, string]]),
    ['Trigger', escapeCell(task.trigger_type ?? '—')],
    ['Status', `**${escapeCell(task.task_status ?? 'unknown')}**`],
    ['Started', time(task.start_time)],
    ['Ended', time(task.end_time)],
    ['Duration', duration(task)]
  ]
  return `### Task\n\n| Field | Value |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}`
}

function countsSection(report: Report): string {
  const { counts, failedPercent } = report.verdict
  const items = itemWord(report.taskType)
  return [
    `### Counts (${items})`,
    '',
    '| Scanned | Succeeded | Failed | Failed % |',
    '|---:|---:|---:|---:|',
    `| ${counts.scanned} | ${counts.succeeded} | ${counts.failed} | ${percentText(failedPercent)}% |`
  ].join('\n')
}

function thresholdSection(checks: readonly Check[]): string {
  const rows = checks.map((check) => {
    const mark = check.met ? '✅ met' : '❌ broken'
    const actual = check.unit === '%' ? `${percentText(check.actual)}%` : String(check.actual)
    return `| ${check.label} | ${check.bound} ${check.limit}${check.unit} (\`${check.input}\`) | ${actual} | ${mark} |`
  })
  return ['### Thresholds', '', '| Check | Limit | Actual | Result |', '|---|---|---:|---|', ...rows].join('\n')
}

function failedFilesSection(failed: FailedFiles | string, maxRows: number): string {
  if (typeof failed === 'string') {
    return `### Failed files\n\n⚠️ The failed files could not be listed: ${escapeCell(failed, 500)}`
  }
  const shown = failed.files.slice(0, maxRows)
  const rows = shown.map(
    (file) =>
      `| ${escapeCell(file.file_name)} | ${escapeCell(file.file_type ?? '')} | ${escapeCell(file.failed_reason || 'no reason given', 300)} |`
  )
  const more = failed.total > shown.length ? `\n\n…and ${failed.total - shown.length} more failed files.` : ''
  return [`### Failed files (${failed.total})`, '', '| File | Type | Reason |', '|---|---|---|', ...rows].join('\n') + more
}

function footer(report: Report): string {
  const waited = formatDuration(report.elapsedMs)
  return `<sub>Waited ${waited} with ${report.queries} status ${report.queries === 1 ? 'query' : 'queries'}. ${footerLine()}</sub>`
}

function footerLine(): string {
  return `${ACTION_NAME} ${ACTION_VERSION}`
}

function time(ms: number | undefined): string {
  if (!ms) return '—'
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC')
}

function duration(task: Task): string {
  if (!task.start_time || !task.end_time || task.end_time < task.start_time) return '—'
  return formatDuration(task.end_time - task.start_time)
}
