/**
 * The job summary, for a reviewer who has five seconds: the verdict and its reasons first; then the
 * checks with the counts, the failed files and the IaC risks; then what to do next when it did not
 * pass; then the task's details, collapsed. Every value from HSS is shown in a code span, where it
 * cannot become HTML, a link, a mention or a table break, and still reads as itself in the raw
 * Markdown. The summary stays far under GitHub's 1 MiB however much HSS sends.
 */
import { clip, code, prose, type Prose } from '../escape.ts'
import { itemWord, percentText } from '../gate/counts.ts'
import type { FailedFiles } from '../gate/failed-files.ts'
import type { Target } from '../gate/locate.ts'
import { topRisks, type RiskReading } from '../gate/risks.ts'
import { percentAbove, type Check } from '../gate/verdict.ts'
import { epochMs, isRecord, text } from '../hss/fields.ts'
import type { Task } from '../hss/models.ts'
import { RISK_LEVELS } from '../inputs/config.ts'
import { formatDuration, formatUtc } from '../inputs/parse.ts'
import { ACTION_NAME, ACTION_VERSION } from '../version.ts'
import { nextSteps } from './next-steps.ts'
import type { Report } from './report.ts'

/** Rows of the failed-files table; the rest are counted, not listed. */
export const SUMMARY_FILE_ROWS = 50
/** Rows of the risks table; the rest are counted, not listed. */
export const SUMMARY_RISK_ROWS = 20

const TITLES = {
  passed: '✅ HSS scan gate passed',
  failed: '❌ HSS scan gate failed',
  'timed-out': '⏱️ HSS scan gate timed out'
} as const

export function renderSummary(report: Report, options: { fileRows?: number; riskRows?: number } = {}): string {
  const parts = [heading(report), taskLine(report)]
  if (report.verdict.checks.length) parts.push(checksSection(report))
  if (report.failedFiles !== undefined) parts.push(failedFilesSection(report.failedFiles, options.fileRows ?? SUMMARY_FILE_ROWS))
  if (report.risks) parts.push(risksSection(report.risks.reading, options.riskRows ?? SUMMARY_RISK_ROWS))
  const steps = nextSteps(report)
  if (steps.length) parts.push(stepsSection(steps))
  parts.push(detailsSection(report), footer(report))
  return parts.filter(Boolean).join('\n\n') + '\n'
}

/** A run that ended without a verdict: a configuration error, an error no retry can mend, or a cancellation. */
export interface Stop {
  kind: 'configuration error' | 'error' | 'cancelled'
  message: string
  steps: Prose[]
  target?: Target
  consoleUrl?: string
}

export function renderStopSummary(stop: Stop): string {
  const parts = [`## ⛔ HSS scan gate: ${stop.kind}`, fenced(clip(stop.message, 2000))]
  const wanted = stop.target ? (stop.target.id ? prose`Task looked for: id ${stop.target.id}` : stop.target.name ? prose`Task looked for: name ${stop.target.name}` : undefined) : undefined
  if (wanted) parts.push(`${wanted.markdown}${stop.consoleUrl ? ` · [HSS console](${stop.consoleUrl})` : ''}`)
  if (stop.steps.length) parts.push(stepsSection(stop.steps))
  parts.push(`<sub>${ACTION_NAME} ${ACTION_VERSION}</sub>`)
  return parts.join('\n\n') + '\n'
}

function heading(report: Report): string {
  const { verdict, softFail } = report
  const soft = softFail && verdict.result !== 'passed' ? ' (soft-fail: reported, not enforced)' : ''
  const reasons = verdict.reasons.map((reason) => `> ${reason.markdown}`).join('\n>\n')
  return reasons ? `## ${TITLES[verdict.result]}${soft}\n\n${reasons}` : `## ${TITLES[verdict.result]}${soft}`
}

/** The task in one line: its name and id (code spans), and where to open it. */
function taskLine(report: Report): string {
  const { task } = report
  const link = report.consoleUrl ? ` · [HSS console](${report.consoleUrl})` : ''
  if (!task) {
    const wanted = report.target.id ? prose`id ${report.target.id}` : prose`name ${report.target.name ?? ''}`
    return `No ${code(report.taskType)} task with ${wanted.markdown} was seen.${link}`
  }
  const name = text(task.task_name)
  const status = text(task.task_status) ?? 'unknown'
  return `Task ${name ? `${code(clip(name, 120))} ` : ''}(${code(clip(task.task_id, 128))}), ${code(clip(status, 32))}${link}`
}

function checksSection(report: Report): string {
  const { verdict } = report
  const { counts } = verdict
  const n = (value: number | undefined) => (value === undefined ? 'unreadable' : String(value))
  const failedShare = verdict.failedPercent === undefined ? 'unreadable' : `${percentText(verdict.failedPercent)}%`
  const line = `**${n(counts.scanned)}** ${itemWord(report.taskType, counts.scanned)} scanned: **${n(counts.succeeded)}** succeeded, **${n(verdict.failed)}** failed (${failedShare})`
  const rows = verdict.checks.map((check) => `| ${check.label} | ${limitText(check)} | ${actualText(check, report)} | ${check.met ? '✅ met' : '❌ broken'} |`)
  return [line, '', '| Check | Limit | Actual | Result |', '|---|---|---|---|', ...rows].join('\n')
}

function limitText(check: Check): string {
  if (check.input === 'fail-on-risk') return `none (\`${check.input}\`)`
  return `${check.bound} ${check.limit}${check.unit} (\`${check.input}\`)`
}

function actualText(check: Check, report: Report): string {
  if (check.actual === undefined) return check.input === 'fail-on-risk' ? 'not all read' : 'unreadable'
  if (check.unit !== '%') return String(check.actual)
  const { failed } = report.verdict
  const { scanned } = report.verdict.counts
  // Enough decimals that a broken limit reads above it; and the comparison itself is unrounded.
  const shown = check.met ? percentText(check.actual) : percentAbove(check.actual, check.limit)
  return `${shown}% (${failed ?? '?'} of ${scanned ?? '?'}, compared unrounded)`
}

function failedFilesSection(failed: FailedFiles | string, maxRows: number): string {
  if (typeof failed === 'string') return `### Failed files\n\n⚠️ The failed files could not be listed: ${code(clip(failed, 500))}`
  const shown = failed.files.slice(0, maxRows)
  const rows = shown.map((file) => `| ${cell(file.file_name)} | ${cell(file.failed_reason || 'no reason given', 300)} |`)
  const more = failed.total > shown.length ? `\n\n…and ${failed.total - shown.length} more failed files.` : ''
  return [`### Failed files (${failed.total})`, '', '| File | Reason |', '|---|---|', ...rows].join('\n') + more
}

function risksSection(reading: RiskReading, maxRows: number): string {
  const levels = RISK_LEVELS.map((level) => `${level} **${reading.counts[level]}**`)
  if (reading.unknownLevel) levels.push(`of a level HSS does not document **${reading.unknownLevel}**`)
  const parts = [`### IaC risks (${reading.total})`, '', `${levels.join(' · ')}, in ${reading.files.read} of ${reading.files.listed} files read`]
  if (reading.incomplete) parts.push('', `⚠️ Not all risks could be read: ${code(clip(reading.incomplete, 500))}`)
  const shown = topRisks(reading, maxRows)
  if (shown.length) {
    parts.push('', '| File | Level | Risk | Category | Remediation |', '|---|---|---|---|---|')
    parts.push(...shown.map((risk) => `| ${cell(risk.file_name)} | ${cell(risk.risk_level)} | ${cell(risk.risk_name)} | ${cell(risk.risk_category)} | ${cell(risk.remediation, 300)} |`))
    if (reading.total > shown.length) parts.push('', `…and ${reading.total - shown.length} more.`)
  }
  return parts.join('\n')
}

function stepsSection(steps: readonly Prose[]): string {
  return ['### Next steps', '', ...steps.map((step) => `- ${step.markdown}`)].join('\n')
}

function detailsSection(report: Report): string {
  const task = report.task
  if (!task) return ''
  const iac = isRecord(task.iac_scan_info) ? task.iac_scan_info : {}
  const cluster = isRecord(task.cluster_scan_info) ? task.cluster_scan_info : {}
  const scanTypes = Array.isArray(cluster.scan_type_list) ? cluster.scan_type_list.filter((t): t is string => typeof t === 'string').join(', ') : undefined
  const rows: [string, string][] = [
    ['Name', cell(task.task_name)],
    ['ID', cell(task.task_id)],
    ['Type', cell(text(task.task_type) ?? report.taskType)],
    report.taskType === 'iac_scan' ? ['File type', cell(iac.file_type)] : ['Scan types', cell(scanTypes)],
    ['Trigger', cell(task.trigger_type)],
    ['Status', cell(task.task_status)],
    ['Started', time(task.start_time)],
    ['Ended', time(task.end_time)],
    ['Duration', duration(task)]
  ]
  // A blank line after <summary> lets GitHub render the table inside <details>.
  return ['<details><summary>Task details</summary>', '', '| Field | Value |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`), '', '</details>'].join('\n')
}

function footer(report: Report): string {
  const waited = formatDuration(report.elapsedMs)
  return `<sub>Waited ${waited} with ${report.queries} status ${report.queries === 1 ? 'query' : 'queries'}. ${ACTION_NAME} ${ACTION_VERSION}</sub>`
}

/** A value from HSS in a table cell: a code span, or a dash when there is none. */
function cell(value: unknown, max = 200): string {
  const shown = typeof value === 'string' ? clip(value, max) : ''
  return shown ? code(shown, true) : '—'
}

/** A block of text shown as it is: a fence longer than any run of backticks in it. */
function fenced(body: string): string {
  const longest = Math.max(2, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}text\n${body}\n${fence}`
}

/** An epoch-ms time as UTC; a dash when HSS sent none, `unknown` when it sent something that is not one. */
function time(value: unknown): string {
  const ms = epochMs(value)
  if (ms === undefined) return value === undefined || value === 0 || value === null ? '—' : 'unknown'
  return formatUtc(ms)
}

function duration(task: Task): string {
  const start = epochMs(task.start_time)
  const end = epochMs(task.end_time)
  if (start === undefined || end === undefined || end < start) return '—'
  return formatDuration(end - start)
}
