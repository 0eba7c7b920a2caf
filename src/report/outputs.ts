/** The step's outputs, as strings, from a report. Server text in them is kept to one line. */
import { clip } from '../escape.ts'
import { percentText } from '../gate/counts.ts'
import { FAILED_FILES_CAP } from '../gate/failed-files.ts'
import { topRisks, type RiskReading } from '../gate/risks.ts'
import { reasonLines } from '../gate/verdict.ts'
import { text } from '../hss/fields.ts'
import type { Report } from './report.ts'

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
  | 'comment-url',
  string
>

/** A count, or '' when HSS sent none that can be read. */
const count = (n: number | undefined): string => (n === undefined ? '' : String(n))

export function outputsOf(report: Report, commentUrl = ''): Outputs {
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
    // JSON keeps every line break escaped, so the task stays one line, exactly as HSS sent it.
    'task-json': task ? JSON.stringify(task) : '',
    'failed-files': JSON.stringify(files),
    'risk-counts': report.risks ? JSON.stringify(riskCounts(report.risks.reading)) : '{}',
    risks: report.risks ? JSON.stringify(topRisks(report.risks.reading)) : '[]',
    'comment-url': commentUrl
  }
}

/** `{"high":1,"medium":0,"low":2,"tips":0}`, with `unknown` only when HSS sent a level it does not document. */
function riskCounts(reading: RiskReading): Record<string, number> {
  return { ...reading.counts, ...(reading.unknownLevel ? { unknown: reading.unknownLevel } : {}) }
}
