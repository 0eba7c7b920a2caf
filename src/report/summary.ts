/**
 * The job summary as Markdown: the verdict first, then the task, the counts, the thresholds each
 * marked met or broken, and the failed files. Every value from HSS is shown in a code span.
 */
import { itemWord, percentText } from '../gate/counts.ts'
import { clip, code, prose } from '../escape.ts'
import type { FailedFiles } from '../gate/failed-files.ts'
import { epochMs, text } from '../hss/fields.ts'
import type { Task } from '../hss/models.ts'
import { formatDuration } from '../inputs/parse.ts'
import type { Report } from './report.ts'
import type { Check } from '../gate/verdict.ts'
import { topRisks, type RiskReading } from '../gate/risks.ts'
import { RISK_LEVELS } from '../inputs/config.ts'
import { ACTION_NAME, ACTION_VERSION } from '../version.ts'

/** Rows of the failed-files table; the rest are counted, not listed. */
export const SUMMARY_FILE_ROWS = 50

/** Rows of the risks table; the rest are counted, not listed. */
export const SUMMARY_RISK_ROWS = 20

export function renderSummary(report: Report, options: { fileRows?: number; riskRows?: number } = {}): string {
  const parts = [heading(report), taskSection(report), countsSection(report)]
  if (report.verdict.checks.length) parts.push(thresholdSection(report.verdict.checks))
  if (report.failedFiles !== undefined) parts.push(failedFilesSection(report.failedFiles, options.fileRows ?? SUMMARY_FILE_ROWS))
  if (report.risks) parts.push(risksSection(report.risks.reading, options.riskRows ?? SUMMARY_RISK_ROWS))
  parts.push(footer(report))
  return parts.join('\n\n') + '\n'
}

/** The summary of a run that ended before a verdict: cancelled, or stopped by an error. */
export function renderStopSummary(title: string, message: string, target: Report['target']): string {
  const wanted = target.id ? `id ${code(target.id)}` : `name ${code(clip(target.name ?? '')) || '""'}`
  return [`## ⛔ HSS scan gate: ${title}`, `> ${code(clip(message, 1000))}`, `Task looked for: ${wanted}`, footerLine()].join('\n\n') + '\n'
}

function heading(report: Report): string {
  const { verdict, softFail } = report
  const soft = softFail && verdict.result !== 'passed' ? ' (soft-fail: reported, not enforced)' : ''
  const title = {
    passed: '## ✅ HSS scan gate passed',
    failed: '## ❌ HSS scan gate failed',
    'timed-out': '## ⏱️ HSS scan gate timed out'
  }[verdict.result]
  const reasons = verdict.reasons.map((reason) => `> ${reason.markdown}`).join('\n>\n')
  return reasons ? `${title}${soft}\n\n${reasons}` : `${title}${soft}`
}

/** A value from HSS in a table cell: a code span, or a dash when there is none. */
function cell(value: unknown, max = 200): string {
  const shown = typeof value === 'string' ? clip(value, max) : ''
  return shown ? code(shown, true) : '—'
}

function taskSection(report: Report): string {
  const task = report.task
  if (!task) {
    const wanted = report.target.id ? prose`id ${report.target.id}` : prose`name ${report.target.name ?? ''}`
    return `### Task\n\nNo ${code(report.taskType)} task with ${wanted.markdown} was seen.`
  }
  const iac = task.iac_scan_info as Record<string, unknown> | undefined
  const cluster = task.cluster_scan_info as Record<string, unknown> | undefined
  const scanTypes = Array.isArray(cluster?.scan_type_list) ? cluster.scan_type_list.filter((t): t is string => typeof t === 'string').join(', ') : undefined
  const rows: [string, string][] = [
    ['Name', cell(task.task_name)],
    ['ID', cell(task.task_id)],
    ['Type', cell(text(task.task_type) ?? report.taskType)],
    report.taskType === 'iac_scan' ? ['File type', cell(iac?.file_type)] : ['Scan types', cell(scanTypes)],
    ['Trigger', cell(task.trigger_type)],
    ['Status', cell(task.task_status)],
    ['Started', time(task.start_time)],
    ['Ended', time(task.end_time)],
    ['Duration', duration(task)]
  ]
  return `### Task\n\n| Field | Value |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}`
}

function countsSection(report: Report): string {
  const { counts, failed, failedPercent } = report.verdict
  const items = itemWord(report.taskType)
  const n = (value: number | undefined) => (value === undefined ? 'unreadable' : String(value))
  return [
    `### Counts (${items})`,
    '',
    '| Scanned | Succeeded | Failed | Failed % |',
    '|---:|---:|---:|---:|',
    `| ${n(counts.scanned)} | ${n(counts.succeeded)} | ${n(failed)} | ${failedPercent === undefined ? 'unreadable' : `${percentText(failedPercent)}%`} |`
  ].join('\n')
}

function thresholdSection(checks: readonly Check[]): string {
  const rows = checks.map((check) => {
    const mark = check.met ? '✅ met' : '❌ broken'
    const actual = check.actual === undefined ? 'unreadable' : check.unit === '%' ? `${percentText(check.actual)}%` : String(check.actual)
    return `| ${check.label} | ${check.bound} ${check.limit}${check.unit} (\`${check.input}\`) | ${actual} | ${mark} |`
  })
  return ['### Thresholds', '', '| Check | Limit | Actual | Result |', '|---|---|---:|---|', ...rows].join('\n')
}

function failedFilesSection(failed: FailedFiles | string, maxRows: number): string {
  if (typeof failed === 'string') {
    return `### Failed files\n\n⚠️ The failed files could not be listed: ${code(clip(failed, 500))}`
  }
  const shown = failed.files.slice(0, maxRows)
  const rows = shown.map((file) => `| ${cell(file.file_name)} | ${cell(file.file_type ?? '')} | ${cell(file.failed_reason || 'no reason given', 300)} |`)
  const more = failed.total > shown.length ? `\n\n…and ${failed.total - shown.length} more failed files.` : ''
  return [`### Failed files (${failed.total})`, '', '| File | Type | Reason |', '|---|---|---|', ...rows].join('\n') + more
}

function risksSection(reading: RiskReading, maxRows: number): string {
  const counts = RISK_LEVELS.map((level) => reading.counts[level])
  const unknown = reading.unknownLevel ? ` | ${reading.unknownLevel}` : ''
  const head = `| ${RISK_LEVELS.join(' | ')}${reading.unknownLevel ? ' | other level' : ''} |\n|${'---:|'.repeat(RISK_LEVELS.length + (reading.unknownLevel ? 1 : 0))}\n| ${counts.join(' | ')}${unknown} |`
  const shown = topRisks(reading, maxRows)
  const rows = shown.map((risk) => `| ${cell(risk.file_name)} | ${cell(risk.risk_level)} | ${cell(risk.risk_name)} | ${cell(risk.risk_category)} | ${cell(risk.remediation, 300)} |`)
  const table = rows.length ? ['', '| File | Level | Risk | Category | Remediation |', '|---|---|---|---|---|', ...rows].join('\n') : ''
  const more = reading.total > shown.length && shown.length ? `\n\n…and ${reading.total - shown.length} more.` : ''
  const incomplete = reading.incomplete ? `\n\n⚠️ Not all risks could be read: ${code(clip(reading.incomplete, 500))}` : ''
  return `### IaC risks (${reading.total})\n\n${head}\n${table}${more}${incomplete}`
}

function footer(report: Report): string {
  const waited = formatDuration(report.elapsedMs)
  return `<sub>Waited ${waited} with ${report.queries} status ${report.queries === 1 ? 'query' : 'queries'}. ${footerLine()}</sub>`
}

function footerLine(): string {
  return `${ACTION_NAME} ${ACTION_VERSION}`
}

/** An epoch-ms time as UTC, or a dash when HSS sent none, or sent something that is not one. */
function time(value: unknown): string {
  const ms = epochMs(value)
  if (ms === undefined) return value === undefined || value === 0 || value === null ? '—' : 'unknown'
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC')
}

function duration(task: Task): string {
  const start = epochMs(task.start_time)
  const end = epochMs(task.end_time)
  if (start === undefined || end === undefined || end < start) return '—'
  return formatDuration(end - start)
}
