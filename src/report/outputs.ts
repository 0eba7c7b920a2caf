/** The step's outputs, as strings, from a report. Server text in them is kept to one line. */
import { clip } from '../escape.ts'
import { percentText } from '../gate/counts.ts'
import { FAILED_FILES_CAP } from '../gate/files/failed-files.ts'
import { mostSevereFindings, type Finding, type RiskAssessment } from '../gate/risks/findings.ts'
import type { Report } from '../gate/report.ts'
import { RISKS_KEPT } from '../gate/risks/risks.ts'
import { reasonLines } from '../gate/verdict.ts'
import { text } from '../hss/fields.ts'

export type Outputs = Record<
  | 'task-id'
  | 'task-name'
  | 'task-status'
  | 'scanned'
  | 'succeeded'
  | 'failed'
  | 'failed-percent'
  | 'result'
  | 'reason'
  | 'elapsed-seconds'
  | 'task-json'
  | 'failed-files'
  | 'risk-counts'
  | 'risks'
  | 'sarif-file'
  | 'comment-url'
  | 'uploaded-files',
  string
>

/** `task-json` larger than this keeps only the task's documented fields: a hostile task must not swell every later step's environment. */
export const TASK_JSON_MAX = 64 * 1024
const TASK_FIELDS = ['task_id', 'task_name', 'task_type', 'trigger_type', 'task_status', 'start_time', 'end_time', 'estimated_time', 'iac_scan_info', 'cluster_scan_info']

/** A count, or '' when HSS sent none that can be read. */
const count = (n: number | undefined): string => (n === undefined ? '' : String(n))

export function outputsOf(report: Report, extra: { commentUrl?: string; sarifFile?: string } = {}): Outputs {
  const { task, verdict } = report
  const files = typeof report.failedFiles === 'object' ? report.failedFiles.files.slice(0, FAILED_FILES_CAP) : []
  return {
    'task-id': clip(task?.task_id ?? report.target.id ?? '', 128),
    'task-name': clip(text(task?.task_name) ?? report.target.name ?? '', 255),
    'task-status': clip(text(task?.task_status) ?? '', 64),
    scanned: count(verdict.counts.scanned),
    succeeded: count(verdict.counts.succeeded),
    failed: count(verdict.failed),
    'failed-percent': verdict.failedPercent === undefined ? '' : percentText(verdict.failedPercent),
    result: verdict.result,
    reason: reasonLines(verdict).join('\n'),
    'elapsed-seconds': String(Math.round(report.elapsedMs / 1000)),
    'task-json': task ? taskJson(task) : '',
    'failed-files': JSON.stringify(files),
    'risk-counts': report.risks ? JSON.stringify(riskCounts(report.risks)) : '{}',
    risks: report.risks ? JSON.stringify(mostSevereFindings(report.risks.findings).slice(0, RISKS_KEPT).map(riskEntry)) : '[]',
    'sarif-file': extra.sarifFile ?? '',
    'comment-url': extra.commentUrl ?? '',
    'uploaded-files': JSON.stringify((report.upload?.uploaded ?? []).map((file) => ({ path: file.path, file_id: file.fileId })))
  }
}

/** The task exactly as HSS sent it (JSON keeps line breaks escaped), or, when that is huge, its documented fields. */
function taskJson(task: Record<string, unknown>): string {
  const whole = JSON.stringify(task)
  if (whole.length <= TASK_JSON_MAX) return whole
  const known = JSON.stringify(Object.fromEntries(TASK_FIELDS.filter((field) => field in task).map((field) => [field, task[field]])))
  return known.length <= TASK_JSON_MAX ? known : JSON.stringify({ task_id: task.task_id })
}

/**
 * The risks that can break the gate (changed, not excepted) by level, with `unknown` only when HSS
 * sent a level it does not document; `{}` when not every risk could be read, so that no unread
 * risk ever looks like a zero.
 */
function riskCounts(risks: RiskAssessment): Record<string, number> {
  if (risks.reading.incomplete !== undefined) return {}
  const { unknown, ...levels } = risks.counts
  return { ...levels, ...(unknown ? { unknown } : {}) }
}

/** One entry of `risks`: HSS's fields, then where it is and how it was judged (each only when known). */
function riskEntry(finding: Finding): Record<string, unknown> {
  const { risk } = finding
  return {
    file_name: risk.file_name,
    file_id: risk.file_id,
    risk_level: risk.risk_level,
    risk_name: risk.risk_name,
    rule_id: risk.rule_id,
    risk_category: risk.risk_category,
    risk_num: risk.risk_num,
    remediation: risk.remediation,
    ...(finding.path ? { path: finding.path } : {}),
    ...(finding.line !== undefined ? { line: finding.line, end_line: finding.endLine ?? finding.line } : {}),
    ...(finding.resource ? { resource: finding.resource } : {}),
    ...(finding.hitPath ? { hit_path: finding.hitPath } : {}),
    ...(risk.build_instruction ? { build_instruction: risk.build_instruction } : {}),
    ...(risk.description ? { description: risk.description } : {}),
    ...(finding.note ? { location_note: clip(finding.note, 300) } : {}),
    scope: finding.scope,
    ...(finding.excepted ? { excepted: { reason: finding.excepted.reason, expires: finding.excepted.expires } } : {})
  }
}
