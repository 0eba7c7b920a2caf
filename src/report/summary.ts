/**
 * The job summary, for a reviewer who has five seconds: the verdict and its reasons first; then the
 * checks with the counts, the failed files and the IaC risks; then what to do next when it did not
 * pass; then the task's details, collapsed. Every value from HSS is shown in a code span, where it
 * cannot become HTML, a link, a mention or a table break, and still reads as itself in the raw
 * Markdown. The summary stays far under GitHub's 1 MiB however much HSS sends.
 */
import { clip, code, inlineMarkdown, plain, prose, type Prose } from '../escape.ts'
import { itemWord, percentText } from '../gate/counts.ts'
import type { FailedFiles } from '../gate/files/failed-files.ts'
import type { Target } from '../gate/wait/locate.ts'
import { breaks, mostSevereFindings, resourceText, type Finding, type RiskAssessment } from '../gate/risks/findings.ts'
import type { SourceLinks } from '../gate/report.ts'
import type { StaleCopies } from '../gate/files/stale.ts'
import type { UploadReport } from '../gate/upload/upload.ts'
import { percentEncode } from '../hss/signer.ts'
import { MAX_ANNOTATIONS } from './annotations.ts'
import { percentAbove, scopeWords, type Check } from '../gate/verdict.ts'
import { epochMs, isRecord, text } from '../hss/fields.ts'
import type { Task } from '../hss/models.ts'
import { RISK_LEVELS } from '../inputs/config.ts'
import { formatDuration, formatUtc } from '../inputs/parse.ts'
import { ACTION_NAME, ACTION_VERSION } from '../version.ts'
import { nextSteps } from './next-steps.ts'
import type { Report } from '../gate/report.ts'

/** Rows of the failed-files table; the rest are counted, not listed. */
export const SUMMARY_FILE_ROWS = 50
/** Rows of the risks table; the rest are counted, not listed. */
export const SUMMARY_RISK_ROWS = 20

const TITLES = {
  passed: '✅ HSS scan gate passed',
  failed: '❌ HSS scan gate failed',
  'timed-out': '⏱️ HSS scan gate timed out'
} as const
/** With soft-fail the step stays green: the heading says so, not with a red cross. */
const SOFT_TITLES = { failed: '⚠️ HSS scan gate failed', 'timed-out': '⚠️ HSS scan gate timed out' } as const
/** The ending where the risks could not all be read has a heading of its own: nothing was judged clean. */
const UNREAD_RISKS = ': the IaC risks could not all be read'

/**
 * Soft-fail: the step passes, so nothing that soft-fail softens is marked ❌ (a refused call is not
 * softened, and stays ❌).
 */
export function isSoft(report: Report): boolean {
  return report.softFail && report.verdict.result !== 'passed' && !report.verdict.permissionDenied
}

/** The mark of something that breaks the gate: ❌, or ⚠️ under soft-fail. */
export function brokenMark(report: Report): string {
  return isSoft(report) ? '⚠️' : '❌'
}

/** The verdict's heading, without the `##`. */
export function titleOf(report: Report): string {
  const { verdict } = report
  const unread = verdict.result === 'failed' && report.risks?.level !== undefined && report.risks.reading.incomplete !== undefined ? UNREAD_RISKS : ''
  return isSoft(report) && verdict.result !== 'passed' ? `${SOFT_TITLES[verdict.result]}${unread} (soft-fail: reported, not enforced; the step passes)` : `${TITLES[verdict.result]}${unread}`
}

export function renderSummary(report: Report, options: { fileRows?: number; riskRows?: number } = {}): string {
  const parts = [heading(report), taskLine(report)]
  if (report.upload) parts.push(uploadSection(report.upload))
  if (report.verdict.checks.length) parts.push(checksSection(report))
  if (report.failedFiles !== undefined) parts.push(failedFilesSection(report.failedFiles, options.fileRows ?? SUMMARY_FILE_ROWS))
  if (report.risks) parts.push(risksSection(report, report.risks, options.riskRows ?? SUMMARY_RISK_ROWS))
  if (report.risks || report.exceptions?.ignored.length) parts.push(exceptedSection(report, options.riskRows ?? SUMMARY_RISK_ROWS))
  if (report.stale) parts.push(staleSection(report.stale, brokenMark(report)))
  const steps = nextSteps(report, report.readme)
  if (steps.length) parts.push(stepsSection(steps))
  parts.push(detailsSection(report), footer(report))
  return parts.filter(Boolean).join('\n\n') + '\n'
}

/** How a run that got no verdict ended: each kind has its own heading. */
export type StopKind =
  | 'configuration error'
  | 'fork'
  | 'authentication'
  | 'permission'
  | 'github permission'
  | 'github'
  | 'ambiguous creation'
  | 'upload refused'
  | 'hss unreachable'
  | 'iam unreachable'
  | 'tls'
  | 'redirect'
  | 'not found'
  | 'bad request'
  | 'error'
  | 'cancelled'

const STOP_TITLES: Record<StopKind, string> = {
  'configuration error': '⛔ HSS scan gate: configuration error',
  fork: '⛔ HSS scan gate: no credentials on a pull request from a fork',
  authentication: '🔑 HSS scan gate: HSS refused the credentials (HTTP 401)',
  permission: '🔒 HSS scan gate: permission denied by HSS',
  'github permission': '🔒 HSS scan gate: GitHub refused the job\'s token',
  github: '⛔ HSS scan gate: GitHub did not answer as expected',
  'ambiguous creation': '⚠️ HSS scan gate: the scan may have started',
  'upload refused': '⛔ HSS scan gate: HSS did not take the files',
  'hss unreachable': '📡 HSS scan gate: HSS could not be reached',
  'iam unreachable': '📡 HSS scan gate: IAM could not be reached (the project id look-up)',
  tls: '⛔ HSS scan gate: untrusted TLS certificate',
  redirect: '⛔ HSS scan gate: redirect refused',
  'not found': '⛔ HSS scan gate: not found (HTTP 404)',
  'bad request': '⛔ HSS scan gate: HSS refused the request (HTTP 400)',
  error: '⛔ HSS scan gate: error',
  cancelled: '⛔ HSS scan gate: cancelled'
}

/** A run that ended without a verdict: a configuration error, an error no retry can mend, or a cancellation. */
export interface Stop {
  kind: StopKind
  message: string
  /** The one thing to see first, in bold, before the message (when the scan may have started). */
  lead?: string
  steps: Prose[]
  target?: Target
  consoleUrl?: string
}

export function renderStopSummary(stop: Stop): string {
  // A paragraph in a quote, not a code block: it wraps, and the action's own code spans stay code.
  const parts = [`## ${STOP_TITLES[stop.kind]}`, ...(stop.lead ? [`**${inlineMarkdown(stop.lead)}**`] : []), `> ${inlineMarkdown(clip(stop.message, 2000))}`]
  const wanted = stop.target ? (stop.target.id ? prose`Task looked for: id ${stop.target.id}` : stop.target.name ? prose`Task looked for: name ${stop.target.name}` : undefined) : undefined
  const where = [wanted?.markdown, stop.consoleUrl ? `[HSS console](${stop.consoleUrl})` : undefined].filter(Boolean).join(' · ')
  if (where) parts.push(where)
  if (stop.steps.length) parts.push(stepsSection(stop.steps))
  parts.push(`<sub>${ACTION_NAME} ${ACTION_VERSION}</sub>`)
  return parts.join('\n\n') + '\n'
}

function heading(report: Report): string {
  const { verdict } = report
  // A refused call fails the step even with soft-fail, and the heading says it failed.
  const title = titleOf(report)
  const reasons = [...verdict.reasons, ...(verdict.note ? [verdict.note] : [])].map((reason) => `> ${reason.markdown}`).join('\n>\n')
  return reasons ? `## ${title}\n\n${reasons}` : `## ${title}`
}

/** The task in one line: its name and id (code spans), and where to open it. */
function taskLine(report: Report): string {
  const { task } = report
  const link = report.consoleUrl ? ` · [HSS console](${report.consoleUrl})` : ''
  // The reason above already says which task was not seen.
  if (!task) return link ? link.slice(3) : ''
  const name = text(task.task_name)
  const status = text(task.task_status) ?? 'unknown'
  return `Task ${name ? `${code(clip(name, 120))} ` : ''}(${code(clip(task.task_id, 128))}), ${code(clip(status, 32))}${link}`
}

function checksSection(report: Report): string {
  const { verdict } = report
  const { counts } = verdict
  const readable = counts.scanned !== undefined && counts.succeeded !== undefined && verdict.failed !== undefined && verdict.failedPercent !== undefined
  const n = (value: number | undefined) => (value === undefined ? '?' : String(value))
  const line = readable
    ? `**${n(counts.scanned)}** ${itemWord(report.taskType, counts.scanned)} scanned: **${n(counts.succeeded)}** succeeded, **${n(verdict.failed)}** failed (${percentText(verdict.failedPercent ?? 0)}%)`
    : `HSS's counts could not all be read (\`?\` below): **${n(counts.scanned)}** scanned, **${n(counts.succeeded)}** succeeded, **${n(verdict.failed)}** failed.`
  const rows = verdict.checks.map((check) => `| ${check.label} | ${limitText(check)} | ${actualText(check, report)} | ${check.met ? '✅ met' : `${brokenMark(report)} broken`} |`)
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
  const rounded = Number(shown) !== check.actual ? ', compared unrounded' : ''
  return `${shown}% (${failed ?? '?'} of ${scanned ?? '?'}${rounded})`
}

function failedFilesSection(failed: FailedFiles | string, maxRows: number): string {
  if (typeof failed === 'string') return `### Failed files\n\n⚠️ The failed files could not be listed: ${code(clip(failed, 500))}`
  const shown = failed.files.slice(0, maxRows)
  const rows = shown.map((file) => `| ${cell(file.file_name)} | ${cell(file.failed_reason || 'no reason given', 300)} |`)
  const more = failed.total > shown.length ? `\n\n…and ${failed.total - shown.length} more failed files.` : ''
  const counted = failed.counted === undefined ? '' : `\n\n⚠️ HSS lists ${failed.total} failed ${failed.total === 1 ? 'file' : 'files'}, but counted ${failed.counted} in the task; the verdict goes by the count.`
  return [`### Failed files (${failed.total})`, '', '| File | Reason |', '|---|---|', ...rows].join('\n') + more + counted
}

function risksSection(report: Report, risks: RiskAssessment, maxRows: number): string {
  const { reading, counts, level } = risks
  const source = report.source
  const scoped = risks.scope.mode !== 'all' && risks.scope.changes
  const parts = [`### IaC risks (${reading.incomplete === undefined ? reading.total : 'unknown'})`, '']
  if (reading.incomplete !== undefined) {
    // With fail-on-risk, the reason above says why; without it, nobody else does.
    const why = level ? 'the reason is above' : `why: ${plain(reading.incomplete).markdown}`
    parts.push(`⚠️ **The risks are unknown**: not every file's risks could be read, so none are counted (${reading.files.read} of ${reading.files.listed} files read); ${why}.`)
  } else {
    const levels = RISK_LEVELS.map((l) => `${l} **${counts[l]}**`)
    if (counts.unknown) levels.push(`of a level HSS does not document **${counts.unknown}**`)
    const which = scoped ? `${scopeWords(risks.scope.mode).trim()} (\`fail-on-risk-scope: ${risks.scope.mode}\`)` : 'that count'
    const others = [risks.excepted ? `${risks.excepted} excepted` : '', risks.preExisting ? `${risks.preExisting} pre-existing` : ''].filter(Boolean).join(', ')
    const clean = reading.files.clean ?? 0
    const spared = clean ? ` (${clean} of them proven clean by HSS's file summaries, so not read)` : ''
    parts.push(`${levels.join(' · ')} ${which}${others ? ` (and ${others})` : ''}, in ${reading.files.read + clean} of ${reading.files.listed} files${spared}`)
  }
  const shown = mostSevereFindings(risks.findings.filter((f) => !f.excepted))
  if (shown.length) {
    parts.push('', '| Level | Risk | Where | What | Status | Remediation |', '|---|---|---|---|---|---|')
    parts.push(...shown.slice(0, maxRows).map((f) => `| ${cell(f.risk.risk_level)} | ${cell(f.risk.risk_name)} | ${where(f, source)} | ${what(f)} | ${findingStatus(f, level, brokenMark(report))} | ${cell(f.risk.remediation, 300)} |`))
    if (shown.length > maxRows) parts.push('', `…and ${shown.length - maxRows} more in the \`risks\` output${risks.findings.length > 100 ? ' (its first 100)' : ''} and the SARIF file, when one is written.`)
    const breaking = risks.findings.filter((f) => breaks(f, level)).length
    if (breaking > MAX_ANNOTATIONS) parts.push('', `GitHub shows ${MAX_ANNOTATIONS} of the ${breaking} risks that break the gate as annotations on the diff; this table lists them all.`)
  }
  const described = descriptions(shown.slice(0, maxRows))
  if (described) parts.push('', described)
  return parts.join('\n')
}

/** The excepted findings, with each exception's reason and expiry; the exceptions that lapse soon; and the entries that except nothing. */
function exceptedSection(report: Report, maxRows: number): string {
  const { exceptions, source } = report
  const excepted = mostSevereFindings((report.risks?.findings ?? []).filter((f) => f.excepted))
  const soon = exceptions?.expiringSoon ?? []
  const ignored = exceptions?.ignored ?? []
  if (!excepted.length && !soon.length && !ignored.length) return ''
  const parts = [excepted.length ? `### Excepted risks (${excepted.length})` : '### Exceptions']
  if (excepted.length) {
    parts.push('', '| Level | Risk | Where | Reason | Expires |', '|---|---|---|---|---|')
    parts.push(...excepted.slice(0, maxRows).map((f) => `| ${cell(f.risk.risk_level)} | ${cell(f.risk.risk_name)} | ${where(f, source)} | ${cell(f.excepted?.reason, 300)} | ${f.excepted?.expires ?? '—'} |`))
    if (excepted.length > maxRows) parts.push('', `…and ${excepted.length - maxRows} more.`)
  }
  if (soon.length) parts.push('', `⏳ Expiring within 14 days: ${soon.map((e) => `entry ${e.entry} (${code(e.rule)}) on ${e.expires}`).join(', ')}.`)
  if (ignored.length) {
    const file = report.exceptionsFile ? ` of ${code(report.exceptionsFile)}` : ''
    const entries = ignored.length === 1 ? 'entry' : 'entries'
    parts.push('', `⚠️ **${ignored.length} ${entries}${file} ${ignored.length === 1 ? 'excepts' : 'except'} nothing** (an entry needs a \`rule\`, a \`reason\` and an \`expires\` date that has not passed):`, '')
    parts.push(...ignored.slice(0, 10).map((line) => `- ${inlineMarkdown(clip(line, 300))}`))
    if (ignored.length > 10) parts.push(`- …and ${ignored.length - 10} more`)
  }
  return parts.join('\n')
}

/** What upload-files did, in a line; the files sent, with the ids HSS gave them, folded. */
function uploadSection(upload: UploadReport): string {
  const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`
  const counts = [`**${upload.matched}** matched`, ...(upload.unchanged ? [`**${upload.unchanged}** left alone (the pull request does not change them)`] : []), `**${upload.uploaded.length}** uploaded${upload.requests ? ` in ${upload.requests} ${upload.requests === 1 ? 'request' : 'requests'}` : ''}`]
  const parts = [`**upload-files**: ${counts.join(' · ')}.`]
  if (upload.skipped.length) parts.push(`${files(upload.skipped.length)} not uploaded: ${upload.skipped.slice(0, 5).map((s) => `${code(clip(s.path, 200))} (${s.why})`).join(', ')}${upload.skipped.length > 5 ? ', …' : ''}.`)
  if (upload.uploaded.length) {
    const rows = upload.uploaded.slice(0, SUMMARY_FILE_ROWS).map((file) => `| ${code(clip(file.path, 300), true)} | ${code(file.fileId, true)} |`)
    const more = upload.uploaded.length > SUMMARY_FILE_ROWS ? ['', `…and ${upload.uploaded.length - SUMMARY_FILE_ROWS} more in the \`uploaded-files\` output.`] : []
    parts.push(['<details><summary>Files uploaded to HSS</summary>', '', '| Path | HSS file id |', '|---|---|', ...rows, ...more, '', '</details>'].join('\n'))
  }
  return parts.join('\n\n')
}

/**
 * The copies checked: a row per changed file the gate placed in the checkout; the files it could
 * not place (checked all the same, since they count as changed) are said in one line.
 */
function staleSection(stale: StaleCopies, mark: string): string {
  const old = stale.checks.filter((check) => check.stale)
  const placed = stale.checks.filter((check) => check.path)
  const unplaced = stale.checks.filter((check) => !check.path)
  const heading = `### Copies HSS scanned (${old.length} stale of ${stale.checks.length} checked)`
  const started =
    stale.runStartedAt === undefined
      ? 'When this workflow run started is unknown, so no copy can be known to hold this pull request\'s change.'
      : `This workflow run started at ${formatUtc(stale.runStartedAt)}; a copy HSS got before then cannot hold this pull request's change.`
  const parts = [heading, '', started]
  if (placed.length) {
    const rows = placed.slice(0, SUMMARY_FILE_ROWS).map((check) => `| ${code(check.path ?? '', true)} | ${check.uploadedAt === undefined ? '—' : formatUtc(check.uploadedAt)} | ${copyState(check, stale.mode, mark)} |`)
    parts.push('', '| Changed file | HSS got its copy | Copy |', '|---|---|---|', ...rows)
    if (placed.length > SUMMARY_FILE_ROWS) parts.push('', `…and ${placed.length - SUMMARY_FILE_ROWS} more.`)
  }
  if (unplaced.length) {
    const staleOnes = unplaced.filter((check) => check.stale).length
    parts.push('', `${unplaced.length} scanned ${unplaced.length === 1 ? 'file' : 'files'} could not be placed in the checkout, so ${unplaced.length === 1 ? 'it counts' : 'they count'} as changed and ${unplaced.length === 1 ? 'its copy was' : 'their copies were'} checked too: ${staleOnes ? `${staleOnes} stale` : 'all fresh'} (${unplaced.slice(0, 3).map((check) => cell(check.file.name)).join(', ')}${unplaced.length > 3 ? ', …' : ''}).`)
  }
  return parts.join('\n')
}

function copyState(check: StaleCopies['checks'][number], mode: StaleCopies['mode'], mark: string): string {
  if (!check.stale) return '✅ fresh'
  return `${mode === 'fail' ? mark : '⚠️'} ${check.why ?? 'stale'}`
}

/** `path:line`, linked to the line on GitHub when the run knows where the checkout is. */
export function where(finding: Finding, source: SourceLinks | undefined): string {
  if (!finding.path) return `${cell(finding.risk.file_name)} (${finding.note ?? 'not in the workspace'})`
  const label = finding.line === undefined ? finding.path : `${finding.path}:${finding.line}`
  const shown = code(label, true)
  const anchor = finding.line === undefined ? '' : `#L${finding.line}${finding.endLine && finding.endLine !== finding.line ? `-L${finding.endLine}` : ''}`
  const linked = source ? `[${shown}](${source.repoUrl}/blob/${source.sha}/${finding.path.split('/').map(percentEncode).join('/')}${anchor})` : shown
  return finding.line === undefined && finding.note ? `${linked} (${finding.note})` : linked
}

/** The Dockerfile instruction, or the resource and the path inside it. */
function what(finding: Finding): string {
  if (finding.resource) return [cell(resourceText(finding.resource)), finding.hitPath ? cell(finding.hitPath) : ''].filter(Boolean).join(' ')
  return finding.risk.build_instruction ? cell(finding.risk.build_instruction, 200) : '—'
}

export function findingStatus(finding: Finding, level: RiskAssessment['level'], mark: string): string {
  if (breaks(finding, level)) return `${mark} breaks the gate`
  if (finding.scope === 'pre-existing') return 'pre-existing'
  return 'reported'
}

/** HSS's description of each rule shown, once per rule, folded. */
function descriptions(findings: readonly Finding[]): string {
  const seen = new Map<string, Finding>()
  for (const f of findings) if (f.risk.description && !seen.has(f.risk.rule_id || f.risk.risk_name)) seen.set(f.risk.rule_id || f.risk.risk_name, f)
  if (!seen.size) return ''
  const items = [...seen.values()].map((f) => `- ${cell(f.risk.risk_name)}${f.risk.rule_id ? ` (${cell(f.risk.rule_id)})` : ''}: ${cell(f.risk.description, 600)}`)
  return ['<details><summary>What HSS says of these risks</summary>', '', ...items, '', '</details>'].join('\n')
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
export function cell(value: unknown, max = 200): string {
  const shown = typeof value === 'string' ? clip(value, max) : ''
  return shown ? code(shown, true) : '—'
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
