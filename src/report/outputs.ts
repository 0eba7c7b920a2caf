/** The step's outputs, as strings, from a report. */
import { FAILED_FILES_CAP } from '../gate/failed-files.ts'
import type { Report } from './report.ts'
import { percentText } from '../gate/verdict.ts'

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
  | 'comment-url',
  string
>

export function outputsOf(report: Report, commentUrl = ''): Outputs {
  const { task, verdict } = report
  const files = typeof report.failedFiles === 'object' ? report.failedFiles.files.slice(0, FAILED_FILES_CAP) : []
  return {
    'task-id': task?.task_id ?? report.target.id ?? '',
    'task-name': task?.task_name ?? report.target.name ?? '',
    'task-status': task?.task_status ?? '',
    scanned: String(verdict.counts.scanned),
    succeeded: String(verdict.counts.succeeded),
    failed: String(verdict.counts.failed),
    'failed-percent': percentText(verdict.failedPercent),
    result: verdict.result,
    reason: verdict.reasons.join('\n'),
    'elapsed-seconds': String(Math.round(report.elapsedMs / 1000)),
    'task-json': task ? JSON.stringify(task) : '',
    'failed-files': JSON.stringify(files),
    'comment-url': commentUrl
  }
}
